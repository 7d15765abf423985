"""A plain-Python reference evaluator of plancheck's verdict semantics, written from the design
notes and independently of the engine: no durable-rules, no ``engine.plan`` / ``aggregate`` /
``compile`` / ``gap``. It reads only the rule schema, the fact model and the ``Status`` enum.

It covers single-threshold targets on ratio / flag / value / rate measures, the roll-ups pooled,
mean, every_unit and share_of_units, per-level thresholds, increase over a baseline (of the same
quarter or month when auditing one), compound (all_of) and manual targets, partial data (bounds
from known denominators), and audits of a year, a quarter or a month. The semantics, stated once:

- A unit lacking any metric a measure needs is *missing*: never zero, never a pass.
- A unit whose figure is flagged in ``FactSet.inconsistent`` (or whose excluded part exceeds its
  denominator) is *inconsistent*; a pooled or mean scope with such a unit is inconsistent, ahead of
  missing units.
- A zero denominator (a unit's own, its pooled sum, or any reporting unit's under a mean) makes a
  scope insufficient.
- A pooled or mean scope with missing units is judged on the interval of values the missing units
  could still produce (partial data): each missing unit's numerator lies between 0 and its *known
  denominator* (a plain share) or has no upper limit (a ratio per 100, a rate's count); a flag lies
  in [0, 1]; a reported value in [0, 1] if it is a percentage or yes/no, else [0, no limit]. A
  ratio's known denominator is the unit's own denominator net of exclusions in the audited period
  if it reported all of those figures, else in the period just before (2021 for 2022, 2022-Q2 for
  2022-Q3, 2022-06 for 2022-07); flagged or negative, it is not known. Pooled, the missing units add
  their known denominators; as a mean, each adds a value between 0 and its most (a mean of ratios
  needs a non-zero known denominator). The scope is met if the comparison holds over the whole
  interval, not met if it holds nowhere in it, else insufficient; it stays insufficient when no
  unit reported or some missing unit has no known denominator.
- Comparisons are exact (Fraction). A ratio with ``per: 100`` reads a threshold written without
  '%' per 100: ``>= 70`` is 70/100.
- every_unit / share_of_units scopes are decided from the units' own verdicts: met if every share
  the undecided units allow passes, not met if none does; otherwise inconsistent if a unit is
  inconsistent, else insufficient. (For the monotone comparisons this is the test at the bounds
  lo = met/n and hi = (met + undecided)/n.)
- A per-level or compound target, at province scope: any not met → not met; else any inconsistent
  → inconsistent; else anything not met → insufficient; else met.
- increase_over: the value must exceed the same scope's value in the baseline period; a baseline
  that is missing (even partly) or has a zero denominator → insufficient; a baseline with flagged
  figures → inconsistent. The baseline of a year written ``increase_over: "2021"`` is 2021 for a
  year, the same quarter of 2021 for a quarter, the same month for a month; a baseline written as
  a quarter or month is that period. A baseline that does not end before the audited period
  starts → insufficient.
- Consistency checks (``reference_checks.py``) are decided first; the targets are decided on the
  facts with every figure of a failed check flagged.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from plancheck.engine.verdicts import Status
from plancheck.facts.model import FactSet, Registry
from plancheck.rules.model import Level, Measure, MetricKind, Pack, Rollup, Target, Threshold

Key = tuple[str, str, str, str]  # target, part, scope kind ("province" | "level" | "unit"), scope id

_COMPARE: dict[str, Callable[[Fraction, Fraction], bool]] = {
    ">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt, "=": operator.eq,
}


@dataclass(frozen=True)
class RefVerdict:
    status: Status
    value: Fraction | None = None  # given for met / not met (and a decided share of units)


@dataclass(frozen=True)
class _Figures:
    """One unit's (or a scope's) figures for one measure. With units missing, ``interval`` is the
    range the value can still take ((lo, None): no upper limit), if the data bounds it."""

    missing: bool = False
    inconsistent: bool = False
    value: Fraction | None = None  # None: missing, or a zero denominator
    interval: tuple[Fraction, Fraction | None] | None = None


def holds(op: str, left: Fraction, right: Fraction) -> bool:
    return _COMPARE[op](left, right)


def _days(period: str) -> int:
    year, _, rest = period.partition("-")
    y = int(year)
    if not rest:
        return (date(y + 1, 1, 1) - date(y, 1, 1)).days
    if rest.startswith("Q"):
        q = int(rest[1:])
        first = date(y, 3 * q - 2, 1)
        after = date(y + 1, 1, 1) if q == 4 else date(y, 3 * q + 1, 1)
        return (after - first).days
    m = int(rest)
    return ((date(y + 1, 1, 1) if m == 12 else date(y, m + 1, 1)) - date(y, m, 1)).days


def _weeks(period: str) -> Fraction:
    """Whole weeks in a period: a year has 52 (its 365th day does not make a 53rd week), a quarter
    13, a month 4. (An earlier statement of the semantics had 365/7 weeks in a year; the engine and
    this reference follow the whole-week reading: "one a week" over 2022 asks for 52.)"""
    return Fraction(_days(period) // 7)


def _months(period: str) -> Fraction:
    """Calendar months in a period: a year is 12, a quarter 3, a month 1."""
    _, _, rest = period.partition("-")
    return Fraction(12 if not rest else 3 if rest.startswith("Q") else 1)


def _span(period: str) -> tuple[date, date]:
    """First day, and first day after, of a period."""
    year, _, rest = period.partition("-")
    y = int(year)
    if not rest:
        return date(y, 1, 1), date(y + 1, 1, 1)
    first_month = 3 * int(rest[1:]) - 2 if rest.startswith("Q") else int(rest)
    months = 3 if rest.startswith("Q") else 1
    after_month = first_month + months
    after = date(y + 1, 1, 1) if after_month > 12 else date(y, after_month, 1)
    return date(y, first_month, 1), after


def previous_period(period: str) -> str:
    """The period just before, of the same kind."""
    year, _, rest = period.partition("-")
    y = int(year)
    if not rest:
        return str(y - 1)
    if rest.startswith("Q"):
        q = int(rest[1:])
        return f"{y - 1}-Q4" if q == 1 else f"{y}-Q{q - 1}"
    m = int(rest)
    return f"{y - 1}-12" if m == 1 else f"{y}-{m - 1:02d}"


def baseline_of(increase_over: str, period: str) -> str:
    """The period an increase is measured against: a year's same quarter or month."""
    if "-" in increase_over:
        return increase_over
    _, dash, rest = period.partition("-")
    return increase_over + dash + rest


def _known_denominator(measure: Measure, unit: str, period: str, facts: FactSet) -> Fraction | None:
    """A ratio's denominator, net of exclusions, from the audited period's figures, else the previous one's."""
    assert measure.ratio is not None
    for p in (period, previous_period(period)):
        keys = [(unit, p, m) for m in [measure.ratio.denominator, *measure.ratio.exclude]]
        if any(k not in facts.values for k in keys):
            continue
        if any(k in facts.inconsistent for k in keys):
            return None
        net = facts.values[keys[0]].value - sum((facts.values[k].value for k in keys[1:]), Fraction(0))
        return net if net >= 0 else None
    return None


def _room(measure: Measure, unit: str, period: str, facts: FactSet,
          value_top: Fraction | None) -> tuple[Fraction, Fraction | None] | None:
    """A missing unit's (denominator, largest numerator) — None if its denominator is not known;
    a largest numerator of None has no limit."""
    if measure.flag is not None:
        return Fraction(1), Fraction(1)
    if measure.value is not None:
        return Fraction(1), value_top
    if measure.rate is not None:
        return (_weeks(period) if measure.rate.per == "week" else _months(period)), None
    den = _known_denominator(measure, unit, period, facts)
    if den is None:
        return None
    assert measure.ratio is not None
    return den, (den if measure.ratio.per == 1 else None)


def _unit_parts(measure: Measure, unit: str, period: str, facts: FactSet) -> tuple[bool, bool, Fraction, Fraction]:
    """(missing, inconsistent, numerator, denominator) of one unit."""
    needed = measure.metric_ids()
    got = {}
    for m in needed:
        mv = facts.values.get((unit, period, m))
        if mv is None:
            return True, False, Fraction(0), Fraction(0)
        got[m] = mv.value
    flagged = any((unit, period, m) in facts.inconsistent for m in needed)
    if measure.ratio is not None:
        den = got[measure.ratio.denominator] - sum((got[e] for e in measure.ratio.exclude), Fraction(0))
        num = got[measure.ratio.numerator]
        impossible = den < 0 or (measure.ratio.per == 1 and num > den)  # a share above its whole
        return False, flagged or impossible, num, den
    if measure.rate is not None:
        spans = _weeks(period) if measure.rate.per == "week" else _months(period)
        return False, flagged, got[measure.rate.count], spans
    metric = measure.flag if measure.flag is not None else measure.value
    assert metric is not None
    return False, flagged, got[metric], Fraction(1)


def figures(measure: Measure, rollup: Rollup, units: Sequence[str], period: str, facts: FactSet,
            value_top: Fraction | None = None) -> _Figures:
    """A scope's figures: pooled (Σ numerators / Σ denominators) or the mean of the units' values;
    with units missing, the interval the value can still take (``value_top``: the most a reported
    value can be, for a ``value`` measure)."""
    if not units:
        return _Figures(missing=True)
    parts = {u: _unit_parts(measure, u, period, facts) for u in units}
    absent = [u for u, p in parts.items() if p[0]]
    present = [p for p in parts.values() if not p[0]]
    inconsistent = any(p[1] for p in present)
    mean = rollup is Rollup.MEAN or measure.value is not None
    if absent:
        return _Figures(missing=True, inconsistent=inconsistent,
                        interval=_interval(measure, mean, len(units), present, absent, period, facts, value_top))
    if mean:
        if any(p[3] == 0 for p in present):
            return _Figures(inconsistent=inconsistent)
        value = sum((p[2] / p[3] for p in present), Fraction(0)) / len(present)
    else:
        den = sum((p[3] for p in present), Fraction(0))
        if den == 0:
            return _Figures(inconsistent=inconsistent)
        value = sum((p[2] for p in present), Fraction(0)) / den
    return _Figures(inconsistent=inconsistent, value=value)


def _interval(measure: Measure, mean: bool, n: int, present: list[tuple[bool, bool, Fraction, Fraction]],
              absent: list[str], period: str, facts: FactSet,
              value_top: Fraction | None) -> tuple[Fraction, Fraction | None] | None:
    if not present:
        return None
    rooms = [_room(measure, u, period, facts, value_top) for u in absent]
    known = [r for r in rooms if r is not None]
    if len(known) < len(rooms):
        return None
    if mean:
        if any(p[3] == 0 for p in present) or any(d == 0 for d, _ in known):
            return None
        base = sum((p[2] / p[3] for p in present), Fraction(0))
        tops = [top / d for d, top in known if top is not None]
        return base / n, ((base + sum(tops, Fraction(0))) / n if len(tops) == len(known) else None)
    den = sum((p[3] for p in present), Fraction(0)) + sum((d for d, _ in known), Fraction(0))
    if den == 0:
        return None
    num = sum((p[2] for p in present), Fraction(0))
    tops = [top for _, top in known if top is not None]
    return num / den, ((num + sum(tops, Fraction(0))) / den if len(tops) == len(known) else None)


def _holds_at(op: str, left: Fraction | None, right: Fraction) -> bool:
    """The comparison at one end of an interval; None is an end above every threshold."""
    if left is None:
        return op in (">=", ">")
    return holds(op, left, right)


def on_scale(measure: Measure, th: Threshold) -> Fraction:
    """A threshold on the measure's scale: a bare number on a per-100 ratio is per 100."""
    if measure.ratio is not None and measure.ratio.per != 1 and "%" not in th.text:
        return Fraction(th.value) / measure.ratio.per
    return Fraction(th.value)


def judge(cur: _Figures, op: str, threshold: Fraction | None, base: _Figures | None = None) -> RefVerdict:
    """Compare a scope's figures with a threshold, or (``base`` given) with its baseline value."""
    if cur.inconsistent or (base is not None and base.inconsistent):  # a flagged figure is said first
        return RefVerdict(Status.INCONSISTENT_DATA)
    if base is not None and (base.missing or base.value is None):
        return RefVerdict(Status.INSUFFICIENT_DATA)
    right = base.value if base is not None else threshold
    if cur.missing and cur.interval is not None and right is not None:
        lo, hi = cur.interval
        ends = [_holds_at(op, lo, right), _holds_at(op, hi, right)]
        if all(ends):
            return RefVerdict(Status.MET)
        inside = lo <= right and (hi is None or right <= hi)
        if not any(ends) and (op != "=" or not inside):
            return RefVerdict(Status.NOT_MET)
        return RefVerdict(Status.INSUFFICIENT_DATA)
    if cur.missing or cur.value is None:
        return RefVerdict(Status.INSUFFICIENT_DATA)
    assert right is not None
    return RefVerdict(Status.MET if holds(op, cur.value, right) else Status.NOT_MET, cur.value)


def count_units(statuses: Sequence[Status], op: str, threshold: Fraction) -> RefVerdict:
    """A scope decided from its units' verdicts: the share of units that met it."""
    n = len(statuses)
    if n == 0:
        return RefVerdict(Status.INSUFFICIENT_DATA)
    met = statuses.count(Status.MET)
    inconsistent = statuses.count(Status.INCONSISTENT_DATA)
    undecided = sum(s not in (Status.MET, Status.NOT_MET) for s in statuses)
    possible = [holds(op, Fraction(met + j, n), threshold) for j in range(undecided + 1)]
    value = Fraction(met, n) if undecided == 0 else None
    if all(possible):
        return RefVerdict(Status.MET, value)
    if not any(possible):
        return RefVerdict(Status.NOT_MET, value)
    return RefVerdict(Status.INCONSISTENT_DATA if inconsistent else Status.INSUFFICIENT_DATA)


def combine(statuses: Sequence[Status]) -> RefVerdict:
    if Status.NOT_MET in statuses:
        return RefVerdict(Status.NOT_MET)
    if Status.INCONSISTENT_DATA in statuses:
        return RefVerdict(Status.INCONSISTENT_DATA)
    if any(s is not Status.MET for s in statuses):
        return RefVerdict(Status.INSUFFICIENT_DATA)
    return RefVerdict(Status.MET)


@dataclass(frozen=True)
class _Ctx:
    pack: Pack
    facts: FactSet
    registry: Registry
    period: str
    province: str


def _spec(ctx: _Ctx, out: dict[Key, RefVerdict], target: str, part: str, measure: Measure,
          levels: list[Level], rollup: Rollup, thresholds: dict[Level | None, Threshold],
          unit_threshold: Threshold | None, baseline: str | None) -> RefVerdict:
    """Decide one target (or part) at every scope; return its province verdict."""
    per_level = None not in thresholds
    increase = baseline is not None

    def threshold_for(level: Level | None) -> Threshold:
        return thresholds[None] if not per_level else thresholds[level]  # type: ignore[index]

    value_top = None
    if measure.value is not None and ctx.pack.metric(measure.value).kind in (MetricKind.PERCENT, MetricKind.YES_NO):
        value_top = Fraction(1)

    def decide(units: list[str], th: Threshold, r: Rollup) -> RefVerdict:
        cur = figures(measure, r, units, ctx.period, ctx.facts, value_top)
        if increase:
            assert baseline is not None
            before = baseline_of(baseline, ctx.period)
            if _span(before)[1] > _span(ctx.period)[0]:  # no earlier period to rise above
                return judge(cur, ">", None, _Figures(missing=True))
            return judge(cur, ">", None, figures(measure, r, units, before, ctx.facts, value_top))
        return judge(cur, th.op.value, on_scale(measure, th))

    if levels == [Level.PROVINCE]:
        units = [u.id for u in ctx.registry.at_level(Level.PROVINCE)]
        v = decide(units, threshold_for(Level.PROVINCE), rollup)
        out[(target, part, "province", ctx.province)] = v
        return v

    unit_status: dict[str, Status] = {}
    for lv in levels:
        th = threshold_for(lv)
        uth = (unit_threshold or Threshold(op=">=", value=1, text=">= 1")) if rollup is Rollup.SHARE_OF_UNITS else th
        for u in ctx.registry.at_level(lv):
            v = decide([u.id], uth, Rollup.POOLED)
            out[(target, part, "unit", u.id)] = v
            unit_status[u.id] = v.status

    def scope(lvs: list[Level], th: Threshold) -> RefVerdict:
        units = [u.id for lv in lvs for u in ctx.registry.at_level(lv)]
        if rollup is Rollup.EVERY_UNIT:
            return count_units([unit_status[u] for u in units], ">=", Fraction(1))
        if rollup is Rollup.SHARE_OF_UNITS:
            return count_units([unit_status[u] for u in units], th.op.value, Fraction(th.value))
        return decide(units, th, rollup)

    level_verdicts = []
    if not part:  # every level of a target has its verdict; a part's levels show within its target
        for lv in levels:
            v = scope([lv], threshold_for(lv))
            out[(target, part, "level", lv.value)] = v
            level_verdicts.append(v)
    top = combine([v.status for v in level_verdicts]) if per_level else scope(levels, threshold_for(None))
    out[(target, part, "province", ctx.province)] = top
    return top


def _target(ctx: _Ctx, t: Target, out: dict[Key, RefVerdict]) -> None:
    if t.manual:
        out[(t.id, "", "province", ctx.province)] = RefVerdict(Status.MANUAL)
        return
    if t.all_of is not None:
        tops = [_spec(ctx, out, t.id, p.id, p.measure, list(p.levels), p.rollup, {None: p.threshold},
                      p.unit_threshold, None) for p in t.all_of]
        out[(t.id, "", "province", ctx.province)] = combine([v.status for v in tops])
        return
    assert t.measure is not None
    thresholds: dict[Level | None, Threshold]
    if t.thresholds_by_level is not None:
        thresholds = dict(t.thresholds_by_level)  # type: ignore[arg-type]
    elif t.threshold is not None:
        thresholds = {None: t.threshold}
    else:
        thresholds = {None: Threshold(op=">", value=0, text=f"> {t.increase_over}")}
    _spec(ctx, out, t.id, "", t.measure, list(t.levels), t.rollup, thresholds, t.unit_threshold, t.increase_over)


def reference_evaluate(pack: Pack, facts: FactSet, registry: Registry,
                       period: str | None = None) -> dict[Key, RefVerdict]:
    """Every verdict the semantics call for, by (target, part, scope kind, scope id)."""
    from reference_checks import reference_checks

    provinces = registry.at_level(Level.PROVINCE)
    province = provinces[0].id if provinces else registry.name
    period = period or pack.pack.period
    checks, flagged = reference_checks(list(pack.checks), facts, registry, period, province)
    ctx = _Ctx(pack, flagged, registry, period, province)
    out: dict[Key, RefVerdict] = {k: RefVerdict(s) for k, s in checks.items()}
    for t in pack.targets:
        _target(ctx, t, out)
    return out
