"""Three-dimensional points and rotations as plain tuples: small, exact and fast enough to run each frame.

Axes: x is where the body faces at rest, y is up, z is the body's right (right-handed). A rotation is a
3 x 3 matrix kept as three rows; angles are in degrees, positive turning counter-clockwise when seen from
the tip of the axis.
"""

from __future__ import annotations

import math

Vec = tuple[float, float, float]
Mat = tuple[Vec, Vec, Vec]

IDENTITY: Mat = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))
UP: Vec = (0.0, 1.0, 0.0)


def rot_x(deg: float) -> Mat:
    """Turns y toward z."""
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((1.0, 0.0, 0.0), (0.0, c, -s), (0.0, s, c))


def rot_y(deg: float) -> Mat:
    """Turns z toward x."""
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, 0.0, s), (0.0, 1.0, 0.0), (-s, 0.0, c))


def rot_z(deg: float) -> Mat:
    """Turns x toward y."""
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return ((c, -s, 0.0), (s, c, 0.0), (0.0, 0.0, 1.0))


def mul(a: Mat, b: Mat) -> Mat:
    """The rotation `b` followed, in the frame it makes, by nothing: a . b."""
    (a0, a1, a2), (a3, a4, a5), (a6, a7, a8) = a
    (b0, b1, b2), (b3, b4, b5), (b6, b7, b8) = b
    return (
        (a0 * b0 + a1 * b3 + a2 * b6, a0 * b1 + a1 * b4 + a2 * b7, a0 * b2 + a1 * b5 + a2 * b8),
        (a3 * b0 + a4 * b3 + a5 * b6, a3 * b1 + a4 * b4 + a5 * b7, a3 * b2 + a4 * b5 + a5 * b8),
        (a6 * b0 + a7 * b3 + a8 * b6, a6 * b1 + a7 * b4 + a8 * b7, a6 * b2 + a7 * b5 + a8 * b8),
    )


def chain(*mats: Mat) -> Mat:
    """The product of several rotations, left to right."""
    out = IDENTITY
    for mat in mats:
        out = mul(out, mat)
    return out


def apply(m: Mat, v: Vec) -> Vec:
    """The vector `v` (given in the frame of `m`) in the outer frame."""
    (m0, m1, m2), (m3, m4, m5), (m6, m7, m8) = m
    x, y, z = v
    return (m0 * x + m1 * y + m2 * z, m3 * x + m4 * y + m5 * z, m6 * x + m7 * y + m8 * z)


def add(a: Vec, b: Vec, k: float = 1.0) -> Vec:
    """A + k b."""
    return (a[0] + k * b[0], a[1] + k * b[1], a[2] + k * b[2])


def sub(a: Vec, b: Vec) -> Vec:
    """A - b."""
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def scale(a: Vec, k: float) -> Vec:
    """K a."""
    return (a[0] * k, a[1] * k, a[2] * k)


def dot(a: Vec, b: Vec) -> float:
    """The dot product."""
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def cross(a: Vec, b: Vec) -> Vec:
    """The cross product."""
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def length(a: Vec) -> float:
    """The length of a vector."""
    return math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2])


def distance(a: Vec, b: Vec) -> float:
    """How far apart two points are."""
    return length(sub(a, b))


def unit(a: Vec, fallback: Vec = UP) -> Vec:
    """`a` scaled to length 1 (the fallback for a zero vector)."""
    n = length(a)
    return fallback if n < 1e-12 else (a[0] / n, a[1] / n, a[2] / n)


def lerp(a: Vec, b: Vec, t: float) -> Vec:
    """The point a fraction `t` of the way from a to b."""
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)


def angle_between(a: Vec, b: Vec) -> float:
    """The angle between two vectors, in degrees (0..180)."""
    c = dot(unit(a), unit(b))
    return math.degrees(math.acos(max(-1.0, min(1.0, c))))


def rotate_about(point: Vec, pivot: Vec, axis: Vec, deg: float) -> Vec:
    """`point` turned `deg` about the line through `pivot` along `axis` (Rodrigues' formula)."""
    k = unit(axis)
    v = sub(point, pivot)
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    kv = cross(k, v)
    kd = dot(k, v) * (1 - c)
    return (
        pivot[0] + v[0] * c + kv[0] * s + k[0] * kd,
        pivot[1] + v[1] * c + kv[1] * s + k[1] * kd,
        pivot[2] + v[2] * c + kv[2] * s + k[2] * kd,
    )
