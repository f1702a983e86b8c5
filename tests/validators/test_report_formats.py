"""JSON, CSV and JUnit renderers, and the atomic text writer."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from validators.findings import FileResult, Finding, RunResult, Severity
from validators.report_formats import CSV_COLUMNS, to_csv, to_json, to_junit, write_text_atomically

E, Q = Severity.ERROR, Severity.QUERY
FAULTS = "returns/2012-13_Q2_children_faults.xlsx"
CLEAN = "returns/2022-23_Q2_resources_clean.xlsx"
BROKEN = "returns/broken.xlsx"


def _run() -> RunResult:
    faults = FileResult(FAULTS, [
        Finding(FAULTS, "Measures", "L7", "LPI 52b", "MD01", Q, "Give the year-end forecast, e.g. £9.8m, <a> & \"b\""),
        Finding(FAULTS, "Measures", "J2", "L&I PM22 (NI 103a)", "MS01", E,
                "Status contradicts the scheme,\nchange it", "Red", "Amber"),
    ])
    broken = FileResult(BROKEN, [Finding(BROKEN, None, None, None, "F001", E, "The file is empty (0 bytes).")],
                        unreadable=True)
    return RunResult([faults, FileResult(CLEAN), broken], ruleset="default.yaml")


# JSON

def test_json_has_the_documented_shape() -> None:
    data = json.loads(to_json(_run()))
    assert set(data) >= {"files", "summary"}
    assert [f["path"] for f in data["files"]] == [FAULTS, CLEAN, BROKEN]
    assert [f["status"] for f in data["files"]] == ["findings", "ok", "unreadable"]
    finding = data["files"][0]["findings"][0]
    assert set(finding) == {"sheet", "cell", "measure_code", "rule", "severity", "message", "expected", "found"}
    # findings come sorted by sheet and row: J2 before L7
    assert [f["cell"] for f in data["files"][0]["findings"]] == ["J2", "L7"]
    assert finding == {"sheet": "Measures", "cell": "J2", "measure_code": "L&I PM22 (NI 103a)", "rule": "MS01",
                       "severity": "Error", "message": "Status contradicts the scheme,\nchange it",
                       "expected": "Red", "found": "Amber"}
    assert data["files"][1]["findings"] == []
    assert data["summary"] == {"files": 3, "ok": 1, "with_findings": 1, "unreadable": 1, "errors": 2, "queries": 1}


def test_json_keeps_non_ascii_text_readable() -> None:
    text = to_json(_run())
    assert "£9.8m" in text and "\\u00a3" not in text


# CSV

def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_csv_one_row_per_finding_with_header() -> None:
    rows = _csv_rows(to_csv(_run()))
    assert rows[0] == list(CSV_COLUMNS)
    assert rows[0] == ["path", "sheet", "cell", "measure_code", "rule", "severity", "message", "expected", "found"]
    body = rows[1:]
    assert len(body) == 3  # two findings in one file, one for the unreadable file, none for the clean file
    assert CLEAN not in {r[0] for r in body}
    assert body[0] == [FAULTS, "Measures", "J2", "L&I PM22 (NI 103a)", "MS01", "Error",
                       "Status contradicts the scheme,\nchange it", "Red", "Amber"]
    assert body[1][6] == "Give the year-end forecast, e.g. £9.8m, <a> & \"b\""
    assert body[2] == [BROKEN, "", "", "", "F001", "Error", "The file is empty (0 bytes).", "", ""]


def test_csv_of_a_clean_run_is_only_the_header() -> None:
    rows = _csv_rows(to_csv(RunResult([FileResult(CLEAN)])))
    assert rows == [list(CSV_COLUMNS)]


# JUnit

def _suites(root: ET.Element) -> dict[str, ET.Element]:
    return {s.get("name"): s for s in root.findall("testsuite")}


def _assert_counts_match_content(root: ET.Element) -> None:
    """Every declared count equals what the XML holds, per suite and in total."""
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for suite in root.findall("testsuite"):
        actual = {"tests": len(suite.findall("testcase")),
                  "failures": len(suite.findall("testcase/failure")),
                  "errors": len(suite.findall("testcase/error"))}
        assert {k: int(suite.get(k)) for k in actual} == actual
        totals = {k: totals[k] + actual[k] for k in totals}
    assert {k: int(root.get(k)) for k in totals} == totals


def test_junit_by_default_fails_only_on_errors() -> None:
    root = ET.fromstring(to_junit(_run()))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "1", "1")
    _assert_counts_match_content(root)
    suites = _suites(root)
    assert list(suites) == [FAULTS, CLEAN, BROKEN]

    cases = {c.get("name"): c for c in suites[FAULTS].findall("testcase")}
    assert set(cases) == {"MS01 Measures!J2", "MD01 Measures!L7"}
    assert all(c.get("classname") == FAULTS for c in cases.values())
    failure = cases["MS01 Measures!J2"].find("failure")
    assert failure is not None and failure.get("type") == "Error"
    assert failure.get("message") == "Status contradicts the scheme,\nchange it"
    assert "Expected: Red" in failure.text and "Found: Amber" in failure.text
    query = cases["MD01 Measures!L7"]
    assert query.find("failure") is None and query.find("error") is None
    assert "MD01 Query" in query.find("system-out").text
    assert "<a> & \"b\"" in query.find("system-out").text  # escaped in XML, intact once parsed

    clean = suites[CLEAN].findall("testcase")
    assert [c.get("name") for c in clean] == ["return is clean"] and len(list(clean[0])) == 0

    error = suites[BROKEN].find("testcase/error")
    assert error is not None and error.get("message") == "The file is empty (0 bytes)."


def test_junit_fail_on_query_makes_queries_failures() -> None:
    root = ET.fromstring(to_junit(_run(), fail_on_query=True))
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "2", "1")
    _assert_counts_match_content(root)
    case = next(c for c in root.iter("testcase") if c.get("name") == "MD01 Measures!L7")
    assert case.find("failure").get("type") == "Query"
    assert case.find("system-out") is None


def test_junit_stays_parseable_with_control_characters() -> None:
    bad = "Pasted text\x0b with a vertical tab\x01"
    run = RunResult([FileResult("a.xlsx", [Finding("a.xlsx", "Measures", "A2", "X\x02", "MR01", E, bad)])])
    root = ET.fromstring(to_junit(run))
    assert root.find("testsuite/testcase/failure").get("message").startswith("Pasted text")


def test_junit_of_an_empty_run() -> None:
    root = ET.fromstring(to_junit(RunResult([])))
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("0", "0", "0")


# Atomic writing

def test_write_text_atomically_writes_exact_bytes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.csv"
    text = to_csv(_run())
    assert "\r\n" in text  # csv row ends must survive: no newline translation on write
    assert write_text_atomically(target, "old") == target
    write_text_atomically(target, text)
    assert target.read_bytes() == text.encode("utf-8")
    assert [p.name for p in target.parent.iterdir()] == ["report.csv"]  # no temporary file left behind


def test_write_text_atomically_leaves_old_file_when_encoding_fails(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_text_atomically(target, "lone surrogate \ud800")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
