"""Settings change while backbreak runs: a hand edit of settings.toml applies at once, a broken one
is kept aside and repaired, and the statistics reflect the history."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from tests.desktop.conftest import App
from tests.desktop.session import wait_until

Cli = Callable[..., subprocess.CompletedProcess[str]]


def next_break_in(cli: Cli) -> int:
    status = json.loads(cli("status", "--json").stdout)
    return int(status["next_break"]["in_seconds"])


def test_a_hand_edit_moves_the_next_break_at_once(start_app: Callable[..., App], home: Path, cli: Cli) -> None:
    settings = home / "config" / "backbreak" / "settings.toml"
    settings.parent.mkdir(parents=True)
    settings.write_text("schema_version = 1\n[stretch]\nenabled = false\n")
    start_app().wait_for_output("started")
    assert 1700 < next_break_in(cli) <= 1800
    settings.write_text('schema_version = 1\n[stretch]\nenabled = false\n[move]\nevery = "45m"\n')
    wait_until(lambda: next_break_in(cli) > 2600, 10, "the edit to apply")


def test_a_broken_hand_edit_is_kept_aside_and_the_rest_applies(
    start_app: Callable[..., App], home: Path, cli: Cli
) -> None:
    folder = home / "config" / "backbreak"
    folder.mkdir(parents=True)
    (folder / "settings.toml").write_text("schema_version = 1\n[stretch]\nenabled = false\n")
    app = start_app()
    app.wait_for_output("started")
    broken = 'schema_version = 1\n[stretch]\nenabled = false\n[move]\nevery = "soon"\nlength = "3m"\n'
    (folder / "settings.toml").write_text(broken)
    wait_until(lambda: list(folder.glob("settings.toml.broken-*")), 10, "the broken file to be kept aside")
    kept = list(folder.glob("settings.toml.broken-*"))
    assert [path.read_text() for path in kept] == [broken]
    wait_until(lambda: "settings.toml line 5: move.every" in app.output(), 10, "the message naming the key")
    repaired = (folder / "settings.toml").read_text()
    assert 'length = "3m"' in repaired  # the valid key is kept
    assert 'every = "30m"' in repaired  # the wrong one is the default
    assert 1700 < next_break_in(cli) <= 1800
