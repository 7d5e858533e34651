"""Which language backbreak speaks, and what it says in it: the choice, durations and plurals, the status line,
the command line's words (while `--json` stays English), and the pseudo-language."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import pytest
from backbreak import cli
from backbreak.core import i18n
from backbreak.core.calendarwords import date_words
from backbreak.core.durations import humanize
from backbreak.core.languages import LANGUAGES, PSEUDO, choose, coverage, from_environment, match, setting_in, speak
from backbreak.core.phases import BreakKind, Phase
from backbreak.core.pseudo import CLOSE, OPEN, pseudo, unmarked
from backbreak.core.routines import builtin_folder, load_routines
from backbreak.core.routinewords import translated
from backbreak.core.statusline import status_line, status_line_of

STATUS = {
    "version": "0.1.0",
    "state": "working",
    "sitting_seconds": 1380,
    "next_break": {"kind": "stretch", "in_seconds": 1620},
    "paused_until": None,
    "snoozes_left": 3,
    "waiting_for": None,
    "idle_source": "x11",
    "tooltip": "Sitting 23 min · stretch break in 27 min",
}


@pytest.mark.parametrize(
    ("environ", "spoken"),
    [
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "fr_CA.UTF-8"}, "fr"),
        ({"LANG": "es_MX.UTF-8"}, "es"),
        ({"LANG": "pt_BR.UTF-8"}, "pt-BR"),
        ({"LANG": "pt_PT.UTF-8"}, "pt-BR"),  # the one Portuguese there is, rather than English
        ({"LANG": "ja_JP.UTF-8"}, "ja"),
        ({"LANG": "nl_NL.UTF-8"}, "en"),
        ({"LANG": "en_GB.UTF-8", "LANGUAGE": "nl:fr:de"}, "fr"),  # the first of the list we have
        ({"LANG": "de_DE.UTF-8", "LC_MESSAGES": "ja_JP.UTF-8"}, "ja"),
        ({"LANG": "de_DE.UTF-8", "LC_ALL": "es_ES.UTF-8"}, "es"),
        ({"LC_ALL": "C", "LANGUAGE": "de"}, "en"),  # gettext ignores LANGUAGE under the C locale
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_system_language_follows_gettexts_variables(environ: dict[str, str], spoken: str) -> None:
    assert choose("auto", environ) == spoken


def test_the_setting_wins_and_the_desktop_speaks_where_the_variables_are_silent() -> None:
    assert choose("ja", {"LANG": "de_DE.UTF-8"}) == "ja"
    assert choose("auto", {}, ["fr-FR", "en-US"]) == "fr"
    assert choose("auto", {"LANG": "de_DE.UTF-8"}, ["fr-FR"]) == "de"
    assert choose("xx", {"LANG": "de_DE.UTF-8"}) == "de"  # a code backbreak does not have: as if "auto"
    assert from_environment({"LANGUAGE": "fr:de", "LANG": "es_ES.UTF-8"}) == ["fr", "de", "es_ES.UTF-8"]
    assert match("DE-at") == "de"
    assert match("pt") == "pt-BR"
    assert match("zh_CN") is None


def test_the_command_line_reads_the_setting_without_a_toml_parser(tmp_path: Path) -> None:
    settings = tmp_path / "settings.toml"
    assert setting_in(settings) == "auto"  # no file
    settings.write_text('schema_version = 1\n[move]\nlanguage = "fr"\n[ui]\ntheme = "dark"\nlanguage = "ja"\n')
    assert setting_in(settings) == "ja"
    settings.write_text('[ui]\ntheme = "dark"  # no language line\n')
    assert setting_in(settings) == "auto"


def test_durations_and_plurals_follow_the_language() -> None:
    speak("de", {})
    assert [humanize(45), humanize(27 * 60), humanize(65 * 60), humanize(120 * 60)] == [
        "45 s",
        "27 min",
        "1 h 5 min",
        "2 h",
    ]
    assert i18n.n_("{n} day", "{n} days", 1).format(n=1) == "1 Tag"
    assert i18n.n_("{n} day", "{n} days", 3).format(n=3) == "3 Tage"
    assert date_words(dt.date(2026, 11, 24)) == "Di, 24. Nov."
    assert date_words(dt.date(2026, 11, 24), long=True) == "Dienstag, 24. November"


def test_the_status_line_speaks_the_language() -> None:
    upcoming = (BreakKind.STRETCH, 27 * 60)
    assert status_line(Phase.WORKING, 23 * 60, upcoming) == "Sitting 23 min · stretch break in 27 min"
    speak("de", {})
    assert status_line(Phase.WORKING, 23 * 60, upcoming) == "Sitzen seit 23 min · Dehnpause in 27 min"
    assert status_line(Phase.DUE, 31 * 60, (BreakKind.MOVE, 0), waiting_for="call") == (
        "Sitzen seit 31 min · Bewegungspause jetzt fällig (wartet auf: Anruf)"
    )
    paused = dt.datetime(2026, 11, 24, 14, 30, tzinfo=dt.UTC)
    assert status_line(Phase.PAUSED, 0, None, paused) == "Pausiert bis 14:30"
    assert status_line_of(STATUS) == "Sitzen seit 23 min · Dehnpause in 27 min"
    assert status_line_of({**STATUS, "state": "a-state-from-a-newer-app"}) == STATUS["tooltip"]


def _status_command(json_flag: bool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.setattr(cli.paths, "socket_file", lambda: Path("/nonexistent/control.sock"))  # never opened
    monkeypatch.setattr(cli.ipc, "request", lambda path, command, args=None, **kw: dict(STATUS))
    assert cli.run_client(argparse.Namespace(command="status", json=json_flag)) == cli.EXIT_OK
    return capsys.readouterr().out


def test_status_speaks_the_language_and_status_json_does_not_change(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    english = _status_command(False, monkeypatch, capsys)
    english_json = _status_command(True, monkeypatch, capsys)
    speak("de", {})
    assert _status_command(False, monkeypatch, capsys) == "Sitzen seit 23 min · Dehnpause in 27 min\n"
    assert english == "Sitting 23 min · stretch break in 27 min\n"
    german_json = _status_command(True, monkeypatch, capsys)
    assert german_json == english_json
    assert json.loads(german_json) == STATUS


def test_in_english_lends_english_for_a_moment() -> None:
    speak("de", {})
    with i18n.in_english():
        assert humanize(300) == "5 min"
    assert humanize(300) == "5 min"


def test_routines_speak_the_language_and_keep_their_names_and_timing() -> None:
    desk = load_routines([builtin_folder()]).routines["desk-2"]
    speak("de", {})
    german = translated(desk)
    assert german.title == "Schreibtisch-Reset"
    assert german.steps[0].lines[0] == "Sitzen Sie aufrecht und schauen Sie geradeaus."
    assert (german.name, german.total, [step.id for step in german.steps]) == (
        desk.name,
        desk.total,
        [step.id for step in desk.steps],
    )
    assert german.steps[1].parts[0].label == "Kreisen"


def test_about_counts_each_language_as_complete_or_not() -> None:
    found = {language.code: language for language in coverage()}
    assert set(found) == set(LANGUAGES) - {"en"}
    assert found["de"].complete
    assert found["de"].total > 500


def test_the_pseudo_language_marks_every_text_keeps_placeholders_and_makes_it_longer() -> None:
    said = pseudo("Snooze {time} && go")
    assert said.startswith(OPEN)
    assert said.endswith(CLOSE)
    assert "{time}" in said
    assert "&&" in said
    assert len(pseudo("Research suggests breaking up sitting")) >= 1.4 * len("Research suggests breaking up sitting")
    assert unmarked(f"{pseudo('Sitting {time}').format(time=pseudo('5 min'))} 12:30") == " 12:30"
    assert unmarked(f"{pseudo('Sitting')} left out") == " left out"
    speak(PSEUDO, {})
    assert humanize(300).startswith(OPEN)
