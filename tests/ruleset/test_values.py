"""Value parsing: numbers with units, markers, qualifiers, errors, and text that must not vanish."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ruleset import Ruleset, ValueKind


@pytest.mark.parametrize(
    ("raw", "number", "unit", "qualifiers"),
    [
        ("1,000.0", "1000.0", None, ()),
        ("98.3%", "98.3", "%", ()),
        ("98.3 %", "98.3", "%", ()),
        ("30.3 days", "30.3", "days", ()),
        ("94.70 per 10,000 population", "94.70", "per 10,000 population", ()),
        ("37.70 per 10,000 popn", "37.70", "per 10,000 population", ()),
        ("12.1 per 100,000 population", "12.1", "per 100,000 population", ()),
        ("£1,629,910", "1629910", "£", ()),
        ("£9.812 million", "9812000", "£", ()),
        ("£13.168m", "13168000", "£", ()),
        ("-0.15", "-0.15", None, ()),
        ("\u22120.19", "-0.19", None, ()),  # a typographic minus from a pasted report
        ("22% (Provisio nal)", "22", "%", ("provisional",)),
        ("56% (provisional)", "56", "%", ("provisional",)),
        ("£1,490,000 (Q3 data)", "1490000", "£", ("Q3 data",)),
        ("7.52 days (August figures)", "7.52", "days", ("August figures",)),  # unknown note kept verbatim
        ("  1,481 ", "1481", None, ()),
        ("5,700", "5700", None, ()),
    ],
)
def test_numbers_from_text(rules: Ruleset, raw, number, unit, qualifiers) -> None:
    value = rules.values.parse(raw)
    assert value.kind is ValueKind.NUMBER
    assert value.number == Decimal(number)
    assert (value.unit, value.qualifiers, value.from_text) == (unit, qualifiers, True)
    assert value.raw == raw


@pytest.mark.parametrize(
    ("raw", "number"),
    [(95, "95"), (0.1, "0.1"), (98.3, "98.3"), (1e-7, "1e-7"), (Decimal("2.50"), "2.50"), (-3, "-3")],
)
def test_numbers_from_numeric_cells(rules: Ruleset, raw, number) -> None:
    value = rules.values.parse(raw)
    assert value.kind is ValueKind.NUMBER and value.number == Decimal(number) and not value.from_text


@pytest.mark.parametrize(
    ("raw", "marker", "means"),
    [
        ("N/A", "N/A", "not_applicable"),
        ("n/a", "N/A", "not_applicable"),
        ("-", "-", "not_applicable"),
        ("\u2013", "-", "not_applicable"),
        ("No target set", "No target set", "no_target"),
        ("no  TARGET  set", "No target set", "no_target"),
        ("New measure", "No target set", "no_target"),
        ("No quarterly target set", "No quarterly target set", "no_quarterly_target"),
        ("Annual", "Annual", "not_due"),
        ("Annual Collection", "Annual Collection", "not_due"),
        ("Not measured this year", "Not measured this year", "not_measured"),
        ("Data not available", "Data not available", "not_available"),
        ("To be reported in Q4", "To be reported in Q4", "not_due"),
        ("to be reported in Q3", "To be reported in Q4", "not_due"),
    ],
)
def test_markers(rules: Ruleset, raw, marker, means) -> None:
    value = rules.values.parse(raw)
    assert (value.kind, value.marker, value.means) == (ValueKind.MARKER, marker, means)


@pytest.mark.parametrize("raw", [None, "", "   ", "\u00a0", "\t\n"])
def test_blank_means_blank(rules: Ruleset, raw) -> None:
    assert rules.values.parse(raw).kind is ValueKind.BLANK


@pytest.mark.parametrize("raw", ["#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"])
def test_formula_errors_are_errors(rules: Ruleset, raw) -> None:
    value = rules.values.parse(raw)
    assert value.kind is ValueKind.ERROR and raw in value.problem


@pytest.mark.parametrize(
    "raw",
    ["lots", "about 20%", "1,00", "12 months", "Unqualified", "£5 apples", "(provisional)", "TBC", True,
     dt.date(2022, 9, 30), float("nan"), "Awaiting confirmed survey results"],
)
def test_unknown_text_is_reported_never_dropped(rules: Ruleset, raw) -> None:
    value = rules.values.parse(raw)
    assert value.kind is ValueKind.UNPARSEABLE
    assert value.number is None and value.problem
    assert value.raw is raw or value.raw == raw  # the evidence is kept


def test_describe_reads_naturally(rules: Ruleset) -> None:
    assert rules.values.parse("1,000.0").describe() == "1,000"
    assert rules.values.parse("98.30%").describe() == "98.3%"
    assert rules.values.parse("£9.812 million").describe() == "£9,812,000"
    assert rules.values.parse("30.3 days").describe() == "30.3 days"
    assert rules.values.parse(None).describe() == "blank"
    assert rules.values.parse("Annual").describe() == "Annual"


def test_gap_excused_only_where_the_ruleset_allows(rules: Ruleset) -> None:
    annual = rules.values.parse("Annual")
    assert rules.gap_excused("quarterly_actual", annual, frequency="Annual")
    assert rules.gap_excused("quarterly_target", annual, frequency="annual collection")
    assert not rules.gap_excused("quarterly_actual", annual, frequency="Quarterly")
    assert not rules.gap_excused("year_end_forecast", annual, frequency="Annual")
    no_target = rules.values.parse("No target set")
    assert rules.gap_excused("year_end_target", no_target)
    assert not rules.gap_excused("year_end_forecast", no_target)
    assert not rules.gap_excused("quarterly_actual", rules.values.parse(None), frequency="Annual")
