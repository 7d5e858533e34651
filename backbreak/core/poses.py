"""Key poses of the animated figure (shared/content/stretch-facts.md section 5), as plain numbers.

Side view: the figure faces right, seen from its left; "near" limbs are the left ones. Angles in degrees:
- lean: the trunk (pelvis to shoulders) from vertical, + leaning forward. Lying on the back is -90 (head
  to the left), on all fours +90.
- spine: the bend between the lower and upper trunk, + rounded, - arched.
- hip: trunk-thigh flexion (0 in line, 90 sitting, - thigh behind); knee: flexion (0 straight).
- shoulder: the arm from hanging along the trunk (90 forward, 180 overhead); elbow: flexion.
- head: the head from the line of the upper trunk, + chin down.
Front and top views use bend, twist, arm abduction and knees_fall instead. The other side is drawn
mirrored. The UI eases between poses; `blend` is the in-between.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Pose:
    """Every joint the figure has; unused ones keep their defaults."""

    view: str = "side"
    lean: float = 0.0
    spine: float = 0.0
    head: float = 0.0
    head_shift: float = 0.0  # + glides the head back (a chin tuck), in head radii
    near_hip: float = 0.0
    near_knee: float = 0.0
    far_hip: float = 0.0
    far_knee: float = 0.0
    near_shoulder: float = 0.0
    near_elbow: float = 0.0
    far_shoulder: float = 0.0
    far_elbow: float = 0.0
    shoulder_lift: float = 0.0  # a shrug, in head radii
    shoulder_back: float = 0.0  # blades squeezed, in head radii
    foot_flex: float = 0.0  # toes up
    pelvis_forward: float = 0.0  # in head radii
    breathe: float = 0.0  # belly up, 0..1
    bend: float = 0.0  # front view: trunk to the figure's right (+)
    twist: float = 0.0  # front view: shoulders turned to the figure's right (+)
    head_turn: float = 0.0
    left_arm: float = 0.0  # front view: abduction from hanging
    right_arm: float = 0.0
    left_elbow: float = 0.0
    right_elbow: float = 0.0
    knees_fall: float = 0.0  # top view: bent knees dropped to the figure's right (+)
    chair: bool = False
    desk: bool = False
    strap: bool = False
    seated: bool = False


def blend(a: Pose, b: Pose, t: float) -> Pose:
    """The pose a fraction `t` (0..1) of the way from `a` to `b`; switches (chair, strap) flip halfway."""
    t = min(1.0, max(0.0, t))
    changes: dict[str, Any] = {}
    for field in dataclasses.fields(Pose):
        start, end = getattr(a, field.name), getattr(b, field.name)
        if isinstance(start, (bool, str)):
            changes[field.name] = end if t >= 0.5 else start
        else:
            changes[field.name] = start + (end - start) * t
    return Pose(**changes)


def ease_in_out(t: float) -> float:
    """Smooth start and stop (cubic): nothing snaps, nothing bounces."""
    t = min(1.0, max(0.0, t))
    return 4 * t**3 if t < 0.5 else 1 - (-2 * t + 2) ** 3 / 2


def _seated(**joints: float | bool) -> Pose:
    base = {"near_hip": 90.0, "far_hip": 90.0, "near_knee": 90.0, "far_knee": 90.0, "chair": True}
    base |= {"near_shoulder": 25.0, "far_shoulder": 25.0, "near_elbow": 55.0, "far_elbow": 55.0}
    return Pose(**(base | joints))  # type: ignore[arg-type]


def _standing(**joints: float | bool) -> Pose:
    return Pose(**joints)  # type: ignore[arg-type]


def _crook(**joints: float | bool) -> Pose:
    base = {"lean": -90.0, "near_hip": 45.0, "far_hip": 45.0, "near_knee": 90.0, "far_knee": 90.0}
    return Pose(**(base | joints))  # type: ignore[arg-type]


def _table(**joints: float | bool) -> Pose:
    base = {"lean": 90.0, "near_hip": 90.0, "far_hip": 90.0, "near_knee": 90.0, "far_knee": 90.0}
    base |= {"near_shoulder": 90.0, "far_shoulder": 90.0}
    return Pose(**(base | joints))  # type: ignore[arg-type]


def _front(**joints: float | bool) -> Pose:
    return Pose(view="front", **joints)  # type: ignore[arg-type]


POSES: dict[str, Pose] = {
    # seated, side view
    "seated-upright": _seated(),
    "seated-head-forward": _seated(head_shift=-0.5, head=-5),
    "seated-chin-tuck": _seated(head_shift=0.5),
    "seated-shrug": _seated(shoulder_lift=0.6),
    "seated-squeeze": _seated(shoulder_back=0.6, near_shoulder=-5, far_shoulder=-5, spine=-4),
    "seated-slump": _seated(lean=10, spine=25, head=30),
    "seated-tall": _seated(spine=-10, shoulder_back=0.4, head=-3),
    "seated-figure-4": _seated(near_hip=110, near_knee=125, near_shoulder=35),
    "seated-figure-4-hinge": _seated(
        lean=25, near_hip=135, near_knee=125, far_hip=115, near_shoulder=45, far_shoulder=40, near_elbow=30
    ),
    # seated, front view
    "front-seated-arms-crossed": _front(seated=True, left_arm=25, right_arm=25, left_elbow=135, right_elbow=135),
    "front-seated-twist": _front(
        seated=True, left_arm=25, right_arm=25, left_elbow=135, right_elbow=135, twist=45, head_turn=30
    ),
    # standing, side view
    "standing-upright": _standing(),
    "walk-a": _standing(
        near_hip=22, near_knee=8, far_hip=-18, far_knee=35, near_shoulder=-20, far_shoulder=20, near_elbow=15
    ),
    "walk-b": _standing(
        near_hip=-18, near_knee=35, far_hip=22, far_knee=8, near_shoulder=20, far_shoulder=-20, far_elbow=15
    ),
    "standing-hands-on-hips": _standing(near_shoulder=-40, far_shoulder=-40, near_elbow=100, far_elbow=100),
    "standing-lean-back": _standing(
        lean=-15,
        spine=-15,
        near_hip=-15,
        far_hip=-15,
        near_knee=5,
        far_knee=5,
        pelvis_forward=0.4,
        near_shoulder=-40,
        far_shoulder=-40,
        near_elbow=100,
        far_elbow=100,
    ),
    "standing-desk": _standing(desk=True, far_shoulder=55, far_elbow=25),
    "standing-split-stance": _standing(
        desk=True, near_hip=-15, near_knee=12, far_hip=15, far_knee=20, spine=5, far_shoulder=60, far_elbow=20
    ),
    "standing-heel-forward": _standing(near_hip=25, near_knee=5, far_knee=15, foot_flex=30),
    "standing-hamstring-hinge": _standing(
        lean=35, near_hip=60, near_knee=5, far_hip=40, far_knee=15, foot_flex=30, near_shoulder=45, far_shoulder=45
    ),
    "standing-chest-open": _standing(
        near_shoulder=-35, far_shoulder=-35, near_elbow=20, far_elbow=20, shoulder_back=0.6, spine=-5
    ),
    # standing, front view
    "front-standing": _front(),
    "front-standing-arm-up": _front(right_arm=170, left_arm=40, left_elbow=110),
    "front-standing-side-bend": _front(right_arm=170, left_arm=40, left_elbow=110, bend=-20),
    # lying on the back, side view
    "crook-lying": _crook(),
    "crook-breathe-in": _crook(breathe=1.0),
    "crook-flat-back": _crook(spine=5),
    "crook-arch": _crook(spine=-10),
    "knee-to-chest": _crook(near_hip=125, near_knee=110, near_shoulder=55, near_elbow=25),
    "knees-to-chest": _crook(
        near_hip=120, near_knee=110, far_hip=120, far_knee=110, near_shoulder=55, near_elbow=25, far_shoulder=55
    ),
    "figure-4-crossed": _crook(near_hip=75, near_knee=95),
    "figure-4-pull": _crook(
        near_hip=105, near_knee=95, far_hip=90, far_knee=90, near_shoulder=60, near_elbow=20, far_shoulder=60
    ),
    "strap-crook": _crook(strap=True, near_shoulder=45, near_elbow=20),
    "strap-leg-up": _crook(strap=True, near_hip=70, near_knee=10, near_shoulder=70, near_elbow=10, foot_flex=10),
    "bridge-up": _crook(lean=-110, near_hip=0, far_hip=0, near_knee=85, far_knee=85),
    "side-lying": _crook(near_hip=80, far_hip=80, near_knee=95, far_knee=95, near_shoulder=70, near_elbow=60),
    # all fours and kneeling, side view
    "table": _table(),
    "cat": _table(spine=30, head=30),
    "cat-small": _table(spine=15, head=15),
    "cow": _table(spine=-20, head=-10),
    "cow-small": _table(spine=-10, head=-5),
    "child": _table(
        lean=115, near_hip=150, far_hip=150, near_knee=125, far_knee=125, near_shoulder=195, far_shoulder=195, head=10
    ),
    "child-partial": _table(
        lean=105, near_hip=125, far_hip=125, near_knee=110, far_knee=110, near_shoulder=150, far_shoulder=150, head=5
    ),
    "half-kneel": _standing(near_hip=0, near_knee=90, far_hip=90, far_knee=90, far_shoulder=40, far_elbow=40),
    "half-kneel-lunge": _standing(
        near_hip=-15, near_knee=90, far_hip=80, far_knee=100, pelvis_forward=0.8, spine=5, far_shoulder=45, far_elbow=40
    ),
    # lying, seen from above
    "top-knees-up": Pose(view="top"),
    "top-knees-over": Pose(view="top", knees_fall=45),
    "top-knees-over-small": Pose(view="top", knees_fall=20),
}
