"""One scripted work day, start to end, through the real engine with a fake clock.

Every line of the expected timeline follows from the defaults (move every 30 min for 2 min, stretch
every 60 min with desk-2 (124 s), heads-up 60 s, snooze 5 min, idle threshold 3 min) and the script:

- 08:00 hours start; typing. Move at 08:30 (heads-up 08:29), walked 2 min. The stretch counter reaches
  60 min at 09:02, which replaces the move break due then; desk-2 takes 124 s, so it ends 09:04:04.
- 09:15-10:00 a full-screen presentation: the move break due 09:34:04 waits. When it ends, the stretch
  counter is 4 min from due, so the waiting move break is shown as a stretch (it replaces it).
- Ignored while typing: it comes back every 5 min (shown 2x ... 5x).
- 10:20-10:30 coffee: no input; away for 10 min is a natural stretch break, the reminder closes.
- 11:00 the move break is snoozed twice, then taken at 11:10. Stretch at 11:32, snoozed twice, taken.
- 12:00-12:45 lunch with the screen locked: a natural break.
- 13:40-14:30 the lid is closed and nobody says so: the wall clock jumps, the monotonic one does not,
  and the engine counts the gap as away: a natural break at 14:30, no burst of stale reminders.
- 14:50-15:50 paused: counters freeze at 20 min, so the move break comes at 16:00.
- 16:33 "This hurts" one minute into desk-2: no stretch break is offered again today, only moves.
- 17:03 and 17:33 skipped. 18:00 hours end; typing on until 19:00 brings nothing.
"""

from __future__ import annotations

import datetime as dt

from backbreak.core.events import BusyChanged, Locked, Pause, Phase, Unlocked
from backbreak.core.settings import HoursSettings, Settings

from tests.fakes import SimulatedDay, wall

EXPECTED = [
    "08:29:00 heads-up move in 60 s",
    "08:29:00 record heads_up move",
    "08:30:00 record due move",
    "08:30:00 due move (shown 1x)",
    "08:30:00 open move",
    "08:30:00 record started move",
    "08:32:00 record completed move",
    "09:01:00 heads-up stretch in 60 s",
    "09:01:00 record heads_up stretch",
    "09:02:00 record due stretch",
    "09:02:00 due stretch (shown 1x)",
    "09:02:00 open desk-2",
    "09:02:00 record started stretch",
    "09:04:04 record completed stretch",
    "09:34:04 record due move",
    "10:00:00 due stretch (shown 1x)",
    "10:05:00 due stretch (shown 2x)",
    "10:10:00 due stretch (shown 3x)",
    "10:15:00 due stretch (shown 4x)",
    "10:20:00 due stretch (shown 5x)",
    "10:30:00 record natural stretch",
    "10:59:00 heads-up move in 60 s",
    "10:59:00 record heads_up move",
    "11:00:00 record due move",
    "11:00:00 due move (shown 1x)",
    "11:00:00 record snoozed move",
    "11:05:00 due move (shown 2x)",
    "11:05:00 record snoozed move",
    "11:10:00 due move (shown 3x)",
    "11:10:00 open move",
    "11:10:00 record started move",
    "11:12:00 record completed move",
    "11:31:00 heads-up stretch in 60 s",
    "11:31:00 record heads_up stretch",
    "11:32:00 record due stretch",
    "11:32:00 due stretch (shown 1x)",
    "11:32:00 record snoozed stretch",
    "11:37:00 due stretch (shown 2x)",
    "11:37:00 record snoozed stretch",
    "11:42:00 due stretch (shown 3x)",
    "11:42:00 open desk-2",
    "11:42:00 record started stretch",
    "11:44:04 record completed stretch",
    "12:45:00 record natural stretch",
    "13:14:00 heads-up move in 60 s",
    "13:14:00 record heads_up move",
    "13:15:00 record due move",
    "13:15:00 due move (shown 1x)",
    "13:15:00 open move",
    "13:15:00 record started move",
    "13:17:00 record completed move",
    "14:30:00 record natural stretch",
    "14:50:00 record paused",
    "15:50:00 record resumed",
    "15:59:00 heads-up move in 60 s",
    "15:59:00 record heads_up move",
    "16:00:00 record due move",
    "16:00:00 due move (shown 1x)",
    "16:00:00 open move",
    "16:00:00 record started move",
    "16:02:00 record completed move",
    "16:31:00 heads-up stretch in 60 s",
    "16:31:00 record heads_up stretch",
    "16:32:00 record due stretch",
    "16:32:00 due stretch (shown 1x)",
    "16:32:00 open desk-2",
    "16:32:00 record started stretch",
    "16:33:00 record hurt stretch",
    "17:02:00 heads-up move in 60 s",
    "17:02:00 record heads_up move",
    "17:03:00 record due move",
    "17:03:00 due move (shown 1x)",
    "17:03:00 record skipped move",
    "17:32:00 heads-up move in 60 s",
    "17:32:00 record heads_up move",
    "17:33:00 record due move",
    "17:33:00 due move (shown 1x)",
    "17:33:00 record skipped move",
]


def run_day() -> SimulatedDay:
    settings = Settings(hours=HoursSettings(enabled=True, start=dt.time(8), end=dt.time(18)))
    day = SimulatedDay(settings, "2026-11-23 07:50")  # a Monday
    day.until("09:15")
    day.send(BusyChanged(True))
    day.until("10:00")
    day.policy = "ignore"
    day.send(BusyChanged(False))
    day.until("10:20")
    day.leave()
    day.until("10:30")
    day.policy = "snooze twice"
    day.type()
    day.until("12:00")
    day.send(Locked())
    day.leave()
    day.until("12:45")
    day.type()
    day.send(Unlocked())
    day.policy = "start"
    day.until("13:40")
    day.sleep("14:30")
    day.type()
    day.until("14:50")
    day.send(Pause(wall("2026-11-23 15:50")))
    day.until("16:20")
    day.policy = "hurt"
    day.until("16:40")
    day.policy = "skip"
    day.until("19:00")
    return day


def test_the_day_gives_exactly_this_timeline() -> None:
    day = run_day()
    assert day.timeline == EXPECTED


def test_the_evening_is_outside_hours_and_quiet() -> None:
    day = run_day()
    assert day.state.phase is Phase.OUTSIDE_HOURS
    assert all(line < "18:00" for line in day.timeline)


def test_nothing_polls_a_wakeup_only_when_something_can_change() -> None:
    day = run_day()
    reminders = sum(" due " in line or "heads-up" in line for line in day.timeline)
    # Wake-ups go to heads-ups, due times, renotifies, snooze ends, the pause end and the hours' edges.
    assert day.wakeups <= reminders + 12
