"""The loaded ruleset: one object that answers every rule question the other folders ask."""

from __future__ import annotations

from functools import cached_property, lru_cache
from pathlib import Path

from . import improvement
from .columns import ColumnMatcher
from .loading import RulesetError, load_ruleset_file
from .models import Criterion, Polarity, RegisterEntry, RulesetFile, Scheme
from .register import Register
from .risk import RiskScorer
from .status import NOT_RATED, Rating, RatingRule, rate
from .values import ParsedValue, ValueKind, ValueParser
from .vocabulary import Vocabulary, build_vocabularies

CellValue = object  # what a cell may hold: None, str, int, float, Decimal, date, ...


class Ruleset:
    def __init__(self, data: RulesetFile, source: Path) -> None:
        self.data = data
        self.source = source
        self.vocab: dict[str, Vocabulary] = build_vocabularies(data.vocabularies)
        self.register = Register(data.measures)
        self.values = ValueParser(data.units, data.scale_words, data.markers, data.qualifiers)
        self.risk = RiskScorer(data.risk_matrix)
        self._columns = {kind: ColumnMatcher(kind, cols) for kind, cols in data.columns.items()}
        self._annual = {f.casefold() for f in data.annual_frequencies}
        self.rating_rule = lru_cache(maxsize=1 << 12)(self._rating_rule)  # one per measure, asked per cell

    @property
    def name(self) -> str:
        return self.data.name

    # --- schemes and rating ---------------------------------------------------------
    def scheme(self, name: str | None = None) -> tuple[str, Scheme]:
        """A scheme by name (the default when None); KeyError lists the schemes there are."""
        key = name or self.data.default_scheme
        if key not in self.data.schemes:
            raise KeyError(f"no RAG scheme {key!r} in {self.source}; schemes: {', '.join(self.data.schemes)}")
        return key, self.data.schemes[key]

    def _rating_rule(
        self, code: str | None = None, polarity: str | Polarity | None = None, scheme: str | None = None
    ) -> RatingRule | None:
        """The rule for one measure: its measure_rules override, then the register, then what the caller states.

        The register beats a polarity typed in a return: a wrong "Good is" must not flip a status.

        None when no polarity can be found (neither stated, nor in the register).
        """
        override = self.data.measure_rules.get(code) if code else None
        entry = self.register.get(code) if code else None
        if override is None and entry is not None:
            override = self.data.measure_rules.get(entry.code)
        pol = (override and override.polarity) or (entry and entry.polarity) or self._polarity(polarity)
        if pol is None:
            return None
        scheme_name, scheme_def = self.scheme((override and override.scheme) or scheme)
        defaults = self.data.rating
        return RatingRule(
            scheme_name,
            scheme_def,
            Polarity(pol),
            (override and override.tolerance_basis) or defaults.tolerance_basis,
            (override and override.zero_target) or defaults.zero_target,
        )

    def _polarity(self, polarity: str | Polarity | None) -> Polarity | None:
        if isinstance(polarity, Polarity) or polarity is None:
            return polarity
        word = self.vocab["polarity"].canonical(polarity)
        return Polarity(word) if word else None

    def rate(
        self,
        target: CellValue,
        actual: CellValue,
        *,
        code: str | None = None,
        polarity: str | Polarity | None = None,
        scheme: str | None = None,
    ) -> Rating:
        """Status of raw cell values (or parsed values) for one measure; N/A with a reason when not ratable."""
        rule = self.rating_rule(code, polarity, scheme)
        t, a = self.parse(target), self.parse(actual)
        if rule is None:
            return Rating(NOT_RATED, None, self.data.rating.tolerance_basis, self.scheme(scheme)[0],
                          "polarity unknown: say whether good is High or Low")
        for label, value in (("target", t), ("actual", a)):
            if not value.is_number:
                return Rating(NOT_RATED, None, rule.tolerance_basis, rule.scheme_name, _why_missing(label, value))
        return rate(t.number, a.number, rule)

    def parse(self, raw: CellValue) -> ParsedValue:
        return raw if isinstance(raw, ParsedValue) else self.values.parse(raw)

    # --- vocabularies ---------------------------------------------------------------
    def status_colour(self, status: str | None) -> str | None:
        return self.vocab["measure_status"].colour(status)

    def is_annual(self, frequency: str | None) -> bool:
        word = self.vocab["frequency"].canonical(frequency) or frequency
        return isinstance(word, str) and word.casefold() in self._annual

    def gap_excused(self, field: str, value: ParsedValue, frequency: str | None = None) -> bool:
        """Is this marker a reason the ruleset accepts for no number in `field`?"""
        if value.kind is not ValueKind.MARKER or value.means is None:
            return False
        gaps = self.data.allowed_gaps
        if value.means in getattr(gaps, field, []):
            return True
        return value.means == "not_due" and field in gaps.annual_measures and self.is_annual(frequency)

    # --- columns, register, improvement report ------------------------------------------
    def columns(self, kind: str) -> ColumnMatcher:
        return self._columns[kind]

    def measure(self, code: str) -> RegisterEntry | None:
        return self.register.get(code)

    def criterion(self, name: str | None = None) -> Criterion:
        key = name or self.data.improvement_report.criterion
        criteria = self.data.improvement_report.criteria
        if key not in criteria:
            raise KeyError(f"no improvement-report criterion {key!r}; criteria: {', '.join(criteria)}")
        return criteria[key]

    def in_improvement_report(self, quarterly: str | None, forecast: str | None, criterion: str | None = None) -> bool:
        return improvement.qualifies(quarterly, forecast, self.criterion(criterion))

    @cached_property
    def measure_code_pattern(self) -> str:
        return self.data.measure_code_pattern


def _why_missing(label: str, value: ParsedValue) -> str:
    if value.kind is ValueKind.BLANK:
        return f"no {label}"
    if value.kind is ValueKind.MARKER:
        return f"the {label} is {value.marker!r}"
    return f"the {label} {value.problem or 'is not a number'}"


@lru_cache(maxsize=8)
def _load_cached(path: str | None, _mtime: int) -> Ruleset:
    data, source = load_ruleset_file(path)
    try:
        return Ruleset(data, source)
    except ValueError as exc:  # clashes found while indexing (a code listed twice, a synonym for two words)
        raise RulesetError(source, [str(exc)]) from None


def load_ruleset(path: str | Path | None = None) -> Ruleset:
    """The built-in ruleset, or a council's own file (which may `extends: default`)."""
    if path is None:
        return _load_cached(None, 0)
    resolved = Path(path).resolve()
    try:
        mtime = resolved.stat().st_mtime_ns  # an edited file is read again by a long-running server
    except OSError:
        mtime = -1
    return _load_cached(str(resolved), mtime)
