"""What the figure does moment by moment: holds inside repetitions, rolls and squeezes, walking, moves,
the side switch, and the still end pose when motion is reduced."""

from __future__ import annotations

import pytest
from backbreak.core.motion import Moment, moment, still_pose
from backbreak.core.player import Player
from backbreak.core.routines import Step, builtin_folder, load_routines

ROUTINES = load_routines([builtin_folder()]).routines


def step(routine: str, step_id: str) -> Step:
    return next(s for s in ROUTINES[routine].steps if s.id == step_id)


def at(s: Step, *times: float) -> list[Moment]:
    return [moment(s, t) for t in times]


def test_a_chin_tuck_goes_back_holds_three_seconds_then_comes_forward() -> None:
    tuck = step("desk-2", "chin-tuck")  # 4 reps of 5 s: 1 s back, hold 3 s, 1 s forward
    out, holding, late, back, next_rep = at(tuck, 0.5, 1.5, 3.9, 4.5, 5.5)
    assert (out.start, out.end, out.holding, out.rep) == (0, 1, False, 1)
    assert 0.0 < out.t < 1.0
    assert (holding.start, holding.end, holding.holding) == (1, 1, True)
    assert holding.hold_left == pytest.approx(2.5)
    assert holding.held == pytest.approx(0.5)
    assert late.holding
    assert late.hold_left == pytest.approx(0.1)
    assert (back.start, back.end, back.holding) == (1, 0, False)
    assert (next_rep.rep, next_rep.reps, next_rep.end) == (2, 4, 1)


def test_every_rep_with_a_hold_in_the_brief_holds() -> None:
    # stretch-facts: 2-5 s at the end of each chin tuck, tilt, knee roll, knee-to-chest, bridge.
    for routine, step_id, hold in (
        ("desk-2", "chin-tuck", 3),
        ("floor-7", "pelvic-tilt", 2),
        ("floor-7", "knee-rolls", 3),
        ("floor-7", "bridge", 3),
        ("flare-4", "knee-rolls", 2),
        ("flare-4", "knee-to-chest", 5),
        ("stand-3", "back-extension", 2),
    ):
        s = step(routine, step_id)
        part = s.parts[0]
        held = sum(0.05 for k in range(int(part.rep_seconds / 0.05)) if moment(s, k * 0.05).holding)
        assert held == pytest.approx(hold, abs=0.06), step_id


def test_cat_cow_pauses_at_the_cat_and_the_cow_and_passes_through_the_flat_back() -> None:
    s = step("floor-7", "cat-cow")  # table, cat, table, cow; 6 s: four 1 s moves and two 1 s pauses
    held = {moment(s, t).end for t in (k * 0.05 for k in range(120)) if moment(s, t).holding}
    assert held == {1, 3}


def test_shoulder_rolls_are_five_rolls_then_two_squeezes_with_holds() -> None:
    s = step("desk-2", "shoulder-rolls")
    rolls = [moment(s, t) for t in (0.5, 2.5, 4.5, 6.5, 8.5)]
    assert [r.rep for r in rolls] == [1, 2, 3, 4, 5]
    assert all(r.part == 0 and r.phase is not None for r in rolls)
    assert rolls[0].phase == pytest.approx(0.25)  # a quarter of the way round at half a second
    squeezes = at(s, 10.5, 12.0, 15.5, 17.0)
    assert [(q.part, q.rep, q.holding) for q in squeezes] == [(1, 1, False), (1, 1, True), (1, 2, False), (1, 2, True)]


def test_walking_loops_a_stride_every_second_and_a_bit() -> None:
    s = step("stand-3", "walk")
    assert moment(s, 0.6).phase == pytest.approx(0.5)
    assert moment(s, 1.2).phase == pytest.approx(0.0, abs=1e-9)


def test_rolling_over_moves_then_waits_in_the_new_position() -> None:
    s = step("floor-7", "roll-to-all-fours")
    rolling, rolled, pushing, done = at(s, 1.0, 3.5, 5.0, 9.5)
    assert (rolling.part, rolling.start, rolling.end) == (0, 0, 1)
    assert (rolled.part, rolled.start, rolled.end, rolled.t) == (0, 1, 1, 1.0)
    assert (pushing.part, pushing.end) == (1, 1)
    assert (done.part, done.end, done.t) == (1, 1, 1.0)


def test_alternate_sides_take_turns_and_are_drawn_mirrored() -> None:
    routine = ROUTINES["floor-7"]
    player = Player(routine, 0.0)
    for _ in range(3):
        player.next(0.0)  # knee rolls: 6 s a rep, the side alternates
    first, second, third = (player.at(t) for t in (2.0, 8.0, 14.0))
    assert [(p.side, p.mirrored) for p in (first, second, third)] == [
        ("left", False),
        ("right", True),
        ("left", False),
    ]


def test_switching_sides_eases_back_to_the_start_then_shows_the_other_side() -> None:
    routine = ROUTINES["desk-2"]
    player = Player(routine, 0.0)
    for _ in range(3):
        player.next(0.0)  # the seated twist: 12 s, 3 s switch, 12 s
    easing, other = player.at(12.9), player.at(14.5)
    assert easing.kind == "switch"
    assert not easing.mirrored
    assert (easing.moment.start, easing.moment.end) == (1, 0)
    assert 0 < easing.moment.t < 1
    assert other.kind == "switch"
    assert other.mirrored
    assert other.moment.end == 0


@pytest.mark.parametrize("name", ["desk-2", "stand-3", "floor-7", "flare-4", "move"])
def test_reduced_motion_shows_each_parts_end_pose_still(name: str) -> None:
    for s in ROUTINES[name].steps:
        for k in range(int(sum(p.seconds for p in s.parts) / 0.25)):
            now = moment(s, k * 0.25, reduced_motion=True)
            still = still_pose(s.parts[now.part])
            assert (now.start, now.end, now.t, now.phase) == (still, still, 1.0, None), s.id
    chin = moment(step("desk-2", "chin-tuck"), 12.0, reduced_motion=True)
    assert (chin.rep, chin.holding) == (3, True)  # the counts still run for the ring
