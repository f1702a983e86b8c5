"""Write a SheetSpec into an openpyxl workbook (the command-line side of every generated sheet)."""

from __future__ import annotations

from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.cell import range_boundaries
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from .sheet_spec import SheetSpec, Style


def _apply_style(ws: Worksheet, ref: str, style: Style) -> None:
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    for row in ws.iter_rows(min_row=min_row, max_row=max_row, min_col=min_col, max_col=max_col):
        for cell in row:
            cell.font = Font(bold=style.bold, italic=style.italic, size=style.size,
                             color=style.font_colour or cell.font.color)
            if style.fill:
                cell.fill = PatternFill("solid", start_color=style.fill, end_color=style.fill)
            cell.alignment = Alignment(wrap_text=style.wrap, horizontal=style.horizontal, vertical=style.vertical)
            if style.number_format:
                cell.number_format = style.number_format


def write_sheet(wb: Workbook, spec: SheetSpec, index: int | None = None) -> Worksheet:
    """Create (or replace) the sheet titled spec.title and fill it from the spec."""
    if spec.title in wb.sheetnames:
        index = wb.sheetnames.index(spec.title) if index is None else index
        wb.remove(wb[spec.title])
    ws = wb.create_sheet(spec.title, index)
    for r, row in enumerate(spec.rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(row=r, column=c, value=value)
    for ref, style in spec.styles:
        _apply_style(ws, ref, style)
    for ref in spec.merges:
        ws.merge_cells(ref)
    for letter, width in spec.column_widths.items():
        ws.column_dimensions[letter].width = width
    for row_number, height in spec.row_heights.items():
        ws.row_dimensions[row_number].height = height
    for ref, text in spec.notes.items():
        ws[ref].comment = Comment(text, "council-returns", width=320, height=160)
    for ref, (target, text) in spec.links.items():
        ws[ref].hyperlink = target
        ws[ref].value = text
        ws[ref].style = "Hyperlink"
    if spec.freeze:
        ws.freeze_panes = spec.freeze
    if spec.print_setup:
        setup = spec.print_setup
        ws.page_setup.orientation = setup.orientation
        ws.page_setup.paperSize = ws.PAPERSIZE_A3 if setup.paper == "A3" else ws.PAPERSIZE_A4
        if setup.fit_to_width:
            ws.page_setup.fitToWidth = 1
            ws.page_setup.fitToHeight = 0
            ws.sheet_properties.pageSetUpPr.fitToPage = True
        if setup.repeat_rows:
            ws.print_title_rows = setup.repeat_rows
    if spec.chart:
        _add_chart(ws, spec)
    return ws


def _add_chart(ws: Worksheet, spec: SheetSpec) -> None:
    chart_spec = spec.chart
    assert chart_spec is not None
    min_col, min_row, max_col, max_row = range_boundaries(chart_spec.data)
    chart = BarChart()
    chart.type = "bar" if chart_spec.kind == "bar" else "col"
    chart.grouping = "clustered"
    chart.title = chart_spec.title
    chart.add_data(Reference(ws, min_col=min_col + 1, min_row=min_row, max_col=max_col, max_row=max_row),
                   titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=min_col, min_row=min_row + 1, max_row=max_row))
    for series, colour in zip(chart.series, chart_spec.colours, strict=False):
        series.graphicalProperties.solidFill = colour
        series.graphicalProperties.line.solidFill = colour
    chart.height, chart.width = 9, 18
    ws.add_chart(chart, chart_spec.anchor)
