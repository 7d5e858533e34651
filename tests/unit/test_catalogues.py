"""The translation catalogues: complete, current, and every placeholder kept, in every shipped language.

A catalogue fails when it misses a text the sources say, carries one they no longer say, leaves one
untranslated or fuzzy, drops or renames a placeholder, adds a stray "&", or was not compiled from its .po.
The last tests break a copy of a catalogue on purpose and check that each fault is found.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from backbreak.core.languages import LANGUAGES, catalogue_name
from tools.catalogues import DOMAINS, SHIPPED, Domain, compiled, fields, problems, read, template, write


def test_every_language_backbreak_offers_ships_its_catalogues() -> None:
    assert sorted(catalogue_name(code) for code in LANGUAGES if code != "en") == sorted(SHIPPED)
    for domain in DOMAINS:
        for language in SHIPPED:
            assert domain.po(language).is_file()
            assert domain.mo(language).is_file()


@pytest.mark.parametrize("domain", DOMAINS, ids=lambda domain: domain.name)
def test_the_templates_are_what_the_sources_say_now(domain: Domain, tmp_path: Path) -> None:
    fresh = tmp_path / domain.template_path.name
    write(template(domain), fresh)
    assert fresh.read_bytes() == domain.template_path.read_bytes(), "run `make translations`"


@pytest.mark.parametrize("language", SHIPPED)
@pytest.mark.parametrize("domain", DOMAINS, ids=lambda domain: domain.name)
def test_a_shipped_language_is_complete_current_and_keeps_every_placeholder(domain: Domain, language: str) -> None:
    assert problems(domain, language) == []


def test_the_app_says_hundreds_of_texts_and_the_routines_more_than_a_hundred() -> None:
    app, routines = (len([message for message in template(domain) if message.id]) for domain in DOMAINS)
    assert app > 400
    assert routines > 140


def test_placeholders_are_read_as_written() -> None:
    assert fields("Sitting {time} · {kind} break") == ["{time}", "{kind}"]
    assert fields("no placeholder") == []
    assert fields("broken {brace") == ["(unbalanced braces)"]


@pytest.fixture
def broken(tmp_path: Path) -> Domain:
    """A copy of the German app catalogue, to break."""
    app = DOMAINS[0]
    shutil.copy(app.po("de"), tmp_path / "de.po")
    shutil.copy(app.mo("de"), tmp_path / "de.mo")
    return Domain(app.name, tmp_path, app.source)


def _edit(domain: Domain, change: object) -> None:
    catalog = read(domain.po("de"), "de")
    change(catalog)  # type: ignore[operator]
    write(catalog, domain.po("de"))
    domain.mo("de").write_bytes(compiled(read(domain.po("de"), "de")))


def test_the_broken_copy_starts_out_whole(broken: Domain) -> None:
    assert problems(broken, "de") == []


def test_a_missing_text_is_found(broken: Domain) -> None:
    _edit(broken, lambda catalog: catalog.delete("This hurts"))
    assert problems(broken, "de") == ["missing: 'This hurts'"]


def test_a_stale_text_is_found(broken: Domain) -> None:
    _edit(broken, lambda catalog: catalog.add("A text nobody says any more", "Ein Text, den niemand mehr sagt"))
    assert problems(broken, "de") == ["stale (no longer in the sources): 'A text nobody says any more'"]


def test_a_dropped_or_renamed_placeholder_is_found(broken: Domain) -> None:
    def change(catalog: Catalog) -> None:
        catalog["Snooze {time}"].string = "Verschieben"
        catalog["Paused until {time}"].string = "Pausiert bis {zeit}"

    _edit(broken, change)
    found = problems(broken, "de")
    assert len(found) == 2
    assert all(line.startswith("placeholders") for line in found)
    assert "'Snooze {time}' -> 'Verschieben'" in found[0] + found[1]


def test_an_untranslated_or_fuzzy_text_and_a_lone_ampersand_are_found(broken: Domain) -> None:
    def change(catalog: Catalog) -> None:
        catalog["Well done"].string = ""
        catalog["Back to work"].flags.add("fuzzy")
        catalog["About && safety"].string = "Über & Sicherheit"

    _edit(broken, change)
    assert problems(broken, "de") == [
        "untranslated: 'Well done'",
        "untranslated (fuzzy): 'Back to work'",
        "a lone & (Qt takes it for a shortcut key in menus and buttons): 'Über & Sicherheit'",
    ]


def test_a_catalogue_not_compiled_again_is_found(broken: Domain) -> None:
    catalog = read(broken.po("de"), "de")
    catalog["Well done"].string = "Prima"
    write(catalog, broken.po("de"))  # the .mo is left as it was
    assert problems(broken, "de") == ["de.mo is not compiled from de.po"]
