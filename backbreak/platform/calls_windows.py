r"""Is a microphone or a camera in use on Windows? The privacy settings' own record says so.

Windows notes every app's use of the microphone and the webcam under
HKCU\Software\Microsoft\Windows\CurrentVersion\CapabilityAccessManager\ConsentStore\<capability>,
one subkey per packaged app and, under NonPackaged, one per program; a LastUsedTimeStop of 0 (with a
start time) means the app uses the device now (shared/PLATFORM.md section 12). Only read, never written.

Not run on Windows here: the unit tests feed it recorded shapes of the registry.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterator
from typing import Any

from backbreak.platform.base import UnavailableError

PLATFORM: str = sys.platform  # a plain str, so type checkers on other OSes keep this branch

STORE = r"Software\Microsoft\Windows\CurrentVersion\CapabilityAccessManager\ConsentStore"

Entries = Callable[[str], Iterator[dict[str, int]]]
"""The LastUsedTime values of every app under a ConsentStore key (its NonPackaged programs included)."""


def registry_entries(capability: str) -> Iterator[dict[str, int]]:
    """Read the ConsentStore of `capability` with winreg (Windows only)."""
    # Imported by name and typed Any: type checkers on other OSes see an empty winreg stub.
    winreg: Any = importlib.import_module("winreg")

    def values(key: Any) -> dict[str, int]:
        found: dict[str, int] = {}
        for name in ("LastUsedTimeStart", "LastUsedTimeStop"):
            try:
                found[name] = int(winreg.QueryValueEx(key, name)[0])
            except OSError:
                continue
        return found

    def children(path: str) -> Iterator[tuple[str, Any]]:
        try:
            parent = winreg.OpenKey(winreg.HKEY_CURRENT_USER, path)
        except OSError:
            return
        with parent:
            index = 0
            while True:
                try:
                    name = winreg.EnumKey(parent, index)
                except OSError:
                    return
                index += 1
                with winreg.OpenKey(parent, name) as child:
                    yield name, child

    base = f"{STORE}\\{capability}"
    for name, key in children(base):
        if name == "NonPackaged":
            continue
        yield values(key)
    for _, key in children(f"{base}\\NonPackaged"):
        yield values(key)


def in_use(entries: Iterator[dict[str, int]]) -> bool:
    """Whether any app started using the device and has not stopped."""
    return any(entry.get("LastUsedTimeStart", 0) > 0 and entry.get("LastUsedTimeStop", 1) == 0 for entry in entries)


class ConsentStore:
    """One capability ("microphone" or "webcam") of the privacy settings' record."""

    def __init__(self, capability: str, entries: Entries | None = None) -> None:
        if entries is None and PLATFORM != "win32":
            raise UnavailableError("the ConsentStore exists only on Windows")
        self._capability = capability
        self._entries = entries or registry_entries
        self.name = f"Windows ConsentStore ({capability})"

    @classmethod
    def for_microphone(cls) -> ConsentStore:
        """The microphone's record."""
        return cls("microphone")

    @classmethod
    def for_camera(cls) -> ConsentStore:
        """The webcam's record."""
        return cls("webcam")

    def microphone(self) -> bool:
        """Whether an app uses the microphone now."""
        return in_use(self._entries(self._capability))

    def camera(self) -> bool:
        """Whether an app uses the webcam now."""
        return in_use(self._entries(self._capability))
