"""The translation catalogues: templates from the sources, each language's .po merged with them, .mo compiled.

Two domains, each in its folder: the app's texts (assets/locale, from the Python sources) and the routines'
words (assets/routines/locale, from the built-in routine files). In each folder: the template (.pot), one
.po per language (what translators edit), and the .mo compiled from it (what backbreak reads).

Babel (a development tool only: the app reads .mo files with the standard library) reads and writes .po
files, keeps a changed text's old translation as "fuzzy" for a translator to check, and compiles .mo.
`problems` says what is wrong with a language; the tests in tests/unit/test_catalogues.py use it.
"""

from __future__ import annotations

import datetime as dt
import io
import string
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from tools.extract import ROOT, Message, python_messages, routine_messages

SHIPPED = ("de", "fr", "es", "pt_BR", "ja")
PLURAL_FORMS = {
    "de": (2, "(n != 1)"),
    "fr": (2, "(n > 1)"),
    "es": (2, "(n != 1)"),
    "pt_BR": (2, "(n > 1)"),
    "ja": (1, "0"),
}
"""gettext's usual rules (what translators' tools expect); newer CLDR data adds a third form for millions in
French, Spanish and Portuguese, which no count backbreak shows ever reaches."""
FIXED_DATE = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
"""Every header carries this date, so a refresh that changes no text changes no file."""
BRACES = "python-brace-format"


@dataclass(frozen=True)
class Domain:
    """One set of catalogues: its name, its folder, and where its texts come from."""

    name: str
    folder: Path
    source: Callable[[], dict[tuple[str, str], Message]]

    @property
    def template_path(self) -> Path:
        """The .pot file."""
        return self.folder / f"{self.name}.pot"

    def po(self, language: str) -> Path:
        """A language's .po file."""
        return self.folder / f"{language}.po"

    def mo(self, language: str) -> Path:
        """A language's compiled .mo file."""
        return self.folder / f"{language}.mo"


DOMAINS = (
    Domain("backbreak", ROOT / "assets" / "locale", python_messages),
    Domain("routines", ROOT / "assets" / "routines" / "locale", routine_messages),
)


def template(domain: Domain) -> Catalog:
    """The catalogue of every text the sources say now, untranslated."""
    catalog = _empty(domain, None)
    for message in domain.source().values():
        msgid: str | tuple[str, str] = (message.msgid, message.plural) if message.plural else message.msgid
        flags = [BRACES] if any(field for field in fields(message.msgid)) else []
        catalog.add(
            msgid,
            locations=[(place, 0) for place in message.places],  # no line numbers: see `write`
            flags=flags,
            auto_comments=message.notes,
            context=message.context or None,
        )
    return catalog


def _empty(domain: Domain, language: str | None) -> Catalog:
    return Catalog(
        locale=language,
        domain=domain.name,
        project="backbreak",
        version="",
        copyright_holder="the backbreak authors",
        msgid_bugs_address="https://github.com/backbreak/backbreak/issues",
        last_translator="backbreak translators",
        language_team=f"{language} <https://github.com/backbreak/backbreak>" if language else "LANGUAGE",
        creation_date=FIXED_DATE,
        revision_date=FIXED_DATE,
        fuzzy=False,
    )


def read(path: Path, language: str | None = None) -> Catalog:
    """A .po or .pot file."""
    with path.open("rb") as file:
        return read_po(file, locale=language, domain=path.stem)


def write(catalog: Catalog, path: Path) -> None:
    """A .po or .pot file, unwrapped, with file names (not line numbers) for places: edits elsewhere change nothing."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, include_lineno=False, ignore_obsolete=True)
    path.write_bytes(buffer.getvalue())


def compiled(catalog: Catalog) -> bytes:
    """The .mo bytes of a catalogue (fuzzy and untranslated texts left out: they show in English).

    Babel would compile a plural text with an empty form as the English singular for every count
    ("7 day"), so one with any form missing is left out here.
    """
    for message in list(catalog):
        if message.id and isinstance(message.string, tuple | list) and not all(message.string):
            catalog.delete(message.id, context=message.context)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def refresh(languages: tuple[str, ...] = SHIPPED) -> list[Path]:
    """Write the templates, merge every language with them, compile the .mo files; returns what was written."""
    written = []
    for domain in DOMAINS:
        domain.folder.mkdir(parents=True, exist_ok=True)
        fresh = template(domain)
        write(fresh, domain.template_path)
        written.append(domain.template_path)
        for language in languages:
            path = domain.po(language)
            catalog = read(path, language) if path.exists() else _empty(domain, language)
            catalog.update(fresh, update_header_comment=False)
            catalog.revision_date = FIXED_DATE
            if language in PLURAL_FORMS:
                # Babel keeps the rule it read or derived in these two fields; there is no public setter.
                catalog._num_plurals, catalog._plural_expr = PLURAL_FORMS[language]  # type: ignore[assignment]
            write(catalog, path)
            domain.mo(language).write_bytes(compiled(read(path, language)))
            written += [path, domain.mo(language)]
    return written


def fields(text: str) -> list[str]:
    """The placeholders of a text, as written ("{time}", "{n}"), in order; [] for a text with none."""
    try:
        return [f"{{{name}}}" for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:
        return ["(unbalanced braces)"]


def problems(domain: Domain, language: str) -> list[str]:
    """Everything that keeps a language from being complete and correct; empty when there is nothing."""
    wanted = template(domain)
    catalog = read(domain.po(language), language)
    found = []
    keys = {(message.context, _singular(message.id)) for message in wanted if message.id}
    have = {(message.context, _singular(message.id)) for message in catalog if message.id}
    found += [f"missing: {key[1]!r}" for key in sorted(keys - have, key=str)]
    found += [f"stale (no longer in the sources): {key[1]!r}" for key in sorted(have - keys, key=str)]
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple | list) else [message.string]
        forms = [form or "" for form in strings]
        if message.fuzzy or not all(forms):
            found.append(f"untranslated{' (fuzzy)' if message.fuzzy else ''}: {_singular(message.id)!r}")
            continue
        if isinstance(message.id, tuple | list) and len(forms) != catalog.num_plurals:
            found.append(f"{len(forms)} plural forms, the language has {catalog.num_plurals}: {message.id[0]!r}")
        originals = [message.id] if isinstance(message.id, str) else list(message.id)
        expected = sorted(set(fields(originals[-1])) | set(fields(originals[0])))
        for form in forms:
            # A singular form may say "one" instead of its {n}; every other placeholder must stay.
            got = sorted(set(fields(form)))
            if got != expected and not (len(originals) > 1 and sorted({*got, "{n}"}) == expected):
                found.append(f"placeholders {got} instead of {expected}: {_singular(message.id)!r} -> {form!r}")
            if _lone_ampersands(form) > _lone_ampersands(originals[0]):
                found.append(f"a lone & (Qt takes it for a shortcut key in menus and buttons): {form!r}")
    if domain.mo(language).read_bytes() != compiled(read(domain.po(language), language)):
        found.append(f"{domain.mo(language).name} is not compiled from {domain.po(language).name}")
    return found


def _lone_ampersands(text: str) -> int:
    """The "&" not doubled: in a button or menu text, Qt underlines the next letter and drops the "&"."""
    return text.replace("&&", "").count("&")


def _singular(msgid: str | tuple[str, ...] | list[str]) -> str:
    return msgid if isinstance(msgid, str) else msgid[0]


if __name__ == "__main__":
    for path in refresh():
        print(path.relative_to(ROOT))
