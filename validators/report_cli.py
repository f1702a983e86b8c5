"""`improvement-report returns/*.xlsx -o report.xlsx`: the improvement report and dashboard for Cabinet.

The same sheet specs the add-in writes into an officer's workbook, written here by openpyxl.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from openpyxl import Workbook
from rich.console import Console
from rich.markup import escape

from ruleset import RulesetError, load_ruleset
from workbook_templates.report_layouts import dashboard, improvement_report
from workbook_templates.saving import save_workbook
from workbook_templates.write_openpyxl import write_sheet

from .file_discovery import discover
from .report_rows import about_value, report_rows
from .return_reader import read_return
from .workbook_files import UnreadableFile, open_workbook

err = Console(stderr=True)
app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)


@app.command()
def build(
    paths: Annotated[list[str], typer.Argument(help="Returns, folders or glob patterns.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The report workbook to write (.xlsx).")],
    criterion: Annotated[Optional[str], typer.Option(help="Improvement-report criterion (default: the ruleset's).")] = None,
    ruleset: Annotated[Optional[Path], typer.Option(help="A council's own ruleset YAML.")] = None,
    scheme: Annotated[Optional[str], typer.Option(help="Rate every return under this RAG scheme.")] = None,
    recursive: Annotated[bool, typer.Option("--recursive", "-R")] = False,
) -> None:
    """Build the improvement report (and dashboard) across returns into one workbook."""
    try:
        rules = load_ruleset(ruleset)
        rules.criterion(criterion)
        if scheme:
            rules.scheme(scheme)
    except (RulesetError, KeyError) as exc:
        err.print(f"[red]Error:[/red] {escape(str(exc.args[0] if isinstance(exc, KeyError) else exc))}")
        raise typer.Exit(2) from None
    found = discover(paths, recursive)
    if not found.paths:
        err.print("[red]Error:[/red] no workbooks to report on")
        raise typer.Exit(2)
    rows, council, period_end = [], None, None
    for path in found.paths:
        try:
            ret = read_return(open_workbook(path), rules)
        except UnreadableFile as exc:
            err.print(f"[yellow]Skipped[/yellow] {escape(str(path))}: {escape(str(exc))}")
            continue
        if "measures" not in ret.layouts:
            err.print(f"[yellow]Skipped[/yellow] {escape(str(path))}: no measures table")
            continue
        rows += report_rows(ret, rules, scheme)
        council = council or about_value(ret, "council")
        period_end = period_end or about_value(ret, "period_end") or about_value(ret, "period")
    wb = Workbook()
    wb.remove(wb.active)
    spec = improvement_report(rules, rows, str(council or rules.data.council), period_end, criterion)
    write_sheet(wb, spec)
    write_sheet(wb, dashboard(rules, rows))
    save_workbook(wb, output)
    included = sum(1 for r in rows if rules.in_improvement_report(r.quarterly_status, r.forecast_status, criterion))
    err.print(f"{included} of {len(rows)} measures in the improvement report: {escape(str(output))}")


def main() -> None:
    app()
