"""Column aliases: which canonical field a header names, for each kind of sheet."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .models import Column
from .text import header_key


class ColumnMatcher:
    """Matches whole headers (never substrings: "Current target status" is not "Current target")."""

    def __init__(self, kind: str, columns: dict[str, Column]) -> None:
        self.kind = kind
        self.columns = columns
        self._exact: dict[str, str] = {}
        for field, col in columns.items():
            for name in (col.header, *col.aliases):
                self._exact.setdefault(header_key(name), field)
        self._patterns = [(re.compile(p), f) for f, c in columns.items() for p in c.patterns]
        self._lookup = lru_cache(maxsize=1 << 14)(self._field_for_text)  # header scans repeat the same cells

    def field_for(self, header: object) -> str | None:
        if not isinstance(header, str) or not header.strip():
            return None
        return self._lookup(header)

    def _field_for_text(self, header: str) -> str | None:
        key = header_key(header)
        found = self._exact.get(key)
        if found is None:
            found = next((f for rx, f in self._patterns if rx.fullmatch(key)), None)
        return found

    def map_row(self, cells: Iterable[object]) -> dict[str, int]:
        """field -> 0-based column index for a candidate header row; the first of repeated fields wins."""
        mapping: dict[str, int] = {}
        for index, cell in enumerate(cells):
            field = self.field_for(cell)
            if field is not None and field not in mapping:
                mapping[field] = index
        return mapping

    def header(self, field: str) -> str:
        return self.columns[field].header

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns.values()]
