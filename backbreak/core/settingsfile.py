"""settings.toml on disk: the one module that reads and writes it.

Reading never stops the app. A missing file means defaults. A file that does not parse, or that holds a
wrong value, is kept aside as `settings.toml.broken-<timestamp>` (so nothing the user wrote is lost), the
keys that were fine are kept, defaults fill the rest, the repaired file is written back, and every
message names the file, the key and the line. Unknown keys are reported and left alone.

Writes are atomic: a temporary file in the same directory, fsync, then rename over the old file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import tomli_w

from backbreak.core.settings import Problem, Settings, settings_from_dict, settings_to_dict

_HEADER = (
    '# backbreak settings. Durations are written like "45s", "25m" or "1h30m".\n'
    "# Edit by hand or in the settings window; changes apply while backbreak runs.\n\n"
)
_TOML_LINE = re.compile(r"at line (\d+)")
_MAX_SALVAGE = 50  # a file needing more line repairs than this is not worth salvaging


@dataclass(frozen=True)
class LoadResult:
    """What `load_settings` found.

    Attributes:
        settings: usable settings, always.
        problems: one entry per key that was wrong or unknown, with its line.
        kept_aside: where the broken original was moved, if it was.
    """

    settings: Settings
    problems: list[Problem] = field(default_factory=list)
    kept_aside: Path | None = None

    def messages(self, path: Path) -> list[str]:
        """One sentence per problem, for the log, the notification and `backbreak doctor`."""
        lines = []
        for problem in self.problems:
            where = f"{path.name} line {problem.line}" if problem.line else path.name
            lines.append(f"{where}: {problem.key} {problem.message}")
        if self.kept_aside is not None:
            lines.append(f"The original was kept as {self.kept_aside}.")
        return lines


def load_settings(path: Path, now: dt.datetime) -> LoadResult:
    """Read settings from `path`; `now` names the kept-aside copy of a broken file."""
    _clear_stale_writes(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return LoadResult(Settings())
    except (OSError, UnicodeDecodeError) as exc:
        return _keep_aside(path, now, Settings(), [Problem("file", f"could not be read ({exc}); using defaults")])
    settings, problems = read_settings(text)
    if any(problem.fatal for problem in problems):
        return _keep_aside(path, now, settings, problems)
    return LoadResult(settings, problems)


def read_settings(text: str) -> tuple[Settings, list[Problem]]:
    """Settings from the text of a settings file, and what was wrong with it, each with its line."""
    data, syntax_problems = _parse_salvaging(text)
    settings, problems = settings_from_dict(data)
    return settings, syntax_problems + [_with_line(problem, text) for problem in problems]


def inspect_settings(path: Path) -> list[str]:
    """What is wrong with the file at `path`, without changing anything (for `backbreak doctor`)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        return [f"{path.name}: could not be read ({exc})"]
    return LoadResult(*read_settings(text)).messages(path)


def save_settings(path: Path, settings: Settings) -> None:
    """Write `settings` atomically: nobody ever sees a half-written file."""
    text = _HEADER + tomli_w.dumps(settings_to_dict(settings))
    write_atomically(path, text)


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to a temp file beside `path`, fsync it, and rename it over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _clear_stale_writes(path: Path) -> None:
    """Remove the temporary files of writes that a crash (kill -9, power loss) cut short.

    Only one backbreak runs per user and it writes settings on the GUI thread, so at a load no write of
    ours is under way; such a file is never the settings (the rename never happened).
    """
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


def _fsync_dir(directory: Path) -> None:
    # The rename is only durable once the directory entry is on disk (POSIX); Windows has no dir fds.
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _keep_aside(path: Path, now: dt.datetime, settings: Settings, problems: list[Problem]) -> LoadResult:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.broken-{stamp}")
    counter = 1
    while aside.exists():
        counter += 1
        aside = path.with_name(f"{path.name}.broken-{stamp}-{counter}")
    try:
        os.replace(path, aside)
        save_settings(path, settings)
    except OSError as exc:
        # A read-only config dir: run on what we have, and say the file was left as it is.
        problems = [*problems, Problem("file", f"could not be repaired ({exc}); it was left unchanged")]
        return LoadResult(settings, problems)
    return LoadResult(settings, problems, aside)


def _parse_salvaging(text: str) -> tuple[dict[str, object], list[Problem]]:
    """Parse TOML; on a syntax error, drop the offending line and try again, so valid keys survive."""
    lines = text.splitlines()
    problems: list[Problem] = []
    for _ in range(_MAX_SALVAGE):
        try:
            return tomllib.loads("\n".join(lines)), problems
        except tomllib.TOMLDecodeError as exc:
            match = _TOML_LINE.search(str(exc))
            if match is None:
                break
            number = int(match.group(1))
            reason = str(exc).split(" (at line")[0]
        except (RecursionError, ValueError):
            # tomllib recurses once per nested array or table (RecursionError) and Python refuses
            # integers of more than 4300 digits (ValueError); neither says where. Find the line.
            found = _pathological_line(lines)
            if found is None:
                break
            number, reason = found
        key = _key_of_line(lines, number)
        problems.append(Problem(key, f"could not be read: {reason}; using the default", number))
        if not 1 <= number <= len(lines):
            break
        lines[number - 1] = ""
    return {}, [*problems, Problem("file", "could not be read as TOML; using defaults for everything")]


_MAX_NESTING = 32  # far more than any setting needs, far less than Python's recursion limit
_LONG_NUMBER = re.compile(r"\d[\d_]{999,}")  # a thousand digits: no setting is that large


def _pathological_line(lines: list[str]) -> tuple[int, str] | None:
    """The first line nested too deeply or holding a number too long to read, and what is wrong with it."""
    depth = 0
    for number, line in enumerate(lines, start=1):
        for char in line.split("#", 1)[0]:
            depth += 1 if char in "[{" else -1 if char in "]}" else 0
            if depth > _MAX_NESTING:
                return number, "nested too deeply"
        if _LONG_NUMBER.search(line):
            return number, "a number far too long"
    return None


def _key_of_line(lines: list[str], number: int) -> str:
    section = ""
    for index, line in enumerate(lines[:number], start=1):
        stripped = line.strip()
        if stripped.startswith("[") and index < number:
            section = stripped.strip("[] ")
    raw = lines[number - 1].split("=", 1)[0].strip() if 1 <= number <= len(lines) else ""
    key = raw if raw and not raw.startswith("[") else "(line)"
    return f"{section}.{key}" if section and key != "(line)" else key


def _with_line(problem: Problem, text: str) -> Problem:
    """Find the line where `problem.key` ("move.every") is written."""
    section, _, key = problem.key.partition(".")
    current = ""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            current = stripped.strip("[] ")
            if not key and current == section:
                return _replace_line(problem, number)
            continue
        name = stripped.split("=", 1)[0].strip().strip('"')
        if "=" in stripped and (
            (current == section and name == key) or (not current and name in (problem.key, section))
        ):
            return _replace_line(problem, number)
    return problem


def _replace_line(problem: Problem, number: int) -> Problem:
    return Problem(problem.key, problem.message, number, problem.fatal)
