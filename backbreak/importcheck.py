"""PySide6, imported first and told to check new imports cheaply.

WORKAROUND (PySide6 6.x, shibokensupport/feature.py, PYSIDE-2029; napari/napari#8584): from its first
import on, PySide6 hooks `__import__` so that `from __feature__ import snake_case` can work per module.
The hook checks every module it has not seen yet for the word "PySide6" with `inspect.getsource`, and
that reads the module's whole source into `linecache`, where it stays for the life of the process.
`check_imports_cheaply` gives the hook the same answer from a plain read of the file's bytes, which
nothing keeps: same question, none of `inspect`'s line splitting and no `linecache`. Modules without a
plain .py file still go to PySide6's own check.

Measured (2026-12-01, start to idle, offscreen): PySide6's own check took 13-14 ms over the 129 modules
then loaded after PySide6 and held 1.7 M characters of source; the plain read takes 3.5-3.8 ms and
holds nothing (idle RSS 79.8 -> 75.5 MB). Before this, the start path imported APScheduler (about
130 modules: asyncio, email, importlib.metadata, multiprocessing) ahead of PySide6 to keep it out of
the hook, which put 44 ms of imports before the tray icon; now it loads after the icon like the rest
of the app, at a cost of about 4 ms of cheap checks.
tests/qt/test_importcheck.py checks that no source is held and that both checks agree on every module.

The start path (`backbreak/__main__.py`) imports this module before anything else imports PySide6.
"""

from __future__ import annotations

import linecache
import sys
from collections.abc import Callable
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (the hook comes with it)

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
    # What PySide6's own first imports (enum, typing, warnings...) left there goes too.
    linecache.clearcache()
    return True


check_imports_cheaply()
