"""Decide only what the data decides: the lowest and highest value a pooled or mean scope can take
when some of its units have not reported.

Each unit that has not reported every figure the measure needs may still add to the scope, from a
worst case to a best case, and the scope's value lies between what the two make of it:

- a ratio: the unit's numerator from 0 to all of its **known denominator** (per 1, a share cannot
  pass its whole; a ratio per 100, such as subscriptions per 100 inhabitants, has no upper limit).
  The denominator is known from the unit's own figures of the audited period when it reported the
  denominator (net of exclusions) but not the numerator, or else from its figures of the period
  before (``engine.periods.previous_period``). A flagged figure, or exclusions above their whole,
  make no known denominator.
- a flag: 0 or 1 (*không* or *có*); a reported value: 0 to 1 for a percentage or yes/no figure, with
  no upper limit for any other number;
- a rate: its count from 0 up, with no upper limit, over the period's own weeks or months.

Pooled, the missing units add their known denominators to the scope's and 0 (worst) or their most
(best) to its numerator; as a mean, each missing unit's value is 0 or its most. A scope is bounded
only if at least one of its units reported and every missing unit has a known denominator (as a
mean of ratios, a non-zero one: a zero denominator has no ratio to average). Otherwise it stays
insufficient data, unbounded, and says which units lack a known denominator.

``engine.plan`` posts the bounds to durable-rules as a ``bounds`` fact (``engine.compile``): met
when even the lowest value (for ``>=``; the highest for ``<=``) passes, not met when even the most
favourable one fails, otherwise insufficient data with both bounds shown.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from ..facts.model import FactSet, period_count
from ..facts.numbers import format_en, format_vi
from ..rules.model import Measure, Op, Rollup
from .aggregate import Observation
from .nodes import cross
from .periods import previous_period
from .verdicts import Status

Reason = tuple[str, str]


@dataclass(frozen=True)
class Extent:
    """What one unit that has not reported may still add: its known denominator (None: not known)
    and the most its numerator can be (None: no upper limit). ``source`` is the period whose
    figures gave the denominator, or "" when the measure fixes it (a flag, a value, a rate)."""

    unit: str
    denominator: Fraction | None
    cap: Fraction | None
    source: str = ""


@dataclass(frozen=True)
class Bounds:
    """The range of a scope's value. ``low`` and ``high`` are the (numerator, denominator) at each
    end (for a mean: the sum of the units' values and their number); ``hi``/``high`` None: no upper
    limit."""

    lo: Fraction
    hi: Fraction | None
    low: tuple[Fraction, Fraction]
    high: tuple[Fraction, Fraction] | None
    reported: int
    extents: tuple[Extent, ...]
    mean: bool

    def best(self, op: Op, threshold: Fraction) -> tuple[Fraction, Fraction] | None:
        """The figures at the end of the range nearest to passing (what a gap is measured from)."""
        if op in (Op.LE, Op.LT) or (op is Op.EQ and threshold < self.lo):
            return self.low
        return self.high


def extent(measure: Measure, unit: str, period: str, facts: FactSet, value_cap: Fraction | None) -> Extent:
    """What a unit that has not reported every figure of ``measure`` for ``period`` may add."""
    if measure.flag is not None:
        return Extent(unit, Fraction(1), Fraction(1))
    if measure.value is not None:
        return Extent(unit, Fraction(1), value_cap)
    if measure.rate is not None:
        return Extent(unit, Fraction(period_count(period, measure.rate.per)), None)
    r = measure.ratio
    assert r is not None
    for source in (period, previous_period(period)):
        figures = [facts.get(unit, source, m) for m in (r.denominator, *r.exclude)]
        present = [f for f in figures if f is not None]
        if len(present) < len(figures):
            continue
        if any(f.key in facts.inconsistent for f in present):
            break  # a flagged figure is no known denominator
        net = present[0].value - sum((f.value for f in present[1:]), Fraction(0))
        if net < 0:
            break
        return Extent(unit, net, net if r.per == 1 else None, source)
    return Extent(unit, None, None)


def scope_bounds(measure: Measure, rollup: Rollup, observations: Sequence[Observation], period: str,
                 facts: FactSet, value_cap: Fraction | None) -> tuple[Bounds | None, list[Reason]]:
    """The bounds of a scope with missing units (``observations``: one per unit), or None and why not."""
    reported = [o for o in observations if o.contributing]
    absent = [u for o in observations for u in o.missing]
    if not absent or len(observations) == 1:  # one unit: only its own figures decide
        return None, []
    if not reported:
        return None, [("chưa đơn vị nào báo cáo đủ số liệu: không giới hạn được giá trị",
                       "no unit has reported every figure: the value cannot be bounded")]
    mean = rollup is Rollup.MEAN or measure.value is not None
    extents = tuple(extent(measure, u, period, facts, value_cap) for u in absent)
    unknown = [e.unit for e in extents
               if e.denominator is None or (mean and measure.ratio is not None and e.denominator == 0)]
    if unknown:
        vi, en = _names(unknown)
        return None, [(f"không biết mẫu số của {len(unknown)} đơn vị chưa báo cáo ({vi}): mẫu số không được báo cáo "
                       f"đủ cho kỳ {period} hay kỳ {previous_period(period)}, nên không giới hạn được giá trị",
                       f"no known denominator for {len(unknown)} missing unit(s) ({en}): its figures are reported in "
                       f"full neither for {period} nor for {previous_period(period)}, so the value cannot be bounded")]
    caps = [e.cap for e in extents]
    if mean:
        if any(o.value is None for o in reported):
            return None, []  # a zero denominator: no mean (said by the pooling)
        total = sum((o.value for o in reported if o.value is not None), Fraction(0))
        count = Fraction(len(observations))
        most = [c / e.denominator for c, e in zip(caps, extents, strict=True)
                if c is not None and e.denominator is not None]
        low, high = (total, count), (total + sum(most, Fraction(0)), count) if len(most) == len(caps) else None
    else:
        num = sum((o.numerator or Fraction(0) for o in reported), Fraction(0))
        den = sum((o.denominator or Fraction(0) for o in reported), Fraction(0))
        den += sum((e.denominator or Fraction(0) for e in extents), Fraction(0))
        if den == 0:
            return None, [("tổng mẫu số bằng 0, không tính được tỷ lệ",
                           "the pooled denominator is zero, no ratio can be computed")]
        known_caps = [c for c in caps if c is not None]
        low = (num, den)
        high = (num + sum(known_caps, Fraction(0)), den) if len(known_caps) == len(caps) else None
    b = Bounds(low[0] / low[1], high[0] / high[1] if high else None, low, high, len(reported), extents, mean)
    return b, [_method(b, measure, len(observations), _scale(measure, value_cap))]


def bounds_fact(b: Bounds, threshold: Fraction) -> dict[str, Any]:
    """The ``bounds`` fact durable-rules decides: each end against the threshold, cross-multiplied;
    no upper limit posts as a value above any threshold."""
    lo_l, lo_r = cross(b.lo, threshold)
    hi_l, hi_r = cross(b.hi, threshold) if b.hi is not None else (1, 0)
    return {"k": "bounds", "lo_l": lo_l, "lo_r": lo_r, "hi_l": hi_l, "hi_r": hi_r, "n_inc": 0}


def conclusion(status: Status, b: Bounds, op: Op) -> Reason:
    """What the bounds decided, in words."""
    worst, best = ("cao nhất", "thấp nhất") if op in (Op.LE, Op.LT) else ("thấp nhất", "cao nhất")
    worst_en, best_en = ("highest", "lowest") if op in (Op.LE, Op.LT) else ("lowest", "highest")
    if status is Status.MET:
        return (f"đạt dù các đơn vị chưa báo cáo có số liệu thế nào (cả ở giá trị {worst})",
                f"met whatever the missing units report (even at the {worst_en} value)")
    if status is Status.NOT_MET:
        return (f"không đạt dù các đơn vị chưa báo cáo có số liệu thế nào (cả ở giá trị {best}; khoảng cách "
                f"tính ở giá trị đó)",
                f"not met whatever the missing units report (even at the {best_en} value; the gap is counted "
                f"from it)")
    return ("số liệu hiện có chưa đủ để kết luận: kết quả tùy vào các đơn vị chưa báo cáo",
            "the figures so far do not decide it: it depends on the units that have not reported")


def _method(b: Bounds, measure: Measure, expected: int, scale: str) -> Reason:
    """How the bounds were made, with the range they give."""
    missing = len(b.extents)
    head_vi, head_en = f"{b.reported}/{expected} đơn vị đã báo cáo", f"{b.reported}/{expected} units reported"
    if b.mean:
        vi = (f"{missing} đơn vị chưa báo cáo được tính vào trung bình từ 0 (xấu nhất) đến mức cao nhất có thể "
              "(tốt nhất)")
        en = (f"the {missing} missing unit(s) count in the mean from 0 (worst case) to their highest possible value "
              "(best case)")
    elif measure.flag is not None:
        vi = f"{missing} đơn vị chưa báo cáo được tính là «không» (xấu nhất) và «có» (tốt nhất)"
        en = f"the {missing} missing unit(s) count as «no» (worst case) and «yes» (best case)"
    elif measure.rate is not None:
        weeks = "tuần" if measure.rate.per == "week" else "tháng"
        vi = (f"{missing} đơn vị chưa báo cáo được tính trên số {weeks} của kỳ, với số lượng từ 0 (xấu nhất) trở lên, "
              "không giới hạn trên (tốt nhất)")
        en = (f"the {missing} missing unit(s) count over the period's {measure.rate.per}s with a count from 0 "
              "(worst case) upwards, with no upper limit (best case)")
    else:
        most_vi, most_en = ("đến toàn bộ mẫu số", "to all of it") if b.hi is not None else (
            "trở lên, không giới hạn trên", "upwards, with no upper limit")
        vi = f"{missing} đơn vị chưa báo cáo được tính với mẫu số đã biết, tử số từ 0 (xấu nhất) {most_vi} (tốt nhất)"
        en = (f"the {missing} missing unit(s) count with their known denominators and a numerator from 0 "
              f"(worst case) {most_en} (best case)")
    counts: dict[str, int] = {}
    for e in b.extents:
        if e.source:
            counts[e.source] = counts.get(e.source, 0) + 1
    if counts:
        vi += " (mẫu số đã biết lấy từ " + "; ".join(f"kỳ {s}: {n} đơn vị" for s, n in sorted(counts.items())) + ")"
        en += " (known denominators from " + "; ".join(f"{s}: {n} unit(s)" for s, n in sorted(counts.items())) + ")"
    lo_vi, lo_en = _show(b.lo, scale, "vi", up=False), _show(b.lo, scale, "en", up=False)
    if b.hi is None:
        return (f"{head_vi}; {vi}: giá trị từ {lo_vi} trở lên", f"{head_en}; {en}: the value is at least {lo_en}")
    return (f"{head_vi}; {vi}: giá trị trong khoảng {lo_vi} – {_show(b.hi, scale, 'vi', up=True)}",
            f"{head_en}; {en}: the value lies between {lo_en} and {_show(b.hi, scale, 'en', up=True)}")


def _names(units: list[str], most: int = 5) -> tuple[str, str]:
    shown = ", ".join(units[:most])
    if len(units) <= most:
        return shown, shown
    return f"{shown} và {len(units) - most} đơn vị khác", f"{shown} and {len(units) - most} more"


def _scale(measure: Measure, value_cap: Fraction | None) -> str:
    """How the value reads: a share in %, a ratio per 100, a plain number (a rate, a published figure)."""
    if measure.ratio is not None:
        return "%" if measure.ratio.per == 1 else f"/{measure.ratio.per}"
    if measure.flag is not None or (measure.value is not None and value_cap is not None):
        return "%"
    return ""


def _show(value: Fraction, scale: str, lang: str, up: bool) -> str:
    """Two decimals, the lower bound rounded down and the upper one up: never narrower than it is."""
    factor = 100 if scale == "%" else int(scale[1:]) if scale.startswith("/") else 1
    cents = value * factor * 100
    rounded = Fraction(math.ceil(cents) if up else math.floor(cents), 100)
    text = format_vi(rounded, 2) if lang == "vi" else format_en(rounded, 2)
    return text + scale
