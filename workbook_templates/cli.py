"""`council-templates`: build the return template and the example returns; show what the examples hold."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from ruleset.cli import load_or_exit

from .example_returns import EXAMPLES_DIR, FAULT_KINDS, build_examples, example_returns
from .template_builder import TEMPLATE_PATH, write_template

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Build the return template and example returns.")
console = Console()

RulesetOption = Annotated[Optional[Path], typer.Option("--ruleset", "-r", help="A council's own ruleset YAML.")]


@app.command()
def build(
    ruleset: RulesetOption = None,
    template: Annotated[Path, typer.Option(help="Where to write the template.")] = TEMPLATE_PATH,
    examples: Annotated[Path, typer.Option(help="Folder for the example returns and manifest.")] = EXAMPLES_DIR,
) -> None:
    """Write the quarterly return template and the example returns (with manifest.json) from the ruleset."""
    rules = load_or_exit(ruleset)
    console.print(f"Template: {write_template(rules, template)}")
    entries = build_examples(rules, examples)
    faults = sum(len(e["faults"]) for e in entries)
    console.print(f"Example returns: {len(entries)} in {examples} ({faults} deliberate faults, see manifest.json)")


@app.command(name="examples")
def show_examples(ruleset: RulesetOption = None) -> None:
    """For each example return: every measure with the status the officer typed and the one the ruleset gives."""
    rules = load_or_exit(ruleset)
    for example in example_returns(rules):
        table = Table(title=f"{example.filename} ({example.scheme} scheme)", title_justify="left")
        for column in ("Measure", "Quarter: target / actual", "Typed", "Ruleset", "Why", "Faults"):
            table.add_column(column, overflow="fold")
        for item in example.measures:
            v = item.values
            rating = rules.rate(v["quarterly_target"], v["quarterly_actual"], code=v["code"],
                                polarity=v["polarity"], scheme=example.scheme)
            mark = "" if rating.status == v["quarterly_status"] else "[red]≠[/red] "
            table.add_row(
                v["code"], f"{v['quarterly_target']} / {v['quarterly_actual']}", v["quarterly_status"],
                f"{mark}{rating.status}", rating.reason, ", ".join(f.kind for f in item.faults),
            )
        console.print(table)
        other = [f.kind for k in ("milestones", "projects", "risks") for i in getattr(example, k) for f in i.faults]
        other += [f.kind for f in example.about_faults]
        if other:
            console.print("  other faults: " + "; ".join(FAULT_KINDS[k] for k in other))
