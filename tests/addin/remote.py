"""xlwings' remote engine without Excel: a payload made from a real workbook, and its actions applied back.

`payload_from_xlsx` builds what the Office.js client posts; `apply_actions` replays the actions
xlwings returns onto a copy of the workbook with openpyxl, so tests assert on a real workbook.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import xlwings as xw
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, (dt.datetime, dt.date)):
        return to_excel(value)  # Office.js sends dates as serial numbers
    return value


def payload_from_xlsx(path: Path) -> dict:
    wb = openpyxl.load_workbook(path)
    sheets = []
    for ws in wb:
        values = [[_cell(c.value) for c in row] for row in ws.iter_rows(min_row=1, min_col=1)]
        notes = [{"address": f"${c.column_letter}${c.row}", "text": c.comment.text}
                 for row in ws.iter_rows() for c in row if c.comment]
        sheets.append({"name": ws.title, "values": values or [[""]], "pictures": [], "tables": [], "notes": notes})
    return {"client": "Office.js", "version": xw.__version__,
            "book": {"name": path.name, "active_sheet_index": 0, "selection": "A1"},
            "names": [], "sheets": sheets}


def book_from_xlsx(path: Path) -> xw.Book:
    return xw.Book(json=payload_from_xlsx(path))


class Applied:
    """What applying the actions produced besides the workbook: alerts and charts."""

    def __init__(self) -> None:
        self.alerts: list[str] = []
        self.charts: list[dict] = []


def _cells(ws, a: dict):
    for r in range(a["start_row"] + 1, a["start_row"] + a["row_count"] + 1):
        for c in range(a["start_column"] + 1, a["start_column"] + a["column_count"] + 1):
            yield ws.cell(row=r, column=c)


def apply_actions(actions: list[dict], wb: openpyxl.Workbook) -> Applied:
    """Replay xlwings remote actions onto an openpyxl workbook (the subset the add-in uses)."""
    order = list(wb.sheetnames)
    out = Applied()
    for a in actions:
        func, args = a["func"], a["args"]
        ws = wb[order[a["sheet_position"]]] if a.get("sheet_position") is not None else None
        if func == "setValues":
            for r, row in enumerate(a["values"]):
                for c, value in enumerate(row):
                    ws.cell(row=a["start_row"] + r + 1, column=a["start_column"] + c + 1,
                            value=None if value == "" else value)
        elif func == "setRangeColor":
            for cell in _cells(ws, a):
                cell.fill = PatternFill("solid", start_color=args[0][1:]) if args[0] else PatternFill()
        elif func in ("addNote", "setNoteText"):
            for cell in _cells(ws, a):
                cell.comment = Comment(args[-1], "xlwings")
        elif func == "setFontProperty":
            prop, value = args
            for cell in _cells(ws, a):
                f = cell.font
                attrs = {"name": f.name, "size": f.size, "bold": f.bold, "italic": f.italic, "color": f.color}
                attrs.update({"color": value[1:]} if prop == "color" else {prop: value})
                cell.font = Font(**attrs)
        elif func == "addSheet":
            position, name = args
            wb.create_sheet(name, position)
            order.insert(position, name)
        elif func == "sheetDelete":
            wb.remove(ws)
            order.remove(ws.title)
        elif func == "rangeMerge":
            ws.merge_cells(start_row=a["start_row"] + 1, start_column=a["start_column"] + 1,
                           end_row=a["start_row"] + a["row_count"], end_column=a["start_column"] + a["column_count"])
        elif func == "setColumnWidth":
            ws.column_dimensions[get_column_letter(a["start_column"] + 1)].width = args[0]
        elif func == "setRowHeight":
            ws.row_dimensions[a["start_row"] + 1].height = args[0]
        elif func == "setWrapText":
            for cell in _cells(ws, a):
                cell.alignment = Alignment(wrap_text=args[0], vertical="top")
        elif func == "addHyperlink":
            for cell in _cells(ws, a):
                cell.hyperlink, cell.value = args[0], args[1]
        elif func == "setNumberFormat":
            for cell in _cells(ws, a):
                cell.number_format = args[0]
        elif func == "freezePaneAtRange":
            ws.freeze_panes = args[0]
        elif func == "alert":
            out.alerts.append(args[0])
        elif func.startswith(("addChart", "setChart")):
            out.charts.append(a)
        else:
            raise AssertionError(f"the add-in sent an action these tests do not model: {func}")
    return out


def run_on_copy(operation, source: Path, tmp: Path, **kwargs):
    """Run an operation on a payload of `source`; apply its actions to a copy; return (outcome, wb, applied)."""
    book = book_from_xlsx(source)
    outcome = operation(book, **kwargs)
    wb = openpyxl.load_workbook(source)
    applied = apply_actions(book.json()["actions"], wb)
    copy = tmp / f"after_{source.name}"
    wb.save(copy)
    return outcome, openpyxl.load_workbook(copy), applied
