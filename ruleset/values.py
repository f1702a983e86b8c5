"""Parse what a return holds where a number should be: a number with its unit, a marker, or a problem.

Raw text is evidence: the parsed value keeps what the cell held, and text that is neither a
number nor a marker the ruleset knows comes back as UNPARSEABLE, never as blank.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import NamedTuple
from decimal import Decimal, InvalidOperation
from enum import Enum

from .models import Marker, Qualifier, Unit
from .text import clean, word_key

EXCEL_ERRORS = re.compile(r"#(?:DIV/0!|N/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)", re.I)

# sign, optional £, number with well-formed thousands separators, optional scale word, the rest
_NUMBER = re.compile(
    r"""^(?P<sign>[-+])?\s*(?P<cur>£)?\s*(?P<sign2>[-+])?
        (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)
        (?:\s*(?P<scale>[A-Za-z]+)\b)?
        \s*(?P<rest>.*)$""",
    re.X,
)
_TRAILING_NOTE = re.compile(r"\(([^()]*)\)\s*$")


class ValueKind(str, Enum):
    NUMBER = "number"
    MARKER = "marker"
    BLANK = "blank"
    ERROR = "error"  # a formula error value such as #DIV/0!
    UNPARSEABLE = "unparseable"


class ParsedValue(NamedTuple):  # a NamedTuple: one per figure of every return, so cheap to construct
    raw: object
    kind: ValueKind
    number: Decimal | None = None
    unit: str | None = None
    marker: str | None = None
    means: str | None = None  # what kind of gap a marker explains (ruleset `markers[].means`)
    qualifiers: tuple[str, ...] = ()
    from_text: bool = False  # the number was typed as text ("30.3 days"), not stored as a number
    problem: str | None = None

    @property
    def is_number(self) -> bool:
        return self.kind is ValueKind.NUMBER

    @property
    def is_blank(self) -> bool:
        return self.kind is ValueKind.BLANK

    def describe(self) -> str:
        """How the value reads in a message."""
        if self.kind is ValueKind.NUMBER:
            return format_number(self.number, self.unit)
        if self.kind is ValueKind.MARKER:
            return str(self.marker)
        if self.kind is ValueKind.BLANK:
            return "blank"
        return repr(self.raw)


def format_number(number: Decimal | None, unit: str | None = None) -> str:
    """1,000.0 style, with the unit where it reads naturally (98.3%, £1,629,910, 30.3 days)."""
    if number is None:
        return ""
    text = f"{number.normalize():,f}"  # normalize drops trailing zeros; "f" keeps it out of exponent form
    if unit in (None, "number", "score"):
        return text
    if unit == "%":
        return f"{text}%"
    if unit == "£":
        return f"-£{text[1:]}" if text.startswith("-") else f"£{text}"
    return f"{text} {unit}"


def to_decimal(value: object) -> Decimal | None:
    """A number stored in a cell as Decimal, via the shortest repr so 0.1 stays 0.1."""
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return None if not math.isfinite(value) else Decimal(repr(value))
    return None


class ValueParser:
    """Built once per ruleset from its units, scale words, markers and qualifiers."""

    def __init__(
        self,
        units: list[Unit],
        scale_words: dict[str, Decimal],
        markers: list[Marker],
        qualifiers: list[Qualifier],
    ) -> None:
        self._units = {word_key(s): u.name for u in units for s in (u.name, *u.synonyms)}
        self._scales = {word_key(k): v for k, v in scale_words.items()}
        self._marker_words = {word_key(s): m for m in markers for s in (m.name, *m.synonyms)}
        self._marker_patterns = [(re.compile(m.pattern, re.I), m) for m in markers if m.pattern]
        self._qualifiers = [(re.compile(q.pattern, re.I), q.name) for q in qualifiers]

    def unit(self, text: object) -> str | None:
        """The unit a Unit column names ("percent" -> "%"), or None when it is not one the ruleset knows."""
        return self._units.get(word_key(text)) if isinstance(text, str) and text.strip() else None

    def marker(self, text: str) -> Marker | None:
        key = word_key(text)
        found = self._marker_words.get(key)
        if found is None:
            found = next((m for rx, m in self._marker_patterns if rx.fullmatch(key)), None)
        return found

    def parse(self, raw: object) -> ParsedValue:
        if raw is None:
            return ParsedValue(raw, ValueKind.BLANK)
        if isinstance(raw, (dt.date, dt.time, dt.timedelta)):
            return ParsedValue(raw, ValueKind.UNPARSEABLE, problem="a date, where a number was expected")
        if not isinstance(raw, str):
            number = to_decimal(raw)
            if number is None:
                return ParsedValue(raw, ValueKind.UNPARSEABLE, problem=f"{raw!r} is not a number")
            return ParsedValue(raw, ValueKind.NUMBER, number=number)
        text = clean(raw)
        if not text:
            return ParsedValue(raw, ValueKind.BLANK)
        if EXCEL_ERRORS.fullmatch(text):
            return ParsedValue(raw, ValueKind.ERROR, problem=f"the formula error {text.upper()}")
        marker = self.marker(text)
        if marker is not None:
            return ParsedValue(raw, ValueKind.MARKER, marker=marker.name, means=marker.means)
        return self._parse_number_text(raw, text)

    def _parse_number_text(self, raw: str, text: str) -> ParsedValue:
        qualifiers: list[str] = []
        body = text
        while (note := _TRAILING_NOTE.search(body)) and note.start() > 0:
            inner = clean(note.group(1))
            known = next((name for rx, name in self._qualifiers if rx.fullmatch(inner)), None)
            qualifiers.insert(0, known or inner)  # an unknown note is kept verbatim, never dropped
            body = body[: note.start()].rstrip()
        m = _NUMBER.match(body)
        if m is None:
            return self._unparseable(raw, text)
        try:
            number = Decimal(m.group("num").replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the regex admits only digits
            return self._unparseable(raw, text)
        if "-" in ((m.group("sign") or "") + (m.group("sign2") or "")):
            number = -number
        unit = "£" if m.group("cur") else None
        rest = m.group("rest")
        scale = m.group("scale")
        if scale is not None:
            factor = self._scales.get(word_key(scale))
            if factor is None:  # not a scale word: it starts the unit ("30.3 days")
                rest = f"{scale} {rest}".strip()
            else:
                number *= factor
        if rest:
            unit_name = self._units.get(word_key(rest))
            if unit_name is None or (unit == "£" and unit_name != "£"):
                return self._unparseable(raw, text)
            unit = unit_name
        return ParsedValue(raw, ValueKind.NUMBER, number=number, unit=unit, qualifiers=tuple(qualifiers), from_text=True)

    @staticmethod
    def _unparseable(raw: str, text: str) -> ParsedValue:
        return ParsedValue(
            raw,
            ValueKind.UNPARSEABLE,
            problem=f"{text!r} is not a number, a unit this ruleset knows, or a marker",
        )
