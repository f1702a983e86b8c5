"""Annotated copies of returns: each cell with a finding gets a fill and a comment saying what to do.

The original is never written: the copy goes to another folder under the same file name.
openpyxl rewrites the workbook it loads, so parts it does not model (charts, images, slicers)
are not carried into the copy; values, styles, validation and conditional formats are.
"""

from __future__ import annotations

import math
import os
from collections import defaultdict
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
from openpyxl.utils.cell import coordinate_from_string
from openpyxl.utils.exceptions import CellCoordinatesException
from openpyxl.worksheet.worksheet import Worksheet

from workbook_templates.saving import save_workbook

from .findings import Finding, Severity

AUTHOR = "council-returns"
WRITABLE_SUFFIXES = (".xlsx", ".xlsm")  # openpyxl cannot write .xls, .xlsb or .ods
FILLS = {
    Severity.ERROR: PatternFill(fill_type="solid", fgColor="FFC7CE"),
    Severity.QUERY: PatternFill(fill_type="solid", fgColor="FFEB9C"),
}
# Comment box size in pixels (openpyxl writes them to the VML shape as px): wide enough for a
# sentence, tall enough for every wrapped line, so the officer need not resize each box.
COMMENT_WIDTH_PX = 320
CHARS_PER_LINE = 48  # roughly what fits in COMMENT_WIDTH_PX in Excel's default comment font
LINE_HEIGHT_PX = 16
MAX_COMMENT_HEIGHT_PX = 640


def _same_folder(a: Path, b: Path) -> bool:
    a, b = a.resolve(), b.resolve()
    return a == b or (a.exists() and b.exists() and os.path.samefile(a, b))


def _comment_text(findings: list[Finding]) -> str:
    blocks = []
    for f in findings:
        lines = [f"{f.rule} {f.severity.value}: {f.message}"]
        if f.expected:
            lines.append(f"Expected: {f.expected}")
        if f.found:
            lines.append(f"Found: {f.found}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _comment(text: str) -> Comment:
    lines = sum(max(1, math.ceil(len(line) / CHARS_PER_LINE)) for line in text.split("\n"))
    height = min(MAX_COMMENT_HEIGHT_PX, (lines + 1) * LINE_HEIGHT_PX + 8)  # a spare line so nothing is cut off
    return Comment(ILLEGAL_CHARACTERS_RE.sub("\ufffd", text), AUTHOR, height=height, width=COMMENT_WIDTH_PX)


def _anchor(ws: Worksheet, address: str) -> str | None:
    """The cell to mark for `address`: itself, or the top-left cell of the merged range holding it."""
    try:
        column, row = coordinate_from_string(address.replace("$", "").upper())
    except CellCoordinatesException:  # not one A1 cell (a range, or garbage): nothing to mark
        return None
    coordinate = f"{column}{row}"
    for merged in ws.merged_cells.ranges:
        if coordinate in merged:
            return merged.start_cell.coordinate
    return coordinate


def _mark(ws: Worksheet, coordinate: str, findings: list[Finding]) -> None:
    cell = ws[coordinate]
    severity = Severity.ERROR if any(f.severity is Severity.ERROR for f in findings) else Severity.QUERY
    cell.fill = FILLS[severity]
    text = _comment_text(findings)
    if cell.comment is not None and cell.comment.author != AUTHOR:
        # Keep what the officer already wrote on the cell beneath the findings.
        text += f"\n\nEarlier comment ({cell.comment.author or 'no author'}):\n{cell.comment.text}"
    cell.comment = _comment(text)


def annotate_copy(source: Path, findings: list[Finding], out_dir: Path) -> Path | None:
    """Write a copy of `source` to `out_dir` with each finding's cell filled and commented.

    Returns the copy's path, or None when openpyxl cannot write the format (.xls, .xlsb, .ods).
    Findings without a cell, or on a sheet the workbook lacks, are skipped. Raises ValueError
    when `out_dir` is the source's own folder, so the original can never be overwritten.
    """
    source, out_dir = Path(source), Path(out_dir)
    suffix = source.suffix.lower()
    if suffix not in WRITABLE_SUFFIXES:
        return None
    target = out_dir / source.name
    if _same_folder(out_dir, source.parent) or (target.exists() and _same_folder(target, source)):
        raise ValueError(f"the annotated copy of {source.name} would overwrite the original; "
                         "choose a different folder")
    wb = load_workbook(source, keep_vba=suffix == ".xlsm")  # keep the macros of an .xlsm
    by_cell: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in findings:
        if not f.cell or f.sheet not in wb.sheetnames:
            continue
        coordinate = _anchor(wb[f.sheet], f.cell)
        if coordinate is not None:
            by_cell[(f.sheet, coordinate)].append(f)
    for (sheet, coordinate), cell_findings in by_cell.items():
        _mark(wb[sheet], coordinate, sorted(cell_findings, key=lambda f: (f.severity is not Severity.ERROR, f.rule)))
    return save_workbook(wb, target)
