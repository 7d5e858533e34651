"""Routine files: the built-in ones match stretch-facts.md section 3; bad files are named and skipped."""

from __future__ import annotations

from pathlib import Path

import pytest
from backbreak.core.player import Player, segments_of
from backbreak.core.posebook import POSES
from backbreak.core.routines import builtin_folder, load_routine, load_routines, pick_routine, seconds_by_name

# Per routine: (steps as in the table, where a three-part step may be split in two), the total in seconds.
TABLE = {"desk-2": (5, 124), "stand-3": (6, 178), "floor-7": (11, 452), "flare-4": (8, 244)}


def builtins() -> dict[str, object]:
    return dict(load_routines([builtin_folder()]).routines)


def test_every_builtin_loads_without_problems() -> None:
    loaded = load_routines([builtin_folder()])
    assert loaded.problems == []
    assert set(loaded.routines) == {*TABLE, "move"}


@pytest.mark.parametrize("name", list(TABLE))
def test_totals_match_the_table(name: str) -> None:
    routine = load_routines([builtin_folder()]).routines[name]
    steps, seconds = TABLE[name]
    assert len(routine.steps) == steps
    assert abs(routine.total - seconds) <= 5


def test_the_engine_is_told_each_routines_own_length(tmp_path: Path) -> None:
    # A user routine of 7 min is 7 min to the engine, not a guessed 3 min.
    (tmp_path / "long.toml").write_text(LONG_ROUTINE)
    loaded = load_routines([builtin_folder(), tmp_path])
    assert loaded.problems == []
    seconds = seconds_by_name(loaded.routines)
    assert seconds["long"] == 420
    assert seconds["desk-2"] == loaded.routines["desk-2"].total


def test_a_routine_that_is_gone_falls_back_to_the_configured_one_then_desk_2() -> None:
    known = {"desk-2", "stand-3"}
    assert pick_routine(known, "stand-3", "desk-2") == "stand-3"
    assert pick_routine(known, "removed", "stand-3") == "stand-3"
    assert pick_routine(known, None, "removed-too") == "desk-2"
    assert pick_routine(set(), None, "desk-2") is None


LONG_ROUTINE = """schema_version = 1
name = "long"
title = "A long one"
[[steps]]
title = "Walk"
lines = ["Walk about."]
poses = ["standing-upright"]
seconds = 420
"""


@pytest.mark.parametrize("name", [*TABLE, "move"])
def test_every_card_is_short_and_plain(name: str) -> None:
    routine = load_routines([builtin_folder()]).routines[name]
    for step in routine.steps:
        assert 1 <= len(step.lines) <= 3
        assert all(len(line) <= 60 for line in step.lines), step.id
        assert all(line[0].isupper() for line in step.lines)
        assert all(pose in POSES for pose in step.poses)
        assert "prevent" not in " ".join(step.lines).lower()


def test_desk_2_is_seated_and_sided_as_the_table_says() -> None:
    routine = load_routines([builtin_folder()]).routines["desk-2"]
    assert [step.id for step in routine.steps] == [
        "chin-tuck",
        "shoulder-rolls",
        "seated-cat-cow",
        "seated-twist",
        "seated-figure-4",
    ]
    assert [step.sides for step in routine.steps][-2:] == ["left-right", "left-right"]
    assert routine.steps[3].seconds == 12
    assert routine.steps[3].switch == 3
    assert routine.steps[0].reps == 4


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("schema_version = 1\nname = \"x\"\ntitle = \"X\"\n[[steps]]\ntitle = \"A\"\nlines = [\"ok\"]\n"
         "poses = [\"table\"]\nseconds = 0\n", "x.toml line 8: step 1: seconds should be more than 0"),
        ("schema_version = 1\nname = \"x\"\ntitle = \"X\"\n[[steps]]\ntitle = \"A\"\nlines = [\"ok\"]\n"
         "poses = [\"flying\"]\nseconds = 5\n", "x.toml line 7: step 1: unknown pose 'flying'"),
        ("schema_version = 1\nname = \"x\"\ntitle = \"X\"\nsteps = 3\n", "a routine needs at least one"),
        ("schema_version = 1\nname = \"x\"\n[[steps\n", "x.toml line 3"),
        ("schema_version = 2\n", "x.toml line 1: schema_version should be 1"),
    ],
)  # fmt: skip
def test_a_bad_file_is_named_with_its_line(tmp_path: Path, text: str, says: str) -> None:
    path = tmp_path / "x.toml"
    path.write_text(text)
    loaded = load_routines([builtin_folder(), tmp_path])
    assert loaded.problems
    assert says in loaded.problems[0]
    assert "desk-2" in loaded.routines  # the built-in ones still load


def test_a_user_routine_loads_beside_the_builtins(tmp_path: Path) -> None:
    (tmp_path / "mine.toml").write_text(
        'schema_version = 1\nname = "mine"\ntitle = "Mine"\n[[steps]]\ntitle = "Walk"\n'
        'lines = ["Walk about."]\nposes = ["walk-a", "walk-b"]\nseconds = 30\n'
    )
    loaded = load_routines([builtin_folder(), tmp_path])
    assert loaded.routines["mine"].source == "yours"
    assert load_routine(tmp_path / "mine.toml").total == 30


def test_walking_desk_2_by_the_clock() -> None:
    routine = load_routines([builtin_folder()]).routines["desk-2"]
    player = Player(routine, 0.0)
    kinds = [(seg.step, seg.kind, seg.side) for seg in segments_of(routine)]
    assert kinds[-4:] == [(4, "ready", "left"), (4, "work", "left"), (4, "switch", "right"), (4, "work", "right")]
    assert player.at(0.0).remaining == 20
    assert player.at(7.5).rep == 2
    twist = player.at(20 + 2 + 20 + 2 + 20 + 2 + 5)
    assert (twist.step, twist.kind, twist.side, twist.remaining) == (3, "work", "left", 7)
    assert player.at(124.0).finished


def test_pause_stops_time_and_resume_goes_on() -> None:
    routine = load_routines([builtin_folder()]).routines["desk-2"]
    player = Player(routine, 0.0)
    player.pause(5.0)
    assert player.at(500.0).remaining == 15
    player.resume(500.0)
    assert player.at(501.0).remaining == 14


def test_alternate_sides_switch_with_each_rep() -> None:
    routine = load_routines([builtin_folder()]).routines["floor-7"]
    player = Player(routine, 0.0)
    player.next(0.0)
    player.next(0.0)
    player.next(0.0)  # knee rolls
    assert [player.at(t).side for t in (1.0, 7.0, 13.0)] == ["left", "right", "left"]


def test_the_figure_moves_between_key_poses_and_mirrors_the_right_side() -> None:
    routine = load_routines([builtin_folder()]).routines["desk-2"]
    player = Player(routine, 0.0)
    for _ in range(3):
        player.next(0.0)  # the seated twist: 12 s a side, 3 s to switch
    start, turning, turned = (player.at(t) for t in (0.0, 1.0, 6.0))
    assert (start.moment.start, start.moment.t) == (0, 0.0)
    assert 0.0 < turning.moment.t < 1.0  # an in-between frame
    assert (turned.moment.end, turned.moment.t, turned.moment.holding) == (1, 1.0, True)
    assert not turned.mirrored
    assert player.at(12 + 3 + 1.0).mirrored  # the right side is drawn mirrored
    fresh = Player(routine, 0.0)
    for _ in range(3):
        fresh.next(0.0)
    still = fresh.at(1.0, reduced_motion=True).moment
    assert (still.start, still.end, still.t) == (1, 1, 1.0)  # the end pose, still, from the first moment


PARTS_ROUTINE = """schema_version = 1
name = "parts"
title = "Parts"
[[steps]]
title = "Shoulders"
lines = ["Roll, then squeeze."]
{extra}
[[steps.parts]]
label = "Roll"
motion = "flow"
poses = ["seated-shrug", "seated-shoulders-back"]
reps = 3
seconds = 6
[[steps.parts]]
label = "Squeeze"
poses = ["seated-upright", "seated-squeeze"]
reps = 2
rep_seconds = 4
hold = 2
seconds = 8
"""


def test_a_step_can_be_made_of_parts_each_with_its_own_movement(tmp_path: Path) -> None:
    (tmp_path / "parts.toml").write_text(PARTS_ROUTINE.format(extra=""))
    loaded = load_routines([tmp_path])
    assert loaded.problems == []
    step = loaded.routines["parts"].steps[0]
    assert step.seconds == 14
    assert [(p.label, p.motion, p.reps) for p in step.parts] == [("Roll", "flow", 3), ("Squeeze", "reps", 2)]
    assert step.poses == ("seated-shrug", "seated-shoulders-back", "seated-upright", "seated-squeeze")


@pytest.mark.parametrize(
    ("extra", "says"),
    [
        ("seconds = 20", "seconds should be the sum of its parts' seconds"),
        ('view = "above"', "view should be one of"),
        ('highlight = "elbow"', "highlight should be one of"),
    ],
)
def test_a_step_with_parts_is_checked(tmp_path: Path, extra: str, says: str) -> None:
    (tmp_path / "parts.toml").write_text(PARTS_ROUTINE.format(extra=extra))
    loaded = load_routines([tmp_path])
    assert says in loaded.problems[0]


def test_holds_must_leave_time_to_move(tmp_path: Path) -> None:
    (tmp_path / "x.toml").write_text(
        'schema_version = 1\nname = "x"\ntitle = "X"\n[[steps]]\ntitle = "A"\nlines = ["ok"]\n'
        'poses = ["crook-lying", "bridge-up"]\nreps = 2\nrep_seconds = 4\nhold = 4\nseconds = 8\n'
    )
    assert "the holds take all of rep_seconds" in load_routines([tmp_path]).problems[0]


def on_the_back(step_poses: tuple[str, ...]) -> bool:
    return any("upper_back>floor" in POSES[name].contacts for name in step_poses)


@pytest.mark.parametrize("name", ["floor-7", "flare-4"])
def test_every_step_on_the_back_carries_the_pregnancy_note(name: str) -> None:
    routine = load_routines([builtin_folder()]).routines[name]
    lying = [s for s in routine.steps if on_the_back(s.poses) and s.id != "roll-to-all-fours"]
    assert len(lying) >= 4
    for step in lying:
        assert "pregnancy" in step.skip_if.lower(), step.id
    rest = next(s for s in routine.steps if s.id == "rest") if name == "flare-4" else None
    if rest is not None:
        assert "on your side" in rest.skip_if  # the brief's side-lying alternative


def test_the_cautions_the_brief_gives_are_on_the_cards() -> None:
    routines = load_routines([builtin_folder()]).routines
    child = next(s for s in routines["floor-7"].steps if s.id == "childs-pose")
    assert "osteoporosis" in child.skip_if
    assert "hip replacement" in child.skip_if
    heels = next(s for s in routines["flare-4"].steps if s.id == "bottom-to-heels")
    assert "osteoporosis" in heels.skip_if.lower()
    assert "hip replacement" in heels.skip_if
    for name in ("floor-7", "flare-4"):
        cat_cow = next(s for s in routines[name].steps if s.id == "cat-cow")
        assert "spreads pain into a leg" in cat_cow.skip_if


def test_no_card_keeps_the_lines_the_review_found_unclear() -> None:
    routines = load_routines([builtin_folder()]).routines.values()
    said = " ".join(line for r in routines for s in r.steps for line in s.lines)
    for unclear in ("Hold behind the lower thigh", "Hold one knee", "Rest your chest down"):
        assert unclear not in said
