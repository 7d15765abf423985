"""The gap of a verdict that is not met: what it would take to pass, in the plan's own units
("12 more information systems must be classified")."""

from __future__ import annotations

import math
from fractions import Fraction

from ..rules.model import Measure, Op, Pack, Rollup
from .verdicts import Gap, ScopeKind, Verdict


def gap(v: Verdict, measure: Measure | None, rollup: Rollup, pack: Pack) -> Gap | None:
    if v.op is None or v.threshold is None:
        return None
    if v.measure == "units":
        return _units_gap(v)
    if measure is None or v.numerator is None or not v.denominator:
        return None
    if rollup is Rollup.MEAN and v.scope.kind is not ScopeKind.UNIT and measure.ratio is not None:
        # a mean of the units' ratios: no count of things closes it, the mean must move
        value = v.numerator / v.denominator
        amount = (v.threshold - value) if v.op in (Op.GE, Op.GT) else (value - v.threshold)
        if v.op is Op.EQ:
            amount = v.threshold - value
        unit_vi, unit_en = ("điểm phần trăm", "percentage points") if v.percent else ("", "")
        return _gap(amount * 100 if v.percent else amount, unit_vi, unit_en, "trung bình tỷ lệ các đơn vị",
                    "mean of the units' ratios")
    if measure.ratio is not None:
        metric = pack.metric(measure.ratio.numerator)
        amount = needed(v.numerator, v.denominator, v.threshold, v.op, whole=True)
        return _gap(amount, metric.unit_vi or metric.name_vi, metric.unit_en or metric.name_en,
                    metric.name_vi, metric.name_en)
    if measure.rate is not None:
        metric = pack.metric(measure.rate.count)
        amount = needed(v.numerator, v.denominator, v.threshold, v.op, whole=True)
        return _gap(amount, metric.unit_vi or metric.name_vi, metric.unit_en or metric.name_en,
                    metric.name_vi, metric.name_en)
    # a reported value or a flag: the shortfall on the measure's own scale
    metric_id = measure.value or measure.flag
    assert metric_id is not None
    metric = pack.metric(metric_id)
    value = v.numerator / v.denominator
    amount = (v.threshold - value) if v.op in (Op.GE, Op.GT, Op.EQ) else (value - v.threshold)
    if v.percent:
        return _gap(amount * 100, "điểm phần trăm", "percentage points", metric.name_vi, metric.name_en)
    return _gap(amount, metric.unit_vi, metric.unit_en, metric.name_vi, metric.name_en)


def needed(num: Fraction, den: Fraction, th: Fraction, op: Op, whole: bool) -> Fraction:
    """How much the numerator must move, the denominator fixed, for ``num/den op th`` to hold:
    positive for more, negative for fewer."""
    bound = th * den
    if op is Op.EQ:
        if num < bound:
            return (Fraction(math.ceil(bound)) if whole else bound) - num
        return (Fraction(math.floor(bound)) if whole else bound) - num
    if op in (Op.GE, Op.GT):
        target = Fraction(math.ceil(bound)) if whole else bound
        if op is Op.GT and target == bound:
            target = bound + 1 if whole else bound
        return max(target - num, Fraction(0))
    target = Fraction(math.floor(bound)) if whole else bound
    if op is Op.LT and target == bound:
        target = bound - 1 if whole else bound
    return -max(num - target, Fraction(0))


def _units_gap(v: Verdict) -> Gap | None:
    if v.numerator is None or not v.denominator or v.op is None or v.threshold is None:
        return None
    amount = needed(v.numerator, v.denominator, v.threshold, v.op, whole=True)
    return _gap(amount, "đơn vị", "units", "đơn vị đạt", "units meeting it")


def _gap(amount: Fraction, unit_vi: str, unit_en: str, what_vi: str, what_en: str) -> Gap:
    direction = "more" if amount >= 0 else "fewer"
    return Gap(abs(amount), direction, unit_vi, unit_en, what_vi, what_en)
