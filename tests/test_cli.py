"""The two command-line tools: real output, exit codes, and no tracebacks for bad input."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from ruleset.cli import app as ruleset_app
from workbook_templates.cli import app as templates_app

runner = CliRunner()


def test_rate_prints_status_and_reason() -> None:
    result = runner.invoke(ruleset_app, ["rate", "28.5 days", "30.3 days", "--good-is", "Low", "--scheme", "2012/13"])
    assert result.exit_code == 0
    assert "Red: 6.3% above target under the 2012/13 scheme" in result.output


def test_rate_uses_register_polarity() -> None:
    result = runner.invoke(ruleset_app, ["rate", "45", "58", "--code", "CM PM11c", "--scheme", "2012/13"])
    assert result.exit_code == 0 and result.output.startswith("Red")


def test_show_lists_schemes_and_criterion() -> None:
    result = runner.invoke(ruleset_app, ["show"])
    assert result.exit_code == 0
    assert "RAG scheme 2012/13" in result.output and "RAG scheme 2022/23 (default)" in result.output
    assert "missed_or_not_forecast" in result.output


def test_bad_ruleset_is_a_message_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "ours.yaml"
    bad.write_text("extends: default\nrating: {zero_target: guess}\n", encoding="utf-8")
    result = runner.invoke(ruleset_app, ["check", str(bad)])
    assert result.exit_code == 2
    assert "ours.yaml" in result.output and "rating.zero_target" in result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)


def test_unknown_scheme_is_a_message_and_exit_2() -> None:
    result = runner.invoke(ruleset_app, ["rate", "1", "2", "--good-is", "High", "--scheme", "1999/00"])
    assert result.exit_code == 2 and "no RAG scheme '1999/00'" in result.output


def test_build_writes_template_examples_and_manifest(tmp_path: Path) -> None:
    result = runner.invoke(templates_app, ["build", "--template", str(tmp_path / "t.xlsx"),
                                           "--examples", str(tmp_path / "ex")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "t.xlsx").is_file() and (tmp_path / "ex" / "manifest.json").is_file()
    assert len(list((tmp_path / "ex").glob("*.xlsx"))) >= 6
    assert not list(tmp_path.rglob(".*.xlsx")), "no temporary files left behind"


def test_examples_summary_marks_contradicted_statuses() -> None:
    result = runner.invoke(templates_app, ["examples"], terminal_width=200)
    assert result.exit_code == 0
    line = next(l for l in result.output.splitlines() if "L&I PM22" in l)
    assert "Amber" in line and "≠ Red" in line and "status_contra" in line  # the fault column may wrap


def test_outputs_are_readable_by_colleagues(tmp_path: Path) -> None:
    import os
    import stat

    from workbook_templates.saving import write_atomically

    old = os.umask(0o022)
    try:
        path = write_atomically(tmp_path / "report.txt", lambda p: p.write_text("x", encoding="utf-8"))
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
