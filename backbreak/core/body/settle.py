"""A body resting on its supports: turned until they lie level, then lowered until the lowest touches.

Supports are what a pose rests on besides hands and feet: the back, the seat, a knee, a hip lying on
its side. Spread along the body they tip it in the side plane; side by side (two knees) they roll it.
"""

from __future__ import annotations

import math

from backbreak.core.body.contacts import Contact, gap, sphere
from backbreak.core.body.geometry import Vec, add, mul, rot_x, rot_z
from backbreak.core.body.reach import swing_angle, turned
from backbreak.core.body.skeleton import SEGMENTS, Skeleton

TRUNK = (*(f"{side}_torso_{level}" for side in "lr" for level in ("low", "mid", "high")), "belly", "shoulders")
"""The drawn trunk: none of it may sink into the floor."""


def move(sk: Skeleton, by: Vec) -> None:
    """Shift the whole body."""
    sk.joints = {name: add(p, by) for name, p in sk.joints.items()}


def turn(sk: Skeleton, pivot: Vec, axis: Vec, deg: float) -> None:
    """Turn the whole body about a level axis (z tips it in the side plane, x rolls it) through `pivot`."""
    sk.joints = {name: turned(p, pivot, axis, deg) for name, p in sk.joints.items()}
    spin = rot_z(deg) if axis[2] else rot_x(deg)
    sk.frames = {name: mul(spin, frame) for name, frame in sk.frames.items()}


def lowest(sk: Skeleton) -> float:
    """The lowest point of the body's surface."""
    return min(sk.joints[joint][1] - radius for name in SEGMENTS for joint, radius in ends(name))


def ends(segment: str) -> tuple[tuple[str, float], tuple[str, float]]:
    """A segment's two joints with the body's radius at each."""
    a, b, ra, rb = SEGMENTS[segment]
    return (a, ra), (b, rb)


def settle(sk: Skeleton, supports: list[Contact]) -> None:
    """Turn until the supports lie level (a least-squares plane through their gaps), then drop onto them."""
    for _ in range(10):
        centres = [sphere(sk, c.point)[0] for c in supports]
        gaps = [gap(sk, c) for c in supports]
        tip = _slope([p[0] for p in centres], gaps)
        roll = _slope([p[2] for p in centres], gaps)
        if abs(tip) < 1e-5 and abs(roll) < 1e-5:
            break
        if tip:
            turn(sk, centres[0], (0.0, 0.0, 1.0), -math.degrees(math.atan(tip)))
        if roll:
            turn(sk, centres[0], (1.0, 0.0, 0.0), math.degrees(math.atan(roll)))
    move(sk, (0.0, -min(gap(sk, c) for c in supports), 0.0))
    _keep_trunk_up(sk, sphere(sk, supports[0].point)[0])


def _keep_trunk_up(sk: Skeleton, pivot: Vec) -> None:
    """Tip the body up about its first support, or lift it, so that none of the trunk is in the floor.

    Between two poses the supports may not be all the body rests on: the pelvis on its way up in a
    bridge, a hip rolled down in knee rolls.
    """
    sunk, deepest, radius = max((r - sk.joints[a][1], a, r) for name in TRUNK for a, r in ends(name))
    if sunk <= 0:
        return
    low = sk.joints[deepest]
    if abs(low[0] - pivot[0]) > 0.1:
        axis = (0.0, 0.0, 1.0)
        turn(sk, pivot, axis, swing_angle(lambda deg: turned(low, pivot, axis, deg)[1] - radius, 30.0))
    sunk = max(r - sk.joints[a][1] for name in TRUNK for a, r in ends(name))
    if sunk > 0:
        move(sk, (0.0, sunk, 0.0))


def _slope(where: list[float], gaps: list[float]) -> float:
    """How fast the gaps grow along one axis (least squares); 0 when the supports are not spread along it."""
    if max(where) - min(where) < 0.05:
        return 0.0
    mean_w, mean_g = sum(where) / len(where), sum(gaps) / len(gaps)
    spread = sum((w - mean_w) ** 2 for w in where)
    return sum((w - mean_w) * (g - mean_g) for w, g in zip(where, gaps, strict=True)) / spread
