"""Build the quarterly return workbook with openpyxl: the blank template, or a filled return.

`build_return` is the one writer: the committed template is `build_return(rules)` with no rows,
and the example returns are the same call with rows, so both always share one layout.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from ruleset import Ruleset

from .saving import save_workbook
from .template_layout import (
    ABOUT_FIELDS, ABOUT_SHEET, BLANK_ROWS, DATE, HEADER_ROW, INSTRUCTIONS, LAYOUT, LISTS_SHEET, SHEETS,
    TABLE_STYLE, FieldLayout,
)

TEMPLATE_PATH = Path(__file__).parent / "generated" / "quarterly_return_template.xlsx"
FIXED_TIMESTAMP = dt.datetime(2026, 1, 1)  # stable document properties, so regenerating changes nothing
HEADER_FILL = PatternFill("solid", start_color="1F3864", end_color="1F3864")
WHITE_BOLD = Font(bold=True, color="FFFFFF")

Row = Mapping[str, Any]


@dataclass
class CellMap:
    """Where build_return put each field: sheet title and A1 address, for manifests and tests."""

    about: dict[str, str] = field(default_factory=dict)
    rows: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # kind -> [{field: "J5"}]

    def cell(self, kind: str, index: int, field_name: str) -> tuple[str, str]:
        sheet = ABOUT_SHEET if kind == "about" else sheet_for(kind)
        address = self.about[field_name] if kind == "about" else self.rows[kind][index][field_name]
        return sheet, address


def sheet_for(kind: str) -> str:
    return next(title for title, k in SHEETS.items() if k == kind)


def list_names(rules: Ruleset) -> dict[str, list[str]]:
    """Every drop-down's values, by name."""
    lists = {name: vocab.values for name, vocab in rules.vocab.items()}
    lists["units"] = [u.name for u in rules.data.units]
    lists["register"] = [e.code for e in rules.register.entries]
    lists["schemes"] = list(rules.data.schemes)
    return lists


def _write_lists(wb: Workbook, rules: Ruleset) -> dict[str, str]:
    ws = wb.create_sheet(LISTS_SHEET)
    ws.sheet_state = "hidden"
    names: dict[str, str] = {}
    for col, (name, values) in enumerate(list_names(rules).items(), start=1):
        letter = get_column_letter(col)
        ws.cell(row=1, column=col, value=name).font = Font(bold=True)
        for r, value in enumerate(values, start=2):
            ws.cell(row=r, column=col, value=value)
        defined = f"List_{name}"
        ref = f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${len(values) + 1}"
        wb.defined_names[defined] = DefinedName(defined, attr_text=ref)
        names[name] = defined
        ws.column_dimensions[letter].width = max(12, min(40, max(len(str(v)) for v in values) + 2))
    return names


def _validation(layout: FieldLayout, list_name: str | None, header: str) -> DataValidation | None:
    if layout.whole_number:
        lo, hi = layout.whole_number
        dv = DataValidation(type="whole", operator="between", formula1=str(lo), formula2=str(hi), allow_blank=True)
        dv.error = f"{header} is a whole number from {lo} to {hi}."
    elif layout.choices and list_name:
        dv = DataValidation(type="list", formula1=f"={list_name}", allow_blank=True)
        dv.error = f"Choose {header} from the list."
    else:
        return None
    dv.errorTitle = header
    dv.showErrorMessage = True
    dv.errorStyle = "stop" if layout.strict else "warning"
    dv.promptTitle = header
    dv.prompt = dv.error
    dv.showInputMessage = True
    return dv


def _status_rules(ws: Worksheet, ref: str, rules: Ruleset, vocabulary: str) -> None:
    for term in rules.vocab[vocabulary].terms:
        if term.colour is None:
            continue
        fill = PatternFill("solid", start_color=term.colour, end_color=term.colour, fill_type="solid")
        font = Font(color=term.font_colour or "000000", bold=True)
        ws.conditional_formatting.add(ref, CellIsRule(operator="equal", formula=[f'"{term.value}"'], fill=fill, font=font))


def _print_setup(ws: Worksheet, title_rows: str | None) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddFooter.left.text = "&A"
    ws.oddFooter.right.text = "Page &P of &N"


def _write_about(wb: Workbook, rules: Ruleset, about: Mapping[str, Any], lists: dict[str, str], cells: CellMap) -> None:
    ws = wb[ABOUT_SHEET]
    ws["A1"] = "Quarterly performance return"
    ws["A1"].font = Font(bold=True, size=16, color="1F3864")
    matcher = rules.columns("about")
    for offset, name in enumerate(ABOUT_FIELDS):
        row = 3 + offset
        label = ws.cell(row=row, column=1, value=matcher.header(name))
        label.font = Font(bold=True)
        value = ws.cell(row=row, column=2, value=about.get(name))
        value.fill = PatternFill("solid", start_color="FFF2CC", end_color="FFF2CC")
        cells.about[name] = value.coordinate
        if name == "period_end":
            value.number_format = DATE
        if name == "scheme":
            dv = DataValidation(type="list", formula1=f"={lists['schemes']}", allow_blank=True)
            dv.error, dv.errorTitle, dv.showErrorMessage = "Choose a RAG scheme from the list.", "RAG scheme", True
            ws.add_data_validation(dv)
            dv.add(value.coordinate)
    start = 4 + len(ABOUT_FIELDS)
    for offset, line in enumerate(INSTRUCTIONS):
        cell = ws.cell(row=start + offset, column=1, value=line)
        cell.font = Font(bold=offset == 0, size=12 if offset == 0 else 11)
        if offset:
            ws.merge_cells(start_row=start + offset, start_column=1, end_row=start + offset, end_column=6)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            ws.row_dimensions[start + offset].height = 32
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 40
    for letter in "CDEF":
        ws.column_dimensions[letter].width = 18
    _print_setup(ws, None)
    ws.page_setup.orientation = "portrait"


def _row_height(row: Row, kind: str) -> float:
    """Spreadsheet programs do not grow rows for wrapped text written by openpyxl: size them here."""
    lines = 1
    for name, layout in LAYOUT[kind].items():
        text = row.get(name)
        if layout.wrap and isinstance(text, str) and text:
            per_line = max(1, int(layout.width * 1.1))
            lines = max(lines, sum(-(-len(part) // per_line) or 1 for part in text.split("\n")))
    return 15.0 * lines


def _write_sheet(
    wb: Workbook, rules: Ruleset, title: str, kind: str, rows: Sequence[Row], lists: dict[str, str], cells: CellMap
) -> None:
    ws = wb.create_sheet(title)
    fields = list(LAYOUT[kind])
    matcher = rules.columns(kind)
    n_rows = len(rows) if rows else BLANK_ROWS[kind]
    n_rows = max(n_rows, 1)  # an Excel table needs a data row
    last_row = HEADER_ROW + n_rows
    for col, name in enumerate(fields, start=1):
        header = matcher.header(name)
        cell = ws.cell(row=HEADER_ROW, column=col, value=header)
        cell.font, cell.fill = WHITE_BOLD, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        layout = LAYOUT[kind][name]
        letter = get_column_letter(col)
        ws.column_dimensions[letter].width = layout.width
        body = f"{letter}{HEADER_ROW + 1}:{letter}{last_row}"
        list_name = lists.get(layout.choices) if layout.choices else None
        dv = _validation(layout, list_name, header)
        if dv is not None:
            ws.add_data_validation(dv)
            dv.add(body)
        if layout.status_fill:
            _status_rules(ws, body, rules, layout.status_fill)
        for r in range(HEADER_ROW + 1, last_row + 1):
            target = ws.cell(row=r, column=col)
            if layout.number_format:
                target.number_format = layout.number_format
            target.alignment = Alignment(wrap_text=layout.wrap, vertical="top")
    ws.row_dimensions[HEADER_ROW].height = 48  # three lines of wrapped header text
    placed: list[dict[str, str]] = []
    for index, row in enumerate(rows):
        excel_row = HEADER_ROW + 1 + index
        unknown = set(row) - set(fields)
        if unknown:
            raise ValueError(f"{title} row {index + 1}: no column for {sorted(unknown)}")
        where: dict[str, str] = {}
        for col, name in enumerate(fields, start=1):
            cell = ws.cell(row=excel_row, column=col, value=row.get(name))
            where[name] = cell.coordinate
        placed.append(where)
        ws.row_dimensions[excel_row].height = _row_height(row, kind)
    cells.rows[kind] = placed
    ref = f"A{HEADER_ROW}:{get_column_letter(len(fields))}{last_row}"
    table = Table(displayName=title, ref=ref)
    table.tableStyleInfo = TableStyleInfo(name=TABLE_STYLE, showRowStripes=True)
    ws.add_table(table)
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=3 if kind == "measures" else 2)
    _print_setup(ws, f"{HEADER_ROW}:{HEADER_ROW}")
    if kind == "measures":  # eighteen columns: councils print the scorecard on A3
        ws.page_setup.paperSize = ws.PAPERSIZE_A3


def build_return(
    rules: Ruleset,
    about: Mapping[str, Any] | None = None,
    rows: Mapping[str, Sequence[Row]] | None = None,
) -> tuple[Workbook, CellMap]:
    """A return workbook in the template layout: blank when `rows` is None."""
    wb = Workbook()
    wb.properties.creator = "council-returns"
    wb.properties.title = "Quarterly performance return"
    wb.properties.created = wb.properties.modified = FIXED_TIMESTAMP
    cells = CellMap()
    wb.active.title = ABOUT_SHEET
    lists = _write_lists(wb, rules)  # validations refer to its names; moved to the end below
    _write_about(wb, rules, about or {"council": rules.data.council, "scheme": rules.data.default_scheme}, lists, cells)
    for title, kind in SHEETS.items():
        _write_sheet(wb, rules, title, kind, (rows or {}).get(kind, []), lists, cells)
    wb.move_sheet(LISTS_SHEET, offset=len(wb.sheetnames) - 1 - wb.sheetnames.index(LISTS_SHEET))
    return wb, cells


def write_template(rules: Ruleset, path: Path | str = TEMPLATE_PATH) -> Path:
    wb, _ = build_return(rules)
    return save_workbook(wb, path, reproducible=True)
