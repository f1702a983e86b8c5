"""Cells that pack several fields, as the 2017/2019 improvement reports do.

"Quarterly data Target 250.0 Actual 226.0 Forecast data Target 1,000.0 Actual 1,000.0 Deteriorating"
becomes quarterly target/actual, year-end target/forecast and direction of travel.
"""

from __future__ import annotations

import re

from ruleset import Ruleset
from ruleset.text import clean

_SEP = r"[\s/:|,]*"
_VALUE = r"(.+?)"
_PACKED = re.compile(
    rf"quarterly\s+data{_SEP}target{_SEP}{_VALUE}{_SEP}actual{_SEP}{_VALUE}{_SEP}"
    rf"forecast\s+data{_SEP}target{_SEP}{_VALUE}{_SEP}actual{_SEP}(.+)$",
    re.I | re.S,
)


def unpack_performance_vs_target(raw: object, rules: Ruleset) -> dict[str, object]:
    """The fields a "Performance VS Target" cell holds; {} when it is not in that shape."""
    if not isinstance(raw, str):
        return {}
    match = _PACKED.search(clean(raw))
    if match is None:
        return {}
    q_target, q_actual, ye_target, tail = (m.strip(" /") for m in match.groups())
    direction = None
    words = tail.split()
    for size in (2, 1):  # the direction of travel may follow the last figure
        if len(words) > size and rules.vocab["direction_of_travel"].canonical(" ".join(words[-size:])):
            direction = " ".join(words[-size:])
            tail = " ".join(words[:-size])
            break
    unpacked: dict[str, object] = {
        "quarterly_target": q_target, "quarterly_actual": q_actual,
        "year_end_target": ye_target, "year_end_forecast": tail.strip(" /"),
    }
    if direction:
        unpacked["direction_of_travel"] = direction
    return unpacked
