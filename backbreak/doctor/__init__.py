"""`backbreak doctor [--json]`: what this desktop and this install offer backbreak, one line per capability.

Works without a running instance and without a display. Its output is only the report: what libraries
and Qt would say on their own (platformdirs about XDG_RUNTIME_DIR, Qt about a missing runtime folder) is
caught and reported as a finding instead of landing in the middle of it.
Exit 0 when the essentials work, 1 when one is missing.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from backbreak import __version__
from backbreak.doctor.report import WARN, Finding, as_json, as_text, exit_code


class _Caught(logging.Handler):
    """Keeps what was said to the log (warnings and worse) while doctor looks around."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.said: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the message."""
        self.said.append(record.getMessage())


@contextmanager
def _quiet() -> Iterator[list[str]]:
    """Collect Python warnings, log records and Qt's messages instead of printing them."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    said: list[str] = []

    def from_qt(kind: QtMsgType, _context: object, message: str) -> None:
        if kind != QtMsgType.QtDebugMsg:
            said.append(f"Qt: {message}")

    caught = _Caught()
    root = logging.getLogger()
    root.addHandler(caught)  # with a handler in place, logging's last-resort print to stderr stays silent
    previous = qInstallMessageHandler(from_qt)
    try:
        with warnings.catch_warnings(record=True) as raised:
            warnings.simplefilter("always")
            yield said
        said.extend(str(warning.message) for warning in raised)
        said.extend(caught.said)
    finally:
        qInstallMessageHandler(previous)
        root.removeHandler(caught)


def findings() -> list[Finding]:
    """Every finding, the desktop's first, then what was said along the way."""
    from backbreak.doctor.desktop import desktop_findings
    from backbreak.doctor.install import install_findings

    with _quiet() as said:
        found = [*desktop_findings(), *install_findings()]
    for message in dict.fromkeys(said):
        found.append(Finding("note", "note", WARN, message, "see the finding it concerns above, if any"))
    return found


def run(as_json_output: bool = False) -> int:
    """Print the report; 0 when the essentials work, 1 when one is missing."""
    found = findings()
    print(as_json(found, __version__) if as_json_output else as_text(found, __version__))
    return exit_code(found)
