"""Benchmark: `validate` on N generated returns of 63 measures against python-calamine's bare read of the same files.

    .venv/bin/python benchmarks/bench_validate.py --returns 1000

Targets (issue 3): validate <= 3x the bare read time; --gx adds at most the GE import plus 2x.
Prints figures; asserts nothing (timing belongs here, not in unit tests).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import python_calamine

from ruleset import load_ruleset
from workbook_templates.saving import save_workbook
from workbook_templates.template_builder import build_return

VARIANTS = 10  # distinct workbooks; the rest are copies (reading cost does not depend on the figures)
BIN = Path(sys.executable).parent


def make_returns(folder: Path, count: int, measures: int = 63) -> list[Path]:
    rules = load_ruleset()
    entries = rules.register.entries[:measures]
    variants = []
    for v in range(VARIANTS):
        rng = random.Random(v)
        rows = []
        for entry in entries:
            target = round(rng.uniform(10, 1000), 1)
            actual = round(target * rng.uniform(0.85, 1.15), 1)
            forecast = round(target * rng.uniform(0.9, 1.1), 1)
            q = rules.rate(target, actual, code=entry.code, scheme="2022/23").status
            f = rules.rate(target, forecast, code=entry.code, scheme="2022/23").status
            if rng.random() < 0.05:
                q = "Green"  # a typical hand-typed status
            rows.append({"code": entry.code, "description": entry.description, "directorate": entry.directorate,
                         "polarity": entry.polarity.value, "unit": entry.unit, "frequency": "Quarterly",
                         "quarterly_target": target, "quarterly_actual": actual, "quarterly_status": q,
                         "year_end_target": target, "year_end_forecast": forecast, "forecast_status": f,
                         "direction_of_travel": "Stabilised", "context": "Commentary.", "actions": "Actions.",
                         "intervention": "Review."})
        wb, _ = build_return(rules, {"council": "Bench", "period": "Q2 2022/23", "scheme": "2022/23"},
                             {"measures": rows})
        variants.append(save_workbook(wb, folder / f"variant_{v}.xlsx"))
    paths = []
    for i in range(count):
        target = folder / f"return_{i:04d}.xlsx"
        shutil.copyfile(variants[i % VARIANTS], target)
        paths.append(target)
    for v in variants:
        v.unlink()
    return paths


def bare_read(paths: list[Path]) -> float:
    start = time.perf_counter()
    for path in paths:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    return time.perf_counter() - start


def timed(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stderr[-2000:]}")
    return elapsed


def import_time(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    env = {**os.environ, "GX_ANALYTICS_ENABLED": "False"}
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env).stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--returns", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--skip-gx", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="council-returns-bench-") as tmp:
        folder = Path(tmp) / "returns"
        folder.mkdir()
        t = time.perf_counter()
        paths = make_returns(folder, args.returns)
        print(f"generated {len(paths)} returns of 63 measures in {time.perf_counter() - t:.1f} s "
              f"({sum(p.stat().st_size for p in paths) / 1e6:.1f} MB)")
        bare_read(paths[:20])  # warm the page cache so both sides read from memory
        read = min(bare_read(paths) for _ in range(2))
        print(f"python-calamine bare read, one process: {read:.2f} s ({read / len(paths) * 1000:.2f} ms a file)")
        cmd = [str(BIN / "validate"), "returns/*.xlsx", "--format", "json", "--output", "out.json"]
        serial = timed(cmd + ["--jobs", "1"], Path(tmp))
        parallel = timed(cmd + ["--jobs", str(args.jobs)], Path(tmp))
        print(f"validate --jobs 1 (whole command, imports included): {serial:.2f} s = {serial / read:.2f}x bare read")
        print(f"validate --jobs {args.jobs}: {parallel:.2f} s = {parallel / read:.2f}x bare read (target <= 3x)")
        if not args.skip_gx:
            gx_import = import_time("great_expectations")
            gx = timed(cmd + ["--jobs", str(args.jobs), "--gx", "--gx-dir", "gx"], Path(tmp))
            extra = gx - parallel
            print(f"validate --gx: {gx:.2f} s; GE import alone {gx_import:.2f} s; "
                  f"added {extra:.2f} s = GE import + {(extra - gx_import) / parallel:.2f}x validate (target <= 2x)")


if __name__ == "__main__":
    main()
