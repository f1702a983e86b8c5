"""The add-in's operations. Each takes an xlwings Book and reuses the reader, ruleset, catalogue and layouts.

No rule lives here: statuses come from the ruleset, findings from the catalogue through the
pandera suite, and the generated sheets from workbook_templates' sheet specs. Each operation
changes only what its button promises, says what it changed, and changes nothing when the
workbook is not a return it can read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import xlwings as xw

from ruleset import NOT_RATED, Ruleset, load_ruleset
from validators.catalogue import ROW_KINDS
from validators.derive import assemble, derive_file, scheme_for
from validators.findings import Finding, Severity
from validators.report_rows import about_value, report_rows
from validators.return_reader import CanonicalReturn, read_return
from validators.run import problem_finding, row_findings
from validators import suite_pandera
from workbook_templates.report_layouts import dashboard, improvement_report
from workbook_templates.sheet_spec import SheetSpec
from workbook_templates.validation_layout import VALIDATION_SHEET, validation_sheet

from .book_grids import workbook_from_book
from .write_xlwings import write_sheet

TITLE = "Performance"
HIGHLIGHT = {Severity.ERROR: "FFC7CE", Severity.QUERY: "FFEB9C"}


class NotAReturn(Exception):
    """The workbook cannot be used; str() is the message shown in Excel."""


@dataclass
class Outcome:
    message: str
    changed: list[str] = field(default_factory=list)  # cells written
    unrated: list[str] = field(default_factory=list)  # measures that could not be rated, with why
    findings: list[Finding] = field(default_factory=list)


def _read(book: xw.Book, rules: Ruleset) -> CanonicalReturn:
    ret = read_return(workbook_from_book(book), rules)
    if "measures" not in ret.layouts:
        problem = next((p for p in ret.problems if p.rule in ("F002", "F003")), None)
        detail = problem.detail if problem else "no sheet has a measures table"
        raise NotAReturn(f"This workbook is not a performance return that can be read: {detail}. "
                         "Use the quarterly return template. Nothing was changed.")
    missing = [p for p in ret.problems if p.rule == "F004" and p.sheet == ret.layouts["measures"].name]
    if missing:
        raise NotAReturn(f"{missing[0].detail[0].upper()}{missing[0].detail[1:]}. Nothing was changed.")
    return ret


def _run(book: xw.Book, operation, ruleset: str | Path | None) -> Outcome:
    """Run an operation; a workbook it cannot use gets a clear message in Excel and no change."""
    rules = load_ruleset(ruleset)
    try:
        outcome = operation(book, rules)
    except NotAReturn as exc:
        outcome = Outcome(str(exc))
    book.app.alert(outcome.message, title=TITLE)
    return outcome


# --- recompute status ------------------------------------------------------------------------


def _recompute(book: xw.Book, rules: Ruleset) -> Outcome:
    ret = _read(book, rules)
    scheme = scheme_for(rules, ret, None)[0]
    rows = derive_file(ret, 0, rules).rows["measures"]
    sheet = book.sheets[ret.layouts["measures"].name]
    outcome = Outcome("")
    statuses = rules.vocab["measure_status"]
    for item, row in zip(ret.items["measures"], rows, strict=True):
        label = item.label or f"row {item.row}"
        for field_name, prefix, words in (("quarterly_status", "q", "quarterly"), ("forecast_status", "f", "forecast")):
            cell = item.cells.get(field_name)
            expected = row[f"{prefix}_expected"]
            if cell is None:
                continue
            rating = rules.rate(*_figures(item, prefix), code=row["code"], polarity=row["polarity_found"],
                                scheme=scheme)
            if expected == NOT_RATED:
                outcome.unrated.append(f"{label} ({words}): {rating.reason}")
                continue  # left as it is: nothing to rate it by
            typed = item.values.get(field_name)
            term = statuses.lookup(expected)
            target = sheet[cell]
            if statuses.canonical(typed) != expected:
                was = f"was {typed}" if typed not in (None, "") else "was blank"
                target.value = expected
                note = f"{was}; {expected} under the {rating.scheme_name} scheme: {_deviation_words(rating)}"
                if target.note is None:
                    target.add_note(note)
                else:
                    target.note.text = note
                outcome.changed.append(f"{item.sheet}!{cell}")
            target.color = f"#{term.colour}"
            target.font.color = f"#{term.font_colour}"
    outcome.message = (f"Recomputed statuses: {len(outcome.changed)} changed, "
                       f"{len(outcome.unrated)} could not be rated.")
    if outcome.unrated:
        outcome.message += " Not rated: " + "; ".join(outcome.unrated[:10]) + (" ..." if len(outcome.unrated) > 10 else "")
    return outcome


def _figures(item, prefix: str) -> tuple[object, object]:
    v = item.values
    return ((v.get("quarterly_target"), v.get("quarterly_actual")) if prefix == "q"
            else (v.get("year_end_target"), v.get("year_end_forecast")))


def _deviation_words(rating) -> str:
    return rating.reason.split(" under the ")[0]


def recompute_status(book: xw.Book, ruleset: str | Path | None = None) -> Outcome:
    """Set every quarterly and forecast status to what the ruleset computes, fill it, note each change."""
    return _run(book, _recompute, ruleset)


# --- validate ------------------------------------------------------------------------------


def _findings(book: xw.Book, ret: CanonicalReturn, rules: Ruleset) -> list[Finding]:
    name = book.name
    derived = assemble([derive_file(ret, 0, rules)])
    failures = {kind: suite_pandera.failures(kind, derived.frames[kind]) for kind in ROW_KINDS}
    found = [problem_finding(name, p) for p in ret.problems]
    found += [f for _, f in row_findings(derived, failures, [name])]
    return sorted(found, key=lambda f: f.sort_key)


def _validate(book: xw.Book, rules: Ruleset) -> Outcome:
    ret = _read(book, rules)
    findings = _findings(book, ret, rules)
    _clear_old_highlights(book, rules)
    write_sheet(book, validation_sheet(findings))
    for finding in findings:
        if finding.sheet and finding.cell and finding.sheet in [s.name for s in book.sheets]:
            book.sheets[finding.sheet][finding.cell].color = f"#{HIGHLIGHT[finding.severity]}"
    errors = sum(f.severity is Severity.ERROR for f in findings)
    message = (f"Validation: {errors} errors and {len(findings) - errors} queries; see the "
               f"'{VALIDATION_SHEET}' sheet." if findings else "Validation: no findings. The return is clean.")
    return Outcome(message, findings=findings)


def _clear_old_highlights(book: xw.Book, rules: Ruleset) -> None:
    """Undo the last run's highlights (listed on its Validation sheet), so a second run replaces the first."""
    if VALIDATION_SHEET not in [s.name for s in book.sheets]:
        return
    old = book.sheets[VALIDATION_SHEET].used_range.options(ndim=2).value or []
    names = [s.name for s in book.sheets]
    for row in old[1:]:
        sheet, cell = (row + [None, None])[:2]
        if sheet in names and isinstance(cell, str) and cell:
            target = book.sheets[sheet][cell]
            colour = rules.status_colour(target.value) if isinstance(target.value, str) else None
            target.color = f"#{colour}" if colour else None  # a status cell keeps its status colour


def validate(book: xw.Book, ruleset: str | Path | None = None) -> Outcome:
    """Run the same checks as `validate` on the open workbook; list them on a Validation sheet and highlight them."""
    return _run(book, _validate, ruleset)


# --- improvement report and dashboard ---------------------------------------------------------


def _report(book: xw.Book, rules: Ruleset) -> Outcome:
    ret = _read(book, rules)
    rows = report_rows(ret, rules)
    council = about_value(ret, "council") or rules.data.council
    period_end = about_value(ret, "period_end") or about_value(ret, "period")
    spec = improvement_report(rules, rows, str(council), period_end)
    write_sheet(book, spec)
    included = sum(1 for r in rows if rules.in_improvement_report(r.quarterly_status, r.forecast_status))
    return Outcome(f"Improvement report: {included} of {len(rows)} measures included "
                   f"({rules.criterion().label.lower()}).")


def build_improvement_report(book: xw.Book, ruleset: str | Path | None = None) -> Outcome:
    """Create or replace the 'Improvement Report' sheet in the published layout."""
    return _run(book, _report, ruleset)


def _dashboard(book: xw.Book, rules: Ruleset) -> Outcome:
    ret = _read(book, rules)
    spec: SheetSpec = dashboard(rules, report_rows(ret, rules))
    sheet = write_sheet(book, spec)
    if spec.chart is not None:
        # Office.js cannot tell a cell's position synchronously: place the chart from the spec's column widths
        left = sum(spec.column_widths.get(chr(65 + i), 8.43) for i in range(6)) * 5.6 + 20
        chart = sheet.charts.add(left=left, top=30, width=420, height=240)
        chart.set_source_data(sheet[spec.chart.data])
        chart.chart_type = "bar_clustered"
    return Outcome("Dashboard: counts by status per directorate, with a chart.")


def build_dashboard(book: xw.Book, ruleset: str | Path | None = None) -> Outcome:
    """Create or replace the 'Dashboard' sheet: counts by status, shares met and forecast, a chart."""
    return _run(book, _dashboard, ruleset)


__all__ = ["Outcome", "build_dashboard", "build_improvement_report", "recompute_status", "validate"]
