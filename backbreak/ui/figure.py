"""Paints the stretch figure: the flat shapes core/body/camera.py computes, filled, in the palette's colours.

The body is a set of rounded capsules in the text colour, softened toward the background; the limbs on
the far side a shade lighter, the part a step works on in the accent. Each part is cut out of the ones
behind it by a thin gap of background colour, so arms and legs read against the trunk. Props, the floor
and the movement arrow are faint. Nothing here decides a position: it only fills what it is given.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from backbreak.core.body.camera import Capsule, Drawing, Head, Shape
from backbreak.core.i18n import _
from backbreak.ui.trayicon import ACCENT

Bounds = tuple[float, float, float, float]
Arrow = tuple[tuple[float, float], ...]
ARC_STEPS = 9


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """`a` moved a fraction `t` toward `b`."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


@dataclass(frozen=True)
class Inks:
    """The colours of one palette: body, far limbs, the worked part, the gaps, props."""

    body: QColor
    far: QColor
    lit: QColor
    far_lit: QColor
    hair: QColor
    gap: QColor
    faint: QColor
    prop_fill: QColor
    arrow: QColor
    ghost: QColor

    @classmethod
    def of(cls, ink: QColor, background: QColor) -> Inks:
        """Colours for text colour `ink` on `background`."""
        accent = QColor(ACCENT)
        dark = background.lightnessF() < 0.5
        body = mix(ink, background, 0.25 if dark else 0.3)
        far = mix(ink, background, 0.48 if dark else 0.5)
        lit = mix(body, accent, 0.62)
        faint = QColor(ink)
        faint.setAlphaF(0.28)
        prop_fill = QColor(ink)
        prop_fill.setAlphaF(0.07)
        arrow = QColor(accent)
        arrow.setAlphaF(0.75)
        # Hair darker than the skin on either palette: it reads as hair, not as a white cap, on dark.
        hair = QColor(body).darker(175 if dark else 160)
        ghost = mix(body, background, 0.82)  # opaque, so overlapping limbs make one even silhouette
        return cls(body, far, lit, mix(lit, background, 0.35), hair, QColor(background), faint, prop_fill, arrow, ghost)


class Frame:
    """Body units to pixels: the step's bounds fitted into the widget, y up, optionally mirrored."""

    def __init__(self, rect: QRectF, bounds: Bounds, mirrored: bool, fill: float = 0.94) -> None:
        left, bottom, right, top = bounds
        width, height = max(right - left, 1e-3), max(top - bottom, 1e-3)
        self.scale = min(rect.width() * fill / width, rect.height() * fill / height)
        self.cx, self.cy = (left + right) / 2, (bottom + top) / 2
        self.ox, self.oy = rect.center().x(), rect.center().y()
        self.sign = -1.0 if mirrored else 1.0

    def point(self, x: float, y: float) -> QPointF:
        """A point in body units on the page."""
        return QPointF(self.ox + self.sign * (x - self.cx) * self.scale, self.oy - (y - self.cy) * self.scale)

    def capsule(self, c: Capsule) -> QPolygonF:
        """The outline of a tapered capsule (the hull of its two circles)."""
        return QPolygonF([self.point(x, y) for x, y in capsule_outline(c.a, c.ra, c.b, c.rb)])


def capsule_outline(a: tuple[float, float], ra: float, b: tuple[float, float], rb: float) -> list[tuple[float, float]]:
    """Points round two circles and the band between them (external tangents), counter-clockwise."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    d = math.hypot(dx, dy)
    if d <= abs(ra - rb) + 1e-9:
        centre, r = (a, ra) if ra >= rb else (b, rb)
        return [
            (centre[0] + r * math.cos(k * math.tau / 24), centre[1] + r * math.sin(k * math.tau / 24))
            for k in range(24)
        ]
    heading = math.atan2(dy, dx)
    beta = math.asin(max(-1.0, min(1.0, (ra - rb) / d)))
    out = []
    # Round the far end from one tangent to the other, then round the near end back.
    start, end = heading - math.pi / 2 - beta, heading + math.pi / 2 + beta
    for k in range(ARC_STEPS + 1):
        angle = start + (end - start) * k / ARC_STEPS
        out.append((b[0] + rb * math.cos(angle), b[1] + rb * math.sin(angle)))
    start, end = heading + math.pi / 2 + beta, heading + 3 * math.pi / 2 - beta
    for k in range(ARC_STEPS + 1):
        angle = start + (end - start) * k / ARC_STEPS
        out.append((a[0] + ra * math.cos(angle), a[1] + ra * math.sin(angle)))
    return out


def paint_drawing(
    painter: QPainter,
    rect: QRectF,
    drawing: Drawing,
    bounds: Bounds,
    mirrored: bool,
    inks: Inks,
    ghost: Drawing | None = None,
    arrow: Arrow = (),
) -> None:
    """Paint one frame of the figure into `rect`, framed by the step's `bounds`.

    `ghost` is a pose shown faintly behind (where a still figure started from); `arrow` the way it moves.
    """
    frame = Frame(rect, bounds, mirrored)
    gap = max(1.2, frame.scale * 0.007)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _floor(painter, rect, frame, drawing.floor, inks)
    for shape in drawing.behind:
        _shape(painter, frame, shape, inks)
    if ghost is not None:
        _ghost(painter, frame, ghost, inks)
    _body(painter, frame, drawing, inks, gap)
    for shape in drawing.front:
        _shape(painter, frame, shape, inks)
    if arrow:
        _arrow(painter, frame, arrow, inks)
    painter.restore()


def _body(painter: QPainter, frame: Frame, drawing: Drawing, inks: Inks, gap: float) -> None:
    for part in drawing.parts:
        polygons = [(frame.capsule(c), c.lit) for c in part.capsules]
        painter.setPen(
            QPen(inks.gap, gap * 2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        )
        painter.setBrush(inks.gap)
        for polygon, _kind in polygons:
            painter.drawPolygon(polygon)
        painter.setPen(Qt.PenStyle.NoPen)
        for polygon, lit in polygons:
            if part.far:
                painter.setBrush(inks.far_lit if lit else inks.far)
            else:
                painter.setBrush(inks.lit if lit else inks.body)
            painter.drawPolygon(polygon)
        if part.name == "neck":
            _head(painter, frame, drawing.head, inks, gap)


def _ghost(painter: QPainter, frame: Frame, ghost: Drawing, inks: Inks) -> None:
    """The starting pose as a faint flat silhouette, so a still figure still shows where the movement began."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(inks.ghost)
    for part in ghost.parts:
        for capsule in part.capsules:
            painter.drawPolygon(frame.capsule(capsule))
    radius = ghost.head.radius * frame.scale
    painter.drawEllipse(frame.point(*ghost.head.centre), radius, radius)


def _arrow(painter: QPainter, frame: Frame, arrow: Arrow, inks: Inks) -> None:
    """A soft curved arrow along the way the moving part goes, with a head at its end."""
    points = [frame.point(x, y) for x, y in arrow]
    width = max(1.5, frame.scale * 0.012)
    painter.setPen(QPen(inks.arrow, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPolyline(QPolygonF(points[:-1]))
    tip, before = points[-1], points[max(0, len(points) - 3)]
    dx, dy = tip.x() - before.x(), tip.y() - before.y()
    norm = math.hypot(dx, dy) or 1.0
    dx, dy = dx / norm, dy / norm
    size = width * 3.2
    left = QPointF(tip.x() - dx * size - dy * size * 0.6, tip.y() - dy * size + dx * size * 0.6)
    right = QPointF(tip.x() - dx * size + dy * size * 0.6, tip.y() - dy * size - dx * size * 0.6)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(inks.arrow)
    painter.drawPolygon(QPolygonF([tip, left, right]))


def _floor(painter: QPainter, rect: QRectF, frame: Frame, floor: float | None, inks: Inks) -> None:
    if floor is None:
        return
    y = frame.point(0.0, floor).y()
    if y > rect.bottom() + 1:
        return
    painter.setPen(QPen(inks.faint, max(1.0, frame.scale * 0.006), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(QPointF(rect.left() + rect.width() * 0.04, y), QPointF(rect.right() - rect.width() * 0.04, y))


def _shape(painter: QPainter, frame: Frame, shape: Shape, inks: Inks) -> None:
    points = [frame.point(x, y) for x, y in shape.points]
    width = max(1.0, frame.scale * 0.006)
    if shape.kind == "shadow":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(inks.prop_fill)
        painter.drawPolygon(QPolygonF(points))
    elif shape.closed:
        painter.setPen(
            QPen(inks.faint, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        )
        painter.setBrush(inks.prop_fill)
        painter.drawPolygon(QPolygonF(points))
    else:
        painter.setPen(QPen(inks.arrow, width * 1.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawPolyline(QPolygonF(points))


def _head(painter: QPainter, frame: Frame, head: Head, inks: Inks, gap: float) -> None:
    centre = frame.point(*head.centre)
    radius = head.radius * frame.scale
    fx, fy = head.face
    sideways = math.hypot(fx, fy)
    face = QPointF(frame.sign * fx, -fy)
    painter.setPen(QPen(inks.gap, gap * 2))
    painter.setBrush(inks.gap)
    painter.drawEllipse(centre, radius, radius)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(inks.body)
    skull = QPainterPath()
    skull.setFillRule(Qt.FillRule.WindingFill)  # the nose and the skull overlap: both stay filled
    skull.addEllipse(centre, radius, radius)
    if sideways > 0.35:
        nose = centre + face / sideways * radius * 0.93
        skull.addEllipse(nose, radius * 0.24, radius * 0.24)
        skull = skull.simplified()
    painter.drawPath(skull)
    # Hair on the back and top of the head, away from the face: it shows where the face looks.
    cut_centre = centre + face * radius * 0.42 + QPointF(0.0, radius * (0.32 if head.toward > -0.5 else -0.1))
    hair = QPainterPath()
    hair.addEllipse(centre, radius, radius)
    cut = QPainterPath()
    cut.addEllipse(cut_centre, radius * 0.98, radius * 0.98)
    painter.setBrush(inks.hair)
    painter.drawPath(hair.subtracted(cut))


class FigureView(QWidget):
    """Shows one frame of the figure; the stretch window hands it a drawing as time passes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 120)
        self.setAccessibleName(_("Figure showing the movement"))
        self.drawing: Drawing | None = None
        self.bounds: Bounds = (-0.5, 0.0, 0.5, 1.0)
        self.mirrored = False
        self.ghost: Drawing | None = None
        self.arrow: Arrow = ()

    def show_drawing(
        self, drawing: Drawing, bounds: Bounds, mirrored: bool, ghost: Drawing | None = None, arrow: Arrow = ()
    ) -> None:
        """Draw this frame next; repaints only when something changed."""
        frame = (drawing, bounds, mirrored, ghost, arrow)
        if frame != (self.drawing, self.bounds, self.mirrored, self.ghost, self.arrow):
            self.drawing, self.bounds, self.mirrored, self.ghost, self.arrow = frame
            self.update()

    def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        if self.drawing is None:
            return
        # A painter left open by an exception crashes the backing store (PLATFORM.md section 10).
        with QPainter(self) as painter:
            palette = self.palette()
            inks = Inks.of(palette.color(self.foregroundRole()), palette.color(self.backgroundRole()))
            rect = QRectF(self.rect())
            paint_drawing(painter, rect, self.drawing, self.bounds, self.mirrored, inks, self.ghost, self.arrow)
