"""Qt tests run on the offscreen platform: no display needed, nothing flashes on a desktop."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread() -> Iterator[None]:
    """Collect each test's garbage here, on the GUI thread, before the next test runs.

    Otherwise a later test's helper thread (a socket client, say) can trigger the collection, and a
    QSocketNotifier destroyed off the GUI thread cannot unregister itself: the event loop then
    reads a dead notifier and the process segfaults (seen in test_runtime_parts).
    """
    yield
    gc.collect()
