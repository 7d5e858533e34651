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
from backbreak.core.i18n import N_, _
from backbreak.core.settings import Settings
from backbreak.ports import Notifier

if TYPE_CHECKING:
    from backbreak.ui.card import ReminderCard

EYES_TITLE = N_("Rest your eyes")
EYES_BODY = N_("Look at something at least 6 m (20 ft) away for 20 seconds.")
EYES_SHOWN_MS = 30_000  # long enough to read and do; it goes by itself


def due_text(effect: ShowDue, settings: Settings, routine: tuple[str, float]) -> tuple[str, str]:
    """The words of a due reminder: kind, never guilt, and how long it really takes.

    `routine` is the title and the length in seconds of the routine the break would run.
    """
    if effect.kind is BreakKind.MOVE:
        return _("Time to stand up"), _("Walk about for {time}: walking does more than standing.").format(
            time=humanize(settings.move.length)
        )
    title, seconds = routine
    if seconds > 0:
        return _("Time for a stretch"), _("{routine}, about {time}, guided step by step.").format(
            routine=title, time=humanize(seconds)
        )
    return _("Time for a stretch"), _("{routine}, guided step by step.").format(routine=title)


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
        if effect.kind is BreakKind.STRETCH:
            title = _("Stretch break in {time}").format(time=humanize(effect.in_seconds))
        else:
            title = _("Move break in {time}").format(time=humanize(effect.in_seconds))
        self._show(title, _("Finish what you are doing."), [("snooze", self._snooze_label())], urgency=0)

    def due(self, effect: ShowDue) -> None:
        """A break is due: notification with Start, Snooze and Skip; the card after the snooze limit."""
        settings = self._settings()
        title, body = due_text(effect, settings, self._routine(effect.routine))
        reminders = settings.reminders
        can_snooze = not reminders.strict or self._snoozes_left() > 0
        can_skip = not reminders.strict
        actions = [("default", _("Start")), ("start", _("Start"))]
        if can_snooze:
            actions.append(("snooze", self._snooze_label()))
        if can_skip:
            actions.append(("skip", _("Skip")))
        if effect.level > 0:
            title = _("{title} (again)").format(title=title)
        self._show(title, body, actions, urgency=1 if effect.level < reminders.snooze_limit else 2)
        if effect.level >= reminders.snooze_limit or not self.buttons:
            self.card().present(title, body, self._snooze_label(), can_snooze, can_skip)

    def eyes(self) -> None:
        """The 20-20-20 prompt: a quiet note that goes by itself, replacing the last one."""
        title, body = _(EYES_TITLE), _(EYES_BODY)
        self._eyes = self._notifier.notify(title, body, [], self._eyes, 0, False, EYES_SHOWN_MS)
        if not self._eyes:
            self._fallback(title, body)

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
        return _("Snooze {time}").format(time=humanize(self._settings().reminders.snooze))

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
