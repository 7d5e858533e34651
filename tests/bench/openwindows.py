"""How fast the settings and statistics windows open on a real (virtual) X display: target 150 ms."""

from __future__ import annotations

from tests.bench.probe import run_probe

TARGET_MS = 150


def main() -> dict[str, object]:
    figures = run_probe("tests.bench.openwindows_probe")
    print(f"settings and statistics windows, request to first painted frame (Xvfb with openbox; target {TARGET_MS} ms)")
    for name, title in (("settings", "settings"), ("stats", f"statistics ({figures['history_rows']} history rows)")):
        shown = figures[name]
        print(
            f"  {title}: first open {shown['cold_ms']:.0f} ms (imports its modules then), "
            f"again median {shown['warm_median_ms']:.0f} ms, max {shown['warm_max_ms']:.0f} ms"
        )

    return dict(figures)


if __name__ == "__main__":
    main()
