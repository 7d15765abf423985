"""The aggregated engine: the province and level scopes of an audit decided from sums the
database computes (``engine.sql_facts``), without a verdict per unit.

For each target (or part) the database sums up each level's units for the audited period. Where
every unit of the spec's levels reported every figure, with usable values and nothing flagged,
those sums decide the scopes exactly as the per-unit engine would: the same numerator and
denominator (pooled, or the mean of the units' values), the same count of units meeting their
own threshold, the same coverage, and the same durable-rules fact, decided by the same compiled
rules with the ledger checked. Everything else is left to the per-unit engine (``engine.plan``),
target by target, on the ``FactSet`` of that target's metrics only:

- a level with a unit that did not report, a flagged figure, a zero or negative denominator or a
  share above its whole (bounds and reasons name units one by one);
- an increase over a baseline period, and a target measured on the province's own unit;
- a pack with consistency checks (their verdicts are per unit), or a figure too large for the
  database's 128-bit sums: the whole audit is per unit.

What this engine does not give: unit verdicts, and the list of every figure behind a scope's
verdict (``Verdict.facts`` stays empty; ``Evaluation.summed`` names the (period, metric, level)
whose values the sums used, and ``plancheck explain`` lists them one by one).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from fractions import Fraction
from typing import Any

from .. import progress
from ..diagnostics import Diagnostic
from ..facts.model import FactSet, Registry
from ..facts.table import FactTable
from ..rules.model import Level, Op, Pack, Rollup, Target, Threshold
from . import compile as rc
from .aggregate import Observation, observe_unit
from .durable import Session
from .evaluate import Evaluation, decide, evaluate, finish, needed_rules
from .nodes import Context, Node, cross
from .periods import baseline_period, is_before, previous_period
from .plan import (
    Spec,
    assemble,
    compare,
    effective,
    new_verdict,
    plan_target,
    province_scope,
    spec_verdict,
    target_specs,
)
from .sql_facts import FactDB, LevelFigures
from .unit_rollups import combine, counted
from .verdicts import Coverage, Scope, Verdict

__all__ = ["evaluate_table"]


def evaluate_table(pack: Pack, table: FactTable, registry: Registry, period: str | None = None,
                   rejected: Sequence[Diagnostic] = (), db: FactDB | None = None) -> Evaluation:
    """Evaluate ``pack`` on ``table`` at the province and level scopes. ``db``: the table already
    loaded into the database (an audit of several periods loads it once)."""
    period = period or pack.pack.period
    if pack.checks:
        return evaluate(pack, table.to_factset(), registry, period=period, rejected=rejected)
    own = db is None
    db = db or FactDB(table, registry)
    try:
        if not db.holds:
            return evaluate(pack, table.to_factset(), registry, period=period, rejected=rejected)
        ctx = Context(pack, FactSet(), registry, period)
        planner = _Planner(ctx, db, table)
        nodes: list[Node] = []
        per_unit: list[Target] = []
        with progress.task(f"Tính chỉ tiêu kỳ {period}", len(pack.targets)) as advance:
            for t in pack.targets:
                planned = planner.target(t)
                if planned is None:
                    per_unit.append(t)
                else:
                    nodes += planned
                advance(1)
        if per_unit:
            metrics = {m for t in per_unit for spec, _ in target_specs(t) for m in spec.measure.metric_ids()}
            sub = replace(ctx, facts=table.to_factset(table.rows_of(metrics)))
            for t in per_unit:
                nodes += plan_target(t, sub)
    finally:
        if own:
            db.close()
    with Session(needed_rules(pack, nodes), label=f"plancheck-{pack.pack.id}") as session:
        rounds = decide(session, nodes)
        ledger = session.ledger
    verdicts = [n.verdict for n in nodes]
    ledger.check_cited([v.engine_fact for v in verdicts])
    finish(nodes, pack)
    return Evaluation(verdicts, ledger, rounds, summed=planner.summed,
                      per_unit_targets=[t.id for t in per_unit if not t.manual])


class _Planner:
    def __init__(self, ctx: Context, db: FactDB, table: FactTable) -> None:
        self.ctx, self.db, self.table = ctx, db, table
        self.summed: set[tuple[str, str, str]] = set()  # (period, metric, level) the sums used
        self._observed_facts = FactSet()  # the values the observed specs read (``_facts``)
        self._loaded: set[tuple[str, str]] = set()  # their (metric, period)
        self._ids: dict[Level, list[str]] = {}

    def ids(self, levels: list[Level]) -> list[str]:
        out: list[str] = []
        for lv in levels:
            if lv not in self._ids:
                self._ids[lv] = [u.id for u in self.ctx.registry.at_level(lv)]
            out += self._ids[lv]
        return out

    def target(self, t: Target) -> list[Node] | None:
        """The nodes of a target decided from sums, or None when the per-unit engine must."""
        if t.manual:
            return plan_target(t, self.ctx)  # an inspector decides it: no figures
        nodes: list[Node] = []
        tops: list[Node] = []
        summed: set[tuple[str, str, str]] = set()
        for spec, title in target_specs(t):
            planned = self.spec(spec, title, summed)
            if planned is None:
                return None
            nodes += planned[0]
            tops.append(planned[1])
        if t.all_of is not None:
            nodes.append(combine(new_verdict(t, self.ctx, province_scope(self.ctx.registry), measure="compound"), tops))
        self.summed |= summed
        return nodes

    def spec(self, spec: Spec, title: tuple[str, str] | None,
             summed: set[tuple[str, str, str]]) -> tuple[list[Node], Node] | None:
        t = spec.target
        verdict = spec_verdict(spec, self.ctx, title)
        mean = spec.rollup is Rollup.MEAN or spec.measure.value is not None
        counts_units = spec.rollup in (Rollup.EVERY_UNIT, Rollup.SHARE_OF_UNITS)
        if spec.baseline is not None:
            return None if counts_units else self._observed(spec, verdict, summed)
        if spec.levels == [Level.PROVINCE]:  # the province's own unit: its value, whatever the roll-up
            figures = self.db.level_figures(spec.measure, self.ctx.period, spec.levels, [], mean)
            if not all(f.clean and f.units for f in figures):
                return self._observed(spec, verdict, summed)
            level_key, th = spec.threshold(Level.PROVINCE)
            v = verdict(province_scope(self.ctx.registry))
            fact = self._compare(v, figures, spec, th, (Level.PROVINCE.value,), mean)
            fact["key"] = rc.key(t.id, spec.part, level_key)
            v.contributing = self.ids(spec.levels)
            summed |= {(self.ctx.period, m, Level.PROVINCE.value) for m in spec.measure.metric_ids()}
            node = Node(v, build=lambda n: fact)
            return [node], node
        wanted = unit_thresholds(spec)
        figures = self.db.level_figures(spec.measure, self.ctx.period, spec.levels, wanted, mean and not counts_units)
        if not all(f.clean and f.units for f in figures):
            # a scope counting its units needs their own verdicts; a pooled or mean one, their figures
            return None if counts_units else self._observed(spec, verdict, summed)
        by_level = {f.level: f for f in figures}
        summed |= {(self.ctx.period, m, lv.value) for m in spec.measure.metric_ids() for lv in spec.levels}

        def scope_node(scope: Scope, levels: list[Level], level_key: str, th: Threshold) -> Node:
            level_figures = [by_level[lv] for lv in levels]
            names = tuple(lv.value for lv in levels)
            v = verdict(scope)
            if counts_units:
                every = spec.rollup is Rollup.EVERY_UNIT
                cth = rc.ALL_UNITS if every else th
                v.op, v.threshold, v.threshold_text = cth.op, cth.value, cth.text
                v.percent, v.measure = True, "units"
                n = sum(f.units for f in level_figures)
                met = sum(f.met[_key(unit_threshold(spec, f.level), spec)] for f in level_figures)
                fact = counted(v, met, n - met, [], 0, self.ids(levels), cth,
                               rc.key(t.id, spec.part, level_key, all_units=every), names)
            else:
                fact = self._compare(v, level_figures, spec, th, names, mean)
                fact["key"] = rc.key(t.id, spec.part, level_key)
                v.contributing = self.ids(levels)
            return Node(v, build=lambda n: fact)

        return assemble(spec, self.ctx, verdict, scope_node)

    def _observed(self, spec: Spec, verdict: Callable[[Scope], Verdict],
                  summed: set[tuple[str, str, str]]) -> tuple[list[Node], Node]:
        """A pooled or mean spec the sums cannot decide (a unit missing, a flagged figure, a baseline)
        decided as the per-unit engine decides its scopes: from each unit's observation of the
        spec's metrics (``aggregate.observe_unit``), with bounds for the missing units, but without a
        verdict per unit and without listing every figure (``summed`` names them)."""
        metrics = spec.measure.metric_ids()
        t, period = spec.target, self.ctx.period
        base = baseline_period(spec.baseline, period) if spec.baseline is not None else None
        # a baseline that is not before the period is not read (plan._baseline says why)
        periods = {period} | ({base} if base is not None and is_before(base, period) else set())
        # a missing unit's known denominator comes from the period or the one before (engine.bounds)
        ctx = replace(self.ctx, facts=self._facts(metrics, periods | {previous_period(period)}))
        summed |= {(p, m, lv.value) for p in periods for m in metrics for lv in spec.levels}
        observed: dict[Level, list[Observation]] = {
            lv: [observe_unit(spec.measure, u.id, period, ctx.facts, cite=False)
                 for u in self.ctx.registry.at_level(lv)]
            for lv in spec.levels}

        def cited(node: Node) -> Node:
            node.verdict.facts = []
            return node

        if spec.levels == [Level.PROVINCE]:
            level_key, th = spec.threshold(Level.PROVINCE)
            node = cited(compare(verdict(province_scope(ctx.registry)), observed[Level.PROVINCE], spec, ctx, th,
                                 rc.key(t.id, spec.part, level_key), ctx.registry.at_level(Level.PROVINCE)))
            return [node], node

        def scope_node(scope: Scope, levels: list[Level], level_key: str, th: Threshold) -> Node:
            units = [u for lv in levels for u in ctx.registry.at_level(lv)]
            return cited(compare(verdict(scope), [o for lv in levels for o in observed[lv]], spec, ctx, th,
                                 rc.key(t.id, spec.part, level_key), units, levels))

        return assemble(spec, ctx, verdict, scope_node)

    def _facts(self, metrics: list[str], periods: set[str]) -> FactSet:
        """One ``FactSet`` for every observed spec, holding the values of the metrics and periods
        asked for so far: each is built from the table once."""
        wanted = {(m, p) for m in metrics for p in periods} - self._loaded
        if wanted:
            rows = self.table.rows_of({m for m, _ in wanted}, {p for _, p in wanted})
            part = self.table.to_factset(i for i in rows if (self.table.metric[i], self.table.period[i]) in wanted)
            self._observed_facts.values.update(part.values)
            self._observed_facts.inconsistent.update(part.inconsistent)
            self._loaded |= wanted
        return self._observed_facts

    def _compare(self, v: Any, figures: list[LevelFigures], spec: Spec, th: Threshold,
                 levels: tuple[str, ...], mean: bool) -> dict[str, Any]:
        """What ``plan._compare`` makes of a scope whose units all reported usable figures."""
        n = sum(f.units for f in figures)
        if n == 1 and spec.measure.value is not None:
            num, den = sum((f.values or Fraction(0) for f in figures), Fraction(0)), Fraction(1)
        elif mean and n > 1:
            num, den = sum((f.values or Fraction(0) for f in figures), Fraction(0)), Fraction(n)
        else:  # pooled; one unit keeps its own counts
            num, den = Fraction(sum(f.x for f in figures)), Fraction(sum(f.y for f in figures))
        v.op, v.threshold, v.threshold_text = th.op, effective(spec.measure, th), th.text
        v.numerator, v.denominator = num, den
        v.value = num / den if den else None
        v.coverage = Coverage(n, n, levels)
        if v.value is None:
            return {"k": "insufficient"}
        lhs, rhs = cross(v.value, v.threshold)
        return {"k": "cmp", "lhs": lhs, "rhs": rhs}


def unit_threshold(spec: Spec, lv: Level) -> Threshold:
    """The threshold a unit of ``lv`` meets on its own value, for a scope that counts its units."""
    if spec.rollup is Rollup.SHARE_OF_UNITS:
        return spec.unit_threshold or rc.FLAG_SET
    return spec.threshold(lv)[1]


def unit_thresholds(spec: Spec) -> list[tuple[Op, Fraction]]:
    """The comparisons the database counts units on, for a spec that counts its units (else none)."""
    if spec.rollup not in (Rollup.EVERY_UNIT, Rollup.SHARE_OF_UNITS):
        return []
    return sorted({_key(unit_threshold(spec, lv), spec) for lv in spec.levels})


def _key(th: Threshold, spec: Spec) -> tuple[Op, Fraction]:
    return th.op, effective(spec.measure, th)
