"""Strategic risk scoring: likelihood x impact on the 4x4 matrix (threats and opportunities alike)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .models import MatrixLevel, RiskMatrix
from .text import word_key
from .values import to_decimal

VALID_SCORES = frozenset(l * i for l in range(1, 5) for i in range(1, 5))


@dataclass(frozen=True)
class RiskCheck:
    likelihood: int | None
    impact: int | None
    expected: int | None  # likelihood x impact, when both are known
    stated: Decimal | None
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


class RiskScorer:
    def __init__(self, matrix: RiskMatrix) -> None:
        self.matrix = matrix
        self._names = {
            axis: {word_key(s): lvl.score for lvl in levels for s in (lvl.name, *lvl.synonyms)}
            for axis, levels in (("likelihood", matrix.likelihood), ("impact", matrix.impact))
        }

    def level(self, axis: str, value: object) -> int | None:
        """1-4 from a number (3, 3.0, "3") or a name ("Probable", "3 - Probable")."""
        number = to_decimal(value)
        if number is None and isinstance(value, str):
            text = value.strip()
            head = text.split()[0].rstrip(".-:") if text else ""
            number = Decimal(head) if head.isdigit() else None
            if number is None:
                found = self._names[axis].get(word_key(text))
                return found
        if number is not None and number == number.to_integral_value() and 1 <= number <= 4:
            return int(number)
        return None

    def level_name(self, axis: str, score: int) -> str:
        levels: list[MatrixLevel] = getattr(self.matrix, axis)
        return next(l.name for l in levels if l.score == score)

    def rating(self, score: int) -> str | None:
        return next((r.name for r in self.matrix.ratings if r.min <= score <= r.max), None)

    def check(self, likelihood: object, impact: object, stated_score: object) -> RiskCheck:
        lik = self.level("likelihood", likelihood)
        imp = self.level("impact", impact)
        stated = to_decimal(stated_score)
        if stated is None and isinstance(stated_score, str) and stated_score.strip().isdigit():
            stated = Decimal(stated_score.strip())
        problems: list[str] = []
        if lik is None:
            problems.append(f"likelihood {likelihood!r} is not 1-4 or a likelihood name")
        if imp is None:
            problems.append(f"impact {impact!r} is not 1-4 or an impact name")
        expected = lik * imp if lik is not None and imp is not None else None
        if stated is None:
            problems.append(f"risk score {stated_score!r} is not a number")
        elif not (1 <= stated <= 16) or stated not in VALID_SCORES:
            problems.append(f"risk score {stated} is not a score the 4x4 matrix can give (1-16, a product of two levels)")
        if expected is not None and stated is not None and stated != expected:
            problems.append(f"risk score {stated} is not likelihood {lik} x impact {imp} = {expected}")
        return RiskCheck(lik, imp, expected, stated, tuple(problems))
