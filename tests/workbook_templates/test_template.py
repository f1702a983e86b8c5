"""The committed template, read back with openpyxl: sheets, tables, drop-downs, formats, print set-up."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from ruleset import Ruleset
from workbook_templates.template_builder import TEMPLATE_PATH, write_template
from workbook_templates.template_layout import LAYOUT, SHEETS


def fingerprint(path: Path) -> dict:
    """What a person would see: every cell value, table, validation and format, sheet by sheet."""
    wb = openpyxl.load_workbook(path)
    out = {"sheets": wb.sheetnames, "names": sorted(wb.defined_names.keys())}
    for ws in wb:
        out[ws.title] = {
            "state": ws.sheet_state,
            "cells": [[c.value for c in row] for row in ws.iter_rows()],
            "tables": dict(ws.tables.items()),  # name -> ref
            "validations": sorted((dv.type, dv.formula1, str(dv.sqref)) for dv in ws.data_validations.dataValidation),
            "formats": [[c.number_format for c in row] for row in ws.iter_rows(max_row=3)],
            "freeze": ws.freeze_panes,
        }
    return out


@pytest.fixture(scope="module")
def template() -> openpyxl.Workbook:
    return openpyxl.load_workbook(TEMPLATE_PATH)


def test_committed_template_is_what_the_generator_builds(rules: Ruleset, tmp_path: Path) -> None:
    fresh = write_template(rules, tmp_path / "t.xlsx")
    assert fingerprint(fresh) == fingerprint(TEMPLATE_PATH)
    assert fresh.read_bytes() == TEMPLATE_PATH.read_bytes()  # reproducible: regenerating changes nothing


def test_sheets_and_hidden_lists(template) -> None:
    assert template.sheetnames == ["About", "Measures", "Milestones", "Projects", "Risks", "Lists"]
    assert template["Lists"].sheet_state == "hidden"
    assert all(template[s].sheet_state == "visible" for s in template.sheetnames[:-1])


@pytest.mark.parametrize(("title", "kind"), list(SHEETS.items()))
def test_tables_have_the_canonical_headers(template, rules: Ruleset, title, kind) -> None:
    ws = template[title]
    (name, ref), = ws.tables.items()
    assert name == title
    headers = [c.value for c in ws[1]]
    assert headers == [rules.columns(kind).header(f) for f in LAYOUT[kind]]
    assert ref.startswith("A1:") and ws.tables[name].tableStyleInfo.name
    # every header maps back to its field through the ruleset's aliases
    assert [rules.columns(kind).field_for(h) for h in headers] == list(LAYOUT[kind])


def _validations(ws) -> dict[str, tuple[str, str]]:
    found = {}
    for dv in ws.data_validations.dataValidation:
        for rng in str(dv.sqref).split():
            found[rng.split(":")[0].rstrip("0123456789")] = (dv.type, dv.formula1)
    return found


@pytest.mark.parametrize(("title", "kind"), list(SHEETS.items()))
def test_every_vocabulary_column_has_a_drop_down(template, title, kind) -> None:
    ws = template[title]
    validations = _validations(ws)
    for col, (field, layout) in enumerate(LAYOUT[kind].items(), start=1):
        letter = openpyxl.utils.get_column_letter(col)
        if layout.choices:
            assert validations[letter] == ("list", f"=List_{layout.choices}"), field
        elif layout.whole_number:
            assert validations[letter][0] == "whole", field
        else:
            assert letter not in validations, field


def test_named_lists_hold_the_vocabularies(template, rules: Ruleset) -> None:
    ws = template["Lists"]
    for name, vocab in rules.vocab.items():
        ref = template.defined_names[f"List_{name}"].attr_text
        cells = ws[ref.split("!")[1].replace("$", "")]
        assert [c[0].value for c in cells] == vocab.values


def test_number_formats_freeze_widths_and_wrap(template) -> None:
    ws = template["Measures"]
    headers = {c.value: c.column_letter for c in ws[1]}
    for header in ("Quarterly target", "Quarterly actual", "Year-end target", "Year-end forecast"):
        assert ws[f"{headers[header]}2"].number_format == "#,##0.0##"
    assert ws.freeze_panes == "C2"
    assert ws[f"{headers['Context for current performance']}2"].alignment.wrap_text
    assert ws.column_dimensions[headers["Measure description"]].width >= 30
    assert template["Milestones"]["E2"].number_format == "dd-mmm-yyyy"


def test_status_cells_are_filled_in_their_colour(template, rules: Ruleset) -> None:
    ws = template["Measures"]
    headers = {c.value: c.column_letter for c in ws[1]}
    col = headers["Quarterly target status"]
    rules_here = [r for cf in ws.conditional_formatting for r in cf.rules if str(cf.sqref).startswith(f"{col}2")]
    by_value = {r.formula[0].strip('"'): r.dxf.fill.fgColor.rgb[-6:] for r in rules_here}
    for status in ("Blue", "Green", "Amber", "Red"):
        assert by_value[status] == rules.status_colour(status)


def test_print_setup(template) -> None:
    for title in SHEETS:
        ws = template[title]
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$1:$1"


def test_about_sheet_names_council_and_scheme(template, rules: Ruleset) -> None:
    ws = template["About"]
    labels = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(3, 9)}
    assert labels["Council"] == rules.data.council
    assert labels["RAG scheme"] == rules.data.default_scheme
    assert {"Directorate", "Reporting period", "Period end date", "Prepared by"} <= set(labels)
    assert any("How to complete" in str(c.value) for c in ws["A"])
