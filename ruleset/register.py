"""The measure register: look a measure up by code, however the return spaced or bracketed it."""

from __future__ import annotations

import re

from .models import RegisterEntry
from .text import code_key

_BRACKETS = re.compile(r"\s*\([^)]*\)")


class Register:
    def __init__(self, entries: list[RegisterEntry]) -> None:
        self.entries = entries
        self._by_key: dict[str, RegisterEntry] = {}
        short: dict[str, list[RegisterEntry]] = {}
        for entry in entries:
            key = code_key(entry.code)
            if key in self._by_key:
                raise ValueError(f"measures: code {entry.code!r} is listed twice")
            self._by_key[key] = entry
            short.setdefault(code_key(_BRACKETS.sub("", entry.code)), []).append(entry)
        # "DH Local 27" finds "DH Local 27 (NI 160)" when no other measure shares the short code
        for key, found in short.items():
            if len(found) == 1:
                self._by_key.setdefault(key, found[0])

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and self.get(code) is not None

    def get(self, code: str) -> RegisterEntry | None:
        entry = self._by_key.get(code_key(code))
        if entry is None:
            entry = self._by_key.get(code_key(_BRACKETS.sub("", code)))
        return entry
