"""Which packages backbreak's wheel holds: all of backbreak/, found rather than listed, and assets/.

Everything else about the build is declared in pyproject.toml, including where backbreak.assets lives
(package-dir) and which of its files ship (package-data). Only the package list is here, because it is
computed: pyproject's `packages.find` finds folders under their own names and cannot put the top-level
assets/ folder into the wheel as backbreak.assets, and a hand-kept list forgot backbreak.ui.stretch
(issue #11). tests/desktop/test_wheel.py compares the wheel with the tree.
"""

from setuptools import find_namespace_packages, find_packages, setup

ASSETS = "backbreak.assets"

setup(
    packages=[
        *find_packages(include=["backbreak", "backbreak.*"]),
        ASSETS,
        # assets/icons and assets/routines hold data only, but Python can import any folder as a
        # namespace package, and setuptools warns ("package would be ignored") about data in a folder
        # its `packages` leave out.
        *(
            f"{ASSETS}.{name}"
            for name in find_namespace_packages(where="assets", exclude=["__pycache__", "*.__pycache__"])
        ),
    ],
)
