"""The statistics in words, and what the settings mean for a day."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from backbreak.core.dayplan import days_words, plan_sentence, routine_label, span_words
from backbreak.core.events import BreakKind
from backbreak.core.settings import EyeSettings, HoursSettings, Settings
from backbreak.core.stats import DayStats, Summary
from backbreak.core.statstext import day_name, day_sentence, figures_line, segment_sentence, summary_sentence
from backbreak.core.timeline import Part, Segment

TODAY = dt.date(2026, 11, 24)  # a Tuesday


def days(*figures: tuple[float, float, int, int]) -> Summary:
    """(sitting min, longest min, taken, natural) per day, oldest first, ending today."""
    per_day = [
        DayStats(TODAY - dt.timedelta(days=len(figures) - 1 - n), sit * 60, longest * 60, taken, 0, 0, natural)
        for n, (sit, longest, taken, natural) in enumerate(figures)
    ]
    return Summary(TODAY, len(figures), per_day, streak_days=2)


def test_today_in_one_friendly_sentence() -> None:
    assert summary_sentence(days((300, 40, 9, 2))) == (
        "You broke up your sitting 11 times today; longest stretch without a break 40 min."
    )
    assert summary_sentence(days((70, 70, 0, 0))) == "No breaks yet today; longest stretch without a break 1 h 10 min."
    assert summary_sentence(days((0, 0, 1, 0))) == (
        "You broke up your sitting 1 time today; longest stretch without a break 0 s."
    )
    assert summary_sentence(days((0, 0, 0, 0))) == "Nothing recorded yet today."


def test_a_week_in_words_names_the_day_of_the_longest_stretch() -> None:
    week = days(
        (0, 0, 0, 0), (0, 0, 0, 0), (300, 25, 10, 1), (320, 55, 8, 0), (280, 30, 9, 2), (0, 0, 0, 0), (60, 20, 2, 0)
    )
    assert summary_sentence(week) == (
        "In the last 7 days you broke up your sitting 32 times, about 8 a day; longest stretch without a "
        "break 55 min (on Saturday). On 3 of 4 days, no stretch of sitting went past 30 min."
    )
    good = days((300, 25, 10, 1), (60, 20, 2, 0))
    assert summary_sentence(good).endswith("(yesterday). On both days, no stretch of sitting went past 30 min.")
    long_ago = Summary(TODAY, 30, [DayStats(TODAY - dt.timedelta(days=20), 3600, 3600, 0)])
    assert "(on Wed 4 Nov)." in summary_sentence(long_ago)
    assert "went past" not in summary_sentence(long_ago)  # no day within 30 min: nothing to count
    assert summary_sentence(days((0, 0, 0, 0), (0, 0, 0, 0))) == "Nothing recorded in the last 2 days yet."


def test_one_day_s_numbers_as_hover_and_screen_readers_get_them() -> None:
    day = DayStats(TODAY - dt.timedelta(days=3), 6 * 3600 + 600, 2400, 9, 3, 1, 2, 360)
    assert day_sentence(day, TODAY) == (
        "Saturday 21 November: sat 6 h 10 min; longest without a break 40 min; 11 breaks (9 taken, 2 natural); "
        "snoozed 3, skipped 1; stretched 6 min."
    )
    assert day_sentence(DayStats(TODAY), TODAY) == "Today: nothing recorded."
    assert day_name(TODAY - dt.timedelta(days=1), TODAY) == "Yesterday"
    assert day_name(TODAY - dt.timedelta(days=2), TODAY) == "Sun 22 Nov"


def test_the_figures_line_says_every_total_with_units() -> None:
    line = figures_line(days((300, 40, 9, 2)))
    assert line == ("Sitting 5 h · breaks taken 9 · natural 2 · snoozed 0 · skipped 0 · stretching 0 s · streak 2 days")


def test_the_day_with_default_settings_reads_as_the_issue_asks() -> None:
    assert plan_sentence(Settings()) == "With these settings: a 2 min walk every 30 min, a stretch every hour."


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({"move": {"enabled": False}}, "With these settings: a stretch every hour."),
        ({"stretch": {"every": 5400}}, "With these settings: a 2 min walk every 30 min, a stretch every 1 h 30 min."),
        ({"move": {"length": 90}}, "With these settings: a 1 min 30 s walk every 30 min, a stretch every hour."),
        (
            {"move": {"enabled": False}, "stretch": {"enabled": False}},
            "With these settings: no break reminders. Turn on move or stretch breaks to get them.",
        ),
    ],
)
def test_the_day_follows_each_break_setting(change: dict[str, dict[str, object]], said: str) -> None:
    settings = Settings()
    for section, values in change.items():
        settings = dataclasses.replace(settings, **{section: dataclasses.replace(getattr(settings, section), **values)})
    assert plan_sentence(settings) == said


def test_the_day_names_the_eye_prompt_and_working_hours_when_on() -> None:
    settings = Settings(
        eyes=EyeSettings(enabled=True), hours=HoursSettings(enabled=True, end=dt.time(17, 30), start=dt.time(9))
    )
    assert plan_sentence(settings) == (
        "With these settings: a 2 min walk every 30 min, a stretch every hour, and a look into the distance "
        "every 20 min; Monday to Friday, 09:00 to 17:30."
    )
    assert days_words(("mon", "wed", "fri")) == "Monday, Wednesday and Friday"
    assert days_words(("sat", "sun")) == "Saturday and Sunday"
    assert days_words(tuple(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])) == "every day"


def test_a_routine_goes_by_its_title_and_length() -> None:
    assert routine_label("Desk reset", 124.0) == "Desk reset · 2 min"
    assert routine_label("Floor routine", 452.0) == "Floor routine · 8 min"
    assert [span_words(s) for s in (45, 90, 120, 600, 3600, 5400)] == [
        "45 s",
        "1 min 30 s",
        "2 min",
        "10 min",
        "1 h",
        "1 h 30 min",
    ]


def test_a_stretch_of_today_in_words() -> None:
    start = dt.datetime(2026, 11, 24, 9, 32)
    said = [
        segment_sentence(Segment(part, start, start + dt.timedelta(minutes=minutes), kind))
        for part, minutes, kind in (
            (Part.SITTING, 40, None),
            (Part.BREAK, 2, BreakKind.MOVE),
            (Part.BREAK, 3, BreakKind.STRETCH),
            (Part.NATURAL, 45, None),
            (Part.AWAY, 4, None),
        )
    ]
    assert said == [
        "09:32 to 10:12: sitting, 40 min.",
        "09:32 to 09:34: move break, 2 min.",
        "09:32 to 09:35: stretch break, 3 min.",
        "09:32 to 10:17: away, counted as a break, 45 min.",
        "09:32 to 09:36: away, 4 min.",
    ]
