"""The words backbreak says, in the user's language: one translation system for all of it.

Every text a person reads goes through these functions, whichever layer says it: the core (durations,
the tray's status line, the statistics in words, the safety texts), the command line and the Qt windows.
They are gettext catalogues (assets/locale for the app's texts, assets/routines/locale for the routines'),
read by the standard library's gettext: no Qt, nothing to install, plural rules from each catalogue's
header. Qt's own words (standard buttons, file dialogs) come from the qtbase catalogues PySide6 ships
(backbreak/ui/qtlanguage.py).

    _("Stretch now")                                   a sentence
    n_("{n} break", "{n} breaks", n).format(n=n)       a count, by the language's plural rules
    p_("month", "May")                                 the same English word meaning different things
    N_("Stretch now")                                  marked for the catalogue, translated where it shows
    routine_text("Chin tuck")                          a routine's words (their own catalogue)

Placeholders are named, `{name}`, so a translation can put them in its own order; tests fail when a
translation drops or renames one. Text for scripts and logs (JSON, CSV, settings keys, log lines)
stays English: it never goes through here, or goes through `in_english`.

The language is process-wide, like the translators Qt installs into its application object: it is
set once at start (backbreak/core/languages.py decides which) and again when the setting changes.
Threading a catalogue through every function that makes a sentence would not make that any less true.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager

ENGLISH = "en"


class Catalogues:
    """The language in force: its code and its two catalogues (the app's texts, the routines' texts).

    A plain class, not a dataclass: `backbreak status` imports this module, and dataclasses would bring
    inspect along (about 6 ms of the command's 50).
    """

    def __init__(
        self,
        code: str = ENGLISH,
        app: gettext.NullTranslations | None = None,
        routines: gettext.NullTranslations | None = None,
    ) -> None:
        self.code = code
        self.app = app or gettext.NullTranslations()
        self.routines = routines or gettext.NullTranslations()


_active = Catalogues()
"""English (the source language) until `use` says otherwise; every lookup reads it."""


def use(catalogues: Catalogues) -> None:
    """Speak this language from now on (backbreak/core/languages.py loads it)."""
    global _active
    _active = catalogues


def active() -> Catalogues:
    """The language in force."""
    return _active


@contextmanager
def in_english() -> Iterator[None]:
    """English inside the block: for `status --json` and other text for scripts, whatever the user reads."""
    kept = _active
    use(Catalogues())
    try:
        yield
    finally:
        use(kept)


def _(message: str) -> str:
    """`message` in the user's language."""
    return _active.app.gettext(message)


def n_(singular: str, plural: str, count: int) -> str:
    """The form for `count` in the user's language (some languages have one form, some three)."""
    return _active.app.ngettext(singular, plural, count)


def p_(context: str, message: str) -> str:
    """`message` as meant in `context` ("month", "weekday"), in the user's language."""
    return _active.app.pgettext(context, message)


def N_(message: str) -> str:  # noqa: N802 - gettext's name for it, which translators and tools know
    """Mark `message` for the catalogue where it is defined; `_` translates it where it is shown."""
    return message


KEEPS_CAPITALS = frozenset({"de"})
"""Languages that write a noun with its capital inside a sentence (German: "Atemzug", never "atemzug")."""


def mid_sentence(word: str) -> str:
    """A label ("Tuck", "Breath") as it reads inside a sentence: "Hold 2 s · tuck 3 of 4"."""
    return word if _active.code in KEEPS_CAPITALS else word[:1].lower() + word[1:]


def routine_text(text: str) -> str:
    """A routine's title, line or note in the user's language ("" stays ""; a user's own routine as written)."""
    return _active.routines.gettext(text) if text else text
