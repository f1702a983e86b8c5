"""An open xlwings Book -> the same sheet grids the command line reads from disk.

One bulk read per sheet (used range as a 2-D block), never cell by cell: range transfers are
the slow part of any Excel add-in.
"""

from __future__ import annotations

from pathlib import Path

import xlwings as xw

from validators.workbook_files import SheetGrid, Workbook


def _grid(sheet: xw.Sheet) -> list[list[object]]:
    used = sheet.used_range
    values = used.options(ndim=2, empty="").value or []
    top, left = used.row, used.column
    width = left - 1 + max((len(r) for r in values), default=0)
    rows: list[list[object]] = [[""] * width for _ in range(top - 1)]  # pad up to A1, as calamine reads
    for row in values:
        rows.append([""] * (left - 1) + ["" if v is None else v for v in row])
    return rows


def workbook_from_book(book: xw.Book) -> Workbook:
    return Workbook(Path(book.name), {s.name: SheetGrid(s.name, _grid(s)) for s in book.sheets}, on_disk=False)
