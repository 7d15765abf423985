"""The verdict model: one target (or one part of it), or one consistency check, at one scope for
one period."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction

from ..rules.model import Op


class Status(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    INSUFFICIENT_DATA = "insufficient_data"
    NOT_APPLICABLE = "not_applicable"
    MANUAL = "manual"
    INCONSISTENT_DATA = "inconsistent_data"
    WAIVED = "waived"

    @property
    def label_vi(self) -> str:
        return _LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _LABELS[self][1]

    def label(self, lang: str) -> str:
        return self.label_vi if lang == "vi" else self.label_en

    @property
    def severity(self) -> int:
        """The order ``--fail-on`` uses: a status fails a run if it is at or above the one named."""
        return SEVERITY.index(self)


_LABELS: dict[Status, tuple[str, str]] = {
    Status.MET: ("ĐẠT", "met"),
    Status.NOT_MET: ("KHÔNG ĐẠT", "not met"),
    Status.INSUFFICIENT_DATA: ("THIẾU SỐ LIỆU", "insufficient data"),
    Status.NOT_APPLICABLE: ("KHÔNG ÁP DỤNG", "not applicable"),
    Status.MANUAL: ("CẦN ĐÁNH GIÁ", "manual"),
    Status.INCONSISTENT_DATA: ("SỐ LIỆU MÂU THUẪN", "inconsistent data"),
    Status.WAIVED: ("MIỄN TRỪ", "waived"),
}

# Least to most severe. Missing data is never better than a miss: `--fail-on not_met` also fails
# a run whose figures did not arrive, and inconsistent figures are worse than either.
SEVERITY: list[Status] = [
    Status.MET,
    Status.NOT_APPLICABLE,
    Status.WAIVED,
    Status.MANUAL,
    Status.NOT_MET,
    Status.INSUFFICIENT_DATA,
    Status.INCONSISTENT_DATA,
]


def verdict_label(v: Verdict, lang: str) -> str:
    """A verdict's status as the outputs show it: a consistency check that holds reads KHỚP
    (consistent), not ĐẠT; every other label is the status's own."""
    if v.check is not None and v.status is Status.MET:
        return "KHỚP" if lang == "vi" else "consistent"
    return v.status.label(lang)


class ScopeKind(StrEnum):
    PROVINCE = "province"
    LEVEL = "level"
    UNIT = "unit"


@dataclass(frozen=True)
class Scope:
    kind: ScopeKind
    id: str  # the province's unit id, a level name, or a unit id
    name_vi: str
    name_en: str


@dataclass(frozen=True)
class FactRef:
    """A submitted value a verdict used, with its source."""

    unit: str
    metric: str
    period: str
    value: Fraction
    raw: str
    file: str
    line: int


@dataclass(frozen=True)
class Gap:
    """What it would take to pass, in the plan's own units."""

    amount: Fraction
    direction: str  # "more" or "fewer"
    unit_vi: str
    unit_en: str
    what_vi: str  # what must change: a metric's name, or "đơn vị đạt"
    what_en: str


@dataclass(frozen=True)
class Side:
    """One side of a consistency check: the figure as stated, or what the other figures make of it
    (``formula`` names them: ``certificates_active + certificates_revoked``). ``None``: not known."""

    value: Fraction | None
    formula: str


@dataclass(frozen=True)
class Consistency:
    """What a consistency check compared, for a verdict on one unit's figures.

    ``scale`` says how the values read: ``percent`` (fractions of 1, shown as %), ``per_100`` (a
    number per 100 inhabitants) or ``plain`` (the figures' own unit). ``difference`` is stated −
    computed (for ``part_of``: part − whole, which must not be above 0); ``tolerance`` is the largest
    ``|difference|`` the stated figure's printed precision (``decimals``) allows: half its last digit.
    A verdict that sums up several units' checks has no sides.
    """

    kind: str  # percent_of | sum_of | part_of | per_100_of | same_as
    relation: str  # "≈" (within the printed rounding), "=" (exact), "≤" (a part and its whole)
    stated: Side | None = None
    computed: Side | None = None
    difference: Fraction | None = None
    tolerance: Fraction = Fraction(0)
    decimals: int = 0
    scale: str = "plain"
    missing: tuple[str, ...] = ()  # figures with no accepted value (metric ids)


@dataclass(frozen=True)
class Coverage:
    """How many of a scope's units reported every figure the measure needs ("64/71 communes
    reported"), and the levels those units are at."""

    reported: int
    expected: int
    levels: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return self.reported == self.expected


@dataclass(frozen=True)
class Projected:
    """Where a verdict is headed at the end of its period, projected mid-period (``engine.projection``):
    the projected value and the verdict it would get, as of a date, with the share of the period gone by."""

    as_of: str  # ISO date
    elapsed: Fraction
    value: Fraction | None
    status: Status


@dataclass
class Verdict:
    target: str
    part: str  # "" for the target itself; a part id or a level for its components
    title_vi: str
    title_en: str
    area: str
    clause: str
    period: str
    scope: Scope
    status: Status
    engine_fact: str  # the id of the durable-rules fact that decided it
    measure: str  # ratio | flag | value | rate | compound | per_level | manual
    value: Fraction | None = None
    op: Op | None = None
    threshold: Fraction | None = None
    threshold_text: str = ""
    per: int = 1  # 100 for "per 100 inhabitants"
    percent: bool = True  # the value reads as a percentage
    numerator: Fraction | None = None
    denominator: Fraction | None = None
    baseline: Fraction | None = None
    # the lowest and highest value the data allows when units are missing; None as the highest: no upper limit
    bounds: tuple[Fraction, Fraction | None] | None = None
    partial_value: Fraction | None = None  # from the units that reported, when some did not
    gap: Gap | None = None
    contributing: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    facts: list[FactRef] = field(default_factory=list)
    reasons: list[tuple[str, str]] = field(default_factory=list)  # why: (Vietnamese, English)
    parts: list[Verdict] = field(default_factory=list)
    check: Consistency | None = None  # set for a consistency check's verdict, None for a target's
    coverage: Coverage | None = None  # units that reported every figure needed / units expected
    at_risk: bool = False  # mid-period: the projection to the period's end misses the threshold
    projected: Projected | None = None

    @property
    def margin(self) -> Fraction | None:
        if self.value is None or self.threshold is None:
            return None
        return self.value - self.threshold
