"""Reading returns in other layouts: title blocks, other header names and order, the 2017/2019 packed cell."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from ruleset import Ruleset
from validators.return_reader import read_return
from validators.run import validate_paths
from validators.workbook_files import open_workbook

IMPROVEMENT_HEADERS = ["Measure Details", "Quarterly Target Status", "Forecast Year End Status",
                       "Performance VS Target", "Context for Current Performance", "Improvement Actions Taken",
                       "Intervention / Review"]


def improvement_report_2017(path: Path) -> Path:
    """The layout of the 2017 and 2019 improvement reports: title, council, date, directorate headings."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Improvement Report"
    ws.append(["Improvement Report - Council Scorecard"])
    ws.append(["Derby City Council"])
    ws.append(["30-Jun-2017"])
    ws.append(["RAG scheme", "2012/13"])
    ws.append(IMPROVEMENT_HEADERS)
    ws.append(["Directorate : Resources"])
    ws.append(["CM PM14 60% of existing claims and changes processed within 14 days", "Red", "Green",
               "Quarterly data Target 60.0 Actual 52.3 Forecast data Target 60.0 Actual 60.0 Improving",
               "Discreet monthly performance continues to rise.", "Automation with ARVATO.", "None planned."])
    ws.append(["Directorate : Adults, Health and Housing"])
    ws.append(["YA&H PM04 Number of people placed in bed and breakfast accommodation", "Amber", "Red",
               "Quarterly data\nTarget 10.0\nActual 13.0\nForecast data\nTarget 10.0\nActual 10.0\nDeteriorating",
               "The Q2 figure for B&B has improved.", "Casework.", "No intervention proposed."])
    ws.append(["Data Source: DORIS"])
    wb.save(path)
    return path


def test_improvement_report_layout_is_read(tmp_path: Path, rules: Ruleset) -> None:
    ret = read_return(open_workbook(improvement_report_2017(tmp_path / "ir.xlsx")), rules)
    first, second = ret.items["measures"]
    assert (first.values["code"], first.values["quarterly_actual"], first.values["year_end_forecast"]) == (
        "CM PM14", "52.3", "60.0")
    assert first.values["directorate"] == "Resources"
    assert first.values["direction_of_travel"] == "Improving"
    assert first.cells["quarterly_actual"] == "D7"  # all packed fields point at the packed cell
    assert second.values["directorate"] == "Adults, Health and Housing"
    assert second.values["quarterly_target"] == "10.0" and second.values["direction_of_travel"] == "Deteriorating"
    assert ret.about["scheme"][0] == "2012/13"


def test_improvement_report_layout_is_checked(tmp_path: Path) -> None:
    run = validate_paths([improvement_report_2017(tmp_path / "ir.xlsx")])
    findings = {(f.cell, f.rule, f.expected, f.found) for f in run.findings}
    # YA&H PM04 is Good is Low: 13 against 10 is 30% worse, Red, not the Amber typed
    assert ("B9", "MS01", "Red", "Amber") in findings
    # and its forecast (10 against 10) is Green, not Red
    assert ("C9", "MS02", "Green", "Red") in findings
    assert not [f for f in run.findings if f.cell and f.cell.endswith("7")]  # CM PM14 is right as typed


def test_title_block_and_extra_columns(tmp_path: Path, rules: Ruleset) -> None:
    path = tmp_path / "t.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Q2"
    ws.append(["Council Scorecard Q2 2022/23"])
    ws.append([])
    ws.append(["Notes", "Ref", "Year End Target", "Q2 Target", "Q2 Actual", "Good is", "Year End Forecast",
               "Forecast Year End Status", "Current Target Status", "Spare"])
    ws.append(["x", "CM PM05", 92.5, 92.5, 92.1, "High", 92.5, "Green", "Green", "y"])
    wb.save(path)
    ret = read_return(open_workbook(path), rules)
    layout = ret.layouts["measures"]
    assert (layout.name, layout.header_row) == ("Q2", 3)
    item = ret.items["measures"][0]
    assert item.cells["quarterly_actual"] == "E4" and item.values["code"] == "CM PM05"
    assert ret.about["period"][0] == "Q2 2022/23"
    assert validate_paths([path]).files[0].status == "ok"


def test_cell_refs_agree_with_openpyxl() -> None:
    from openpyxl.utils.cell import column_index_from_string, get_column_letter, range_boundaries

    from validators.cell_refs import column_index, column_letter, range_bounds, split_ref

    for n in (1, 26, 27, 52, 702, 703, 16384):
        assert column_letter(n) == get_column_letter(n)
        assert column_index(column_letter(n)) == column_index_from_string(get_column_letter(n))
    assert range_bounds("C5:D6") == range_boundaries("C5:D6")
    assert range_bounds("AB12") == range_boundaries("AB12:AB12")
    assert split_ref("$E$7") == (7, 5)


def test_macro_enabled_workbooks_are_read(tmp_path: Path) -> None:
    import shutil

    from workbook_templates.example_returns import EXAMPLES_DIR

    xlsm = Path(shutil.copy(EXAMPLES_DIR / "2012-13_Q2_children_faults.xlsx", tmp_path / "children.xlsm"))
    findings = {(f.cell, f.rule) for f in validate_paths([xlsm]).findings}
    assert ("J2", "MS01") in findings and ("L7", "MC04") in findings
