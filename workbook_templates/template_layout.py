"""What the quarterly return template looks like: sheets, column order, formats and drop-downs.

Headers come from the ruleset's `columns` (the canonical `header` of each field), so a council
that renames a column in its ruleset gets a template that says the same.
"""

from __future__ import annotations

from dataclasses import dataclass

SHEETS = {  # sheet title -> ruleset column kind, in workbook order
    "Measures": "measures",
    "Milestones": "milestones",
    "Projects": "projects",
    "Risks": "risks",
}
ABOUT_SHEET = "About"
LISTS_SHEET = "Lists"
HEADER_ROW = 1
TABLE_STYLE = "TableStyleMedium2"
BLANK_ROWS = {"measures": 80, "milestones": 40, "projects": 30, "risks": 25}

NUMBER = "#,##0.0##"
DATE = "dd-mmm-yyyy"
INTEGER = "0"


@dataclass(frozen=True)
class FieldLayout:
    width: float = 14
    number_format: str | None = None
    wrap: bool = False
    choices: str | None = None  # a vocabulary (or "units", "register", "schemes") offered as a drop-down
    strict: bool = True  # False: the drop-down suggests but Excel still accepts other entries
    whole_number: tuple[int, int] | None = None  # an Excel whole-number validation between these
    status_fill: str | None = None  # vocabulary whose colours fill the cell (conditional formatting)


LAYOUT: dict[str, dict[str, FieldLayout]] = {
    "measures": {
        "code": FieldLayout(20, choices="register", strict=False),
        "description": FieldLayout(40, wrap=True),
        "directorate": FieldLayout(22, wrap=True),
        "theme": FieldLayout(20, wrap=True),
        "polarity": FieldLayout(9, choices="polarity"),
        "unit": FieldLayout(20, choices="units"),
        "frequency": FieldLayout(14, choices="frequency"),
        "quarterly_target": FieldLayout(12, NUMBER),
        "quarterly_actual": FieldLayout(12, NUMBER),
        "quarterly_status": FieldLayout(12, choices="measure_status", status_fill="measure_status"),
        "year_end_target": FieldLayout(12, NUMBER),
        "year_end_forecast": FieldLayout(12, NUMBER),
        "forecast_status": FieldLayout(12, choices="measure_status", status_fill="measure_status"),
        "direction_of_travel": FieldLayout(14, choices="direction_of_travel"),
        "context": FieldLayout(40, wrap=True),
        "actions": FieldLayout(40, wrap=True),
        "intervention": FieldLayout(30, wrap=True),
        "data_source": FieldLayout(12),
    },
    "milestones": {
        "reference": FieldLayout(12),
        "description": FieldLayout(55, wrap=True),
        "directorate": FieldLayout(22, wrap=True),
        "theme": FieldLayout(20, wrap=True),
        "due_date": FieldLayout(13, DATE),
        "status": FieldLayout(16, choices="milestone_status", status_fill="milestone_status"),
        "colour": FieldLayout(12, choices="measure_status", status_fill="measure_status"),
        "commentary": FieldLayout(60, wrap=True),
    },
    "projects": {
        "name": FieldLayout(45, wrap=True),
        "directorate": FieldLayout(22, wrap=True),
        "rag": FieldLayout(16, choices="project_rag", status_fill="project_rag"),
        "dca": FieldLayout(16, choices="project_rag", status_fill="project_rag"),
        "previous_dca": FieldLayout(16, choices="project_rag", status_fill="project_rag"),
        "commentary": FieldLayout(60, wrap=True),
    },
    "risks": {
        "reference": FieldLayout(13),
        "description": FieldLayout(50, wrap=True),
        "type": FieldLayout(14, choices="risk_type"),
        "likelihood": FieldLayout(11, INTEGER, whole_number=(1, 4)),
        "impact": FieldLayout(10, INTEGER, whole_number=(1, 4)),
        "score": FieldLayout(10, INTEGER, whole_number=(1, 16)),
        "previous_score": FieldLayout(10, INTEGER, whole_number=(1, 16)),
        "owner": FieldLayout(20),
        "commentary": FieldLayout(60, wrap=True),
    },
}

ABOUT_FIELDS = ["council", "directorate", "period", "period_end", "scheme", "prepared_by"]

INSTRUCTIONS = [
    "How to complete this return",
    "1. Fill in the details above: your directorate, the reporting period and its end date.",
    "2. Measures: one row per measure. Choose the code from the list; give the quarter's target and actual "
    "and the year-end target and forecast as numbers in the measure's unit (98.3 for 98.3%).",
    "3. Where there is no number, write the reason instead: No target set, No quarterly target set, Annual, "
    "Data not available, To be reported in Q4.",
    "4. Statuses follow the RAG scheme named above; the toolkit recomputes them and flags any that differ.",
    "5. Every measure that is Amber or Red, now or forecast, needs context, improvement actions and "
    "intervention / review: these feed the improvement report for Cabinet.",
    "6. Milestones, projects and risks: use the drop-down lists. A risk score is likelihood x impact (1-4 each).",
]
