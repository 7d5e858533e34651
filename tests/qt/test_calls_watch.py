"""Calls hold a due break through the whole app: the camera at once, the microphone after 30 s of use.

The devices are fakes switched by the test; the looks, the timing of the microphone, the hold, the
grace after the call and the typing pause all run through the real app on the fake clock.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from backbreak.core.events import Phase
from backbreak.platform.calls import Devices
from backbreak.runtime.busy import CallCheck
from pytestqt.qtbot import QtBot

from tests.apphelpers import AppHarness
from tests.fakes import FakeClock, wall

pytestmark = pytest.mark.qt_log_ignore("systemTrayWindowChanged", "does not support raise")


class Switch:
    """A microphone and a camera the test turns on and off; counts the looks."""

    name = "fake devices"

    def __init__(self) -> None:
        self.mic = False
        self.cam = False
        self.looks = 0

    def microphone(self) -> bool:
        self.looks += 1
        return self.mic

    def camera(self) -> bool:
        return self.cam


def test_the_microphone_counts_as_a_call_only_after_30_s_the_camera_at_once() -> None:
    clock = FakeClock(wall("2026-11-23 08:00"))
    switch = Switch()
    check = CallCheck(lambda: Devices(microphones=[switch], cameras=[switch]), clock)
    assert (check.busy(), check.settling) == (False, False)
    switch.mic = True
    assert (check.busy(), check.settling) == (False, True)  # seen now: timed from here
    clock.advance(20)
    assert (check.busy(), check.settling) == (False, True)
    clock.advance(10)
    assert (check.busy(), check.settling) == (True, False)
    switch.mic = False
    assert (check.busy(), check.settling) == (False, False)
    switch.cam = True
    assert check.busy() is True


def harness(tmp_path: Path, switch: Switch) -> AppHarness:
    return AppHarness(
        tmp_path, calls=lambda clock: CallCheck(lambda: Devices(microphones=[switch], cameras=[switch]), clock)
    ).start()


def test_a_call_holds_the_break_and_it_comes_a_minute_after_the_call(qtbot: QtBot, tmp_path: Path) -> None:
    switch = Switch()
    h = harness(tmp_path, switch)
    try:
        h.until("08:20")
        assert switch.looks == 0  # far from a break nothing is asked
        switch.mic = True  # a call starts at 08:20; the break is due at 08:30
        h.until("08:35")
        assert "Time to stand up" not in h.notifier.summaries()
        assert "Move break in 1 min" not in h.notifier.summaries()  # no heads-up in a call either
        status = h.control.command("status")["result"]
        assert (status["state"], status["waiting_for"]) == ("due", "call")
        assert "waiting: call" in status["tooltip"]
        looks = switch.looks
        h.until("08:45")
        assert 50 <= switch.looks - looks <= 70  # every 10 s while in the call, no more
        switch.mic = False  # hung up at 08:45
        h.until("08:45:59")
        assert "Time to stand up" not in h.notifier.summaries()
        h.until("08:46:10")
        assert h.notifier.summaries().count("Time to stand up") == 1
        h.until("08:50")
        assert h.notifier.summaries().count("Time to stand up") == 1  # once; the snooze length brings it again
    finally:
        h.stop()


def test_a_voice_message_does_not_hold_the_break(qtbot: QtBot, tmp_path: Path) -> None:
    switch = Switch()
    h = harness(tmp_path, switch)
    try:
        h.until("08:29:50")
        switch.mic = True  # ten seconds of dictation across the moment the break is due
        h.until("08:30")
        assert h.notifier.showing[-1].summary == "Time to stand up"
        assert h.app.driver.status.phase is Phase.DUE
        switch.mic = False
    finally:
        h.stop()


def test_the_cap_ends_even_a_long_call(qtbot: QtBot, tmp_path: Path) -> None:
    switch = Switch()
    h = harness(tmp_path, switch)
    try:
        switch.cam = True
        h.until("08:59:59")
        assert [summary for summary in h.notifier.summaries() if summary.startswith("Time")] == []
        h.until("09:00:05")  # due at 08:30, held for fullscreen_cap (30 min); an hour of sitting by now
        assert [summary for summary in h.notifier.summaries() if summary.startswith("Time")] == ["Time for a stretch"]
    finally:
        h.stop()


def test_mid_sentence_the_reminder_waits_for_a_pause_then_comes(qtbot: QtBot, tmp_path: Path) -> None:
    h = AppHarness(tmp_path).start()
    try:
        h.until("08:29:30")
        h.idle.gap = 0.0  # typing without a pause
        h.until("08:30:20")
        assert "Time to stand up" not in h.notifier.summaries()
        assert h.app.driver.status.phase is Phase.DUE
        h.idle.typing = False  # the end of a sentence: the hands leave the keys
        h.advance(2.5)
        assert "Time to stand up" not in h.notifier.summaries()  # not yet 3 s
        h.advance(1.0)  # 3 s without a key, seen by a look within half a second
        assert h.notifier.showing[-1].summary == "Time to stand up"
    finally:
        h.stop()
