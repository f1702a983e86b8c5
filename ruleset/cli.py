"""`council-ruleset`: look at, check and try out a ruleset from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .loading import RulesetError
from .rules import Ruleset, load_ruleset

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Look at, check and try out a council ruleset.")
console = Console()
err = Console(stderr=True)

RulesetOption = Annotated[
    Optional[Path], typer.Option("--ruleset", "-r", help="A council's own ruleset YAML (default: the built-in one).")
]


def load_or_exit(path: Path | None) -> Ruleset:
    """The ruleset, or the reason it cannot be used on stderr and exit code 2 (for every command line tool)."""
    try:
        return load_ruleset(path)
    except RulesetError as exc:
        err.print(f"[red]Error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None


@app.command()
def show(ruleset: RulesetOption = None) -> None:
    """Print the RAG schemes, the improvement-report criterion and the size of the register."""
    rules = load_or_exit(ruleset)
    console.print(f"[bold]{rules.name}[/bold] ({rules.source})")
    console.print(f"Council: {rules.data.council or '(not set)'}; measures in the register: {len(rules.register)}")
    for name, scheme in rules.data.schemes.items():
        table = Table(title=f"RAG scheme {name}" + (" (default)" if name == rules.data.default_scheme else ""))
        table.add_column("Status")
        table.add_column("Deviation from target (+ is better)")
        for band in scheme.bands:
            if band.bound is None:
                rule = "anything worse"
            else:
                rule = f"{'at least' if band.inclusive else 'more than'} {band.bound:+}%"
            table.add_row(band.status, rule)
        console.print(table)
    crit = rules.criterion()
    console.print(f"Improvement report criterion: [bold]{rules.data.improvement_report.criterion}[/bold]: {crit.label}")


@app.command()
def check(path: Path) -> None:
    """Validate a ruleset file; exit 0 when it loads, 2 with the reasons when it does not."""
    rules = load_or_exit(path)
    console.print(
        f"[green]OK[/green] {path}: {len(rules.data.schemes)} schemes, {len(rules.register)} measures, "
        f"default scheme {rules.data.default_scheme}"
    )


@app.command(name="rate")
def rate_command(
    target: str,
    actual: str,
    good_is: Annotated[Optional[str], typer.Option("--good-is", help="High or Low (default: from the register).")] = None,
    code: Annotated[Optional[str], typer.Option(help="Measure code, for its polarity and overrides.")] = None,
    scheme: Annotated[Optional[str], typer.Option(help="RAG scheme name (default: the ruleset's).")] = None,
    ruleset: RulesetOption = None,
) -> None:
    """Rate one actual against one target: e.g. `council-ruleset rate 95 93 --good-is High --scheme 2012/13`."""
    rules = load_or_exit(ruleset)
    try:
        rating = rules.rate(target, actual, code=code, polarity=good_is, scheme=scheme)
    except KeyError as exc:
        err.print(f"[red]Error:[/red] {escape(str(exc.args[0]))}")
        raise typer.Exit(2) from None
    console.print(f"{rating.status}: {rating.reason}")
