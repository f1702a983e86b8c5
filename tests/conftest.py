"""Shared fixtures: the built-in ruleset, loaded once."""

from __future__ import annotations

import os

import pytest

# xlwings' remote engine needs a licence key before import (PolyForm Noncommercial covers councils).
os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")

from ruleset import Ruleset, load_ruleset  # noqa: E402


@pytest.fixture(scope="session")
def rules() -> Ruleset:
    return load_ruleset()
os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
