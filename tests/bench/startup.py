"""Start, the command line and a hundred breaks, measured on the installed backbreak beside the baselines.

- start to tray icon: from just before the process is started to the moment its icon is embedded in the
  tray (asked of the X server in process, every 2 ms), and the CPU it used by then. Interleaved rounds
  after one unmeasured warm-up each (so no first run is timed), medians. The bare PySide6 icon, the bare
  icon with APScheduler, and Workrave and Safe Eyes where installed, start the same way.
- `backbreak status` round trip against the running instance, beside a bare `python3 -c pass` (the same
  interpreter the venv runs).
- memory after 100 break cycles through the real app: `backbreak break move`, the window shows, Esc
  closes it; RSS and PSS before and after.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tests.bench.xtray import TrayWatch
from tests.desktop.conftest import app_env
from tests.desktop.session import Desktop, wait_until

BARE = str(Path(__file__).with_name("bare_tray.py"))
NOT_FIRST_RUN = "schema_version = 1\n"


@dataclass
class Start:
    """One start: seconds to the icon, CPU ms used by then."""

    seconds: float
    cpu_ms: float


def venv_python(backbreak: Path) -> Path:
    """The interpreter of the venv `backbreak` is installed in: the baselines run on the same files.

    Not only for fairness of versions: a library file written moments ago (the fresh venv's Qt) sits in
    the page cache as large folios, and a process that maps it gets whole folios counted in its RSS, up to
    12 MB more for the same pages touched than a copy of Qt read from disk (measured on Linux 6.18 ext4:
    75.5 MB either way after dropping the caches). Mapping the same files, every app pays alike.
    """
    return backbreak.with_name("python")


def apps(backbreak: Path) -> dict[str, list[str]]:
    """What starts, by name; the peers only where installed."""
    python = str(venv_python(backbreak))
    found = {
        "bare PySide6 tray": [python, BARE],
        "bare + APScheduler": [python, BARE, "--apscheduler"],
        "backbreak": [str(backbreak)],
    }
    for name, command in (("Workrave", "workrave"), ("Safe Eyes", "safeeyes")):
        if shutil.which(command):
            found[name] = [command]
    return found


def cpu_ms(pid: int) -> float:
    """CPU time of every thread of `pid` so far."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total / 1e6


def memory_mb(pid: int) -> tuple[float, float]:
    """RSS and PSS of `pid`, in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    rss = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
    rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    pss = next(int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:"))
    return rss / 1024, pss / 1024


def home_of(scratch: Path, name: str) -> Path:
    """Each app's own home, kept across its rounds: the unmeasured warm-up makes its first-run files."""
    home = scratch / name.replace(" ", "-")
    if not home.exists():
        (home / "config" / "backbreak").mkdir(parents=True)
        (home / "config" / "safeeyes" / "style").mkdir(parents=True)  # Safe Eyes 2.1.5 dies without it
        (home / "config" / "backbreak" / "settings.toml").write_text(NOT_FIRST_RUN)
    return home


def time_start(desktop: Desktop, watch: TrayWatch, argv: list[str], home: Path) -> Start:
    """Start `argv`, time it to its icon, then stop it and wait until its icon is gone."""
    before = watch.icons()
    started = time.perf_counter()
    proc = subprocess.Popen(
        argv, env=app_env(desktop, home), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    pause = threading.Event()
    try:
        while not watch.icons() - before:
            if time.perf_counter() - started > 30 or proc.poll() is not None:
                raise RuntimeError(f"{argv[0]}: no tray icon (exit {proc.poll()})")
            pause.wait(0.002)
        seconds = time.perf_counter() - started
        used = cpu_ms(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
    wait_until(lambda: not (watch.icons() - before), 10, "the icon to go away")
    return Start(seconds, used)


def starts(desktop: Desktop, scratch: Path, backbreak: Path, rounds: int) -> dict[str, list[Start]]:
    """Every app started `rounds` times, interleaved, after one unmeasured warm-up each."""
    watch = TrayWatch(desktop.env["DISPLAY"])
    measured: dict[str, list[Start]] = {name: [] for name in apps(backbreak)}
    try:
        for round_ in range(rounds + 1):
            for name, argv in apps(backbreak).items():
                result = time_start(desktop, watch, argv, home_of(scratch, name))
                if round_:
                    measured[name].append(result)
    finally:
        watch.close()
    return measured


def one_break(desktop: Desktop, env: dict[str, str], backbreak: Path) -> None:
    """`backbreak break move`, the window shows, Esc closes it, and the engine is back at work."""
    subprocess.run([str(backbreak), "break", "move"], env=env, capture_output=True, check=True)
    for keys in (
        ["search", "--sync", "--onlyvisible", "--name", "^Stretch break", "windowactivate", "--sync"],
        ["key", "Escape"],
    ):
        subprocess.run(["xdotool", *keys], env=desktop.env, capture_output=True, timeout=20, check=False)
    wait_until(
        lambda: (
            b'"on_break"'
            not in subprocess.run([str(backbreak), "status", "--json"], env=env, capture_output=True).stdout
        ),
        20,
        "the break to end",
    )


def median_run(argv: list[str], env: dict[str, str], times: int) -> float:
    """Median seconds of `times` runs of `argv`."""
    taken = []
    for _ in range(times):
        started = time.perf_counter()
        subprocess.run(argv, env=env, capture_output=True, check=True)
        taken.append(time.perf_counter() - started)
    return statistics.median(taken)


def status_and_cycles(desktop: Desktop, scratch: Path, backbreak: Path, cycles: int) -> dict[str, float]:
    """`status` round trips, `python3 -c pass`, and memory across `cycles` break windows."""
    home = home_of(scratch, "status")
    env = app_env(desktop, home)
    app = subprocess.Popen([str(backbreak)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until(lambda: subprocess.run([str(backbreak), "status"], env=env, capture_output=True).returncode == 0,
                   30, "backbreak to answer")  # fmt: skip
        figures = {
            "status_round_trip_s": median_run([str(backbreak), "status"], env, 21),
            "python_pass_s": median_run([str(venv_python(backbreak)), "-c", "pass"], env, 21),
        }
        threading.Event().wait(10)  # let start-up work (first sample, history, icon paints) finish first
        figures["rss_before_cycles_mb"], figures["pss_before_cycles_mb"] = memory_mb(app.pid)
        for done in range(1, cycles + 1):
            one_break(desktop, env, backbreak)
            if done == 1:  # the first break loads the window's code: what it costs once, apart
                figures["rss_after_first_mb"], figures["pss_after_first_mb"] = memory_mb(app.pid)
        threading.Event().wait(5)
        figures["rss_after_cycles_mb"], figures["pss_after_cycles_mb"] = memory_mb(app.pid)
        figures["cycles"] = cycles
    finally:
        app.terminate()
        app.wait(10)
    return figures
