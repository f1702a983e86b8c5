"""Write a SheetSpec into an open workbook through xlwings (the add-in side of every generated sheet).

Values go in one 2-D block; styles, merges and widths are one action per range of the spec,
so the Office.js response stays small.
"""

from __future__ import annotations

import xlwings as xw

from workbook_templates.sheet_spec import SheetSpec, Style


def _hex(colour: str | None) -> str | None:
    return f"#{colour}" if colour else None


def _style(rng: xw.Range, style: Style) -> None:
    if style.fill:
        rng.color = _hex(style.fill)
    if style.bold:
        rng.font.bold = True
    if style.italic:
        rng.font.italic = True
    if style.size:
        rng.font.size = style.size
    if style.font_colour:
        rng.font.color = _hex(style.font_colour)
    if style.wrap:
        rng.wrap_text = True
    if style.number_format:
        rng.number_format = style.number_format


def replace_sheet(book: xw.Book, title: str, after: xw.Sheet | None = None) -> xw.Sheet:
    """A fresh, empty sheet called `title`: running a button again replaces, never duplicates."""
    if title in [s.name for s in book.sheets]:
        book.sheets[title].delete()
    return book.sheets.add(title, after=after or book.sheets[len(book.sheets) - 1])


def write_sheet(book: xw.Book, spec: SheetSpec) -> xw.Sheet:
    sheet = replace_sheet(book, spec.title)
    block = spec.block()
    if block:
        sheet["A1"].value = block
    for ref, style in spec.styles:
        _style(sheet[ref], style)
    for ref in spec.merges:
        sheet[ref].merge()
    for letter, width in spec.column_widths.items():
        sheet[f"{letter}:{letter}"].column_width = width
    for row, height in spec.row_heights.items():
        sheet[f"{row}:{row}"].row_height = height
    for ref, (target, text) in spec.links.items():
        sheet[ref].add_hyperlink(target, text)
    for ref, text in spec.notes.items():
        sheet[ref].add_note(text)
    if spec.freeze:
        sheet.freeze_panes.freeze_at(spec.freeze)
    return sheet
