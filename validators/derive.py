"""Canonical returns -> derived frames: what the ruleset says each row should be, beside what it holds.

Derive, then check: statuses are computed from the figures, then compared with what the
officer typed; the officer's figures are never changed to fit. One frame per kind holds the
rows of every return in the run (column `file`), so each engine validates once per kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ruleset import NOT_RATED, ParsedValue, Ruleset, ValueKind
from ruleset.improvement import why
from ruleset.text import clean, code_key

from .return_reader import CanonicalReturn, Item

BLANK = "(blank)"


@dataclass
class RowRef:
    """Where a frame row came from, to turn a failure into a finding."""

    file: int
    sheet: str | None
    cells: dict[str, str]
    label: str | None

    def cell(self, field_name: str) -> str | None:
        return self.cells.get(field_name) or next(iter(self.cells.values()), None)


@dataclass
class Derived:
    frames: dict[str, pd.DataFrame]
    refs: dict[str, list[RowRef]]
    schemes: list[str] = field(default_factory=list)  # the scheme each file was rated under


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _show(value: object) -> str | None:
    """A raw cell value as it reads in a message."""
    if _blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean(value) if isinstance(value, str) else str(value)


def _raw(value: object) -> object:
    """A raw value kept for messages, None when blank; made readable only if a finding shows it."""
    return None if _blank(value) else value


def _word(rules: Ruleset, vocabulary: str, value: object) -> tuple[str | None, bool]:
    """(canonical word or the raw text, whether it is in the vocabulary); blank is (None, True)."""
    if _blank(value):
        return None, True
    word = rules.vocab[vocabulary].canonical(value)
    return (word, True) if word else (_show(value), False)


VALUE_FIELDS = ("quarterly_target", "quarterly_actual", "year_end_target", "year_end_forecast")
_VALUE_KEYS = {n: (f"{n}_raw", f"{n}_state", f"{n}_as_text", f"{n}_unit", f"{n}_problem") for n in VALUE_FIELDS}


def _value_columns(row: dict[str, Any], rules: Ruleset, name: str, raw: object, parsed: ParsedValue,
                   frequency: object, packed: bool) -> None:
    state = parsed.kind.value
    if parsed.kind is ValueKind.MARKER and rules.gap_excused(name, parsed, frequency if isinstance(frequency, str) else None):
        state = "excused"
    k_raw, k_state, k_text, k_unit, k_problem = _VALUE_KEYS[name]
    number = parsed.kind is ValueKind.NUMBER
    row[k_raw] = _raw(raw)
    row[k_state] = state
    row[k_text] = number and parsed.from_text and not packed  # a packed cell is text by design
    row[k_unit] = parsed.unit if number else None
    row[k_problem] = parsed.problem


_STATUS_KEYS = {p: (f"{p}_expected", f"{p}_found", f"{p}_status_valid", f"{p}_reason", f"{p}_comparable")
                for p in ("q", "f")}
_DECIDED = frozenset({"number", "excused"})


def _status_columns(row: dict[str, Any], rules: Ruleset, prefix: str, typed: object, target: ParsedValue,
                    actual: ParsedValue, code: str | None, polarity: object, scheme: str,
                    target_field: str, actual_field: str) -> None:
    rating = rules.rate(target, actual, code=code, polarity=polarity, scheme=scheme)
    found, valid = _word(rules, "measure_status", typed)
    # compare only what the figures decide: a blank, unexplained or unreadable figure is reported by its own rule
    decided = row[_VALUE_KEYS[target_field][1]] in _DECIDED and row[_VALUE_KEYS[actual_field][1]] in _DECIDED
    comparable = valid and decided and not (found is None and rating.status == NOT_RATED)
    shown = found or BLANK
    k_expected, k_found, k_valid, k_reason, k_comparable = _STATUS_KEYS[prefix]
    row[k_expected] = rating.status
    row[k_found] = shown
    row[k_valid] = valid
    # the reason is only ever shown beside a contradicted status: word it only then
    row[k_reason] = rating.reason if comparable and rating.status != shown else None
    row[k_comparable] = comparable


def _measure_row(rules: Ruleset, item: Item, scheme: str) -> dict[str, Any]:
    v = item.values
    code = _show(v.get("code"))
    entry = rules.measure(code) if code else None
    polarity, _ = _word(rules, "polarity", v.get("polarity"))
    unit_raw = v.get("unit")
    row: dict[str, Any] = {
        "code": code,
        "code_present": code is not None,
        "code_key": code_key(code) if code else None,
        "code_known": entry is not None,
        "polarity_found": polarity,
        "register_polarity": entry.polarity.value if entry else None,
        "unit_found": rules.values.unit(unit_raw) or _show(unit_raw),
        "register_unit": entry.unit if entry else None,
    }
    frequency = v.get("frequency") if not _blank(v.get("frequency")) else (entry.frequency if entry else None)
    parsed = {}
    for name in VALUE_FIELDS:
        raw = v.get(name)
        parsed[name] = rules.values.parse(raw)  # once: the status below reuses it
        _value_columns(row, rules, name, raw, parsed[name], frequency, name in item.packed)
    _status_columns(row, rules, "q", v.get("quarterly_status"), parsed["quarterly_target"],
                    parsed["quarterly_actual"], code, polarity, scheme, "quarterly_target", "quarterly_actual")
    _status_columns(row, rules, "f", v.get("forecast_status"), parsed["year_end_target"],
                    parsed["year_end_forecast"], code, polarity, scheme, "year_end_target", "year_end_forecast")
    _, row["dot_valid"] = _word(rules, "direction_of_travel", v.get("direction_of_travel"))
    row["dot_raw"] = _raw(v.get("direction_of_travel"))
    for name in ("context", "actions", "intervention"):
        row[f"{name}_given"] = not _blank(v.get(name))
    criterion = rules.criterion()
    reason = why(row["q_expected"], row["f_expected"], criterion)
    row["in_report"] = reason is not None
    row["report_reason"] = reason
    return row


def _milestone_row(rules: Ruleset, item: Item) -> dict[str, Any]:
    v = item.values
    term = rules.vocab["milestone_status"].lookup(v.get("status"))
    colour, _ = _word(rules, "measure_status", v.get("colour"))
    return {
        "status_raw": _show(v.get("status")),
        "status_valid": term is not None,
        "colour_found": colour,
        "colour_expected": term.maps_to if term else None,
    }


def _project_row(rules: Ruleset, item: Item) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for name in ("rag", "dca", "previous_dca"):
        raw = item.values.get(name)
        word, valid = _word(rules, "project_rag", raw)
        row[f"{name}_raw"] = _show(raw)
        row[f"{name}_valid"] = valid and (word is not None or name == "previous_dca")
    return row


def _risk_row(rules: Ruleset, item: Item) -> dict[str, Any]:
    v = item.values
    check = rules.risk.check(v.get("likelihood"), v.get("impact"), v.get("score"))
    return {
        "likelihood_raw": _show(v.get("likelihood")),
        "likelihood_level": check.likelihood,
        "impact_raw": _show(v.get("impact")),
        "impact_level": check.impact,
        "score_raw": _show(v.get("score")),
        "score_number": float(check.stated) if check.stated is not None else None,
        "score_expected": check.expected,
    }


def scheme_for(rules: Ruleset, ret: CanonicalReturn, forced: str | None) -> tuple[str, bool, str | None]:
    """(scheme to rate under, whether the return's stated scheme is known, what it stated)."""
    stated = _show(ret.about.get("scheme", (None,))[0])
    known = stated is None or stated in rules.data.schemes
    if forced:
        return forced, known, stated
    return (stated if stated and known else rules.data.default_scheme), known, stated


ROW_BUILDERS = {"milestones": _milestone_row, "projects": _project_row, "risks": _risk_row}
FRAME_KINDS = ("measures", "milestones", "projects", "risks", "return")


@dataclass
class FileRows:
    """One return's derived rows (picklable, so worker processes can derive too)."""

    rows: dict[str, list[dict[str, Any]]]
    refs: dict[str, list[RowRef]]
    scheme: str


def derive_file(ret: CanonicalReturn, index: int, rules: Ruleset, forced_scheme: str | None = None) -> FileRows:
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in FRAME_KINDS}
    refs: dict[str, list[RowRef]] = {k: [] for k in FRAME_KINDS}
    scheme, known, stated = scheme_for(rules, ret, forced_scheme)
    for item in ret.items["measures"]:
        row = _measure_row(rules, item, scheme)
        row["file"] = index
        rows["measures"].append(row)
        refs["measures"].append(RowRef(index, item.sheet, item.cells, item.label))
    for kind, build in ROW_BUILDERS.items():
        for item in ret.items[kind]:
            row = build(rules, item)
            row["file"] = index
            rows[kind].append(row)
            refs[kind].append(RowRef(index, item.sheet, item.cells, item.label))
    if "measures" in ret.layouts:  # return-level checks only for something that is a return
        period = [ret.about[k] for k in ("period", "period_end") if k in ret.about]
        cells = {name: cell for name, (_, _, cell) in ret.about.items()}
        sheet = next((s for _, s, _ in ret.about.values()), None)
        rows["return"].append({"file": index, "period_given": any(not _blank(p[0]) for p in period),
                               "scheme_known": known, "scheme_raw": stated})
        refs["return"].append(RowRef(index, sheet, cells, None))
    return FileRows(rows, refs, scheme)


def assemble(files: list[FileRows | None]) -> Derived:
    """One frame per kind over every readable file (None for unreadable ones)."""
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in FRAME_KINDS}
    refs: dict[str, list[RowRef]] = {k: [] for k in FRAME_KINDS}
    for part in files:
        if part is None:
            continue
        for kind in FRAME_KINDS:
            rows[kind] += part.rows[kind]
            refs[kind] += part.refs[kind]
    frames = {kind: pd.DataFrame.from_records(r) if r else pd.DataFrame({"file": pd.Series([], dtype=int)})
              for kind, r in rows.items()}
    return Derived(frames, refs, [p.scheme if p else "" for p in files])


def merge(parts: list[Derived]) -> Derived:
    """Derived frames of several chunks as one (rows keep their global file index)."""
    frames = {}
    for kind in FRAME_KINDS:
        pieces = [p.frames[kind] for p in parts if not p.frames[kind].empty]
        frames[kind] = pd.concat(pieces, ignore_index=True) if pieces else pd.DataFrame({"file": pd.Series([], dtype=int)})
    refs = {kind: [r for p in parts for r in p.refs[kind]] for kind in FRAME_KINDS}
    return Derived(frames, refs, [s for p in parts for s in p.schemes])


def derive(returns: list[CanonicalReturn | None], rules: Ruleset, forced_scheme: str | None = None) -> Derived:
    """Derived frames for canonical returns in memory (None entries are unreadable files)."""
    return assemble([derive_file(r, i, rules, forced_scheme) if r is not None else None
                     for i, r in enumerate(returns)])
