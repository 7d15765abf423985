"""The cases of scaffolded scenarios, derived from a target's rule alone: the figures a unit
reports and the verdict the rule language says they must get.

For every shape: at the threshold and one smallest step on the other side (so that a wrong
comparison is caught), at the scope where one unit's figures decide the verdict; where the
registry makes it feasible (a table a reader can check), at the province or level scope too; and
with part of the figures missing. The expected verdicts are computed with the comparison of the
rule (``Op.holds``) on exact fractions, never taken from the engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from ..engine.verdicts import Status
from ..facts.model import Registry, Unit
from ..rules.model import Level, Measure, MetricKind, Op, Pack, Rollup, Target, Threshold
from .scaffold_gherkin import Block, Case, Check, Figure
from .scaffold_values import Grid, boundary, effective, flipping_exclusion, grid, relation, value_label

MAX_TABLE = 30  # figures in one scenario: more, and a reader can no longer check the table


@dataclass(frozen=True)
class Ctx:
    pack: Pack
    registry: Registry
    period: str


@dataclass(frozen=True)
class Probe:
    """One measure of a target (the target itself, one of its levels, or one part) and its comparison."""

    target: Target
    part: str
    measure: Measure
    levels: tuple[Level, ...]
    rollup: Rollup
    threshold: Threshold | None  # the scope's threshold; None for an increase over a baseline
    unit_threshold: Threshold | None
    province_only: bool  # the province's own figures: judged at the province scope only
    level: Level | None = None  # the level of a per-level target

    def scope_cmp(self) -> tuple[Op, Fraction]:
        assert self.threshold is not None
        return self.threshold.op, effective(self.measure, self.threshold)

    def unit_cmp(self) -> tuple[Op, Fraction]:
        """What one unit must reach: its own threshold for a share of units (có, for a flag)."""
        if self.rollup is Rollup.SHARE_OF_UNITS and not self.province_only:
            if self.unit_threshold is not None:
                return self.unit_threshold.op, effective(self.measure, self.unit_threshold)
            return Op.GE, Fraction(1)
        return self.scope_cmp()


@dataclass(frozen=True)
class Row:
    label: tuple[str, str]
    figures: tuple[Figure, ...]
    status: Status


def probes(t: Target) -> list[Probe]:
    if t.all_of is not None:
        return [Probe(t, p.id, p.measure, tuple(p.levels), p.rollup, p.threshold, p.unit_threshold,
                      p.levels == [Level.PROVINCE]) for p in t.all_of]
    assert t.measure is not None
    only = t.levels == [Level.PROVINCE]
    if t.thresholds_by_level is not None:
        return [Probe(t, "", t.measure, (lv,), t.rollup, t.thresholds_by_level[lv], t.unit_threshold, only, lv)
                for lv in t.levels]
    return [Probe(t, "", t.measure, tuple(t.levels), t.rollup, t.threshold, t.unit_threshold, only)]


def units_of(registry: Registry, levels: Sequence[Level]) -> list[Unit]:
    return [u for lv in levels for u in registry.at_level(lv)]


def figures(ctx: Ctx, unit: Unit, pairs: Sequence[tuple[str, Fraction]], period: str) -> tuple[Figure, ...]:
    return tuple(Figure(unit.id, m, v, ctx.pack.metric(m).kind, period) for m, v in pairs)


def _status(ok: bool) -> Status:
    return Status.MET if ok else Status.NOT_MET


def _label(p: Probe, ctx: Ctx, value: Fraction, t: Fraction, exact: bool) -> tuple[str, str]:
    if p.measure.flag is not None:  # a flag has no steps, only its two answers
        return (f"báo cáo {value_label(p.measure, ctx.pack, value, 'vi')}",
                f"reports {value_label(p.measure, ctx.pack, value, 'en')}")
    return (f"{relation(value, t, exact, 'vi')}: {value_label(p.measure, ctx.pack, value, 'vi', t)}",
            f"{relation(value, t, exact, 'en')}: {value_label(p.measure, ctx.pack, value, 'en', t)}")


def _exact(t: Fraction, g: Grid) -> bool:
    return (t / g.step).denominator == 1


def unit_rows(p: Probe, unit: Unit, ctx: Ctx) -> list[Row]:
    """One unit at the threshold its verdict is compared with, and one step across."""
    op, t = p.unit_cmp()
    g = grid(p.measure, ctx.pack, ctx.period, [t])
    ks = boundary(op, t, g)
    g = flipping_exclusion(g, op, t, ks)
    return [Row(_label(p, ctx, g.value(k), t, _exact(t, g)), figures(ctx, unit, g.figures(k), ctx.period),
                _status(op.holds(g.value(k), t))) for k in ks]


def feasible(p: Probe, ctx: Ctx) -> bool:
    """Whether every unit of the probe's levels fits in one scenario's table."""
    units = units_of(ctx.registry, p.levels)
    per_unit = len(p.measure.metric_ids())
    return len(units) >= 2 and len(units) * per_unit <= MAX_TABLE


def scope_rows(p: Probe, ctx: Ctx) -> list[Row]:
    """Every unit of the levels reports; the scope's value lands at its threshold and one step across."""
    units = units_of(ctx.registry, p.levels)
    n = len(units)
    op, t = p.scope_cmp()
    uop, ut = p.unit_cmp()
    g = grid(p.measure, ctx.pack, ctx.period, [t, ut])
    if p.rollup in (Rollup.SHARE_OF_UNITS, Rollup.EVERY_UNIT):
        uks = boundary(uop, ut, g)
        passing = [k for k in uks if uop.holds(g.value(k), ut)]
        failing = [k for k in uks if not uop.holds(g.value(k), ut)]
        if not passing or not failing:
            return []
        if p.rollup is Rollup.EVERY_UNIT:
            js, share_op, share_t = [n, n - 1], Op.GE, Fraction(1)
        else:
            share_grid = Grid(p.measure, Fraction(1, n), "", Fraction(1), 0, n)
            js, share_op, share_t = boundary(op, t, share_grid), op, t
        rows = []
        for j in js:
            figs = [f for i, u in enumerate(units)
                    for f in figures(ctx, u, g.figures(passing[0] if i < j else failing[0]), ctx.period)]
            rows.append(Row((f"{j}/{n} đơn vị đạt", f"{j}/{n} units pass"), tuple(figs),
                            _status(share_op.holds(Fraction(j, n), share_t))))
        return rows
    ks = boundary(op, t, g)
    g = flipping_exclusion(g, op, t, ks)
    rows = []
    for k in ks:
        value = ((n - 1) * g.value(ks[0]) + g.value(k)) / n  # pooled over equal denominators, or a mean
        figs = [f for i, u in enumerate(units)
                for f in figures(ctx, u, g.figures(k if i == n - 1 else ks[0]), ctx.period)]
        rows.append(Row(_label(p, ctx, value, t, _exact(t * n, g)), tuple(figs), _status(op.holds(value, t))))
    return rows


def scope_check(p: Probe, unit: Unit | None, status: Status) -> Check:
    """The verdict a probe's rows decide: the unit's own, or the province's for its own figures."""
    if p.province_only or unit is None:
        return Check("province", p.target.id, status=status)
    return Check("unit", p.target.id, unit.id, status)


def when_unknown(p: Probe, ctx: Ctx) -> Status:
    """The scope's verdict when no unit has reported: undecided, unless a share of units decides
    the same whatever the units say."""
    if p.rollup is not Rollup.SHARE_OF_UNITS or p.province_only:
        return Status.INSUFFICIENT_DATA
    op, t = p.scope_cmp()
    n = len(units_of(ctx.registry, p.levels))
    if op is Op.EQ:
        return Status.NOT_MET if n and (t * n).denominator != 1 else Status.INSUFFICIENT_DATA
    lo, hi = op.holds(Fraction(0), t), op.holds(Fraction(1), t)
    return _status(lo) if lo == hi else Status.INSUFFICIENT_DATA


def combine(statuses: Sequence[Status]) -> Status:
    """A per-level or compound target: met when every level or part is; any miss is a miss."""
    if Status.NOT_MET in statuses:
        return Status.NOT_MET
    if Status.INCONSISTENT_DATA in statuses:
        return Status.INCONSISTENT_DATA
    return Status.MET if all(s is Status.MET for s in statuses) else Status.INSUFFICIENT_DATA


def partial(p: Probe, ctx: Ctx, unit: Unit) -> tuple[Figure, ...]:
    """Some of the figures a measure needs (a ratio's denominator, without its numerator), or none."""
    if p.measure.ratio is None:
        return ()
    g = grid(p.measure, ctx.pack, ctx.period, [])
    return figures(ctx, unit, g.figures(g.middle())[:-1], ctx.period)


def no_data(name: tuple[str, str], ps: Sequence[Probe], ctx: Ctx, unit_check: bool = True) -> Block | None:
    """The first unit reports only part of what the first measure needs: no verdict for it, and it
    is listed as missing where the target is judged."""
    p = ps[0]
    units = units_of(ctx.registry, p.levels)
    if not units:
        return None
    unit, t = units[0], p.target.id
    checks = []
    if unit_check and not p.province_only:
        checks.append(Check("unit", t, unit.id, Status.INSUFFICIENT_DATA))
    checks += [Check("province", t, status=combine([when_unknown(q, ctx) for q in ps])),
               Check("missing", t, unit.id)]
    label = ("thiếu số liệu", "no data")
    return Block(name, (Case(label, partial(p, ctx, unit), tuple(checks)),))


def gap_amount(p: Probe, ctx: Ctx) -> Fraction | None:
    """What one step is worth in the plan's own units: one item of a count, or the value's step."""
    if p.measure.ratio is not None or p.measure.rate is not None:
        return Fraction(1)
    if p.measure.value is None:
        return None
    _op, t = p.scope_cmp()
    g = grid(p.measure, ctx.pack, ctx.period, [t])
    percent = ctx.pack.metric(p.measure.value).kind is MetricKind.PERCENT
    return g.step * 100 if percent else g.step  # a percent's gap is in percentage points


def increase_rows(p: Probe, ctx: Ctx, unit: Unit, baseline: str) -> list[Row]:
    """The baseline period at a middle value; now the same (not an increase) and one step more."""
    g = grid(p.measure, ctx.pack, ctx.period, [])
    kb = g.middle()
    base = g.value(kb)
    ks = [k for k in (kb, kb + 1) if g.within(k)]
    g = flipping_exclusion(g, Op.GT, base, ks)
    before = figures(ctx, unit, g.figures(kb, excluded=Fraction(0)), baseline)
    rows = []
    for k in ks:
        v = g.value(k)
        what = (value_label(p.measure, ctx.pack, v, "vi", base), value_label(p.measure, ctx.pack, v, "en", base))
        label = ((f"bằng kỳ {baseline}: {what[0]}", f"same as {baseline}: {what[1]}") if k == kb else
                 (f"hơn kỳ {baseline} một bước: {what[0]}", f"one step above {baseline}: {what[1]}"))
        rows.append(Row(label, before + figures(ctx, unit, g.figures(k), ctx.period), _status(v > base)))
    return rows
