"""`make bench`: figures, not pass/fail. Each benchmark prints what it measured."""

from __future__ import annotations

import statistics
import time

from tests.unit.test_workday import run_day


def bench_simulated_day(rounds: int = 20) -> None:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        day = run_day()
        times.append(time.perf_counter() - started)
    print(
        f"simulated work day (07:50-19:00, {len(day.timeline)} timeline lines, {day.wakeups} wake-ups): "
        f"median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms over {rounds} rounds"
    )


def main() -> None:
    bench_simulated_day()
    from tests.bench import idle, openwindows, window

    window.main()
    openwindows.main()
    idle.main()


if __name__ == "__main__":
    main()
