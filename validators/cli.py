"""`validate returns/*.xlsx`: check returns and report every fault by sheet and cell.

Exit codes: 0 clean, 1 when any Error finding (or any Query with --fail-on query), 2 usage errors.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ruleset import RulesetError, load_ruleset

from .catalogue import RULES
from .file_discovery import discover
from .findings import RunResult, Severity
from .run import validate_paths

console = Console()
err = Console(stderr=True)
PROGRESS_FROM = 20  # files; below this a run is too quick for a bar


class Format(str, Enum):
    console = "console"
    json = "json"
    csv = "csv"
    junit = "junit"
    html = "html"


class FailOn(str, Enum):
    error = "error"
    query = "query"


def _usage(message: str) -> typer.Exit:
    err.print(f"[red]Error:[/red] {escape(message)}")
    return typer.Exit(2)


def print_rules() -> None:
    table = Table(title="Rule catalogue", title_justify="left")
    for column in ("Code", "Severity", "Applies to", "Rule", "What the officer is told"):
        table.add_column(column, overflow="fold")
    for rule in RULES:
        table.add_row(rule.code, rule.severity.value, rule.kind, rule.title, rule.message)
    console.print(table)


def print_console(run: RunResult) -> None:
    """A table per file with findings; expected and found go into the message to leave it room."""
    for result in run.files:
        if result.status == "ok":
            console.print(f"[green]✓[/green] {escape(result.path)}: no findings")
            continue
        table = Table(title=f"{escape(result.path)}: {result.count(Severity.ERROR)} errors, "
                            f"{result.count(Severity.QUERY)} queries", title_justify="left")
        table.add_column("Where", no_wrap=True)
        table.add_column("Measure / item", max_width=18, overflow="fold")
        table.add_column("Rule", no_wrap=True)
        table.add_column("What to do", overflow="fold", ratio=1)
        for f in sorted(result.findings, key=lambda f: f.sort_key):
            colour = "red" if f.severity is Severity.ERROR else "yellow"
            where = f"{f.sheet}!{f.cell}" if f.sheet and f.cell else (f.sheet or "")
            facts = "; ".join(x for x in (f"expected {f.expected}" if f.expected else "",
                                          f"found {f.found}" if f.found else "") if x)
            message = escape(f.message) + (f" [dim]({escape(facts)})[/dim]" if facts else "")
            table.add_row(escape(where), escape(f.measure_code or ""),
                          f"[{colour}]{f.rule} {f.severity.value}[/{colour}]", message)
        console.print(table)
    summary = run.as_dict()["summary"]
    console.print(
        f"[bold]Total:[/bold] {summary['files']} files: {summary['ok']} ok, {summary['with_findings']} with findings, "
        f"{summary['unreadable']} unreadable; {summary['errors']} errors, {summary['queries']} queries"
    )


def _render(run: RunResult, fmt: Format, fail_on: FailOn) -> str:
    from . import report_formats, report_html

    if fmt is Format.json:
        return report_formats.to_json(run)
    if fmt is Format.csv:
        return report_formats.to_csv(run)
    if fmt is Format.junit:
        return report_formats.to_junit(run, fail_on_query=fail_on is FailOn.query)
    return report_html.to_html(run)


def _write_outputs(run: RunResult, paths: list[Path], annotate: Path | None, error_report: Path | None) -> None:
    if annotate is not None:
        from .annotate import annotate_copy

        # mirror the folders below the files' common root, so two returns of one name do not collide
        root = Path(os.path.commonpath([str(p.resolve().parent) for p in paths]))
        for path, result in zip(paths, run.files, strict=True):
            cells = [f for f in result.findings if f.cell]
            if result.unreadable or not cells:
                continue
            try:
                written = annotate_copy(path, cells, annotate / path.resolve().parent.relative_to(root))
            except ValueError as exc:  # the copy would overwrite the original
                raise _usage(f"--annotate: {exc}") from None
            except Exception as exc:  # noqa: BLE001 - one workbook openpyxl cannot load must not stop the rest
                err.print(f"[yellow]Note:[/yellow] {escape(result.path)}: no annotated copy "
                          f"({escape(exc.__class__.__name__)}: {escape(str(exc))})")
                continue
            if written is None:
                err.print(f"[yellow]Note:[/yellow] {escape(result.path)}: this format cannot be annotated "
                          "(only .xlsx and .xlsm)")
        err.print(f"Annotated copies in {escape(str(annotate))}")
    if error_report is not None:
        from .error_report import write_error_report

        write_error_report(run, error_report)
        err.print(f"Error report: {escape(str(error_report))}")


def validate(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Workbooks, folders or glob patterns.")] = None,
    recursive: Annotated[bool, typer.Option("--recursive", "-R", help="Walk folders (and ** patterns).")] = False,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.console,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report here.")] = None,
    annotate: Annotated[Optional[Path], typer.Option(help="Write annotated copies of the returns to DIR.")] = None,
    error_report: Annotated[Optional[Path], typer.Option(help="Write one workbook of all findings (.xlsx).")] = None,
    list_rules: Annotated[bool, typer.Option("--list-rules", help="Print the rule catalogue and exit.")] = False,
    ruleset: Annotated[Optional[Path], typer.Option(help="A council's own ruleset YAML.")] = None,
    scheme: Annotated[Optional[str], typer.Option(help="Rate every return under this RAG scheme.")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Processes reading files in parallel.")] = 1,
    fail_on: Annotated[FailOn, typer.Option(help="Exit 1 on any Error (default) or on any Query too.")] = FailOn.error,
    gx: Annotated[bool, typer.Option("--gx", help="Check with Great Expectations and write its results.")] = False,
    gx_dir: Annotated[Path, typer.Option(help="Folder for Great Expectations results and Data Docs.")] = Path("gx"),
) -> None:
    """Check council performance returns and report every fault by sheet and cell."""
    if list_rules:
        print_rules()
        raise typer.Exit(0)
    if not paths:
        raise _usage("give the returns to check, e.g. validate returns/*.xlsx")
    try:
        rules = load_ruleset(ruleset)
    except RulesetError as exc:
        raise _usage(str(exc)) from None
    if scheme is not None and scheme not in rules.data.schemes:
        raise _usage(f"no RAG scheme {scheme!r}; schemes: {', '.join(rules.data.schemes)}")
    found = discover(paths, recursive)
    for pattern in found.unmatched:
        err.print(f"[yellow]Note:[/yellow] no files match {escape(pattern)}")
    if not found.paths:
        raise _usage("no workbooks to check")
    if error_report is not None and error_report.suffix.lower() != ".xlsx":
        raise _usage("--error-report must name an .xlsx file")
    names = [str(p) for p in found.paths]
    if len(names) >= PROGRESS_FROM and err.is_terminal:
        with Progress(TextColumn("Reading returns"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err, transient=True) as bar:
            task = bar.add_task("read", total=len(names))
            run = validate_paths(found.paths, ruleset, names=names, scheme=scheme, jobs=jobs,
                                 engine="gx" if gx else "pandera", progress=lambda n: bar.advance(task, n),
                                 gx_dir=gx_dir)
    else:
        run = validate_paths(found.paths, ruleset, names=names, scheme=scheme, jobs=jobs,
                             engine="gx" if gx else "pandera", gx_dir=gx_dir)
    if fmt is Format.console:
        print_console(run)
    else:
        text = _render(run, fmt, fail_on)
        if output is None:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
        else:
            from .report_formats import write_text_atomically

            write_text_atomically(output, text)
            err.print(f"{fmt.value.upper()} report: {escape(str(output))}")
    _write_outputs(run, found.paths, annotate, error_report)
    if gx:
        err.print(f"Great Expectations results and Data Docs in {escape(str(gx_dir))}")
    raise typer.Exit(run.exit_code(Severity.QUERY if fail_on is FailOn.query else Severity.ERROR))


app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
app.command()(validate)


def main() -> None:
    """Console entry point: `validate ...`. Nothing unforeseen reaches the user as a traceback."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")  # no network at run time
    try:
        app()
    except Exception as exc:  # noqa: BLE001 - the last line of defence; findings cover every known case
        err.print(f"[red]Internal error:[/red] {escape(f'{exc.__class__.__name__}: {exc}')}. "
                  "Please report this with the command you ran.")
        sys.exit(3)
