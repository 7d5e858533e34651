"""Nothing goes through the floor: the last pass over a placed body.

A hand or foot with no contact of its own that would sink rests on the floor instead, a knee or elbow
that would sink bends the other way, the shin of a knee on the floor swings up if its foot would sink,
and a head that would sink rests on the floor. In-between frames need this most: a foot swinging
through a step, an elbow as the hips sit back in child's pose.
"""

from __future__ import annotations

from backbreak.core.body.contacts import Contact
from backbreak.core.body.geometry import add, cross, distance, length, sub, unit
from backbreak.core.body.limbs import ANKLE_R, FINGERS_R, TOUCH, WRIST_R, head
from backbreak.core.body.reach import swing_angle, turned, two_bone
from backbreak.core.body.skeleton import HEAD_R, HEEL_R, TOE_R, Skeleton

LIMB_ENDS = {
    # limb: (root, middle, end, the points carried with the end, the middle's radius)
    "arm": ("shoulder", "elbow", "wrist", ("fingers",), 0.025),
    "leg": ("hip", "knee", "ankle", ("heel", "toe"), 0.038),
}
LEG_POINTS = ("foot", "knee", "shin", "ankle", "heel", "toe", "sole", "instep", "thigh")
RADII = {"head": HEAD_R, "wrist": WRIST_R, "fingers": FINGERS_R, "ankle": ANKLE_R, "heel": HEEL_R, "toe": TOE_R}


def keep_above(sk: Skeleton, contacts: tuple[Contact, ...]) -> None:
    """Lift whatever has no contact of its own out of the floor (see the module docstring)."""
    placed = {(c.side, "leg" if c.point[2:].startswith(LEG_POINTS) else "arm") for c in contacts if c.side}
    for side in ("l", "r"):
        for limb, (root, mid, end, carried, mid_r) in LIMB_ENDS.items():
            if (side, limb) not in placed:
                names = [f"{side}_{name}" for name in (root, mid, end, *carried)]
                for _ in range(3):  # lifting the end can tip the hand or foot: look again
                    if not _lift(sk, names, mid_r):
                        break
    kneeling = {c.side for c in contacts if c.point.endswith(("_knee", "_shin")) and c.on_surface}
    for side in kneeling - {c.side for c in contacts if c.kind == "foot"}:
        _free_shin(sk, side)
    if not any(c.kind == "head" for c in contacts) and sunk(sk, "head") > 0:
        head(sk, Contact("head", "floor"))


def sunk(sk: Skeleton, joint: str) -> float:
    """How far below the floor the body's surface round `joint` reaches (0 if not)."""
    return max(0.0, RADII[joint.split("_")[-1]] - sk.joints[joint][1])


def _lift(sk: Skeleton, names: list[str], mid_r: float) -> bool:
    """Raise one free limb out of the floor; False if it was not in it."""
    j = sk.joints
    root, mid, end = j[names[0]], j[names[1]], j[names[2]]
    sink = max(sunk(sk, name) for name in names[2:])
    if sink <= TOUCH and mid[1] - mid_r >= -TOUCH:
        return False
    pole = mid if mid[1] - mid_r >= -TOUCH else add(mid, (0.0, 1.0, 0.0))
    new_mid, new_end = two_bone(root, pole, add(end, (0.0, sink, 0.0)), distance(root, mid), distance(mid, end))
    # The hand or foot keeps its own angle as it is lifted, so its tip comes up as far as its root.
    shift = sub(new_end, end)
    j[names[1]], j[names[2]] = new_mid, new_end
    j.update({name: add(j[name], shift) for name in names[3:]})
    return True


def _free_shin(sk: Skeleton, side: str) -> None:
    """A knee on the floor with its foot free: the shin swings up about the knee if the foot would sink.

    It turns in the plane of itself and the vertical, whichever way the leg lies (kneeling, or lying on
    its side), by the least that keeps the foot out of the floor.
    """
    j = sk.joints
    names = [f"{side}_{n}" for n in ("ankle", "heel", "toe")]
    deepest = max(names, key=lambda n: sunk(sk, n))
    if sunk(sk, deepest) <= TOUCH:
        return
    knee = j[f"{side}_knee"]
    axis = cross(unit(sub(j[f"{side}_ankle"], knee)), (0.0, -1.0, 0.0))
    if length(axis) < 1e-6:
        return
    radius, point = sunk(sk, deepest) + j[deepest][1], j[deepest]
    angle = swing_angle(lambda deg: turned(point, knee, axis, deg)[1] - radius, 120.0)
    j.update({n: turned(j[n], knee, axis, angle) for n in names})
