"""Start at login writes and removes an XDG autostart entry (no Qt needed)."""

from __future__ import annotations

import os
from pathlib import Path

from backbreak.platform import autostart


def test_start_at_login_writes_and_removes_the_entry() -> None:
    entry = autostart.entry_path()
    assert entry.is_relative_to(Path(os.environ["XDG_CONFIG_HOME"]))  # the test's own folder
    autostart.XdgAutostart().apply(True)
    text = entry.read_text()
    assert "Exec=" in text
    assert "backbreak" in text.split("Exec=")[1].splitlines()[0]
    autostart.XdgAutostart().apply(False)
    assert not entry.exists()
    autostart.XdgAutostart().apply(False)  # removing twice is fine
