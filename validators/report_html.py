"""A self-contained HTML report of a run: one file to e-mail or put on the shared drive.

Inline CSS only, no script and no external resource, so it opens the same offline and
inside locked-down council networks. Autoescaping is on: officers' text can hold < and &.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from .catalogue import BY_CODE
from .findings import RunResult

TEMPLATE = "report.html.j2"
_TEMPLATES = Path(__file__).parent / "templates"


def _environment() -> jinja2.Environment:
    # FileSystemLoader on the package folder works the same for editable and wheel installs.
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATES),
        autoescape=True,  # every file name, message and cell value is escaped
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _anchor(index: int) -> str:
    return f"file-{index + 1}"


def _context(run: RunResult, title: str) -> dict[str, Any]:
    data = run.as_dict()
    files = [dict(result, anchor=_anchor(i)) for i, result in enumerate(data["files"])]
    severities: dict[str, set[str]] = {}
    for f in run.findings:  # the severity shown is the findings' own, not looked up again
        severities.setdefault(f.rule, set()).add(f.severity.value)
    rules = [
        {"code": code, "count": count, "severity": "/".join(sorted(severities[code])),
         "title": BY_CODE[code].title if code in BY_CODE else ""}  # a rule's title, for readers of the page
        for code, count in sorted(run.by_rule().items())
    ]
    return {"title": title, "ruleset": data["ruleset"], "summary": data["summary"], "files": files, "rules": rules}


def to_html(run: RunResult, title: str = "Validation of returns") -> str:
    """Render the run as one HTML page: headline counts, counts by rule, then each file's findings."""
    return _environment().get_template(TEMPLATE).render(_context(run, title))
