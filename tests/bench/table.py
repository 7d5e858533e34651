"""The README's "What it costs" table, from a `make bench` result (default: tests/bench/results/latest.json).

    .venv/bin/python -m tests.bench.table [result.json]

prints Markdown to paste under the README's Development section, so its figures are the run's, not
retyped. `make bench` prints it at the end too.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

LATEST = Path(__file__).with_name("results") / "latest.json"

_ROWS = (
    ("bare PySide6 tray", "bare PySide6 tray icon", "bare PySide6 tray"),
    ("bare + APScheduler", "bare icon + APScheduler's QtScheduler", "bare + APScheduler"),
    ("backbreak", "**backbreak**, present", "backbreak"),
    ("backbreak (away)", "**backbreak**, away (polls for the return)", None),
    ("Workrave", "Workrave 1.10.50", "Workrave"),
    ("Safe Eyes", "Safe Eyes 2.1.5", "Safe Eyes"),
)


def table(result: dict[str, Any]) -> str:
    """Markdown: the side-by-side table, then one line per other figure."""
    start, idle = result.get("start", {}), result.get("idle", {})
    bare = start["bare PySide6 tray"]["to_icon_s"]
    day = result["when"][:10]
    lines = [
        f"What it costs, from `{result['command']}` on {day} ({result['machine']}, Xvfb with openbox; every app "
        "on the same fresh venv's Qt; idle after a 45 s settle, over a 60 s window with no input; "
        "`tests/bench/results/latest.json`, rendered by `python -m tests.bench.table`):",
        "",
        "| | start to tray icon | CPU ms / idle min | wake-ups / idle min | RSS MB | PSS MB |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for key, label, start_key in _ROWS:
        if key not in idle:
            continue
        figures = idle[key]
        to_icon = ""
        if start_key in start:
            seconds = start[start_key]["to_icon_s"]
            to_icon = f"{seconds:.3f} s ({seconds / bare:.2f}x)"
        lines.append(
            f"| {label} | {to_icon} | {figures['cpu_ms_per_min']:.1f} | {figures['wakeups_per_min']:.0f} | "
            f"{figures['rss_mb']:.1f} | {figures['pss_mb']:.1f} |"
        )
    cycles, window, windows = result["status_and_cycles"], result["stretch_window"], result["open_windows"]
    status, python = cycles["status_round_trip_s"] * 1000, cycles["python_pass_s"] * 1000
    lines += [
        "",
        f"- `backbreak status` round trip {status:.0f} ms; `python -c pass` in the same venv {python:.0f} ms "
        f"({status / python:.1f}x).",
        f"- {cycles['cycles']} break windows through the running app: RSS {cycles['rss_before_cycles_mb']:.1f} MB "
        f"before, {cycles['rss_after_first_mb']:.1f} after the first (the window's code loads), "
        f"{cycles['rss_after_cycles_mb']:.1f} after the last.",
        f"- Stretch window: first frame {window['first_paint_ms_median']:.0f} ms (median), frames "
        f"{window['frame_gap_ms_median']:.1f} ms median and {window['frame_gap_ms_max']:.1f} ms worst at a "
        f"{window['display_interval_ms']:.1f} ms display interval; "
        f"{window['rss_after_50_mb'] - window['rss_before_mb']:+.1f} MB after 50 opens.",
        f"- Settings opens in {windows['settings']['cold_ms']:.0f} ms the first time "
        f"({windows['settings']['warm_median_ms']:.0f} ms after), Statistics in {windows['stats']['cold_ms']:.0f} ms "
        f"({windows['stats']['warm_median_ms']:.0f} ms) over {windows['history_rows']:,} history rows.",
        f"- A simulated work day through the engine: {result['simulated_day']['median_ms']:.0f} ms.",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    path = Path(argv[0]) if argv else LATEST
    print(table(json.loads(path.read_text())))


if __name__ == "__main__":
    main(sys.argv[1:])
