"""Walking through a routine in time: which card, which side, how long is left, which pose.

Pure and driven by the caller's monotonic time, so a test walks a whole routine in milliseconds and the
hold ring is exact. The routine becomes a flat list of segments: "ready" (the transition before a step,
showing the coming card), "work" (the hold or the reps, on one side), and "switch" (changing sides).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from backbreak.core.poses import POSES, Pose, blend, ease_in_out
from backbreak.core.routines import Routine, Step

DEFAULT_POSE_SECONDS = 2.5
"""How long the figure takes from one key pose to the next (stretch-facts.md section 5: 2-3 s)."""


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

    def at(self, now: float) -> Position:
        """The position at `now`."""
        self._settle(now)
        segment = self.segments[self._index]
        step = self.routine.steps[segment.step]
        clock = self._paused_at if self._paused_at is not None else now
        elapsed = segment.seconds if self._finished else min(segment.seconds, max(0.0, clock - self._started))
        rep, side = 0, segment.side
        if segment.kind == "work" and step.reps:
            rep = min(step.reps, int(elapsed // step.rep_seconds) + 1)
            if step.sides == "alternate":
                side = "left" if rep % 2 == 1 else "right"
        return Position(
            segment=self._index,
            step=segment.step,
            kind=segment.kind,
            side=side,
            elapsed=elapsed,
            remaining=max(0.0, segment.seconds - elapsed),
            rep=rep,
            reps=step.reps,
            finished=self._finished,
        )


def pose_at(step: Step, position: Position, reduced_motion: bool = False) -> tuple[Pose, bool]:
    """The figure's pose for a position, and whether to draw it mirrored (the right side).

    With reduced motion the figure shows key poses only, without the in-between frames.
    """
    poses = [POSES[name] for name in step.poses]
    mirrored = position.side == "right"
    if position.kind != "work" or len(poses) == 1:
        return poses[0], mirrored
    if step.reps:
        phase = (position.elapsed % step.rep_seconds) / step.rep_seconds
        return _cycle(poses, phase, reduced_motion), mirrored
    if step.pose_seconds:
        phase = (position.elapsed / step.pose_seconds / len(poses)) % 1.0
        return _cycle(poses, phase, reduced_motion), mirrored
    # A hold: ease through the poses into the last one, then stay there.
    moving = min(DEFAULT_POSE_SECONDS * (len(poses) - 1), 0.4 * (position.elapsed + position.remaining))
    progress = 1.0 if moving <= 0 else min(1.0, position.elapsed / moving)
    return _along(poses, progress, reduced_motion), mirrored


def _cycle(poses: list[Pose], phase: float, reduced_motion: bool) -> Pose:
    """Through every pose and back to the first in one cycle (phase 0..1)."""
    ring = [*poses, poses[0]]
    return _along(ring, phase, reduced_motion)


def _along(poses: list[Pose], progress: float, reduced_motion: bool) -> Pose:
    spans = len(poses) - 1
    where = min(progress, 1.0) * spans
    index = min(spans - 1, math.floor(where))
    local = where - index
    if reduced_motion:
        return poses[index + 1] if local >= 0.5 else poses[index]
    return blend(poses[index], poses[index + 1], ease_in_out(local))
