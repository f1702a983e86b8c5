"""Canonical returns -> the rows of the improvement report and dashboard, with the ruleset's statuses."""

from __future__ import annotations

import datetime as dt

from ruleset import Ruleset

from .derive import derive_file
from .return_reader import CanonicalReturn

SHOWN = ("quarterly_target", "quarterly_actual", "year_end_target", "year_end_forecast")


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else (None if value is None else str(value))


def report_rows(ret: CanonicalReturn, rules: Ruleset, scheme: str | None = None) -> list:
    """One ReportRow per measure; statuses are those the ruleset computes, so membership follows the rules."""
    from workbook_templates.report_layouts import ReportRow

    derived = derive_file(ret, 0, rules, scheme)
    rows = []
    for item, row in zip(ret.items["measures"], derived.rows["measures"], strict=True):
        v = item.values
        code = row["code"] or ""
        entry = rules.measure(code) if code else None
        figures = {}
        for name in SHOWN:
            parsed = rules.values.parse(v.get(name))
            figures[name] = parsed.number if parsed.is_number else _text(v.get(name))
        rows.append(ReportRow(
            code=code,
            description=_text(v.get("description")) or (entry.description if entry else ""),
            directorate=_text(v.get("directorate")) or (entry.directorate if entry else ""),
            quarterly_status=row["q_expected"],
            forecast_status=row["f_expected"],
            unit=entry.unit if entry else rules.values.unit(v.get("unit")),
            direction_of_travel=rules.vocab["direction_of_travel"].canonical(v.get("direction_of_travel"))
            or _text(v.get("direction_of_travel")),
            context=_text(v.get("context")),
            actions=_text(v.get("actions")),
            intervention=_text(v.get("intervention")),
            in_report=row["in_report"],
            **figures,
        ))
    return rows


def about_value(ret: CanonicalReturn, name: str) -> object:
    value = ret.about.get(name, (None,))[0]
    if name == "period_end" and isinstance(value, (int, float)) and 1 <= value < 2958466:
        # a date read through Excel's API arrives as its serial number (days since 30 Dec 1899)
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
    return value
