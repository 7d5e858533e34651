"""Routines as data: versioned TOML files, validated into frozen dataclasses.

Built-in routines ship in backbreak/assets/routines (shared/content/stretch-facts.md section 3); users
add their own as *.toml in routines/ under the config folder. A bad file is skipped with a message that
names the file, the line and the problem; the others still load.
"""

from __future__ import annotations

import dataclasses
import importlib.resources
import re
import tomllib
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from backbreak.core.body.looks import HIGHLIGHTS, VIEWS
from backbreak.core.posebook import POSES

SCHEMA_VERSION = 1
MOVE_ROUTINE = "move"
PLACES = ("seated", "standing", "floor")
SIDES = ("none", "left-right", "alternate")
MOTIONS = ("hold", "reps", "flow", "move")
MAX_LINE = 80

FALLBACK_ROUTINE = "desk-2"
"""Played when the routine asked for is not (or no longer) there: a user routine file was removed."""


def pick_routine(known: Collection[str], wanted: str | None, configured: str) -> str | None:
    """The routine a stretch break runs: `wanted`, else the one set for stretch breaks, else the fallback.

    None only when none of them is loaded (a bare engine in a test, with no routines at all).
    """
    return next((name for name in (wanted, configured, FALLBACK_ROUTINE) if name is not None and name in known), None)


def with_move_length(routine: Routine, move_seconds: int) -> Routine:
    """The routine as played: the move break lasts as long as its setting says, the others as written."""
    if routine.name != MOVE_ROUTINE:
        return routine
    return dataclasses.replace(
        routine, steps=tuple(dataclasses.replace(s, seconds=float(move_seconds)) for s in routine.steps)
    )


def seconds_by_name(routines: Mapping[str, Routine]) -> dict[str, float]:
    """How long each loaded routine takes: what the break engine needs to know of them."""
    return {name: routine.total for name, routine in routines.items()}


@dataclass(frozen=True)
class Part:
    """A stretch of a step with one kind of movement (core/motion.py plays it).

    motion: "hold" eases into the last pose and holds it; "reps" goes out to each pose and back `reps`
    times, pausing `hold` seconds at each pose that is not the first; "flow" loops smoothly through the
    poses (`reps` times, or every `rep_seconds`); "move" goes through the poses once and stays.
    label: what the ring calls one repetition ("Roll", "Squeeze") or, without a count, what happens now.
    still: the pose shown when motion is reduced (default: the pose held, else the last).
    """

    poses: tuple[str, ...]
    seconds: float
    motion: str = "hold"
    reps: int = 0
    rep_seconds: float = 0.0
    hold: float = 0.0
    label: str = ""
    still: str = ""


@dataclass(frozen=True)
class Step:
    """One card of a routine."""

    id: str
    title: str
    lines: tuple[str, ...]
    poses: tuple[str, ...]
    seconds: float
    view: str = "side"
    sides: str = "none"
    switch: float = 0.0
    transition: float = 0.0
    reps: int = 0
    rep_seconds: float = 0.0
    hold: float = 0.0
    pose_seconds: float = 0.0
    skip_if: str = ""
    highlight: str = ""
    parts: tuple[Part, ...] = ()

    @property
    def total(self) -> float:
        """Seconds the step takes, with its side switch and the transition after it."""
        work = self.seconds * (2 if self.sides == "left-right" else 1)
        switch = self.switch if self.sides == "left-right" else 0.0
        return work + switch + self.transition


@dataclass(frozen=True)
class Routine:
    """A named sequence of steps."""

    name: str
    title: str
    place: str
    summary: str
    steps: tuple[Step, ...]
    source: str = "built-in"

    @property
    def total(self) -> float:
        """Seconds the whole routine takes."""
        return sum(step.total for step in self.steps)


class RoutineError(ValueError):
    """A routine file is wrong; the message names the file, the line and the problem."""


@dataclass
class LoadedRoutines:
    """Routines by name, and one message per file that was skipped."""

    routines: dict[str, Routine] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def builtin_folder() -> Path:
    """Where the packaged routines are (backbreak.assets, the top-level assets/ folder)."""
    return Path(str(importlib.resources.files("backbreak.assets").joinpath("routines")))


def load_routines(folders: Iterable[Path]) -> LoadedRoutines:
    """Load every *.toml in `folders` in order; a later file with the same name replaces an earlier one."""
    loaded = LoadedRoutines()
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                routine = load_routine(path, source="built-in" if folder == builtin_folder() else "yours")
            except RoutineError as exc:
                loaded.problems.append(str(exc))
                continue
            loaded.routines[routine.name] = routine
    return loaded


def load_routine(path: Path, source: str = "yours") -> Routine:
    """Read and check one routine file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RoutineError(f"{path.name}: cannot be read ({exc})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"at line (\d+)", str(exc))
        where = f" line {match.group(1)}" if match else ""
        raise RoutineError(f"{path.name}{where}: {str(exc).split(' (at line')[0]}") from None
    return parse_routine(data, path.name, text, source)


def parse_routine(data: Mapping[str, Any], filename: str, text: str = "", source: str = "yours") -> Routine:
    """Check parsed TOML and build the Routine; errors say where."""

    def fail(message: str, step: int | None = None, key: str | None = None) -> RoutineError:
        line = _line_of(text, step, key)
        return RoutineError(f"{filename}{f' line {line}' if line else ''}: {message}")

    if data.get("schema_version") != SCHEMA_VERSION:
        raise fail(f"schema_version should be {SCHEMA_VERSION}", key="schema_version")
    name = _text(data, "name", fail)
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,39}", name):
        raise fail("name should be lowercase letters, digits and dashes, like my-stretch", key="name")
    place = data.get("place", "seated")
    if place not in PLACES:
        raise fail(f"place should be one of {', '.join(PLACES)}", key="place")
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise fail("a routine needs at least one [[steps]] table")
    steps = tuple(_step(raw, index, fail) for index, raw in enumerate(raw_steps))
    return Routine(name, _text(data, "title", fail), place, str(data.get("summary", "")), steps, source)


def _step(raw: object, index: int, fail: Any) -> Step:
    if not isinstance(raw, dict):
        raise fail("each [[steps]] entry should be a table", index)
    number = f"step {index + 1}"
    lines = raw.get("lines")
    if not isinstance(lines, list) or not 1 <= len(lines) <= 3 or not all(isinstance(x, str) and x for x in lines):
        raise fail(f"{number}: lines should be one to three short sentences", index, "lines")
    if any(len(line) > MAX_LINE for line in lines):
        raise fail(f"{number}: a line is longer than {MAX_LINE} characters", index, "lines")
    raw_parts = raw.get("parts")
    if raw_parts is not None:
        if not isinstance(raw_parts, list) or not raw_parts:
            raise fail(f"{number}: parts should be one or more [[steps.parts]] tables", index, "parts")
        parts = tuple(_part(item, f"{number}, part {k + 1}", index, fail) for k, item in enumerate(raw_parts))
        raw = {"seconds": sum(part.seconds for part in parts), **raw}
        raw["poses"] = list(dict.fromkeys(pose for part in parts for pose in part.poses))
    numbers, reps, poses = _timing(raw, number, index, fail)
    if raw_parts is None:
        parts = (_flat_part(raw, poses, numbers, reps),)
    elif abs(sum(part.seconds for part in parts) - numbers["seconds"]) > 0.01:
        raise fail(f"{number}: seconds should be the sum of its parts' seconds", index, "seconds")
    sides = raw.get("sides", "none")
    if sides not in SIDES:
        raise fail(f"{number}: sides should be one of {', '.join(SIDES)}", index, "sides")
    view = raw.get("view", "side")
    if view not in VIEWS:
        raise fail(f"{number}: view should be one of {', '.join(VIEWS)}", index, "view")
    highlight = str(raw.get("highlight", ""))
    if highlight and highlight not in HIGHLIGHTS:
        raise fail(f"{number}: highlight should be one of {', '.join(sorted(HIGHLIGHTS))}", index, "highlight")
    return Step(
        id=str(raw.get("id", f"step-{index + 1}")),
        title=_text(raw, "title", lambda m: fail(f"{number}: {m}", index, "title")),
        lines=tuple(lines),
        poses=poses,
        view=view,
        sides=sides,
        reps=reps,
        skip_if=str(raw.get("skip_if", "")),
        highlight=highlight,
        parts=parts,
        **numbers,
    )


def _timing(raw: Mapping[str, Any], where: str, index: int, fail: Any) -> tuple[dict[str, float], int, tuple[str, ...]]:
    """The poses, the seconds and the repetitions of a step or a part, checked."""
    poses = raw.get("poses")
    if not isinstance(poses, list) or not poses or not all(isinstance(p, str) for p in poses):
        raise fail(f"{where}: poses should list one or more pose names", index, "poses")
    unknown = [pose for pose in poses if pose not in POSES]
    if unknown:
        raise fail(f"{where}: unknown pose {unknown[0]!r}", index, "poses")
    numbers: dict[str, float] = {}
    for key in ("seconds", "switch", "transition", "rep_seconds", "hold", "pose_seconds"):
        value = raw.get(key, 0)
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise fail(f"{where}: {key} should be a number of seconds, 0 or more", index, key)
        numbers[key] = float(value)
    if numbers["seconds"] <= 0:
        raise fail(f"{where}: seconds should be more than 0", index, "seconds")
    reps = raw.get("reps", 0)
    if isinstance(reps, bool) or not isinstance(reps, int) or reps < 0:
        raise fail(f"{where}: reps should be a whole number", index, "reps")
    motion = raw.get("motion", "reps" if reps else "hold")
    if reps and not numbers["rep_seconds"] and motion != "flow":
        raise fail(f"{where}: reps need rep_seconds", index, "reps")
    if reps and motion == "reps" and numbers["hold"] * _held(poses) >= numbers["rep_seconds"]:
        raise fail(f"{where}: the holds take all of rep_seconds; leave time to move", index, "hold")
    return numbers, reps, tuple(poses)


def _held(poses: list[str]) -> int:
    """How many holds one repetition has: one at each pose that is not the starting one."""
    return sum(1 for pose in poses[1:] if pose != poses[0])


def _part(raw: object, where: str, index: int, fail: Any) -> Part:
    if not isinstance(raw, dict):
        raise fail(f"{where} should be a table", index, "parts")
    numbers, reps, poses = _timing(raw, where, index, fail)
    motion = raw.get("motion", "reps" if reps else "hold")
    if motion not in MOTIONS:
        raise fail(f"{where}: motion should be one of {', '.join(MOTIONS)}", index, "motion")
    still = str(raw.get("still", ""))
    if still and still not in poses:
        raise fail(f"{where}: still should be one of its poses", index, "still")
    rep_seconds = numbers["rep_seconds"] or (numbers["seconds"] / reps if reps else numbers["seconds"])
    return Part(poses, numbers["seconds"], motion, reps, rep_seconds, numbers["hold"], str(raw.get("label", "")), still)


def _flat_part(raw: Mapping[str, Any], poses: tuple[str, ...], numbers: dict[str, float], reps: int) -> Part:
    """A step written without [[steps.parts]] is one part, as the first routine files were written."""
    label = str(raw.get("label", ""))
    motion = str(raw.get("motion", ""))
    if numbers["pose_seconds"] or motion == "flow":
        cycle = numbers["pose_seconds"] * len(poses) or numbers["rep_seconds"] or numbers["seconds"] / max(1, reps)
        return Part(poses, numbers["seconds"], "flow", reps, cycle, 0.0, label)
    if reps:
        return Part(poses, numbers["seconds"], "reps", reps, numbers["rep_seconds"], numbers["hold"], label)
    return Part(poses, numbers["seconds"], motion if motion in MOTIONS else "hold", label=label)


def _text(data: Mapping[str, Any], key: str, fail: Any) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise fail(f"{key} is missing")
    return value.strip()


def _line_of(text: str, step: int | None, key: str | None) -> int | None:
    """The line of `key` in the step-th [[steps]] table (or at the top), for messages."""
    if not text:
        return None
    current = -1
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped == "[[steps]]":
            current += 1
            if step is not None and current == step and key is None:
                return number
            continue
        if key and stripped.split("=", 1)[0].strip() == key and current == (-1 if step is None else step):
            return number
    return None
