"""Vocabularies, risk scores, improvement-report membership, column aliases and the register."""

from __future__ import annotations

import pytest

from ruleset import Ruleset


@pytest.mark.parametrize(
    ("vocabulary", "typed", "canonical"),
    [
        ("measure_status", "RED", "Red"),
        ("measure_status", " amber ", "Amber"),
        ("measure_status", "n/a", "N/A"),
        ("milestone_status", "on track", "On track"),
        ("milestone_status", "Ontrack", "On track"),
        ("milestone_status", "some  slippage", "Some slippage"),
        ("project_rag", "Amber / Green", "Amber / Green"),
        ("project_rag", "Green / Amber", "Amber / Green"),
        ("project_rag", "Amber/Green", "Amber / Green"),
        ("project_rag", "green/amber", "Amber / Green"),
        ("project_rag", "Amber/Red", "Amber / Red"),
        ("project_rag", "Red / Amber", "Amber / Red"),
        ("project_rag", "Pre-start", "Pre Start"),
        ("direction_of_travel", "improving", "Improving"),
        ("direction_of_travel", "Stable", "Stabilised"),
        ("direction_of_travel", "Declining", "Deteriorating"),
        ("polarity", "high", "High"),
        ("polarity", "Lower is better", "Low"),
        ("risk_type", "risk opportunity", "Opportunity"),
    ],
)
def test_synonyms_and_variants(rules: Ruleset, vocabulary, typed, canonical) -> None:
    assert rules.vocab[vocabulary].canonical(typed) == canonical


@pytest.mark.parametrize(("vocabulary", "typed"), [("project_rag", "Yellow"), ("measure_status", "Purple"),
                                                    ("milestone_status", ""), ("polarity", None)])
def test_off_vocabulary_is_none(rules: Ruleset, vocabulary, typed) -> None:
    assert rules.vocab[vocabulary].canonical(typed) is None


@pytest.mark.parametrize(("status", "colour"), [("Completed", "Blue"), ("On track", "Green"),
                                                ("Some slippage", "Amber"), ("Major slippage", "Red")])
def test_milestone_status_colours(rules: Ruleset, status, colour) -> None:
    assert rules.vocab["milestone_status"].lookup(status).maps_to == colour


def test_status_colours_are_distinct(rules: Ruleset) -> None:
    colours = [rules.status_colour(s) for s in ("Blue", "Green", "Amber", "Red")]
    assert len(set(colours)) == 4 and all(colours)


@pytest.mark.parametrize(
    ("likelihood", "impact", "score", "ok"),
    [(4, 4, 16, True), (3, 4, 12, True), (3, 3, 9, True), ("Probable", "Very high", 12, True),
     ("2 - Possible", "High", 6, True), (3, 4, 16, False), (2, 3, 8, False), (5, 4, 20, False),
     (1, 1, 0, False), (3, 3, "nine", False), ("Highly probable", "Low", 4, True)],
)
def test_risk_score_is_likelihood_times_impact(rules: Ruleset, likelihood, impact, score, ok) -> None:
    assert rules.risk.check(likelihood, impact, score).ok is ok


def test_risk_problem_says_what_the_score_should_be(rules: Ruleset) -> None:
    check = rules.risk.check(3, 4, 16)
    assert check.expected == 12
    assert "risk score 16 is not likelihood 3 x impact 4 = 12" in check.problems


def test_risk_ratings(rules: Ruleset) -> None:
    assert [rules.risk.rating(s) for s in (4, 9, 12, 16)] == ["Low", "Medium", "Significant", "Significant"]


@pytest.mark.parametrize(
    ("quarterly", "forecast", "narrow", "wider"),
    [("Red", "Green", True, True), ("Amber", "Green", False, True), ("Green", "Amber", True, True),
     ("Green", "Red", True, True), ("Blue", "Green", False, False), ("N/A", "N/A", False, False),
     ("Amber", "Blue", False, True)],
)
def test_improvement_report_criteria(rules: Ruleset, quarterly, forecast, narrow, wider) -> None:
    assert rules.in_improvement_report(quarterly, forecast, "red_or_forecast_amber_red") is narrow
    assert rules.in_improvement_report(quarterly, forecast, "missed_or_not_forecast") is wider
    assert rules.in_improvement_report(quarterly, forecast) is wider  # the default criterion


def test_unknown_criterion_names_the_choices(rules: Ruleset) -> None:
    with pytest.raises(KeyError, match="missed_or_not_forecast"):
        rules.criterion("nope")


@pytest.mark.parametrize(
    ("kind", "header", "field"),
    [
        ("measures", "Measure code", "code"),
        ("measures", "Forecast Year End Status", "forecast_status"),
        ("measures", "Year End Status", "forecast_status"),
        ("measures", "Current Target Status", "quarterly_status"),
        ("measures", "Current target", "quarterly_target"),
        ("measures", "Q2 Target", "quarterly_target"),
        ("measures", "Quarter two actual", "quarterly_actual"),
        ("measures", "Year-end forecast", "year_end_forecast"),
        ("measures", "YEAR END FORECAST", "year_end_forecast"),
        ("measures", "Intervention/Review", "intervention"),
        ("measures", "Intervention / review", "intervention"),
        ("measures", "Good\nis", "polarity"),
        ("measures", "Direction of Travel", "direction_of_travel"),
        ("milestones", "Q2 position", "status"),
        ("projects", "DCA", "dca"),
        ("risks", "Current risk score", "score"),
        ("about", "Period end", "period_end"),
    ],
)
def test_column_aliases(rules: Ruleset, kind, header, field) -> None:
    assert rules.columns(kind).field_for(header) == field


@pytest.mark.parametrize("header", ["", None, "Notes", "Current target status and more"])
def test_unknown_headers_match_nothing(rules: Ruleset, header) -> None:
    assert rules.columns("measures").field_for(header) is None


def test_map_row_finds_fields_in_any_order(rules: Ruleset) -> None:
    row = ["Ref", "Measure Description", "Good is", "Q1 Target", "Q1 Actual", "Year End Forecast", "Notes"]
    assert rules.columns("measures").map_row(row) == {
        "code": 0, "description": 1, "polarity": 2, "quarterly_target": 3, "quarterly_actual": 4,
        "year_end_forecast": 5,
    }


def test_register_holds_the_scorecard(rules: Ruleset) -> None:
    assert len(rules.register) >= 63
    entry = rules.measure("DH Local 27 (NI 160)")
    assert (entry.polarity.value, entry.unit) == ("High", "%")
    assert rules.measure("DH Local 27") is entry  # the short code finds the bracketed one
    assert rules.measure("lpi 52G").code == "LPI52g"  # spacing and case do not matter
    assert rules.measure("CP 08b (HRprim5/BV12)").polarity.value == "Low"
    assert rules.measure("ZZ PM01") is None


@pytest.mark.parametrize("code", ["CM PM13", "L&C PM06a", "EIISS PM16 (NI 117)", "SS PM07", "DH Local 32 (BVPI 212)"])
def test_register_codes_match_the_code_pattern(rules: Ruleset, code) -> None:
    import re

    assert re.fullmatch(rules.measure_code_pattern, code)
