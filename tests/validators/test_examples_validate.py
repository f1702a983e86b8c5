"""validate against the example returns: every fault in the manifest is found in its cell, and nothing else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from validators.findings import Severity
from validators.run import validate_paths
from workbook_templates.example_returns import EXAMPLES_DIR, MANIFEST

MANIFEST_DATA = json.loads((EXAMPLES_DIR / MANIFEST).read_text(encoding="utf-8"))
FILES = MANIFEST_DATA["files"]
# which rules may report each kind of deliberate fault
RULES_FOR_FAULT = {
    "blank_forecast": {"MC04"},
    "status_contradicts_scheme": {"MS01", "MS02"},
    "text_in_number_cell": {"MT01", "MT02", "MT03", "MT04", "MV01", "MV02", "MV03", "MV04"},
    "red_without_commentary": {"MI01"},
    "duplicate_code": {"MR02"},
    "unknown_code": {"MR03"},
    "risk_score_not_product": {"RK04"},
    "milestone_colour_mismatch": {"ML02"},
    "project_rag_off_scale": {"PJ01", "PJ02", "PJ03"},
    "missing_period": {"RT01"},
    "polarity_mismatch": {"MR04"},
}


@pytest.fixture(scope="module")
def run():
    paths = [EXAMPLES_DIR / f["file"] for f in FILES]
    return validate_paths(paths, names=[f["file"] for f in FILES])


def _file(run, name):
    return next(r for r in run.files if r.path == name)


@pytest.mark.parametrize("entry", FILES, ids=lambda e: e["file"])
def test_every_declared_fault_is_found_in_its_cell(run, entry) -> None:
    result = _file(run, entry["file"])
    found = {(f.sheet, f.cell, f.rule) for f in result.findings}
    for fault in entry["faults"]:
        hits = {rule for sheet, cell, rule in found if (sheet, cell) == (fault["sheet"], fault["cell"])}
        assert hits & RULES_FOR_FAULT[fault["fault"]], (fault, sorted(found))


@pytest.mark.parametrize("entry", FILES, ids=lambda e: e["file"])
def test_no_finding_outside_the_declared_faults(run, entry) -> None:
    """Clean returns are clean; faulty ones have findings only on the rows of their faults."""
    result = _file(run, entry["file"])
    if entry["clean"]:
        assert result.status == "ok", [(f.cell, f.rule, f.message) for f in result.findings]
        return
    fault_rows = {(f["sheet"], f["row"]) for f in entry["faults"]}
    fault_cells = {(f["sheet"], f["cell"]) for f in entry["faults"]}
    duplicated = {f["item"] for f in entry["faults"] if f["fault"] == "duplicate_code"}
    for finding in result.findings:
        if finding.rule == "MR02" and finding.found in duplicated:
            continue  # both rows of a duplicate are reported; the manifest names the second
        row = int("".join(ch for ch in finding.cell if ch.isdigit()))
        assert (finding.sheet, row) in fault_rows or (finding.sheet, finding.cell) in fault_cells, finding


def test_status_finding_says_expected_found_and_why(run) -> None:
    finding = next(f for f in _file(run, "2012-13_Q2_children_faults.xlsx").findings if f.rule == "MS01")
    assert (finding.sheet, finding.cell, finding.measure_code) == ("Measures", "J2", "L&I PM22 (NI 103a)")
    assert (finding.expected, finding.found, finding.severity) == ("Red", "Amber", Severity.ERROR)
    assert "9.4% below target under the 2012/13 scheme" in finding.message


def test_old_layout_is_read_by_aliases(run) -> None:
    result = _file(run, "2017-18_Q1_scorecard_old_layout.xlsx")
    assert [(f.sheet, f.cell, f.rule) for f in result.findings] == [("Scorecard", "D8", "MS01")]


def test_exit_codes(run) -> None:
    assert run.exit_code() == 1
    clean = validate_paths([EXAMPLES_DIR / "2022-23_Q2_resources_clean.xlsx"])
    assert clean.exit_code() == 0 and clean.exit_code(Severity.QUERY) == 0
    queries_only = validate_paths([EXAMPLES_DIR / "2012-13_Q2_adults_housing_faults.xlsx"])
    assert any(f.severity is Severity.QUERY for f in queries_only.findings)


def test_engines_agree_on_every_example(tmp_path: Path) -> None:
    """The pandera suite and the Great Expectations suite, both generated from the catalogue, find the same."""
    from validators.derive import assemble
    from validators.run import ReadJob, check, read_twice

    paths = sorted(EXAMPLES_DIR.glob("*.xlsx"))
    derived = assemble([read_twice(ReadJob(p, i, None, None)).rows for i, p in enumerate(paths)])
    by_pandera = check(derived, "pandera")
    by_gx = check(derived, "gx", tmp_path / "gx")
    assert by_pandera == by_gx
    assert sum(map(len, by_pandera.values())) >= 15  # the deliberate faults, so agreement is not vacuous
    assert (tmp_path / "gx" / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html").is_file()


def test_jobs_give_the_same_result(run) -> None:
    paths = [EXAMPLES_DIR / f["file"] for f in FILES]
    parallel = validate_paths(paths, names=[f["file"] for f in FILES], jobs=2)
    assert parallel.as_dict() == run.as_dict()
