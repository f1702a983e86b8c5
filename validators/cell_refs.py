"""A1 cell references: the few conversions the reader needs.

Kept here rather than imported from openpyxl.utils, whose import pulls in all of openpyxl
(a quarter of a second, on every `validate` run, for four small functions).
"""

from __future__ import annotations

import re
from functools import lru_cache

_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


@lru_cache(maxsize=1024)
def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letters: str) -> int:
    """A -> 1, AA -> 27."""
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index


def split_ref(ref: str) -> tuple[int, int]:
    """"E7" -> (row 7, column 5)."""
    match = _REF.match(ref)
    if match is None:
        raise ValueError(f"not an A1 cell reference: {ref!r}")
    return int(match.group(2)), column_index(match.group(1))


def range_bounds(ref: str) -> tuple[int, int, int, int]:
    """"C5:D6" -> (min_col 3, min_row 5, max_col 4, max_row 6), as openpyxl's range_boundaries."""
    first, _, last = ref.partition(":")
    r1, c1 = split_ref(first)
    r2, c2 = split_ref(last or first)
    return c1, r1, c2, r2
