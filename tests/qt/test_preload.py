"""The start path keeps PySide6's per-import source check off the heavy modules, and cheap for the rest.

See backbreak/preload.py. Each probe runs in a fresh interpreter: this test process has long since
imported PySide6 and everything else.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

# What the start path does, in its order; then what PySide6's hook has checked and what linecache holds.
START_PATH = """
import json, linecache, sys
import backbreak.preload
from backbreak.runtime.instance import InstanceLock
from backbreak.ui.tray import Tray  # the icon
from backbreak import app  # then the rest
import colorsys  # a module loaded after all of that: the hook still sees it, linecache must not
feature = sys.modules.get("shibokensupport.feature")
print(json.dumps({
    "hooked": feature is not None and hasattr(feature, "pyside_feature_dict"),
    "checked": sorted(getattr(feature, "pyside_feature_dict", {})),
    "held": sorted(linecache.cache),
}))
"""

# PySide6's own check against ours, on every module the tray app loads.
AGREEMENT = """
import json, sys
import PySide6.QtCore
feature = sys.modules["shibokensupport.feature"]
pysides_own = feature._mod_uses_pyside
from backbreak import preload
preload.check_imports_cheaply()
import backbreak.app, backbreak.ui.settingswindow, backbreak.ui.stretch.window
cheap = feature._mod_uses_pyside
modules = [m for m in list(sys.modules.values()) if getattr(m, "__file__", None)]
differ = [m.__name__ for m in modules if cheap(m) != pysides_own(m)]
print(json.dumps({"compared": len(modules), "uses": sum(map(cheap, modules)), "differ": differ}))
"""

# The heavy Qt-free packages the tray app loads before PySide6, so the hook never checks them at all.
HEAVY = ("apscheduler", "asyncio", "email", "importlib.metadata", "multiprocessing")


def probe(code: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    found: dict[str, Any] = json.loads(out.splitlines()[-1])
    return found


def test_start_path_loads_the_heavy_modules_before_pyside_and_keeps_no_source() -> None:
    found = probe(START_PATH)
    if not found["hooked"]:
        pytest.skip("this PySide6 no longer checks each import: backbreak/preload.py can go")
    assert "colorsys" in found["checked"]  # the hook is live, so what follows means something
    assert [name for name in found["checked"] if name.startswith(HEAVY)] == []
    assert found["held"] == []


def test_the_cheap_check_answers_as_pysides_own_does() -> None:
    found = probe(AGREEMENT)
    assert found["compared"] > 200
    assert 0 < found["uses"] < found["compared"]  # both answers occur, so agreement is not trivial
    assert found["differ"] == []
