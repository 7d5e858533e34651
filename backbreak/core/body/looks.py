"""The names a routine file may use for the figure: its views and the parts a step highlights.

Plain data with no imports, so reading and checking routines (which the engine needs at every start)
does not load the body model that draws them (core/body/camera.py and the modules it uses).
"""

from __future__ import annotations

VIEWS: dict[str, tuple[float, float]] = {
    "front-right": (-58.0, 10.0),  # the front and the right side, a little from above: a crossed leg's "4"
    "right-side": (28.0, 20.0),  # the body's right side from a little above: the leg that holds a crossed ankle
    # name: (turn about the vertical, look down by) in degrees
    "side": (202.0, 0.0),  # the body's left side, a little of its front, facing screen left
    "floor": (202.0, 20.0),  # the same from a little above: lying and kneeling bodies show their width
    "front": (-90.0, 0.0),
    "front-left": (-130.0, 25.0),  # the front and the left side from above: shoulders turning over hips
    "top": (-90.0, 72.0),  # lying on the back, seen from above and a little from the feet end
}

PARTS: dict[str, tuple[str, ...]] = {
    "trunk": (
        "l_torso_low",
        "l_torso_mid",
        "l_torso_high",
        "r_torso_low",
        "r_torso_mid",
        "r_torso_high",
        "belly",
        "shoulders",
    ),
    "head": ("neck", "head"),
    "l_arm": ("l_upper_arm", "l_forearm", "l_hand"),
    "r_arm": ("r_upper_arm", "r_forearm", "r_hand"),
    "l_leg": ("l_thigh", "l_shin", "l_foot"),
    "r_leg": ("r_thigh", "r_shin", "r_foot"),
}

LOW = frozenset({"l_torso_low", "r_torso_low", "belly"})
MIDDLE = frozenset({"l_torso_mid", "r_torso_mid"})
HIGH = frozenset({"l_torso_high", "r_torso_high"})
HIGHLIGHTS: dict[str, frozenset[str]] = {
    # name: the drawn segments lit when a step works that part
    "neck": frozenset({"neck"}),
    "shoulders": frozenset({"shoulders", "l_upper_arm", "r_upper_arm"}) | HIGH,
    "chest": HIGH | frozenset({"shoulders"}),
    "upper_back": HIGH | MIDDLE | frozenset({"shoulders"}),
    "trunk": LOW | MIDDLE | HIGH,
    "lower_back": LOW | MIDDLE,
    "pelvis": LOW,
    "l_sides": MIDDLE | frozenset({"l_torso_high", "l_upper_arm"}),
    "legs": frozenset({"l_thigh", "r_thigh", "l_shin", "r_shin"}),
    "l_leg": frozenset({"l_thigh", "l_shin"}),
    "l_thigh": frozenset({"l_thigh"}),
    "l_hip": frozenset({"l_torso_low", "l_thigh"}),
    # The names routines written for the first figure used.
    "near_leg": frozenset({"l_thigh", "l_shin"}),
    "near_arm": frozenset({"l_upper_arm", "l_forearm"}),
}
