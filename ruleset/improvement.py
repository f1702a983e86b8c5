"""Improvement-report membership: which measures need Cabinet's attention, by the chosen criterion."""

from __future__ import annotations

from .models import Criterion


def qualifies(quarterly_status: str | None, forecast_status: str | None, criterion: Criterion) -> bool:
    """True when the quarter's status or the year-end forecast status is one the criterion lists."""
    return quarterly_status in criterion.quarterly or forecast_status in criterion.forecast


def why(quarterly_status: str | None, forecast_status: str | None, criterion: Criterion) -> str | None:
    """The reason in words, or None when the measure does not qualify."""
    parts = []
    if quarterly_status in criterion.quarterly:
        parts.append(f"{quarterly_status} at the quarter")
    if forecast_status in criterion.forecast:
        parts.append(f"forecast {forecast_status} at year end")
    return " and ".join(parts) or None
