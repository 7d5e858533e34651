"""The "This hurts" rule: what the hurt card promises is exactly what the engine then does.

After "This hurts", for the rest of that day no stretch break is offered by itself; move breaks go on;
a stretch started by hand (Stretch now, `backbreak break`) still runs. The next day starts fresh.
"""

from __future__ import annotations

from backbreak.core.events import (
    BreakEnded,
    BreakKind,
    IdleSample,
    OpenBreak,
    Outcome,
    Phase,
    Refused,
    ShowDue,
    ShowHeadsUp,
    StartBreak,
)
from backbreak.core.safety import HURT_ADVICE

from tests.fakes import TYPIST_IDLE, Engine

MIN = 60


def sit(engine: Engine, seconds: float) -> None:
    while seconds > 0:
        engine.after(min(60, seconds), IdleSample(TYPIST_IDLE))
        seconds -= 60


def offered(engine: Engine, since: int = 0) -> list[BreakKind]:
    """The kinds of break offered by themselves (heads-up or due) after effect number `since`."""
    shown = [e for e in engine.effects[since:] if isinstance(e, ShowDue | ShowHeadsUp)]
    return [e.kind for e in shown]


def hurt_during_a_stretch(engine: Engine) -> None:
    engine.send(StartBreak(BreakKind.STRETCH, "floor-7"))
    engine.after(90, BreakEnded(Outcome.HURT))


def take_every_move_break(engine: Engine, hours: float) -> None:
    """Sit for `hours`, starting and finishing each move break as it comes."""
    for _ in range(int(hours * 60)):
        before = len(engine.effects)
        sit(engine, MIN)
        if any(isinstance(e, ShowDue) for e in engine.effects[before:]):
            engine.send(StartBreak())
            engine.after(120, BreakEnded(Outcome.COMPLETED))


def test_the_card_says_what_happens_next() -> None:
    said = " ".join(HURT_ADVICE).lower()
    assert "no stretch break will be offered by itself" in said
    assert "rest of today" in said
    assert "move breaks go on" in said
    assert "start a stretch yourself" in said


def test_no_stretch_break_is_offered_for_the_rest_of_the_day_but_move_breaks_go_on() -> None:
    engine = Engine()
    hurt_during_a_stretch(engine)
    since = len(engine.effects)
    take_every_move_break(engine, 5)
    kinds = offered(engine, since)
    assert BreakKind.STRETCH not in kinds
    assert kinds.count(BreakKind.MOVE) >= 8  # two an hour: heads-up and due, every 30 min of sitting


def test_without_the_hurt_the_same_day_offers_stretch_breaks() -> None:
    # The control for the test above: the same sitting does bring stretch breaks when nothing hurt.
    engine = Engine()
    engine.send(StartBreak(BreakKind.STRETCH, "floor-7"))
    engine.after(90, BreakEnded(Outcome.COMPLETED))
    take_every_move_break(engine, 5)
    assert BreakKind.STRETCH in offered(engine)


def test_a_stretch_started_by_hand_still_runs_after_a_hurt() -> None:
    engine = Engine()
    hurt_during_a_stretch(engine)
    sit(engine, 10 * MIN)
    for wanted in (StartBreak(BreakKind.STRETCH, "desk-2"), StartBreak()):
        effects = engine.send(wanted)
        assert not [e for e in effects if isinstance(e, Refused)]
        opened = [e for e in effects if isinstance(e, OpenBreak)]
        assert opened
        assert opened[0].kind is BreakKind.STRETCH
        assert engine.state.phase is Phase.ON_BREAK
        engine.after(124, BreakEnded(Outcome.COMPLETED))
        assert engine.state.phase is not Phase.ON_BREAK


def test_a_hurt_on_a_move_break_keeps_stretches_away_too() -> None:
    engine = Engine()
    sit(engine, 30 * MIN)
    engine.send(StartBreak())
    engine.after(30, BreakEnded(Outcome.HURT))
    since = len(engine.effects)
    take_every_move_break(engine, 3)
    assert BreakKind.STRETCH not in offered(engine, since)
    assert BreakKind.MOVE in offered(engine, since)


def test_the_next_day_offers_stretches_again() -> None:
    engine = Engine(start="2026-11-23 17:00")
    hurt_during_a_stretch(engine)
    engine.after(15 * 3600)  # overnight, away
    since = len(engine.effects)
    take_every_move_break(engine, 3)
    assert BreakKind.STRETCH in offered(engine, since)
