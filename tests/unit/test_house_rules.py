"""Rules of the code base that a reader relies on, checked mechanically (no Qt needed)."""

from __future__ import annotations

import ast
import typing
from pathlib import Path

from backbreak.core import events

PACKAGE = Path(__file__).resolve().parents[2] / "backbreak"
MOST_METHODS = 15


def test_no_class_does_too_much() -> None:
    # A class past about 15 methods is doing several jobs (the old composition root had 23, the engine's
    # transition 29); split it by what it does, as the effect router, the window keeper and the presenter did.
    crowded = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ClassDef):
                methods = [item for item in node.body if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)]
                if len(methods) > MOST_METHODS:
                    crowded.append(f"{path.relative_to(PACKAGE.parent)}: {node.name} has {len(methods)} methods")
    assert crowded == []


def test_every_effect_has_its_case_in_the_router() -> None:
    # mypy already fails on a missing case (assert_never); this says which effect, without running mypy.
    router = (PACKAGE / "runtime" / "effects.py").read_text()
    effects = [kind.__name__ for kind in typing.get_args(events.Effect)]
    assert len(effects) >= 10
    assert [name for name in effects if f"case {name}(" not in router] == []
    assert "assert_never(effect)" in router
