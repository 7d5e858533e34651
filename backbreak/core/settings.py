"""The settings schema: every setting, its type, default and offered range, and the typed `Settings`.

The names are a public interface (settings.toml is edited by hand): `[move] every`, `[reminders] snooze`
and so on. Defaults come from shared/content/stretch-facts.md section 1.5: a move break after 30 min of
sitting, 2 min long; a stretch break after 60 min; heads-up 60 s before; snooze 5 min; idle threshold
3 min; the 20-20-20 eye prompt off.

`settings_from_dict` never raises on user data: it returns the settings it could build plus one
`Problem` per key it had to replace with the default, so the caller can say exactly what was wrong.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from backbreak.core.durations import DurationError, format_duration, parse_duration
from backbreak.core.i18n import N_
from backbreak.core.languages import AUTO, LANGUAGES

SCHEMA_VERSION = 1
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
BUILTIN_ROUTINES = ("desk-2", "stand-3", "floor-7", "flare-4")


class Kind(enum.Enum):
    """How a setting is written in the file and edited in the window."""

    BOOL = "bool"
    DURATION = "duration"
    INT = "int"
    CHOICE = "choice"
    TEXT = "text"
    TIME = "time"
    DAYS = "days"


@dataclass(frozen=True)
class MoveSettings:
    """Move breaks: stand up and walk."""

    enabled: bool = True
    every: int = 30 * 60
    length: int = 2 * 60


@dataclass(frozen=True)
class StretchSettings:
    """Stretch breaks: a guided routine that replaces the move break due at the same time."""

    enabled: bool = True
    every: int = 60 * 60
    routine: str = "desk-2"


@dataclass(frozen=True)
class ReminderSettings:
    """How reminders behave."""

    heads_up: int = 60
    snooze: int = 5 * 60
    snooze_limit: int = 3
    idle_threshold: int = 3 * 60
    wait_in_fullscreen: bool = True
    wait_in_calls: bool = True
    fullscreen_cap: int = 30 * 60
    sound: bool = False
    strict: bool = False


@dataclass(frozen=True)
class HoursSettings:
    """Working hours; off by default, so reminders follow presence alone."""

    enabled: bool = False
    days: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri")
    start: dt.time = dt.time(9, 0)
    end: dt.time = dt.time(17, 30)


@dataclass(frozen=True)
class EyeSettings:
    """The optional 20-20-20 eye prompt (not a back measure, so off by default)."""

    enabled: bool = False
    every: int = 20 * 60


@dataclass(frozen=True)
class UiSettings:
    """Appearance and start-up."""

    language: str = AUTO
    theme: str = "system"
    reduced_motion: bool = False
    start_at_login: bool = False


@dataclass(frozen=True)
class Settings:
    """Everything the user can set. Durations are whole seconds."""

    move: MoveSettings = field(default_factory=MoveSettings)
    stretch: StretchSettings = field(default_factory=StretchSettings)
    reminders: ReminderSettings = field(default_factory=ReminderSettings)
    hours: HoursSettings = field(default_factory=HoursSettings)
    eyes: EyeSettings = field(default_factory=EyeSettings)
    ui: UiSettings = field(default_factory=UiSettings)


@dataclass(frozen=True)
class Spec:
    """One setting: where it lives, how it is written, what the window offers.

    `minimum`/`maximum` bound what the file accepts; `offer_min`/`offer_max` are the sane range the
    settings window offers (stretch-facts.md section 1.5). The file is more permissive on purpose:
    short intervals help testing and special needs.

    The rest tells the window how to show it, so a new setting needs no widget code: `group` is its
    section, `hint` a line under the field, `unit` the seconds one step of a duration's spin box counts
    (60: minutes, 1: seconds) and `step` how many units an arrow press moves, `special` the word shown
    at the lowest value ("Off"), `choice_labels` the words for `choices`.

    The words are English, marked with N_ for the catalogue: the window shows them translated. A word no
    catalogue has (a language's own name, "Deutsch") shows as it is written.
    """

    section: str
    key: str
    kind: Kind
    label: str
    group: str
    minimum: int | None = None
    maximum: int | None = None
    offer_min: int | None = None
    offer_max: int | None = None
    choices: tuple[str, ...] = ()
    hint: str = ""
    unit: int = 60
    step: int = 1
    special: str = ""
    choice_labels: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The dotted name used in messages: "move.every"."""
        return f"{self.section}.{self.key}"

    @property
    def default(self) -> Any:
        """The default value, read from the dataclass defaults (the one source)."""
        return getattr(getattr(Settings(), self.section), self.key)


_MIN, _HOUR = 60, 3600
_FILE_MIN_DURATION = 10  # the file accepts any duration of 10 s or more

SPECS: tuple[Spec, ...] = (
    Spec(
        "move",
        "enabled",
        Kind.BOOL,
        N_("Move breaks"),
        N_("Breaks"),
        hint=N_("Stand up and walk for a couple of minutes."),
    ),
    Spec(
        "move",
        "every",
        Kind.DURATION,
        N_("Move break after sitting for"),
        N_("Breaks"),
        _FILE_MIN_DURATION,
        24 * _HOUR,
        20 * _MIN,
        60 * _MIN,
        hint=N_("Research suggests breaking up sitting about every 30 minutes."),
        step=5,
    ),
    Spec(
        "move",
        "length",
        Kind.DURATION,
        N_("Move break length"),
        N_("Breaks"),
        _FILE_MIN_DURATION,
        _HOUR,
        1 * _MIN,
        5 * _MIN,
        hint=N_("5 min if you can."),
    ),
    Spec("stretch", "enabled", Kind.BOOL, N_("Stretch breaks"), N_("Breaks"), hint=N_("A short guided routine.")),
    Spec(
        "stretch",
        "every",
        Kind.DURATION,
        N_("Stretch break after sitting for"),
        N_("Breaks"),
        _FILE_MIN_DURATION,
        24 * _HOUR,
        45 * _MIN,
        120 * _MIN,
        hint=N_("It takes the place of the move break due at the same time."),
        step=5,
    ),
    Spec(
        "stretch",
        "routine",
        Kind.TEXT,
        N_("Routine for stretch breaks"),
        N_("Stretching"),
        choices=BUILTIN_ROUTINES,
        hint=N_("Stretch now in the tray menu runs any routine."),
    ),
    Spec(
        "reminders",
        "heads_up",
        Kind.DURATION,
        N_("Heads-up before a break"),
        N_("Reminders"),
        0,
        10 * _MIN,
        0,
        5 * _MIN,
        hint=N_("A quiet note shortly before each break."),
        unit=1,
        step=15,
        special=N_("Off"),
    ),
    Spec(
        "reminders",
        "snooze",
        Kind.DURATION,
        N_("Snooze for"),
        N_("Reminders"),
        _FILE_MIN_DURATION,
        2 * _HOUR,
        1 * _MIN,
        15 * _MIN,
    ),
    Spec(
        "reminders",
        "snooze_limit",
        Kind.INT,
        N_("Snoozes before the reminder card"),
        N_("Reminders"),
        0,
        20,
        0,
        10,
        hint=N_("After this many, the reminder stays in view as a card."),
    ),
    Spec(
        "reminders",
        "idle_threshold",
        Kind.DURATION,
        N_("Away after no input for"),
        N_("Reminders"),
        _FILE_MIN_DURATION,
        _HOUR,
        1 * _MIN,
        10 * _MIN,
        hint=N_("The sitting clock stops while you are away."),
    ),
    Spec("reminders", "wait_in_fullscreen", Kind.BOOL, N_("Wait while an app is full screen"), N_("Reminders")),
    Spec(
        "reminders",
        "wait_in_calls",
        Kind.BOOL,
        N_("Wait while you are in a call"),
        N_("Reminders"),
        hint=N_("A camera in use, or a microphone for more than 30 s. backbreak only asks whether they are in use."),
    ),
    Spec(
        "reminders",
        "fullscreen_cap",
        Kind.DURATION,
        N_("Wait at most"),
        N_("Reminders"),
        _FILE_MIN_DURATION,
        8 * _HOUR,
        5 * _MIN,
        2 * _HOUR,
        step=5,
    ),
    Spec("reminders", "sound", Kind.BOOL, N_("Gentle sound"), N_("Reminders")),
    Spec(
        "reminders",
        "strict",
        Kind.BOOL,
        N_("Strict mode"),
        N_("Reminders"),
        hint=N_("No Skip button, and snoozes stop at the limit."),
    ),
    Spec("hours", "enabled", Kind.BOOL, N_("Remind only during working hours"), N_("Working hours")),
    Spec("hours", "days", Kind.DAYS, N_("Working days"), N_("Working hours"), choices=WEEKDAYS),
    Spec("hours", "start", Kind.TIME, N_("Starts at"), N_("Working hours")),
    Spec(
        "hours",
        "end",
        Kind.TIME,
        N_("Ends at"),
        N_("Working hours"),
        hint=N_("An end before the start runs past midnight."),
    ),
    Spec(
        "eyes",
        "enabled",
        Kind.BOOL,
        N_("20-20-20 eye prompt"),
        N_("Eyes"),
        hint=N_("Look at something 6 m away for 20 s."),
    ),
    Spec(
        "eyes",
        "every",
        Kind.DURATION,
        N_("Eye prompt every"),
        N_("Eyes"),
        _FILE_MIN_DURATION,
        4 * _HOUR,
        10 * _MIN,
        60 * _MIN,
        step=5,
    ),
    Spec(
        "ui",
        "language",
        Kind.CHOICE,
        N_("Language"),
        N_("Appearance"),
        choices=(AUTO, *LANGUAGES),
        choice_labels=(N_("Follow the system"), *LANGUAGES.values()),
        hint=N_("The tray, reminders and windows speak it at once; a break in progress keeps its words."),
    ),
    Spec(
        "ui",
        "theme",
        Kind.CHOICE,
        N_("Theme"),
        N_("Appearance"),
        choices=("system", "light", "dark"),
        choice_labels=(N_("Follow the system"), N_("Light"), N_("Dark")),
    ),
    Spec(
        "ui",
        "reduced_motion",
        Kind.BOOL,
        N_("Reduce motion"),
        N_("Appearance"),
        hint=N_("Cards and the figure change without animating."),
    ),
    Spec("ui", "start_at_login", Kind.BOOL, N_("Start at login"), N_("Appearance")),
)

GROUPS: tuple[str, ...] = (
    N_("Breaks"),
    N_("Reminders"),
    N_("Working hours"),
    N_("Stretching"),
    N_("Eyes"),
    N_("Appearance"),
)
"""The settings window's sections, in order; every spec's `group` is one of them."""

SECTIONS: tuple[str, ...] = tuple(dict.fromkeys(spec.section for spec in SPECS))


@dataclass(frozen=True)
class Problem:
    """A key that could not be used as written. `line` is filled in by the file reader."""

    key: str
    message: str
    line: int | None = None
    fatal: bool = True  # False for unknown keys: reported, the file is still good


def _parse_value(spec: Spec, raw: object) -> Any:
    """Turn a TOML value into the typed value of `spec`, or raise ValueError saying why."""
    if spec.kind is Kind.BOOL:
        if not isinstance(raw, bool):
            raise ValueError("should be true or false")
        return raw
    if spec.kind is Kind.DURATION:
        if not isinstance(raw, str):
            raise ValueError('should be a duration in quotes, like "45s", "25m" or "1h30m"')
        try:
            seconds = parse_duration(raw)
        except DurationError as exc:
            raise ValueError(str(exc)) from None
        _check_range(spec, seconds, format_duration)
        return seconds
    if spec.kind is Kind.INT:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ValueError("should be a whole number")
        _check_range(spec, raw, str)
        return raw
    if spec.kind in (Kind.CHOICE, Kind.TEXT):
        if not isinstance(raw, str) or not raw.strip():
            raise ValueError("should be a name in quotes")
        if spec.kind is Kind.CHOICE and raw not in spec.choices:
            raise ValueError(f"should be one of {', '.join(spec.choices)}")
        return raw.strip()
    if spec.kind is Kind.TIME:
        return _parse_time(raw)
    return _parse_days(raw)


def _check_range(spec: Spec, value: int, show: Any) -> None:
    if spec.minimum is not None and value < spec.minimum:
        raise ValueError(f"should be at least {show(spec.minimum)}")
    if spec.maximum is not None and value > spec.maximum:
        raise ValueError(f"should be at most {show(spec.maximum)}")


def _parse_time(raw: object) -> dt.time:
    if isinstance(raw, dt.time):
        return raw.replace(second=0, microsecond=0)
    if isinstance(raw, str):
        try:
            parsed = dt.time.fromisoformat(raw.strip())
        except ValueError:
            pass
        else:
            return parsed.replace(second=0, microsecond=0)
    raise ValueError('should be a time of day in quotes, like "09:00"')


def _parse_days(raw: object) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(day, str) for day in raw):
        raise ValueError('should be a list of days, like ["mon", "tue", "wed", "thu", "fri"]')
    days = {str(day).strip().lower()[:3] for day in raw}
    unknown = sorted(days - set(WEEKDAYS))
    if unknown:
        raise ValueError(f"has unknown days {', '.join(unknown)} (use mon, tue, wed, thu, fri, sat, sun)")
    return tuple(day for day in WEEKDAYS if day in days)


def _render_value(spec: Spec, value: Any) -> Any:
    if spec.kind is Kind.DURATION:
        return format_duration(value)
    if spec.kind is Kind.TIME:
        return value.strftime("%H:%M")
    if spec.kind is Kind.DAYS:
        return list(value)
    return value


def settings_from_dict(data: Mapping[str, Any]) -> tuple[Settings, list[Problem]]:
    """Build settings from parsed TOML. Wrong values fall back to their default, one Problem each."""
    problems: list[Problem] = []
    sections: dict[str, Any] = {name: getattr(Settings(), name) for name in SECTIONS}
    by_section = {name: {spec.key: spec for spec in SPECS if spec.section == name} for name in SECTIONS}
    for section_name, table in data.items():
        if section_name == "schema_version":
            if table != SCHEMA_VERSION:
                problems.append(Problem("schema_version", f"is {table!r}; this version reads {SCHEMA_VERSION}"))
            continue
        if section_name not in by_section:
            problems.append(Problem(section_name, "is not a setting backbreak knows; it was ignored", fatal=False))
            continue
        if not isinstance(table, Mapping):
            problems.append(Problem(section_name, f"should be a table: [{section_name}]"))
            continue
        changes: dict[str, Any] = {}
        for key, raw in table.items():
            spec = by_section[section_name].get(key)
            if spec is None:
                problems.append(
                    Problem(f"{section_name}.{key}", "is not a setting backbreak knows; it was ignored", fatal=False)
                )
                continue
            try:
                changes[key] = _parse_value(spec, raw)
            except ValueError as exc:
                default = _render_value(spec, spec.default)
                problems.append(Problem(spec.name, f"{exc}; using the default {default!r}"))
        sections[section_name] = dataclasses.replace(sections[section_name], **changes)
    return Settings(**sections), problems


def settings_to_dict(settings: Settings) -> dict[str, Any]:
    """The TOML document for `settings`, every key written out so the file documents itself."""
    doc: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    for spec in SPECS:
        value = getattr(getattr(settings, spec.section), spec.key)
        doc.setdefault(spec.section, {})[spec.key] = _render_value(spec, value)
    return doc


def replace_setting(settings: Settings, name: str, value: Any) -> Settings:
    """A copy of `settings` with the dotted setting `name` ("move.every") set to a typed value."""
    section, key = name.split(".", 1)
    changed = dataclasses.replace(getattr(settings, section), **{key: value})
    return dataclasses.replace(settings, **{section: changed})
