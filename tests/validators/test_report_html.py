"""The self-contained HTML report."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from validators.findings import FileResult, Finding, RunResult, Severity
from validators.report_html import to_html

E, Q = Severity.ERROR, Severity.QUERY
FAULTS = "returns/2012-13_Q2_children_faults.xlsx"
CLEAN = "returns/2022-23_Q2_resources_clean.xlsx"
BROKEN = "returns/<broken>.xlsx"
SCRIPT = "<script>alert('x')</script>"


def _run() -> RunResult:
    faults = FileResult(FAULTS, [
        Finding(FAULTS, "Measures", "J2", "L&I PM22 (NI 103a)", "MS01", E,
                f"Typed status contradicts the scheme {SCRIPT}", "Red", "Amber"),
        Finding(FAULTS, "Measures", "L7", "LPI 52b", "MD01", Q, "Give the forecast & a reason < 10 words"),
        Finding(FAULTS, "Measures", "O4", "SS PM13", "MS01", E, "Another contradiction", "Red", "Green"),
    ])
    broken = FileResult(BROKEN, [Finding(BROKEN, None, None, None, "F001", E, "The file is empty (0 bytes).")],
                        unreadable=True)
    return RunResult([faults, FileResult(CLEAN), broken], ruleset="default.yaml")


class _Tables(HTMLParser):
    """Collects each table's rows as (class, text) cells, keyed by the table's id or its section's id."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[tuple[str, str]]]] = {}
        self.texts: dict[str, str] = {}  # section id -> its whole text
        self._section: str | None = None
        self._table: str | None = None
        self._cell: list[str] | None = None
        self._cell_class = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "section":
            self._section = a.get("id")
            self.texts[self._section] = ""
        elif tag == "table":
            self._table = a.get("id") or self._section
            self.tables[self._table] = []
        elif tag == "tr" and self._table:
            self.tables[self._table].append([])
        elif tag in ("td", "th"):
            self._cell, self._cell_class = [], a.get("class") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._table:
            self.tables[self._table][-1].append((self._cell_class, "".join(self._cell)))
            self._cell = None
        elif tag == "table":
            self._table = None
        elif tag == "section":
            self._section = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._section:
            self.texts[self._section] += data


def _parse(html: str) -> _Tables:
    parser = _Tables()
    parser.feed(html)
    return parser


def test_officers_text_is_escaped() -> None:
    html = to_html(_run())
    assert SCRIPT not in html and "<script" not in html.lower()
    assert "&lt;script&gt;" in html
    assert "Give the forecast &amp; a reason &lt; 10 words" in html
    assert "returns/&lt;broken&gt;.xlsx" in html
    # and the text reads back exactly as written
    rows = _parse(html).tables["file-1"][1:]
    assert rows[0][5][1] == f"Typed status contradicts the scheme {SCRIPT}"


def test_page_is_self_contained() -> None:
    html = to_html(_run()).lower()
    assert "http://" not in html and "https://" not in html
    assert "<script" not in html and "<link" not in html and "src=" not in html and "@import" not in html
    assert "url(" not in html and "//" not in html.replace("<!--", "")
    assert "<style>" in html


def test_headline_counts() -> None:
    html = to_html(_run())
    counts = dict(re.findall(r'id="count-([a-z-]+)">(\d+)<', html))
    assert counts == {"files": "3", "ok": "1", "with-findings": "1", "unreadable": "1", "errors": "3", "queries": "1"}


def test_counts_by_rule() -> None:
    rows = _parse(to_html(_run())).tables["by-rule"]
    assert [c[1] for c in rows[0]] == ["Rule", "Severity", "What it checks", "Findings"]
    by_code = {r[0][1]: (r[1], r[3][1]) for r in rows[1:]}
    assert by_code == {"F001": (("sev-Error", "Error"), "1"), "MD01": (("sev-Query", "Query"), "1"),
                       "MS01": (("sev-Error", "Error"), "2")}


def test_a_section_per_file_with_its_findings() -> None:
    parsed = _parse(to_html(_run()))
    header, *rows = parsed.tables["file-1"]
    assert [c[1] for c in header] == ["Sheet", "Cell", "Measure / item", "Rule", "Severity", "Message",
                                      "Expected", "Found"]
    assert [[c[1] for c in r] for r in rows] == [
        ["Measures", "J2", "L&I PM22 (NI 103a)", "MS01", "Error",
         f"Typed status contradicts the scheme {SCRIPT}", "Red", "Amber"],
        ["Measures", "O4", "SS PM13", "MS01", "Error", "Another contradiction", "Red", "Green"],
        ["Measures", "L7", "LPI 52b", "MD01", "Query", "Give the forecast & a reason < 10 words", "", ""],
    ]
    # the severity cell carries the colour class: Error red-ish, Query amber
    assert [r[4][0] for r in rows] == ["sev-Error", "sev-Error", "sev-Query"]
    assert FAULTS in parsed.texts["file-1"]
    assert "Unreadable" in parsed.texts["file-3"] and "The file is empty (0 bytes)." in parsed.texts["file-3"]


def test_clean_files_are_listed_as_clean() -> None:
    parsed = _parse(to_html(_run()))
    assert "file-2" not in parsed.tables  # no findings table for a clean file
    assert CLEAN in parsed.texts["file-2"] and "Clean: no findings." in parsed.texts["file-2"]
    files = {r[0][1]: r[1][1] for r in parsed.tables["files"][1:]}
    assert files == {FAULTS: "findings", CLEAN: "ok", BROKEN: "unreadable"}


def test_severity_colours_are_defined() -> None:
    html = to_html(_run())
    assert re.search(r"\.sev-Error \{[^}]*background: #ffc7ce", html)
    assert re.search(r"\.sev-Query \{[^}]*background: #ffeb9c", html)


def test_title_is_escaped_and_an_all_clean_run_says_so() -> None:
    html = to_html(RunResult([FileResult(CLEAN)]), title="Q2 <returns> & more")
    assert "<title>Q2 &lt;returns&gt; &amp; more</title>" in html
    assert "No findings in any return." in html
