"""Shared test set-up: every test gets its own empty config, data and state dirs, and a layer marker."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from backbreak.core import i18n

# Tests read English unless they choose a language: the machine's locale must not decide what a test sees,
# here or in the apps and commands the tests start (they inherit this environment).
for _variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_variable, None)
os.environ["LANG"] = "C.UTF-8"

LAYERS = ("unit", "qt", "desktop")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        layer = Path(str(item.fspath)).parent.name
        if layer in LAYERS:
            item.add_marker(getattr(pytest.mark, layer))


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """platformdirs honours the XDG variables on Linux: point them at the test's own folder."""
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        folder = tmp_path / name.lower()
        folder.mkdir()
        monkeypatch.setenv(name, str(folder))


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """Each test starts in English, and a test that changes the language leaves English behind."""
    i18n.use(i18n.Catalogues())
    yield
    i18n.use(i18n.Catalogues())
