"""What `backbreak doctor` found, one finding per capability, as lines or as JSON; and its exit code.

A finding is ok, warn (backbreak works, with less) or missing. Only an essential finding can be missing:
without it backbreak cannot run at all, and doctor exits 1.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Literal

Status = Literal["ok", "warn", "missing"]

OK: Status = "ok"
WARN: Status = "warn"
MISSING: Status = "missing"


@dataclass(frozen=True)
class Finding:
    """One capability: what was found, and what to do about it ("" when there is nothing to do)."""

    key: str  # stable, for scripts: "tray", "notifications", "idle", ...
    label: str  # for people: "tray", "idle source", ...
    status: Status
    detail: str
    advice: str = ""
    essential: bool = False


def essentials_work(findings: Sequence[Finding]) -> bool:
    """Whether nothing essential is missing."""
    return not any(finding.essential and finding.status == MISSING for finding in findings)


def exit_code(findings: Sequence[Finding]) -> int:
    """0 when the essentials work, 1 when one is missing."""
    return 0 if essentials_work(findings) else 1


def as_text(findings: Sequence[Finding], version: str) -> str:
    """One line per finding: status, label, what was found, then what to do."""
    lines = [f"backbreak {version} doctor"]
    for finding in findings:
        line = f"{finding.status:<8}{finding.label}: {finding.detail}"
        if finding.advice:
            line += f" -> {finding.advice}"
        lines.append(line)
    lines.append(
        "essentials work" if essentials_work(findings) else "something essential is missing: backbreak cannot run"
    )
    return "\n".join(lines)


def as_json(findings: Sequence[Finding], version: str) -> str:
    """One JSON object: version, essentials_ok and the findings in order."""
    return json.dumps(
        {
            "version": version,
            "essentials_ok": essentials_work(findings),
            "checks": [asdict(finding) for finding in findings],
        }
    )
