"""How to start this backbreak again: one answer for the start-at-login entries and the menu entry.

Whatever starts backbreak later (the session at login, the menu) must start the same copy that wrote the
entry, not whichever `backbreak` comes first on a PATH that the login session may not even have.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

# Characters the desktop entry spec reserves inside Exec= arguments (Exec key, "reserved characters").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def argv(
    executable: str = sys.executable,
    platform: str = sys.platform,
    frozen: bool = bool(getattr(sys, "frozen", False)),
) -> list[str]:
    """The command that starts this backbreak, as a list of arguments.

    - A PyInstaller bundle is its own executable.
    - On Windows, pythonw.exe beside the interpreter, so that no console window opens at login.
    - Elsewhere the `backbreak` console script beside the interpreter (a venv's or pipx's bin/), else
      this interpreter with -m.
    """
    if frozen:
        return [executable]
    here = Path(executable)
    if platform == "win32":
        windowless = here.with_name("pythonw.exe")
        return [str(windowless if windowless.exists() else here), "-m", "backbreak"]
    script = here.with_name("backbreak")
    return [str(script)] if script.exists() else [str(here), "-m", "backbreak"]


def exec_line(args: Sequence[str]) -> str:
    """`args` as the value of a desktop entry's Exec= key.

    An argument with a reserved character is double-quoted, with a double quote, backquote, dollar or
    backslash escaped by a backslash inside; then the string rule doubles every backslash, and `%`
    becomes `%%` (field codes).
    """
    quoted = []
    for arg in args:
        if arg and not (_RESERVED & set(arg)):
            quoted.append(arg)
            continue
        inner = "".join("\\" + char if char in '"`$\\' else char for char in arg)
        quoted.append(f'"{inner}"')
    return " ".join(quoted).replace("\\", "\\\\").replace("%", "%%")


def command_line(args: Sequence[str]) -> str:
    """`args` as one Windows command line, the program always in double quotes.

    Unquoted, a Run value whose path has a space can start another program (C:/Program.exe).
    """
    program, *rest = args
    return " ".join([f'"{program}"', *([subprocess.list2cmdline(rest)] if rest else [])])
