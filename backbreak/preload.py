"""The heavy Qt-free libraries the tray app needs, imported before PySide6 is.

WORKAROUND (PySide6 6.x, shibokensupport/feature.py; napari/napari#8584): from its first import on,
PySide6 hooks `__import__` so that `from __feature__ import snake_case` can work per module. The hook
checks every module it has not seen yet for the word "PySide6" with `inspect.getsource`, and that
reads the module's whole source into `linecache`, where it stays for the life of the process. Modules
loaded before PySide6 (and the submodules they load) are never seen by the hook.

Only the heavy ones come here: APScheduler (about 130 modules: asyncio, email, importlib.metadata,
multiprocessing), and what the start path needs before the icon anyway (logging.handlers,
platformdirs). Measured (2026-12-01): importing APScheduler after PySide6 instead costs 5.2 MB more RSS
at idle, and `linecache.clearcache()` with `malloc_trim` after start-up gives back only 0.7 MB of it
(the freed text stays as holes in the heap), so the order stays. Our own modules (about 0.3 MB of
source) and the small ones they use (sqlite3, tomllib, tomli_w, csv: under 0.1 MB) load after the tray
icon shows (backbreak/startup.py): the icon comes some 70 ms sooner that way.
tests/qt/test_preload.py checks the order holds for the heavy ones.

The start path (`backbreak/__main__.py`) imports this module before anything imports PySide6.
"""

from __future__ import annotations

import logging.handlers  # noqa: F401

import platformdirs  # noqa: F401

# Last: the scheduler adapter imports APScheduler before its own first PySide6 import.
import backbreak.runtime.scheduler  # noqa: F401  # isort: skip
