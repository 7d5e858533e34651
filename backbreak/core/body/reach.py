"""Limbs that reach: two-segment inverse kinematics, and swinging a part about a joint until it touches.

Both keep every segment's length exactly, so the figure never stretches to make a contact.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from backbreak.core.body.geometry import Vec, add, angle_between, cross, distance, dot, length, rotate_about, sub, unit


def two_bone(root: Vec, mid: Vec, target: Vec, first: float, second: float) -> tuple[Vec, Vec]:
    """The middle joint and the end of a limb from `root` reaching for `target`.

    The limb bends in the plane of its present middle joint `mid` (a knee stays forward, an elbow
    back). Out of reach, the limb points straight at the target and stops short.
    """
    to_target = sub(target, root)
    span = length(to_target)
    along = unit(to_target, unit(sub(mid, root)))
    span = min(max(span, abs(first - second) + 1e-6), first + second - 1e-6)
    bend = sub(mid, root)
    bend = sub(bend, tuple(along[i] * dot(bend, along) for i in range(3)))  # type: ignore[arg-type]
    if length(bend) < 1e-9:
        bend = cross(along, (0.0, 0.0, 1.0))
    bend = unit(bend)
    cos_a = (first * first + span * span - second * second) / (2 * first * span)
    angle = math.acos(max(-1.0, min(1.0, cos_a)))
    new_mid = add(root, add(tuple(a * math.cos(angle) for a in along), bend, math.sin(angle)), first)  # type: ignore[arg-type]
    return new_mid, add(root, along, span)


def carry(points: list[Vec], old_from: Vec, old_to: Vec, new_from: Vec, new_to: Vec) -> list[Vec]:
    """Points fixed to a segment, moved with it when the segment goes from (old_from, old_to) to (new_from, new_to)."""
    before, after = sub(old_to, old_from), sub(new_to, new_from)
    axis = cross(before, after)
    turn = angle_between(before, after) if length(axis) > 1e-12 else 0.0
    moved = []
    for point in points:
        offset = sub(point, old_from)
        if turn:
            offset = rotate_about(offset, (0.0, 0.0, 0.0), axis, turn)
        moved.append(add(new_from, offset))
    return moved


def swing_angle(gap: Callable[[float], float], limit: float = 150.0) -> float:
    """The smallest turn (degrees, either way) at which `gap(turn)` reaches 0; 0 if it never does.

    Searches outward from no turn in 5 degree steps for a change of sign, then halves the interval.
    """
    if abs(gap(0.0)) < 1e-6:
        return 0.0
    start = gap(0.0)
    for step in range(1, int(limit / 5) + 1):
        for turn in (5.0 * step, -5.0 * step):
            if (gap(turn) > 0) != (start > 0):
                low, high = (0.0, turn) if turn > 0 else (turn, 0.0)
                low_gap = gap(low)
                for _ in range(30):
                    middle = (low + high) / 2
                    if (gap(middle) > 0) == (low_gap > 0):
                        low, low_gap = middle, gap(middle)
                    else:
                        high = middle
                return (low + high) / 2
    return 0.0


def turned(point: Vec, pivot: Vec, axis: Vec, deg: float) -> Vec:
    """`point` turned about the pivot; a shorthand that reads well in a gap function."""
    return point if deg == 0 else rotate_about(point, pivot, axis, deg)


def reach_span(root: Vec, target: Vec, first: float, second: float) -> float:
    """How far short of the target the limb ends (0 when it gets there)."""
    return max(0.0, distance(root, target) - first - second)
