"""Example returns built from the template with measures from the published reports, and their fault manifest.

Clean rows get the statuses the ruleset computes; each deliberate fault is declared next to the
row it spoils, and the manifest records it with the sheet and cell the builder put it in.
Later checks are tested against that manifest.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from ruleset import Ruleset

from .saving import save_workbook, write_atomically
from .template_builder import CellMap, build_return

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples" / "returns"
MANIFEST = "manifest.json"

FAULT_KINDS = {
    "blank_forecast": "Year-end forecast left blank",
    "status_contradicts_scheme": "Hand-typed status differs from the one the RAG scheme gives",
    "text_in_number_cell": "Text typed in a number cell",
    "red_without_commentary": "Red measure with no context, actions or intervention",
    "duplicate_code": "The same measure code twice in one return",
    "unknown_code": "Measure code not in the register",
    "risk_score_not_product": "Risk score is not likelihood x impact",
    "milestone_colour_mismatch": "Milestone status and its colour disagree",
    "project_rag_off_scale": "Project RAG/DCA not on the scale",
    "missing_period": "Reporting period not stated",
    "polarity_mismatch": "Good is High/Low differs from the register",
}


@dataclass(frozen=True)
class Fault:
    kind: str
    field: str  # the field whose cell holds the fault
    detail: str


@dataclass
class Item:
    """One row of a return (measure, milestone, project or risk) and the faults it carries."""

    values: dict[str, Any]
    faults: list[Fault] = field(default_factory=list)


@dataclass
class ExampleReturn:
    filename: str
    title: str
    scheme: str
    about: dict[str, Any]
    measures: list[Item] = field(default_factory=list)
    milestones: list[Item] = field(default_factory=list)
    projects: list[Item] = field(default_factory=list)
    risks: list[Item] = field(default_factory=list)
    about_faults: list[Fault] = field(default_factory=list)
    layout: str = "template"


# --- row helpers --------------------------------------------------------------------------


def _num(value: Any) -> Any:
    return Decimal(str(value)) if isinstance(value, (int, float)) else value


def measure(
    rules: Ruleset,
    scheme: str,
    code: str,
    q: tuple[Any, Any],
    ye: tuple[Any, Any],
    dot: str = "Stabilised",
    commentary: tuple[str, str, str] | None = None,
    faults: list[Fault] | None = None,
    **overrides: Any,
) -> Item:
    """A measure row: facts from the register, statuses computed by the ruleset unless overridden."""
    entry = rules.measure(code)
    values: dict[str, Any] = {
        "code": code,
        "description": entry.description if entry else "",
        "directorate": entry.directorate if entry else "",
        "theme": entry.theme if entry else "",
        "polarity": entry.polarity.value if entry else "",
        "unit": entry.unit if entry else "",
        "frequency": entry.frequency if entry else "",
        "quarterly_target": q[0],
        "quarterly_actual": q[1],
        "year_end_target": ye[0],
        "year_end_forecast": ye[1],
        "direction_of_travel": dot,
        "data_source": "DORIS",
    }
    polarity = overrides.get("polarity", values["polarity"])
    values["quarterly_status"] = rules.rate(_num(q[0]), _num(q[1]), code=code, polarity=polarity, scheme=scheme).status
    values["forecast_status"] = rules.rate(_num(ye[0]), _num(ye[1]), code=code, polarity=polarity, scheme=scheme).status
    if commentary:
        values["context"], values["actions"], values["intervention"] = commentary
    values.update(overrides)
    return Item(values, faults or [])


def milestone(ref: str, text: str, directorate: str, due: dt.date, status: str, colour: str | None = None,
              commentary: str = "", faults: list[Fault] | None = None, rules: Ruleset | None = None) -> Item:
    if colour is None and rules is not None:
        colour = rules.vocab["milestone_status"].lookup(status).maps_to  # type: ignore[union-attr]
    return Item({"reference": ref, "description": text, "directorate": directorate, "due_date": due,
                 "status": status, "colour": colour, "commentary": commentary}, faults or [])


def project(name: str, directorate: str, rag: str, dca: str, previous: str, commentary: str,
            faults: list[Fault] | None = None) -> Item:
    return Item({"name": name, "directorate": directorate, "rag": rag, "dca": dca, "previous_dca": previous,
                 "commentary": commentary}, faults or [])


def risk(ref: str, text: str, likelihood: int, impact: int, previous: int, owner: str, commentary: str,
         kind: str = "Threat", score: int | None = None, faults: list[Fault] | None = None) -> Item:
    return Item({"reference": ref, "description": text, "type": kind, "likelihood": likelihood, "impact": impact,
                 "score": likelihood * impact if score is None else score, "previous_score": previous,
                 "owner": owner, "commentary": commentary}, faults or [])


def about(directorate: str, period: str, period_end: dt.date, scheme: str, council: str = "Derby City Council",
          prepared_by: str = "Performance lead") -> dict[str, Any]:
    return {"council": council, "directorate": directorate, "period": period, "period_end": period_end,
            "scheme": scheme, "prepared_by": prepared_by}


# --- the examples -------------------------------------------------------------------------

EXPLAINED = (
    "Performance is below the profiled target for the quarter; the service has identified the causes.",
    "Weekly monitoring by the service manager; recovery plan agreed with the Head of Service.",
    "Review at the next quarterly performance board.",
)


def _resources_2022(rules: Ruleset) -> ExampleReturn:
    s = "2022/23"
    m = lambda *a, **k: measure(rules, s, *a, **k)  # noqa: E731
    return ExampleReturn(
        "2022-23_Q2_resources_clean.xlsx",
        "Resources, Q2 2022/23: a clean return",
        s,
        about("Resources", "Q2 2022/23", dt.date(2022, 9, 30), s),
        measures=[
            m("CM PM13", (80, 88.2), (80, 90), "Improving"),
            m("CM PM05", (92.5, 92.1), (92.5, 92.5)),
            m("CM PM09a", (98.4, 97.8), (98.4, 98.4)),
            m("CM PM02", (87, 84.1), (87, 87), "Deteriorating", commentary=(
                "Invoice volumes rose after the finance system upgrade and approvals slowed in August.",
                "Approval reminders automated; small suppliers flagged for priority payment.",
                "No intervention proposed; review at quarter three.")),
            m("GOV PM02", (100, 96), (100, 100), "Deteriorating", commentary=(
                "Two complex requests missed the 20 working day deadline in September.",
                "Case tracking moved to the new FOI system; weekly deadline report to managers.",
                "Information Governance Board to review at its next meeting.")),
            m("CM PM14", (60, 61.2), (60, 62), "Improving"),
            m("LPI 52e", (80, 85), (80, 84)),
            m("DP22 WS01", (146211, 151147), (146211, 155000), "Improving"),
            m("DP22 WS02", (6.4, 6.55), (12.81, 13.64), "Deteriorating", commentary=(
                "Quarter two saw an increase in days lost compared to quarter one (3.24 days lost).",
                "Wellbeing offer promoted; managers trained on the attendance policy.",
                "Monthly review by the Corporate Leadership Team.")),
        ],
        milestones=[
            milestone("RES-M1", "Implement more efficient, compliant and automated purchase-to-pay processes",
                      "Resources", dt.date(2023, 3, 31), "On track", rules=rules),
            milestone("RES-M2", "Procure a supplier and commence the Single Person Discount Review project",
                      "Resources", dt.date(2022, 9, 30), "Completed", rules=rules),
            milestone("RES-M3", "Deliver the Insight Led Council data platform", "Resources",
                      dt.date(2023, 3, 31), "Some slippage", rules=rules,
                      commentary="Supplier onboarding took longer than planned; revised plan agreed."),
        ],
        projects=[
            project("Insight Led Council", "Resources", "Green / Amber", "Green / Amber", "Amber / Red",
                    "Assessment improved from Amber / Red at the end of June."),
            project("Commercialism", "Resources", "Green", "Green / Amber", "Green",
                    "Income targets under pressure from rising costs."),
        ],
        risks=[
            risk("SR16_CR17", "Ability to deliver against our current annual revenue budget", 4, 4, 16,
                 "Director of Financial Services", "Rising costs of inflation and demand pressures."),
            risk("SR15_CR16", "Ability to deliver a balanced Medium-Term Financial Plan (MTFP)", 4, 4, 16,
                 "Director of Financial Services", "Significant gap in the MTFP in future years."),
            risk("SR7_CR6", "Effective contract management", 3, 4, 12, "Head of Procurement",
                 "Contract Procedure Rules revised; training agreed."),
            risk("SR3_CR3", "Cyber threats to our systems", 4, 4, 16, "Head of ICT",
                 "Risk remains significant at both a national and local level."),
        ],
    )


def _neighbourhoods_2012(rules: Ruleset) -> ExampleReturn:
    s = "2012/13"
    m = lambda *a, **k: measure(rules, s, *a, **k)  # noqa: E731
    return ExampleReturn(
        "2012-13_Q2_neighbourhoods_clean.xlsx",
        "Neighbourhoods, Q2 2012/13: a clean return",
        s,
        about("Neighbourhoods", "Q2 2012/13", dt.date(2012, 9, 30), s),
        measures=[
            m("SP PM13b", (93, 95.4), (93, 95), "Improving"),
            m("SP PM13d", (91, 94), (91, 95), "Improving"),
            m("SP PM13f", (92.2, 94.8), (92.2, 95.0)),
            m("LPI 52d", (70, 68.9), (70, 75), "Improving", commentary=(
                "Two complex complaints in July took longer than 10 days to resolve.",
                "Complaints now triaged on arrival; complex cases allocated to a senior officer.",
                "No intervention proposed based on the year end forecast.")),
            m("SP PM09e", (0.15, 0.15), (0.15, 0.15)),
            m("L&C PM06a", (1500, 1820), (3000, 3600), "Improving"),
            m("L&C PM06b", (12000, 17600), (24000, 35000), "Improving"),
            m("L&C PM11", (1500, 2850), (3019, 5700), "Improving"),
            m("L&C PM12", (372, 745), (744, 1481), "Improving"),
            m("EaRS PM18", (83, 85), (83, 83)),
        ],
        milestones=[
            milestone("NB-M1", "Provide local waste compactor days to dispose of bulky waste and reduce fly tipping",
                      "Neighbourhoods", dt.date(2012, 9, 30), "Completed", rules=rules),
            milestone("NB-M2", "Carry out further deep cleans in the city centre and beyond", "Neighbourhoods",
                      dt.date(2013, 3, 31), "On track", rules=rules),
            milestone("NB-M3", "Work with local communities and businesses to increase floral displays",
                      "Neighbourhoods", dt.date(2013, 3, 31), "On track", rules=rules),
        ],
        projects=[project("Our City, Our River", "Neighbourhoods", "Green", "Green", "Green",
                          "Flood defence works on programme.")],
        risks=[risk("SR14", "Adverse outcome to estimated fair value determination of the waste contract", 4, 4, 16,
                    "Director of Environment", "Advisers remain in place on all aspects of the EFV process.")],
    )


def _children_2012(rules: Ruleset) -> ExampleReturn:
    s = "2012/13"
    m = lambda *a, **k: measure(rules, s, *a, **k)  # noqa: E731
    return ExampleReturn(
        "2012-13_Q2_children_faults.xlsx",
        "Children and Young People, Q2 2012/13: a typed status that contradicts the scheme, "
        "a Red measure with no commentary, a blank forecast",
        s,
        about("Children and Young People", "Q2 2012/13", dt.date(2012, 9, 30), s),
        measures=[
            m("L&I PM22 (NI 103a)", (90, 81.5), (90, 90), "Improving", commentary=(
                "Provisional data. Performance will be back on track after data catch-up from September.",
                "Electronic reminder system to all agencies to ensure reports are returned within timescale.",
                "No intervention proposed."),
              quarterly_status="Amber",
              faults=[Fault("status_contradicts_scheme", "quarterly_status",
                            "typed Amber; 81.5% against 90% is 9.4% below target: Red under 2012/13")]),
            m("SS PM01", (6, 4.8), (12, 11), "Deteriorating", commentary=(
                "A reduction in the numbers of Special Guardianships granted.",
                "We continue to actively homefind for children for whom there is an adoption plan.",
                "Adoption tracking meetings monthly.")),
            m("SS PM13", (90, 82.3), (90, 90), "Deteriorating",
              faults=[Fault("red_without_commentary", "context",
                            "Red at the quarter (82.3% against 90%) with no context, actions or intervention")]),
            m("SS PM15 (NI 61)", (60, 52.9), (60, 50), "Deteriorating", commentary=(
                "Timeliness relates to complexity of children requiring placement and availability of adopters.",
                "Monthly adoption tracking meetings are in place.",
                "Adoption inspection readiness work group reporting to the CYP Improvement Group.")),
            m("L&I PM03 (NI 75)", ("Annual", "Annual"), (57, 56), commentary=(
                "A positive outcome against a backdrop of problems with the marking of English.",
                "Data checking exercise with schools.",
                "No intervention proposed. Review at quarter three.")),
            m("LPI 52b", (100, 82), (100, None), "Deteriorating", commentary=(
                "One complex complaint was resolved outside the 20 day target.",
                "Reporting will be generated through LAGAN and the process is being improved.",
                "Resources and Governance Board to refer complaints to Scrutiny."),
              forecast_status="Red",
              faults=[Fault("blank_forecast", "year_end_forecast", "year-end forecast is blank")]),
            m("NI 147", (91, 95), (91, 95), "Improving"),
            m("EIISS PM04 (SS PM04)", (46.4, 37.7), (46.4, 37.7), "Improving"),
        ],
        milestones=[milestone("CYP-M1", "Review how we reach potential foster carers and implement a payment for "
                              "skills scheme", "Children and Young People", dt.date(2013, 3, 31), "On track",
                              rules=rules)],
        projects=[project("CYP Demand Management programme", "Children and Young People", "Green", "Green",
                          "Green / Amber", "Assessment improved to Green.")],
        risks=[risk("SR28_PS22", "Increasing complexity of need for children and young people", 3, 4, 12,
                    "Strategic Director of People Services", "Placement sufficiency strategy in progress.")],
    )


def _adults_2012(rules: Ruleset) -> ExampleReturn:
    s = "2012/13"
    m = lambda *a, **k: measure(rules, s, *a, **k)  # noqa: E731
    return ExampleReturn(
        "2012-13_Q2_adults_housing_faults.xlsx",
        "Adults, Health and Housing, Q2 2012/13: text in number cells, a duplicate code, an unknown code",
        s,
        about("Adults, Health and Housing", "Q2 2012/13", dt.date(2012, 9, 30), s),
        measures=[
            m("DH Local 32 (BVPI 212)", (22.5, "23.1 days"), (22.5, 22.5), "Deteriorating", commentary=(
                "Void repairs took longer over the summer.", "Contractor performance meetings weekly.",
                "Review at quarter three."),
              faults=[Fault("text_in_number_cell", "quarterly_actual", "'23.1 days' typed as text")]),
            m("YA&H PM04", (10, 13), (10, 10), "Improving", commentary=(
                "The Q2 figure for B&B has improved to 13 from 14 in July and August.",
                "Intensive casework with the households placed.", "No intervention proposed.")),
            m("YA&H PM03 (NI 156)", (30, 29), (30, 30)),
            m("YA&H PM05", (850, 870), (1700, 1700), "Improving"),
            m("YA&H PM08 (NI 155)", (85, 84), (170, 170), "Stabilised", commentary=(
                "Two schemes slipped into October.", "Monthly meetings with registered providers.",
                "None planned.")),
            m("LPI 52c", (100, 92), (100, 90), "Improving", commentary=(
                "Performance continued to improve in July with 100% of complaints responded to within target.",
                "Reporting will be generated through LAGAN.", "Refer complaints to the relevant Scrutiny board.")),
            m("YA&H PM05", (850, 868), (1700, 1700), "Improving",
              faults=[Fault("duplicate_code", "code", "YA&H PM05 appears twice in this return")]),
            m("AHH PM99", (15, 14), (15, 15), description="Delayed transfers of care from hospital",
              directorate="Adults, Health and Housing", polarity="Low", unit="number", frequency="Quarterly",
              faults=[Fault("unknown_code", "code", "AHH PM99 is not in the measure register")]),
            m("AHH S1", (22, "about 20%"), (22, 22), quarterly_status="Green",
              faults=[Fault("text_in_number_cell", "quarterly_actual", "'about 20%' is not a number")]),
            m("DH Local 7 (BVPI66a)", (99, 98.7), (99, 99), commentary=(
                "Collection slightly behind profile after the August bank holiday.",
                "Arrears team focusing on new tenancies.", "None planned.")),
        ],
        milestones=[milestone("AHH-M1", "Extend and redesign the Home First service", "Adults, Health and Housing",
                              dt.date(2013, 3, 31), "On track", rules=rules)],
        projects=[project("Home First", "Adults, Health and Housing", "Green", "Green", "Green", "On programme.")],
        risks=[risk("SR26_CP15", "Ability to meet statutory duties for accommodation-based support for domestic abuse",
                    2, 3, 12, "Director of Housing", "Likelihood decreased from probable to possible.")],
    )


def _corporate_2022(rules: Ruleset) -> ExampleReturn:
    s = "2022/23"
    m = lambda *a, **k: measure(rules, s, *a, **k)  # noqa: E731
    ret = ExampleReturn(
        "2022-23_Q2_corporate_faults.xlsx",
        "Corporate Resources, Q2 2022/23: no reporting period, a risk score that is not likelihood x impact, "
        "a milestone whose colour disagrees, a DCA off the scale, a polarity that contradicts the register",
        s,
        about("Corporate Resources", None, None, s),  # type: ignore[arg-type]
        measures=[
            m("DP22 WS03", (6584000, 4906000), (13168000, 9812000), "Deteriorating", commentary=(
                "£9.812 million savings forecast to be delivered against a target of £13.168 million.",
                "Contract management training for Contract Managers is now available.",
                "Savings challenge sessions with each directorate.")),
            m("DP22 WS01", (146211, 151147), (146211, 152000), "Improving"),
            m("DP22 WS02", (6.4, 6.35), (12.81, 12.7), "Improving", polarity="High",
              faults=[Fault("polarity_mismatch", "polarity", "Good is High; the register says Low")]),
        ],
        milestones=[
            milestone("CR-M1", "Develop a programme of Lean reviews and implement", "Corporate Resources",
                      dt.date(2023, 3, 31), "Some slippage", colour="Green",
                      commentary="Two reviews deferred to quarter three.",
                      faults=[Fault("milestone_colour_mismatch", "colour", "Some slippage is Amber, not Green")]),
            milestone("CR-M2", "Improve the visibility of senior leaders within the organisation",
                      "Corporate Resources", dt.date(2023, 3, 31), "On track", rules=rules),
        ],
        projects=[
            project("Digital by Default", "Corporate Resources", "Green", "Yellow", "Green",
                    "Scope agreed; delivery partner appointed.",
                    faults=[Fault("project_rag_off_scale", "dca", "'Yellow' is not on the RAG/DCA scale")]),
            project("Football Hub", "Corporate Resources", "Amber / Red", "Amber/Red", "Green / Amber",
                    "Assessment changed from Green / Amber to Amber / Red."),
        ],
        risks=[
            risk("SR34_CR32", "Potential risk of industrial action regarding NJC pay claim", 3, 3, 9,
                 "Director of HR", "New risk added in quarter two."),
            risk("SR6_CR19", "Effective project management governance", 3, 3, 12, "Head of PMO",
                 "Reduced from significant to medium."),
            risk("SR33_CR30", "Compliance with data protection legislation", 3, 4, 12, "Data Protection Officer",
                 "Annual data protection training required of all colleagues.", score=16,
                 faults=[Fault("risk_score_not_product", "score", "score 16 but likelihood 3 x impact 4 = 12")]),
            risk("SR21_CR22", "Health and Wellbeing", 3, 3, 9, "Director of HR",
                 "Signposting of wellbeing support continues.", kind="Opportunity"),
        ],
        about_faults=[Fault("missing_period", "period", "no reporting period or period end date")],
    )
    return ret


def _people_2022(rules: Ruleset) -> ExampleReturn:
    s = "2022/23"
    m = lambda *a, **k: measure(rules, s, *a, **k)  # noqa: E731
    return ExampleReturn(
        "2022-23_Q2_people_services_markers.xlsx",
        "People Services, Q2 2022/23: clean, with the legitimate markers (Annual, No quarterly target set), "
        "a negative target and a zero target",
        s,
        about("People Services", "Q2 2022/23", dt.date(2022, 9, 30), s),
        measures=[
            m("DP22 RC01", (4.1, 8.5), (4.5, 5.5), "Improving", commentary=(
                "A 4.4% improvement on last year's September figure of 12.9%; the measure is seasonal.",
                "The NEET Strategy continues to provide a framework for improvement.",
                "Review when destinations are confirmed in quarter three.")),
            m("DP22 RC02", (90, 92), (90, 92), "Improving"),
            m("DP22 RC03", (100, 105.9), (100, 104), "Deteriorating", commentary=(
                "Children in care per 10,000 rose over the quarter.",
                "Edge of care service expanded.", "Monthly review by the CYP Improvement Group.")),
            m("DP22 RC04", ("No quarterly target set", 109), (115, 112), "Deteriorating", commentary=(
                "109 fostering households, a decrease of two compared to quarter one.",
                "Fostering recruitment campaign relaunched.", "Review at quarter three.")),
            m("DP22 CG02", ("Annual", "Annual"), (-0.15, -0.19), "Deteriorating", commentary=(
                "Provisional results show disadvantaged pupils' progress below the target.",
                "School improvement partners targeting the ten schools with the largest gaps.",
                "Report to the Education Board in December.")),
            m("L&I PM05 (NI 78)", ("Annual", "Annual"), (0, 0)),
        ],
        milestones=[milestone("PS-M1", "Co-produce an overarching Early Years Strategy", "People Services",
                              dt.date(2023, 3, 31), "On track", rules=rules)],
        projects=[project("Foster carer recruitment", "People Services", "Amber", "Amber / Green", "Amber",
                          "Campaign relaunched.")],
        risks=[risk("SR30_PS24", "Local Area SEND services and provision is not effective", 3, 4, 12,
                    "Director of Education", "SEND Capital Programme on-going.")],
    )


OLD_LAYOUT_HEADERS = [  # last year's layout: other names, other order, a title block above
    ("code", "PI code"), ("description", "Measure Description"), ("polarity", "Good is"),
    ("quarterly_status", "Current Target Status"), ("quarterly_target", "Q1 Target"), ("quarterly_actual", "Q1 Actual"),
    ("year_end_forecast", "Year End Forecast"), ("year_end_target", "Year End Target"),
    ("forecast_status", "Forecast Year End Status"), ("direction_of_travel", "Direction of Travel"),
    ("context", "Commentary"), ("actions", "Actions taken"), ("intervention", "Intervention/Review"),
]
OLD_LAYOUT_SHEET = "Scorecard"
OLD_LAYOUT_HEADER_ROW = 5


def _old_layout_2017(rules: Ruleset) -> ExampleReturn:
    s = "2012/13"  # the 2017 reports used the 2012/13 thresholds
    m = lambda *a, **k: measure(rules, s, *a, **k)  # noqa: E731
    return ExampleReturn(
        "2017-18_Q1_scorecard_old_layout.xlsx",
        "Council Scorecard Q1 2017/18 in last year's layout (other header names and order, title block above); "
        "one typed status contradicts the scheme",
        s,
        about("Resources", "Q1 2017/18", dt.date(2017, 6, 30), s),
        measures=[
            m("CM PM13", (80, 86), (80, 88), "Improving"),
            m("CM PM05", (92.5, 92.6), (92.5, 92.5)),
            m("CM PM11a", (35, 33.9), (35, 35), "Improving", forecast_status="Green", quarterly_status="Green",
              commentary=("Channel shift continues.", "Self-service options promoted.", "None."),
              faults=[Fault("status_contradicts_scheme", "quarterly_status",
                            "typed Green; 33.9% against 35% is 3.1% below target: Amber under 2012/13")]),
            m("CP 08b (HRprim5/BV12)", (1.75, 1.9), (7, 7.52), "Deteriorating", commentary=(
                "Sickness absence higher than profile in the first quarter.",
                "Attendance policy refreshed.", "Monthly review by Chief Officer Group.")),
            m("Regen PM14", (110, 135), (450, 450), "Improving"),
        ],
        layout="2016/17",
    )


EXAMPLES: list[Callable[[Ruleset], ExampleReturn]] = [
    _resources_2022, _neighbourhoods_2012, _children_2012, _adults_2012, _corporate_2022, _people_2022,
    _old_layout_2017,
]


# --- writing ------------------------------------------------------------------------------


def _write_old_layout(example: ExampleReturn) -> tuple[Workbook, CellMap]:
    wb = Workbook()
    ws = wb.active
    ws.title = OLD_LAYOUT_SHEET
    ws["A1"] = f"Council Scorecard {example.about['period']}"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = example.about["council"]
    ws["A3"] = f"Period end: {example.about['period_end']:%d-%b-%Y}"
    ws["A4"], ws["B4"] = "RAG scheme", example.scheme
    cells = CellMap(rows={"measures": []})
    for col, (_, header) in enumerate(OLD_LAYOUT_HEADERS, start=1):
        cell = ws.cell(row=OLD_LAYOUT_HEADER_ROW, column=col, value=header)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", start_color="D9D9D9", end_color="D9D9D9")
        cell.alignment = Alignment(wrap_text=True)
    for index, item in enumerate(example.measures):
        row = OLD_LAYOUT_HEADER_ROW + 1 + index
        where = {}
        for col, (name, _) in enumerate(OLD_LAYOUT_HEADERS, start=1):
            where[name] = ws.cell(row=row, column=col, value=item.values.get(name)).coordinate
        cells.rows["measures"].append(where)
    ws.column_dimensions["B"].width = 50
    return wb, cells


def _sheet_name(kind: str, example: ExampleReturn) -> str:
    from .template_builder import sheet_for

    if example.layout != "template":
        return OLD_LAYOUT_SHEET
    return "About" if kind == "about" else sheet_for(kind)


def _manifest_entry(example: ExampleReturn, cells: CellMap) -> dict[str, Any]:
    faults = []
    for kind in ("measures", "milestones", "projects", "risks"):
        for index, item in enumerate(getattr(example, kind)):
            for fault in item.faults:
                faults.append({
                    "fault": fault.kind,
                    "sheet": _sheet_name(kind, example),
                    "cell": cells.rows[kind][index][fault.field],
                    "row": int("".join(ch for ch in cells.rows[kind][index][fault.field] if ch.isdigit())),
                    "item": item.values.get("code") or item.values.get("reference") or item.values.get("name"),
                    "field": fault.field,
                    "detail": fault.detail,
                })
    for fault in example.about_faults:
        faults.append({"fault": fault.kind, "sheet": "About", "cell": cells.about[fault.field], "row": None,
                       "item": None, "field": fault.field, "detail": fault.detail})
    unknown = {f["fault"] for f in faults} - set(FAULT_KINDS)
    if unknown:
        raise ValueError(f"{example.filename}: undeclared fault kinds {sorted(unknown)}")
    return {
        "file": example.filename,
        "title": example.title,
        "layout": example.layout,
        "scheme": example.scheme,
        "directorate": example.about["directorate"],
        "counts": {k: len(getattr(example, k)) for k in ("measures", "milestones", "projects", "risks")},
        "clean": not faults,
        "faults": faults,
    }


def build_examples(rules: Ruleset, out_dir: Path = EXAMPLES_DIR) -> list[dict[str, Any]]:
    """Write every example return and the manifest; returns the manifest's file entries."""
    entries = []
    for make in EXAMPLES:
        example = make(rules)
        if example.layout == "template":
            rows = {k: [i.values for i in getattr(example, k)] for k in ("measures", "milestones", "projects", "risks")}
            wb, cells = build_return(rules, example.about, rows)
        else:
            wb, cells = _write_old_layout(example)
        save_workbook(wb, out_dir / example.filename, reproducible=True)
        entries.append(_manifest_entry(example, cells))
    manifest = {
        "about": "Example returns generated by `council-templates build` from the ruleset and the template. "
                 "Each file lists the faults it was built with, by sheet and cell.",
        "fault_kinds": FAULT_KINDS,
        "files": entries,
    }
    text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    write_atomically(out_dir / MANIFEST, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    return entries


def example_returns(rules: Ruleset) -> list[ExampleReturn]:
    return [make(rules) for make in EXAMPLES]
