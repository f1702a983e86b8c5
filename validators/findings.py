"""Findings: what a check found, where (file, sheet, cell) and what the officer should do.

Every renderer (console, JSON, CSV, JUnit, HTML, Excel error report, annotated copies) reads
these and nothing else.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any, Literal


class Severity(str, Enum):
    ERROR = "Error"  # must be fixed before the return is accepted
    QUERY = "Query"  # looks wrong; the officer should confirm or fix


FileStatus = Literal["ok", "findings", "unreadable"]


@dataclass(frozen=True)
class Finding:
    path: str  # the file as the user named it
    sheet: str | None
    cell: str | None  # A1 address, when the finding is about one cell
    measure_code: str | None  # the measure code, or the milestone / project / risk reference
    rule: str  # rule code from the catalogue, e.g. "MS01"
    severity: Severity
    message: str  # plain English: what is wrong and what to do
    expected: str | None = None
    found: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape documented in the README (path is given once, on the file)."""
        data = asdict(self)
        data.pop("path")
        data["severity"] = self.severity.value
        return data

    @property
    def sort_key(self) -> tuple:
        return (self.sheet or "", _row_of(self.cell), self.cell or "", self.rule)


def _row_of(cell: str | None) -> int:
    digits = "".join(ch for ch in cell or "" if ch.isdigit())
    return int(digits) if digits else 0


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    unreadable: bool = False  # the file could not be read at all; its one finding says why

    @property
    def status(self) -> FileStatus:
        if self.unreadable:
            return "unreadable"
        return "findings" if self.findings else "ok"

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "status": self.status,
            "errors": self.count(Severity.ERROR),
            "queries": self.count(Severity.QUERY),
            "findings": [f.as_dict() for f in sorted(self.findings, key=lambda f: f.sort_key)],
        }


@dataclass
class RunResult:
    files: list[FileResult]
    ruleset: str = ""

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.files for f in r.findings]

    def count(self, severity: Severity) -> int:
        return sum(r.count(severity) for r in self.files)

    def by_rule(self) -> Counter[str]:
        return Counter(f.rule for f in self.findings)

    def exit_code(self, fail_on: Severity = Severity.ERROR) -> int:
        """0 when clean; 1 when any Error (or any Query too, when fail_on is Query)."""
        failing = {Severity.ERROR} if fail_on is Severity.ERROR else {Severity.ERROR, Severity.QUERY}
        return 1 if any(f.severity in failing for f in self.findings) else 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "ruleset": self.ruleset,
            "summary": {
                "files": len(self.files),
                "ok": sum(r.status == "ok" for r in self.files),
                "with_findings": sum(r.status == "findings" for r in self.files),
                "unreadable": sum(r.status == "unreadable" for r in self.files),
                "errors": self.count(Severity.ERROR),
                "queries": self.count(Severity.QUERY),
            },
            "files": [r.as_dict() for r in self.files],
        }
