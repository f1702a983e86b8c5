"""Sheet grids -> the canonical return: measures, milestones, projects and risks, each field with its A1 cell.

Header rows are found by the ruleset's column aliases wherever they sit (below a title block,
in any order, extra columns ignored). Raw cell values are kept as they were: "n/a" stays "n/a",
and only the checks decide what is missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path


from ruleset import Ruleset
from ruleset.text import clean

from .cell_refs import column_letter as get_column_letter
from .packed_cells import unpack_performance_vs_target
from .workbook_files import SheetGrid, Workbook

KINDS = ("measures", "milestones", "projects", "risks")
HEADER_SCAN_ROWS = 40
# a sheet is of a kind when its header row names at least one of each group
KEY_FIELDS = {
    "measures": [("code", "description"), ("quarterly_target", "quarterly_actual", "year_end_target",
                                           "year_end_forecast", "performance_vs_target", "quarterly_status")],
    "milestones": [("description", "reference"), ("status",)],
    "projects": [("name",), ("rag", "dca")],
    "risks": [("reference", "description"), ("likelihood", "impact", "score")],
}
LABELS = {"measures": "code", "milestones": "reference", "projects": "name", "risks": "reference"}
_DIRECTORATE_HEADING = re.compile(r"^\s*directorate\s*[:\-–]\s*(.+?)\s*$", re.I)
_PERIOD_IN_TITLE = re.compile(r"\b(?:Q[1-4]|Quarter (?:one|two|three|four|[1-4]))\s+\d{4}\s*/\s*\d{2,4}\b", re.I)


@dataclass
class Item:
    """One row of a return: raw values and the cell each came from."""

    kind: str
    sheet: str
    row: int
    values: dict[str, object]
    cells: dict[str, str]
    packed: frozenset[str] = frozenset()  # fields unpacked from one text cell (2017/2019 layout)

    @property
    def label(self) -> str | None:
        value = self.values.get(LABELS[self.kind])
        return clean(value) if isinstance(value, str) and value.strip() else None

    def cell(self, field_name: str) -> str:
        return self.cells.get(field_name) or next(iter(self.cells.values()))


@dataclass
class Problem:
    """Something about the workbook's structure, found while reading (rule codes F...)."""

    rule: str
    sheet: str | None
    cell: str | None
    detail: str
    found: str | None = None


@dataclass
class SheetLayout:
    name: str
    kind: str
    header_row: int
    columns: dict[str, int]  # field -> 1-based column


@dataclass
class CanonicalReturn:
    path: Path
    layouts: dict[str, SheetLayout] = field(default_factory=dict)  # kind -> where it was found
    items: dict[str, list[Item]] = field(default_factory=lambda: {k: [] for k in KINDS})
    about: dict[str, tuple[object, str, str]] = field(default_factory=dict)  # field -> (raw, sheet, cell)
    problems: list[Problem] = field(default_factory=list)


def _text(value: object) -> str:
    return clean(value) if isinstance(value, str) else ("" if value in (None, "") else str(value))


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _find_header(grid: SheetGrid, rules: Ruleset) -> tuple[str, int, dict[str, int]] | None:
    """The best (kind, header row, field -> column) in the first rows of a sheet, if any."""
    best: tuple[int, int, str, dict[str, int]] | None = None
    for r, row in enumerate(grid.rows[:HEADER_SCAN_ROWS], start=1):
        if best is not None and r > best[3]["_row"] + 2:
            break  # a header was found; only the two rows below it may be a better (two-row) header
        if sum(1 for v in row if isinstance(v, str) and v.strip()) < 2:
            continue
        for order, kind in enumerate(KINDS):
            mapping = rules.columns(kind).map_row(row)
            if not all(any(f in mapping for f in group) for group in KEY_FIELDS[kind]):
                continue
            score = (len(mapping), -order)
            if best is None or score > (best[0], best[1]):
                best = (len(mapping), -order, kind, {**{f: c + 1 for f, c in mapping.items()}, "_row": r})
    if best is None:
        return None
    mapping = best[3]
    return best[2], mapping.pop("_row"), mapping


def _split_code(text: str, rules: Ruleset) -> tuple[str | None, str]:
    """"CM PM13 80% of new claims..." -> ("CM PM13", "80% of new claims...") for layouts with one cell for both."""
    match = re.match(rf"^\s*({rules.measure_code_pattern})\s*[-–:]?\s*(.*)$", text, re.S)
    return (clean(match.group(1)), clean(match.group(2))) if match else (None, text)


def _read_items(grid: SheetGrid, layout: SheetLayout, rules: Ruleset) -> list[Item]:
    items: list[Item] = []
    columns = layout.columns
    letters = {f: get_column_letter(c) for f, c in columns.items()}
    code_col = columns.get("code")
    directorate: str | None = None
    for r in range(layout.header_row + 1, len(grid.rows) + 1):
        row = grid.rows[r - 1]
        # calamine gives "" for an empty cell: test that first, it is most cells
        filled = [c for c, v in enumerate(row, start=1) if v != "" and v is not None
                  and (not isinstance(v, str) or v.strip())]
        if not filled:
            continue
        if len(filled) == 1 and filled[0] != code_col:
            heading = _DIRECTORATE_HEADING.match(_text(row[filled[0] - 1]))
            if heading:
                directorate = heading.group(1)
            continue  # a section heading ("Business Processes", "Directorate : Resources"), not an item
        values = {f: (row[c - 1] if c - 1 < len(row) else None) for f, c in columns.items()}
        number = str(r)
        cells = {f: letters[f] + number for f in columns}
        if layout.kind == "measures":
            if "code" not in columns and isinstance(values.get("description"), str):
                code, description = _split_code(values["description"], rules)
                values["code"], values["description"] = code, description
                cells["code"] = cells["description"]
            if "performance_vs_target" in columns:
                for name, value in unpack_performance_vs_target(values.pop("performance_vs_target"), rules).items():
                    values.setdefault(name, value)
                    cells.setdefault(name, cells["performance_vs_target"])
        if directorate and _blank(values.get("directorate")):
            values["directorate"] = directorate
        packed = frozenset(f for f in cells if f not in columns)
        items.append(Item(layout.kind, grid.name, r, values, cells, packed if "performance_vs_target" in columns
                          else frozenset()))
    return items


def _read_about(workbook: Workbook, rules: Ruleset, ret: CanonicalReturn) -> None:
    """Label/value pairs (About sheet, or a title block above a table) and a period named in a title."""
    matcher = rules.columns("about")
    header_rows = {layout.name: layout.header_row for layout in ret.layouts.values()}
    for grid in workbook.sheets.values():
        rows = grid.rows[: header_rows.get(grid.name, 31) - 1]  # above a table only: its rows are data
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row[:-1], start=1):
                name = matcher.field_for(value.rstrip(":") if isinstance(value, str) else value)
                if name is None or name in ret.about:
                    continue
                ret.about[name] = (row[c], grid.name, f"{get_column_letter(c + 1)}{r}")
            for c, value in enumerate(row, start=1):
                if "period" not in ret.about and isinstance(value, str) and _PERIOD_IN_TITLE.search(value):
                    ret.about["period"] = (_PERIOD_IN_TITLE.search(value).group(0), grid.name,
                                           f"{get_column_letter(c)}{r}")


def _structure_problems(grid: SheetGrid, layout: SheetLayout, items: list[Item]) -> list[Problem]:
    problems = []
    merged = grid.structure.merged_in_row(layout.header_row)
    if merged:
        ranges = ", ".join(f"{get_column_letter(a)}{b}:{get_column_letter(c)}{d}" for a, b, c, d in merged)
        problems.append(Problem("F005", grid.name, f"A{layout.header_row}",
                                f"merged header cells ({ranges}); each column is read by its own header",
                                found=ranges))
    item_rows = {i.row for i in items}
    hidden = [r for r in grid.structure.hidden_rows if r in item_rows]
    if hidden:
        shown = ", ".join(map(str, hidden[:10])) + (" ..." if len(hidden) > 10 else "")
        words = f"row {shown} is hidden" if len(hidden) == 1 else f"rows {shown} are hidden"
        problems.append(Problem("F006", grid.name, f"A{hidden[0]}", words, found=shown))
    return problems


def read_return(workbook: Workbook, rules: Ruleset) -> CanonicalReturn:
    ret = CanonicalReturn(workbook.path)
    if not any(any(not _blank(v) for v in row) for g in workbook.sheets.values() for row in g.rows):
        ret.problems.append(Problem("F002", None, None, "the workbook has no data in any sheet"))
        return ret
    found_tables: list[tuple[SheetGrid, str, int, dict[str, int]]] = []
    for grid in workbook.sheets.values():
        found = _find_header(grid, rules)
        if found is None:
            continue
        kind, header_row, columns = found
        if kind in {k for _, k, _, _ in found_tables}:
            continue  # the first sheet of a kind is the return's; later ones are copies or workings
        found_tables.append((grid, kind, header_row, columns))
    workbook.load_structure([grid.name for grid, *_ in found_tables])  # errors, hidden rows, merges
    for grid, kind, header_row, columns in found_tables:
        layout = SheetLayout(grid.name, kind, header_row, columns)
        ret.layouts[kind] = layout
        ret.items[kind] = _read_items(grid, layout, rules)
        ret.problems.extend(_structure_problems(grid, layout, ret.items[kind]))
        matcher = rules.columns(kind)
        missing = [f for f in rules.data.required_columns.get(kind, []) if f not in columns]
        if kind == "measures" and "code" in missing and "description" in columns:
            missing.remove("code")  # codes are read from the start of the description
        if kind == "measures" and "performance_vs_target" in columns:
            missing = [f for f in missing if f not in ("quarterly_target", "quarterly_actual",
                                                       "year_end_target", "year_end_forecast")]
        if missing:
            names = ", ".join(repr(matcher.header(f)) for f in missing)
            ret.problems.append(Problem("F004", grid.name, f"A{header_row}",
                                        f"the {kind} table on sheet {grid.name!r} has no column for {names}",
                                        found=names))
    if "measures" not in ret.layouts:
        sheets = ", ".join(repr(s) for s in workbook.sheets) or "none"
        ret.problems.append(Problem("F003", None, None, f"no sheet has a measures table (sheets: {sheets})"))
    _read_about(workbook, rules, ret)
    return ret
