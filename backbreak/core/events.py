"""The break engine's vocabulary: what goes in (events), what comes out (effects), and the phases.

Events describe what happened; effects describe what the runtime should do. The engine performs none
of them, so a test can record effects and assert a whole day's timeline.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

# Re-exported (they live in core/phases.py so the tray icon can show before this module loads).
from backbreak.core.phases import BreakKind as BreakKind
from backbreak.core.phases import Phase as Phase
from backbreak.core.settings import Settings


class Outcome(enum.Enum):
    """How a started break ended."""

    COMPLETED = "completed"
    STOPPED = "stopped"
    HURT = "hurt"
    FAILED = "failed"  # the break window could not open


class HistoryEvent(enum.Enum):
    """Rows of the history: every break event, with its wall time and kind.

    PAUSED and RESUMED are reminders paused from the tray or the command line; ROUTINE_PAUSED and
    ROUTINE_RESUMED are a running routine paused in the break window; STEP is a card of it shown.
    """

    HEADS_UP = "heads_up"
    DUE = "due"
    STARTED = "started"
    COMPLETED = "completed"
    SNOOZED = "snoozed"
    SKIPPED = "skipped"
    NATURAL = "natural"
    STOPPED = "stopped"
    HURT = "hurt"
    FAILED = "failed"
    PAUSED = "paused"
    RESUMED = "resumed"
    STEP = "step"
    ROUTINE_PAUSED = "routine_paused"
    ROUTINE_RESUMED = "routine_resumed"


# --------------------------------------------------------------------------------------------- events
@dataclass(frozen=True)
class Tick:
    """Time passed (a scheduled wake-up). Nothing else is known."""


@dataclass(frozen=True)
class IdleSample:
    """The platform says the last keyboard or mouse input was `idle_seconds` ago.

    Contract: while the user is present, the runtime samples at least once per idle threshold.
    """

    idle_seconds: float


@dataclass(frozen=True)
class Locked:
    """The screen was locked."""


@dataclass(frozen=True)
class Unlocked:
    """The screen was unlocked."""


@dataclass(frozen=True)
class Suspending:
    """The machine is about to sleep."""


@dataclass(frozen=True)
class Resumed:
    """The machine woke up."""


@dataclass(frozen=True)
class BusyChanged:
    """A full-screen app, do-not-disturb or a call ("call") started or ended; due breaks wait while busy."""

    busy: bool
    reason: str = "full-screen"


@dataclass(frozen=True)
class Snooze:
    """Put off the current break by `seconds` (None: the snooze setting)."""

    seconds: int | None = None


@dataclass(frozen=True)
class Skip:
    """Skip the current (or the next) break."""


@dataclass(frozen=True)
class StartBreak:
    """Start a break now. `kind` None: the due break, or a stretch. `routine` None: the setting's."""

    kind: BreakKind | None = None
    routine: str | None = None


@dataclass(frozen=True)
class BreakEnded:
    """The break window closed: completed, stopped, or stopped because it hurt."""

    outcome: Outcome


@dataclass(frozen=True)
class StepShown:
    """The break window shows the step `step` ("desk-2:chin-tuck") of the running routine."""

    step: str


@dataclass(frozen=True)
class RoutinePaused:
    """The user paused the running routine (Space in the break window)."""


@dataclass(frozen=True)
class RoutineResumed:
    """The user resumed the paused routine."""


@dataclass(frozen=True)
class Pause:
    """No reminders until the wall time `until`."""

    until: dt.datetime


@dataclass(frozen=True)
class PauseUntilTomorrow:
    """No reminders until tomorrow's start of work (or midnight without working hours)."""


@dataclass(frozen=True)
class Resume:
    """End a pause now."""


@dataclass(frozen=True)
class Stopping:
    """The app is quitting: close the open sitting span so the history has it."""


@dataclass(frozen=True)
class SettingsChanged:
    """New settings apply from now on."""

    settings: Settings


Event = (
    Tick
    | IdleSample
    | Locked
    | Unlocked
    | Suspending
    | Resumed
    | BusyChanged
    | Snooze
    | Skip
    | StartBreak
    | BreakEnded
    | StepShown
    | RoutinePaused
    | RoutineResumed
    | Pause
    | PauseUntilTomorrow
    | Resume
    | SettingsChanged
    | Stopping
)


# -------------------------------------------------------------------------------------------- effects
@dataclass(frozen=True)
class ShowHeadsUp:
    """A quiet note: a break of `kind` is due in `in_seconds`."""

    kind: BreakKind
    in_seconds: float


@dataclass(frozen=True)
class ShowDue:
    """A break is due. `level` counts how often it was shown (0 first); the UI escalates with it."""

    kind: BreakKind
    routine: str
    level: int


@dataclass(frozen=True)
class AwaitPause:
    """A due reminder waits for `pause` seconds without input (for `within` seconds at most): look often."""

    pause: float
    within: float


@dataclass(frozen=True)
class CloseReminder:
    """Whatever reminder is showing is no longer true."""


@dataclass(frozen=True)
class OpenBreak:
    """Open the break window for `routine`."""

    kind: BreakKind
    routine: str


@dataclass(frozen=True)
class ShowEyePrompt:
    """The 20-20-20 prompt: look at something about 6 m (20 ft) away for 20 seconds."""


@dataclass(frozen=True)
class PhaseChanged:
    """The phase changed: update the tray."""

    phase: Phase


@dataclass(frozen=True)
class Record:
    """Write one history row."""

    event: HistoryEvent
    kind: BreakKind | None
    at: dt.datetime
    detail: str = ""


@dataclass(frozen=True)
class RecordSitting:
    """Write one sitting span (continuous presence at the computer)."""

    start: dt.datetime
    end: dt.datetime


@dataclass(frozen=True)
class ScheduleWakeup:
    """Wake the engine at wall time `at` (None: nothing can change until an event arrives)."""

    at: dt.datetime | None


@dataclass(frozen=True)
class Refused:
    """A request could not be done; `reason` is one sentence for the user."""

    reason: str


Effect = (
    ShowHeadsUp
    | ShowDue
    | AwaitPause
    | CloseReminder
    | OpenBreak
    | ShowEyePrompt
    | PhaseChanged
    | Record
    | RecordSitting
    | ScheduleWakeup
    | Refused
)
