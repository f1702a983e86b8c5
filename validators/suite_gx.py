"""The Great Expectations suite, generated from the same rule catalogue as the pandera suite.

Imported only for `validate --gx` and the nightly run: Great Expectations takes seconds to
import. Analytics are off and progress bars hidden; validation results and Data Docs are
written to a folder of the user's choosing.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")  # before the import: no network at run time

import great_expectations as gx  # noqa: E402
import great_expectations.expectations as gxe  # noqa: E402
from great_expectations.data_context.types.base import ProgressBarsConfig  # noqa: E402

from .catalogue import ROW_KINDS, Between, Equal, InSet, NotNull, Rule, Unique, rules_for  # noqa: E402
from .derive import Derived  # noqa: E402

ROW_ID = "row_id"
DATASOURCE = "council_returns"


class GxCheckFailed(RuntimeError):
    """An expectation raised instead of answering: never read as 'no failures'."""


def expectation(rule: Rule) -> gxe.Expectation:
    """The expectation for one catalogue rule, tagged with its code in `meta`."""
    form = rule.form
    common: dict[str, Any] = {"meta": {"rule": rule.code, "severity": rule.severity.value, "title": rule.title}}
    if rule.where:
        common.update(row_condition=f"{rule.where}==True", condition_parser="pandas")
    if isinstance(form, NotNull):
        return gxe.ExpectColumnValuesToNotBeNull(column=form.column, **common)
    if isinstance(form, InSet):
        return gxe.ExpectColumnValuesToBeInSet(column=form.column, value_set=list(form.values), **common)
    if isinstance(form, Equal):
        return gxe.ExpectColumnPairValuesToBeEqual(column_A=form.a, column_B=form.b,
                                                  ignore_row_if="either_value_is_missing", **common)
    if isinstance(form, Unique):  # unique within one return, not across the run
        return gxe.ExpectCompoundColumnsToBeUnique(column_list=["file", form.column],
                                                   ignore_row_if="any_value_is_missing", **common)
    if isinstance(form, Between):
        return gxe.ExpectColumnValuesToBeBetween(column=form.column, min_value=form.low, max_value=form.high, **common)
    raise TypeError(f"no expectation for {form!r}")  # pragma: no cover


def suite_for(kind: str) -> gx.ExpectationSuite:
    return gx.ExpectationSuite(name=f"council_returns_{kind}", expectations=[expectation(r) for r in rules_for(kind)])


def _context(folder: Path) -> Any:
    folder.mkdir(parents=True, exist_ok=True)
    context = gx.get_context(mode="file", project_root_dir=str(folder))
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    context.variables.save()
    return context


def _frame(frame: pd.DataFrame) -> pd.DataFrame:
    # object columns of Python bools and None: GE compares them as pandas does
    return frame.assign(**{ROW_ID: range(len(frame))})


def failures_by_kind(derived: Derived, folder: Path | None = None) -> dict[str, set[tuple[int, str]]]:
    """Validate each kind's frame with its suite; (row, rule) pairs that fail, as suite_pandera gives them."""
    folder = Path(folder) if folder is not None else Path(tempfile.mkdtemp(prefix="council-returns-gx-"))
    context = _context(folder)
    source = context.data_sources.add_or_update_pandas(name=DATASOURCE)
    out: dict[str, set[tuple[int, str]]] = {}
    for kind in ROW_KINDS:
        frame = derived.frames[kind]
        out[kind] = set()
        if frame.empty:
            continue
        asset = next((a for a in source.assets if a.name == kind), None) or source.add_dataframe_asset(name=kind)
        batch = next((b for b in asset.batch_definitions if b.name == "whole"), None) \
            or asset.add_batch_definition_whole_dataframe("whole")
        suite = context.suites.add_or_update(suite_for(kind))
        definition = context.validation_definitions.add_or_update(
            gx.ValidationDefinition(name=f"council_returns_{kind}", data=batch, suite=suite))
        checkpoint = context.checkpoints.add_or_update(gx.Checkpoint(
            name=f"council_returns_{kind}", validation_definitions=[definition], actions=[],
            result_format={"result_format": "COMPLETE", "unexpected_index_column_names": [ROW_ID]}))
        result = checkpoint.run(batch_parameters={"dataframe": _frame(frame)})
        for validation in result.run_results.values():
            for outcome in validation.results:
                code = outcome.expectation_config.meta["rule"]
                if outcome.exception_info and outcome.exception_info.get("raised_exception"):
                    raise GxCheckFailed(f"{code}: {outcome.exception_info.get('exception_message')}")
                for unexpected in outcome.result.get("unexpected_index_list") or []:
                    out[kind].add((int(unexpected[ROW_ID]), code))
    context.build_data_docs()
    return out
