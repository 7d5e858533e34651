"""What touches what: the named body points of a contact, the surfaces, and how far a contact is off.

A contact is written "point>surface" or "point>point": "l_sole>floor" (the left foot flat on the floor),
"seat>chair", "l_palm>desk", "l_palm>l_shin" (the left hand on the left shin), "head>cushion".
A trailing "~" ("l_palm>floor~") lets the contact slide: it stays on its surface through a move but is
not held where the pose before put it (the hands gliding forward into child's pose).
A body point is a sphere on the body's surface model: a place on a segment's axis and the body's
half-thickness there, so "touching" means the sphere meets the surface, or the other sphere.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from backbreak.core.body.geometry import Vec, distance
from backbreak.core.body.skeleton import Skeleton

SURFACES: dict[str, float] = {"floor": 0.0, "cushion": 0.035, "chair": 0.235, "desk": 0.42}
"""The height of each surface above the floor, in body heights (a 45 cm seat and a 73 cm desk at 1.75 m)."""


def _points() -> dict[str, tuple[str, float]]:
    points = {
        # name: (segment, fraction along it)
        "head": ("head", 0.0),
        "sacrum": ("pelvis", 0.0),
        "upper_back": ("chest", 0.35),
        "seat": ("hips", 0.5),
        "belly": ("belly", 0.5),
    }
    for side in ("l", "r"):
        points |= {
            f"{side}_knee": (f"{side}_shin", 0.0),
            f"{side}_shin": (f"{side}_shin", 0.45),
            f"{side}_ankle": (f"{side}_shin", 1.0),
            f"{side}_thigh": (f"{side}_thigh", 0.8),
            f"{side}_thigh_mid": (f"{side}_thigh", 0.5),
            f"{side}_back_hip": ("hips", 0.2 if side == "l" else 0.8),
            f"{side}_heel": (f"{side}_foot", 0.0),
            f"{side}_toe": (f"{side}_foot", 1.0),
            f"{side}_sole": (f"{side}_foot", 0.0),
            f"{side}_instep": (f"{side}_shin", 1.0),
            f"{side}_palm": (f"{side}_hand", 0.4),
            f"{side}_fingers": (f"{side}_hand", 1.0),
            f"{side}_elbow": (f"{side}_forearm", 0.0),
            f"{side}_forearm": (f"{side}_forearm", 0.5),
            f"{side}_shoulder": ("shoulders", 0.0 if side == "l" else 1.0),
            f"{side}_upper_arm": (f"{side}_upper_arm", 0.35),
            f"{side}_hip": ("hips", 0.0 if side == "l" else 1.0),
            f"{side}_ribs": ("ribs", 0.0 if side == "l" else 1.0),
        }
    return points


POINTS = _points()
"""Every body point a contact can name: a segment and a fraction along it."""

FEET = {"sole", "heel", "toe", "instep", "ankle"}
HANDS = {"palm", "fingers"}


@dataclass(frozen=True)
class Contact:
    """One named contact: `point` touches `target`, a surface or another body point."""

    point: str
    target: str
    slides: bool = False

    @property
    def on_surface(self) -> bool:
        """Whether the target is a surface (floor, chair...) rather than the body."""
        return self.target in SURFACES

    @property
    def side(self) -> str:
        """The limb's side, "l" or "r", or "" for the trunk and head."""
        return self.point[0] if self.point[:2] in ("l_", "r_") else ""

    @property
    def kind(self) -> str:
        """What the body point is: "foot", "hand", "head" or "support" (the trunk, knees, elbows...)."""
        part = self.point[2:] if self.side else self.point
        if part in FEET:
            return "foot"
        if part in HANDS:
            return "hand"
        return "head" if self.point == "head" else "support"

    def __str__(self) -> str:
        return f"{self.point}>{self.target}"


@cache
def parse(text: str) -> Contact:
    """Read "point>target" (or "point>target~"); ValueError names what is wrong."""
    point, sep, target = text.removesuffix("~").partition(">")
    if not sep or point not in POINTS or (target not in SURFACES and target not in POINTS):
        raise ValueError(f"contact {text!r} should be point>surface or point>point with known names")
    return Contact(point, target, text.endswith("~"))


def sphere(skeleton: Skeleton, point: str) -> tuple[Vec, float]:
    """Where a body point's sphere is, and its radius."""
    segment, t = POINTS[point]
    return skeleton.at(segment, t), skeleton.radius(segment, t)


def gap(skeleton: Skeleton, contact: Contact) -> float:
    """How far the contact is off, in body heights: + a gap, - sunk in. A flat sole counts heel and toe."""
    if contact.on_surface:
        height = SURFACES[contact.target]
        if contact.point.endswith("_sole"):
            side = contact.side
            return max((_above(skeleton, f"{side}_heel", height), _above(skeleton, f"{side}_toe", height)), key=abs)
        return _above(skeleton, contact.point, height)
    (a, ra), (b, rb) = sphere(skeleton, contact.point), sphere(skeleton, contact.target)
    return distance(a, b) - ra - rb


def _above(skeleton: Skeleton, point: str, height: float) -> float:
    centre, radius = sphere(skeleton, point)
    return centre[1] - radius - height
