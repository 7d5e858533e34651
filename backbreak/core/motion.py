"""What the figure does at a moment of a part: which key poses it is between, and what the ring says.

Pure and exact, so a test can ask for any instant. A repetition goes out from the first pose to each
of the others and back, pausing `hold` seconds at every pose that is not the first (the hold at the end
of each chin tuck, tilt or bridge); a flow loops smoothly (shoulder rolls, walking, breathing); a hold
eases into its last pose and stays; a move goes through its poses once (rolling onto the side).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from backbreak.core.poses import ease_in_out
from backbreak.core.routines import Part, Step

MOVE_SECONDS = 2.5
"""How long the figure takes from one key pose to the next in a hold (stretch-facts.md section 5: 2-3 s)."""


@dataclass(frozen=True)
class Moment:
    """The figure between key poses `start` and `end` (indices into the part's poses), `t` of the way.

    `phase` is set instead for a flow (0..1 round the loop). `rep` counts from 1 (0 when not counted),
    `holding` says a hold is on, with `hold_left` seconds of it to go; `other_side` marks the even
    repetitions of a step whose sides alternate.
    """

    part: int
    start: int
    end: int
    t: float
    phase: float | None = None
    rep: int = 0
    reps: int = 0
    holding: bool = False
    hold_left: float = 0.0
    other_side: bool = False
    held: float = 0.0  # seconds into the hold, so a breath starts from rest


def part_at(step: Step, elapsed: float) -> tuple[int, float]:
    """Which part of `step` runs `elapsed` seconds into it, and how far into that part."""
    for index, part in enumerate(step.parts):
        if elapsed < part.seconds or index == len(step.parts) - 1:
            return index, min(elapsed, part.seconds)
        elapsed -= part.seconds
    return 0, 0.0  # a step always has a part; kept for the type checker


def moment(step: Step, elapsed: float, reduced_motion: bool = False) -> Moment:
    """What the figure does `elapsed` seconds into the work of `step` (on one side)."""
    index, into = part_at(step, elapsed)
    part = step.parts[index]
    if reduced_motion:
        return _still(step, index, part, into)
    if part.motion == "reps" and part.reps:
        return _rep(step, index, part, into)
    if part.motion == "flow":
        cycle = part.seconds / part.reps if part.reps else (part.rep_seconds or part.seconds)
        rep = min(part.reps, int(into // cycle) + 1) if part.reps else 0
        return Moment(index, 0, 0, 0.0, phase=(into / cycle) % 1.0, rep=rep, reps=part.reps)
    if part.motion == "move":
        return _along(index, part, into, part.seconds / max(1, len(part.poses) - 1) * 0.8)
    moving = min(MOVE_SECONDS * (len(part.poses) - 1), 0.4 * part.seconds)
    found = _along(index, part, into, moving / max(1, len(part.poses) - 1))
    if into < moving:
        return found
    return Moment(
        index, found.start, found.end, found.t, holding=True, hold_left=part.seconds - into, held=into - moving
    )


def _along(index: int, part: Part, into: float, each: float) -> Moment:
    """Through the poses in order, `each` seconds per transition, then staying at the last."""
    spans = len(part.poses) - 1
    if spans == 0 or each <= 0 or into >= each * spans:
        return Moment(index, spans, spans, 1.0)
    where = into / each
    start = min(spans - 1, math.floor(where))
    return Moment(index, start, start + 1, ease_in_out(where - start))


def _rep(step: Step, index: int, part: Part, into: float) -> Moment:
    rep = min(part.reps, int(into // part.rep_seconds) + 1)
    within = into - (rep - 1) * part.rep_seconds
    other = step.sides == "alternate" and rep % 2 == 0
    stops = [*range(1, len(part.poses)), 0]  # out to each pose in turn, then back to the first
    holds = [part.hold if part.poses[k] != part.poses[0] else 0.0 for k in stops]
    move = (part.rep_seconds - sum(holds)) / len(stops)
    came_from = 0
    for stop, hold in zip(stops, holds, strict=True):
        if within < move:
            return Moment(index, came_from, stop, ease_in_out(within / move), rep=rep, reps=part.reps, other_side=other)
        within -= move
        if within < hold:
            return Moment(
                index, stop, stop, 1.0, rep=rep, reps=part.reps, holding=True, hold_left=hold - within,
                other_side=other, held=within,
            )  # fmt: skip
        within -= hold
        came_from = stop
    return Moment(index, 0, 0, 1.0, rep=rep, reps=part.reps, other_side=other)


def still_pose(part: Part) -> int:
    """The pose a part shows when motion is reduced: the one named, else the first held, else the last."""
    if part.still:
        return part.poses.index(part.still)
    if part.motion == "reps" and len(part.poses) > 1:
        return 1
    if part.motion == "flow":
        return 0
    return len(part.poses) - 1


def _still(step: Step, index: int, part: Part, into: float) -> Moment:
    """Reduced motion: the part's end pose, still; the counts and holds still tick for the ring."""
    pose = still_pose(part)
    if part.motion == "reps" and part.reps:
        moving = _rep(step, index, part, into)
        return Moment(
            index, pose, pose, 1.0, rep=moving.rep, reps=moving.reps, holding=moving.holding,
            hold_left=moving.hold_left, other_side=moving.other_side,
        )  # fmt: skip
    if part.motion == "flow" and part.reps:
        cycle = part.seconds / part.reps
        return Moment(index, pose, pose, 1.0, rep=min(part.reps, int(into // cycle) + 1), reps=part.reps)
    holding = part.motion == "hold"
    return Moment(index, pose, pose, 1.0, holding=holding, hold_left=part.seconds - into if holding else 0.0)
