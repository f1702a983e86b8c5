"""Pydantic models of a ruleset file: what each section may hold, checked on load."""

from __future__ import annotations

import re
from decimal import Decimal
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

MEASURE_STATUSES = ("Blue", "Green", "Amber", "Red")


class Strict(BaseModel):
    """Base: unknown keys are errors, so a typo in a council's file is reported, not ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Polarity(str, Enum):
    HIGH = "High"
    LOW = "Low"


class ToleranceBasis(str, Enum):
    RELATIVE = "relative"
    ABSOLUTE = "absolute"


class ZeroTargetRule(str, Enum):
    MEET_OR_MISS = "meet_or_miss"
    NOT_RATED = "not_rated"


class Band(Strict):
    status: Literal["Blue", "Green", "Amber", "Red"]
    bound: Decimal | None = None  # percent (relative basis) or points (absolute basis)
    inclusive: bool = True


class Scheme(Strict):
    description: str = ""
    bands: list[Band] = Field(min_length=2)

    @model_validator(mode="after")
    def _bands_ordered(self) -> "Scheme":
        *bounded, last = self.bands
        if last.bound is not None:
            raise ValueError("the last band takes everything else and must have no bound")
        if any(b.bound is None for b in bounded):
            raise ValueError("every band but the last needs a bound")
        bounds = [b.bound for b in bounded]
        if bounds != sorted(bounds, reverse=True) or len(set(bounds)) != len(bounds):
            raise ValueError("bands must be listed best first, with strictly falling bounds")
        return self


class RatingDefaults(Strict):
    tolerance_basis: ToleranceBasis = ToleranceBasis.RELATIVE
    zero_target: ZeroTargetRule = ZeroTargetRule.MEET_OR_MISS


class MeasureRule(Strict):
    scheme: str | None = None
    polarity: Polarity | None = None
    tolerance_basis: ToleranceBasis | None = None
    zero_target: ZeroTargetRule | None = None


class Term(Strict):
    value: str
    synonyms: list[str] = []
    colour: str | None = None
    font_colour: str | None = None
    maps_to: str | None = None  # milestone status -> measure colour name

    @field_validator("colour", "font_colour")
    @classmethod
    def _hex_colour(cls, v: str | None) -> str | None:
        if v is not None and not re.fullmatch(r"[0-9A-Fa-f]{6}", v):
            raise ValueError("a colour is six hex digits, like 00B050")
        return v.upper() if v else v


class Unit(Strict):
    name: str
    synonyms: list[str] = []


MarkerMeaning = Literal[
    "not_applicable", "no_target", "no_quarterly_target", "not_due", "not_measured", "not_available"
]


class Marker(Strict):
    name: str
    means: MarkerMeaning
    synonyms: list[str] = []
    pattern: str | None = None

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, v: str | None) -> str | None:
        if v is not None:
            re.compile(v)
        return v


class Qualifier(Strict):
    name: str
    pattern: str

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, v: str) -> str:
        re.compile(v)
        return v


GapField = Literal["quarterly_target", "quarterly_actual", "year_end_target", "year_end_forecast"]


class AllowedGaps(Strict):
    quarterly_target: list[MarkerMeaning] = []
    quarterly_actual: list[MarkerMeaning] = []
    year_end_target: list[MarkerMeaning] = []
    year_end_forecast: list[MarkerMeaning] = []
    annual_measures: list[GapField] = []


class MatrixLevel(Strict):
    score: int = Field(ge=1, le=4)
    name: str
    synonyms: list[str] = []


class RiskRating(Strict):
    name: str
    min: int = Field(ge=1, le=16)
    max: int = Field(ge=1, le=16)


class RiskMatrix(Strict):
    likelihood: list[MatrixLevel] = Field(min_length=4, max_length=4)
    impact: list[MatrixLevel] = Field(min_length=4, max_length=4)
    ratings: list[RiskRating]

    @model_validator(mode="after")
    def _levels_cover_1_to_4(self) -> "RiskMatrix":
        for axis in ("likelihood", "impact"):
            if sorted(level.score for level in getattr(self, axis)) != [1, 2, 3, 4]:
                raise ValueError(f"{axis} needs exactly one level for each score 1, 2, 3 and 4")
        return self


class Criterion(Strict):
    label: str
    quarterly: list[Literal["Blue", "Green", "Amber", "Red"]] = []
    forecast: list[Literal["Blue", "Green", "Amber", "Red"]] = []
    used_in: str = ""


class ImprovementReport(Strict):
    criterion: str
    criteria: dict[str, Criterion]

    @model_validator(mode="after")
    def _criterion_known(self) -> "ImprovementReport":
        if self.criterion not in self.criteria:
            raise ValueError(
                f"criterion {self.criterion!r} is not one of the criteria defined: {sorted(self.criteria)}"
            )
        return self


class Column(Strict):
    header: str
    aliases: list[str] = []
    patterns: list[str] = []

    @field_validator("patterns")
    @classmethod
    def _compile(cls, v: list[str]) -> list[str]:
        for p in v:
            re.compile(p)
        return v


SheetKind = Literal["measures", "milestones", "projects", "risks", "about"]


class RegisterEntry(Strict):
    code: str
    description: str
    directorate: str
    theme: str | None = None
    polarity: Polarity
    unit: str
    frequency: str
    note: str | None = None


class RulesetFile(Strict):
    """The whole file after `extends` has been applied."""

    name: str
    council: str = ""
    register_file: str | None = None
    measures: list[RegisterEntry] = []  # filled from register_file, or given inline
    default_scheme: str
    schemes: dict[str, Scheme]
    rating: RatingDefaults = RatingDefaults()
    measure_rules: dict[str, MeasureRule] = {}
    vocabularies: dict[
        Literal[
            "measure_status", "milestone_status", "project_rag", "direction_of_travel",
            "polarity", "frequency", "risk_type",
        ],
        list[Term],
    ]
    annual_frequencies: list[str] = []
    units: list[Unit]
    scale_words: dict[str, Decimal] = {}
    markers: list[Marker]
    qualifiers: list[Qualifier] = []
    allowed_gaps: AllowedGaps = AllowedGaps()
    risk_matrix: RiskMatrix
    improvement_report: ImprovementReport
    columns: dict[SheetKind, dict[str, Column]]
    required_columns: dict[SheetKind, list[str]] = {}
    measure_code_pattern: str = r"\S+"

    @model_validator(mode="after")
    def _cross_references(self) -> "RulesetFile":
        if self.default_scheme not in self.schemes:
            raise ValueError(
                f"default_scheme {self.default_scheme!r} is not a scheme defined here: {sorted(self.schemes)}"
            )
        for code, rule in self.measure_rules.items():
            if rule.scheme is not None and rule.scheme not in self.schemes:
                raise ValueError(
                    f"measure_rules.{code}.scheme {rule.scheme!r} is not a scheme defined here: {sorted(self.schemes)}"
                )
        statuses = [t.value for t in self.vocabularies.get("measure_status", [])]
        missing = [s for s in (*MEASURE_STATUSES, "N/A") if s not in statuses]
        if missing:
            raise ValueError(f"vocabularies.measure_status must include {missing}")
        for kind, fields in self.required_columns.items():
            unknown = [f for f in fields if f not in self.columns.get(kind, {})]
            if unknown:
                raise ValueError(f"required_columns.{kind} names fields with no column: {unknown}")
        re.compile(self.measure_code_pattern)
        return self
