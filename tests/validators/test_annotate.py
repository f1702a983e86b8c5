"""Annotated copies: fills and comments on the finding cells, in a copy; the original never changes."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.comments import Comment

from validators.annotate import AUTHOR, annotate_copy
from validators.findings import Finding, Severity

E, Q = Severity.ERROR, Severity.QUERY
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "returns"
CHILDREN = "2012-13_Q2_children_faults.xlsx"
CORPORATE = "2022-23_Q2_corporate_faults.xlsx"
RED, AMBER = "FFC7CE", "FFEB9C"


def _faults(name: str) -> list[dict]:
    manifest = json.loads((EXAMPLES / "manifest.json").read_text(encoding="utf-8"))
    return next(f["faults"] for f in manifest["files"] if f["file"] == name)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def returns(tmp_path: Path) -> Path:
    folder = tmp_path / "returns"
    folder.mkdir()
    for name in (CHILDREN, CORPORATE):
        shutil.copy(EXAMPLES / name, folder / name)
    return folder


def _findings(source: Path) -> list[Finding]:
    """Every manifest fault as an Error, plus a Query on J2 (Error must win) and one alone on L7."""
    path = str(source)
    findings = [Finding(path, f["sheet"], f["cell"], f["item"], "MS01", E, f["detail"], "Red", "Amber")
                for f in _faults(source.name)]
    findings.append(Finding(path, "Measures", "J2", "L&I PM22 (NI 103a)", "MD01", Q, "Check the direction of travel"))
    return findings


def _fill(cell) -> str | None:
    return cell.fill.fgColor.rgb[-6:] if cell.fill.fill_type == "solid" else None


def test_copy_marks_each_finding_cell_and_leaves_the_source_alone(tmp_path: Path, returns: Path) -> None:
    source = returns / CHILDREN
    before = _digest(source)
    out = annotate_copy(source, _findings(source), tmp_path / "annotated")
    assert out == tmp_path / "annotated" / CHILDREN and out.exists()
    assert _digest(source) == before  # the original's bytes are unchanged

    ws = load_workbook(out)["Measures"]
    for fault in _faults(CHILDREN):
        cell = ws[fault["cell"]]
        assert _fill(cell) == RED, fault["cell"]
        assert cell.comment is not None and cell.comment.author == AUTHOR
        assert f"MS01 Error: {fault['detail']}" in cell.comment.text
        assert "Expected: Red\nFound: Amber" in cell.comment.text
    # Error and Query on the same cell: red fill, both listed, the Error first
    j2 = ws["J2"].comment.text
    assert j2.index("MS01 Error") < j2.index("MD01 Query: Check the direction of travel")
    # cells without findings are untouched
    original = load_workbook(source)["Measures"]
    assert ws["K2"].comment is None and _fill(ws["K2"]) == _fill(original["K2"])


def test_copy_keeps_the_returns_contents(tmp_path: Path, returns: Path) -> None:
    source = returns / CORPORATE
    out = annotate_copy(source, _findings(source), tmp_path / "annotated")
    original, copy = load_workbook(source), load_workbook(out)
    assert copy.sheetnames == original.sheetnames
    for ws in original.worksheets:
        values = [[c.value for c in row] for row in ws.iter_rows()]
        assert [[c.value for c in row] for row in copy[ws.title].iter_rows()] == values
        assert len(copy[ws.title].data_validations.dataValidation) == len(ws.data_validations.dataValidation)
    # faults on every sheet of the corporate return are marked (About, Measures, Milestones, Projects, Risks)
    for fault in _faults(CORPORATE):
        assert _fill(copy[fault["sheet"]][fault["cell"]]) == RED


def test_query_only_cell_is_amber(tmp_path: Path, returns: Path) -> None:
    source = returns / CHILDREN
    query = Finding(str(source), "Measures", "L7", "LPI 52b", "MC04", Q, "Give the forecast", None, "")
    ws = load_workbook(annotate_copy(source, [query], tmp_path / "out"))["Measures"]
    assert _fill(ws["L7"]) == AMBER
    assert ws["L7"].comment.text == "MC04 Query: Give the forecast"  # no Expected/Found lines when empty


def test_findings_without_a_cell_or_sheet_are_skipped(tmp_path: Path, returns: Path) -> None:
    source = returns / CHILDREN
    findings = [
        Finding(str(source), None, None, None, "F005", Q, "No cell"),
        Finding(str(source), "Measures", None, None, "F006", Q, "A sheet but no cell"),
        Finding(str(source), "No such sheet", "A1", None, "MR01", E, "Missing sheet"),
        Finding(str(source), "Measures", "A1:B2", None, "MR01", E, "A range, not a cell"),
    ]
    out = annotate_copy(source, findings, tmp_path / "out")
    wb = load_workbook(out)
    assert all(c.comment is None for ws in wb.worksheets for row in ws.iter_rows() for c in row)


def test_merged_cell_finding_marks_the_merged_range(tmp_path: Path, returns: Path) -> None:
    source = returns / CORPORATE
    assert "A11:F11" in {str(r) for r in load_workbook(source)["About"].merged_cells.ranges}
    out = annotate_copy(source, [Finding(str(source), "About", "C11", None, "RT01", E, "In a merge")], tmp_path / "o")
    about = load_workbook(out)["About"]
    assert about["A11"].comment.text == "RT01 Error: In a merge" and _fill(about["A11"]) == RED


def test_an_officers_existing_comment_is_kept(tmp_path: Path, returns: Path) -> None:
    source = returns / CHILDREN
    wb = load_workbook(source)
    wb["Measures"]["J2"].comment = Comment("Figure agreed with the head of service", "A. Officer")
    wb.save(source)
    out = annotate_copy(source, _findings(source), tmp_path / "out")
    text = load_workbook(out)["Measures"]["J2"].comment.text
    assert text.startswith("MS01 Error:")
    assert "Earlier comment (A. Officer):\nFigure agreed with the head of service" in text


def test_comments_are_sized_to_be_read(tmp_path: Path, returns: Path) -> None:
    source = returns / CHILDREN
    short = Finding(str(source), "Measures", "J2", None, "MS01", E, "Short.")
    long = Finding(str(source), "Measures", "L7", None, "MC04", E, "A long explanation of what to do. " * 12,
                   "a year-end forecast", "nothing")
    out = annotate_copy(source, [short, long], tmp_path / "out")
    with zipfile.ZipFile(out) as z:
        vml = b"".join(z.read(n) for n in z.namelist() if n.endswith(".vml")).decode()
    sizes = [(int(w), int(h)) for w, h in re.findall(r"width:(\d+)px;height:(\d+)px", vml)]
    assert len(sizes) == 2
    assert all(w >= 300 for w, _ in sizes)  # wider than Excel's narrow default
    heights = sorted(h for _, h in sizes)
    assert heights[0] >= 40 and heights[1] >= 8 * 16  # the long comment gets room for its wrapped lines


def test_refuses_to_write_into_the_sources_folder(tmp_path: Path, returns: Path) -> None:
    source = returns / CHILDREN
    before = _digest(source)
    for out_dir in (returns, tmp_path / "returns" / ".." / "returns", Path(str(returns) + "/")):
        with pytest.raises(ValueError, match="overwrite the original"):
            annotate_copy(source, _findings(source), out_dir)
    link = tmp_path / "link"
    link.symlink_to(returns, target_is_directory=True)
    with pytest.raises(ValueError):
        annotate_copy(source, _findings(source), link)
    assert _digest(source) == before


@pytest.mark.parametrize("suffix", [".xls", ".xlsb", ".ods"])
def test_formats_openpyxl_cannot_write_give_none(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / f"return{suffix}"
    source.write_bytes(b"not opened at all")
    out_dir = tmp_path / "out"
    assert annotate_copy(source, [Finding(str(source), "Measures", "A1", None, "MR01", E, "x")], out_dir) is None
    assert not out_dir.exists() or not any(out_dir.iterdir())


def test_xlsm_keeps_its_macros_and_extension(tmp_path: Path, returns: Path) -> None:
    source = tmp_path / "macro return.xlsm"
    vba = b"\x00fake VBA project, kept byte for byte\xff"
    with zipfile.ZipFile(returns / CHILDREN) as xlsx, zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as xlsm:
        for item in xlsx.infolist():
            xlsm.writestr(item, xlsx.read(item))
        xlsm.writestr("xl/vbaProject.bin", vba)
    out = annotate_copy(source, [Finding(str(source), "Measures", "J2", None, "MS01", E, "Fix")], tmp_path / "out")
    assert out == tmp_path / "out" / "macro return.xlsm"
    with zipfile.ZipFile(out) as z:
        assert z.read("xl/vbaProject.bin") == vba
    assert load_workbook(out)["Measures"]["J2"].comment.text == "MS01 Error: Fix"


def test_annotating_again_replaces_the_earlier_copy(tmp_path: Path, returns: Path) -> None:
    source = returns / CHILDREN
    out_dir = tmp_path / "out"
    annotate_copy(source, _findings(source), out_dir)
    out = annotate_copy(source, [Finding(str(source), "Measures", "L7", None, "MC04", Q, "Only this")], out_dir)
    ws = load_workbook(out)["Measures"]
    assert ws["J2"].comment is None and ws["L7"].comment.text == "MC04 Query: Only this"
    assert [p.name for p in out_dir.iterdir()] == [CHILDREN]  # no temporary file left behind
