"""PySide6 6.12.0 on CPython 3.11 drops a reference to None on every void C++ call and the interpreter
later aborts (shared/PLATFORM.md section 0). The dependency pins make that pair impossible; this test
proves that a long run of void Qt calls neither leaks None nor aborts, on whatever pair is installed."""

from __future__ import annotations

import os
import subprocess
import sys

import PySide6

SCRIPT = """
import gc, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label, timer = QLabel(), QTimer()
before = sys.getrefcount(None)
for i in range(20_000):
    label.setText("x")      # void
    label.update()          # void
    timer.start(1000)       # void
    timer.stop()            # void
gc.collect()
drift = sys.getrefcount(None) - before
print(drift)
sys.exit(0 if drift > -1000 else 3)
"""


def test_twenty_thousand_void_calls_do_not_abort() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120)
    versions = f"PySide6 {PySide6.__version__} on Python {sys.version.split()[0]}"
    assert done.returncode == 0, f"{versions}: exit {done.returncode}\n{done.stderr[-2000:]}"
    assert int(done.stdout.split()[-1]) > -1000, f"{versions} leaks references to None"


def test_the_pins_exclude_the_aborting_pair() -> None:
    major_minor = tuple(int(part) for part in PySide6.__version__.split(".")[:2])
    assert not (sys.version_info[:2] == (3, 11) and major_minor >= (6, 12))
