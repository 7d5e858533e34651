"""Find every text backbreak says: the calls to the functions of backbreak/core/i18n.py, and the routines' words.

Python: `_("...")`, `N_("...")`, `n_("...", "...", n)` and `p_("context", "...")` with literal text, read
from the syntax tree (so implicit concatenation and line breaks are no trouble). A comment starting with
"i18n:" on the lines just above the call goes to translators with the text ("{time} is like 14:30").
A call with something other than literal text is the lookup of a text marked elsewhere with N_.

Routines (assets/routines/*.toml): the title, summary, each step's title, lines and note (skip_if), and
the labels the hold ring shows. A user's own routine is not here: it is read as its author wrote it.
"""

from __future__ import annotations

import ast
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "backbreak"
ROUTINES = ROOT / "assets" / "routines"
KEYWORDS = {"_": 1, "N_": 1, "n_": 2, "p_": 2}
"""How many leading literal arguments each marker takes."""


@dataclass
class Message:
    """One text to translate, and where it is said."""

    msgid: str
    plural: str = ""
    context: str = ""
    places: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str]:
        """What tells messages apart: the context and the (singular) text."""
        return self.context, self.msgid


def python_messages(package: Path = PACKAGE) -> dict[tuple[str, str], Message]:
    """Every marked text in the package's modules, in the order they first appear."""
    found: dict[tuple[str, str], Message] = {}
    for path in sorted(package.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        place = str(path.relative_to(package.parent))
        for node in ast.walk(ast.parse(source)):
            message = _marked(node)
            if message is None or not isinstance(node, ast.Call):
                continue
            kept = found.setdefault(message.key, message)
            if message.plural and not kept.plural:
                kept.plural = message.plural
            if place not in kept.places:
                kept.places.append(place)
            for note in _notes_above(lines, node.lineno):
                if note not in kept.notes:
                    kept.notes.append(note)
    return found


def _marked(node: ast.AST) -> Message | None:
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in KEYWORDS):
        return None
    wanted = KEYWORDS[node.func.id]
    texts = [arg.value for arg in node.args[:wanted] if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
    if len(texts) < wanted or not all(texts):
        return None  # a lookup of a text marked elsewhere
    if node.func.id == "n_":
        return Message(texts[0], plural=texts[1])
    if node.func.id == "p_":
        return Message(texts[1], context=texts[0])
    return Message(texts[0])


def _notes_above(lines: list[str], lineno: int) -> Iterator[str]:
    """The "# i18n: ..." comment lines right above line `lineno` (1-based), in order."""
    notes = []
    index = lineno - 2
    while index >= 0 and lines[index].strip().startswith("#"):
        text = lines[index].strip().lstrip("#").strip()
        if text.startswith("i18n:"):
            notes.append(text.removeprefix("i18n:").strip())
        index -= 1
    yield from reversed(notes)


def routine_messages(folder: Path = ROUTINES) -> dict[tuple[str, str], Message]:
    """The words of the built-in routines, file by file."""
    found: dict[tuple[str, str], Message] = {}
    for path in sorted(folder.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for text, note in _routine_texts(data):
            if not text:
                continue  # an empty field needs no translation
            kept = found.setdefault(("", text), Message(text))
            if path.name not in kept.places:
                kept.places.append(path.name)
            if note and note not in kept.notes:
                kept.notes.append(note)
    return found


def _routine_texts(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    name = data.get("name", "")
    yield data["title"], f"The title of the routine {name}"
    yield data.get("summary", ""), f"What the routine {name} is, one line"
    for step in data.get("steps", []):
        where = f"{name}, step {step.get('id', '')}"
        yield step["title"], f"{where}: the card's title"
        for line in step.get("lines", []):
            yield line, f"{where}: a line on the card (under about 60 characters)"
        yield step.get("skip_if", ""), f"{where}: the safety note under the lines"
        yield step.get("label", ""), f"{where}: what the hold ring says is happening, or one repetition"
        for part in step.get("parts", []):
            yield part.get("label", ""), f"{where}: what the hold ring says is happening, or one repetition"
