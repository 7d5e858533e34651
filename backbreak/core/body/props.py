"""The things around the figure, drawn lightly: the chair, the desk, the mat, a cushion, a strap.

Each prop is placed from the body it serves (the chair under the seat, the desk under the fingers on
it, the mat under whatever is low, one mat for a whole step), so it is where the contacts say.
Props are boxes; a box seen from any side is the convex hull of its eight corners.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from backbreak.core.body.contacts import SURFACES
from backbreak.core.body.geometry import Mat, Vec, add, apply, lerp, rot_y, sub

if TYPE_CHECKING:
    from backbreak.core.body.camera import Shape
    from backbreak.core.body.placing import Placed

SEAT, LEG, BACKREST = 0.24, 0.02, 0.3  # seat depth and width, leg thickness, backrest height
DESK_DEPTH, DESK_WIDTH = 0.38, 0.7
MAT_WIDTH = 0.36

Footprint = tuple[float, float, float, float]
"""A rectangle on the floor: (least x, most x, least z, most z)."""
Box = Callable[[str, Vec, Vec], None]


def mat_under(placed: list[Placed]) -> Footprint:
    """Where a mat lies under everything that is low in these poses: one mat for a whole step."""
    low = [p for key in placed for p in key.skeleton.joints.values() if p[1] < 0.25]
    if not low:
        return (-0.5, 0.5, -MAT_WIDTH / 2, MAT_WIDTH / 2)
    xs, zs = [p[0] for p in low], [p[2] for p in low]
    middle = (min(zs) + max(zs)) / 2
    half = max(MAT_WIDTH / 2, (max(zs) - min(zs)) / 2 + 0.04)
    return (min(xs) - 0.1, max(xs) + 0.1, middle - half, middle + half)


def prop_shapes(
    placed: Placed, cam: Mat, props: tuple[str, ...], mat: Footprint | None = None
) -> tuple[tuple[Shape, ...], tuple[Shape, ...]]:
    """The props' shapes behind the body and in front of it, seen through `cam`.

    `mat` is where the step's mat lies (the same in every frame); without it the mat fits this pose.
    """
    from backbreak.core.body.camera import Shape

    joints = placed.skeleton.joints
    facing = _facing(placed)
    behind: list[Shape] = []
    front: list[Shape] = []

    def box(kind: str, centre: Vec, size: Vec) -> None:
        corners = [
            apply(cam, add(centre, apply(facing, (sx * size[0] / 2, sy * size[1] / 2, sz * size[2] / 2))))
            for sx in (-1, 1)
            for sy in (-1, 1)
            for sz in (-1, 1)
        ]
        depth = sum(p[2] for p in corners) / len(corners)
        behind.append(Shape(kind, tuple(_hull([(p[0], p[1]) for p in corners])), True, depth))

    for prop in props:
        kind, _, detail = prop.partition(":")
        if kind == "chair":
            _chair(lerp(joints["l_hip_side"], joints["r_hip_side"], 0.5), facing, box)
        elif kind == "desk":
            _desk(joints[f"{detail or 'r'}_fingers"], facing, box)
        elif kind == "mat":
            x0, x1, z0, z1 = mat or mat_under([placed])
            corners = [apply(cam, (x, 0.0, z)) for x, z in ((x0, z0), (x1, z0), (x1, z1), (x0, z1))]
            behind.append(Shape("mat", tuple((p[0], p[1]) for p in corners), True, min(p[2] for p in corners)))
        elif kind == "cushion":
            head = joints["head"]
            box("cushion", (head[0], SURFACES["cushion"] / 2, head[2]), (0.2, SURFACES["cushion"], 0.26))
        elif kind == "strap":
            front += _strap(placed, cam, detail or "l")
    return tuple(behind), tuple(front)


def _facing(placed: Placed) -> Mat:
    """The turn that lines a prop up with the body: its front for a chair or desk, its length for a mat."""
    joints = placed.skeleton.joints
    forward = apply(placed.skeleton.frames["root"], (1.0, 0.0, 0.0))
    if abs(forward[0]) + abs(forward[2]) < 0.5:  # lying or kneeling: the neck-to-pelvis line
        forward = sub(joints["pelvis"], joints["neck"])
    return rot_y(math.degrees(math.atan2(-forward[2], forward[0])))


def _chair(seat: Vec, facing: Mat, box: Box) -> None:
    top = SURFACES["chair"]
    centre = add(seat, apply(facing, (0.02, 0.0, 0.0)))
    box("chair", (centre[0], top - 0.015, centre[2]), (SEAT, 0.03, SEAT))
    for fx in (-1, 1):
        for fz in (-1, 1):
            leg = add(centre, apply(facing, (fx * (SEAT / 2 - LEG), 0.0, fz * (SEAT / 2 - LEG))))
            box("chair", (leg[0], (top - 0.03) / 2, leg[2]), (LEG, top - 0.03, LEG))
    back = add(centre, apply(facing, (-SEAT / 2 + LEG / 2, 0.0, 0.0)))
    box("chair", (back[0], top + BACKREST / 2, back[2]), (LEG, BACKREST, SEAT))


def _desk(fingers: Vec, facing: Mat, box: Box) -> None:
    top = SURFACES["desk"]
    centre = add((fingers[0], top - 0.015, fingers[2]), apply(facing, (DESK_DEPTH / 2 - 0.1, 0.0, 0.0)))
    box("desk", centre, (DESK_DEPTH, 0.03, DESK_WIDTH))
    for fz in (-1, 1):
        leg = add(centre, apply(facing, (DESK_DEPTH / 2 - 0.04, 0.0, fz * (DESK_WIDTH / 2 - 0.04))))
        box("desk", (leg[0], top / 2, leg[2]), (0.03, top - 0.03, 0.03))


def _strap(placed: Placed, cam: Mat, side: str) -> list[Shape]:
    """A towel or strap from both hands round the sole of the foot."""
    from backbreak.core.body.camera import Shape

    joints = placed.skeleton.joints
    end = apply(cam, lerp(joints[f"{side}_heel"], joints[f"{side}_toe"], 0.55))
    out = []
    for hand in ("l", "r"):
        grip = apply(cam, lerp(joints[f"{hand}_wrist"], joints[f"{hand}_fingers"], 0.4))
        out.append(Shape("strap", ((grip[0], grip[1]), (end[0], end[1])), False, grip[2]))
    return out


def shadow(placed: Placed, cam: Mat) -> Shape:
    """A flat ellipse on the floor under the body: it grounds a figure seen from above."""
    from backbreak.core.body.camera import Shape

    joints = list(placed.skeleton.joints.values())
    low = [p for p in joints if p[1] < 0.3] or joints
    xs, zs = [p[0] for p in low], [p[2] for p in low]
    cx, cz = (min(xs) + max(xs)) / 2, (min(zs) + max(zs)) / 2
    rx, rz = (max(xs) - min(xs)) / 2 + 0.08, (max(zs) - min(zs)) / 2 + 0.08
    steps = [k * math.tau / 24 for k in range(24)]
    ring = [apply(cam, (cx + rx * math.cos(a), 0.0, cz + rz * math.sin(a))) for a in steps]
    return Shape("shadow", tuple((p[0], p[1]) for p in ring), True, min(p[2] for p in ring))


def _hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The convex hull, counter-clockwise (Andrew's monotone chain)."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def turn(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and turn(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[tuple[float, float]] = []
    for p in reversed(pts):
        while len(upper) >= 2 and turn(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]
