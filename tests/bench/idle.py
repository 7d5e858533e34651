"""Idle cost in the tray: backbreak beside a bare PySide6 tray icon, in one private desktop.

A second baseline adds APScheduler's QtScheduler to the bare icon: backbreak must use it (DESIGN.md),
so "ours minus that" is what backbreak itself costs on top of the library.

All run at once with their own empty homes and no input arrives: one backbreak with the defaults (the
user counts as present until 3 min without input, so it samples once per threshold) and one with a
10 s idle threshold (away all along, so it polls every 45 s for the return: the worst case). After the
icons embed and a settling pause (BENCH_SETTLE_SECONDS, default 45), one window of BENCH_IDLE_SECONDS
(default 60; keep settle + window under 3 min) is measured: CPU time
(/proc/<pid>/task/*/schedstat), wake-ups (voluntary context switches, /proc/<pid>/task/*/status) and
memory (RSS and PSS at the end).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from tests.bench.startup import venv_python
from tests.bench.xtray import TrayWatch
from tests.desktop.conftest import app_env
from tests.desktop.session import Desktop, wait_until

# Start-up work (the first idle sample, the away instance going away after 10 s and writing that to
# its history, the thread pool Qt starts for the first icon paint ending 30 s later) is not idle cost.
SETTLE = float(os.environ.get("BENCH_SETTLE_SECONDS", "45"))

# Workrave and Safe Eyes are not installed for CI; their figures come from shared/PEERS.md section 6
# (CPU from perf task-clock, wake-ups as voluntary context switches of live threads, RSS at 60 s).
PEERS = {"Workrave 1.10.50": (90.5, 452, 41.4), "Safe Eyes 2.1.5": (107.4, 255, 75.1)}


@dataclass
class Sample:
    cpu_ms: float
    wakeups: int
    rss_mb: float
    pss_mb: float


def tree(pid: int) -> list[int]:
    """`pid` and its descendants (Workrave and Safe Eyes run helpers; counting them is fair)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
                continue
    found, frontier = [pid], [pid]
    while frontier:
        children = [child for child, parent in parents.items() if parent in frontier]
        found += children
        frontier = children
    return found


def sample(pid: int) -> tuple[dict[int, tuple[int, int]], float, float]:
    """Per thread of the process tree (CPU ns from schedstat, voluntary switches), then RSS and PSS in MB."""
    threads: dict[int, tuple[int, int]] = {}
    rss = pss = 0
    for member in tree(pid):
        try:
            tasks = list(Path(f"/proc/{member}/task").iterdir())
            status = Path(f"/proc/{member}/status").read_text()
            rollup = Path(f"/proc/{member}/smaps_rollup").read_text()
        except (FileNotFoundError, ProcessLookupError):
            continue
        for task in tasks:
            try:
                cpu_ns = int((task / "schedstat").read_text().split()[0])
                task_status = (task / "status").read_text()
            except (FileNotFoundError, ProcessLookupError):
                continue  # the thread ended while we looked
            lines = task_status.splitlines()
            switches = next(int(line.split()[1]) for line in lines if line.startswith("voluntary_ctxt"))
            threads[int(task.name)] = (cpu_ns, switches)
        rss += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
        pss += next(int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:"))
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


def state_of(desktop: Desktop, scratch: Path, name: str, backbreak: Path) -> str:
    """What a backbreak instance says it is doing, from `backbreak status --json`."""
    home = scratch / name.replace(" ", "-").strip("()")
    done = subprocess.run(
        [str(backbreak), "status", "--json"],
        env=app_env(desktop, home),
        capture_output=True,
        text=True,
        check=False,
    )
    return str(json.loads(done.stdout)["state"]) if done.returncode == 0 else f"unreachable ({done.stderr.strip()})"


def main(backbreak: Path) -> dict[str, dict[str, float]]:
    """Idle cost of the installed `backbreak` beside the baselines (and the peers where installed)."""
    seconds = float(os.environ.get("BENCH_IDLE_SECONDS", "60"))
    python = str(venv_python(backbreak))  # the same Qt files as backbreak's (see startup.venv_python)
    apps = {
        "bare PySide6 tray": [python, str(Path(__file__).with_name("bare_tray.py"))],
        "bare + APScheduler": [python, str(Path(__file__).with_name("bare_tray.py")), "--apscheduler"],
        "backbreak": [str(backbreak)],
        "backbreak (away)": [str(backbreak)],
    }
    apps.update({name: [command] for name, command in (("Workrave", "workrave"), ("Safe Eyes", "safeeyes"))
                 if shutil.which(command)})  # fmt: skip
    with tempfile.TemporaryDirectory() as scratch, Desktop(Path(scratch) / "desktop") as desktop:
        procs = {}
        for name, argv in apps.items():
            home = Path(scratch) / name.replace(" ", "-").strip("()")
            (home / "config" / "safeeyes" / "style").mkdir(parents=True)  # Safe Eyes 2.1.5 dies without it
            if name == "backbreak":
                # Not a first run: no welcome window, as on any day after the first.
                (home / "config" / "backbreak").mkdir()
                (home / "config" / "backbreak" / "settings.toml").write_text("schema_version = 1\n")
            if "away" in name:
                # A 10 s idle threshold: this one is away for the whole window, polling for the return.
                (home / "config" / "backbreak").mkdir()
                (home / "config" / "backbreak" / "settings.toml").write_text(
                    'schema_version = 1\n[reminders]\nidle_threshold = "10s"\n'
                )
            procs[name] = subprocess.Popen(
                argv, env=app_env(desktop, home), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
        try:
            watch = TrayWatch(desktop.env["DISPLAY"])
            # Every app's icon (a peer's may belong to a helper process, so count them, not match pids).
            wait_until(lambda: len(watch.icons()) >= len(procs), 60, "every app in the tray")
            watch.close()
            threading.Event().wait(SETTLE)
            before = {name: sample(proc.pid) for name, proc in procs.items()}
            threading.Event().wait(seconds)
            after = {name: sample(proc.pid) for name, proc in procs.items()}
            states = {
                name: state_of(desktop, Path(scratch), name, backbreak) for name in apps if name.startswith("backbreak")
            }
        finally:
            for proc in procs.values():
                proc.terminate()
                proc.wait(10)
    per_minute = 60 / seconds
    print(f"idle cost over {seconds:.0f} s, no input (per minute; memory at the end)")
    print(f"{'app':20} {'CPU ms/min':>11} {'wake-ups/min':>13} {'RSS MB':>8} {'PSS MB':>8} {'threads':>8}  state")
    rows: dict[str, tuple[float, float, float, float]] = {}
    for name in apps:
        used = difference(before[name][0], after[name][0])
        cpu, wakeups = used.cpu_ms * per_minute, used.wakeups * per_minute
        rss, pss = after[name][1], after[name][2]
        rows[name] = (cpu, wakeups, rss, pss)
        threads = f"{len(before[name][0])}->{len(after[name][0])}"
        print(f"{name:20} {cpu:11.2f} {wakeups:13.1f} {rss:8.1f} {pss:8.1f} {threads:>8}  {states.get(name, '')}")
    for base in ("bare PySide6 tray", "bare + APScheduler"):
        bare = rows[base]
        for name in ("backbreak", "backbreak (away)"):
            ours = rows[name]
            print(
                f"{name} vs {base}: CPU {ours[0] - bare[0]:+.1f} ms/min, wake-ups {ours[1] - bare[1]:+.1f}/min, "
                f"RSS {ours[2] - bare[2]:+.1f} MB, PSS {ours[3] - bare[3]:+.1f} MB"
            )
    if not any(name in rows for name in ("Workrave", "Safe Eyes")):
        print("peers not installed here; as measured in shared/PEERS.md section 6 (60 s idle windows, medians):")
        for name, (cpu, wakeups, rss) in PEERS.items():
            print(f"  {name:18} {cpu:6.1f} ms CPU/min {wakeups:6d} wake-ups/min {rss:6.1f} MB RSS")
    print(
        "targets: idle CPU and wake-ups no worse than before; idle PSS within 4 MB of the bare icon with "
        "APScheduler (CPU from /proc/<tid>/schedstat, in ns)"
    )
    return {
        name: {"cpu_ms_per_min": cpu, "wakeups_per_min": wakeups, "rss_mb": rss, "pss_mb": pss}
        for name, (cpu, wakeups, rss, pss) in rows.items()
    }
