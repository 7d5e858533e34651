"""The figure, judged as a physiotherapist would judge a drawing: every key pose rests on what it names,
nothing goes through the floor, limbs keep their length, and each movement bends the right way.

Positions and angles are measured from the placed joints (tests/figure_measure.py). Tolerances are in
body heights: 0.01 is about 1 % of the body, under 2 cm on a 1.75 m person.
"""

from __future__ import annotations

import itertools

import pytest
from backbreak.core.animation import StepFigure
from backbreak.core.body.contacts import gap
from backbreak.core.body.geometry import distance
from backbreak.core.body.placing import Placed, place
from backbreak.core.body.skeleton import HEEL, LIMBS, TOE, build
from backbreak.core.motion import Moment, moment
from backbreak.core.posebook import POSES
from backbreak.core.poses import Pose
from backbreak.core.routines import Step, builtin_folder, load_routines

from tests import figure_measure as m

CONTACT = 0.01  # a named contact lies within 1 % of the body height of its surface
IN_BETWEEN = 0.03  # between key poses a hand may lift a little as the body turns over it
FLOOR = 0.005  # nothing below the floor, give or take half a percent of rounding
ROUTINES = load_routines([builtin_folder()]).routines
STEPS = {f"{r.name}/{s.id}": s for r in ROUTINES.values() for s in r.steps}


def rest_lengths() -> dict[tuple[str, str], float]:
    """Every limb segment's length, measured once on the body standing."""
    j = build(Pose()).joints
    return {(a, b): distance(j[a], j[b]) for chain in LIMBS.values() for a, b in itertools.pairwise(chain)}


LENGTHS = rest_lengths()


def frames(step: Step, every: float = 0.1) -> list[tuple[float, Placed]]:
    """The step set down every `every` seconds of its work on one side."""
    figure = StepFigure(step)
    total = sum(part.seconds for part in step.parts)
    count = int(total / every)
    return [(k * every, figure.placed(moment(step, k * every))) for k in range(count + 1)]


def key(step: Step, part: int, pose: int) -> Placed:
    return StepFigure(step).keys[part][pose]


# ---------------------------------------------------------------- every key pose, every frame


@pytest.mark.parametrize("name", sorted(POSES))
def test_every_contact_of_every_pose_lies_on_its_surface(name: str) -> None:
    placed = place(POSES[name])
    assert placed.contacts, f"{name} names nothing it rests on"
    off = {str(c): round(gap(placed.skeleton, c), 3) for c in placed.contacts if abs(gap(placed.skeleton, c)) > CONTACT}
    assert off == {}


@pytest.mark.parametrize("name", sorted(POSES))
def test_no_pose_goes_through_the_floor(name: str) -> None:
    assert m.lowest(place(POSES[name])) >= -FLOOR


@pytest.mark.parametrize("step", sorted(STEPS))
def test_no_frame_of_any_step_goes_through_the_floor_or_lets_go(step: str) -> None:
    for time, placed in frames(STEPS[step]):
        assert m.lowest(placed) >= -FLOOR, f"{step} at {time:.1f} s"
        for contact in placed.contacts:
            assert abs(gap(placed.skeleton, contact)) <= IN_BETWEEN, f"{step} at {time:.1f} s: {contact}"


@pytest.mark.parametrize("step", sorted(STEPS))
def test_limbs_keep_their_length_in_every_frame(step: str) -> None:
    for time, placed in frames(STEPS[step], every=0.5):
        j = placed.skeleton.joints
        for (a, b), length in LENGTHS.items():
            assert abs(distance(j[a], j[b]) - length) < 1e-6, f"{step} at {time:.1f} s: {a}-{b}"
        for side in ("l", "r"):  # the foot is one rigid piece
            assert abs(distance(j[f"{side}_heel"], j[f"{side}_toe"]) - distance(HEEL, TOE)) < 1e-6


def test_key_poses_of_a_step_keep_planted_hands_and_feet_where_they_are() -> None:
    # Bridge and knee hug: the feet stay; the split stance: the front foot; cat-cow: the hands.
    for step, part, first, last, joint in (
        ("floor-7/cat-cow", 0, 0, 1, "l_fingers"),
        ("floor-7/bridge", 0, 0, 1, "l_ankle"),
        ("floor-7/knee-to-chest", 0, 0, 1, "r_ankle"),
        ("stand-3/hip-flexor", 0, 0, 1, "r_ankle"),
    ):
        figure = StepFigure(STEPS[step])
        a, b = figure.keys[part][first].skeleton.joints[joint], figure.keys[part][last].skeleton.joints[joint]
        assert distance(a, b) < CONTACT, step


# ---------------------------------------------------------------- each movement bends the right way


def held(step: str) -> tuple[Placed, Placed]:
    """The start pose and the held (end) pose of a step's first part."""
    figure = StepFigure(STEPS[step])
    keys = figure.keys[0]
    return keys[0], keys[-1]


def test_chin_tuck_glides_the_head_back_with_the_chin_level() -> None:
    start, end = held("desk-2/chin-tuck")
    assert m.forward(end, "head") < m.forward(start, "head") - 0.015  # about 3 cm back
    assert abs(m.head_pitch(start)) < 6
    assert abs(m.head_pitch(end)) < 6


def test_shoulder_rolls_go_round_and_the_squeeze_draws_the_shoulders_back() -> None:
    step = STEPS["desk-2/shoulder-rolls"]
    figure = StepFigure(step)
    path = [figure.placed(Moment(0, 0, 0, 0.0, phase=k / 8)) for k in range(8)]
    heights = [p.skeleton.joints["l_shoulder"][1] for p in path]
    backs = [m.forward(p, "l_shoulder") for p in path]
    assert max(heights) - min(heights) > 0.02
    assert max(backs) - min(backs) > 0.02
    up, back = heights.index(max(heights)), backs.index(min(backs))
    assert 0 < (back - up) % 8 <= 4  # up, then back (then down and forward)
    squeeze = figure.keys[1]
    assert m.forward(squeeze[1], "l_shoulder") < m.forward(squeeze[0], "l_shoulder") - 0.015


def test_seated_cat_cow_rounds_then_lifts_the_chest() -> None:
    figure = StepFigure(STEPS["desk-2/seated-cat-cow"])
    upright, slump, _, tall = figure.keys[0]
    assert m.spine_flexion(slump) > m.spine_flexion(upright) + 15
    assert m.spine_flexion(tall) < m.spine_flexion(upright) - 5


def test_seated_twist_turns_the_shoulders_over_hips_that_stay() -> None:
    start, end = held("desk-2/seated-twist")
    assert m.twist(end) - m.twist(start) > 35  # to the left, as the first side says
    assert distance(start.skeleton.joints["l_knee"], end.skeleton.joints["l_knee"]) < CONTACT
    for placed in (start, end):  # arms crossed to the shoulders, not flared like goalposts
        assert abs(gap(placed.skeleton, next(c for c in placed.contacts if str(c) == "l_palm>r_shoulder"))) < CONTACT


def test_seated_figure_4_rests_the_ankle_on_the_other_knee_and_hinges_with_a_long_back() -> None:
    figure = StepFigure(STEPS["desk-2/seated-figure-4"])
    _upright, crossed, hinge = figure.keys[0]
    j = crossed.skeleton.joints
    assert j["l_ankle"][1] > j["r_knee"][1]  # on top of the knee, not hanging below it
    assert m.hip_flexion(crossed, "l") > 90
    assert m.trunk_lean(hinge) > m.trunk_lean(crossed) + 15
    assert abs(m.spine_flexion(hinge)) < 8


def test_standing_back_bend_leans_back_with_the_head_in_line() -> None:
    start, end = held("stand-3/back-extension")
    assert m.trunk_lean(end) < m.trunk_lean(start) - 10
    assert m.spine_flexion(end) < -5  # the arch is in the low back
    assert abs(m.forward(end, "head", "head_base") - m.forward(start, "head", "head_base")) < 0.01


def test_standing_hip_flexor_takes_the_back_hip_behind_with_the_trunk_tall() -> None:
    start, end = held("stand-3/hip-flexor")
    assert m.hip_flexion(end, "l") < m.hip_flexion(start, "l") - 10
    assert abs(m.trunk_lean(end)) < 8


def test_standing_hamstring_hinges_from_the_hips_not_the_back() -> None:
    figure = StepFigure(STEPS["stand-3/hamstring"])
    _, heel, hinge = figure.keys[0]
    assert m.trunk_lean(hinge) > m.trunk_lean(heel) + 25
    assert abs(m.spine_flexion(hinge)) < 8
    assert m.knee_flexion(hinge, "l") < 15  # the front knee nearly straight


def test_side_bend_leans_away_from_the_raised_arm_which_follows_the_curve() -> None:
    figure = StepFigure(STEPS["stand-3/side-bend"])
    _, up, bend = figure.keys[0]
    assert m.sideways(bend, "neck") > m.sideways(up, "neck") + 0.03  # toward the body's right
    assert m.sideways(bend, "l_fingers") > m.sideways(up, "l_fingers") + 0.05  # the raised left arm goes over
    j = bend.skeleton.joints
    assert abs(j["r_wrist"][1] - j["r_hip"][1]) < 0.08  # the hand on the hip is at the hip


def test_pelvic_tilt_flattens_the_low_back() -> None:
    start, end = held("floor-7/pelvic-tilt")
    assert m.spine_flexion(end) > m.spine_flexion(start) + 8


def test_knee_to_chest_draws_the_knee_in_with_head_and_shoulders_down() -> None:
    start, end = held("floor-7/knee-to-chest")
    assert m.hip_flexion(end, "l") > 110
    assert m.hip_flexion(start, "l") < 60
    assert {"head>floor", "upper_back>floor", "r_sole>floor"} <= {str(c) for c in end.contacts}


def test_knee_rolls_take_both_knees_to_one_side_with_the_shoulders_flat() -> None:
    start, end = held("floor-7/knee-rolls")
    for side in ("l", "r"):
        assert m.sideways(end, f"{side}_knee") < m.sideways(start, f"{side}_knee") - 0.08  # to the left
    assert abs(m.roll(end)) < 30  # the chest stays facing up: the shoulders stay down


def test_figure_4_on_the_back_crosses_the_ankle_then_draws_the_thigh_in() -> None:
    figure = StepFigure(STEPS["floor-7/figure-4"])
    _, crossed, pull = figure.keys[0]
    assert m.hip_flexion(pull, "r") > m.hip_flexion(crossed, "r") + 30
    j = pull.skeleton.joints
    assert j["l_ankle"][1] > j["r_knee"][1] - 0.15  # the crossed ankle rides on the thigh


def test_hamstring_with_a_strap_raises_a_nearly_straight_leg() -> None:
    _start, end = held("floor-7/hamstring-strap")
    assert m.knee_flexion(end, "l") < 20
    assert 55 < m.hip_flexion(end, "l") < 90


def test_bridge_lifts_the_hips_to_a_straight_line_with_head_and_shoulders_down() -> None:
    start, end = held("floor-7/bridge")
    j = end.skeleton.joints
    assert j["pelvis"][1] > start.skeleton.joints["pelvis"][1] + 0.08
    assert m.straightness(end, "l_shoulder", "l_hip", "l_knee") < 12  # shoulders, hips and knees in line
    assert {"head>floor", "upper_back>floor"} <= {str(c) for c in end.contacts}  # not a neck bridge
    assert j["head"][1] < j["pelvis"][1]
    assert m.spine_flexion(end) > -5


def test_the_log_roll_turns_the_body_as_one_onto_its_side_with_the_knees_bent() -> None:
    step = STEPS["floor-7/roll-to-all-fours"]
    rolls = []
    for time, placed in frames(step, every=0.25):
        if time <= step.parts[0].seconds:
            assert m.trunk_rise(placed) < 20, f"a sit-up at {time} s"  # it rolls, it does not sit up
            assert abs(m.twist(placed)) < 15  # shoulders and hips turn together
            assert min(m.knee_flexion(placed, "l"), m.knee_flexion(placed, "r")) > 60
            rolls.append(m.tilt(placed))
    assert rolls[0] < 10
    assert rolls[-1] > 75
    assert all(b >= a - 1 for a, b in itertools.pairwise(rolls))  # steadily over
    table = StepFigure(step).keys[1][-1]
    assert m.roll(table) > 150  # and up onto hands and knees, face down


def test_all_fours_has_knees_and_hands_down_thighs_and_arms_upright() -> None:
    table = place(POSES["table"])
    j = table.skeleton.joints
    for side in ("l", "r"):
        thigh = distance(j[f"{side}_hip"], j[f"{side}_knee"])
        assert abs(j[f"{side}_hip"][0] - j[f"{side}_knee"][0]) < 0.25 * thigh  # thighs nearly vertical
        assert abs(j[f"{side}_shoulder"][0] - j[f"{side}_wrist"][0]) < 0.1  # hands under the shoulders


def test_cat_rounds_and_cow_arches_with_the_head_following() -> None:
    figure = StepFigure(STEPS["floor-7/cat-cow"])
    table, cat, _, cow = figure.keys[0]
    assert m.spine_flexion(cat) > m.spine_flexion(table) + 20
    assert m.spine_flexion(cow) < m.spine_flexion(table) - 12
    assert m.nod(cat) > m.nod(table) + 20
    assert m.nod(cow) < m.nod(table) - 5


@pytest.mark.parametrize("step", ["floor-7/childs-pose", "flare-4/bottom-to-heels"])
def test_childs_pose_sits_the_hips_back_to_the_heels_arms_long(step: str) -> None:
    start, end = held(step)
    deep = step.startswith("floor-7")
    for side in ("l", "r"):
        assert m.knee_flexion(end, side) > (140 if deep else 115)  # about 150 in the brief; part way in flare-4
        assert m.hip_flexion(end, side) > m.hip_flexion(start, side) + (50 if deep else 30)
        assert m.elbow_flexion(end, side) < 25  # arms long, not folded
        # The hands stay down and glide forward a hand's length at most, never back.
        slide = start.skeleton.joints[f"{side}_wrist"][0] - end.skeleton.joints[f"{side}_wrist"][0]
        assert 0 <= slide < 0.15
    j = end.skeleton.joints
    assert j["head"][1] < j["pelvis"][1]  # head low


def test_half_kneeling_hip_flexor_moves_the_hips_forward_with_the_trunk_tall() -> None:
    start, end = held("floor-7/half-kneeling-hip-flexor")
    assert m.hip_flexion(end, "l") < m.hip_flexion(start, "l") - 10  # the back (left) hip opens
    assert abs(m.trunk_lean(end)) < 8
    assert {"l_knee>floor", "r_sole>floor"} <= {str(c) for c in end.contacts}  # back knee down, front foot flat


def test_walking_keeps_a_foot_on_the_floor_and_swings_the_legs() -> None:
    step = STEPS["stand-3/walk"]
    figure = StepFigure(step)
    hips = []
    for k in range(16):
        placed = figure.placed(Moment(0, 0, 0, 0.0, phase=k / 16))
        j = placed.skeleton.joints
        assert min(j["l_heel"][1], j["l_toe"][1], j["r_heel"][1], j["r_toe"][1]) < 0.03
        hips.append(m.hip_flexion(placed, "l") - m.hip_flexion(placed, "r"))
    assert max(hips) > 25
    assert min(hips) < -25
