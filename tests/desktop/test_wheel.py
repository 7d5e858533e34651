"""The wheel holds the source tree, all of it and nothing else (issue #11: it lacked backbreak.ui.stretch).

Here, beside the desktop tests, because they share the one wheel a run builds.
"""

from __future__ import annotations

from tests.desktop.installed import Wheel

# The data files assets/ ships (pyproject.toml's package-data, with the compiled translations but not
# their .po sources), and its __init__.py.
ASSET_SUFFIXES = {".svg", ".toml", ".wav", ".ogg", ".py", ".mo", ".pot"}


def test_the_wheel_holds_every_module_and_asset_and_nothing_else(wheel: Wheel) -> None:
    source = wheel.source  # the snapshot the wheel was built from: edits during the run cannot race it
    modules = {path.relative_to(source).as_posix() for path in (source / "backbreak").rglob("*.py")}
    assets = {
        "backbreak/assets/" + path.relative_to(source / "assets").as_posix()
        for path in (source / "assets").rglob("*")
        if path.is_file() and path.suffix in ASSET_SUFFIXES
    }
    shipped = {name for name in wheel.names() if not name.split("/")[0].endswith(".dist-info")}
    assert "backbreak/ui/stretch/__init__.py" in modules  # the walk reaches subpackages (#11's was one)
    assert sorted((modules | assets) - shipped) == [], "in the tree but not in the wheel"
    assert sorted(shipped - (modules | assets)) == [], "in the wheel but not among the tree's modules and assets"


def test_the_build_warns_of_no_package_left_out(wheel: Wheel) -> None:
    assert "Successfully built backbreak" in wheel.log  # the log is the build's (pip wheel --verbose)
    # setuptools' words when a folder it would ship data from is not in `packages`.
    warnings = ("would be ignored", "absent from the `packages` configuration", "importable package")
    said = [line.strip() for line in wheel.log.splitlines() if any(warning in line for warning in warnings)]
    assert said == []
