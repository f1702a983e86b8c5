"""What calamine does not tell: hidden rows and merged cells of an .xlsx/.xlsm, read from its XML.

A regular-expression pass over each sheet's XML is a few milliseconds even for 10,000 rows,
far cheaper than loading the workbook a second time with openpyxl.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .cell_refs import range_bounds, split_ref

_SHEET_ATTRS = re.compile(rb'<(?:\w+:)?sheet\b([^>]*)/?>', re.S)
_REL = re.compile(rb'<Relationship\b([^>]*)/?>', re.S)
_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_HIDDEN_ROW = re.compile(rb'<(?:\w+:)?row\b[^>]*?\bhidden="(?:1|true)"[^>]*>')
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_ERROR_CELL = re.compile(rb'<(?:\w+:)?c\b([^>]*\bt="e"[^>]*)>(.*?)</(?:\w+:)?c>', re.S)
_CELL_REF = re.compile(rb'\br="([A-Z]+\d+)"')
_VALUE = re.compile(rb'<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>')
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"')


@dataclass
class SheetStructure:
    hidden_rows: list[int] = field(default_factory=list)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # (min_col, min_row, max_col, max_row)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) -> "#DIV/0!"; calamine blanks them

    def merged_in_row(self, row: int) -> list[tuple[int, int, int, int]]:
        return [m for m in self.merged if m[1] <= row <= m[3] and (m[0] != m[2] or m[1] != m[3])]


def _unescape(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace")
    return text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")


def _error_cells(xml: bytes) -> dict[tuple[int, int], str]:
    if b't="e"' not in xml:
        return {}
    found = {}
    for match in _ERROR_CELL.finditer(xml):
        ref, value = _CELL_REF.search(match.group(1)), _VALUE.search(match.group(2))
        if ref and value:
            found[split_ref(ref.group(1).decode())] = _unescape(value.group(1))
    return found


def read_structure(path: Path, only: set[str] | None = None) -> dict[str, SheetStructure]:
    """Sheet name -> hidden rows, merged ranges and error cells (of `only` these sheets, when given).

    Empty when the package is not laid out as expected."""
    out: dict[str, SheetStructure] = {}
    with zipfile.ZipFile(path) as package:
        names = set(package.namelist())
        if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
            return out
        rels = {}
        for match in _REL.finditer(package.read("xl/_rels/workbook.xml.rels")):
            attrs = dict(_ATTR.findall(match.group(1)))
            if b"Id" in attrs and b"Target" in attrs:
                target = attrs[b"Target"].decode()
                rels[attrs[b"Id"].decode()] = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                    posixpath.join("xl", target))
        for match in _SHEET_ATTRS.finditer(package.read("xl/workbook.xml")):
            attrs = dict(_ATTR.findall(match.group(1)))
            name = attrs.get(b"name")
            rel_id = next((v for k, v in attrs.items() if k.endswith(b":id")), None)
            part = rels.get(rel_id.decode()) if rel_id else None
            if name is None or part not in names or (only is not None and _unescape(name) not in only):
                continue
            xml = package.read(part)
            hidden, merged = [], []
            if b'hidden="1"' in xml or b'hidden="true"' in xml:  # substring tests first: the regexes are slow
                hidden = [int(_ROW_NUMBER.search(m.group(0)).group(1)) for m in _HIDDEN_ROW.finditer(xml)
                          if _ROW_NUMBER.search(m.group(0))]
            if b"mergeCell " in xml or b"mergeCell>" in xml:
                merged = [range_bounds(m.group(1).decode()) for m in _MERGE.finditer(xml)]
            out[_unescape(name)] = SheetStructure(hidden, merged, _error_cells(xml))  # type: ignore[arg-type]
    return out
