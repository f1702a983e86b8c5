"""Machine-readable reports of a run: JSON, CSV and JUnit XML, plus an atomic text writer.

Each renderer reads only the findings model (`findings.py`) and returns a string, so the
`validate` command can print it or write it with `write_text_atomically`.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from workbook_templates.saving import write_atomically

from .findings import FileResult, Finding, RunResult, Severity

CSV_COLUMNS = ("path", "sheet", "cell", "measure_code", "rule", "severity", "message", "expected", "found")
CLEAN_TESTCASE = "return is clean"

# Characters XML 1.0 forbids even when escaped; officers' text can carry them from pasted content.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def to_json(run: RunResult) -> str:
    """The documented JSON shape: ruleset, summary and files (path, status, counts, findings)."""
    return json.dumps(run.as_dict(), indent=2, ensure_ascii=False)


def to_csv(run: RunResult) -> str:
    """One row per finding, header always present; files without findings produce no rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for result in run.files:
        for f in sorted(result.findings, key=lambda f: f.sort_key):
            writer.writerow([result.path, f.sheet or "", f.cell or "", f.measure_code or "", f.rule,
                             f.severity.value, f.message, f.expected or "", f.found or ""])
    return buffer.getvalue()


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _where(f: Finding) -> str:
    if f.sheet and f.cell:
        return f"{f.sheet}!{f.cell}"
    return f.sheet or f.cell or ""


def _details(f: Finding) -> str:
    """The body of a failure: the message, then what was expected and found, one per line."""
    lines = [f.message]
    if f.measure_code:
        lines.append(f"Measure / item: {f.measure_code}")
    if f.expected:
        lines.append(f"Expected: {f.expected}")
    if f.found:
        lines.append(f"Found: {f.found}")
    return _xml_text("\n".join(lines))


def _testsuite(result: FileResult, fail_on_query: bool) -> tuple[ET.Element, int, int, int]:
    """One <testsuite> for a file; returns it with its (tests, failures, errors) counts."""
    suite = ET.Element("testsuite", name=_xml_text(result.path))
    failures = errors = 0
    findings = sorted(result.findings, key=lambda f: f.sort_key)
    for f in findings:
        name = f"{f.rule} {_where(f)}".strip()
        case = ET.SubElement(suite, "testcase", classname=_xml_text(result.path), name=_xml_text(name))
        message = _xml_text(f.message)
        if result.unreadable:
            ET.SubElement(case, "error", message=message, type="Unreadable").text = _details(f)
            errors += 1
        elif f.severity is Severity.ERROR or fail_on_query:
            ET.SubElement(case, "failure", message=message, type=f.severity.value).text = _details(f)
            failures += 1
        else:
            # A Query does not fail the build unless asked; CI still shows it with the test.
            ET.SubElement(case, "system-out").text = f"{f.rule} {f.severity.value}: {_details(f)}"
    if not findings:
        ET.SubElement(suite, "testcase", classname=_xml_text(result.path), name=CLEAN_TESTCASE)
    tests = max(len(findings), 1)
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", "0")
    return suite, tests, failures, errors


def to_junit(run: RunResult, fail_on_query: bool = False) -> str:
    """JUnit XML for CI: a testsuite per file, a testcase per finding (or one "return is clean").

    Error findings are <failure type="Error">; Query findings are failures only with
    `fail_on_query`, otherwise passing testcases carrying the finding as <system-out>.
    An unreadable file's finding is an <error>.
    """
    root = ET.Element("testsuites", name="council-returns validation")
    totals = [0, 0, 0]
    for result in run.files:
        suite, *counts = _testsuite(result, fail_on_query)
        root.append(suite)
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
    root.set("tests", str(totals[0]))
    root.set("failures", str(totals[1]))
    root.set("errors", str(totals[2]))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def write_text_atomically(path: Path | str, text: str) -> Path:
    """Write UTF-8 text so readers see the old file or the whole new one, never half of it.

    Bytes are written as given (no newline translation), so CSV keeps its \\r\\n row ends.
    """
    return write_atomically(path, lambda tmp: tmp.write_bytes(text.encode("utf-8")))
