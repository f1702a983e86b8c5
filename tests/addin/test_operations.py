"""The add-in's operations through xlwings' remote engine, applied back onto real workbooks."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from addin import operations
from validators.run import validate_paths
from workbook_templates.example_returns import EXAMPLES_DIR

from ..validators.workbooks import good_row, measures_headers, write_sheet
from .remote import apply_actions, book_from_xlsx, run_on_copy

CHILDREN = EXAMPLES_DIR / "2012-13_Q2_children_faults.xlsx"
CLEAN = EXAMPLES_DIR / "2022-23_Q2_resources_clean.xlsx"


def test_recompute_sets_fills_and_notes_changed_statuses(tmp_path: Path) -> None:
    outcome, wb, applied = run_on_copy(operations.recompute_status, CHILDREN, tmp_path)
    ws = wb["Measures"]
    assert ws["J2"].value == "Red"
    assert ws["J2"].fill.fgColor.rgb.endswith("FF0000")
    assert ws["J2"].comment.text == "was Amber; Red under the 2012/13 scheme: 9.4% below target"
    assert outcome.changed == ["Measures!J2"]
    # unchanged statuses are filled in their colour and get no note
    assert ws["J3"].value == "Red" and ws["J3"].comment is None and ws["J3"].fill.fgColor.rgb.endswith("FF0000")
    assert ws["J8"].value == "Blue" and ws["J8"].fill.fgColor.rgb.endswith("0070C0")
    # LPI 52b has no forecast: left as it is and listed
    assert ws["M7"].value == "Red" and ws["M7"].comment is None
    assert any(u.startswith("LPI 52b (forecast): no actual") for u in outcome.unrated)
    assert applied.alerts == [outcome.message]
    assert outcome.message.startswith("Recomputed statuses: 1 changed, ")


def test_recompute_on_a_clean_return_changes_no_value(tmp_path: Path) -> None:
    outcome, wb, _ = run_on_copy(operations.recompute_status, CLEAN, tmp_path)
    before = openpyxl.load_workbook(CLEAN)["Measures"]
    after = wb["Measures"]
    assert outcome.changed == []
    assert [[c.value for c in r] for r in before.iter_rows()] == [[c.value for c in r] for r in after.iter_rows()]


def test_validate_writes_the_same_findings_as_the_command(tmp_path: Path) -> None:
    outcome, wb, _ = run_on_copy(operations.validate, CHILDREN, tmp_path)
    sheet = wb["Validation"]
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    by_command = validate_paths([CHILDREN]).files[0].findings
    assert sorted((r[0], r[1], r[3]) for r in rows) == sorted((f.sheet, f.cell, f.rule) for f in by_command)
    link = sheet["B2"].hyperlink
    assert link.target == "#'Measures'!J2" or link.location == "'Measures'!J2" or "J2" in str(link.target)
    assert wb["Measures"]["J2"].fill.fgColor.rgb.endswith("FFC7CE")  # the faulty cell is highlighted
    assert "5 errors and 0 queries" in outcome.message


def test_validate_twice_replaces_never_duplicates(tmp_path: Path) -> None:
    first = tmp_path / "first.xlsx"
    _, wb, _ = run_on_copy(operations.validate, CHILDREN, tmp_path)
    wb.save(first)
    _, again, _ = run_on_copy(operations.validate, first, tmp_path)
    assert again.sheetnames.count("Validation") == 1
    assert again["Validation"].max_row == wb["Validation"].max_row


def test_improvement_report_layout(tmp_path: Path) -> None:
    outcome, wb, _ = run_on_copy(operations.build_improvement_report, CHILDREN, tmp_path)
    ws = wb["Improvement Report"]
    assert ws["A1"].value == "Improvement Report - Council Scorecard"
    assert ws["A2"].value == "Derby City Council"
    assert [c.value for c in ws[5]][:7] == ["Measure Details", "Quarterly Target Status", "Forecast Year End Status",
                                          "Performance VS Target", "Context for Current Performance",
                                          "Improvement Actions Taken", "Intervention / Review"]
    assert ws["A6"].value == "Directorate : Children and Young People"
    codes = [str(c.value).split("\n")[0] for c in ws["A"][6:] if c.value]
    assert codes[:6] == ["L&I PM22 (NI 103a)", "SS PM01", "SS PM13", "SS PM15 (NI 61)", "L&I PM03 (NI 75)", "LPI 52b"]
    first = ws["D7"].value
    assert first == "Quarterly data\nTarget 90.0%\nActual 81.5%\nForecast data\nTarget 90.0%\nActual 90.0%\nImproving"
    assert ws["B7"].value == "Red" and ws["B7"].fill.fgColor.rgb.endswith("FF0000")  # computed, not the typed Amber
    assert ws["A7"].alignment.wrap_text
    assert any(str(c.value).startswith("Data Source: DORIS") for c in ws["A"] if c.value)
    assert "6 of 8 measures included" in outcome.message


def test_cli_report_has_the_same_layout(tmp_path: Path) -> None:
    """One sheet spec: the command line's report holds the same cells as the add-in's."""
    from typer.testing import CliRunner

    from validators.report_cli import app

    out = tmp_path / "report.xlsx"
    assert CliRunner().invoke(app, [str(CHILDREN), "-o", str(out)]).exit_code == 0
    cli = openpyxl.load_workbook(out)["Improvement Report"]
    _, wb, _ = run_on_copy(operations.build_improvement_report, CHILDREN, tmp_path)
    addin = wb["Improvement Report"]
    assert [[c.value for c in r] for r in cli.iter_rows(max_col=7)] == \
        [[c.value for c in r] for r in addin.iter_rows(max_col=7)]
    assert cli.page_setup.orientation == "landscape" and cli.print_title_rows == "$5:$5"


def test_dashboard_counts_and_chart(tmp_path: Path) -> None:
    _, wb, applied = run_on_copy(operations.build_dashboard, CHILDREN, tmp_path)
    ws = wb["Dashboard"]
    assert [c.value for c in ws[3]][:6] == ["Directorate", "Blue", "Green", "Amber", "Red", "Total rated"]
    rows = {r[0].value: [c.value for c in r[1:6]] for r in ws.iter_rows(min_row=4) if r[0].value}
    # quarter: NI 147 and EIISS PM04 Blue; SS PM01, SS PM13, SS PM15, L&I PM22, LPI 52b Red; L&I PM03 annual
    assert rows["Children and Young People"] == [2, 0, 0, 5, 7]
    assert any(a["func"] == "addChart" for a in applied.charts)


@pytest.mark.parametrize("operation", [operations.recompute_status, operations.validate,
                                       operations.build_improvement_report, operations.build_dashboard])
def test_not_a_return_gets_a_message_and_no_change(tmp_path: Path, operation) -> None:
    path = write_sheet(tmp_path / "budget.xlsx", [["Cost centre", "Budget"], ["A1", 100]], title="Budget")
    book = book_from_xlsx(path)
    outcome = operation(book)
    actions = book.json()["actions"]
    assert [a["func"] for a in actions] == ["alert"]
    assert "not a performance return" in outcome.message and "Nothing was changed" in outcome.message


def test_missing_columns_get_a_message_and_no_change(tmp_path: Path, rules) -> None:
    headers = measures_headers(rules)
    drop = headers.index("Quarterly actual")
    path = write_sheet(tmp_path / "short.xlsx", [headers[:drop] + headers[drop + 1:],
                                                 good_row(rules)[:drop] + good_row(rules)[drop + 1:]])
    book = book_from_xlsx(path)
    outcome = operations.recompute_status(book)
    assert [a["func"] for a in book.json()["actions"]] == ["alert"]
    assert "'Quarterly actual'" in outcome.message


def test_text_in_number_cells_is_listed_not_rated(tmp_path: Path, rules) -> None:
    path = write_sheet(tmp_path / "text.xlsx", [measures_headers(rules),
                                                good_row(rules, q=(92.5, "about 90"), q_status="Green")])
    outcome, wb, _ = run_on_copy(operations.recompute_status, path, tmp_path)
    assert wb["Measures"]["J2"].value == "Green" and wb["Measures"]["J2"].comment is None
    assert any("about 90" in u for u in outcome.unrated)


def test_a_thousand_rows(tmp_path: Path, rules) -> None:
    rows = [measures_headers(rules)] + [good_row(rules, code="CM PM05", q=(100, 90 + i % 20), q_status="Green")
                                        for i in range(1000)]
    path = write_sheet(tmp_path / "big.xlsx", rows)
    book = book_from_xlsx(path)
    outcome = operations.recompute_status(book)
    wb = openpyxl.load_workbook(path)
    apply_actions(book.json()["actions"], wb)
    ws = wb["Measures"]
    # 90-97 against 100 under 2022/23: below 98 is Amber (or Red at 90)
    assert ws["J2"].value == "Amber" and "was Green" in ws["J2"].comment.text
    assert len(outcome.changed) == sum(1 for i in range(1000) if 90 + i % 20 < 98)
