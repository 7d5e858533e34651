"""The stretch window's speed on a real (virtual) X display: first paint, frame pacing, memory."""

from __future__ import annotations

from tests.bench.probe import run_probe


def main() -> dict[str, object]:
    figures = run_probe("tests.bench.window_probe")
    interval = figures["display_interval_ms"]
    print("stretch window (desk-2, Xvfb with openbox)")
    print(
        f"  request to first painted frame: median {figures['first_paint_ms_median']:.0f} ms, "
        f"max {figures['first_paint_ms_max']:.0f} ms (target under 150 ms)"
    )
    worst = ", ".join(f"{name} {ms:.1f} ms" for name, ms in figures["frame_gap_ms_max_by_routine"].items())
    print(
        f"  frame pacing over {figures['frames']} frames of movement that never stops (shoulder rolls, walking, "
        f"rolling onto the side): median {figures['frame_gap_ms_median']:.1f} ms, "
        f"worst {figures['frame_gap_ms_max']:.1f} ms "
        f"({worst}); display interval {interval:.1f} ms (target: no frame later than {2 * interval:.1f} ms)"
    )
    grown = figures["rss_after_50_mb"] - figures["rss_before_mb"]
    print(
        f"  memory after opening and closing it 50 times: {grown:+.1f} MB "
        f"({figures['rss_before_mb']:.1f} -> {figures['rss_after_50_mb']:.1f} MB; target within 2 MB)"
    )

    return dict(figures)


if __name__ == "__main__":
    main()
