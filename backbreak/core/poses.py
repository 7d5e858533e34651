"""Poses of the stretch figure as joint angles, and how to go from one to the next.

The angles follow shared/content/stretch-facts.md section 5 (degrees):
- lean: the trunk line (pelvis to shoulders) from vertical, + tipping forward. -90 is lying on the back,
  +90 face down (on all fours the trunk is near +80: the arms are longer than the thighs).
- roll: the whole body about its long axis, + toward its right side; turn: about the vertical.
- spine: the bend between the lower and upper trunk, + rounded, - arched. bend: + toward the body's right.
  twist: the shoulders turned, + to the body's right, the hips staying.
- hip: trunk-thigh flexion (0 in line, 90 sitting, - thigh behind); knee and elbow: flexion.
- shoulder: the arm from hanging (90 forward, 180 overhead); abduct: out to the side.
- head: + chin down; head_glide: + the head slides straight back (a chin tuck), in body heights.
Names with l_ and r_ are the body's left and right. A pose also names what touches what (`contacts`,
see backbreak/core/body/contacts.py) and the props around it. The catalogue is core/posebook.py.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Pose:
    """Every joint the figure has; unused ones keep their defaults (standing upright, arms hanging)."""

    lean: float = 0.0
    roll: float = 0.0
    turn: float = 0.0
    spine: float = 0.0
    bend: float = 0.0
    twist: float = 0.0
    breathe: float = 0.0
    head: float = 0.0
    head_glide: float = 0.0
    head_turn: float = 0.0
    head_tilt: float = 0.0
    shrug: float = 0.0
    retract: float = 0.0
    l_shoulder: float = 0.0
    l_abduct: float = 8.0
    l_rotate: float = 0.0
    l_elbow: float = 10.0
    r_shoulder: float = 0.0
    r_abduct: float = 8.0
    r_rotate: float = 0.0
    r_elbow: float = 10.0
    l_hip: float = 0.0
    l_hip_abduct: float = 3.0
    l_hip_rotate: float = 0.0
    l_knee: float = 0.0
    l_ankle: float = 0.0
    r_hip: float = 0.0
    r_hip_abduct: float = 3.0
    r_hip_rotate: float = 0.0
    r_knee: float = 0.0
    r_ankle: float = 0.0
    contacts: tuple[str, ...] = ()
    props: tuple[str, ...] = ()


ANGLES = tuple(f.name for f in dataclasses.fields(Pose) if f.type in ("float", float))
"""The fields that blend smoothly; contacts and props switch halfway."""


def blend(a: Pose, b: Pose, t: float) -> Pose:
    """The pose a fraction `t` (0..1) of the way from `a` to `b`.

    A contact both poses share is kept all the way; the others hold only near their own pose, so a
    foot leaves the floor as the movement starts and lands as it ends. Props switch halfway.
    """
    t = min(1.0, max(0.0, t))
    if t == 0.0:
        return a
    if t == 1.0:
        return b
    changes: dict[str, Any] = {name: getattr(a, name) + (getattr(b, name) - getattr(a, name)) * t for name in ANGLES}
    held = {c.removesuffix("~") for c in b.contacts}
    shared = tuple(c for c in a.contacts if c.removesuffix("~") in held)
    changes["contacts"] = shared
    changes["props"] = b.props if t >= 0.5 else a.props
    return Pose(**changes)


def ease_in_out(t: float) -> float:
    """Smooth start and stop (cubic): nothing snaps, nothing bounces."""
    t = min(1.0, max(0.0, t))
    return 4 * t**3 if t < 0.5 else 1 - (-2 * t + 2) ** 3 / 2


def spline(poses: list[Pose], phase: float) -> Pose:
    """A smooth loop through `poses` (phase 0..1 goes once round), never stopping at a key pose.

    Catmull-Rom through the angles, for movements that flow: shoulder rolls, walking, breathing.
    Contacts are those of the nearest key pose.
    """
    count = len(poses)
    where = (phase % 1.0) * count
    index = int(where) % count
    t = where - int(where)
    p0, p1, p2, p3 = (poses[(index + k) % count] for k in (-1, 0, 1, 2))
    t2, t3 = t * t, t * t * t
    changes: dict[str, Any] = {}
    for name in ANGLES:
        v0, v1, v2, v3 = getattr(p0, name), getattr(p1, name), getattr(p2, name), getattr(p3, name)
        changes[name] = 0.5 * (
            2 * v1 + (-v0 + v2) * t + (2 * v0 - 5 * v1 + 4 * v2 - v3) * t2 + (-v0 + 3 * v1 - 3 * v2 + v3) * t3
        )
    nearest = p1 if t < 0.5 else p2
    changes["contacts"] = nearest.contacts
    changes["props"] = nearest.props
    return Pose(**changes)
