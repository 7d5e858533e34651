"""Thousands of generated and mutated settings.toml files: the loader never crashes, always gives valid
settings, keeps a broken original aside byte for byte, names what was wrong, and writes a file that reads
cleanly the next time.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import tomli_w
from backbreak.core.settings import SECTIONS, SPECS, Kind, Settings, settings_to_dict
from backbreak.core.settingsfile import load_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fakes import wall

NOW = wall("2026-11-24 21:47:05")
FUZZ = {"deadline": None, "derandomize": True, "suppress_health_check": [HealthCheck.function_scoped_fixture]}
"""Deterministic (the same cases on every run and in CI); the temp folder is reused, which is fine here."""
KNOWN_KEYS = {spec.name for spec in SPECS} | set(SECTIONS) | {"schema_version", "file"}

junk_values = st.recursive(
    st.none().map(lambda _: "")
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False)
    | st.text(max_size=30)
    | st.sampled_from(["30m", "1h30m", "0s", "25x", "09:00", "25:99", "mon", "dark", "desk-2", "-5m"])
    | st.times(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=10,
)


def assert_valid(loaded: Settings) -> None:
    """Every value is of its kind and inside what the file accepts."""
    for spec in SPECS:
        value = getattr(getattr(loaded, spec.section), spec.key)
        match spec.kind:
            case Kind.BOOL:
                assert isinstance(value, bool), spec.name
            case Kind.DURATION | Kind.INT:
                assert isinstance(value, int), spec.name
                assert spec.minimum is None or value >= spec.minimum, spec.name
                assert spec.maximum is None or value <= spec.maximum, spec.name
            case Kind.CHOICE:
                assert value in spec.choices, spec.name
            case Kind.TEXT:
                assert isinstance(value, str), spec.name
                assert value, spec.name
                assert value.strip() == value, spec.name
            case Kind.TIME:
                assert isinstance(value, dt.time), spec.name
            case Kind.DAYS:
                assert set(value) <= set(spec.choices), spec.name


def check(path: Path, text: str | bytes) -> None:
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
    else:
        path.write_bytes(text)
    original = path.read_bytes()
    result = load_settings(path, NOW)
    assert_valid(result.settings)
    fatal = [problem for problem in result.problems if problem.fatal]
    if fatal:
        assert result.kept_aside is not None
        assert result.kept_aside.read_bytes() == original  # nothing the user wrote is lost
        result.kept_aside.unlink()
        assert all(problem.key for problem in fatal)
        assert all(problem.key.split(".")[0] in KNOWN_KEYS or problem.line for problem in fatal)
    again = load_settings(path, NOW)  # the repaired (or untouched) file reads without a repair
    assert [p for p in again.problems if p.fatal] == []
    assert again.settings == result.settings


@settings(
    max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.dictionaries(st.sampled_from([*SECTIONS, "extra"]), st.dictionaries(st.text(max_size=12), junk_values)))
def test_generated_tables_of_junk(tmp_path: Path, data: dict[str, dict[str, object]]) -> None:
    try:
        text = tomli_w.dumps({"schema_version": 1, **data})
    except (TypeError, ValueError):
        return  # not representable as TOML at all; the mutated-text test covers broken syntax
    check(tmp_path / "settings.toml", text)


def _every_key_text() -> str:
    return tomli_w.dumps(settings_to_dict(Settings()))


@settings(
    max_examples=600, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["delete", "insert", "replace", "duplicate line", "drop line"]),
            st.integers(min_value=0, max_value=10_000),
            st.text(alphabet=st.sampled_from('[]{}="#,.\\\n xyz0123456789-:tf'), min_size=1, max_size=6),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_mutated_files_of_every_key(tmp_path: Path, edits: list[tuple[str, int, str]]) -> None:
    text = _every_key_text()
    for action, where, chunk in edits:
        at = where % (len(text) + 1)
        lines = text.splitlines(keepends=True)
        line = where % max(1, len(lines))
        match action:
            case "delete":
                text = text[:at] + text[at + len(chunk) :]
            case "insert":
                text = text[:at] + chunk + text[at:]
            case "replace":
                text = text[:at] + chunk + text[at + len(chunk) :]
            case "duplicate line":
                text = "".join(lines[: line + 1] + lines[line:])
            case _:
                text = "".join(lines[:line] + lines[line + 1 :])
    check(tmp_path / "settings.toml", text)


@settings(
    max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=300))
def test_bytes_that_are_not_text(tmp_path: Path, data: bytes) -> None:
    check(tmp_path / "settings.toml", data)
