"""The words around a break: the due notification tells the real length, the tray menu the real titles."""

from __future__ import annotations

from backbreak.core.events import BreakKind, ShowDue
from backbreak.core.routines import builtin_folder, load_routines
from backbreak.core.settings import Settings
from backbreak.ui.reminders import due_text
from backbreak.ui.tray import Tray
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

ROUTINES = load_routines([builtin_folder()]).routines


def test_a_stretch_reminder_says_how_long_the_routine_really_takes() -> None:
    for name, length in (("desk-2", "2 min"), ("floor-7", "8 min"), ("flare-4", "4 min")):
        routine = ROUTINES[name]
        title, body = due_text(ShowDue(BreakKind.STRETCH, name, 0), Settings(), (routine.title, routine.total))
        assert title == "Time for a stretch"
        assert body == f"{routine.title}, about {length}, guided step by step."
        assert "couple of minutes" not in body


def test_a_move_reminder_says_stand_up_once_and_the_length_from_the_settings() -> None:
    title, body = due_text(ShowDue(BreakKind.MOVE, "move", 0), Settings(), ("Move break", 120.0))
    assert title == "Time to stand up"
    assert f"{title} {body}".lower().count("stand up") == 1
    assert "2 min" in body


def test_stretch_now_lists_routine_titles_and_asks_for_the_name(qtbot: QtBot) -> None:
    pairs = [(name, routine.title) for name, routine in ROUTINES.items() if name != "move"]
    tray = Tray()
    tray.set_routines(pairs)
    menu = next(a.menu() for a in tray._menu.actions() if a.text() == "Stretch now")
    assert isinstance(menu, QMenu)
    assert [a.text() for a in menu.actions()] == [title for _, title in pairs]
    with qtbot.waitSignal(tray.stretch_requested) as asked:
        menu.actions()[0].trigger()
    assert asked.args == [pairs[0][0]]
