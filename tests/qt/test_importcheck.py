"""PySide6's per-import check stays cheap on the start path, and only what the icon needs loads before it.

See backbreak/importcheck.py. Each probe runs in a fresh interpreter: this test process has long since
imported PySide6 and everything else.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

# What the start path does, in its order: what is loaded when the icon can show, then after the rest.
START_PATH = """
import json, linecache, sys
import backbreak.importcheck
from backbreak import paths, startup
from backbreak.runtime.instance import InstanceLock
from backbreak.runtime.unixsignals import SignalWatcher
from backbreak.ui.tray import QtTrayHost, Tray  # the icon
at_icon = sorted(sys.modules)
from backbreak import app  # then the rest
import colorsys  # a module loaded after all of that: the hook still sees it, linecache must not
feature = sys.modules.get("shibokensupport.feature")
print(json.dumps({
    "checked": sorted(getattr(feature, "pyside_feature_dict", {})),
    "at_icon": at_icon,
    "held": sorted(linecache.cache),
}))
"""

# PySide6's own check against ours, on every module the tray app loads.
AGREEMENT = """
import json, sys
import PySide6.QtCore
feature = sys.modules["shibokensupport.feature"]
pysides_own = feature._mod_uses_pyside
from backbreak import importcheck
import backbreak.app, backbreak.ui.settingswindow, backbreak.ui.stretch.window
cheap = feature._mod_uses_pyside
modules = [m for m in list(sys.modules.values()) if getattr(m, "__file__", None)]
differ = [m.__name__ for m in modules if cheap(m) != pysides_own(m)]
print(json.dumps({"compared": len(modules), "uses": sum(map(cheap, modules)), "differ": differ}))
"""

# Heavy packages the tray app needs only once it runs: none may load before the icon shows.
AFTER_THE_ICON = ("apscheduler", "asyncio", "email", "multiprocessing", "sqlite3", "backbreak.app")


def probe(code: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    found: dict[str, Any] = json.loads(out.splitlines()[-1])
    return found


def test_the_start_path_keeps_no_source_and_loads_only_the_icons_needs_first() -> None:
    found = probe(START_PATH)
    assert [name for name in found["at_icon"] if name.startswith(AFTER_THE_ICON)] == []
    assert "apscheduler.events" in found["checked"]  # loaded later, and the hook saw it...
    assert found["held"] == []  # ...without keeping its source, or anyone else's


def test_the_cheap_check_answers_as_pysides_own_does() -> None:
    found = probe(AGREEMENT)
    assert found["compared"] > 200
    assert 0 < found["uses"] < found["compared"]  # both answers occur, so agreement is not trivial
    assert found["differ"] == []
