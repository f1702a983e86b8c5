"""A sheet described as data: values, styles, merges, widths, notes, links, print set-up and a chart.

The improvement report, the dashboard and the validation sheet are built once as a SheetSpec;
`write_openpyxl.py` writes a spec for the command line and `addin/write_xlwings.py` for the
open workbook, so both users get the same layout from one description.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Style:
    bold: bool = False
    italic: bool = False
    size: float | None = None
    font_colour: str | None = None  # six hex digits
    fill: str | None = None
    wrap: bool = False
    number_format: str | None = None
    horizontal: str | None = None  # left | center | right
    vertical: str | None = "top"


@dataclass(frozen=True)
class PrintSetup:
    orientation: str = "landscape"
    fit_to_width: bool = True
    repeat_rows: str | None = None  # "5:5": rows printed at the top of every page
    paper: str = "A4"


@dataclass(frozen=True)
class ChartSpec:
    """A clustered bar chart over a block of the sheet: categories in the first column, series by column."""

    anchor: str  # top-left cell of the chart
    data: str  # A1 range with a header row and a category column
    title: str
    kind: str = "bar"  # bar (horizontal) or column
    colours: tuple[str, ...] = ()  # one per series


@dataclass
class SheetSpec:
    title: str
    rows: list[list[object]]  # values from A1; None is an empty cell
    styles: list[tuple[str, Style]] = field(default_factory=list)  # A1 range -> style, applied in order
    merges: list[str] = field(default_factory=list)
    column_widths: dict[str, float] = field(default_factory=dict)  # column letter -> width in characters
    row_heights: dict[int, float] = field(default_factory=dict)  # 1-based row -> points
    notes: dict[str, str] = field(default_factory=dict)  # cell -> note text
    links: dict[str, tuple[str, str]] = field(default_factory=dict)  # cell -> (target, text)
    freeze: str | None = None  # the first cell that scrolls, e.g. "A6"
    print_setup: PrintSetup | None = None
    chart: ChartSpec | None = None

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def block(self) -> list[list[object]]:
        """The values as one rectangle, for a single write."""
        width = self.width
        return [list(r) + [None] * (width - len(r)) for r in self.rows]
