"""The improvement report and the dashboard as SheetSpecs, in the layout of the published reports (2017 on).

Input is a neutral list of ReportRow: the caller (validators or the add-in) has already read
the return and let the ruleset compute the statuses; this module only lays them out.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from ruleset import Ruleset

from .sheet_spec import ChartSpec, PrintSetup, SheetSpec, Style

IMPROVEMENT_SHEET = "Improvement Report"
DASHBOARD_SHEET = "Dashboard"
REPORT_TITLE = "Improvement Report - Council Scorecard"
COLUMNS = ("Measure Details", "Quarterly Target Status", "Forecast Year End Status", "Performance VS Target",
           "Context for Current Performance", "Improvement Actions Taken", "Intervention / Review")
WIDTHS = (34, 12, 12, 22, 40, 40, 30)
HEADER = Style(bold=True, font_colour="FFFFFF", fill="1F3864", wrap=True, vertical="center")
DIRECTORATE = Style(bold=True, fill="D9E1F2")
TEXT = Style(wrap=True)
STATUSES = ("Blue", "Green", "Amber", "Red")


@dataclass(frozen=True)
class ReportRow:
    code: str
    description: str
    directorate: str
    quarterly_status: str  # as the ruleset computes it (N/A when it cannot)
    forecast_status: str
    quarterly_target: object
    quarterly_actual: object
    year_end_target: object
    year_end_forecast: object
    unit: str | None
    direction_of_travel: str | None
    context: str | None
    actions: str | None
    intervention: str | None
    in_report: bool


def figure(value: object, unit: str | None) -> str:
    """A figure as the published reports print it: one decimal place, thousands separated (250.0, 1,000.0)."""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        places = max(1, -number.normalize().as_tuple().exponent)  # -0.15 stays -0.15, 250 becomes 250.0
        text = f"{number:,.{places}f}"
        if unit == "%":
            return f"{text}%"
        return f"£{text}" if unit == "£" else text
    return "" if value is None else str(value).strip()


def performance_vs_target(row: ReportRow) -> str:
    """The one cell that holds the quarter's and the year's figures and the direction of travel."""
    lines = ["Quarterly data", f"Target {figure(row.quarterly_target, row.unit)}",
             f"Actual {figure(row.quarterly_actual, row.unit)}", "Forecast data",
             f"Target {figure(row.year_end_target, row.unit)}", f"Actual {figure(row.year_end_forecast, row.unit)}"]
    if row.direction_of_travel:
        lines.append(row.direction_of_travel)
    return "\n".join(lines)


def _status_style(rules: Ruleset, status: str) -> Style:
    term = rules.vocab["measure_status"].lookup(status)
    if term is None or term.colour is None:
        return Style(horizontal="center")
    return Style(bold=True, fill=term.colour, font_colour=term.font_colour, horizontal="center")


def improvement_report(rules: Ruleset, rows: list[ReportRow], council: str, period_end: dt.date | str | None,
                       criterion: str | None = None) -> SheetSpec:
    """Title, council, period end, then the qualifying measures grouped under "Directorate : <name>"."""
    when = f"{period_end:%d-%b-%Y}" if isinstance(period_end, dt.date) else (period_end or "")
    crit = rules.criterion(criterion)
    spec = SheetSpec(IMPROVEMENT_SHEET, [[REPORT_TITLE], [council], [when], [f"Measures included: {crit.label}"],
                                         list(COLUMNS)])
    spec.styles += [("A1:G1", Style(bold=True, size=14)), ("A2:G3", Style(bold=True)),
                    ("A4:G4", Style(italic=True, wrap=True)), ("A5:G5", HEADER)]
    spec.merges += ["A1:G1", "A2:G2", "A3:G3", "A4:G4"]
    spec.row_heights[5] = 45  # three lines of header
    chosen = [r for r in rows if rules.in_improvement_report(r.quarterly_status, r.forecast_status, criterion)]
    by_directorate: dict[str, list[ReportRow]] = defaultdict(list)
    for r in chosen:
        by_directorate[r.directorate or "Directorate not stated"].append(r)
    for directorate in sorted(by_directorate):
        n = len(spec.rows) + 1
        spec.rows.append([f"Directorate : {directorate}"])
        spec.styles.append((f"A{n}:G{n}", DIRECTORATE))
        spec.merges.append(f"A{n}:G{n}")
        for r in by_directorate[directorate]:
            n = len(spec.rows) + 1
            spec.rows.append([f"{r.code}\n{r.description}".strip(), r.quarterly_status, r.forecast_status,
                              performance_vs_target(r), r.context, r.actions, r.intervention])
            spec.styles += [(f"A{n}:G{n}", TEXT), (f"B{n}", _status_style(rules, r.quarterly_status)),
                            (f"C{n}", _status_style(rules, r.forecast_status))]
            longest = max(len(str(v or "")) / w for v, w in zip(spec.rows[-1], WIDTHS, strict=True))
            spec.row_heights[n] = max(105.0, min(400.0, 15.0 * (longest + 1)))  # seven lines of figures at least
    if not chosen:
        spec.rows.append(["No measure meets the criterion this period."])
    spec.rows.append([])
    spec.rows.append(["Data Source: DORIS"])
    spec.styles.append((f"A{len(spec.rows)}", Style(italic=True)))
    spec.column_widths.update({chr(65 + i): w for i, w in enumerate(WIDTHS)})
    spec.freeze = "A6"
    spec.print_setup = PrintSetup(orientation="landscape", fit_to_width=True, repeat_rows="5:5")
    return spec


def dashboard(rules: Ruleset, rows: list[ReportRow]) -> SheetSpec:
    """Counts of measures by status per directorate, the share that met target and the share forecast to."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    forecast: Counter[str] = Counter()
    for r in rows:
        counts[r.directorate or "Directorate not stated"][r.quarterly_status] += 1
        forecast[r.forecast_status] += 1
    spec = SheetSpec(DASHBOARD_SHEET, [["Dashboard summary - Council Scorecard"], [],
                                       ["Directorate", *STATUSES, "Total rated"]])
    spec.styles += [("A1:F1", Style(bold=True, size=14)), ("A3:F3", HEADER)]
    for i, status in enumerate(STATUSES):
        spec.styles.append((f"{chr(66 + i)}3", _status_style(rules, status)))
    for directorate in sorted(counts):
        c = counts[directorate]
        spec.rows.append([directorate, *(c[s] for s in STATUSES), sum(c[s] for s in STATUSES)])
    last = len(spec.rows)
    total = Counter()
    for c in counts.values():
        total.update({s: c[s] for s in STATUSES})
    rated = sum(total[s] for s in STATUSES)
    spec.rows.append(["Total", *(total[s] for s in STATUSES), rated])
    spec.styles.append((f"A{last + 1}:F{last + 1}", Style(bold=True)))
    met = (total["Blue"] + total["Green"]) / rated if rated else 0.0
    forecast_rated = sum(forecast[s] for s in STATUSES)
    to_meet = (forecast["Blue"] + forecast["Green"]) / forecast_rated if forecast_rated else 0.0
    spec.rows += [[], ["Of the measures with a target, share that met or exceeded it", met],
                  ["Share forecast to achieve the year-end target", to_meet]]
    spec.styles += [(f"B{last + 3}:B{last + 4}", Style(bold=True, number_format="0%"))]
    spec.column_widths.update({"A": 52, "B": 10, "C": 10, "D": 10, "E": 10, "F": 12})
    if counts:
        spec.chart = ChartSpec(anchor="H3", data=f"A3:E{last}", title="Measures by status and directorate",
                               colours=tuple(rules.status_colour(s) or "808080" for s in STATUSES))
    spec.print_setup = PrintSetup(orientation="landscape", fit_to_width=True)
    return spec
