"""Looking at a placed body: which way the camera faces, and the flat shapes the painter fills.

An orthographic camera keeps the drawing simple and exact: a capsule (a sphere swept along a segment)
seen from any side is a flat capsule with the same radius, so the body becomes a list of 2-D capsules
grouped into parts (trunk, head, each arm, each leg), painted far to near.
"""

from __future__ import annotations

from dataclasses import dataclass

from backbreak.core.body.geometry import Mat, Vec, apply, mul, rot_x, rot_y, sub
from backbreak.core.body.looks import HIGHLIGHTS, PARTS, VIEWS
from backbreak.core.body.placing import Placed
from backbreak.core.body.props import Footprint, prop_shapes, shadow
from backbreak.core.body.skeleton import HEAD_R, SEGMENTS

__all__ = ["HIGHLIGHTS", "PARTS", "VIEWS"]

Point2 = tuple[float, float]


@dataclass(frozen=True)
class Capsule:
    """A flat capsule: two circles and the band between them; `lit` if it is the part being stretched."""

    a: Point2
    b: Point2
    ra: float
    rb: float
    lit: bool = False


@dataclass(frozen=True)
class Part:
    """Capsules painted as one piece; `far` limbs are drawn in a lighter tone."""

    name: str
    capsules: tuple[Capsule, ...]
    depth: float
    far: bool


@dataclass(frozen=True)
class Head:
    """The head's circle and where the face looks.

    `face` is the nose direction on the page; `toward` how much the face turns to the viewer (-1 away .. 1 toward).
    """

    centre: Point2
    radius: float
    face: Point2
    toward: float
    lit: bool


@dataclass(frozen=True)
class Shape:
    """A prop (chair, desk, mat, cushion, strap): a closed polygon to fill faintly, or an open line."""

    kind: str
    points: tuple[Point2, ...]
    closed: bool
    depth: float


@dataclass(frozen=True)
class Drawing:
    """Everything to paint for one frame, in body heights with y up and the floor at y = floor."""

    parts: tuple[Part, ...]
    head: Head
    behind: tuple[Shape, ...]
    front: tuple[Shape, ...]
    floor: float | None

    def bounds(self) -> tuple[float, float, float, float]:
        """(left, bottom, right, top) of the body and the props."""
        xs, ys = [], []
        for part in self.parts:
            for c in part.capsules:
                xs += [c.a[0] - c.ra, c.a[0] + c.ra, c.b[0] - c.rb, c.b[0] + c.rb]
                ys += [c.a[1] - c.ra, c.a[1] + c.ra, c.b[1] - c.rb, c.b[1] + c.rb]
        (hx, hy), r = self.head.centre, self.head.radius
        xs += [hx - r, hx + r]
        ys += [hy - r, hy + r]
        for shape in (*self.behind, *self.front):
            xs += [p[0] for p in shape.points]
            ys += [p[1] for p in shape.points]
        if self.floor is not None:
            ys.append(self.floor)
        return min(xs), min(ys), max(xs), max(ys)


def camera(view: str) -> Mat:
    """The rotation that takes the room into the camera's frame (x right, y up, z toward the viewer)."""
    turn, down = VIEWS.get(view, VIEWS["side"])
    return mul(rot_x(down), rot_y(turn))


def draw(
    placed: Placed, view: str, highlight: str = "", props: tuple[str, ...] = (), mat: Footprint | None = None
) -> Drawing:
    """The flat shapes of a placed body seen through the camera of `view` (`mat`: see props.prop_shapes)."""
    cam = camera(view)
    joints = {name: apply(cam, p) for name, p in placed.skeleton.joints.items()}
    lit = HIGHLIGHTS.get(highlight, frozenset())
    parts = []
    for name, segments in PARTS.items():
        if name == "head":
            continue
        capsules = tuple(_capsule(joints, segment, segment in lit) for segment in segments)
        depth = sum(joints[SEGMENTS[s][0]][2] + joints[SEGMENTS[s][1]][2] for s in segments) / (2 * len(segments))
        parts.append(Part(name, capsules, depth, far=False))
    # A limb is on the far side when its root (shoulder or hip) is further away than its twin's.
    roots = {"l_arm": "l_shoulder", "r_arm": "r_shoulder", "l_leg": "l_hip", "r_leg": "r_hip"}
    twins = {"l_arm": "r_arm", "r_arm": "l_arm", "l_leg": "r_leg", "r_leg": "l_leg"}
    parts = [
        Part(
            p.name,
            p.capsules,
            p.depth,
            p.name in roots and joints[roots[p.name]][2] < joints[roots[twins[p.name]]][2] - 0.03,
        )
        for p in parts
    ]
    neck = Part("neck", (_capsule(joints, "neck", "neck" in lit),), joints["neck"][2], far=False)
    parts.append(neck)
    parts.sort(key=lambda p: p.depth)
    centre, nose = joints["head"], joints["nose"]
    facing = sub(nose, centre)
    head = Head(
        (centre[0], centre[1]), HEAD_R, (facing[0] / HEAD_R, facing[1] / HEAD_R), facing[2] / HEAD_R, "neck" in lit
    )
    # Seen from above, the floor is a plane, not a line: a soft shadow under the body stands on it.
    pitched = VIEWS.get(view, VIEWS["side"])[1] >= 3
    floor = None if pitched else apply(cam, (0.0, 0.0, 0.0))[1]
    behind, front = prop_shapes(placed, cam, props, mat)
    if pitched and not any(shape.kind == "mat" for shape in behind):
        behind = (shadow(placed, cam), *behind)
    return Drawing(tuple(parts), head, behind, front, floor)


def _capsule(joints: dict[str, Vec], segment: str, lit: bool) -> Capsule:
    a, b, ra, rb = SEGMENTS[segment]
    pa, pb = joints[a], joints[b]
    return Capsule((pa[0], pa[1]), (pb[0], pb[1]), ra, rb, lit)
