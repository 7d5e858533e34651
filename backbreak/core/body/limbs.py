"""Hands, feet and the head reaching their contacts: each limb bends to get there, keeping its length.

A foot flat on the floor is level; on its heel, toes up; on its toes, heel up; kneeling, it lies
stretched out along the shin, top down. A hand flat on a surface lies level; on a body part it goes on
from the forearm; fingertips touch with the hand in line. The head nods until it rests on its surface.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from backbreak.core.body.contacts import POINTS, SURFACES, Contact, sphere
from backbreak.core.body.geometry import (
    Mat,
    Vec,
    add,
    apply,
    cross,
    distance,
    dot,
    length,
    mul,
    rot_y,
    rot_z,
    sub,
    unit,
)
from backbreak.core.body.reach import carry, swing_angle, turned, two_bone
from backbreak.core.body.settle import move
from backbreak.core.body.skeleton import FOREARM, HAND, HEAD_R, HEEL, HEEL_R, TOE, TOE_R, UPPER_ARM, Skeleton

PALM = 0.4 * HAND  # the palm point, from the wrist
TOUCH = 0.002  # resting on the floor, give or take rounding: not sunk
WRIST_R, FINGERS_R, ANKLE_R, ELBOW_R, KNEE_R = 0.02, 0.015, 0.024, 0.025, 0.038


def foot_frame(sk: Skeleton, contact: Contact) -> Mat:
    """A grounded foot: level (sole), toes up (heel) or heel up (toe), turned as the pose turns it.

    For a foot on its heel or toes the pose's ankle angle says how far the foot tips from level.
    """
    toes = apply(sk.frames[f"{contact.side}_foot"], (1.0, 0.0, 0.0))
    yaw = math.degrees(math.atan2(-toes[2], toes[0])) if abs(toes[0]) + abs(toes[2]) > 1e-6 else 0.0
    pitch = 0.0 if contact.point.endswith("_sole") else getattr(sk.pose, f"{contact.side}_ankle")
    return mul(rot_y(yaw), rot_z(pitch))


def ankle_target(sk: Skeleton, contact: Contact, frame: Mat, pins: Mapping[str, Vec]) -> Vec:
    """Where the ankle goes for the foot to touch as `contact` says (kept where it was if pinned)."""
    side, height = contact.side, SURFACES[contact.target]
    if contact.point.endswith("_toe"):
        y = height + TOE_R - apply(frame, TOE)[1]
    elif contact.point.endswith(("_instep", "_ankle")):
        y = height + ANKLE_R
    else:
        y = height + HEEL_R - apply(frame, HEEL)[1]
    x, _, z = pins.get(str(contact), sk.joints[f"{side}_ankle"])
    return (x, y, z)


def set_foot(sk: Skeleton, side: str, frame: Mat) -> None:
    """Put the rigid foot at its ankle, turned by `frame`."""
    ankle = sk.joints[f"{side}_ankle"]
    sk.joints[f"{side}_heel"] = add(ankle, apply(frame, HEEL))
    sk.joints[f"{side}_toe"] = add(ankle, apply(frame, TOE))


def stand(sk: Skeleton, stance: Contact, pins: Mapping[str, Vec]) -> None:
    """Stand the body on one foot: the whole body moves so that this foot is on the floor."""
    frame = foot_frame(sk, stance)
    move(sk, sub(ankle_target(sk, stance, frame, pins), sk.joints[f"{stance.side}_ankle"]))
    set_foot(sk, stance.side, frame)


def foot(sk: Skeleton, contact: Contact, pins: Mapping[str, Vec], kneeling: bool) -> None:
    """Bend a leg so that its foot (or ankle) touches as `contact` says."""
    side, j = contact.side, sk.joints
    hip, knee, ankle = j[f"{side}_hip"], j[f"{side}_knee"], j[f"{side}_ankle"]
    thigh, shin = distance(hip, knee), distance(knee, ankle)
    if kneeling:
        _shin_down(sk, side, SURFACES.get(contact.target, 0.0))
        return
    if not contact.on_surface:
        # An ankle crossed over the other leg rests on top of it.
        target = touching(sk, contact.point, contact.target, add(ankle, (0.0, 1.0, 0.0)))
        new_knee, new_ankle = reach(hip, knee, target, thigh, shin, KNEE_R)
        heel_toe = carry([j[f"{side}_heel"], j[f"{side}_toe"]], knee, ankle, new_knee, new_ankle)
        j[f"{side}_heel"], j[f"{side}_toe"] = heel_toe
        j[f"{side}_knee"], j[f"{side}_ankle"] = new_knee, new_ankle
        return
    frame = foot_frame(sk, contact)
    target = within_reach(hip, ankle_target(sk, contact, frame, pins), thigh + shin)
    j[f"{side}_knee"], j[f"{side}_ankle"] = reach(hip, knee, target, thigh, shin, KNEE_R)
    if contact.point.endswith("_instep"):
        _point_foot(sk, side)
    else:
        set_foot(sk, side, frame)


def _point_foot(sk: Skeleton, side: str) -> None:
    """The foot stretched out along the shin, its top down (kneeling): the same rigid foot, turned."""
    j = sk.joints
    along = unit(sub(j[f"{side}_ankle"], j[f"{side}_knee"]))
    down = (0.0, -1.0, 0.0)
    top = unit(sub(down, _along(along, dot(down, along))), down)
    third = cross(along, top)
    # The foot's frame has its toes along the shin and its top toward the floor.
    frame: Mat = (
        (along[0], top[0], third[0]),
        (along[1], top[1], third[1]),
        (along[2], top[2], third[2]),
    )
    set_foot(sk, side, frame)


def _along(axis: Vec, amount: float) -> Vec:
    return (axis[0] * amount, axis[1] * amount, axis[2] * amount)


def _shin_down(sk: Skeleton, side: str, height: float) -> None:
    """A kneeling leg: the shin swings about the knee until it lies on the floor, the foot pointed behind."""
    j = sk.joints
    knee, ankle = j[f"{side}_knee"], j[f"{side}_ankle"]
    axis = apply(sk.frames[f"{side}_thigh"], (0.0, 0.0, 1.0))
    angle = swing_angle(lambda deg: turned(ankle, knee, axis, deg)[1] - ANKLE_R - height, 120.0)
    j[f"{side}_ankle"] = turned(ankle, knee, axis, angle)
    _point_foot(sk, side)
    toe = j[f"{side}_toe"]
    if toe[1] - TOE_R < height:
        j[f"{side}_toe"] = (toe[0], height + TOE_R, toe[2])


def hand(sk: Skeleton, contact: Contact, pins: Mapping[str, Vec]) -> None:
    """Bend an arm so that its hand touches as `contact` says."""
    side, j = contact.side, sk.joints
    shoulder, elbow, wrist, fingers = (j[f"{side}_{n}"] for n in ("shoulder", "elbow", "wrist", "fingers"))
    if contact.point.endswith("_fingers"):
        # Fingertips on a surface: the hand goes on from the forearm and its tip touches.
        x, _, z = pins.get(str(contact), fingers)
        height = SURFACES.get(contact.target, 0.0) + FINGERS_R
        target = within_reach(shoulder, (x, height, z), UPPER_ARM + FOREARM + HAND)
        new_elbow, tip = reach(shoulder, elbow, target, UPPER_ARM, FOREARM + HAND, ELBOW_R)
        line = unit(sub(tip, new_elbow))
        j[f"{side}_elbow"], j[f"{side}_wrist"], j[f"{side}_fingers"] = new_elbow, add(new_elbow, line, FOREARM), tip
        return
    if contact.on_surface:
        height = SURFACES[contact.target] + WRIST_R
        x, _, z = pins.get(str(contact), _where_arm_meets(shoulder, wrist, height))
        target = within_reach(shoulder, (x, height, z), UPPER_ARM + FOREARM)
        new_elbow, new_wrist = reach(shoulder, elbow, target, UPPER_ARM, FOREARM, ELBOW_R)
        # A hand put down stays pointing where it was put (it does not swivel as the back rounds).
        tip = pins.get(finger_pin(contact), fingers)
        start = pins.get(str(contact), wrist)
        flat = unit((tip[0] - start[0], 0.0, tip[2] - start[2]), unit(sub(new_wrist, new_elbow)))
        drop = WRIST_R - FINGERS_R  # the palm lies flat: the fingertips' sphere is a little smaller
        j[f"{side}_elbow"], j[f"{side}_wrist"] = new_elbow, new_wrist
        j[f"{side}_fingers"] = add(add(new_wrist, flat, math.sqrt(HAND * HAND - drop * drop)), (0.0, -drop, 0.0))
        return
    palm = add(wrist, unit(sub(fingers, wrist)), PALM)
    target = touching(sk, contact.point, contact.target, palm)
    new_elbow, new_palm = reach(shoulder, elbow, target, UPPER_ARM, FOREARM + PALM, ELBOW_R)
    line = unit(sub(new_palm, new_elbow))
    j[f"{side}_elbow"] = new_elbow
    j[f"{side}_wrist"] = add(new_elbow, line, FOREARM)
    j[f"{side}_fingers"] = add(new_elbow, line, FOREARM + HAND)


def _where_arm_meets(shoulder: Vec, wrist: Vec, height: float) -> Vec:
    """Where an arm pointing from `shoulder` through `wrist` meets the level `height`.

    A hand put down goes where the arm points (arms long in child's pose), not straight below where
    the pose left it; an arm pointing up or level keeps its wrist's place.
    """
    drop = wrist[1] - shoulder[1]
    if drop >= -1e-6:
        return wrist
    k = (height - shoulder[1]) / drop
    return add(shoulder, sub(wrist, shoulder), k) if k > 0 else wrist


def finger_pin(contact: Contact) -> str:
    """The pin that keeps which way a hand flat on a surface points."""
    return f"{contact}:fingers"


def head(sk: Skeleton, contact: Contact) -> None:
    """Nod (about the neck's base) until the head rests on its surface."""
    j = sk.joints
    height = SURFACES.get(contact.target, 0.0)
    # The head tips toward the floor in the plane of the neck and the vertical, whichever way the body lies.
    pivot = j["neck"]
    axis = cross(unit(sub(j["head_base"], pivot)), (0.0, -1.0, 0.0))
    if length(axis) < 1e-6:
        axis = apply(sk.frames["chest"], (0.0, 0.0, 1.0))
    centre = j["head"]
    angle = swing_angle(lambda deg: turned(centre, pivot, axis, deg)[1] - HEAD_R - height, 80.0)
    for name in ("head_base", "head", "nose"):
        j[name] = turned(j[name], pivot, axis, angle)


def reach(root: Vec, mid: Vec, target: Vec, first: float, second: float, mid_r: float) -> tuple[Vec, Vec]:
    """`two_bone`, but a knee or elbow that would go through the floor bends the other way (upward)."""
    new_mid, end = two_bone(root, mid, target, first, second)
    if new_mid[1] - mid_r < -TOUCH:
        new_mid, end = two_bone(root, add(mid, (0.0, 1.0, 0.0)), target, first, second)
    return new_mid, end


def within_reach(root: Vec, target: Vec, span: float) -> Vec:
    """`target`, or where it would be if slid level toward `root` until a limb of length `span` gets there.

    A pose that points a hand at a desk it cannot reach still puts the hand on the desk, as near as it can.
    """
    span *= 0.995
    if distance(root, target) <= span:
        return target
    rise = target[1] - root[1]
    if abs(rise) >= span:
        return target
    level = math.sqrt(span * span - rise * rise)
    away = unit((target[0] - root[0], 0.0, target[2] - root[2]), (1.0, 0.0, 0.0))
    return (root[0] + away[0] * level, target[1], root[2] + away[2] * level)


def touching(sk: Skeleton, point: str, target: str, near: Vec) -> Vec:
    """Where `point`'s sphere centre must be to touch `target`'s sphere, on the side where `near` is."""
    centre, radius = sphere(sk, target)
    segment = POINTS[target][0]
    axis = unit(sub(sk.at(segment, 1.0), sk.at(segment, 0.0)), (0.0, 0.0, 0.0))
    out = sub(near, centre)
    out = unit(sub(out, _along(axis, dot(out, axis))), (0.0, 1.0, 0.0))
    return add(centre, out, radius + sphere(sk, point)[1])
