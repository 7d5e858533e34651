"""A pseudo-language for tests: every translated text in markers, its letters accented, each word 40 % longer.

"Stretch now" becomes "⟦Šţŕéţçĥ~~~ ñóŵ~⟧". A window opened in it shows at a glance (and to a test) any
text that did not go through the catalogue, because that text has no markers; and it shows where a
longer language (German runs 30 to 40 % longer than English) would be cut off or push a window wider.
Placeholders ("{time}") are left as they are, so formatting works, and the value put in stays readable.
Words grow each by itself, so a long sentence still wraps at its spaces as a real translation would.
"""

from __future__ import annotations

import gettext
import re

OPEN, CLOSE = "⟦", "⟧"
GROWTH = 0.4
PAD = "~"

_ACCENTED = str.maketrans(
    "abcdeghiklnorstuwyzABCDEGHIKLNORSTUWYZ",
    "áƀçđéĝĥíķĺñóŕšţúŵýžÁƁÇĐÉĜĤÍĶĹÑÓŔŠŢÚŴÝŽ",
)
_PIECES = re.compile(r"(\{[^{}]*\}|&&|[^\W\d_]+)")
"""Placeholders and "&&" (a literal & in a menu) stay as they are; runs of letters are words."""


def pseudo(text: str) -> str:
    """`text` marked, accented and lengthened; placeholders untouched."""
    if not text:
        return text
    return OPEN + _PIECES.sub(_grow, text) + CLOSE


def _grow(match: re.Match[str]) -> str:
    piece = match.group(0)
    if piece.startswith("{") or piece == "&&":
        return piece
    return piece.translate(_ACCENTED) + PAD * max(1, round(len(piece) * GROWTH))


class PseudoTranslations(gettext.NullTranslations):
    """Answers every lookup with the pseudo form of the English text."""

    def gettext(self, message: str) -> str:
        """The pseudo form."""
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        """The pseudo form of the English singular or plural."""
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        """The pseudo form; the context only tells translators apart."""
        return pseudo(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        """The pseudo form of the English singular or plural."""
        return pseudo(msgid1 if n == 1 else msgid2)


def unmarked(text: str) -> str:
    """What of `text` lies outside every pair of markers (nested pairs too): "" when it was all translated."""
    out, depth = [], 0
    for char in text:
        if char == OPEN:
            depth += 1
        elif char == CLOSE and depth:
            depth -= 1
        elif depth == 0:
            out.append(char)
    return "".join(out)
