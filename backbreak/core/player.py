"""Walking through a routine in time: which card, which side, how long is left, what the figure does.

Pure and driven by the caller's monotonic time, so a test walks a whole routine in milliseconds and the
hold ring is exact. The routine becomes a flat list of segments: "ready" (the transition before a step,
showing the coming card), "work" (the hold or the reps, on one side), and "switch" (changing sides).
Within a work segment core/motion.py says what the figure does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from backbreak.core.motion import Moment, moment, still_pose
from backbreak.core.poses import ease_in_out
from backbreak.core.routines import Routine, Step

SWITCH_BACK = 0.6
"""The share of a side switch spent easing back to the start pose before the other side shows."""


@dataclass(frozen=True)
class Segment:
    """A stretch of time in the routine."""

    step: int
    kind: str  # "ready", "work" or "switch"
    side: str  # "", "left" or "right"
    seconds: float


@dataclass(frozen=True)
class Position:
    """Where the routine is at one moment."""

    segment: int
    step: int
    kind: str
    side: str
    elapsed: float  # in this segment
    remaining: float  # in this segment
    rep: int  # the current repetition, 1-based, or 0 for a hold
    reps: int
    finished: bool
    moment: Moment = field(default_factory=lambda: Moment(0, 0, 0, 0.0))
    mirrored: bool = False  # the right side is drawn as the mirror image of the left


def segments_of(routine: Routine) -> list[Segment]:
    """The routine as a flat list of timed segments."""
    out: list[Segment] = []
    for index, step in enumerate(routine.steps):
        previous = routine.steps[index - 1] if index else None
        if previous is not None and previous.transition > 0:
            out.append(Segment(index, "ready", _first_side(step), previous.transition))
        if step.sides == "left-right":
            out.append(Segment(index, "work", "left", step.seconds))
            if step.switch > 0:
                out.append(Segment(index, "switch", "right", step.switch))
            out.append(Segment(index, "work", "right", step.seconds))
        else:
            out.append(Segment(index, "work", _first_side(step), step.seconds))
    return out


def _first_side(step: Step) -> str:
    return "left" if step.sides in ("left-right", "alternate") else ""


class Player:
    """Plays a routine against the caller's clock; pause, back and next move the timeline."""

    def __init__(self, routine: Routine, now: float) -> None:
        self.routine = routine
        self.segments = segments_of(routine)
        self._index = 0
        self._started = now  # when the current segment started (shifted by pauses)
        self._paused_at: float | None = None
        self._finished = False
        self.began = now

    @property
    def paused(self) -> bool:
        """Whether time stands still."""
        return self._paused_at is not None

    def pause(self, now: float) -> None:
        """Stop the clock."""
        if self._paused_at is None and not self._finished:
            self._paused_at = now

    def resume(self, now: float) -> None:
        """Start the clock again where it stopped."""
        if self._paused_at is not None:
            self._started += now - self._paused_at
            self._paused_at = None

    def toggle(self, now: float) -> None:
        """Pause or resume."""
        if self.paused:
            self.resume(now)
        else:
            self.pause(now)

    def next(self, now: float) -> None:
        """Go to the next step's first card (at the last step: finish)."""
        self._settle(now)
        step = self.segments[self._index].step if not self._finished else len(self.routine.steps)
        self._jump_to_step(step + 1, now)

    def back(self, now: float) -> None:
        """Go to the previous step (at the first step: start it again)."""
        self._settle(now)
        step = self.segments[self._index].step if not self._finished else len(self.routine.steps)
        self._jump_to_step(max(0, step - 1), now)

    def _jump_to_step(self, step: int, now: float) -> None:
        if step >= len(self.routine.steps):
            self._finished = True
            self._index = len(self.segments) - 1
            self._paused_at = None
            return
        self._finished = False
        self._index = next(i for i, seg in enumerate(self.segments) if seg.step == step and seg.kind == "work")
        self._started = now
        if self._paused_at is not None:
            self._paused_at = now

    def _settle(self, now: float) -> None:
        """Move through the segments that have run out by `now`."""
        clock = self._paused_at if self._paused_at is not None else now
        while not self._finished:
            length = self.segments[self._index].seconds
            if clock - self._started < length:
                return
            self._started += length
            if self._index + 1 >= len(self.segments):
                self._finished = True
                return
            self._index += 1

    def at(self, now: float, reduced_motion: bool = False) -> Position:
        """The position at `now`; with reduced motion the figure holds each part's end pose still."""
        self._settle(now)
        segment = self.segments[self._index]
        step = self.routine.steps[segment.step]
        clock = self._paused_at if self._paused_at is not None else now
        elapsed = segment.seconds if self._finished else min(segment.seconds, max(0.0, clock - self._started))
        side, mirrored = segment.side, segment.side == "right"
        if segment.kind == "work":
            now_doing = moment(step, elapsed, reduced_motion)
            if step.sides == "alternate":
                side, mirrored = ("right", True) if now_doing.other_side else ("left", False)
        elif segment.kind == "switch":
            now_doing, mirrored = _switching(
                step, elapsed / segment.seconds if segment.seconds else 1.0, reduced_motion
            )
        else:
            now_doing = moment(step, 0.0, reduced_motion) if reduced_motion else Moment(0, 0, 0, 0.0)
        return Position(
            segment=self._index,
            step=segment.step,
            kind=segment.kind,
            side=side,
            elapsed=elapsed,
            remaining=max(0.0, segment.seconds - elapsed),
            rep=now_doing.rep,
            reps=now_doing.reps,
            finished=self._finished,
            moment=now_doing,
            mirrored=mirrored,
        )


def _switching(step: Step, share: float, reduced_motion: bool) -> tuple[Moment, bool]:
    """Changing sides: ease back from the held pose to the start, then show the other side's start."""
    part = step.parts[-1]
    if reduced_motion:
        still = still_pose(step.parts[0])
        return Moment(0, still, still, 1.0), True
    if len(step.parts) > 1 or share >= SWITCH_BACK:
        return Moment(0, 0, 0, 0.0), True
    end = len(part.poses) - 1
    return Moment(0, end, 0, ease_in_out(share / SWITCH_BACK)), False
