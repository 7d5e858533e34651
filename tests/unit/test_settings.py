"""Durations, the settings schema and settings.toml on disk."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest
from backbreak.core.durations import DurationError, format_duration, humanize, parse_duration
from backbreak.core.hours import next_boundary, within_hours
from backbreak.core.settings import (
    GROUPS,
    SPECS,
    HoursSettings,
    Kind,
    Settings,
    settings_from_dict,
    settings_to_dict,
)
from backbreak.core.settingsfile import load_settings, save_settings
from hypothesis import given
from hypothesis import strategies as st

from tests.fakes import wall

NOW = wall("2026-11-24 21:47:05")


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("45s", 45), ("25m", 1500), ("1h30m", 5400), ("1h 30m", 5400), ("2H", 7200), ("1m30s", 90), ("0s", 0)],
)
def test_parse_duration(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "30", "5x", "m", "1h1h", "-5m", "1.5h", "1h30"])
def test_parse_duration_refuses(text: str) -> None:
    with pytest.raises(DurationError, match=r"duration|twice"):
        parse_duration(text)


@given(st.integers(min_value=0, max_value=10**7))
def test_duration_round_trip(seconds: int) -> None:
    assert parse_duration(format_duration(seconds)) == seconds


def test_humanize() -> None:
    assert [humanize(s) for s in (44.6, 60, 1620, 3900, 7200)] == ["45 s", "1 min", "27 min", "1 h 5 min", "2 h"]


def test_defaults_follow_the_stretch_facts() -> None:
    s = Settings()
    assert (s.move.every, s.move.length, s.stretch.every) == (30 * 60, 2 * 60, 60 * 60)
    assert (s.reminders.heads_up, s.reminders.snooze, s.reminders.idle_threshold) == (60, 300, 180)
    assert s.eyes.enabled is False
    assert s.stretch.routine == "desk-2"


def test_every_public_name_is_in_the_schema() -> None:
    names = {spec.name for spec in SPECS}
    public = (
        "move.enabled move.every move.length stretch.enabled stretch.every stretch.routine reminders.heads_up "
        "reminders.snooze reminders.snooze_limit reminders.idle_threshold reminders.wait_in_fullscreen "
        "reminders.fullscreen_cap reminders.sound hours.enabled hours.days hours.start hours.end eyes.enabled "
        "eyes.every ui.theme ui.reduced_motion ui.start_at_login"
    )
    assert set(public.split()) <= names


def test_dict_round_trip_of_non_defaults() -> None:
    data = settings_to_dict(Settings())
    data["move"]["every"] = "25m"
    data["hours"]["days"] = ["sat", "mon"]
    data["hours"]["start"] = "07:30"
    settings, problems = settings_from_dict(data)
    assert problems == []
    assert settings.move.every == 1500
    assert settings.hours.days == ("mon", "sat")
    assert settings_to_dict(settings)["hours"]["start"] == "07:30"


@pytest.mark.parametrize(
    ("section", "key", "value", "says"),
    [
        ("move", "every", "5x", "not a duration"),
        ("move", "every", 30, "duration in quotes"),
        ("move", "every", "5s", "at least 10s"),
        ("move", "enabled", "yes", "true or false"),
        ("reminders", "snooze_limit", -1, "at least 0"),
        ("ui", "theme", "pink", "one of system, light, dark"),
        ("hours", "days", ["mon", "funday"], "unknown days fun"),
        ("hours", "start", "25:00", "time of day"),
    ],
)
def test_wrong_values_fall_back_with_a_reason(section: str, key: str, value: object, says: str) -> None:
    settings, problems = settings_from_dict({section: {key: value}})
    assert [p.key for p in problems] == [f"{section}.{key}"]
    assert says in problems[0].message
    assert getattr(getattr(settings, section), key) == getattr(getattr(Settings(), section), key)


def test_missing_file_means_defaults(tmp_path: Path) -> None:
    result = load_settings(tmp_path / "settings.toml", NOW)
    assert result.settings == Settings()
    assert result.problems == []
    assert result.kept_aside is None
    assert not (tmp_path / "settings.toml").exists()


def test_save_is_atomic_and_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "settings.toml"
    custom = settings_from_dict({"move": {"every": "25m"}, "hours": {"enabled": True}})[0]
    save_settings(path, custom)
    assert [p.name for p in path.parent.iterdir()] == ["settings.toml"]  # no temp file left behind
    assert tomllib.loads(path.read_text())["move"]["every"] == "25m"
    assert load_settings(path, NOW).settings == custom


def test_a_wrong_value_is_kept_aside_named_by_key_and_line(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    original = '[move]\nenabled = true\nevery = "5x"\n\n[reminders]\nsnooze = "10m"\n'
    path.write_text(original)
    result = load_settings(path, NOW)
    assert result.settings.reminders.snooze == 600  # the valid key is kept
    assert result.settings.move.every == 30 * 60  # the wrong one is the default
    aside = tmp_path / "settings.toml.broken-20261124-214705"
    assert result.kept_aside == aside
    assert aside.read_text() == original  # nothing the user wrote is lost
    message = "\n".join(result.messages(path))
    assert 'settings.toml line 3: move.every "5x" is not a duration' in message
    assert str(aside) in message
    repaired = load_settings(path, NOW)
    assert repaired.problems == []
    assert repaired.settings.reminders.snooze == 600


def test_a_file_that_does_not_parse_keeps_its_valid_keys(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('[move]\nevery = "20m"\nlength = 2 min\n[stretch]\nroutine = "stand-3"\n')
    result = load_settings(path, NOW)
    assert result.settings.move.every == 1200
    assert result.settings.stretch.routine == "stand-3"
    assert result.kept_aside is not None
    assert result.kept_aside.exists()
    assert any("line 3" in line and "move.length" in line for line in result.messages(path))


def test_garbage_file_gives_defaults_and_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(b"\xff\xfe not toml at all [[[")
    result = load_settings(path, NOW)
    assert result.settings == Settings()
    assert result.kept_aside is not None
    assert result.kept_aside.read_bytes().startswith(b"\xff\xfe")


@pytest.mark.parametrize(
    ("line", "key", "says"),
    [
        ("theme = " + "[" * 3000 + "]" * 3000, "ui.theme", "nested too deeply"),  # RecursionError in tomllib
        ("theme = " + "{a = " * 3000 + "1" + "}" * 3000, "ui.theme", "nested too deeply"),
        ("snooze_limit = " + "9" * 5000, "ui.snooze_limit", "a number far too long"),  # ValueError in int()
    ],
)
def test_a_hostile_file_still_starts_on_the_keys_that_were_fine(tmp_path: Path, line: str, key: str, says: str) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(f'schema_version = 1\n[move]\nevery = "20m"\n[ui]\n{line}\nreduced_motion = true\n')
    result = load_settings(path, NOW)
    assert result.settings.move.every == 1200
    assert result.settings.ui.reduced_motion is True
    assert result.kept_aside is not None
    assert result.kept_aside.read_text().startswith("schema_version = 1")  # the original, whole
    assert any(f"line 5: {key}" in message and says in message for message in result.messages(path))
    assert load_settings(path, NOW).problems == []  # the repaired file reads cleanly


def test_unknown_keys_are_reported_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    text = '[move]\nevery = "20m"\ncolour = "blue"\n'
    path.write_text(text)
    result = load_settings(path, NOW)
    assert result.kept_aside is None
    assert path.read_text() == text
    assert [(p.key, p.line, p.fatal) for p in result.problems] == [("move.colour", 3, False)]
    assert result.settings.move.every == 1200


def test_two_broken_loads_in_one_second_keep_both_copies(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('[move]\nevery = "x"\n')
    first = load_settings(path, NOW).kept_aside
    path.write_text('[move]\nevery = "y"\n')
    second = load_settings(path, NOW).kept_aside
    assert first != second
    assert first is not None
    assert second is not None
    assert first.exists()
    assert second.exists()


def test_working_hours_across_midnight() -> None:
    night = HoursSettings(enabled=True, days=("mon",), start=dt.time(22), end=dt.time(6))
    assert within_hours(night, wall("2026-11-23 23:00"))
    assert within_hours(night, wall("2026-11-24 05:59"))
    assert not within_hours(night, wall("2026-11-24 22:30"))  # Tuesday is not a working day
    assert next_boundary(night, wall("2026-11-23 23:00")) == wall("2026-11-24 06:00")
    assert within_hours(HoursSettings(), wall("2026-11-29 03:00"))  # hours off: always


def test_every_setting_says_how_the_window_shows_it() -> None:
    # The window is built from these alone: a section for each, and a spin box range in whole units.
    assert {spec.group for spec in SPECS} == set(GROUPS)
    for spec in SPECS:
        if spec.kind in (Kind.DURATION, Kind.INT):
            assert None not in (spec.offer_min, spec.offer_max, spec.minimum, spec.maximum), spec.name
            assert spec.minimum <= spec.offer_min <= spec.default <= spec.offer_max <= spec.maximum, spec.name  # type: ignore[operator]
        if spec.kind is Kind.DURATION:
            assert spec.offer_min % spec.unit == spec.offer_max % spec.unit == spec.default % spec.unit == 0
        if spec.choice_labels:
            assert len(spec.choice_labels) == len(spec.choices), spec.name
