"""The heavy Qt-free libraries the tray app needs, imported before PySide6; then PySide6's import check made cheap.

WORKAROUND (PySide6 6.x, shibokensupport/feature.py, PYSIDE-2029; napari/napari#8584): from its first
import on, PySide6 hooks `__import__` so that `from __feature__ import snake_case` can work per module.
The hook checks every module it has not seen yet for the word "PySide6" with `inspect.getsource`, and
that reads the module's whole source into `linecache`, where it stays for the life of the process.

Two parts (measured 2026-12-01, start to idle, offscreen):
- Order. Modules loaded before PySide6 (and the submodules they load) are never checked at all. Only the
  heavy ones come here: APScheduler (about 130 modules: asyncio, email, importlib.metadata,
  multiprocessing), and what the start path needs before the icon anyway (logging.handlers,
  platformdirs). Our own modules and the small ones they use load after the tray icon shows
  (backbreak/startup.py): the icon comes some 70 ms sooner that way.
- `check_imports_cheaply` gives the hook the same answer from a plain read of the file's bytes, which
  nothing keeps: same question ("does the source say PySide6?"), none of `inspect`'s line splitting
  and no `linecache`. Modules without a plain .py file still go to PySide6's own check. Measured over
  the 129 modules that still load after PySide6: 13-14 ms -> 3.5-3.8 ms, and 1.7 M characters of
  source no longer held: idle RSS 79.8 -> 75.5 MB.
tests/qt/test_preload.py checks both still hold (and that both checks agree) on the PySide6 installed.

The start path (`backbreak/__main__.py`) imports this module before anything imports PySide6.
"""

from __future__ import annotations

import linecache
import logging.handlers  # noqa: F401
import sys
from collections.abc import Callable
from types import ModuleType

import platformdirs  # noqa: F401

# Last: the scheduler adapter imports APScheduler before its own first PySide6 import.
import backbreak.runtime.scheduler  # noqa: F401  # isort: skip

_FEATURE_MODULE = "shibokensupport.feature"
_CHECK = "_mod_uses_pyside"


def check_imports_cheaply() -> bool:
    """Swap PySide6's per-import source check for a plain read; False where this PySide6 has none."""
    feature = sys.modules.get(_FEATURE_MODULE)
    pysides_own: Callable[[ModuleType], bool] | None = getattr(feature, _CHECK, None)
    if pysides_own is None or getattr(pysides_own, "cheap", False):
        return False

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return pysides_own(module)

    uses_pyside.cheap = True  # type: ignore[attr-defined]
    setattr(feature, _CHECK, uses_pyside)
    # What PySide6 read before this point (its own first imports: enum, typing, warnings...) goes too.
    linecache.clearcache()
    return True


check_imports_cheaply()
