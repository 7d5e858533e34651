"""How reminders reach the user: one notification at a time, buttons, and a card after the snooze limit.

A notification is replaced rather than stacked, and closed as soon as it is no longer true.

Where the notification service shows no buttons (or there is none: the null notifier shows nothing),
the fallback (the tray's balloon, or the status window) says it and the card offers the buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from backbreak.core.durations import humanize
from backbreak.core.events import BreakKind, ShowDue, ShowHeadsUp
from backbreak.core.settings import Settings
from backbreak.ports import Notifier

if TYPE_CHECKING:
    from backbreak.ui.card import ReminderCard

EYES_TITLE = "Rest your eyes"
EYES_BODY = "Look at something at least 6 m (20 ft) away for 20 seconds."
EYES_SHOWN_MS = 30_000  # long enough to read and do; it goes by itself


def due_text(effect: ShowDue, settings: Settings, routine: tuple[str, float]) -> tuple[str, str]:
    """The words of a due reminder: kind, never guilt, and how long it really takes.

    `routine` is the title and the length in seconds of the routine the break would run.
    """
    if effect.kind is BreakKind.MOVE:
        return "Time to stand up", f"Walk about for {humanize(settings.move.length)}: walking does more than standing."
    title, seconds = routine
    length = f", about {humanize(seconds)}" if seconds > 0 else ""
    return "Time for a stretch", f"{title}{length}, guided step by step."


class Reminders(QObject):
    """Turns ShowHeadsUp, ShowDue, ShowEyePrompt and CloseReminder into what the user sees.

    Signals:
        chosen: "start", "snooze" or "skip", from a notification button or the card.
    """

    chosen = Signal(str)

    def __init__(
        self,
        notifier: Notifier,
        fallback: Callable[[str, str], None],
        settings: Callable[[], Settings],
        routine: Callable[[str], tuple[str, float]],
        snoozes_left: Callable[[], int],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._notifier = notifier
        self._fallback = fallback
        self._settings = settings
        self._routine = routine
        self._snoozes_left = snoozes_left
        self.current = 0
        self._eyes = 0
        self._card: ReminderCard | None = None  # made when first needed: most days never
        notifier.action_invoked.connect(self._on_action)

    @property
    def buttons(self) -> bool:
        """Whether notifications carry buttons here."""
        return self._notifier.has_actions

    def heads_up(self, effect: ShowHeadsUp) -> None:
        """A quiet note shortly before a break."""
        kind = "Stretch" if effect.kind is BreakKind.STRETCH else "Move"
        title = f"{kind} break in {humanize(effect.in_seconds)}"
        self._show(title, "Finish what you are doing.", [("snooze", self._snooze_label())], urgency=0)

    def due(self, effect: ShowDue) -> None:
        """A break is due: notification with Start, Snooze and Skip; the card after the snooze limit."""
        settings = self._settings()
        title, body = due_text(effect, settings, self._routine(effect.routine))
        reminders = settings.reminders
        can_snooze = not reminders.strict or self._snoozes_left() > 0
        can_skip = not reminders.strict
        actions = [("default", "Start"), ("start", "Start")]
        if can_snooze:
            actions.append(("snooze", self._snooze_label()))
        if can_skip:
            actions.append(("skip", "Skip"))
        if effect.level > 0:
            title = f"{title} (again)"
        self._show(title, body, actions, urgency=1 if effect.level < reminders.snooze_limit else 2)
        if effect.level >= reminders.snooze_limit or not self.buttons:
            self.card().present(title, body, self._snooze_label(), can_snooze, can_skip)

    def eyes(self) -> None:
        """The 20-20-20 prompt: a quiet note that goes by itself, replacing the last one."""
        self._eyes = self._notifier.notify(EYES_TITLE, EYES_BODY, [], self._eyes, 0, False, EYES_SHOWN_MS)
        if not self._eyes:
            self._fallback(EYES_TITLE, EYES_BODY)

    def close(self) -> None:
        """What was shown is no longer true."""
        if self.current:
            self._notifier.close(self.current)
        self.current = 0
        if self._card is not None:
            self._card.hide()

    def card(self) -> ReminderCard:
        """The reminder card, made on first use."""
        if self._card is None:
            from backbreak.ui.card import ReminderCard

            self._card = ReminderCard()
            self._card.chosen.connect(self.chosen)
        return self._card

    def _snooze_label(self) -> str:
        return f"Snooze {humanize(self._settings().reminders.snooze)}"

    def _show(self, title: str, body: str, actions: list[tuple[str, str]], urgency: int) -> None:
        sound = self._settings().reminders.sound and urgency > 0
        self.current = self._notifier.notify(title, body, actions, self.current, urgency, sound)
        if not self.current:
            self._fallback(title, body)

    def _on_action(self, nid: int, key: str) -> None:
        if nid != self.current:
            return
        self.current = 0
        if self._card is not None:
            self._card.hide()
        self.chosen.emit("start" if key == "default" else key)
