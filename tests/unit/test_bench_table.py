"""The README's cost table is rendered from a bench result, ratios and all (tests/bench/table.py)."""

from __future__ import annotations

from typing import Any

from tests.bench.table import table


def _result(with_peers: bool) -> dict[str, Any]:
    idle = {
        name: {"cpu_ms_per_min": cpu, "wakeups_per_min": 2.0, "rss_mb": 60.0, "pss_mb": 30.0}
        for name, cpu in (
            ("bare PySide6 tray", 0.1),
            ("bare + APScheduler", 0.2),
            ("backbreak", 1.25),
            ("backbreak (away)", 1.0),
            ("Workrave", 60.0),
        )
        if with_peers or name != "Workrave"
    }
    start = {
        name: {"to_icon_s": seconds, "cpu_ms": 100.0}
        for name, seconds in (("bare PySide6 tray", 0.1), ("bare + APScheduler", 0.15), ("backbreak", 0.16))
    }
    return {
        "when": "2026-12-01T18:00:00+00:00",
        "machine": "x86_64, 2 cores, Python 3.11.7",
        "command": "make bench",
        "simulated_day": {"median_ms": 19.6},
        "start": start,
        "idle": idle,
        "status_and_cycles": {
            "status_round_trip_s": 0.045,
            "python_pass_s": 0.010,
            "cycles": 100,
            "rss_before_cycles_mb": 80.0,
            "rss_after_first_mb": 88.0,
            "rss_after_cycles_mb": 88.5,
        },
        "stretch_window": {
            "first_paint_ms_median": 36.0,
            "frame_gap_ms_median": 16.0,
            "frame_gap_ms_max": 17.5,
            "display_interval_ms": 16.7,
            "rss_before_mb": 70.0,
            "rss_after_50_mb": 70.25,
        },
        "open_windows": {
            "history_rows": 14371,
            "settings": {"cold_ms": 73.0, "warm_median_ms": 27.0},
            "stats": {"cold_ms": 21.0, "warm_median_ms": 7.0},
        },
    }


def test_rows_carry_the_run_s_figures_and_ratios_to_the_bare_icon() -> None:
    text = table(_result(with_peers=True))
    assert "from `make bench` on 2026-12-01" in text
    assert "| **backbreak**, present | 0.160 s (1.60x) | 1.2 | 2 | 60.0 | 30.0 |" in text
    assert "| **backbreak**, away (polls for the return) |  | 1.0 |" in text  # no start of its own
    assert "| Workrave 1.10.50 |  | 60.0 |" in text  # measured idle, not started in this run
    assert "round trip 45 ms; `python -c pass` in the same venv 10 ms (4.5x)" in text
    assert "+0.2 MB after 50 opens" in text
    assert "14,371 history rows" in text


def test_a_peer_not_installed_has_no_row() -> None:
    assert "Workrave" not in table(_result(with_peers=False))
