"""Validate files: read each (in parallel when asked), derive once for all, check once per kind, make findings.

    from validators.run import validate_paths
    result = validate_paths([Path("returns/a.xlsx")])   # RunResult
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ruleset import Ruleset, load_ruleset
from ruleset.text import clean

from . import suite_pandera
from .catalogue import BY_CODE, ROW_KINDS, Rule
from .derive import Derived, FileRows, assemble, derive_file, merge
from .findings import FileResult, Finding, RunResult
from .return_reader import Problem, read_return
from .workbook_files import UnreadableFile, open_workbook

Progress = Callable[[int], None]  # called with the number of files just read


@dataclass
class ReadOutcome:
    """What a worker sends back for one file: its structural problems and derived rows, or why it is unreadable."""

    problems: list[Problem]
    rows: FileRows | None
    error: str | None


@dataclass(frozen=True)
class ReadJob:
    path: Path
    index: int
    ruleset_path: str | None
    scheme: str | None


def read_one(job: ReadJob) -> ReadOutcome:
    """Read and derive one file (in a worker process when --jobs > 1); never raises for a bad file."""
    rules = load_ruleset(job.ruleset_path)
    try:
        ret = read_return(open_workbook(job.path), rules)
        return ReadOutcome(ret.problems, derive_file(ret, job.index, rules, job.scheme), None)
    except UnreadableFile as exc:
        return ReadOutcome([], None, str(exc))
    except Exception as exc:  # noqa: BLE001 - a file we did not foresee must not stop the run
        return ReadOutcome([], None, f"the file could not be read ({exc.__class__.__name__}: {exc})")


def read_twice(job: ReadJob) -> ReadOutcome:
    """A file that changes or vanishes mid-read is tried once more before it is reported."""
    first = read_one(job)
    if first.error is None or not job.path.exists():
        return first
    return read_one(job)


@dataclass
class Chunk:
    """A few files checked together: what a worker sends back (findings, and frames only for --gx)."""

    results: dict[int, FileResult]
    derived: Derived | None  # kept for engines that must see the whole run at once


def check_chunk(jobs: list[ReadJob], names: dict[int, str], engine: str) -> Chunk:
    """Read, derive and (with pandera) check a chunk of files; runs in a worker process with --jobs."""
    gc.disable()  # tens of thousands of short-lived, acyclic rows: collection passes only cost time
    try:
        return _check_chunk(jobs, names, engine)
    finally:
        gc.enable()


def _check_chunk(jobs: list[ReadJob], names: dict[int, str], engine: str) -> Chunk:
    outcomes = [read_twice(job) for job in jobs]
    results = {}
    for job, outcome in zip(jobs, outcomes, strict=True):
        result = results[job.index] = FileResult(names[job.index])
        if outcome.error is not None:
            rule = BY_CODE["F001"]
            result.unreadable = True
            result.findings.append(Finding(result.path, None, None, None, rule.code, rule.severity,
                                           f"{outcome.error[0].upper()}{outcome.error[1:]}.", None, None))
        else:
            result.findings.extend(problem_finding(result.path, p) for p in outcome.problems)
    derived = assemble([o.rows for o in outcomes])
    if engine != "pandera":
        return Chunk(results, derived)
    for index, finding in row_findings(derived, check(derived), names):
        results[index].findings.append(finding)
    return Chunk(results, None)


def _chunks(jobs: list[ReadJob], workers: int) -> list[list[ReadJob]]:
    # pandera costs ~0.2 s a call whatever the size, so chunks are large: two a worker, at most 250 files
    size = max(1, min(250, -(-len(jobs) // (workers * 2))))
    return [jobs[i:i + size] for i in range(0, len(jobs), size)]


def _text(value: object) -> str | None:
    """A derived value as a finding shows it: 12.0 as 12, text tidied, nothing for missing."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean(value) if isinstance(value, str) else str(value)


def _message(rule: Rule, detail: object) -> str:
    return f"{rule.message} ({detail})" if isinstance(detail, str) and detail else rule.message


def row_findings(
    derived: Derived, failures: dict[str, set[tuple[int, str]]], names: Mapping[int, str] | list[str]
) -> list[tuple[int, Finding]]:
    """Turn (kind, row, rule) failures into (file index, finding) with sheet, cell, expected and found."""
    found: list[tuple[int, Finding]] = []
    for kind, pairs in failures.items():
        frame = derived.frames[kind]
        for row, code in sorted(pairs):
            rule = BY_CODE[code]
            ref = derived.refs[kind][row]
            record = frame.iloc[row]
            found.append((ref.file, Finding(
                path=names[ref.file],
                sheet=ref.sheet,
                cell=ref.cells.get(rule.fields[0]) if kind == "return" else ref.cell(rule.fields[0]),
                measure_code=ref.label,
                rule=code,
                severity=rule.severity,
                message=_message(rule, record.get(rule.detail) if rule.detail else None),
                expected=_text(record.get(rule.expected)) if rule.expected else None,
                found=_text(record.get(rule.found)) if rule.found else None,
            )))
    return found


def problem_finding(name: str, problem: Problem) -> Finding:
    rule = BY_CODE[problem.rule]
    detail = problem.detail[0].upper() + problem.detail[1:]
    return Finding(name, problem.sheet, problem.cell, None, rule.code, rule.severity,
                   f"{detail}. {rule.message}", None, problem.found)


def check(derived: Derived, engine: str = "pandera", gx_dir: Path | None = None) -> dict[str, set[tuple[int, str]]]:
    if engine == "gx":
        from . import suite_gx  # Great Expectations is imported only when asked for

        return suite_gx.failures_by_kind(derived, gx_dir)
    return {kind: suite_pandera.failures(kind, derived.frames[kind]) for kind in ROW_KINDS}


def validate_paths(
    paths: Iterable[Path],
    ruleset_path: str | Path | None = None,
    *,
    names: list[str] | None = None,
    scheme: str | None = None,
    jobs: int = 1,
    engine: str = "pandera",
    progress: Progress | None = None,
    gx_dir: Path | None = None,
) -> RunResult:
    """Validate workbooks; bad files become findings and the run goes on."""
    paths = list(paths)
    names = names or [str(p) for p in paths]
    rules: Ruleset = load_ruleset(ruleset_path)
    rs = str(ruleset_path) if ruleset_path is not None else None
    workers = max(1, min(jobs, os.cpu_count() or 1))
    chunks = _chunks([ReadJob(path, index, rs, scheme) for index, path in enumerate(paths)], workers)
    by_index = dict(enumerate(names))
    parts: list[Chunk] = []
    if workers == 1 or len(chunks) == 1:
        for chunk in chunks:
            parts.append(check_chunk(chunk, by_index, engine))
            if progress:
                progress(len(chunk))
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            pending = [pool.submit(check_chunk, chunk, {j.index: by_index[j.index] for j in chunk}, engine)
                       for chunk in chunks]
            for chunk, future in zip(chunks, pending, strict=True):
                parts.append(future.result())
                if progress:
                    progress(len(chunk))
    results = {index: result for part in parts for index, result in part.results.items()}
    if engine != "pandera":  # Great Expectations sees the whole run in one validation per kind
        derived = merge([p.derived for p in parts if p.derived is not None])
        for index, finding in row_findings(derived, check(derived, engine, gx_dir), names):
            results[index].findings.append(finding)
    return RunResult([results[i] for i in range(len(paths))], ruleset=str(rules.source))
