"""The "Validation" sheet the add-in writes into a return: one row per finding, each linked to its cell."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from .sheet_spec import SheetSpec, Style

VALIDATION_SHEET = "Validation"
HEADERS = ("Sheet", "Cell", "Measure / item", "Rule", "Severity", "What to do", "Expected", "Found")
WIDTHS = {"A": 14, "B": 8, "C": 20, "D": 7, "E": 9, "F": 70, "G": 12, "H": 14}
SEVERITY_FILL = {"Error": "FFC7CE", "Query": "FFEB9C"}


class FindingLike(Protocol):  # validators.findings.Finding, without importing validators here
    sheet: str | None
    cell: str | None
    measure_code: str | None
    rule: str
    message: str
    expected: str | None
    found: str | None

    @property
    def severity(self) -> object: ...


def validation_sheet(findings: Sequence[FindingLike]) -> SheetSpec:
    spec = SheetSpec(VALIDATION_SHEET, [list(HEADERS)])
    spec.styles.append(("A1:H1", Style(bold=True, font_colour="FFFFFF", fill="1F3864")))
    for f in findings:
        n = len(spec.rows) + 1
        severity = getattr(f.severity, "value", str(f.severity))
        spec.rows.append([f.sheet, f.cell, f.measure_code, f.rule, severity, f.message, f.expected, f.found])
        if f.sheet and f.cell:
            spec.links[f"B{n}"] = (f"#'{f.sheet}'!{f.cell}", f.cell)  # jumps to the faulty cell
        spec.styles += [(f"E{n}", Style(fill=SEVERITY_FILL.get(severity))), (f"F{n}", Style(wrap=True))]
    if not findings:
        spec.rows.append(["No findings: the return is clean."])
    spec.column_widths.update(WIDTHS)
    spec.freeze = "A2"
    return spec
