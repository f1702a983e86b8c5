"""The pandera suite, generated from the rule catalogue: the fast path for the CLI and the add-in."""

from __future__ import annotations

import warnings
from collections.abc import Callable

import pandas as pd

with warnings.catch_warnings():  # pandera warns about its own top-level import path on some versions
    warnings.simplefilter("ignore")
    import pandera.pandas as pa
    from pandera.errors import SchemaErrors

from .catalogue import Between, Equal, Form, InSet, NotNull, Rule, Unique, rules_for

Failures = set[tuple[int, str]]  # (frame row, rule code)


def passes(form: Form, df: pd.DataFrame) -> pd.Series:
    """The rows that pass a form, with the null semantics documented in catalogue.py."""
    if isinstance(form, NotNull):
        return df[form.column].notna()
    if isinstance(form, InSet):
        col = df[form.column]
        return col.isna() | col.isin(list(form.values))
    if isinstance(form, Equal):
        a, b = df[form.a], df[form.b]
        return a.isna() | b.isna() | (a == b)
    if isinstance(form, Unique):
        col = df[form.column]
        return col.isna() | ~df.duplicated(subset=["file", form.column], keep=False)
    if isinstance(form, Between):
        col = pd.to_numeric(df[form.column], errors="coerce")
        return col.isna() | col.between(form.low, form.high)
    raise TypeError(f"no pandera form for {form!r}")  # pragma: no cover


def _check_fn(rule: Rule) -> Callable[[pd.DataFrame], pd.Series]:
    def check(df: pd.DataFrame) -> pd.Series:
        ok = passes(rule.form, df)  # type: ignore[arg-type]
        if rule.where:
            ok = ok | ~df[rule.where].fillna(False).astype(bool)
        return ok

    return check


def schema_for(kind: str) -> pa.DataFrameSchema:
    """One DataFrameSchema per kind; each check is named by its rule code."""
    # no `error=`: pandera would report the message instead of the name, and the name is the rule code
    checks = [pa.Check(_check_fn(r), name=r.code, description=r.title) for r in rules_for(kind)]
    return pa.DataFrameSchema(checks=checks, name=kind)


def failures(kind: str, frame: pd.DataFrame) -> Failures:
    """Every (row, rule) that fails, from one lazy validation of the whole frame."""
    if frame.empty:
        return set()
    try:
        schema_for(kind).validate(frame, lazy=True)
    except SchemaErrors as errors:
        cases = errors.failure_cases
        cases = cases[cases["index"].notna()]
        return {(int(i), str(c)) for i, c in zip(cases["index"], cases["check"], strict=True)}
    return set()
