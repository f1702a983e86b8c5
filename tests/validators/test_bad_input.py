"""Bad input: each is a per-file finding naming the file (and sheet and cell where known); the run goes on."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from ruleset import Ruleset
from validators import workbook_files
from validators.findings import Severity
from validators.run import validate_paths
from workbook_templates.example_returns import EXAMPLES_DIR

from .workbooks import good_row, measures_headers, write_sheet

CLEAN = EXAMPLES_DIR / "2022-23_Q2_resources_clean.xlsx"


def run_with_clean(tmp_path: Path, bad: Path):
    """Validate a bad file beside a clean one: the bad one is reported, the clean one still checked."""
    clean = shutil.copy(CLEAN, tmp_path / "clean.xlsx")
    run = validate_paths([bad, Path(clean)])
    bad_result, clean_result = run.files
    assert clean_result.status == "ok", "the run went on with the other file"
    return bad_result


def only(result, rule: str):
    matches = [f for f in result.findings if f.rule == rule]
    assert matches, [(f.rule, f.message) for f in result.findings]
    return matches[0]


def test_not_a_zip(tmp_path: Path) -> None:
    bad = tmp_path / "notes.xlsx"
    bad.write_text("minutes of the meeting", encoding="utf-8")
    result = run_with_clean(tmp_path, bad)
    assert result.status == "unreadable"
    assert "not a .xlsx workbook (it is not a zip package)" in only(result, "F001").message
    assert only(result, "F001").path == str(bad)


def test_truncated(tmp_path: Path) -> None:
    bad = tmp_path / "half.xlsx"
    bad.write_bytes(CLEAN.read_bytes()[:3000])
    result = run_with_clean(tmp_path, bad)
    assert result.status == "unreadable" and "truncated" in only(result, "F001").message


def test_password_protected(tmp_path: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    bad = tmp_path / "locked.xlsx"
    with CLEAN.open("rb") as source, bad.open("wb") as out:
        OOXMLFile(source).encrypt("secret", out)
    result = run_with_clean(tmp_path, bad)
    assert "password-protected" in only(result, "F001").message


def test_zero_byte_file(tmp_path: Path) -> None:
    bad = tmp_path / "empty.xlsx"
    bad.touch()
    assert "empty (0 bytes)" in only(run_with_clean(tmp_path, bad), "F001").message


def test_empty_workbook(tmp_path: Path) -> None:
    bad = tmp_path / "blank.xlsx"
    openpyxl.Workbook().save(bad)
    result = run_with_clean(tmp_path, bad)
    assert result.status == "findings" and only(result, "F002").severity is Severity.ERROR


def test_no_measures_sheet_names_the_sheets(tmp_path: Path) -> None:
    bad = write_sheet(tmp_path / "budget.xlsx", [["Cost centre", "Budget"], ["A1", 100]], title="Budget")
    finding = only(run_with_clean(tmp_path, bad), "F003")
    assert "sheets: 'Budget'" in finding.message


def test_missing_required_column_says_which(tmp_path: Path, rules: Ruleset) -> None:
    headers = measures_headers(rules)
    drop = headers.index("Year-end forecast")
    rows = [headers[:drop] + headers[drop + 1:], (good_row(rules)[:drop] + good_row(rules)[drop + 1:])]
    bad = write_sheet(tmp_path / "no_forecast.xlsx", rows)
    finding = only(run_with_clean(tmp_path, bad), "F004")
    assert (finding.sheet, finding.cell) == ("Measures", "A1")
    assert "'Year-end forecast'" in finding.message


def test_merged_header_cells_are_read_and_reported(tmp_path: Path, rules: Ruleset) -> None:
    path = tmp_path / "merged.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Measures"
    ws.append(["Quarterly performance return", None, None])
    ws.append(measures_headers(rules))
    ws.append(good_row(rules, q=(100, 90), q_status="Green"))
    ws.merge_cells("A1:C1")  # a title over the table: not a header problem
    ws.merge_cells("O2:P2")  # context and actions under one header cell
    wb.save(path)
    result = run_with_clean(tmp_path, path)
    merged = only(result, "F005")
    assert merged.severity is Severity.QUERY and "O2:P2" in merged.message
    assert only(result, "MS01").cell == "J3"  # the table was still read


def test_hidden_rows_are_checked_and_reported(tmp_path: Path, rules: Ruleset) -> None:
    path = tmp_path / "hidden.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Measures"
    ws.append(measures_headers(rules))
    ws.append(good_row(rules))
    ws.append(good_row(rules, code="CM PM13", q=(80, 60), q_status="Green"))
    ws.row_dimensions[3].hidden = True
    wb.save(path)
    result = run_with_clean(tmp_path, path)
    assert only(result, "F006").message.startswith("Row 3 is hidden.")
    assert only(result, "MS01").cell == "J3"  # the hidden row is still checked


def test_ten_thousand_rows(tmp_path: Path, rules: Ruleset) -> None:
    rows = [measures_headers(rules)] + [good_row(rules, code=f"ZZ PM{i}") for i in range(10_050)]
    path = write_sheet(tmp_path / "huge.xlsx", rows)
    result = run_with_clean(tmp_path, path)
    unknown = [f for f in result.findings if f.rule == "MR03"]
    assert len(unknown) == 10_050 and unknown[-1].cell == "A10051"


def test_formula_errors_and_na_text_are_findings(tmp_path: Path, rules: Ruleset) -> None:
    path = tmp_path / "errors.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Measures"
    ws.append(measures_headers(rules))
    ws.append(good_row(rules, q=(92.5, None)))
    ws.append(good_row(rules, code="CM PM13", q=(80, "n/a")))
    ws.append(good_row(rules, code="CM PM02", q=(87, "   ")))
    ws["I2"] = "#DIV/0!"
    ws["I2"].data_type = "e"
    wb.save(path)
    result = run_with_clean(tmp_path, path)
    by_cell = {(f.cell, f.rule): f for f in result.findings}
    assert "the formula error #DIV/0!" in by_cell[("I2", "MV02")].message
    assert by_cell[("I3", "MC02")].found == "n/a"  # "n/a" is not silently blank: it is shown as typed
    assert ("I4", "MC02") in by_cell and by_cell[("I4", "MC02")].found is None  # whitespace is blank


def test_directory_named_like_a_workbook(tmp_path: Path) -> None:
    folder = tmp_path / "returns.xlsx"
    folder.mkdir()
    assert "folder" in only(run_with_clean(tmp_path, folder), "F001").message


def test_file_that_vanishes(tmp_path: Path) -> None:
    gone = tmp_path / "gone.xlsx"
    assert "not found" in only(run_with_clean(tmp_path, gone), "F001").message


def test_locked_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = Path(shutil.copy(CLEAN, tmp_path / "locked.xlsx"))
    real = workbook_files.calamine.CalamineWorkbook.from_path

    def from_path(path: str):
        if path.endswith("locked.xlsx"):
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(workbook_files.calamine.CalamineWorkbook, "from_path", staticmethod(from_path))
    assert "locked" in only(run_with_clean(tmp_path, locked), "F001").message


def test_file_changing_during_the_read_is_tried_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    moving = Path(shutil.copy(CLEAN, tmp_path / "moving.xlsx"))
    real = workbook_files.calamine.CalamineWorkbook.from_path
    calls = []

    def from_path(path: str):
        calls.append(path)
        if path.endswith("moving.xlsx") and calls.count(path) == 1:
            raise workbook_files.calamine.ZipError("invalid Zip archive: being written")
        return real(path)

    monkeypatch.setattr(workbook_files.calamine.CalamineWorkbook, "from_path", staticmethod(from_path))
    result = run_with_clean(tmp_path, moving)
    assert result.status == "ok" and calls.count(str(moving)) == 2
