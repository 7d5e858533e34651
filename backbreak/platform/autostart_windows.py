"""Start at login on Windows: the value "backbreak" in HKEY_CURRENT_USER's Run key.

Task Manager's Startup apps page and Settings > Apps > Startup switch a Run value off without deleting it:
they write a 12-byte REG_BINARY of the same name under StartupApproved/Run whose first byte is odd when
off (shared/PLATFORM.md section 7). backbreak reads that switch to tell the truth, and never writes it:
it belongs to the user. Turning start at login off removes the Run value and nothing else.
"""

from __future__ import annotations

import importlib
from typing import Any, Protocol

from backbreak import paths
from backbreak.platform.autostart import AutostartState


class Registry(Protocol):
    """The few HKEY_CURRENT_USER operations backbreak needs (a dict in tests)."""

    def read(self, key: str, name: str) -> str | bytes | None:
        """The value `name` under `key`, or None when the key or the value is missing."""
        ...

    def write(self, key: str, name: str, value: str) -> None:
        """Set `name` under `key` (made if missing) to a REG_SZ string."""
        ...

    def delete(self, key: str, name: str) -> None:
        """Remove the value `name` under `key`, leaving the key; a missing one is fine."""
        ...


class WindowsRegistry:
    """HKEY_CURRENT_USER through winreg."""

    def __init__(self) -> None:
        # winreg's stubs exist only for win32, so it is typed as Any to keep mypy on Linux meaningful.
        self._winreg: Any = importlib.import_module("winreg")

    def read(self, key: str, name: str) -> str | bytes | None:  # pragma: no cover - Windows only
        """The value, or None."""
        try:
            with self._winreg.OpenKey(self._winreg.HKEY_CURRENT_USER, key) as handle:
                value, _kind = self._winreg.QueryValueEx(handle, name)
        except FileNotFoundError:
            return None
        return value if isinstance(value, str | bytes) else None

    def write(self, key: str, name: str, value: str) -> None:  # pragma: no cover - Windows only
        """A REG_SZ value."""
        with self._winreg.CreateKeyEx(self._winreg.HKEY_CURRENT_USER, key, 0, self._winreg.KEY_SET_VALUE) as handle:
            self._winreg.SetValueEx(handle, name, 0, self._winreg.REG_SZ, value)

    def delete(self, key: str, name: str) -> None:  # pragma: no cover - Windows only
        """The value only."""
        try:
            with self._winreg.OpenKey(self._winreg.HKEY_CURRENT_USER, key, 0, self._winreg.KEY_SET_VALUE) as handle:
                self._winreg.DeleteValue(handle, name)
        except FileNotFoundError:
            pass


class RunKey:
    """The Run value that starts backbreak at login."""

    def __init__(self, registry: Registry, command_line: str) -> None:
        self._registry = registry
        self._command_line = command_line

    @property
    def where(self) -> str:
        """Where the value lives, as regedit shows it."""
        return f"HKEY_CURRENT_USER\\{paths.RUN_KEY}\\{paths.RUN_VALUE}"

    def apply(self, enabled: bool) -> None:
        """Write or delete the Run value (the key and its other values stay)."""
        if enabled:
            self._registry.write(paths.RUN_KEY, paths.RUN_VALUE, self._command_line)
        else:
            self._registry.delete(paths.RUN_KEY, paths.RUN_VALUE)

    def state(self) -> AutostartState:
        """On when the value is there and Task Manager has not switched it off."""
        if self._registry.read(paths.RUN_KEY, paths.RUN_VALUE) is None:
            return AutostartState(False, self.where)
        approved = self._registry.read(paths.STARTUP_APPROVED_KEY, paths.RUN_VALUE)
        if isinstance(approved, bytes) and approved and approved[0] & 1:
            return AutostartState(False, self.where, "switched off in Task Manager's Startup apps; switch it on there")
        return AutostartState(True, self.where)
