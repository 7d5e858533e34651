"""Measuring a placed figure the way a physiotherapist reads a drawing: from where the joints are.

Every angle here comes from joint positions (after the body was set down and its hands and feet
reached their contacts), never from the numbers the pose was written with, so a pose that says one
thing and draws another is caught.
"""

from __future__ import annotations

import math

from backbreak.core.body.camera import PARTS
from backbreak.core.body.geometry import Vec, angle_between, cross, dot, sub, unit
from backbreak.core.body.placing import Placed
from backbreak.core.body.skeleton import SEGMENTS

DRAWN = {segment for part in PARTS.values() for segment in part}


def joints(placed: Placed) -> dict[str, Vec]:
    return placed.skeleton.joints


def lowest(placed: Placed) -> float:
    """The lowest point of the drawn body's surface (0 is the floor)."""
    j = joints(placed)
    return min(min(j[a][1] - ra, j[b][1] - rb) for name, (a, b, ra, rb) in SEGMENTS.items() if name in DRAWN)


def across(placed: Placed) -> Vec:
    """The body's left-to-right axis at the pelvis."""
    j = joints(placed)
    return unit(sub(j["r_hip"], j["l_hip"]))


def front(placed: Placed) -> Vec:
    """Where the chest faces."""
    j = joints(placed)
    up = unit(sub(j["neck"], j["waist"]))
    shoulders = unit(sub(j["r_shoulder"], j["l_shoulder"]))
    return unit(cross(up, shoulders))


def hip_flexion(placed: Placed, side: str) -> float:
    """Trunk-thigh flexion (stretch-facts section 5): 0 in line, 90 sitting, negative with the thigh behind."""
    j = joints(placed)
    down = sub(j["pelvis"], j["neck"])
    thigh = sub(j[f"{side}_knee"], j[f"{side}_hip"])
    angle = angle_between(down, thigh)
    return angle if dot(thigh, front(placed)) >= -1e-9 else -angle


def knee_flexion(placed: Placed, side: str) -> float:
    j = joints(placed)
    return 180.0 - angle_between(sub(j[f"{side}_hip"], j[f"{side}_knee"]), sub(j[f"{side}_ankle"], j[f"{side}_knee"]))


def elbow_flexion(placed: Placed, side: str) -> float:
    j = joints(placed)
    return 180.0 - angle_between(
        sub(j[f"{side}_shoulder"], j[f"{side}_elbow"]), sub(j[f"{side}_wrist"], j[f"{side}_elbow"])
    )


def spine_flexion(placed: Placed) -> float:
    """The bend between the lower trunk (pelvis to waist) and the upper (waist to neck): + rounded, - arched."""
    j = joints(placed)
    lower, upper = sub(j["waist"], j["pelvis"]), sub(j["neck"], j["waist"])
    turn = angle_between(lower, upper)
    return turn if dot(cross(lower, upper), across(placed)) < 0 else -turn


def trunk_lean(placed: Placed) -> float:
    """The trunk line from vertical, + toward where the pelvis faces (a forward lean or hinge)."""
    j = joints(placed)
    line = sub(j["neck"], j["pelvis"])
    lean = angle_between(line, (0.0, 1.0, 0.0))
    facing = unit(cross((0.0, 1.0, 0.0), across(placed)))
    return lean if dot(line, facing) >= 0 else -lean


def trunk_rise(placed: Placed) -> float:
    """How far the trunk line (pelvis to neck) rises from level, in degrees (a sit-up rises toward 90)."""
    j = joints(placed)
    line = sub(j["neck"], j["pelvis"])
    return math.degrees(math.asin(max(-1.0, min(1.0, line[1] / math.hypot(*line)))))


def roll(placed: Placed) -> float:
    """How far the body has turned from lying on its back: 0 face up, 90 on its side, 180 face down."""
    return angle_between(front(placed), (0.0, 1.0, 0.0))


def tilt(placed: Placed) -> float:
    """How far the hips have turned from level about the body's long axis: 90 lying on the left side."""
    return math.degrees(math.asin(max(-1.0, min(1.0, across(placed)[1]))))


def twist(placed: Placed) -> float:
    """The shoulder line turned against the hip line about the trunk, + toward the body's left."""
    j = joints(placed)
    axis = unit(sub(j["neck"], j["pelvis"]))

    def flat(v: Vec) -> Vec:
        return unit(sub(v, tuple(axis[i] * dot(v, axis) for i in range(3))))  # type: ignore[arg-type]

    hips, shoulders = flat(sub(j["r_hip"], j["l_hip"])), flat(sub(j["r_shoulder"], j["l_shoulder"]))
    angle = angle_between(hips, shoulders)
    return angle if dot(cross(hips, shoulders), axis) > 0 else -angle


def sideways(placed: Placed, joint: str) -> float:
    """How far `joint` is toward the body's right (+) of the pelvis, along the hip line."""
    j = joints(placed)
    return dot(sub(j[joint], j["pelvis"]), across(placed))


def forward(placed: Placed, joint: str, of: str = "neck") -> float:
    """How far `joint` is in front of `of`, along where the chest faces."""
    j = joints(placed)
    return dot(sub(j[joint], j[of]), front(placed))


def head_pitch(placed: Placed) -> float:
    """The nose line from level, + chin up (looking up)."""
    j = joints(placed)
    nose = sub(j["nose"], j["head"])
    return math.degrees(math.asin(max(-1.0, min(1.0, nose[1] / math.hypot(*nose)))))


def straightness(placed: Placed, a: str, b: str, c: str) -> float:
    """How far from a straight line a-b-c is seen from the side, in degrees (0 = straight)."""
    j = joints(placed)
    side = across(placed)

    def flat(v: Vec) -> Vec:
        return sub(v, tuple(side[i] * dot(v, side) for i in range(3)))  # type: ignore[arg-type]

    return angle_between(flat(sub(j[b], j[a])), flat(sub(j[c], j[b])))


def nod(placed: Placed) -> float:
    """The head bent toward the chest from in line with the trunk, + chin down (whatever way the body lies)."""
    j = joints(placed)
    return angle_between(sub(j["nose"], j["head"]), sub(j["neck"], j["waist"])) - 90.0
