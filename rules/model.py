"""The schema of a rule pack: metrics, areas, targets and consistency checks, validated by pydantic.

A rule file holds data only: no Python, no expressions to evaluate. Every shape of target in
the plan is one of a closed set of measures, roll-ups and comparisons spelt out here.
"""

from __future__ import annotations

import re
from enum import StrEnum
from fractions import Fraction
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from ..facts.numbers import NumberFormatError, parse_number
from .check_model import Check as Check
from .levels import LEVEL_LABELS as LEVEL_LABELS
from .levels import Level as Level
from .task_model import TaskPlan

# A period: a year ("2022"), a quarter ("2022-Q3") or a month ("2022-07").
PERIOD_PATTERN = r"^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$"


class MetricKind(StrEnum):
    COUNT = "count"  # a whole number of things, never negative
    AMOUNT_VND = "amount_vnd"  # a whole number of đồng, never negative
    PERCENT = "percent"  # a percentage as printed, 0-100
    YES_NO = "yes_no"  # có / không
    NUMBER = "number"  # any non-negative decimal (population per km², ...)


class Op(StrEnum):
    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"
    EQ = "="

    def holds(self, left: Fraction, right: Fraction) -> bool:
        return {
            Op.GE: left >= right,
            Op.GT: left > right,
            Op.LE: left <= right,
            Op.LT: left < right,
            Op.EQ: left == right,
        }[self]


# The plan's own words for a comparison. A rule that states `wording` must use the op it means.
WORDING_OPS: dict[str, Op] = {
    "tối thiểu": Op.GE,
    "ít nhất": Op.GE,
    "đạt": Op.GE,
    "đạt tối thiểu": Op.GE,
    "phấn đấu": Op.GE,
    "trên": Op.GT,
    "hơn": Op.GT,
    "vượt": Op.GT,
    "tối đa": Op.LE,
    "không quá": Op.LE,
    "dưới": Op.LT,
    "bằng": Op.EQ,
}

_OP_ALIASES = {"≥": ">=", "≤": "<=", "==": "="}
_THRESHOLD_RE = re.compile(r"^\s*(>=|<=|==|≥|≤|>|<|=)\s*(.+?)\s*$")


class Threshold(BaseModel):
    """A comparison and an exact value: ``">= 70%"`` is Op.GE and Fraction(7, 10)."""

    model_config = ConfigDict(frozen=True)

    op: Op
    value: Fraction
    text: str  # as the rule author wrote it, for display

    @classmethod
    def parse(cls, raw: object) -> Threshold:
        if isinstance(raw, Threshold):
            return raw
        if not isinstance(raw, str):
            raise ValueError(f"expected a comparison such as '>= 70%', got {raw!r}")
        m = _THRESHOLD_RE.match(raw)
        if not m:
            raise ValueError(f"expected a comparison such as '>= 70%' or '> 60%', got {raw!r}")
        op = Op(_OP_ALIASES.get(m.group(1), m.group(1)))
        try:
            number = parse_number(m.group(2))
        except NumberFormatError as exc:
            raise ValueError(f"threshold {raw!r}: {exc}") from exc
        value = number.value / 100 if number.percent else number.value
        return cls(op=op, value=Fraction(value), text=raw.strip())

    def display(self) -> str:
        return self.text


ThresholdField = Annotated[Threshold, BeforeValidator(Threshold.parse)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Metric(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name_vi: str
    name_en: str = ""
    kind: MetricKind
    unit_vi: str = ""
    unit_en: str = ""
    levels: list[Level]
    not_above: list[str] = []  # constraint: this figure is a part of each of these wholes
    description: str = ""


class Area(_Strict):
    id: str
    name_vi: str
    name_en: str = ""


class Ratio(_Strict):
    """numerator / (denominator − Σ exclude). ``per`` only changes how the value is shown
    and how a bare threshold number is read (``per: 100`` reads ``70`` as 70 per 100)."""

    numerator: str
    denominator: str
    exclude: list[str] = []
    per: int = Field(default=1, gt=0)


class Rate(_Strict):
    """How often something happens: a count over the weeks (or months) of the period."""

    count: str
    per: Literal["week", "month"] = "week"


class Measure(_Strict):
    """Exactly one of: a ratio, a flag (yes/no per unit), a reported value, or a rate."""

    ratio: Ratio | None = None
    flag: str | None = None
    value: str | None = None
    rate: Rate | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Measure:
        given = [k for k in ("ratio", "flag", "value", "rate") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(
                "a measure is exactly one of ratio, flag, value, rate; got "
                + (", ".join(given) if given else "none")
            )
        return self

    def metric_ids(self) -> list[str]:
        if self.ratio is not None:
            return [self.ratio.numerator, self.ratio.denominator, *self.ratio.exclude]
        if self.rate is not None:
            return [self.rate.count]
        return [m for m in (self.flag, self.value) if m is not None]

    @property
    def kind(self) -> str:
        for k in ("ratio", "flag", "value", "rate"):
            if getattr(self, k) is not None:
                return k
        raise AssertionError("unreachable: validated to have one kind")


class Rollup(StrEnum):
    POOLED = "pooled"  # Σ numerators / Σ denominators
    MEAN = "mean"  # mean of unit values
    EVERY_UNIT = "every_unit"  # every unit must pass on its own
    SHARE_OF_UNITS = "share_of_units"  # the share of units that pass, against the threshold


class Part(_Strict):
    """One condition of a compound target ("… and …")."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    title_vi: str
    title_en: str = ""
    measure: Measure
    levels: list[Level] = Field(min_length=1)
    rollup: Rollup = Rollup.POOLED
    threshold: ThresholdField
    unit_threshold: ThresholdField | None = None
    wording: str | None = None


class Target(_Strict):
    id: str = Field(pattern=r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$")
    area: str
    title_vi: str
    title_en: str = ""
    clause: str
    wording: str | None = None
    note: str = ""

    manual: bool = False  # a qualitative target: an inspector attests it
    measure: Measure | None = None
    levels: list[Level] = []
    rollup: Rollup = Rollup.POOLED
    threshold: ThresholdField | None = None
    thresholds_by_level: dict[Level, ThresholdField] | None = None
    unit_threshold: ThresholdField | None = None  # what one unit must reach, for share_of_units
    increase_over: str | None = Field(default=None, pattern=PERIOD_PATTERN)  # the value must rise above it
    all_of: list[Part] | None = None  # a compound target: every part must be met

    @model_validator(mode="after")
    def _one_shape(self) -> Target:
        if self.manual:
            extra = [k for k in ("measure", "threshold", "thresholds_by_level", "increase_over", "all_of")
                     if getattr(self, k) is not None]
            if extra:
                raise ValueError(f"a manual target has no {', '.join(extra)}")
            return self
        if self.all_of is not None:
            if self.measure is not None or self.threshold is not None:
                raise ValueError("a compound target (all_of) states its measures and thresholds in its parts")
            if len(self.all_of) < 2:
                raise ValueError("all_of needs at least two parts")
            return self
        if self.measure is None:
            raise ValueError("a target needs a measure, all_of, or manual: true")
        if not self.levels:
            raise ValueError("a target needs the levels whose figures count")
        ways = [k for k in ("threshold", "thresholds_by_level", "increase_over") if getattr(self, k) is not None]
        if len(ways) != 1:
            raise ValueError(
                "a target states exactly one of threshold, thresholds_by_level, increase_over; got "
                + (", ".join(ways) if ways else "none")
            )
        if self.thresholds_by_level is not None:
            missing = [lv.value for lv in self.levels if lv not in self.thresholds_by_level]
            if missing:
                raise ValueError(f"thresholds_by_level has no threshold for level(s) {', '.join(missing)}")
        return self

    @property
    def shape(self) -> str:
        if self.manual:
            return "manual"
        if self.all_of is not None:
            return "compound"
        if self.thresholds_by_level is not None:
            return "per_level"
        if self.increase_over is not None:
            return "increase"
        return "threshold"


class PackInfo(_Strict):
    id: str
    title_vi: str
    title_en: str = ""
    source: str
    period: str = Field(pattern=PERIOD_PATTERN)
    baseline_period: str | None = Field(default=None, pattern=PERIOD_PATTERN)


class Pack(_Strict):
    plancheck: Literal[1] = 1  # the version of the rule language
    pack: PackInfo
    areas: list[Area]
    metrics: list[Metric]
    targets: list[Target]
    checks: list[Check] = []  # consistency checks on the reported figures
    tasks: TaskPlan = TaskPlan()  # the plan's tasks and projects, with their leads and deadlines

    def metric(self, metric_id: str) -> Metric:
        return self.metric_index()[metric_id]

    def metric_index(self) -> dict[str, Metric]:
        """Metrics by id, built once per metric list: the engine asks for it per verdict. The cache
        is keyed on the list itself, so a copy with other metrics (model_copy) builds its own."""
        cached: tuple[list[Metric], dict[str, Metric]] | None = self.__dict__.get("_metric_index")
        if cached is None or cached[0] is not self.metrics:
            cached = (self.metrics, {m.id: m for m in self.metrics})
            self.__dict__["_metric_index"] = cached
        return cached[1]

    def target(self, target_id: str) -> Target:
        for t in self.targets:
            if t.id == target_id:
                return t
        raise KeyError(target_id)

    def check(self, check_id: str) -> Check:
        for c in self.checks:
            if c.id == check_id:
                return c
        raise KeyError(check_id)

    def area(self, area_id: str) -> Area:
        for a in self.areas:
            if a.id == area_id:
                return a
        raise KeyError(area_id)
