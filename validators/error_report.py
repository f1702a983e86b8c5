"""The Excel error report: one workbook listing every finding, linked back to the returns.

A "Summary" sheet first (one row per file, linked to its sheet in this workbook), then one
sheet per return with a row per finding whose Cell is a hyperlink to that cell in the
original return, relative to the report's folder so the pair can be moved together.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from workbook_templates.saving import save_workbook

from .findings import FileResult, Finding, RunResult, Severity

SUMMARY = "Summary"
SUMMARY_HEADERS = ("File", "Status", "Errors", "Queries", "Findings sheet")
SUMMARY_WIDTHS = (50, 12, 9, 9, 34)
HEADERS = ("Sheet", "Cell", "Measure / item", "Rule", "Severity", "Message", "Expected", "Found")
WIDTHS = (16, 9, 24, 8, 10, 80, 24, 24)
MESSAGE_COLUMN = HEADERS.index("Message") + 1
SEVERITY_FILLS = {
    Severity.ERROR: PatternFill(fill_type="solid", fgColor="FFC7CE"),
    Severity.QUERY: PatternFill(fill_type="solid", fgColor="FFEB9C"),
}
MAX_TITLE = 31
_BAD_TITLE_CHARS = re.compile(r"[\[\]:*?/\\]")
_RESERVED_TITLES = {"history"}  # Excel keeps this sheet name for itself


def sheet_title(name: str, taken: Iterable[str]) -> str:
    """A valid, unused Excel sheet title from `name`: at most 31 characters, none of []:*?/\\,
    no apostrophe at either end, unique ignoring case (as Excel compares them)."""
    used = {t.casefold() for t in taken} | _RESERVED_TITLES
    base = _BAD_TITLE_CHARS.sub("_", name).strip().strip("'").strip() or "Return"
    title, n = base[:MAX_TITLE].rstrip("'"), 1
    while title.casefold() in used:
        n += 1
        suffix = f" ({n})"
        title = base[: MAX_TITLE - len(suffix)].rstrip("'") + suffix
    return title


def _quote_sheet(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


def _link_path(file_path: str, report_dir: Path, base_dir: Path) -> str:
    """The return's path relative to the report's folder, as a URI path Excel follows."""
    source = Path(file_path)
    if not source.is_absolute():
        source = base_dir / source
    try:
        relative = os.path.relpath(source, report_dir)
    except ValueError:  # another drive on Windows: no relative path exists
        relative = os.path.abspath(source)
    # Hyperlink targets are URIs: escape the characters that would change their meaning.
    return Path(relative).as_posix().replace("%", "%25").replace(" ", "%20").replace("#", "%23")


def _put(ws: Worksheet, row: int, column: int, value: object) -> Cell:
    """Write a value; text is cleaned of characters Excel rejects and never becomes a formula."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
        cell.data_type = "s"  # an officer's "=A1+1" is evidence, not a formula to run
    else:
        cell.value = value
    return cell


def _header(ws: Worksheet, headers: tuple[str, ...], widths: tuple[int, ...]) -> None:
    for column, (text, width) in enumerate(zip(headers, widths, strict=True), start=1):
        _put(ws, 1, column, text).font = Font(bold=True)
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.freeze_panes = "A2"


def _finish(ws: Worksheet, columns: int) -> None:
    ws.auto_filter.ref = f"A1:{get_column_letter(columns)}{max(ws.max_row, 1)}"
    ws.page_setup.orientation = "landscape"  # printed for officers: the whole width on one page
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def _finding_row(ws: Worksheet, row: int, f: Finding, link_path: str | None) -> None:
    values = (f.sheet or "", f.cell or "", f.measure_code or "", f.rule, f.severity.value,
              f.message, f.expected or "", f.found or "")
    for column, value in enumerate(values, start=1):
        cell = _put(ws, row, column, value)
        cell.alignment = Alignment(vertical="top", wrap_text=column == MESSAGE_COLUMN)
    if f.cell and link_path is not None:
        where = ws.cell(row=row, column=2)
        target = f"{link_path}#{_quote_sheet(f.sheet)}!{f.cell}" if f.sheet else link_path
        where.hyperlink = target
        where.style = "Hyperlink"
        where.alignment = Alignment(vertical="top")
    ws.cell(row=row, column=5).fill = SEVERITY_FILLS[f.severity]


def _file_sheet(ws: Worksheet, result: FileResult, link_path: str | None) -> None:
    _header(ws, HEADERS, WIDTHS)
    for row, f in enumerate(sorted(result.findings, key=lambda f: f.sort_key), start=2):
        _finding_row(ws, row, f, link_path)
    _finish(ws, len(HEADERS))


def write_error_report(run: RunResult, path: Path, base_dir: Path | None = None) -> Path:
    """Write the error report workbook to `path` (atomically) and return the path.

    `base_dir` is the folder relative file paths in `run` are relative to (default: the
    current folder); links to the returns are made relative to the report's own folder.
    """
    path = Path(path)
    base = Path(base_dir) if base_dir is not None else Path.cwd()
    report_dir = Path(os.path.abspath(path)).parent
    wb = Workbook()
    summary = wb.active
    summary.title = SUMMARY
    _header(summary, SUMMARY_HEADERS, SUMMARY_WIDTHS)
    taken = [SUMMARY]
    for row, result in enumerate(run.files, start=2):
        title = sheet_title(Path(result.path).stem, taken)
        taken.append(title)
        link_path = None if result.unreadable else _link_path(result.path, report_dir, base)
        _file_sheet(wb.create_sheet(title), result, link_path)
        for column, value in enumerate(
            (result.path, result.status, result.count(Severity.ERROR), result.count(Severity.QUERY), title), start=1
        ):
            _put(summary, row, column, value)
        link = summary.cell(row=row, column=len(SUMMARY_HEADERS))
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"{_quote_sheet(title)}!A1")  # inside this workbook
        link.style = "Hyperlink"
    _finish(summary, len(SUMMARY_HEADERS))
    return save_workbook(wb, path)
