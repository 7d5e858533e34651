"""Qt tests run on the offscreen platform and private D-Bus buses: nothing flashes on a desktop, and
nothing reaches (or is answered by) the developer's own session or system bus."""

from __future__ import annotations

import atexit
import gc
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"

# Only what a test puts on the bus is there: no <servicedir>, so a call to a name nobody owns fails
# instead of starting the machine's own service (dunst, say, for org.freedesktop.Notifications).
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""

NO_BUS = "unix:path=/dev/null/no-bus"
"""A socket under a file, where nothing can ever listen: connecting fails, with no fallback to another bus."""


def _start_bus(name: str) -> str:
    """Start a private dbus-daemon, stopped when the test process ends, and return its address."""
    folder = Path(tempfile.mkdtemp(prefix=f"backbreak-qt-{name}-"))
    atexit.register(shutil.rmtree, folder, True)  # registered first, so it runs after the daemon stops
    config = folder / "bus.conf"
    config.write_text(BUS_CONFIG.format(folder=folder))
    read_end, write_end = os.pipe()
    try:
        daemon = subprocess.Popen(
            ["dbus-daemon", f"--config-file={config}", "--nofork", f"--print-address={write_end}"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            pass_fds=(write_end,),
        )
    except OSError:
        os.close(read_end)
        raise
    finally:
        os.close(write_end)
    atexit.register(_stop, daemon)
    with os.fdopen(read_end) as pipe:
        address = pipe.readline().strip()  # written once the daemon accepts connections
    if not address:
        raise RuntimeError(f"dbus-daemon for the {name} exited {daemon.wait(5)} without an address")
    return address


def _stop(daemon: subprocess.Popen[bytes]) -> None:
    daemon.terminate()
    try:
        daemon.wait(5)
    except subprocess.TimeoutExpired:
        daemon.kill()
        daemon.wait(5)


def _private_buses() -> tuple[str, str, str]:
    """Session and system bus addresses, and a line for the report header saying which they are."""
    try:
        return _start_bus("session-bus"), _start_bus("system-bus"), "private dbus-daemons"
    except (OSError, RuntimeError) as exc:
        if os.environ.get("CI") == "true":
            # The CI machine has dbus: a missing daemon is a broken setup, not a reason to test less.
            raise RuntimeError(f"tests/qt need dbus-daemon for a private bus under CI: {exc}") from exc
        return NO_BUS, NO_BUS, f"none ({exc}); D-Bus tests see no bus at all"


# Here, at import, before any test module runs: QDBusConnection.sessionBus() connects once per process
# and keeps that connection, and every subprocess a test starts inherits os.environ. Without the
# variable, libdbus would find the user's bus through XDG_RUNTIME_DIR/bus anyway, so it is always set.
for _variable in ("DBUS_STARTER_ADDRESS", "DBUS_STARTER_BUS_TYPE", "AT_SPI_BUS_ADDRESS"):
    os.environ.pop(_variable, None)  # other ways Qt or libdbus could reach a bus of the user's
_session, _system, _BUSES = _private_buses()
os.environ["DBUS_SESSION_BUS_ADDRESS"] = _session
os.environ["DBUS_SYSTEM_BUS_ADDRESS"] = _system


def pytest_report_header() -> str:
    return f"D-Bus for tests/qt: {_BUSES}"


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread() -> Iterator[None]:
    """Collect each test's garbage here, on the GUI thread, before the next test runs.

    Otherwise a later test's helper thread (a socket client, say) can trigger the collection, and a
    QSocketNotifier destroyed off the GUI thread cannot unregister itself: the event loop then
    reads a dead notifier and the process segfaults (seen in test_runtime_parts).
    """
    yield
    gc.collect()
