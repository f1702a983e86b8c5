"""The rule catalogue: every check, once, with its code, severity, plain-English message and fields.

Row rules are declared as *forms* over the derived frame (see `derive.py`): the pandera suite
and the Great Expectations suite are both generated from these declarations, never written by
hand. Reader rules (F...) are about the workbook's structure and are raised while reading.

Form semantics, shared by both engines:
- `where`: the rule applies only to rows where that boolean column is True.
- NotNull: the column has a value. InSet/Equal/Between ignore rows where a value is missing
  (presence is NotNull's job), so one fault is reported once.
"""

from __future__ import annotations

from dataclasses import dataclass

from .findings import Severity

E, Q = Severity.ERROR, Severity.QUERY


@dataclass(frozen=True)
class NotNull:
    column: str


@dataclass(frozen=True)
class InSet:
    column: str
    values: tuple[object, ...]


@dataclass(frozen=True)
class Equal:
    a: str
    b: str


@dataclass(frozen=True)
class Unique:
    column: str


@dataclass(frozen=True)
class Between:
    column: str
    low: float
    high: float


Form = NotNull | InSet | Equal | Unique | Between


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    title: str
    message: str  # what to do, addressed to the officer
    kind: str  # measures | milestones | projects | risks | return | file
    fields: tuple[str, ...] = ()  # the first names the cell a finding points at
    form: Form | None = None  # None: raised by the reader
    where: str | None = None
    expected: str | None = None  # derived column shown as "expected"
    found: str | None = None  # derived column shown as "found"
    detail: str | None = None  # derived column appended to the message (e.g. the deviation)


VALUE_FIELDS = {
    "quarterly_target": "quarterly target",
    "quarterly_actual": "quarterly actual",
    "year_end_target": "year-end target",
    "year_end_forecast": "year-end forecast",
}
NUMBER_STATES = ("number", "excused", "unparseable", "error")  # states that are not a gap


def _value_rules() -> list[Rule]:
    rules: list[Rule] = []
    for n, (name, words) in enumerate(VALUE_FIELDS.items(), start=1):
        rules += [
            Rule(f"MC0{n}", E, f"{words.capitalize()} missing",
                 f"Give the {words}, or the reason there is none that the ruleset accepts "
                 f"(for example 'No target set', or 'Annual' for an annual measure).",
                 "measures", (name,), InSet(f"{name}_state", NUMBER_STATES), found=f"{name}_raw"),
            Rule(f"MV0{n}", E, f"{words.capitalize()} is not a number",
                 f"Type the {words} as a number in the measure's unit (98.3 for 98.3%).",
                 "measures", (name,), InSet(f"{name}_state", ("number", "excused", "blank", "marker")),
                 found=f"{name}_raw", detail=f"{name}_problem"),
            Rule(f"MT0{n}", Q, f"{words.capitalize()} typed as text",
                 f"The {words} was typed as text; enter it as a plain number so it can be added up and charted.",
                 "measures", (name,), InSet(f"{name}_as_text", (False,)), found=f"{name}_raw"),
            Rule(f"MU0{n}", Q, f"{words.capitalize()} in another unit",
                 f"The {words} carries a unit that differs from the measure's unit in the register; check the figure.",
                 "measures", (name,), Equal(f"{name}_unit", "register_unit"), expected="register_unit",
                 found=f"{name}_unit"),
        ]
    return rules


RULES: list[Rule] = [
    # --- files and structure: raised by the reader -------------------------------------------
    Rule("F001", E, "File cannot be read", "The file could not be read as a workbook.", "file"),
    Rule("F002", E, "Empty workbook", "The workbook is empty; send the completed return.", "file"),
    Rule("F003", E, "No measures sheet",
         "No sheet has the measure columns (Measure code, Quarterly target, ...); use the return template.", "file"),
    Rule("F004", E, "Columns missing",
         "A required column is missing; add it with the template's header name.", "file"),
    Rule("F005", Q, "Merged header cells",
         "Header cells are merged; unmerge them so every column has its own header.", "file"),
    Rule("F006", Q, "Hidden rows",
         "Some rows are hidden; hidden rows are still checked, so unhide them or delete them if they do not belong.",
         "file"),
    # --- measures ------------------------------------------------------------------------------
    Rule("MR01", E, "Measure code missing", "Give the measure's code from the measure register.",
         "measures", ("code",), NotNull("code")),
    Rule("MR02", E, "Measure code repeated",
         "This measure code appears more than once in the return; keep one row per measure.",
         "measures", ("code",), Unique("code_key"), found="code"),
    Rule("MR03", E, "Measure code not in the register",
         "This code is not in the measure register; check the code or ask the performance team to add the measure.",
         "measures", ("code",), InSet("code_known", (True,)), where="code_present", found="code"),
    Rule("MR04", E, "Good is High/Low disagrees with the register",
         "'Good is' differs from the measure register; the register's polarity is used for the status.",
         "measures", ("polarity",), Equal("polarity_found", "register_polarity"),
         expected="register_polarity", found="polarity_found"),
    Rule("MR05", Q, "Unit disagrees with the register",
         "The unit differs from the measure register; check which unit the figures are in.",
         "measures", ("unit",), Equal("unit_found", "register_unit"), expected="register_unit", found="unit_found"),
    *_value_rules(),
    Rule("MS01", E, "Quarterly status contradicts the RAG scheme",
         "The quarterly target status is not the one the RAG scheme gives for these figures; "
         "change it to the expected status, or correct the figures.",
         "measures", ("quarterly_status",), Equal("q_found", "q_expected"), where="q_comparable",
         expected="q_expected", found="q_found", detail="q_reason"),
    Rule("MS02", E, "Forecast status contradicts the RAG scheme",
         "The forecast year-end status is not the one the RAG scheme gives for the year-end target and forecast; "
         "change it to the expected status, or correct the figures.",
         "measures", ("forecast_status",), Equal("f_found", "f_expected"), where="f_comparable",
         expected="f_expected", found="f_found", detail="f_reason"),
    Rule("MS03", E, "Quarterly status not a RAG word",
         "Use Blue, Green, Amber, Red or N/A for the quarterly target status.",
         "measures", ("quarterly_status",), InSet("q_status_valid", (True,)), found="q_found"),
    Rule("MS04", E, "Forecast status not a RAG word",
         "Use Blue, Green, Amber, Red or N/A for the forecast year-end status.",
         "measures", ("forecast_status",), InSet("f_status_valid", (True,)), found="f_found"),
    Rule("MD01", Q, "Direction of travel not recognised",
         "Use Improving, Stabilised, Deteriorating or N/A for the direction of travel.",
         "measures", ("direction_of_travel",), InSet("dot_valid", (True,)), found="dot_raw"),
    Rule("MI01", E, "No context for a measure in the improvement report",
         "This measure goes to Cabinet in the improvement report: explain the context for current performance.",
         "measures", ("context",), InSet("context_given", (True,)), where="in_report", detail="report_reason"),
    Rule("MI02", E, "No improvement actions for a measure in the improvement report",
         "This measure goes to Cabinet in the improvement report: say what improvement actions are being taken.",
         "measures", ("actions",), InSet("actions_given", (True,)), where="in_report", detail="report_reason"),
    Rule("MI03", E, "No intervention / review for a measure in the improvement report",
         "This measure goes to Cabinet in the improvement report: give the intervention or review planned.",
         "measures", ("intervention",), InSet("intervention_given", (True,)), where="in_report",
         detail="report_reason"),
    # --- milestones, projects, risks ---------------------------------------------------------
    Rule("ML01", E, "Milestone status not recognised",
         "Use Completed, On track, Some slippage or Major slippage for the milestone status.",
         "milestones", ("status",), InSet("status_valid", (True,)), found="status_raw"),
    Rule("ML02", E, "Milestone colour disagrees with its status",
         "The colour does not match the status (Completed Blue, On track Green, Some slippage Amber, "
         "Major slippage Red); correct one of them.",
         "milestones", ("colour",), Equal("colour_found", "colour_expected"), expected="colour_expected",
         found="colour_found"),
    Rule("PJ01", E, "Project RAG not on the scale",
         "Use Green, Amber / Green, Amber, Amber / Red, Red, Pre Start or Completed for the project RAG.",
         "projects", ("rag",), InSet("rag_valid", (True,)), found="rag_raw"),
    Rule("PJ02", E, "Project DCA not on the scale",
         "Use Green, Amber / Green, Amber, Amber / Red, Red, Pre Start or Completed for the delivery confidence.",
         "projects", ("dca",), InSet("dca_valid", (True,)), found="dca_raw"),
    Rule("PJ03", Q, "Previous DCA not on the scale",
         "Use the RAG/DCA scale for the previous delivery confidence.",
         "projects", ("previous_dca",), InSet("previous_dca_valid", (True,)), found="previous_dca_raw"),
    Rule("RK01", E, "Risk likelihood not 1-4",
         "Give the likelihood as 1-4 (Remote/Unlikely, Possible, Probable, Highly probable).",
         "risks", ("likelihood",), NotNull("likelihood_level"), found="likelihood_raw"),
    Rule("RK02", E, "Risk impact not 1-4",
         "Give the impact as 1-4 (Low, Medium, High, Very high).",
         "risks", ("impact",), NotNull("impact_level"), found="impact_raw"),
    Rule("RK05", E, "Risk score missing or not a number",
         "Give the risk score as a number: likelihood x impact.",
         "risks", ("score",), NotNull("score_number"), found="score_raw"),
    Rule("RK03", E, "Risk score not on the 4x4 matrix",
         "A risk score is a whole number from 1 to 16.",
         "risks", ("score",), Between("score_number", 1, 16), found="score_raw"),
    Rule("RK04", E, "Risk score is not likelihood x impact",
         "The risk score must equal likelihood x impact; correct the score or the ratings.",
         "risks", ("score",), Equal("score_number", "score_expected"), expected="score_expected",
         found="score_number"),
    # --- the return as a whole ------------------------------------------------------------------
    Rule("RT01", E, "Reporting period not stated",
         "State the reporting period (for example Q2 2022/23) or its end date on the About sheet.",
         "return", ("period",), InSet("period_given", (True,))),
    Rule("RT02", Q, "RAG scheme not recognised",
         "The RAG scheme named in the return is not one the ruleset defines; statuses were checked "
         "against the ruleset's default scheme.",
         "return", ("scheme",), InSet("scheme_known", (True,)), found="scheme_raw"),
]

BY_CODE = {rule.code: rule for rule in RULES}
if len(BY_CODE) != len(RULES):  # pragma: no cover - caught at import by every test
    raise RuntimeError("two rules share a code")


def rules_for(kind: str) -> list[Rule]:
    return [r for r in RULES if r.kind == kind and r.form is not None]


ROW_KINDS = ("measures", "milestones", "projects", "risks", "return")
