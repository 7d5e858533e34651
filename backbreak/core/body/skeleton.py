"""From joint angles to points in space: the body's proportions and its forward kinematics.

Lengths are in body heights (standing, head top to sole = about 1), from anthropometric tables
(Drillis and Contini, via Winter's "Biomechanics and motor control of human movement"), rounded.
The pelvis centre is the origin before the body is placed (see placing.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from backbreak.core.body.geometry import Mat, Vec, add, apply, chain, lerp, rot_x, rot_y, rot_z
from backbreak.core.poses import Pose

PELVIS, CHEST, NECK, HEAD_UP, HEAD_R = 0.12, 0.165, 0.05, 0.05, 0.066
HIP_HALF, SHOULDER_HALF, SHOULDER_DROP = 0.05, 0.105, 0.03
UPPER_ARM, FOREARM, HAND = 0.17, 0.15, 0.075
THIGH, SHIN = 0.245, 0.245
HEEL: Vec = (-0.035, -0.03, 0.0)  # in the foot's frame, from the ankle
TOE: Vec = (0.115, -0.037, 0.0)
HEEL_R, TOE_R = 0.022, 0.015
FOOT_H = 0.052  # the ankle above the sole when the foot is flat: the heel and toe spheres touch the floor

SEGMENTS: dict[str, tuple[str, str, float, float]] = {
    # name: (from joint, to joint, radius at the start, radius at the end)
    # The trunk as drawn: a column down each side of the spine, so it reads as one smooth body from any
    # side, the belly in front (it rises with a breath), and the shoulder girdle.
    "l_torso_low": ("l_hip_side", "l_waist_side", 0.066, 0.056),
    "l_torso_mid": ("l_waist_side", "l_chest_side", 0.056, 0.064),
    "l_torso_high": ("l_chest_side", "l_top_side", 0.064, 0.05),
    "r_torso_low": ("r_hip_side", "r_waist_side", 0.066, 0.056),
    "r_torso_mid": ("r_waist_side", "r_chest_side", 0.056, 0.064),
    "r_torso_high": ("r_chest_side", "r_top_side", 0.064, 0.05),
    "belly": ("belly_low", "belly_high", 0.05, 0.05),
    "shoulders": ("l_shoulder", "r_shoulder", 0.036, 0.036),
    # The trunk along the spine, for contacts only (the back on the floor, sitting, a hip on its side).
    "hips": ("l_hip_side", "r_hip_side", 0.07, 0.07),
    "pelvis": ("pelvis_back", "waist", 0.068, 0.06),
    "chest": ("chest", "neck", 0.07, 0.05),
    "ribs": ("l_ribs", "r_ribs", 0.066, 0.066),
    "neck": ("neck", "head_base", 0.03, 0.028),
    "head": ("head", "head", HEAD_R, HEAD_R),
    "l_upper_arm": ("l_shoulder", "l_elbow", 0.031, 0.025),
    "l_forearm": ("l_elbow", "l_wrist", 0.025, 0.019),
    "l_hand": ("l_wrist", "l_fingers", 0.02, 0.015),
    "r_upper_arm": ("r_shoulder", "r_elbow", 0.031, 0.025),
    "r_forearm": ("r_elbow", "r_wrist", 0.025, 0.019),
    "r_hand": ("r_wrist", "r_fingers", 0.02, 0.015),
    "l_thigh": ("l_hip", "l_knee", 0.055, 0.038),
    "l_shin": ("l_knee", "l_ankle", 0.038, 0.024),
    "l_foot": ("l_heel", "l_toe", HEEL_R, TOE_R),
    "r_thigh": ("r_hip", "r_knee", 0.055, 0.038),
    "r_shin": ("r_knee", "r_ankle", 0.038, 0.024),
    "r_foot": ("r_heel", "r_toe", HEEL_R, TOE_R),
}

LIMBS: dict[str, tuple[str, ...]] = {
    # The chains whose lengths never change, for the tests and for reaching (reach.py).
    "l_arm": ("l_shoulder", "l_elbow", "l_wrist", "l_fingers"),
    "r_arm": ("r_shoulder", "r_elbow", "r_wrist", "r_fingers"),
    "l_leg": ("l_hip", "l_knee", "l_ankle"),
    "r_leg": ("r_hip", "r_knee", "r_ankle"),
}


@dataclass
class Skeleton:
    """Joint positions (body heights), the frames that made them, and the pose they came from."""

    joints: dict[str, Vec]
    frames: dict[str, Mat]
    pose: Pose

    def radius(self, segment: str, t: float) -> float:
        """The body's half-thickness a fraction `t` along `segment`."""
        _, _, r0, r1 = SEGMENTS[segment]
        return r0 + (r1 - r0) * t

    def at(self, segment: str, t: float) -> Vec:
        """The point a fraction `t` along `segment`'s axis."""
        a, b, _, _ = SEGMENTS[segment]
        return lerp(self.joints[a], self.joints[b], t)


def flex(deg: float) -> Mat:
    """Bend forward: for a segment pointing down, its end moves to the front."""
    return rot_z(deg)


def build(pose: Pose) -> Skeleton:
    """Forward kinematics: every joint of `pose`, with the pelvis centre at the origin."""
    root = chain(rot_y(-pose.turn), rot_z(-pose.lean), rot_y(-pose.roll))
    pelvis = chain(root, rot_z(pose.spine / 2))
    chest = chain(root, rot_z(-pose.spine / 2), rot_x(pose.bend), rot_y(-pose.twist))
    head = chain(chest, rot_y(-pose.head_turn), rot_x(pose.head_tilt), rot_z(-pose.head))
    j: dict[str, Vec] = {"pelvis": (0.0, 0.0, 0.0)}
    frames: dict[str, Mat] = {"root": root, "pelvis": pelvis, "chest": chest, "head": head}
    j["pelvis_back"] = apply(pelvis, (-0.012, 0.0, 0.0))
    j["waist"] = apply(pelvis, (0.0, PELVIS, 0.0))
    j["chest"] = add(j["waist"], apply(chest, (0.0, CHEST * 0.45, 0.0)))
    j["neck"] = add(j["waist"], apply(chest, (0.0, CHEST, 0.0)))
    belly = 0.014 * pose.breathe
    j["belly_low"] = add(j["waist"], apply(pelvis, (0.012 + belly, -0.045, 0.0)))
    j["belly_high"] = add(j["waist"], apply(chest, (0.018 + belly, 0.035, 0.0)))
    for side, sign in (("l", -1.0), ("r", 1.0)):
        j[f"{side}_hip"] = apply(pelvis, (0.0, 0.0, sign * HIP_HALF))
        j[f"{side}_hip_side"] = apply(pelvis, (-0.008, 0.0, sign * 0.038))
        j[f"{side}_ribs"] = add(j["chest"], apply(chest, (-0.004, 0.0, sign * 0.05)))
        j[f"{side}_waist_side"] = add(j["waist"], apply(chest, (-0.004, 0.0, sign * 0.042)))
        j[f"{side}_chest_side"] = add(j["chest"], apply(chest, (-0.004, 0.0, sign * 0.047)))
        j[f"{side}_top_side"] = add(j["neck"], apply(chest, (-0.012, -0.035, sign * 0.05)))
        offset = (-pose.retract, -SHOULDER_DROP + pose.shrug + 0.004 * pose.breathe, sign * SHOULDER_HALF)
        j[f"{side}_shoulder"] = add(j["neck"], apply(chest, offset))
    j["head_base"] = add(j["neck"], apply(chest, (-pose.head_glide, NECK, 0.0)))
    j["head"] = add(j["head_base"], apply(head, (0.012, HEAD_UP, 0.0)))
    j["nose"] = add(j["head"], apply(head, (HEAD_R, 0.0, 0.0)))
    for side, sign in (("l", -1.0), ("r", 1.0)):
        _arm(pose, side, sign, chest, j, frames)
        _leg(pose, side, sign, root, j, frames)
    return Skeleton(j, frames, pose)


def _arm(pose: Pose, side: str, sign: float, chest: Mat, j: dict[str, Vec], frames: dict[str, Mat]) -> None:
    flexion, abduct, rotate, elbow = (getattr(pose, f"{side}_{n}") for n in ("shoulder", "abduct", "rotate", "elbow"))
    upper = chain(chest, flex(flexion), rot_x(-sign * abduct), rot_y(sign * rotate))
    fore = chain(upper, flex(elbow))
    j[f"{side}_elbow"] = add(j[f"{side}_shoulder"], apply(upper, (0.0, -UPPER_ARM, 0.0)))
    j[f"{side}_wrist"] = add(j[f"{side}_elbow"], apply(fore, (0.0, -FOREARM, 0.0)))
    j[f"{side}_fingers"] = add(j[f"{side}_wrist"], apply(fore, (0.0, -HAND, 0.0)))
    frames[f"{side}_upper_arm"], frames[f"{side}_forearm"] = upper, fore


def _leg(pose: Pose, side: str, sign: float, root: Mat, j: dict[str, Vec], frames: dict[str, Mat]) -> None:
    hip, abduct, rotate, knee, ankle = (
        getattr(pose, f"{side}_{n}") for n in ("hip", "hip_abduct", "hip_rotate", "knee", "ankle")
    )
    thigh = chain(root, flex(hip), rot_x(-sign * abduct), rot_y(sign * rotate))
    shin = chain(thigh, flex(-knee))
    foot = chain(shin, flex(ankle))
    j[f"{side}_knee"] = add(j[f"{side}_hip"], apply(thigh, (0.0, -THIGH, 0.0)))
    j[f"{side}_ankle"] = add(j[f"{side}_knee"], apply(shin, (0.0, -SHIN, 0.0)))
    j[f"{side}_heel"] = add(j[f"{side}_ankle"], apply(foot, HEEL))
    j[f"{side}_toe"] = add(j[f"{side}_ankle"], apply(foot, TOE))
    frames[f"{side}_thigh"], frames[f"{side}_shin"], frames[f"{side}_foot"] = thigh, shin, foot
