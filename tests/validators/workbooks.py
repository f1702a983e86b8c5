"""Build odd workbooks for tests with openpyxl: generated here, never hand-edited binaries."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import openpyxl

from ruleset import Ruleset
from workbook_templates.template_layout import LAYOUT


def measures_headers(rules: Ruleset) -> list[str]:
    return [rules.columns("measures").header(f) for f in LAYOUT["measures"]]


def measure_row(rules: Ruleset, **values: object) -> list[object]:
    """A template-order row; unspecified fields blank."""
    return [values.get(f) for f in LAYOUT["measures"]]


def write_sheet(path: Path, rows: Sequence[Sequence[object]], title: str = "Measures",
                extra: dict[str, Sequence[Sequence[object]]] | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(list(row))
    for name, more in (extra or {}).items():
        other = wb.create_sheet(name)
        for row in more:
            other.append(list(row))
    wb.save(path)
    return path


def good_row(rules: Ruleset, code: str = "CM PM05", q: tuple = (92.5, 92.1), ye: tuple = (92.5, 92.5),
             q_status: str = "Green", f_status: str = "Green", **more: object) -> list[object]:
    return measure_row(rules, code=code, polarity="High", unit="%", frequency="Quarterly",
                       quarterly_target=q[0], quarterly_actual=q[1], quarterly_status=q_status,
                       year_end_target=ye[0], year_end_forecast=ye[1], forecast_status=f_status, **more)


def about_rows(period: str = "Q2 2022/23", scheme: str = "2022/23") -> list[list[object]]:
    return [["Council", "Derby City Council"], ["Reporting period", period], ["RAG scheme", scheme]]
