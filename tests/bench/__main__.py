"""`make bench`: figures, not pass/fail. Each part prints what it measured; all of it is also written as
JSON to tests/bench/results/ (latest.json and one file per run), so a README table can name its run.

The app is measured as users get it: a wheel of the tree installed into a fresh venv.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.unit.test_workday import run_day

RESULTS = Path(__file__).with_name("results")


def _commit() -> str:
    """The commit measured, with "+changes" when the tree differs from it ("" outside a git checkout)."""
    root = Path(__file__).resolve().parents[2]
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root, capture_output=True)
    except OSError:
        return ""
    return head.stdout.strip() + ("+changes" if dirty.stdout.strip() else "")


def bench_simulated_day(rounds: int = 20) -> dict[str, float]:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        day = run_day()
        times.append(time.perf_counter() - started)
    print(
        f"simulated work day (07:50-19:00, {len(day.timeline)} timeline lines, {day.wakeups} wake-ups): "
        f"median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms over {rounds} rounds"
    )
    return {"median_ms": statistics.median(times) * 1000, "max_ms": max(times) * 1000}


def bench_start(backbreak: Path, rounds: int) -> dict[str, Any]:
    from tests.bench import startup
    from tests.desktop.session import Desktop

    with tempfile.TemporaryDirectory() as scratch, Desktop(Path(scratch) / "desktop") as desktop:
        measured = startup.starts(desktop, Path(scratch), backbreak, rounds)
        cycles = startup.status_and_cycles(
            desktop, Path(scratch), backbreak, int(os.environ.get("BENCH_CYCLES", "100"))
        )
    start = {
        name: {
            "to_icon_s": statistics.median(run.seconds for run in runs),
            "cpu_ms": statistics.median(run.cpu_ms for run in runs),
        }
        for name, runs in measured.items()
    }
    bare, floor = start["bare PySide6 tray"]["to_icon_s"], start["bare + APScheduler"]["to_icon_s"]
    print(f"start to tray icon (exec to embedded icon, medians of {rounds} interleaved rounds after a warm-up)")
    for name, figures in start.items():
        print(
            f"  {name:20} {figures['to_icon_s']:.3f} s ({figures['to_icon_s'] / bare:.2f}x the bare icon, "
            f"{figures['to_icon_s'] / floor:.2f}x with APScheduler), {figures['cpu_ms']:.0f} ms CPU by then"
        )
    print("  target: backbreak within 1.5x the bare icon")
    ratio = cycles["status_round_trip_s"] / cycles["python_pass_s"]
    print(
        f"backbreak status round trip: {cycles['status_round_trip_s'] * 1000:.0f} ms, "
        f"python3 -c pass {cycles['python_pass_s'] * 1000:.0f} ms: {ratio:.2f}x (target 2.5x)"
    )
    print(
        "break cycles through the running app (backbreak break move, Esc): "
        f"RSS {cycles['rss_before_cycles_mb']:.1f} MB idle, "
        f"{cycles['rss_after_first_mb']:.1f} after the first (the window's code loads), "
        f"{cycles['rss_after_cycles_mb']:.1f} after {cycles['cycles']}; PSS {cycles['pss_before_cycles_mb']:.1f}, "
        f"{cycles['pss_after_first_mb']:.1f}, {cycles['pss_after_cycles_mb']:.1f} MB"
    )
    return {"start": start, "status_and_cycles": cycles}


def main() -> None:
    from tests.bench import idle, openwindows, window
    from tests.bench.table import table
    from tests.desktop.installed import build_wheel, install

    results: dict[str, Any] = {
        "when": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "command": "make bench",
        "commit": _commit(),
    }
    results["simulated_day"] = bench_simulated_day()
    with tempfile.TemporaryDirectory() as scratch:
        print("building the wheel and installing it in a fresh venv...")
        for folder in ("wheel", "installed"):
            (Path(scratch) / folder).mkdir()
        backbreak = install(build_wheel(Path(scratch) / "wheel"), Path(scratch) / "installed").backbreak
        results.update(bench_start(backbreak, int(os.environ.get("BENCH_ROUNDS", "5"))))
        results["idle"] = idle.main(backbreak)
    results["stretch_window"] = window.main()
    results["open_windows"] = openwindows.main()
    RESULTS.mkdir(exist_ok=True)
    text = json.dumps(results, indent=2, default=str)
    (RESULTS / "latest.json").write_text(text + "\n")
    (RESULTS / f"{results['when'][:19].replace(':', '')}.json").write_text(text + "\n")
    print(f"written to {RESULTS / 'latest.json'}; for the README:\n")
    print(table(results))


if __name__ == "__main__":
    main()
