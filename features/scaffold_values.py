"""The figures of scaffolded scenarios: a measure's smallest step, the values on either side of a
threshold, and how a unit writes them (Vietnamese formats: "1.000", "89,9%", "có").

Everything here follows from the rule language (``rules/model.py``, ``docs/rule-language.md``),
not from the engine: the scaffold states what the rules mean, and the engine must agree.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from ..facts.model import period_count
from ..facts.numbers import format_vi
from ..rules.model import Measure, MetricKind, Op, Pack, Threshold

Lang = Literal["vi", "en"]

# The smallest whole denominator a scaffold uses: fine enough that one step is 0,1% of a count,
# and whole đồng of a provincial-size budget (1.000 tỷ đồng).
_MIN_DENOMINATOR: dict[MetricKind, int] = {MetricKind.AMOUNT_VND: 10**12}
_MIN_COUNT = 1000


def effective(measure: Measure, threshold: Threshold) -> Fraction:
    """A threshold on the measure's own scale: ``70`` on a ``per: 100`` ratio is 70/100; a
    threshold written with ``%`` is a share already."""
    if measure.ratio is not None and measure.ratio.per != 1 and "%" not in threshold.text:
        return threshold.value / measure.ratio.per
    return threshold.value


@dataclass(frozen=True)
class Grid:
    """The values a measure takes at one unit while one figure moves by its smallest step:
    ``value(k) = k × step``; the other figures (a denominator, excluded parts) stay fixed."""

    measure: Measure
    step: Fraction
    moving: str  # the metric that moves
    per_step: Fraction  # how much the moving figure changes by one step
    lo: int
    hi: int | None
    denominator: str | None = None
    net: Fraction = Fraction(0)  # the denominator net of exclusions
    excluded: Fraction = Fraction(0)  # each excluded figure

    def value(self, k: int) -> Fraction:
        return k * self.step

    def within(self, k: int) -> bool:
        return k >= self.lo and (self.hi is None or k <= self.hi)

    def middle(self) -> int:
        return (self.lo + self.hi) // 2 if self.hi is not None else max(self.lo, round(1 / self.step))

    def figures(self, k: int, excluded: Fraction | None = None) -> list[tuple[str, Fraction]]:
        """The figures a unit reports for position ``k``: denominator and exclusions first."""
        out: list[tuple[str, Fraction]] = []
        if self.denominator is not None and self.measure.ratio is not None:
            ex = self.excluded if excluded is None else excluded
            out.append((self.denominator, self.net + ex * len(self.measure.ratio.exclude)))
            out += [(e, ex) for e in self.measure.ratio.exclude]
        out.append((self.moving, k * self.per_step))
        return out

    def gross(self, k: int) -> Fraction:
        """The value a wrong reading would give, with exclusions left in the denominator."""
        if self.measure.ratio is None or not self.measure.ratio.exclude:
            return self.value(k)
        return k / (self.net + self.excluded * len(self.measure.ratio.exclude))

    def with_excluded(self, excluded: Fraction) -> Grid:
        return Grid(self.measure, self.step, self.moving, self.per_step, self.lo, self.hi,
                    self.denominator, self.net, excluded)


def grid(measure: Measure, pack: Pack, period: str, targets: Sequence[Fraction]) -> Grid:
    """The grid of a measure on which every value in ``targets`` is exactly reachable, where the
    measure allows it (a rate's weeks are fixed by the period)."""
    if measure.ratio is not None:
        r = measure.ratio
        base = math.lcm(1, *(t.denominator for t in targets))
        least = _MIN_DENOMINATOR.get(pack.metric(r.denominator).kind, _MIN_COUNT)
        net = base * -(-least // base)
        return Grid(measure, Fraction(1, net), r.numerator, Fraction(1), 0, net if r.per == 1 else None,
                    r.denominator, Fraction(net), Fraction(max(1, net // 10)) if r.exclude else Fraction(0))
    if measure.rate is not None:
        weeks = period_count(period, measure.rate.per)
        return Grid(measure, Fraction(1, weeks), measure.rate.count, Fraction(1), 0, None)
    metric_id = measure.flag if measure.flag is not None else measure.value
    assert metric_id is not None
    kind = pack.metric(metric_id).kind
    if measure.flag is not None or kind is MetricKind.YES_NO:
        return Grid(measure, Fraction(1), metric_id, Fraction(1), 0, 1)
    if kind in (MetricKind.COUNT, MetricKind.AMOUNT_VND):
        return Grid(measure, Fraction(1), metric_id, Fraction(1), 0, None)
    scale = 100 if kind is MetricKind.PERCENT else 1
    decimals = max([1, *(decimals_needed(t * scale) for t in targets)])
    step = Fraction(1, 10**decimals * scale)
    return Grid(measure, step, metric_id, step, 0, 10**decimals * scale if scale == 100 else None)


def boundary(op: Op, t: Fraction, g: Grid) -> list[int]:
    """The positions on either side of ``t`` that tell the comparison apart, the one nearest the
    threshold on the passing side of ``>=``/``<=``/``=`` first (or the one at it, for ``>``/``<``)."""
    q = t / g.step
    c, f = math.ceil(q), math.floor(q)
    ks = {Op.GE: [c, c - 1], Op.GT: [f, f + 1], Op.LE: [f, f + 1], Op.LT: [c, c - 1], Op.EQ: [c, c - 1, c + 1]}[op]
    return [k for k in ks if g.within(k)]


def flipping_exclusion(g: Grid, op: Op, t: Fraction, ks: Sequence[int]) -> Grid:
    """An excluded figure large enough that reading the gross denominator flips a verdict."""
    if g.measure.ratio is None or not g.measure.ratio.exclude:
        return g
    excluded = g.excluded
    while excluded <= g.net * 100:
        candidate = g.with_excluded(excluded)
        if any(op.holds(candidate.gross(k), t) != op.holds(candidate.value(k), t) for k in ks):
            return candidate
        excluded *= 2
    return g


def decimals_needed(value: Fraction, cap: int = 6) -> int:
    for d in range(cap + 1):
        if (value * 10**d).denominator == 1:
            return d
    return cap


def number_text(value: Fraction) -> str:
    """A figure as a unit writes it. Three decimals after a whole number would be ambiguous
    ("1,125": a decimal or a thousands group?), so such a figure gets a fourth."""
    d = decimals_needed(value)
    if d == 3 and value >= 1:
        d = 4
    return format_vi(value, d)


def figure_text(kind: MetricKind, value: Fraction, lang: Lang) -> str:
    if kind is MetricKind.YES_NO:
        return ("có" if value else "không") if lang == "vi" else ("yes" if value else "no")
    if kind is MetricKind.PERCENT:
        return number_text(value * 100) + "%"
    return number_text(value)


def _approx(value: Fraction, against: Fraction | None) -> str:
    """A value exactly when it has a short decimal form; else rounded, but never so far that it
    reads as the threshold it missed (0,98 a week, not 1)."""
    d = decimals_needed(value, 12)
    if (value * 10**d).denominator == 1:
        return format_vi(value, d)
    d = 2
    while against is not None and d < 12 and round(value, d) == round(against, d):
        d += 1
    return "≈ " + format_vi(value, d)


def value_label(measure: Measure, pack: Pack, value: Fraction, lang: Lang, against: Fraction | None = None) -> str:
    """What a value reads as on the measure's scale (for a scenario's case column), told apart
    from ``against``, the threshold it is compared with."""
    if measure.ratio is not None:
        per = measure.ratio.per
        scale = 100 if per == 1 else per
        text = _approx(value * scale, None if against is None else against * scale)
        return text + "%" if per == 1 else f"{text}/{per}"
    if measure.rate is not None:
        word = {"week": ("tuần", "week"), "month": ("tháng", "month")}[measure.rate.per]
        return f"{_approx(value, against)}/{word[0] if lang == 'vi' else word[1]}"
    metric_id = measure.flag if measure.flag is not None else measure.value
    assert metric_id is not None
    return figure_text(pack.metric(metric_id).kind if measure.flag is None else MetricKind.YES_NO, value, lang)


def relation(value: Fraction, t: Fraction, exact: bool, lang: Lang) -> str:
    """Where a case lies: at the threshold, one step below or above it (or just below or above,
    when the grid cannot reach the threshold itself)."""
    if value == t:
        return "tại ngưỡng" if lang == "vi" else "at the threshold"
    below = value < t
    if exact:
        if lang == "vi":
            return "một bước dưới ngưỡng" if below else "một bước trên ngưỡng"
        return "one step below" if below else "one step above"
    if lang == "vi":
        return "ngay dưới ngưỡng" if below else "ngay trên ngưỡng"
    return "just below" if below else "just above"
