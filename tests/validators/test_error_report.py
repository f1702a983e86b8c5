"""The Excel error report: a Summary sheet, a sheet per return, findings linked to their cells."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest
from openpyxl import load_workbook

from validators.error_report import HEADERS, sheet_title, write_error_report
from validators.findings import FileResult, Finding, RunResult, Severity

E, Q = Severity.ERROR, Severity.QUERY
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "returns"
CHILDREN = "2012-13_Q2_children_faults.xlsx"
CORPORATE = "2022-23_Q2_corporate_faults.xlsx"
CLEAN = "2022-23_Q2_resources_clean.xlsx"


def _manifest_faults(name: str) -> list[dict]:
    manifest = json.loads((EXAMPLES / "manifest.json").read_text(encoding="utf-8"))
    return next(f["faults"] for f in manifest["files"] if f["file"] == name)


@pytest.fixture
def returns(tmp_path: Path) -> Path:
    folder = tmp_path / "returns"
    folder.mkdir()
    for name in (CHILDREN, CORPORATE, CLEAN):
        shutil.copy(EXAMPLES / name, folder / name)
    return folder


def _run(prefix: str = "returns/") -> RunResult:
    """Findings at the manifest's fault cells, as the validator would report them."""
    children = FileResult(prefix + CHILDREN, [
        Finding(prefix + CHILDREN, f["sheet"], f["cell"], f["item"], "MS01" if i == 0 else "MC04",
                Q if i == 2 else E, f["detail"], "Red" if i == 0 else None, "Amber" if i == 0 else None)
        for i, f in enumerate(_manifest_faults(CHILDREN))
    ])
    corporate = FileResult(prefix + CORPORATE, [
        Finding(prefix + CORPORATE, f["sheet"], f["cell"], f["item"], "XX01", E, f["detail"])
        for f in _manifest_faults(CORPORATE)
    ])
    broken = FileResult(prefix + "broken.xlsx",
                        [Finding(prefix + "broken.xlsx", None, None, None, "F001", E, "The file is empty (0 bytes).")],
                        unreadable=True)
    return RunResult([children, corporate, FileResult(prefix + CLEAN), broken])


def _rows(ws) -> list[list[object]]:
    return [[c.value for c in row] for row in ws.iter_rows()]


def test_summary_first_then_a_sheet_per_return(tmp_path: Path, returns: Path) -> None:
    path = write_error_report(_run(), tmp_path / "reports" / "errors.xlsx", base_dir=tmp_path)
    assert path == tmp_path / "reports" / "errors.xlsx"
    wb = load_workbook(path)
    assert wb.sheetnames == ["Summary", "2012-13_Q2_children_faults", "2022-23_Q2_corporate_faults",
                             "2022-23_Q2_resources_clean", "broken"]
    summary = wb["Summary"]
    assert _rows(summary) == [
        ["File", "Status", "Errors", "Queries", "Findings sheet"],
        ["returns/" + CHILDREN, "findings", 2, 1, "2012-13_Q2_children_faults"],
        ["returns/" + CORPORATE, "findings", 5, 0, "2022-23_Q2_corporate_faults"],
        ["returns/" + CLEAN, "ok", 0, 0, "2022-23_Q2_resources_clean"],
        ["returns/broken.xlsx", "unreadable", 1, 0, "broken"],
    ]
    # each summary row links to its file's sheet inside this workbook
    for row in summary.iter_rows(min_row=2):
        link = row[4].hyperlink
        assert link.location == f"'{row[4].value}'!A1" and not link.target
        assert row[4].value in wb.sheetnames
        assert row[4].style == "Hyperlink"


def test_a_row_per_finding_with_a_link_to_the_cell_in_the_return(tmp_path: Path, returns: Path) -> None:
    report = tmp_path / "reports" / "errors.xlsx"
    write_error_report(_run(), report, base_dir=tmp_path)
    ws = load_workbook(report)["2012-13_Q2_children_faults"]
    rows = _rows(ws)
    assert rows[0] == list(HEADERS) == ["Sheet", "Cell", "Measure / item", "Rule", "Severity", "Message",
                                        "Expected", "Found"]
    faults = _manifest_faults(CHILDREN)
    assert [(r[0], r[1], r[2]) for r in rows[1:]] == [(f["sheet"], f["cell"], f["item"]) for f in faults]
    assert rows[1][3:] == ["MS01", "Error", faults[0]["detail"], "Red", "Amber"]
    for row, fault in zip(ws.iter_rows(min_row=2), faults, strict=True):
        cell = row[1]
        assert cell.hyperlink.target == f"../returns/{CHILDREN}#'{fault['sheet']}'!{fault['cell']}"
        assert cell.style == "Hyperlink"
        # the link really leads to the return, and the cell named is the manifest's fault cell
        file_part, _, where = cell.hyperlink.target.partition("#")
        linked = (report.parent / unquote(file_part)).resolve()
        assert linked == (returns / CHILDREN).resolve() and linked.exists()
        sheet, _, address = where.partition("!")
        assert sheet.strip("'") in load_workbook(linked, read_only=True).sheetnames
        assert address == fault["cell"]


def test_severity_fills_and_layout(tmp_path: Path, returns: Path) -> None:
    report = write_error_report(_run(), tmp_path / "errors.xlsx", base_dir=tmp_path)
    wb = load_workbook(report)
    ws = wb["2012-13_Q2_children_faults"]
    fills = {row[4].value: row[4].fill for row in ws.iter_rows(min_row=2)}
    assert fills["Error"].fill_type == "solid" and fills["Error"].fgColor.rgb.endswith("FFC7CE")
    assert fills["Query"].fill_type == "solid" and fills["Query"].fgColor.rgb.endswith("FFEB9C")
    for sheet in wb.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{'E' if sheet.title == 'Summary' else 'H'}{sheet.max_row}"
        assert sheet.column_dimensions["A"].width > 10
    assert ws.column_dimensions["F"].width >= 60
    assert all(row[5].alignment.wrap_text for row in ws.iter_rows(min_row=2))  # the message column wraps
    assert ws["A1"].font.bold
    # the report folder is the returns' parent here: links are relative to it
    assert ws["B2"].hyperlink.target.startswith(f"returns/{CHILDREN}#")


def test_unreadable_file_lists_its_one_finding_without_a_link(tmp_path: Path, returns: Path) -> None:
    ws = load_workbook(write_error_report(_run(), tmp_path / "errors.xlsx", base_dir=tmp_path))["broken"]
    assert _rows(ws) == [list(HEADERS), [None, None, None, "F001", "Error", "The file is empty (0 bytes).", None, None]]
    assert ws["B2"].hyperlink is None


def test_clean_file_has_a_header_only_sheet(tmp_path: Path, returns: Path) -> None:
    ws = load_workbook(write_error_report(_run(), tmp_path / "errors.xlsx", base_dir=tmp_path))[
        "2022-23_Q2_resources_clean"]
    assert _rows(ws) == [list(HEADERS)]


def test_relative_paths_default_to_the_current_folder(tmp_path: Path, returns: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_error_report(_run(), Path("out/errors.xlsx"))
    ws = load_workbook(tmp_path / "out" / "errors.xlsx")["2012-13_Q2_children_faults"]
    assert ws["B2"].hyperlink.target == f"../returns/{CHILDREN}#'Measures'!J2"


def test_absolute_paths_and_awkward_names(tmp_path: Path) -> None:
    source = tmp_path / "shared drive" / "Bob's #1 return.xlsx"
    finding = Finding(str(source), "Bob's sheet", "C3", None, "MR01", E, "=HYPERLINK(\"x\")", None, "=1+1")
    report = write_error_report(RunResult([FileResult(str(source), [finding])]), tmp_path / "reports" / "e.xlsx")
    ws = load_workbook(report)[sheet_title("Bob's #1 return", ["Summary"])]
    # spaces and # in the path are escaped so the link's #fragment stays the cell; ' in a sheet name doubled
    assert ws["B2"].hyperlink.target == "../shared%20drive/Bob's%20%231%20return.xlsx#'Bob''s sheet'!C3"
    # text that looks like a formula stays text: never a formula in the report
    assert ws["F2"].value == "=HYPERLINK(\"x\")" and ws["F2"].data_type == "s"
    assert ws["H2"].value == "=1+1" and ws["H2"].data_type == "s"
    with zipfile.ZipFile(report) as z:
        assert not any(b"<f>" in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))


def test_same_stems_get_distinct_sheets(tmp_path: Path) -> None:
    run = RunResult([FileResult(p) for p in ("a/summary.xlsx", "b/Summary.xlsx", "a/q2.xlsx", "b/Q2.xlsm")])
    wb = load_workbook(write_error_report(run, tmp_path / "e.xlsx", base_dir=tmp_path))
    assert wb.sheetnames == ["Summary", "summary (2)", "Summary (3)", "q2", "Q2 (2)"]
    assert [r[4].value for r in wb["Summary"].iter_rows(min_row=2)] == wb.sheetnames[1:]


@pytest.mark.parametrize(("name", "taken", "expected"), [
    ("plain", [], "plain"),
    ("a[b]c:d*e?f/g\\h", [], "a_b_c_d_e_f_g_h"),
    ("x" * 40, [], "x" * 31),
    ("x" * 40, ["x" * 31], "x" * 27 + " (2)"),
    ("Report", ["report", "Report (2)"], "Report (3)"),
    ("'quoted'", [], "quoted"),
    ("", [], "Return"),
    ("history", [], "history (2)"),
])
def test_sheet_title(name: str, taken: list[str], expected: str) -> None:
    title = sheet_title(name, taken)
    assert title == expected
    assert len(title) <= 31 and not set(title) & set("[]:*?/\\")


def test_written_atomically_over_an_old_report(tmp_path: Path, returns: Path) -> None:
    target = tmp_path / "errors.xlsx"
    target.write_bytes(b"old report")
    write_error_report(_run(), target, base_dir=tmp_path)
    assert load_workbook(target).sheetnames[0] == "Summary"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["errors.xlsx", "returns"]  # no temporary file left
