"""The menu entry and icon of a pip (or pipx) install, and `backbreak --uninstall`.

A Flatpak or a distribution package installs its desktop file and icons itself; a pip install cannot
(wheels have no place for them), so `backbreak --install-desktop-entry` writes them into the user's
XDG data folder: ~/.local/share/applications/<app id>.desktop and the hicolor icons (PNGs from 16 to
512 px rendered from the SVG master, and the SVG itself). `--remove-desktop-entry` removes exactly
those files. packaging/linux/<app id>.desktop is this same entry with a plain `Exec=backbreak`; a test
keeps the two identical.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

import platformdirs

from backbreak import APP_ID, paths
from backbreak.platform import launch

ENTRY = """[Desktop Entry]
Type=Application
Name=backbreak
GenericName=Break reminder
Comment=Counts how long you have really been sitting and guides short stretch breaks
Exec={command}
Icon={icon}
Terminal=false
Categories=Utility;
Keywords=break;stretch;posture;reminder;sitting;
StartupNotify=false
"""


def has_xdg_menu(platform: str = sys.platform) -> bool:
    """Whether this OS has XDG application menus (Windows and macOS have their own installers' ways)."""
    return platform.startswith("linux") or "bsd" in platform


def entry_text(command: Sequence[str]) -> str:
    """The desktop entry that starts `command`."""
    return ENTRY.format(command=launch.exec_line(command), icon=APP_ID)


def install(
    menu: Path | None = None, icons: dict[str, Path] | None = None, command: Sequence[str] | None = None
) -> list[Path]:
    """Write the menu entry and the icons; returns the files written."""
    from backbreak import iconrender

    menu = menu or paths.menu_entry()
    icons = icons or paths.icon_files()
    svg = iconrender.master_svg()
    for size, target in icons.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if size == "scalable":
            target.write_bytes(svg)
        else:
            target.write_bytes(iconrender.png(svg, int(size.split("x")[0])))
    menu.parent.mkdir(parents=True, exist_ok=True)
    menu.write_text(entry_text(command or launch.argv()), encoding="utf-8")
    return [menu, *icons.values()]


def remove(menu: Path | None = None, icons: dict[str, Path] | None = None, top: Path | None = None) -> list[Path]:
    """Remove the menu entry and the icons; returns the ones that were there.

    Folders that install made and that are empty now go too (hicolor/48x48/apps, ...), up to but not
    including `top` (the XDG data folder); a folder holding anything else stays.
    """
    top = top or platformdirs.user_data_path()
    files = [menu or paths.menu_entry(), *(icons or paths.icon_files()).values()]
    there = [path for path in files if path.exists()]
    for path in there:
        path.unlink()
        folder = path.parent
        while folder != top and folder.is_relative_to(top) and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return there


def user_data() -> list[Path]:
    """Backbreak's own folders: settings and routines, history, log, lock and socket."""
    return [paths.config_dir(), paths.data_dir(), paths.log_dir(), paths.runtime_dir()]


def delete_user_data(folders: Sequence[Path] | None = None) -> list[Path]:
    """Delete backbreak's folders; returns those that were there.

    Each is backbreak's own (named after it, or inside one that is); a parent named after backbreak that
    is left empty goes too (~/.local/state/backbreak once its log/ is gone), nothing else.
    """
    there = [folder for folder in (folders or user_data()) if folder.exists()]
    for folder in there:
        shutil.rmtree(folder)
        parent = folder.parent
        if parent.name == paths.APP and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
    return there
