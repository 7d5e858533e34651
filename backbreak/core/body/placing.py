"""Setting a pose down: the body rests on its supports, then each hand, foot and the head reaches its contact.

1. Supports (the back, the seat, a knee, a hip on its side...) settle the whole body (settle.py).
   Without supports the body stands on a foot; with no contact at all its lowest point rests on the
   floor, the pelvis where it was (a body rolling over).
2. Feet and hands reach their contacts, and the head rests on its own (limbs.py).
3. Nothing else may go through the floor (floor.py).
`pins` carry where each contact was in the step's earlier pose, so a foot or a hand stays where it was
put and the first support keeps its place.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass

from backbreak.core.body import limbs
from backbreak.core.body.contacts import Contact, parse, sphere
from backbreak.core.body.floor import keep_above
from backbreak.core.body.geometry import Vec
from backbreak.core.body.settle import lowest, move, settle
from backbreak.core.body.skeleton import Skeleton, build
from backbreak.core.poses import Pose

PELVIS_PIN = "pelvis"  # where a pose with nothing to rest on keeps its pelvis (a body rolling over)


@dataclass
class Placed:
    """A pose set down in the room: the skeleton (floor at y = 0), its contacts, and where each one is."""

    skeleton: Skeleton
    contacts: tuple[Contact, ...]
    pins: dict[str, Vec]

    def settled(self) -> Pose:
        """The pose with the turn its supports gave it folded into its lean, roll and turn.

        Two key poses that settled differently on their supports then blend into each other smoothly,
        instead of the body snapping through the last degrees of the settling at the end of a move.
        """
        pose = self.skeleton.pose
        (_, r01, _), (r10, r11, r12), (_, r21, _) = self.skeleton.frames["root"]
        bend = math.degrees(math.acos(max(-1.0, min(1.0, r11))))
        if bend < 1.0 or bend > 179.0:
            return pose  # upright or upside down: lean alone says it, turn and roll are one
        turn_y = math.degrees(math.atan2(r21, -r01))
        roll_y = math.degrees(math.atan2(r12, r10))
        if -pose.lean < 0:  # the same rotation written the way the pose wrote it
            bend, turn_y, roll_y = -bend, turn_y + 180.0, roll_y + 180.0
        return dataclasses.replace(pose, lean=-bend, turn=_near(-turn_y, pose.turn), roll=_near(-roll_y, pose.roll))


def _near(angle: float, to: float) -> float:
    """`angle` plus or minus whole turns, as close as it gets to `to` (so a blend takes the short way)."""
    return angle + 360.0 * round((to - angle) / 360.0)


def place(pose: Pose, pins: Mapping[str, Vec] | None = None) -> Placed:
    """Set `pose` down so that every contact it names lies on its surface (see the module docstring)."""
    pins = pins or {}
    sk = build(pose)
    contacts = tuple(parse(text) for text in pose.contacts)
    supports = [c for c in contacts if c.kind == "support" and c.on_surface]
    feet = [c for c in contacts if c.kind == "foot"]
    stance: Contact | None = None
    if supports:
        settle(sk, supports)
        anchor, pinned = sphere(sk, supports[0].point)[0], pins.get(str(supports[0]))
        move(sk, ((pinned[0] if pinned else 0.0) - anchor[0], 0.0, 0.0))
    elif feet:
        stance = _stance(feet, pins)
        limbs.stand(sk, stance, pins)
    else:
        pelvis = sk.joints["pelvis"]
        x, _, z = pins.get(PELVIS_PIN, pelvis)
        move(sk, (x - pelvis[0], -lowest(sk), z - pelvis[2]))
    kneeling = {c.side for c in supports if c.point.endswith(("_knee", "_shin"))}
    for contact in feet:
        if contact is not stance:
            limbs.foot(sk, contact, pins, contact.side in kneeling)
    # A hand that holds the other hand goes last, once that hand is where it will be.
    for contact in sorted((c for c in contacts if c.kind == "hand"), key=lambda c: c.target.endswith("_palm")):
        limbs.hand(sk, contact, pins)
    for contact in contacts:
        if contact.kind == "head":
            limbs.head(sk, contact)
    keep_above(sk, contacts)
    where = {str(c): _where(sk, c) for c in contacts} | {PELVIS_PIN: sk.joints["pelvis"]}
    flat_hands = [c for c in contacts if c.kind == "hand" and c.on_surface and c.point.endswith("_palm")]
    where |= {limbs.finger_pin(c): sk.joints[f"{c.side}_fingers"] for c in flat_hands}
    return Placed(sk, contacts, where)


def _stance(feet: list[Contact], pins: Mapping[str, Vec]) -> Contact:
    """The foot the body stands on: one already put down, else the first the pose names."""
    grounded = [c for c in feet if c.on_surface] or feet
    return next((c for c in grounded if str(c) in pins), grounded[0])


def _where(sk: Skeleton, contact: Contact) -> Vec:
    """What a pin keeps for a contact: the ankle of a foot, the wrist of a flat hand, else the point itself."""
    if contact.kind == "foot" and contact.on_surface:
        return sk.joints[f"{contact.side}_ankle"]
    if contact.kind == "hand" and contact.on_surface:
        return sk.joints[f"{contact.side}_{'fingers' if contact.point.endswith('_fingers') else 'wrist'}"]
    return sphere(sk, contact.point)[0]
