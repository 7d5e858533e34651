"""The animated figure: a simple jointed figure drawn with round-capped strokes from a Pose.

The figure is drawn in the palette's text colour on a faint floor line; the part a step works on is
softly highlighted in the accent. Mirroring shows the other side. Sizes are in body heights (about 1)
and scaled to the widget, with the same scale for every pose so the figure never jumps in size.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from backbreak.core.poses import Pose
from backbreak.ui.trayicon import ACCENT

HEAD, NECK, UPPER, LOWER = 0.065, 0.035, 0.16, 0.14
UPPER_ARM, FOREARM, THIGH, SHIN, FOOT = 0.15, 0.14, 0.22, 0.22, 0.07

Point = tuple[float, float]


def _vec(theta: float, length: float) -> Point:
    """A segment of `length` pointing `theta` degrees from straight down, turning toward the front (+x)."""
    rad = math.radians(theta)
    return length * math.sin(rad), length * math.cos(rad)


def _add(a: Point, b: Point, scale: float = 1.0) -> Point:
    return a[0] + b[0] * scale, a[1] + b[1] * scale


class Skeleton:
    """Joint positions for a pose, in body heights, with named strokes to draw."""

    def __init__(self) -> None:
        self.strokes: list[tuple[str, list[Point]]] = []  # (part, polyline)
        self.head: tuple[Point, float] = ((0.0, 0.0), HEAD)
        self.props: list[tuple[str, list[Point]]] = []  # chair, desk, strap: drawn faint

    def points(self) -> list[Point]:
        """Every point, for bounds and the floor."""
        pts = [p for _, line in self.strokes for p in line]
        (cx, cy), r = self.head
        return [*pts, (cx - r, cy - r), (cx + r, cy + r)]


def side_skeleton(pose: Pose) -> Skeleton:
    """Forward kinematics of the side view (see backbreak/core/poses.py for the angles)."""
    sk = Skeleton()
    pelvis: Point = (pose.pelvis_forward * HEAD, 0.0)
    lower = 180 - (pose.lean - pose.spine / 2)
    upper = 180 - (pose.lean + pose.spine / 2)
    waist = _add(pelvis, _vec(lower, LOWER))
    waist = _add(waist, _vec(lower - 90, 0.015 * pose.breathe))
    shoulder = _add(waist, _vec(upper, UPPER))
    shoulder = _add(shoulder, _vec(upper, pose.shoulder_lift * HEAD * 0.5))
    shoulder = _add(shoulder, _vec(upper - 90, -pose.shoulder_back * HEAD * 0.5))
    neck_top = _add(shoulder, _vec(upper, NECK))
    head_dir = upper - pose.head
    head_centre = _add(neck_top, _vec(head_dir, HEAD))
    head_centre = _add(head_centre, _vec(upper - 90, -pose.head_shift * HEAD * 0.6))
    sk.head = (head_centre, HEAD)

    def leg(hip: float, knee: float) -> list[Point]:
        thigh = hip - pose.lean
        knee_pt = _add(pelvis, _vec(thigh, THIGH))
        shin = thigh - knee
        ankle = _add(knee_pt, _vec(shin, SHIN))
        toe = _add(ankle, _vec(shin + 90 + pose.foot_flex, FOOT))
        return [pelvis, knee_pt, ankle, toe]

    def arm(shoulder_angle: float, elbow: float) -> list[Point]:
        theta = (upper - 180) + shoulder_angle
        elbow_pt = _add(shoulder, _vec(theta, UPPER_ARM))
        hand = _add(elbow_pt, _vec(theta + elbow, FOREARM))
        return [shoulder, elbow_pt, hand]

    far_leg, near_leg = leg(pose.far_hip, pose.far_knee), leg(pose.near_hip, pose.near_knee)
    far_arm, near_arm = arm(pose.far_shoulder, pose.far_elbow), arm(pose.near_shoulder, pose.near_elbow)
    sk.strokes = [
        ("far_arm", far_arm),
        ("far_leg", far_leg),
        ("pelvis", [pelvis, waist]),
        ("trunk", [waist, shoulder]),
        ("neck", [shoulder, neck_top]),
        ("near_leg", near_leg),
        ("near_arm", near_arm),
    ]
    if pose.chair:
        seat_y = pelvis[1] + 0.03
        sk.props.append(("chair", [(pelvis[0] - 0.1, seat_y), (pelvis[0] + 0.12, seat_y)]))
        sk.props.append(("chair", [(pelvis[0] - 0.1, seat_y - 0.28), (pelvis[0] - 0.1, seat_y + 0.3)]))
        sk.props.append(("chair", [(pelvis[0] + 0.12, seat_y), (pelvis[0] + 0.12, seat_y + 0.3)]))
    if pose.desk:
        hand = far_arm[-1]
        sk.props.append(("desk", [(hand[0] - 0.02, hand[1]), (hand[0] + 0.3, hand[1])]))
        sk.props.append(("desk", [(hand[0] + 0.25, hand[1]), (hand[0] + 0.25, pelvis[1] + 0.5)]))
    if pose.strap:
        sk.props.append(("strap", [near_arm[-1], near_leg[-1]]))
    return sk


def front_skeleton(pose: Pose) -> Skeleton:
    """The figure facing the viewer (twists and side bends). The figure's right is the screen's left."""
    sk = Skeleton()
    pelvis: Point = (0.0, 0.0)
    waist = (0.0, -LOWER)
    tilt = math.radians(pose.bend)  # + leans toward the figure's right, which is the screen's left
    neck_base = _add(waist, (-math.sin(tilt) * UPPER, -math.cos(tilt) * UPPER))
    half = 0.1 * math.cos(math.radians(pose.twist))  # turned shoulders look narrower
    across = (math.cos(tilt), -math.sin(tilt))
    right_sh = _add(neck_base, across, -half)  # the figure's right shoulder, on the screen's left
    left_sh = _add(neck_base, across, half)
    head_centre = _add(neck_base, (-math.sin(tilt) * (NECK + HEAD), -math.cos(tilt) * (NECK + HEAD)))
    sk.head = (head_centre, HEAD)

    def arm(start: Point, abduction: float, elbow: float, outward: float) -> list[Point]:
        # outward: -1 for the figure's right arm (screen left), +1 for the left arm.
        theta = abduction - pose.bend * outward
        elbow_pt = _add(
            start, (outward * math.sin(math.radians(theta)) * UPPER_ARM, math.cos(math.radians(theta)) * UPPER_ARM)
        )
        fore = theta + elbow
        hand = _add(
            elbow_pt, (outward * math.sin(math.radians(fore)) * FOREARM, math.cos(math.radians(fore)) * FOREARM)
        )
        return [start, elbow_pt, hand]

    hip_r, hip_l = (-0.05, 0.0), (0.05, 0.0)
    if pose.seated:
        legs = [
            [hip_r, (-0.06, 0.04), (-0.06, 0.04 + SHIN)],
            [hip_l, (0.06, 0.04), (0.06, 0.04 + SHIN)],
        ]
        sk.props.append(("chair", [(-0.16, 0.03), (0.16, 0.03)]))
        sk.props.append(("chair", [(-0.16, 0.03), (-0.16, 0.03 + SHIN + 0.01)]))
        sk.props.append(("chair", [(0.16, 0.03), (0.16, 0.03 + SHIN + 0.01)]))
    else:
        legs = [
            [hip_r, (-0.055, THIGH), (-0.06, THIGH + SHIN), (-0.1, THIGH + SHIN)],
            [hip_l, (0.055, THIGH), (0.06, THIGH + SHIN), (0.1, THIGH + SHIN)],
        ]
    sk.strokes = [
        ("pelvis", [hip_r, hip_l]),
        ("far_leg", legs[0]),
        ("near_leg", legs[1]),
        ("pelvis", [pelvis, waist]),
        ("trunk", [waist, neck_base]),
        ("trunk", [right_sh, left_sh]),
        ("far_arm", arm(right_sh, pose.right_arm, pose.right_elbow, -1.0)),
        ("near_arm", arm(left_sh, pose.left_arm, pose.left_elbow, 1.0)),
    ]
    if pose.twist:
        # The turned shoulders: a short nose-line shows where the head faces.
        turn = math.sin(math.radians(pose.twist * 0.6 + pose.head_turn))
        nose = _add(head_centre, (-turn * HEAD, 0.0))
        sk.strokes.append(("neck", [head_centre, nose]))
    return sk


def top_skeleton(pose: Pose) -> Skeleton:
    """Lying on the back seen from above, head at the top: for knee rolls."""
    sk = Skeleton()
    shoulders_y, pelvis_y = -0.3, 0.0
    sk.head = ((0.0, shoulders_y - NECK - HEAD), HEAD)
    fall = math.sin(math.radians(pose.knees_fall))
    sk.strokes = [
        ("trunk", [(0.0, shoulders_y), (0.0, pelvis_y)]),
        ("trunk", [(-0.29, shoulders_y), (0.29, shoulders_y)]),
        ("pelvis", [(-0.05, pelvis_y), (0.05, pelvis_y)]),
    ]
    for hip_x, part in ((-0.05, "far_leg"), (0.05, "near_leg")):
        knee = (hip_x - fall * 0.2, pelvis_y + 0.16 - abs(fall) * 0.03)
        foot = (hip_x, pelvis_y + 0.32)
        sk.strokes.append((part, [(hip_x, pelvis_y), knee, foot]))
    return sk


def skeleton_of(pose: Pose) -> Skeleton:
    """The skeleton for the pose's view."""
    if pose.view == "front":
        return front_skeleton(pose)
    if pose.view == "top":
        return top_skeleton(pose)
    return side_skeleton(pose)


_HIGHLIGHTS = {
    "near_leg": {"near_leg"},
    "legs": {"near_leg", "far_leg"},
    "trunk": {"trunk", "pelvis"},
    "pelvis": {"pelvis"},
    "neck": {"neck"},
    "near_arm": {"near_arm"},
}


def paint_figure(
    painter: QPainter,
    rect: QRectF,
    pose: Pose,
    mirrored: bool,
    ink: QColor,
    highlight: str = "",
    bob: float = 0.0,
) -> None:
    """Draw `pose` into `rect`: floor line, props, limbs (far ones fainter), head."""
    sk = skeleton_of(pose)
    scale = min(rect.width(), rect.height()) * 0.8
    floor_y = rect.bottom() - rect.height() * 0.1
    pts = sk.points()
    min_x, max_x = min(p[0] for p in pts), max(p[0] for p in pts)
    lowest = max([p[1] for p in pts] + [p[1] for _, line in sk.props for p in line])
    centre_x = (min_x + max_x) / 2

    def to_screen(p: Point) -> QPointF:
        x = (p[0] - centre_x) * scale
        if mirrored:
            x = -x
        return QPointF(rect.center().x() + x, floor_y - (lowest - p[1]) * scale + bob)

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    faint = QColor(ink)
    faint.setAlphaF(0.18)
    width = max(2.0, scale * 0.028)
    painter.setPen(QPen(faint, width * 0.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(
        QPointF(rect.left() + rect.width() * 0.08, floor_y), QPointF(rect.right() - rect.width() * 0.08, floor_y)
    )
    prop_colour = QColor(ink)
    prop_colour.setAlphaF(0.3)
    for _name, line in sk.props:
        painter.setPen(QPen(prop_colour, width * 0.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        _polyline(painter, [to_screen(p) for p in line])
    lit = _HIGHLIGHTS.get(highlight, set())
    for part, line in sk.strokes:
        colour = QColor(ACCENT) if part in lit else QColor(ink)
        if part.startswith("far_"):
            colour.setAlphaF(0.45)
        painter.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        _polyline(painter, [to_screen(p) for p in line])
    (cx, cy), r = sk.head
    head_colour = QColor(ACCENT) if "neck" in lit else QColor(ink)
    painter.setPen(QPen(head_colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(to_screen((cx, cy)), r * scale, r * scale)
    painter.restore()


def _polyline(painter: QPainter, points: list[QPointF]) -> None:
    if len(points) < 2:
        return
    path = QPainterPath(points[0])
    for point in points[1:]:
        path.lineTo(point)
    painter.drawPath(path)


class FigureView(QWidget):
    """Shows one frame of the figure; the stretch window sets the pose as time passes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(96, 96)
        self.setAccessibleName("Figure showing the movement")
        self._pose = Pose()
        self._mirrored = False
        self._highlight = ""
        self._bob = 0.0

    def show_pose(self, pose: Pose, mirrored: bool, highlight: str = "", bob: float = 0.0) -> None:
        """Draw this pose next time; repaints only when something changed."""
        frame = (pose, mirrored, highlight, round(bob, 1))
        if frame != (self._pose, self._mirrored, self._highlight, round(self._bob, 1)):
            self._pose, self._mirrored, self._highlight, self._bob = pose, mirrored, highlight, bob
            self.update()

    def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        # A painter left open by an exception crashes the backing store (PLATFORM.md section 10).
        with QPainter(self) as painter:
            ink = self.palette().color(self.foregroundRole())
            paint_figure(painter, QRectF(self.rect()), self._pose, self._mirrored, ink, self._highlight, self._bob)
