"""`backbreak doctor`'s report: one line per capability, JSON for scripts, exit 1 only for a missing essential."""

from __future__ import annotations

import json

from backbreak.doctor.report import MISSING, OK, WARN, Finding, as_json, as_text, exit_code

TRAY_NONE = Finding("tray", "tray", WARN, "none", "install a tray")
DISPLAY_OK = Finding("display", "display", OK, ":0 (Qt platform xcb)", essential=True)
DISPLAY_NONE = Finding("display", "display", MISSING, "no graphical display", "start it from your session", True)
IDLE_NONE = Finding("idle", "idle source", MISSING, "none")  # not essential: missing does not fail the run


def test_a_warning_or_a_missing_extra_exits_0_and_a_missing_essential_exits_1() -> None:
    assert exit_code([DISPLAY_OK, TRAY_NONE, IDLE_NONE]) == 0
    assert exit_code([DISPLAY_NONE, TRAY_NONE]) == 1


def test_text_has_one_line_per_capability_with_status_and_what_to_do() -> None:
    lines = as_text([DISPLAY_OK, TRAY_NONE], "9.9").splitlines()
    assert lines == [
        "backbreak 9.9 doctor",
        "ok      display: :0 (Qt platform xcb)",
        "warn    tray: none -> install a tray",
        "essentials work",
    ]
    assert as_text([DISPLAY_NONE], "9.9").splitlines()[-1].startswith("something essential is missing")


def test_json_carries_every_field_in_order() -> None:
    report = json.loads(as_json([DISPLAY_NONE, TRAY_NONE], "9.9"))
    assert report["version"] == "9.9"
    assert report["essentials_ok"] is False
    assert [check["key"] for check in report["checks"]] == ["display", "tray"]
    assert report["checks"][0] == {
        "key": "display",
        "label": "display",
        "status": "missing",
        "detail": "no graphical display",
        "advice": "start it from your session",
        "essential": True,
    }
