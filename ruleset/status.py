"""RAG status of a measure: deviation from target in the direction of the polarity, banded by a scheme.

All arithmetic is Decimal and band edges are tested by cross-multiplication
((actual - target) * 100 against bound * |target|), so a deviation of exactly 2% or 5%
lands on the side the scheme says, with no division rounding in the way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple
from decimal import ROUND_HALF_UP, Context, Decimal

from .models import Band, Polarity, Scheme, ToleranceBasis, ZeroTargetRule

NOT_RATED = "N/A"
_HUNDRED = Decimal(100)
_EXACT = Context(prec=60)  # products of two cell values stay exact at this precision


@dataclass(frozen=True)
class RatingRule:
    """Everything that decides a measure's status; one per measure after overrides apply."""

    scheme_name: str
    scheme: Scheme
    polarity: Polarity
    tolerance_basis: ToleranceBasis = ToleranceBasis.RELATIVE
    zero_target: ZeroTargetRule = ZeroTargetRule.MEET_OR_MISS


class Rating(NamedTuple):  # a NamedTuple: built for every figure of every return, so cheap to construct
    status: str  # Blue, Green, Amber, Red or N/A
    deviation: Decimal | None  # percent of |target| (relative) or points (absolute); + is better
    basis: ToleranceBasis
    scheme_name: str
    note: str | None = None  # why, when the deviation alone does not say (N/A, zero target)
    polarity: Polarity = Polarity.HIGH

    @property
    def rated(self) -> bool:
        return self.status != NOT_RATED

    @property
    def reason(self) -> str:
        """Why this status, in words an officer reads ("5.3% below target under the 2012/13 scheme")."""
        if self.note is not None or self.deviation is None:
            return self.note or ""
        return f"{describe_deviation(self.deviation, self.polarity, self.basis)} under the {self.scheme_name} scheme"


def _passes(band: Band, scaled_diff: Decimal, scale: Decimal) -> bool:
    """Does a deviation reach this band? Compares scaled_diff against bound * scale exactly."""
    if band.bound is None:
        return True
    edge = _EXACT.multiply(band.bound, scale)
    return scaled_diff >= edge if band.inclusive else scaled_diff > edge


def _band_for(scheme: Scheme, scaled_diff: Decimal, scale: Decimal) -> str:
    return next(b.status for b in scheme.bands if _passes(b, scaled_diff, scale))


def describe_deviation(deviation: Decimal, polarity: Polarity, basis: ToleranceBasis) -> str:
    """"5.3% below target", "0.4 points above target", "on target"."""
    if deviation == 0:
        return "on target"
    shown = abs(deviation).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    higher = (deviation > 0) == (polarity is Polarity.HIGH)
    size = f"{shown}%" if basis is ToleranceBasis.RELATIVE else f"{shown} points"
    return f"{size} {'above' if higher else 'below'} target"


def rate(target: Decimal | None, actual: Decimal | None, rule: RatingRule) -> Rating:
    """The status the scheme gives `actual` against `target`; N/A with a reason when it cannot rate."""

    def not_rated(reason: str) -> Rating:
        return Rating(NOT_RATED, None, rule.tolerance_basis, rule.scheme_name, reason)

    if target is None:
        return not_rated("no target to rate against")
    if actual is None:
        return not_rated("no actual to rate")
    # explicit context methods, not localcontext(): cheaper, and this runs for every cell of every return
    diff = _EXACT.subtract(actual, target)  # + is better, in the measure's own unit
    if rule.polarity is Polarity.LOW:
        diff = _EXACT.minus(diff)
    if rule.tolerance_basis is ToleranceBasis.ABSOLUTE:
        return Rating(_band_for(rule.scheme, diff, Decimal(1)), diff, rule.tolerance_basis, rule.scheme_name,
                      None, rule.polarity)
    if target == 0:
        if rule.zero_target is ZeroTargetRule.NOT_RATED:
            return not_rated("the target is zero, so a relative deviation cannot be measured")
        # meet_or_miss: at or better than a zero target meets it; anything worse misses it outright
        status = _band_for(rule.scheme, Decimal(0), Decimal(1)) if diff >= 0 else rule.scheme.bands[-1].status
        verdict = "meets" if diff >= 0 else "misses"
        return Rating(
            status, None, rule.tolerance_basis, rule.scheme_name,
            f"{verdict} a zero target (zero-target rule under the {rule.scheme_name} scheme)",
        )
    scale = abs(target)
    status = _band_for(rule.scheme, _EXACT.multiply(diff, _HUNDRED), scale)
    deviation = diff * _HUNDRED / scale  # for people: the default 28-digit context is plenty; the band is already decided
    return Rating(status, deviation, rule.tolerance_basis, rule.scheme_name, None, rule.polarity)
