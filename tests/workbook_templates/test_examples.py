"""The example returns and their manifest: what later issues' tests stand on."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from ruleset import Ruleset
from workbook_templates.example_returns import EXAMPLES_DIR, MANIFEST, build_examples

from .test_template import fingerprint

MANIFEST_DATA = json.loads((EXAMPLES_DIR / MANIFEST).read_text(encoding="utf-8"))
FILES = MANIFEST_DATA["files"]
REQUIRED_FAULTS = {"blank_forecast", "status_contradicts_scheme", "text_in_number_cell", "red_without_commentary",
                   "duplicate_code", "unknown_code", "risk_score_not_product"}


def test_committed_examples_are_what_the_generator_builds(rules: Ruleset, tmp_path: Path) -> None:
    entries = build_examples(rules, tmp_path)
    assert entries == FILES
    for entry in entries:
        assert fingerprint(tmp_path / entry["file"]) == fingerprint(EXAMPLES_DIR / entry["file"]), entry["file"]
        # byte for byte too: `make demo` must leave a newcomer's checkout unchanged
        assert (tmp_path / entry["file"]).read_bytes() == (EXAMPLES_DIR / entry["file"]).read_bytes(), entry["file"]


def test_at_least_six_returns_clean_and_faulty_and_an_old_layout() -> None:
    assert len(FILES) >= 6
    assert sum(f["clean"] for f in FILES) >= 2
    assert {f["layout"] for f in FILES} >= {"template", "2016/17"}
    kinds = {fault["fault"] for f in FILES for fault in f["faults"]}
    assert REQUIRED_FAULTS <= kinds
    for f in FILES:
        assert (EXAMPLES_DIR / f["file"]).is_file()


def _cell(entry: dict, fault: dict):
    wb = openpyxl.load_workbook(EXAMPLES_DIR / entry["file"])
    return wb, wb[fault["sheet"]][fault["cell"]]


def _row(ws, row: int) -> dict:
    header_row = next(r for r in range(1, 10) if ws.cell(row=r, column=1).value in ("Measure code", "PI code",
                                                                                   "Milestone ref", "Project", "Risk ref"))
    headers = [c.value for c in ws[header_row]]
    return dict(zip(headers, [c.value for c in ws[row]]))


FAULTS = [(entry, fault) for entry in FILES for fault in entry["faults"]]


@pytest.mark.parametrize(("entry", "fault"), FAULTS, ids=[f"{e['file']}:{f['cell']}:{f['fault']}" for e, f in FAULTS])
def test_each_declared_fault_is_in_its_cell(rules: Ruleset, entry, fault) -> None:
    wb, cell = _cell(entry, fault)
    kind = fault["fault"]
    if kind == "missing_period":
        assert cell.value is None
        return
    row = _row(wb[fault["sheet"]], fault["row"])
    scheme = entry["scheme"]
    if kind == "blank_forecast":
        assert cell.value is None
    elif kind == "status_contradicts_scheme":
        target = row.get("Quarterly target", row.get("Q1 Target"))
        actual = row.get("Quarterly actual", row.get("Q1 Actual"))
        code = row.get("Measure code", row.get("PI code"))
        assert rules.rate(target, actual, code=code, scheme=scheme).status != cell.value
    elif kind == "text_in_number_cell":
        assert isinstance(cell.value, str)
    elif kind == "red_without_commentary":
        statuses = (row["Quarterly target status"], row["Forecast year-end status"])
        assert "Red" in statuses
        assert not any(row[h] for h in ("Context for current performance", "Improvement actions taken",
                                        "Intervention / review"))
    elif kind == "duplicate_code":
        codes = [c.value for c in wb[fault["sheet"]]["A"][1:]]
        assert codes.count(cell.value) == 2
    elif kind == "unknown_code":
        assert rules.measure(cell.value) is None
    elif kind == "risk_score_not_product":
        assert not rules.risk.check(row["Likelihood"], row["Impact"], cell.value).ok
    elif kind == "milestone_colour_mismatch":
        assert rules.vocab["milestone_status"].lookup(row["Status"]).maps_to != cell.value
    elif kind == "project_rag_off_scale":
        assert rules.vocab["project_rag"].canonical(cell.value) is None
    elif kind == "polarity_mismatch":
        assert rules.measure(row["Measure code"]).polarity.value != cell.value
    else:  # pragma: no cover - a new fault kind needs its check here
        pytest.fail(f"no check for fault kind {kind}")


@pytest.mark.parametrize("entry", [f for f in FILES if f["clean"]], ids=lambda f: f["file"])
def test_clean_returns_agree_with_the_ruleset(rules: Ruleset, entry) -> None:
    ws = openpyxl.load_workbook(EXAMPLES_DIR / entry["file"])["Measures"]
    rows = [_row(ws, r) for r in range(2, 2 + entry["counts"]["measures"])]
    codes = [r["Measure code"] for r in rows]
    assert len(set(codes)) == len(codes)
    for r in rows:
        code = r["Measure code"]
        assert rules.measure(code) is not None, code
        q = rules.rate(r["Quarterly target"], r["Quarterly actual"], code=code, scheme=entry["scheme"])
        f = rules.rate(r["Year-end target"], r["Year-end forecast"], code=code, scheme=entry["scheme"])
        assert (r["Quarterly target status"], r["Forecast year-end status"]) == (q.status, f.status), code
        if rules.in_improvement_report(q.status, f.status):
            assert all(r[h] for h in ("Context for current performance", "Improvement actions taken",
                                      "Intervention / review")), code


def test_markers_example_uses_legitimate_gaps(rules: Ruleset) -> None:
    ws = openpyxl.load_workbook(EXAMPLES_DIR / "2022-23_Q2_people_services_markers.xlsx")["Measures"]
    rows = {r["Measure code"]: r for r in (_row(ws, i) for i in range(2, ws.max_row + 1)) if r["Measure code"]}
    p8 = rows["DP22 CG02"]
    assert p8["Quarterly actual"] == "Annual"
    assert rules.gap_excused("quarterly_actual", rules.values.parse(p8["Quarterly actual"]), p8["Frequency"])
    assert (p8["Year-end target"], p8["Forecast year-end status"]) == (-0.15, "Red")  # negative target
    assert rows["L&I PM05 (NI 78)"]["Forecast year-end status"] == "Green"  # zero target, zero forecast
