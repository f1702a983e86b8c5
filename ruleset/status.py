"""RAG status of a measure: deviation from target in the direction of the polarity, banded by a scheme.

All arithmetic is Decimal and band edges are tested by cross-multiplication
((actual - target) * 100 against bound * |target|), so a deviation of exactly 2% or 5%
lands on the side the scheme says, with no division rounding in the way.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

from .models import Band, Polarity, Scheme, ToleranceBasis, ZeroTargetRule

NOT_RATED = "N/A"
_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class RatingRule:
    """Everything that decides a measure's status; one per measure after overrides apply."""

    scheme_name: str
    scheme: Scheme
    polarity: Polarity
    tolerance_basis: ToleranceBasis = ToleranceBasis.RELATIVE
    zero_target: ZeroTargetRule = ZeroTargetRule.MEET_OR_MISS


@dataclass(frozen=True)
class Rating:
    status: str  # Blue, Green, Amber, Red or N/A
    deviation: Decimal | None  # percent of |target| (relative) or points (absolute); + is better
    basis: ToleranceBasis
    scheme_name: str
    reason: str  # why this status, in words an officer reads

    @property
    def rated(self) -> bool:
        return self.status != NOT_RATED


def _passes(band: Band, scaled_diff: Decimal, scale: Decimal) -> bool:
    """Does a deviation reach this band? Compares scaled_diff against bound * scale exactly."""
    if band.bound is None:
        return True
    edge = band.bound * scale
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
    sign = 1 if rule.polarity is Polarity.HIGH else -1
    with localcontext() as ctx:
        ctx.prec = 60  # products of two cell values stay exact at this precision
        diff = (actual - target) * sign  # + is better, in the measure's own unit
        if rule.tolerance_basis is ToleranceBasis.ABSOLUTE:
            status = _band_for(rule.scheme, diff, Decimal(1))
            return Rating(
                status, diff, rule.tolerance_basis, rule.scheme_name,
                f"{describe_deviation(diff, rule.polarity, rule.tolerance_basis)} under the {rule.scheme_name} scheme",
            )
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
        status = _band_for(rule.scheme, diff * _HUNDRED, scale)
    deviation = diff * _HUNDRED / scale  # for people: the default 28-digit context is plenty; the band is already decided
    return Rating(
        status, deviation, rule.tolerance_basis, rule.scheme_name,
        f"{describe_deviation(deviation, rule.polarity, rule.tolerance_basis)} under the {rule.scheme_name} scheme",
    )
