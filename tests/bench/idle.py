"""Idle cost in the tray: backbreak beside a bare PySide6 tray icon, in one private desktop.

All run at once with their own empty homes and no input arrives: one backbreak with the defaults (the
user counts as present for the first 3 min, so it samples once per threshold) and one with a 10 s idle
threshold (away all along, so it polls every 45 s for the return: the worst case). After the icons
embed and a settling pause, one window of BENCH_IDLE_SECONDS (default 60) is measured: CPU time
(/proc/<pid>/task/*/schedstat), wake-ups (voluntary context switches, /proc/<pid>/task/*/status) and
memory (RSS and PSS at the end).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from tests.desktop.conftest import app_env
from tests.desktop.session import Desktop, wait_until

SETTLE = 5.0

# Workrave and Safe Eyes are not installed for CI; their figures come from shared/PEERS.md section 6
# (CPU from perf task-clock, wake-ups as voluntary context switches of live threads, RSS at 60 s).
PEERS = {"Workrave 1.10.50": (90.5, 452, 41.4), "Safe Eyes 2.1.5": (107.4, 255, 75.1)}


@dataclass
class Sample:
    cpu_ms: float
    wakeups: int
    rss_mb: float
    pss_mb: float


def sample(pid: int) -> tuple[dict[int, tuple[int, int]], float, float]:
    """Per thread (CPU ns from schedstat, voluntary switches), then RSS and PSS in MB."""
    threads: dict[int, tuple[int, int]] = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            cpu_ns = int((task / "schedstat").read_text().split()[0])
            status = (task / "status").read_text()
        except (FileNotFoundError, ProcessLookupError):
            continue  # the thread ended while we looked
        switches = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("voluntary_ctxt"))
        threads[int(task.name)] = (cpu_ns, switches)
    status = Path(f"/proc/{pid}/status").read_text()
    rss = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
    rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    pss = next(int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:"))
    return threads, rss / 1024, pss / 1024


def difference(before: dict[int, tuple[int, int]], after: dict[int, tuple[int, int]]) -> Sample:
    """CPU and wake-ups over the window: threads alive at both ends, plus threads born in it.

    A thread that ended inside the window is lost (as in shared/tools/peers/measure.py); the thread
    counts printed beside the figures show whether that happened.
    """
    cpu_ns = wakeups = 0
    for tid, (cpu, switches) in after.items():
        start_cpu, start_switches = before.get(tid, (0, 0))
        cpu_ns += cpu - start_cpu
        wakeups += switches - start_switches
    return Sample(cpu_ns / 1e6, wakeups, 0.0, 0.0)


def main() -> None:
    seconds = float(os.environ.get("BENCH_IDLE_SECONDS", "60"))
    apps = {
        "bare PySide6 tray": [sys.executable, str(Path(__file__).with_name("bare_tray.py"))],
        "backbreak": [sys.executable, "-m", "backbreak"],
        "backbreak (away)": [sys.executable, "-m", "backbreak"],
    }
    with tempfile.TemporaryDirectory() as scratch, Desktop(Path(scratch) / "desktop") as desktop:
        procs = {}
        for name, argv in apps.items():
            home = Path(scratch) / name.replace(" ", "-").strip("()")
            home.mkdir()
            if name == "backbreak":
                # Not a first run: no welcome window, as on any day after the first.
                (home / "config" / "backbreak").mkdir(parents=True)
                (home / "config" / "backbreak" / "settings.toml").write_text("schema_version = 1\n")
            if "away" in name:
                # A 10 s idle threshold: this one is away for the whole window, polling for the return.
                (home / "config" / "backbreak").mkdir(parents=True)
                (home / "config" / "backbreak" / "settings.toml").write_text(
                    'schema_version = 1\n[reminders]\nidle_threshold = "10s"\n'
                )
            procs[name] = subprocess.Popen(
                argv, env=app_env(desktop, home), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
        try:
            for name, proc in procs.items():
                wait_until(lambda proc=proc: desktop.tray_icons(proc.pid), 30, f"{name} in the tray")
            threading.Event().wait(SETTLE)
            before = {name: sample(proc.pid) for name, proc in procs.items()}
            threading.Event().wait(seconds)
            after = {name: sample(proc.pid) for name, proc in procs.items()}
        finally:
            for proc in procs.values():
                proc.terminate()
                proc.wait(10)
    per_minute = 60 / seconds
    print(f"idle cost over {seconds:.0f} s, no input (per minute; memory at the end)")
    print(f"{'app':20} {'CPU ms/min':>11} {'wake-ups/min':>13} {'RSS MB':>8} {'PSS MB':>8} {'threads':>8}")
    rows = {}
    for name in apps:
        used = difference(before[name][0], after[name][0])
        cpu, wakeups = used.cpu_ms * per_minute, used.wakeups * per_minute
        rss, pss = after[name][1], after[name][2]
        rows[name] = (cpu, wakeups, rss, pss)
        threads = f"{len(before[name][0])}->{len(after[name][0])}"
        print(f"{name:20} {cpu:11.2f} {wakeups:13.1f} {rss:8.1f} {pss:8.1f} {threads:>8}")
    bare = rows["bare PySide6 tray"]
    for name in ("backbreak", "backbreak (away)"):
        ours = rows[name]
        print(
            f"{name} vs bare: CPU {ours[0] - bare[0]:+.1f} ms/min, wake-ups {ours[1] - bare[1]:+.1f}/min, "
            f"RSS {ours[2] - bare[2]:+.1f} MB, PSS {ours[3] - bare[3]:+.1f} MB"
        )
    print("peers, as measured in shared/PEERS.md section 6 (same desktop, 60 s idle windows, medians):")
    for name, (cpu, wakeups, rss) in PEERS.items():
        print(f"  {name:18} {cpu:6.1f} ms CPU/min {wakeups:6d} wake-ups/min {rss:6.1f} MB RSS")
    print(
        "targets: within 2 ms CPU and 10 wake-ups a minute, within 10 MB of the bare icon's memory "
        "(CPU from /proc/<tid>/schedstat, in ns)"
    )


if __name__ == "__main__":
    main()
