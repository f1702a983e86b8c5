"""Statuses stated in DOMAIN.md and in the published reports in shared/seeds/."""

from __future__ import annotations

import pytest

from ruleset import Ruleset, ZeroTargetRule
from ruleset.status import rate


@pytest.mark.parametrize(
    ("target", "actual", "good_is", "scheme", "status"),
    [
        # DOMAIN.md examples
        ("95", "93", "High", "2012/13", "Amber"),
        ("95", "93", "High", "2022/23", "Amber"),
        ("146,211", "151,147", "High", "2012/13", "Blue"),
        ("146,211", "151,147", "High", "2022/23", "Green"),
        ("28.5 days", "30.3 days", "Low", "2012/13", "Red"),
        ("0", "0", "Low", "2012/13", "Green"),
        ("0", "0", "Low", "2022/23", "Green"),
        ("-0.15", "-0.19", "High", "2012/13", "Red"),
        ("-0.15", "-0.19", "High", "2022/23", "Red"),
    ],
)
def test_domain_examples(rules: Ruleset, target, actual, good_is, scheme, status) -> None:
    assert rules.rate(target, actual, polarity=good_is, scheme=scheme).status == status


# 2012/13 Q2 Cabinet report, Appendix 3: "Quarter 2 Target - X Actual - Y (STATUS)"
QUARTER_TWO_2012 = [
    ("L&I PM22 (NI 103a)", "90%", "81.5%", "Red"),
    ("SS PM01", "6%", "4.8%", "Red"),
    ("SS PM13", "90%", "82.3%", "Red"),
    ("SS PM15 (NI 61)", "60%", "52.9%", "Red"),
    ("L&I PM03 (NI 75)", "57%", "56.1%", "Amber"),
    ("LPI 52b", "100%", "82%", "Red"),
    ("CM PM09a", "98.4%", "97.8%", "Amber"),
    ("CM PM11a", "35%", "20.6%", "Red"),
    ("CMPM11b", "20%", "25.8%", "Red"),  # Good is Low
    ("CM PM11c", "45%", "58%", "Red"),  # Good is Low
    ("CM PM14", "60%", "52.3%", "Red"),
    ("LPI 52c", "100%", "92.0%", "Red"),
    ("YA&H PM04", "10", "13", "Red"),  # Good is Low
    ("CP 07c", "100%", "80%", "Red"),
    ("Regen PM14", "175", "135", "Red"),
]

# Appendix 2: year-end forecast against year-end target, "Forecast Year End Status"
FORECAST_2012 = [
    ("CM PM13", "80%", "95%", "Blue"),
    ("CM PM11c", "45%", "35%", "Blue"),  # Good is Low: below target is better
    ("SP PM09e", "0.15%", "0.15%", "Green"),
    ("DH Local 32 (BVPI 212)", "22.5 days", "22.5 days", "Green"),
    ("EIISS PM04 (SS PM04)", "46.40 per 10,000 popn", "37.70 per 10,000 popn", "Blue"),
    ("SS PM07", "90.4 per 10,000 popn", "80.0 per 10,000 popn", "Blue"),
    ("L&C PM06b", "24,000", "35,000", "Blue"),
    ("SS PM14 (NI 101)", "18%", "22% (Provisio nal)", "Blue"),
    ("L&I PM03 (NI 75)", "57%", "56% (Provisio nal)", "Amber"),
    ("SS PM15 (NI 61)", "60%", "50%", "Red"),
    ("SS PM01", "12%", "11%", "Red"),
    ("LPI 52b", "100%", "75%", "Red"),
    ("CP 08b (HRprim5/BV12)", "7 days", "7.52 days (August figures)", "Red"),  # Good is Low
    ("YA&H PM03 (NI 156)", "30", "30", "Green"),
    ("L&I PM05 (NI 78)", "0", "0", "Green"),  # zero target, Good is Low
]


@pytest.mark.parametrize(("code", "target", "actual", "status"), QUARTER_TWO_2012 + FORECAST_2012)
def test_2012_13_report(rules: Ruleset, code, target, actual, status) -> None:
    """Polarity comes from the register, so these also prove the register agrees with the report."""
    assert rules.rate(target, actual, code=code, scheme="2012/13").status == status


def test_2022_23_report_my_account(rules: Ruleset) -> None:
    # "151,147 registered users (Target status = Green)" against the annual target of 146,211
    rating = rules.rate("146,211", "151,147 ", code="DP22 WS01", scheme="2022/23")
    assert (rating.status, rating.reason) == ("Green", "3.4% above target under the 2022/23 scheme")


def test_2022_23_report_mtfp_savings_in_millions(rules: Ruleset) -> None:
    # "£9.812 million savings forecasted to be delivered against a target of £13.168 million"
    rating = rules.rate("£13.168 million", "£9.812 million", code="DP22 WS03", scheme="2022/23")
    assert rating.status == "Red"
    assert rating.reason.startswith("25.5% below target")


def test_default_scheme_is_2022_23(rules: Ruleset) -> None:
    assert rules.rate("146211", "151147", polarity="High").scheme_name == "2022/23"


@pytest.mark.parametrize(
    ("target", "actual", "good_is", "reason"),
    [
        (None, "5", "High", "no target"),
        ("No target set", "5", "High", "the target is 'No target set'"),
        ("10", "  ", "High", "no actual"),
        ("10", "lots", "High", "not a number"),
        ("10", "#DIV/0!", "High", "formula error #DIV/0!"),
        ("10", "12", None, "polarity unknown"),
    ],
)
def test_not_rated_gives_reason_not_crash(rules: Ruleset, target, actual, good_is, reason) -> None:
    rating = rules.rate(target, actual, polarity=good_is)
    assert rating.status == "N/A"
    assert reason in rating.reason
    assert not rating.rated


def test_zero_target_rules(rules: Ruleset) -> None:
    rule = rules.rating_rule(polarity="Low", scheme="2012/13")
    from dataclasses import replace
    from decimal import Decimal

    assert rate(Decimal(0), Decimal(0), rule).status == "Green"
    assert rate(Decimal(0), Decimal(1), rule).status == "Red"  # worse than a zero target misses it
    assert rate(Decimal(0), Decimal(-1), rule).status == "Green"
    not_rated = replace(rule, zero_target=ZeroTargetRule.NOT_RATED)
    assert rate(Decimal(0), Decimal(0), not_rated).status == "N/A"


def test_register_polarity_beats_a_typed_one(rules: Ruleset) -> None:
    # CMPM11b is Good is Low in the register: 25.8 against 20 is worse, even if a return says High
    assert rules.rate("20", "25.8", code="CM PM11b", scheme="2012/13").status == "Red"
    assert rules.rate("20", "25.8", code="CM PM11b", polarity="High", scheme="2012/13").status == "Red"
    assert rules.rate("20", "15", code="CM PM11b", scheme="2012/13").status == "Blue"
    # a code the register does not know falls back to the stated polarity
    assert rules.rate("20", "25.8", code="XX PM1", polarity="High", scheme="2012/13").status == "Blue"
