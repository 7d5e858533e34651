"""The busy watch (full screen, do-not-disturb) and the settings file watch."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from backbreak.core.settings import Settings
from backbreak.platform.dnd import DoNotDisturb, GnomeBanners
from backbreak.runtime.busy import BusyWatch
from backbreak.runtime.driver import EngineDriver
from backbreak.runtime.scheduler import WakeScheduler
from backbreak.runtime.settingswatch import SettingsWatch
from backbreak.runtime.timers import QT_TIMERS
from pytestqt.qtbot import QtBot

from tests.fakes import ROUTINE_SECONDS, FakeClock, wall


class Flag:
    def __init__(self) -> None:
        self.on = False

    def busy(self) -> bool:
        return self.on


def test_busy_watch_names_the_reason_and_rechecks_only_while_busy(qtbot: QtBot) -> None:
    clock = FakeClock(wall("2026-11-23 09:00"))
    driver = EngineDriver(Settings(), clock, WakeScheduler, ROUTINE_SECONDS)
    fullscreen, dnd = Flag(), Flag()
    watch = BusyWatch(driver, {"full-screen": fullscreen, "do not disturb": dnd}, QT_TIMERS)
    dnd.on = True
    watch.check()
    assert watch.reason == ""  # far from a break nothing is asked
    clock.advance(29 * 60)
    driver.tick()  # now the heads-up is near
    dnd.on = False
    watch.check()
    assert (watch.reason, driver.state.busy) == ("", False)
    assert not watch._recheck.isActive()
    dnd.on = True
    watch.check()
    assert (watch.reason, driver.state.busy, driver.state.busy_reason) == ("do not disturb", True, "do not disturb")
    assert watch._recheck.isActive()
    fullscreen.on = True
    watch.check()
    assert watch.reason == "full-screen"
    fullscreen.on = dnd.on = False
    watch.check()
    assert (watch.reason, driver.state.busy) == ("", False)
    assert not watch._recheck.isActive()
    assert watch.check in driver.before_step
    driver.shutdown()


def test_settings_watch_sees_a_replaced_file(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.toml"
    watch = SettingsWatch(path)
    with qtbot.waitSignal(watch.changed, timeout=5000):
        path.write_text("schema_version = 1\n")
    replacement = path.with_name("settings.toml.tmp")
    replacement.write_text('schema_version = 1\n[move]\nevery = "25m"\n')
    with qtbot.waitSignal(watch.changed, timeout=5000):
        replacement.replace(path)  # an atomic save
    with qtbot.waitSignal(watch.changed, timeout=5000):
        path.write_text("schema_version = 1\n")  # the watch followed the new file


def test_gnome_do_not_disturb_is_read_with_gsettings(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A stand-in gsettings that answers for the one key, from a file the test sets.
    answer = tmp_path / "show-banners"
    tool = tmp_path / "bin" / "gsettings"
    tool.parent.mkdir()
    tool.write_text(
        f'#!/bin/sh\n[ "$*" = "get org.gnome.desktop.notifications show-banners" ] || exit 1\ncat "{answer}"\n'
    )
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tool.parent}:{os.environ['PATH']}")
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "ubuntu:GNOME")
    dnd = DoNotDisturb()
    answer.write_text("true\n")
    assert dnd.busy() is False
    answer.write_text("false\n")
    assert dnd.busy() is True
    tool.write_text("#!/bin/sh\nexit 1\n")  # a schema that is not installed reads as not busy
    assert dnd.busy() is False
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "KDE")
    assert GnomeBanners.for_this_session() is None  # only GNOME sessions ask
