"""The key poses of every built-in movement (shared/content/stretch-facts.md section 5), by name.

Each pose is a few angles on top of its family's base (sitting, standing, lying on the back, on all
fours) and names what touches what: the supports first (the first one stays put through a step), then
the feet, the hands and the head (core/body/contacts.py). A pose done to one side is done to the LEFT
side; the right side is its mirror image. Routine files name these poses; the figure eases between them.
"""

from __future__ import annotations

from collections.abc import Mapping

from backbreak.core.poses import Pose

Angles = Mapping[str, float]
Contacts = tuple[str, ...]

FEET_DOWN: Contacts = ("l_sole>floor", "r_sole>floor")
HANDS_ON_THIGHS: Contacts = ("l_palm>l_thigh", "r_palm>r_thigh")
PALMS_DOWN: Contacts = ("l_palm>floor", "r_palm>floor")
SLIDING_PALMS: Contacts = ("l_palm>floor~", "r_palm>floor~")
KNEES_DOWN: Contacts = ("l_knee>floor", "r_knee>floor", "l_instep>floor", "r_instep>floor")

SEATED: Angles = {
    "l_hip": 90, "r_hip": 90, "l_knee": 90, "r_knee": 90, "l_shoulder": 28, "r_shoulder": 28,
    "l_elbow": 55, "r_elbow": 55, "l_abduct": 12, "r_abduct": 12,
}  # fmt: skip
CROOK: Angles = {
    "lean": -90, "l_hip": 45, "r_hip": 45, "l_knee": 90, "r_knee": 90, "l_shoulder": 8, "r_shoulder": 8,
    "l_abduct": 14, "r_abduct": 14, "l_elbow": 8, "r_elbow": 8,
}  # fmt: skip
TABLE: Angles = {
    # On all fours after rolling over from the back, so the head is where it was (roll -180). The arms
    # are longer than the thighs: with both upright the trunk rises 12 degrees to the shoulders.
    "lean": -78, "roll": -180, "l_hip": 78, "r_hip": 78, "l_knee": 90, "r_knee": 90, "l_ankle": -75,
    "r_ankle": -75, "l_shoulder": 78, "r_shoulder": 78, "l_elbow": 3, "r_elbow": 3, "l_abduct": 4, "r_abduct": 4,
    "l_hip_abduct": 2, "r_hip_abduct": 2,
}  # fmt: skip
KNEEL: Angles = {
    # Half kneeling: the left knee down, the right foot in front, both hands on the front knee.
    "l_hip": 0, "l_knee": 90, "r_hip": 90, "r_knee": 90, "l_shoulder": 40, "r_shoulder": 40, "l_elbow": 40,
    "r_elbow": 40,
}  # fmt: skip
KNEEL_CONTACTS: Contacts = ("l_knee>floor", "l_instep>floor", "r_sole>floor", "l_palm>r_knee", "r_palm>r_knee")


def pose(base: Angles, angles: Angles, contacts: Contacts, props: Contacts = ()) -> Pose:
    """A pose: `angles` over the family's `base`."""
    return Pose(**{name: float(value) for name, value in {**base, **angles}.items()}, contacts=contacts, props=props)


def seated(angles: Angles = {}, hands: Contacts = HANDS_ON_THIGHS, feet: Contacts = FEET_DOWN) -> Pose:  # noqa: B006 - read only
    """Sitting on the chair, feet flat, hands on the thighs unless told otherwise."""
    return pose(SEATED, angles, ("seat>chair", *feet, *hands), ("chair",))


def standing(angles: Angles = {}, contacts: Contacts = FEET_DOWN, props: Contacts = ()) -> Pose:  # noqa: B006 - read only
    """Standing on both feet unless told otherwise (the first foot named is the one stood on)."""
    return pose({}, angles, contacts, props)


def crook(
    angles: Angles = {},  # noqa: B006 - read only
    hands: Contacts = PALMS_DOWN,
    feet: Contacts = FEET_DOWN,
    head: str = "head>floor",
    props: Contacts = ("mat",),
) -> Pose:
    """Lying on the back, knees bent and feet flat (crook lying), arms by the sides, on a mat."""
    return pose(CROOK, angles, ("upper_back>floor", "sacrum>floor", *feet, *hands, head), props)


def table(angles: Angles = {}, hands: Contacts = PALMS_DOWN) -> Pose:  # noqa: B006 - read only
    """On hands and knees, on a mat."""
    return pose(TABLE, angles, KNEES_DOWN + hands, ("mat",))


def walk(stance: str, swing: str, passing: bool, roll: float = 0.0) -> Pose:
    """A walking pose with `stance` the foot on the floor (stretch-facts S19: hip +-20, knee 0..40)."""
    if passing:
        angles = {f"{stance}_hip": 2, f"{stance}_knee": 6, f"{swing}_hip": 22, f"{swing}_knee": 48,
                  f"{swing}_ankle": 5, f"{stance}_shoulder": 2, f"{swing}_shoulder": 2, "roll": roll}  # fmt: skip
        return standing(angles, (f"{stance}_sole>floor",))
    angles = {f"{stance}_hip": 22, f"{stance}_knee": 4, f"{stance}_ankle": 12, f"{swing}_hip": -16,
              f"{swing}_knee": 14, f"{swing}_ankle": -28, f"{swing}_shoulder": 22, f"{swing}_elbow": 28,
              f"{stance}_shoulder": -18, f"{stance}_elbow": 12, "roll": roll}  # fmt: skip
    return standing(angles, (f"{stance}_heel>floor", f"{swing}_toe>floor"))


def seated_poses() -> dict[str, Pose]:
    """S15 chin tuck, S17 shoulder rolls and squeeze, S01b seated cat-cow, S06b seated figure-4, S12 twist."""
    on_knee = ("r_sole>floor", "l_ankle>r_thigh")  # the left ankle rests on the right knee
    crossed_leg = {"l_hip": 105, "l_hip_abduct": 32, "l_hip_rotate": 48, "l_knee": 95, "l_ankle": 15}
    arms_crossed = {"l_shoulder": 55, "r_shoulder": 60, "l_abduct": -30, "r_abduct": -30, "l_elbow": 125,
                    "r_elbow": 125, "l_rotate": 30, "r_rotate": 30}  # fmt: skip
    to_shoulders = ("l_palm>r_shoulder", "r_palm>l_shoulder")
    return {
        "seated-upright": seated(),
        "seated-head-forward": seated({"head_glide": -0.017, "spine": 4}),
        "seated-chin-tuck": seated({"head_glide": 0.012}),
        "seated-shrug": seated({"shrug": 0.032, "retract": -0.004}),
        "seated-shoulders-back": seated({"shrug": 0.014, "retract": 0.026}),
        "seated-shoulders-down": seated({"shrug": -0.01, "retract": 0.012}),
        "seated-shoulders-forward": seated({"shrug": 0.012, "retract": -0.016}),
        "seated-squeeze": seated(
            {
                "retract": 0.03,
                "shrug": -0.006,
                "spine": -4,
                "l_shoulder": -12,
                "r_shoulder": -12,
                "l_elbow": 75,
                "r_elbow": 75,
            },
            hands=(),
        ),
        "seated-slump": seated({"lean": 10, "spine": 25, "head": 30}),
        "seated-tall": seated({"spine": -10, "retract": 0.012, "head": 5}),
        "seated-figure-4": seated(
            {**crossed_leg, "l_shoulder": 40, "r_shoulder": 35}, ("l_palm>l_knee", "r_palm>l_shin"), on_knee
        ),
        "seated-figure-4-hinge": seated(
            {**crossed_leg, "lean": 25, "l_hip": 128, "r_hip": 112, "l_shoulder": 45, "r_shoulder": 40, "head": -8},
            ("l_palm>l_knee", "r_palm>l_shin"),
            on_knee,
        ),
        "front-seated-arms-crossed": seated(arms_crossed, to_shoulders),
        "front-seated-twist": seated({**arms_crossed, "twist": -45, "head_turn": -8}, to_shoulders),
    }


def standing_poses() -> dict[str, Pose]:
    """S19 walk, S14 back bend, S07b split stance, S08 hamstring, S18 chest opener, S13 side bend."""
    hands_back = {"l_shoulder": -30, "r_shoulder": -30, "l_elbow": 95, "r_elbow": 95, "l_abduct": 20, "r_abduct": 20}
    on_back_of_hips = (*FEET_DOWN, "l_palm>l_back_hip", "r_palm>r_back_hip")
    hands_on_hips = {"l_abduct": 40, "r_abduct": 40, "l_elbow": 100, "r_elbow": 100, "l_rotate": 40, "r_rotate": 40}
    arm_up = {"l_abduct": 170, "l_elbow": 10, "r_abduct": 42, "r_elbow": 105, "r_rotate": 35}
    heel_out = {"l_hip": 28, "l_knee": 5, "l_ankle": 28, "r_hip": 6, "r_knee": 15}
    return {
        "standing-upright": standing(),
        "walk-a": walk("l", "r", passing=False),
        "walk-a-pass": walk("l", "r", passing=True),
        "walk-b": walk("r", "l", passing=False),
        "walk-b-pass": walk("r", "l", passing=True),
        "standing-hands-on-hips": standing(hands_back, on_back_of_hips),
        "standing-lean-back": standing(
            {**hands_back, "lean": -15, "spine": -15, "l_hip": -17, "r_hip": -17, "l_knee": 4, "r_knee": 4},
            on_back_of_hips,
        ),
        "standing-desk": standing({"r_shoulder": 40, "r_elbow": 12}, (*FEET_DOWN, "r_fingers>desk"), ("desk:r",)),
        "standing-split-stance": standing(
            {
                "l_hip": -26,
                "l_knee": 12,
                "l_ankle": -38,
                "r_hip": 18,
                "r_knee": 30,
                "spine": 6,
                "r_shoulder": 44,
                "r_elbow": 12,
            },
            ("r_sole>floor", "l_toe>floor", "r_fingers>desk"),
            ("desk:r",),
        ),
        "standing-heel-forward": standing(
            {**heel_out, **hands_on_hips}, ("r_sole>floor", "l_heel>floor", "l_palm>l_hip", "r_palm>r_hip")
        ),
        "standing-hamstring-hinge": standing(
            {
                **heel_out,
                "lean": 35,
                "l_hip": 63,
                "r_hip": 41,
                "l_shoulder": 40,
                "r_shoulder": 40,
                "l_elbow": 20,
                "r_elbow": 20,
            },
            ("r_sole>floor", "l_heel>floor", "l_palm>l_thigh_mid", "r_palm>r_thigh_mid"),
        ),
        "standing-chest-open": standing(
            {
                "retract": 0.03,
                "spine": -6,
                "head": 4,
                "l_shoulder": -30,
                "r_shoulder": -30,
                "l_elbow": 25,
                "r_elbow": 25,
                "l_rotate": 30,
                "r_rotate": 30,
            },
            (*FEET_DOWN, "r_palm>sacrum", "l_palm>r_palm"),
        ),
        "front-standing": standing(),
        "front-standing-arm-up": standing(arm_up, (*FEET_DOWN, "r_palm>r_hip")),
        # The trunk bends to the right, away from the raised arm, which follows the curve over the head (S13).
        "front-standing-side-bend": standing({**arm_up, "bend": 20, "l_abduct": 188}, (*FEET_DOWN, "r_palm>r_hip")),
    }


def lying_poses() -> dict[str, Pose]:
    """S20 rest, S05 pelvic tilt, S03 knee to chest, S04 knee rolls, S06 figure-4, S08 strap, S10 bridge."""
    cushion = ("mat", "cushion")
    pull = {"l_shoulder": 55, "r_shoulder": 55, "l_elbow": 50, "r_elbow": 50}
    crossed_leg = {"l_hip": 72, "l_hip_abduct": 30, "l_hip_rotate": 45, "l_knee": 95}
    arms_out = {"l_abduct": 80, "r_abduct": 80, "l_elbow": 5, "r_elbow": 5}
    strap_arms = {"l_shoulder": 60, "r_shoulder": 60, "l_elbow": 70, "r_elbow": 70}
    return {
        "crook-lying": crook(),
        "crook-rest": crook(head="head>cushion", props=cushion),
        "crook-rest-breathe-in": crook({"breathe": 1}, head="head>cushion", props=cushion),
        "crook-breathe-in": crook({"breathe": 1}),
        "crook-flat-back": crook({"spine": 6}),
        "crook-flat-back-small": crook({"spine": 4}),
        "crook-arch": crook({"spine": -10}),
        "knee-to-chest": crook(
            {**pull, "l_hip": 118, "l_knee": 112}, ("l_palm>l_shin", "r_palm>l_shin"), ("r_sole>floor",)
        ),
        "knee-to-chest-gentle": crook(
            {**pull, "l_hip": 92, "l_knee": 100, "l_elbow": 40, "r_elbow": 40},
            ("l_palm>l_knee", "r_palm>l_knee"),
            ("r_sole>floor",),
        ),
        "knees-to-chest": crook(
            {**pull, "l_hip": 118, "r_hip": 118, "l_knee": 112, "r_knee": 112}, ("l_palm>l_shin", "r_palm>r_shin"), ()
        ),
        "knees-up": crook(arms_out),
        # The knees fall to the left together; the pelvis follows 20 degrees, the chest stays flat.
        "knees-over": crook({**arms_out, "roll": -20, "twist": 20, "l_hip_abduct": 26, "r_hip_abduct": -24}),
        "knees-over-small": crook({**arms_out, "roll": -8, "twist": 8, "l_hip_abduct": 11, "r_hip_abduct": -10}),
        "figure-4-crossed": crook(crossed_leg, feet=("r_sole>floor", "l_ankle>r_thigh")),
        "figure-4-pull": crook(
            {
                **crossed_leg,
                "l_hip": 100,
                "r_hip": 88,
                "r_knee": 90,
                "l_shoulder": 70,
                "r_shoulder": 70,
                "l_elbow": 40,
                "r_elbow": 40,
            },
            ("l_palm>r_thigh_mid", "r_palm>r_thigh_mid"),
            ("l_ankle>r_thigh",),
        ),
        "strap-crook": crook(
            {**strap_arms, "l_hip": 95, "l_knee": 90}, (), ("r_sole>floor",), props=("mat", "strap:l")
        ),
        "strap-leg-up": crook(
            {
                "l_hip": 72,
                "l_knee": 10,
                "l_ankle": 12,
                "l_shoulder": 62,
                "r_shoulder": 62,
                "l_elbow": 25,
                "r_elbow": 25,
            },
            (),
            ("r_sole>floor",),
            props=("mat", "strap:l"),
        ),
        # Shoulders, hips and knees in one line, the head and shoulders down (S10: never a neck bridge).
        "bridge-up": pose(
            CROOK,
            {"lean": -114, "l_hip": 0, "r_hip": 0, "l_knee": 80, "r_knee": 80},
            ("upper_back>floor", *FEET_DOWN, *PALMS_DOWN, "head>floor"),
            ("mat",),
        ),
    }


def floor_poses() -> dict[str, Pose]:
    """The log roll onto the side, S01 cat-cow, S02 child's pose, S07 half kneeling, getting up."""
    return {
        # On the left side in one piece, knees bent; the top hand on the floor ready to push.
        "side-lying": pose(
            {},
            {
                "lean": -90,
                "roll": -90,
                "l_hip": 62,
                "r_hip": 62,
                "l_knee": 95,
                "r_knee": 95,
                "l_shoulder": 80,
                "l_elbow": 25,
                "r_shoulder": 55,
                "r_elbow": 60,
                "head_tilt": -25,
            },
            ("l_shoulder>floor", "l_hip>floor", "l_knee>floor", "l_palm>floor", "r_fingers>floor"),
            ("mat",),
        ),
        "table": table(),
        "cat": table({"spine": 30, "head": 30}),
        "cat-small": table({"spine": 15, "head": 15}),
        "cow": table({"spine": -20, "head": -10}),
        "cow-small": table({"spine": -10, "head": -5}),
        # Hips back to the heels (knees about 150), the back rounded over the thighs, arms long, head down.
        # The hands stay on the floor but glide forward a little: held exactly where they were on all
        # fours, the shoulders would end too close to them for the arms to lie long.
        "child": table(
            {
                "lean": -100,
                "spine": 25,
                "l_hip": 160,
                "r_hip": 160,
                "l_knee": 150,
                "r_knee": 150,
                "l_shoulder": 190,
                "r_shoulder": 190,
                "head": 10,
            },
            SLIDING_PALMS,
        ),
        "child-partial": table(
            {
                "lean": -100,
                "spine": 15,
                "l_hip": 138,
                "r_hip": 138,
                "l_knee": 125,
                "r_knee": 125,
                "l_shoulder": 170,
                "r_shoulder": 170,
                "head": 5,
            },
            SLIDING_PALMS,
        ),
        "half-kneel": pose(KNEEL, {}, KNEEL_CONTACTS, ("mat",)),
        # The pelvis tucks and shifts forward over the knee; the trunk stays upright.
        "half-kneel-lunge": pose(
            KNEEL,
            {
                "spine": 8,
                "l_hip": -17,
                "r_hip": 80,
                "r_knee": 102,
                "l_shoulder": 45,
                "r_shoulder": 45,
                "l_elbow": 35,
                "r_elbow": 35,
            },
            KNEEL_CONTACTS,
            ("mat",),
        ),
        # Getting up from all fours, facing the way the body lay: kneeling up, then standing.
        "kneel-up-back": pose(KNEEL, {"roll": -180}, KNEEL_CONTACTS, ("mat",)),
        "standing-back": standing({"roll": -180}),
        "walk-a-back": walk("l", "r", passing=False, roll=-180),
        "walk-a-pass-back": walk("l", "r", passing=True, roll=-180),
        "walk-b-back": walk("r", "l", passing=False, roll=-180),
        "walk-b-pass-back": walk("r", "l", passing=True, roll=-180),
    }


def _catalogue() -> dict[str, Pose]:
    poses = {**seated_poses(), **standing_poses(), **lying_poses(), **floor_poses()}
    # Names the first figure used, kept so that routine files written for it still load.
    for old, new in (("top-knees-up", "knees-up"), ("top-knees-over", "knees-over"),
                     ("top-knees-over-small", "knees-over-small")):  # fmt: skip
        poses[old] = poses[new]
    return poses


POSES: dict[str, Pose] = _catalogue()
"""Every key pose by name."""
