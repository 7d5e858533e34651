"""The menu entry and icons of a pip install, and `backbreak --uninstall`, in the test's own XDG folders."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from backbreak import APP_ID, desktopentry, paths
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private XDG_RUNTIME_DIR: --uninstall --delete-data removes backbreak's folder in it."""
    folder = tmp_path / "runtime"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    return folder


def backbreak(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "backbreak", *args], capture_output=True, text=True, timeout=60)


def test_install_writes_the_entry_and_every_icon_size(tmp_path: Path) -> None:
    written = desktopentry.install(command=["/opt/back break/backbreak"])
    menu = paths.menu_entry()
    assert menu == Path(str(tmp_path / "xdg_data_home")) / "applications" / f"{APP_ID}.desktop"
    assert written[0] == menu
    assert 'Exec="/opt/back break/backbreak"\n' in menu.read_text()
    for size in paths.ICON_SIZES:
        image = QImage(str(paths.icon_files()[f"{size}x{size}"]))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 2).alpha() == 0  # the ring's hole stays transparent
    assert paths.icon_files()["scalable"].read_bytes() == (ROOT / "assets" / "icons" / "backbreak.svg").read_bytes()


def test_remove_takes_only_what_install_wrote(tmp_path: Path) -> None:
    theirs = paths.icon_files()["48x48"].with_name("someone-else.png")
    theirs.parent.mkdir(parents=True)
    theirs.write_bytes(b"png")
    written = desktopentry.install()
    assert sorted(desktopentry.remove()) == sorted(written)
    assert desktopentry.remove() == []  # a second time: nothing left to remove
    data = tmp_path / "xdg_data_home"
    left = sorted(path.relative_to(data).as_posix() for path in data.rglob("*") if path.is_file())
    assert left == ["icons/hicolor/48x48/apps/someone-else.png"]
    assert not (data / "applications").exists()  # made by install, empty again: gone


def test_the_packaged_desktop_file_is_the_entry_install_writes_with_a_plain_command() -> None:
    packaged = ROOT / "packaging" / "linux" / f"{APP_ID}.desktop"
    assert packaged.read_text() == desktopentry.entry_text(["backbreak"])


def test_the_command_line_installs_and_removes_the_menu_entry() -> None:
    done = backbreak("--install-desktop-entry")
    assert done.returncode == 0, done.stderr
    assert paths.menu_entry().exists()
    assert str(paths.menu_entry()) in done.stdout
    done = backbreak("--remove-desktop-entry")
    assert done.returncode == 0
    assert not paths.menu_entry().exists()
    assert backbreak("--delete-data").returncode == 2  # only with --uninstall
    assert desktopentry.has_xdg_menu("linux")
    assert not desktopentry.has_xdg_menu("win32")  # Windows and macOS menus are an installer's job


def test_uninstall_removes_start_at_login_and_the_menu_and_keeps_data_unless_asked(runtime: Path) -> None:
    from backbreak.platform import autostart

    entry = autostart.for_this_os()
    entry.apply(True)
    desktopentry.install()
    paths.settings_file().parent.mkdir(parents=True)
    paths.settings_file().write_text("schema_version = 1\n")
    kept = backbreak("--uninstall")
    assert kept.returncode == 0, kept.stderr
    assert entry.state().enabled is False
    assert f"removed start at login: {paths.autostart_entry()}" in kept.stdout
    assert not paths.menu_entry().exists()
    assert paths.settings_file().exists()
    assert "pipx uninstall backbreak" in kept.stdout
    deleted = backbreak("--uninstall", "--delete-data")
    assert deleted.returncode == 0
    assert not paths.config_dir().exists()
    assert not (runtime / "backbreak").exists()
    assert runtime.exists()  # the runtime folder is the session's, not backbreak's
