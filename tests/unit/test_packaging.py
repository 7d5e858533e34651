"""packaging/: the desktop file, the AppStream metainfo and the Flatpak manifest, checked with the tools
that run here (desktop-file-validate, appstreamcli, flatpak-builder) and against the code they describe."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from backbreak import APP_ID, __version__

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MANIFEST = ROOT / "packaging" / "flatpak" / f"{APP_ID}.yml"

# What the app needs from a Flatpak sandbox, and nothing more (shared/PLATFORM.md sections 3, 4, 1, 2, 7).
FINISH_ARGS = {
    "--socket=wayland",
    "--socket=fallback-x11",
    "--share=ipc",
    "--talk-name=org.kde.StatusNotifierWatcher",
    "--talk-name=org.freedesktop.Notifications",
    "--talk-name=org.gnome.Mutter.IdleMonitor",
    "--talk-name=org.freedesktop.ScreenSaver",
    "--system-talk-name=org.freedesktop.login1",
}
# Bus names the code asks for that the sandbox leaves out, and why backbreak still works there.
LEFT_OUT = {
    "org.gnome.ScreenSaver": "GNOME reports the lock through logind's LockedHint",
    "org.cinnamon.ScreenSaver": "lock comes from logind's LockedHint",
    "org.mate.ScreenSaver": "lock comes from logind's LockedHint",
    "org.xfce.ScreenSaver": "lock comes from logind's LockedHint",
    "org.freedesktop.portal.Desktop": "portals are reachable from every sandbox",
}
# Quoted in the code beside the bus names, but interfaces (or a GSettings schema), not names to talk to.
NOT_BUS_NAMES = {
    "org.freedesktop.DBus.Properties",
    "org.freedesktop.login1.Manager",
    "org.freedesktop.login1.Session",
    "org.freedesktop.portal.Background",
    "org.freedesktop.portal.Request",
    "org.gnome.desktop.notifications",
}


def tool(name: str) -> str:
    """The path of a validator; skipped where it is missing, but under CI a missing one fails."""
    found = shutil.which(name)
    if found is None:
        message = f"{name} is missing (.ci/run installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


def run(*argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=60, check=False)


def test_the_desktop_file_passes_desktop_file_validate() -> None:
    done = run(tool("desktop-file-validate"), str(DESKTOP))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == ""  # not even a hint


def test_the_metainfo_passes_appstreamcli_validate() -> None:
    done = run(tool("appstreamcli"), "validate", "--no-net", "--pedantic", str(METAINFO))
    assert done.returncode == 0, done.stdout + done.stderr
    # Debian 12's AppStream 0.16 predates <developer> (AppStream 1.0, which Flathub requires) and says so
    # as an info; anything else it says is a real finding.
    said = [line for line in done.stdout.splitlines() if re.match(r"^[EWIP]: ", line)]
    assert all("unknown-tag developer" in line for line in said), said


def test_the_metainfo_describes_this_app() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.find("developer") is not None
    assert root.find("content_rating[@type='oars-1.1']") is not None
    assert root.find(f"releases/release[@version='{__version__}']") is not None  # this version is described
    images = [image.text or "" for image in root.iter("image")]
    assert len(images) >= 3
    for url in images:  # each names a committed screenshot of a real window
        assert url.endswith(".png")
        assert (LINUX / "screenshots" / url.rsplit("/", 1)[1]).is_file(), url
    assert root.find("screenshots/screenshot[@type='default']") is not None


def manifest() -> dict[str, Any]:
    """The manifest as flatpak-builder reads it (it parses the YAML and prints JSON)."""
    with tempfile.TemporaryDirectory() as scratch:  # it leaves a .flatpak-builder/ state folder behind
        done = run(tool("flatpak-builder"), "--show-manifest", str(MANIFEST), cwd=Path(scratch))
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout))


def test_flatpak_builder_reads_every_key_of_the_manifest() -> None:
    parsed = manifest()
    # A key flatpak-builder does not know is dropped from --show-manifest: compare the top-level keys.
    written = {line.split(":")[0] for line in MANIFEST.read_text().splitlines() if re.match(r"^[a-z-]+:", line)}
    assert written == set(parsed)
    assert parsed["id"] == APP_ID
    assert parsed["base"] == "io.qt.PySide.BaseApp"
    assert parsed["base-version"] == parsed["runtime-version"]  # the BaseApp is built for one KDE branch
    assert parsed["runtime"] == "org.kde.Platform"
    assert "/app/cleanup-BaseApp.sh" in parsed["cleanup-commands"]


def test_the_sandbox_grants_what_the_app_talks_to_and_nothing_more() -> None:
    granted = set(manifest()["finish-args"])
    assert granted == FINISH_ARGS
    assert not any(arg.startswith(("--filesystem", "--share=network", "--device", "--own-name")) for arg in granted)
    # Every bus name in the code is granted, left out for a stated reason, or not a bus name at all.
    quoted = set()
    for path in (ROOT / "backbreak").rglob("*.py"):
        quoted |= set(re.findall(r'"(org\.(?:freedesktop|gnome|kde|cinnamon|mate|xfce)\.[\w.]+)"', path.read_text()))
    talked = {arg.split("=", 1)[1] for arg in granted if "talk-name=" in arg}
    assert quoted - talked - set(LEFT_OUT) - NOT_BUS_NAMES == set()
    assert {"org.freedesktop.Notifications", "org.gnome.Mutter.IdleMonitor", "org.freedesktop.login1"} <= quoted


def test_the_manifest_installs_files_that_exist() -> None:
    backbreak = next(module for module in manifest()["modules"] if module["name"] == "backbreak")
    installed = " ".join(backbreak["build-commands"])
    for relative in re.findall(r"packaging/linux/\S+", installed):
        assert (ROOT / relative).exists(), relative
    wheels = next(module for module in manifest()["modules"] if module["name"] == "python-dependencies")
    names = {source["url"].rsplit("/", 1)[1].split("-")[0].lower() for source in wheels["sources"]}
    assert names == {"apscheduler", "tzlocal", "platformdirs", "tomli_w"}  # every runtime dependency but PySide6
    assert all(re.fullmatch(r"[0-9a-f]{64}", source["sha256"]) for source in wheels["sources"])
