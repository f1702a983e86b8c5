"""The algebra of the rating rule: monotonic, mirrored by polarity, exact at every band edge."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from ruleset import Polarity, Ruleset
from ruleset.status import rate

ORDER = {"Red": 0, "Amber": 1, "Green": 2, "Blue": 3}
SCHEMES = ["2012/13", "2022/23"]

# cell-like decimals: up to 2 places, as officers type them
values = st.decimals(min_value=Decimal("-100000"), max_value=Decimal("100000"), places=2, allow_nan=False)
nonzero = values.filter(lambda d: d != 0)
polarities = st.sampled_from([Polarity.HIGH, Polarity.LOW])
schemes = st.sampled_from(SCHEMES)


@given(target=nonzero, a=values, b=values, polarity=polarities, scheme=schemes)
def test_a_better_actual_never_gives_a_worse_status(rules: Ruleset, target, a, b, polarity, scheme) -> None:
    rule = rules.rating_rule(polarity=polarity, scheme=scheme)
    better, worse = (max(a, b), min(a, b)) if polarity is Polarity.HIGH else (min(a, b), max(a, b))
    assert ORDER[rate(target, better, rule).status] >= ORDER[rate(target, worse, rule).status]


@given(target=values, actual=values, scheme=schemes)
def test_swapping_polarity_mirrors_the_result(rules: Ruleset, target, actual, scheme) -> None:
    high = rules.rating_rule(polarity="High", scheme=scheme)
    low = rules.rating_rule(polarity="Low", scheme=scheme)
    mirrored = 2 * target - actual  # the same distance from target, on the other side
    assert rate(target, actual, high).status == rate(target, mirrored, low).status
    if target != 0:
        assert rate(target, actual, high).deviation == -rate(target, actual, low).deviation


@given(target=nonzero, actual=values, scheme=schemes, polarity=polarities)
def test_status_depends_only_on_relative_deviation(rules: Ruleset, target, actual, scheme, polarity) -> None:
    """Scaling target and actual together (units, per 10,000 vs per 100,000) changes nothing."""
    rule = rules.rating_rule(polarity=polarity, scheme=scheme)
    assert rate(target, actual, rule).status == rate(target * 10, actual * 10, rule).status


def _edges(rules: Ruleset, scheme: str) -> list[tuple[Decimal, bool, str, str]]:
    bands = rules.data.schemes[scheme].bands
    return [(b.bound, b.inclusive, b.status, bands[i + 1].status) for i, b in enumerate(bands[:-1])]


@pytest.mark.parametrize("scheme", SCHEMES)
@given(target=nonzero, polarity=polarities)
def test_exactly_at_each_band_edge(rules: Ruleset, scheme, target, polarity) -> None:
    rule = rules.rating_rule(polarity=polarity, scheme=scheme)
    sign = 1 if polarity is Polarity.HIGH else -1
    for bound, inclusive, band, next_band in _edges(rules, scheme):
        step = abs(target) / 100  # exact: one percent of the target
        on_edge = target + sign * bound * step
        assert rate(target, on_edge, rule).status == (band if inclusive else next_band), (bound, on_edge)
        tiny = step / 1000
        assert rate(target, on_edge + sign * tiny, rule).status == band
        assert rate(target, on_edge - sign * tiny, rule).status == next_band


@pytest.mark.parametrize(
    ("scheme", "actual", "status"),
    [
        # target 100, Good is High: the published edges, written as an officer would type them
        ("2012/13", "102", "Green"), ("2012/13", "102.01", "Blue"),
        ("2012/13", "100", "Green"), ("2012/13", "99.99", "Amber"),
        ("2012/13", "95", "Amber"), ("2012/13", "94.99", "Red"),
        ("2022/23", "110", "Blue"), ("2022/23", "109.99", "Green"),
        ("2022/23", "98", "Green"), ("2022/23", "97.99", "Amber"),
        ("2022/23", "90", "Amber"), ("2022/23", "89.99", "Red"),
    ],
)
def test_published_edges_at_target_100(rules: Ruleset, scheme, actual, status) -> None:
    assert rules.rate("100", actual, polarity="High", scheme=scheme).status == status


@pytest.mark.parametrize(("target", "actual"), [(0.1, 0.102), (0.3, 0.306), (0.7, 0.686), (2.2, 2.156)])
def test_float_cells_land_exactly_on_the_edge(rules: Ruleset, target, actual) -> None:
    """Cells arrive as floats: 0.1 * 1.02 is 0.10200000000000001 in binary, still exactly +2% here."""
    status = rules.rate(target, actual, polarity="High", scheme="2012/13").status
    expected = "Green" if actual > target else "Amber"  # +2% is Green (Blue needs more); -2% is Amber
    assert status == expected


@given(target=nonzero, actual=values)
def test_deviation_sign_matches_better_or_worse(rules: Ruleset, target, actual) -> None:
    assume(actual != target)
    high = rate(target, actual, rules.rating_rule(polarity="High", scheme="2012/13"))
    assert (high.deviation > 0) == (actual > target)
