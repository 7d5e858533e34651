"""Which language backbreak speaks, and loading its catalogues.

The setting `[ui] language` is "auto" (follow the system) or one of the codes below. The system's
language comes from the same variables gettext reads, in its order: LANGUAGE (a list, "fr:de"), then
LC_ALL, LC_MESSAGES, LANG; a "C" or "POSIX" locale means English whatever LANGUAGE says. Where none is
set (Windows, macOS), the caller passes the languages the desktop prefers (Qt's uiLanguages).
The first one backbreak has wins; a regional variant falls back to the language ("de_AT" -> German,
"pt_PT" -> the Brazilian Portuguese we have), and with none of them, English.

The catalogues are gettext .mo files compiled from the .po files beside them; a language loads in about
a millisecond, and English loads nothing at all.
"""

from __future__ import annotations

import gettext
import importlib
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from backbreak.core import i18n
from backbreak.core.i18n import ENGLISH, Catalogues

AUTO = "auto"
PSEUDO = "pseudo"
"""The test language of backbreak/core/pseudo.py: never offered, but accepted where a code is."""

LANGUAGES: dict[str, str] = {
    ENGLISH: "English",
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
    "pt-BR": "Português (Brasil)",
    "ja": "日本語",
}
"""The languages backbreak speaks, each by its own name (a person looks for their language in it)."""

# The top-level assets/ folder, which the wheel carries as backbreak.assets (pyproject.toml); found through
# the import system, which knows where it is installed (or, in a development install, where the tree is).
_ASSETS = Path(str(importlib.import_module("backbreak.assets").__file__)).parent
APP_FOLDER = _ASSETS / "locale"
ROUTINES_FOLDER = _ASSETS / "routines" / "locale"
_ENVIRONMENT = ("LC_ALL", "LC_MESSAGES", "LANG")


def catalogue_name(code: str) -> str:
    """The file stem of a language's catalogues: gettext's form ("pt_BR"), not the setting's ("pt-BR")."""
    return code.replace("-", "_")


def from_environment(environ: Mapping[str, str]) -> list[str]:
    """The languages the environment asks for, in gettext's order, as written there ("de_DE.UTF-8")."""
    locale = next((environ[name] for name in _ENVIRONMENT if environ.get(name)), "")
    if locale.split(".")[0] in ("C", "POSIX"):
        return [ENGLISH]  # gettext itself ignores LANGUAGE under the C locale
    wanted = [part for part in environ.get("LANGUAGE", "").split(":") if part]
    return [*wanted, locale] if locale else wanted


def match(tag: str) -> str | None:
    """The language backbreak has for a locale or language tag ("de_DE.UTF-8", "pt-PT", "ja"), or None."""
    cleaned = tag.split(".")[0].split("@")[0].replace("_", "-")
    language, _, region = cleaned.partition("-")
    language = language.lower()
    exact = f"{language}-{region.upper()}" if region else language
    if exact in LANGUAGES:
        return exact
    if language in LANGUAGES:
        return language
    # A region we do not have: the language's one variant ("pt-PT" reads the Brazilian catalogue).
    return next((code for code in LANGUAGES if code.split("-")[0] == language), None)


def choose(setting: str, environ: Mapping[str, str], desktop: Iterable[str] = ()) -> str:
    """The language to speak: the setting's, else the first of the system's that backbreak has, else English."""
    if setting != AUTO and (setting in LANGUAGES or setting == PSEUDO):
        return setting
    for tag in [*from_environment(environ), *desktop]:
        found = match(tag)
        if found is not None:
            return found
    return ENGLISH


def load(code: str) -> Catalogues:
    """The catalogues of `code` (English: none; a missing file: English for that part, never a failure)."""
    if code == PSEUDO:
        from backbreak.core.pseudo import PseudoTranslations  # for tests: nothing a user's start loads

        return Catalogues(code, PseudoTranslations(), PseudoTranslations())
    if code == ENGLISH or code not in LANGUAGES:
        return Catalogues()
    name = f"{catalogue_name(code)}.mo"
    return Catalogues(code, _read(APP_FOLDER / name), _read(ROUTINES_FOLDER / name))


def speak(setting: str, environ: Mapping[str, str], desktop: Iterable[str] = ()) -> str:
    """Speak the language `choose` picks from now on (nothing to load when it already is); returns its code."""
    code = choose(setting, environ, desktop)
    if code != i18n.active().code:
        i18n.use(load(code))
    return code


_SIMPLE_SETTING = re.compile(r'\s*language\s*=\s*"([A-Za-z-]*)"\s*(#.*)?')


def setting_in(path: Path) -> str:
    """`[ui] language` in settings.toml, read without a TOML parser (the command line's start stays quick).

    The line as backbreak writes it (`language = "de"` in the [ui] table) is read here; any other way of
    writing it reads as "auto" until the app loads the file properly and says the same thing.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return AUTO
    table = ""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("["):
            table = stripped.split("]")[0].strip("[ ")
        elif table == "ui" and (found := _SIMPLE_SETTING.fullmatch(line)):
            return found.group(1)
    return AUTO


def _read(path: Path) -> gettext.NullTranslations:
    try:
        with path.open("rb") as file:
            return gettext.GNUTranslations(file)
    except OSError:
        return gettext.NullTranslations()


class Coverage(NamedTuple):
    """How much of a language's catalogues is translated (a NamedTuple: no dataclasses on the CLI's path)."""

    code: str
    translated: int
    total: int

    @property
    def complete(self) -> bool:
        """Every text has its translation."""
        return self.translated >= self.total


def coverage(folders: Sequence[Path] = (APP_FOLDER, ROUTINES_FOLDER)) -> list[Coverage]:
    """Each language's share of translated texts, counted from the files (About shows it)."""
    totals = sum(_template_size(folder) for folder in folders)
    found = []
    for code in LANGUAGES:
        if code != ENGLISH:
            done = sum(_compiled_size(folder / f"{catalogue_name(code)}.mo") for folder in folders)
            found.append(Coverage(code, done, totals))
    return found


def _template_size(folder: Path) -> int:
    """The texts in a folder's template (.pot): its msgid lines, less the header's."""
    try:
        (template,) = folder.glob("*.pot")
        lines = template.read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError):
        return 0
    return sum(1 for line in lines if line.startswith("msgid ")) - 1


def _compiled_size(path: Path) -> int:
    """The translated texts in a .mo file: its count (bytes 8 to 12) less the header's entry."""
    try:
        with path.open("rb") as file:
            head = file.read(12)
    except OSError:
        return 0
    if len(head) < 12:
        return 0
    little = head[:4] == b"\xde\x12\x04\x95"  # gettext's magic number, as written on a little-endian machine
    return max(0, int.from_bytes(head[8:12], "little" if little else "big") - 1)
