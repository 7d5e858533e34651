"""Everything the tray app needs that does not use Qt, imported before PySide6 is.

WORKAROUND (PySide6 6.x, shibokensupport/feature.py; napari/napari#8584): from its first import on,
PySide6 hooks `__import__` so that `from __feature__ import snake_case` can work per module. The hook
checks every module it has not seen yet for the word "PySide6" with `inspect.getsource`, and that
reads the module's whole source into `linecache`, where it stays for the life of the process. Modules
loaded before PySide6 (and the submodules they load) are never seen by the hook. Loading APScheduler,
sqlite3, the TOML readers and our own core here first keeps about 4 MB of source text out of a process
that sits in the tray all day (measured with `make bench`; tests/qt/test_preload.py checks it holds).

The start path (`backbreak/__main__.py`) imports this module before anything imports PySide6.
"""

from __future__ import annotations

import csv  # noqa: F401  (the statistics export)
import logging.handlers  # noqa: F401
import sqlite3  # noqa: F401

import platformdirs  # noqa: F401
import tomli_w  # noqa: F401

import backbreak.core.engine
import backbreak.core.history
import backbreak.core.routines
import backbreak.core.settingsfile
import backbreak.core.stats
import backbreak.core.status
import backbreak.ipc
import backbreak.paths

# Last: the scheduler adapter imports APScheduler (about 130 modules: asyncio, email,
# importlib.metadata, multiprocessing) before its own first PySide6 import, so none of them is read.
import backbreak.runtime.scheduler  # noqa: F401  # isort: skip
