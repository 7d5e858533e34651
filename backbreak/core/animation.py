"""The figure of one step, moment by moment: key poses set down once, one frame for the whole step.

A step's key poses are placed in order, each keeping the contacts the one before had (a hand on the
floor, a foot, the knee a body kneels on) where they were, so hands and feet stay put through a move.
Between key poses the angles blend and the shared contacts move straight from one place to the other.
The frame (`bounds`) covers every key pose and the way between them, so the figure never changes size
or jumps within a step. A drawing costs well under a millisecond, so every frame is set down afresh.
"""

from __future__ import annotations

import dataclasses
import math

from backbreak.core.body.camera import Drawing, camera, draw
from backbreak.core.body.contacts import parse
from backbreak.core.body.geometry import Vec, apply, lerp
from backbreak.core.body.placing import PELVIS_PIN, Placed, place
from backbreak.core.body.props import mat_under
from backbreak.core.motion import Moment, still_pose
from backbreak.core.posebook import POSES
from backbreak.core.poses import Pose, blend, spline
from backbreak.core.routines import Step

Bounds = tuple[float, float, float, float]
SAMPLES = 6  # in-between frames per move for the arrow's path
FRAMING = 3  # in-between frames per move when measuring the step's frame (the margin covers the rest)
TRACKED = ("head", "chest", "pelvis", *(f"{s}_{j}" for s in "lr" for j in ("fingers", "toe", "knee", "elbow")))
ARROW_GAP = 0.07  # how far beside the moving point its arrow runs, in body heights
MOVES = 0.02  # a point that moves less than this (body heights) gets no arrow: a pelvic tilt is shown by the ring


def _rests_on(pin: str) -> bool:
    """Whether a pin is something the body rests on (a support, or the pelvis), not a hand or a foot."""
    return pin == PELVIS_PIN or (":" not in pin and parse(pin).kind == "support")


class StepFigure:
    """Draws `step` at any moment (see the module docstring)."""

    def __init__(self, step: Step) -> None:
        self.step = step
        self.keys: list[list[Placed]] = []
        pins: dict[str, Vec] = {}
        for part in step.parts:
            placed = []
            for name in part.poses:
                # In a move from one position to another (rolling over, getting up) hands and feet are
                # put down afresh; only what the body rests on stays where it was.
                held = pins if part.motion != "move" else {c: p for c, p in pins.items() if _rests_on(c)}
                sliding = {str(parse(c)) for c in POSES[name].contacts if c.endswith("~")}
                held = {c: p for c, p in held.items() if c.split(":")[0] not in sliding}
                key = place(POSES[name], held)
                pins = {**pins, **key.pins}
                placed.append(key)
            self.keys.append(placed)
        self.settled = [[key.settled() for key in keys] for keys in self.keys]
        self.mat = mat_under([key for keys in self.keys for key in keys])
        self.bounds = self._measure()
        self._ghosts: dict[int, Drawing | None] = {}
        self._arrows: dict[int, tuple[tuple[float, float], ...]] = {}

    def pose(self, moment: Moment) -> tuple[Pose, dict[str, Vec]]:
        """The pose at `moment` and where its shared contacts are."""
        poses = self.settled[moment.part]
        if moment.phase is not None:
            return spline(poses, moment.phase), {}
        a, b = self.keys[moment.part][moment.start], self.keys[moment.part][moment.end]
        if moment.start == moment.end or moment.t <= 0.0:
            return poses[moment.start], a.pins
        if moment.t >= 1.0:
            return poses[moment.end], b.pins
        pins = {c: lerp(a.pins[c], b.pins[c], moment.t) for c in a.pins if c in b.pins}
        return blend(poses[moment.start], poses[moment.end], moment.t), pins

    def placed(self, moment: Moment) -> Placed:
        """The body set down at `moment`."""
        if moment.phase is None and (moment.start == moment.end or moment.t in (0.0, 1.0)):
            return self.keys[moment.part][moment.end if moment.t >= 1.0 else moment.start]
        pose, pins = self.pose(moment)
        return place(pose, pins)

    def drawing(self, moment: Moment, breath: float = 0.0) -> Drawing:
        """What to paint at `moment`; `breath` (0..1) lifts the belly and chest a little during a hold."""
        placed = self.placed(moment)
        if breath:
            pose, pins = placed.skeleton.pose, placed.pins
            placed = place(dataclasses.replace(pose, breathe=max(pose.breathe, breath)), pins)
        return draw(placed, self.step.view, self.step.highlight, placed.skeleton.pose.props, self.mat)

    def ghost(self, part: int) -> Drawing | None:
        """The part's first pose, shown faintly behind its still end pose when motion is reduced."""
        if part not in self._ghosts:
            self._ghosts[part] = self._ghost(part)
        return self._ghosts[part]

    def arrow(self, part: int) -> tuple[tuple[float, float], ...]:
        """The way the part's main movement goes (see `_arrow`), worked out once."""
        if part not in self._arrows:
            self._arrows[part] = self._arrow(part)
        return self._arrows[part]

    def _ghost(self, part: int) -> Drawing | None:
        keys = self.keys[part]
        if len(keys) < 2 or still_pose(self.step.parts[part]) == 0 or self.step.parts[part].motion == "flow":
            return None
        return draw(keys[0], self.step.view, "", keys[0].skeleton.pose.props, self.mat)

    def _arrow(self, part: int) -> tuple[tuple[float, float], ...]:
        """The way the point that moves most goes into the part's held pose (page units).

        A repetition is shown from its starting pose; a hold or a move by its last stage (the hinge of
        a hamstring stretch, not the heel going forward before it). The path is pushed a little away
        from the body so that it runs beside the limb, not over it.
        """
        keys = self.keys[part]
        end = still_pose(self.step.parts[part])
        if end == 0 or self.step.parts[part].motion == "flow":
            return ()
        start = 0 if self.step.parts[part].motion == "reps" else end - 1
        cam = camera(self.step.view)

        def at(placed: Placed, name: str) -> tuple[float, float]:
            x, y, _ = apply(cam, placed.skeleton.joints[name])
            return x, y

        # The trunk's own movement (rising, hinging, rolling) counts double: it is what the step is about.
        def moved(name: str) -> float:
            weight = 2.0 if name in ("head", "chest", "pelvis") else 1.0
            return weight * math.dist(at(keys[start], name), at(keys[end], name))

        best = max(TRACKED, key=moved)
        if math.dist(at(keys[start], best), at(keys[end], best)) < MOVES:
            return ()
        moments = [Moment(part, i, i + 1, k / SAMPLES) for i in range(start, end) for k in range(SAMPLES + 1)]
        path = [at(self.placed(m), best) for m in moments]
        flat = [at(keys[0], name) for name in keys[0].skeleton.joints]
        middle = (sum(p[0] for p in flat) / len(flat), sum(p[1] for p in flat) / len(flat))
        out = []
        for x, y in path:
            dx, dy = x - middle[0], y - middle[1]
            norm = math.hypot(dx, dy) or 1.0
            out.append((x + ARROW_GAP * dx / norm, y + ARROW_GAP * dy / norm))
        return tuple(out)

    def _measure(self) -> Bounds:
        """The frame for the whole step: every key pose, the moves between them, and the props."""
        boxes = []
        for index, part in enumerate(self.step.parts):
            count = len(part.poses)
            if part.motion == "flow":
                moments = [Moment(index, 0, 0, 0.0, phase=k / (4 * count)) for k in range(4 * count)]
            else:
                moments = [Moment(index, i, i, 1.0) for i in range(count)]
                moments += [Moment(index, i, i + 1, k / FRAMING) for i in range(count - 1) for k in range(1, FRAMING)]
                if part.motion == "reps":
                    moments += [Moment(index, i, 0, k / FRAMING) for i in range(1, count) for k in range(1, FRAMING)]
            boxes += [self.drawing(m).bounds() for m in moments]
        left, bottom = min(b[0] for b in boxes), min(b[1] for b in boxes)
        right, top = max(b[2] for b in boxes), max(b[3] for b in boxes)
        return left, bottom, right, top
