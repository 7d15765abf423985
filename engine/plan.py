"""Plan an evaluation: one node per verdict to decide (a target or part, at a scope), with the
durable-rules fact that decides it and the nodes it depends on.

Units are decided first; a scope that counts units (every_unit, share_of_units) is then decided
from the units' own decisions (``engine.unit_rollups``); a per-level or compound target from its
levels or parts. A pooled or mean scope compares its value with the threshold or, with units
missing, the bounds its data allows (``engine.bounds``); an increase compares with the same kind
of period of its baseline (``engine.periods.baseline_period``). Every scope's verdict says how many
of its units reported (``coverage``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from ..facts.model import Registry, Unit
from ..rules.model import LEVEL_LABELS, Level, Measure, MetricKind, Op, Pack, Rollup, Target, Threshold
from . import compile as rc
from .aggregate import Observation, observe_unit, pool
from .bounds import Bounds, bounds_fact, scope_bounds
from .nodes import Context as Context
from .nodes import Node as Node
from .nodes import cross as cross
from .periods import baseline_period, is_before
from .unit_rollups import combine, count_units
from .verdicts import Coverage, Scope, ScopeKind, Status, Verdict


def plan(ctx: Context) -> list[Node]:
    nodes: list[Node] = []
    for t in ctx.pack.targets:
        nodes += plan_target(t, ctx)
    return nodes


def new_verdict(t: Target, ctx: Context, scope: Scope, part: str = "", measure: str = "") -> Verdict:
    fid = f"{ctx.period}|{t.id}|{part}|{scope.kind.value}:{scope.id}"
    return Verdict(target=t.id, part=part, title_vi=t.title_vi, title_en=t.title_en, area=t.area,
                   clause=t.clause, period=ctx.period, scope=scope, status=Status.INSUFFICIENT_DATA,
                   engine_fact=fid, measure=measure or t.shape)


def province_scope(registry: Registry) -> Scope:
    units = registry.at_level(Level.PROVINCE)
    if units:
        return Scope(ScopeKind.PROVINCE, units[0].id, units[0].name_vi, units[0].name_en or units[0].name_vi)
    return Scope(ScopeKind.PROVINCE, registry.name, registry.name, registry.name)


def level_scope(level: Level) -> Scope:
    vi, en = LEVEL_LABELS[level]
    return Scope(ScopeKind.LEVEL, level.value, vi, en)


def unit_scope(u: Unit) -> Scope:
    return Scope(ScopeKind.UNIT, u.id, u.name_vi, u.name_en or u.name_vi)


def plan_target(t: Target, ctx: Context) -> list[Node]:
    province = province_scope(ctx.registry)
    if t.manual:
        node = Node(new_verdict(t, ctx, province), build=lambda n: {"k": "manual", "key": "*"})
        node.verdict.reasons.append(("chỉ tiêu định tính: thanh tra viên đánh giá và xác nhận",
                                     "a qualitative target: an inspector assesses and attests it"))
        return [node]
    nodes: list[Node] = []
    focus = ctx.registry.get(ctx.focus_unit) if ctx.focus_unit else None
    tops = []
    for spec, title in target_specs(t):
        spec_nodes, top = _plan_spec(spec, ctx, title=title)
        nodes += spec_nodes
        tops.append(top)
    if t.all_of is not None:
        nodes.append(combine(new_verdict(t, ctx, province, measure="compound"), tops))
    levels = {lv for spec, _title in target_specs(t) for lv in spec.levels}
    if focus is not None and focus.level not in levels:
        na = Node(new_verdict(t, ctx, unit_scope(focus)), build=lambda n: {"k": "na", "key": "*"})
        na.verdict.reasons.append((f"chỉ tiêu không áp dụng cho {LEVEL_LABELS[focus.level][0].lower()}",
                                   f"the target does not apply to the {focus.level.value} level"))
        nodes.append(na)
    return nodes


def target_specs(t: Target) -> list[tuple[Spec, tuple[str, str] | None]]:
    """What a (non-manual) target measures, as one spec, or one per part of a compound target
    (with the part's title)."""
    if t.all_of is not None:
        return [(Spec(t, p.id, p.measure, p.levels, p.rollup, {"": p.threshold}, p.unit_threshold, None),
                 (p.title_vi, p.title_en)) for p in t.all_of]
    assert t.measure is not None
    ths: dict[str, Threshold]
    if t.thresholds_by_level is not None:
        ths = {lv.value: th for lv, th in t.thresholds_by_level.items()}
    elif t.threshold is not None:
        ths = {"": t.threshold}
    else:
        ths = {"": Threshold(op=Op.GT, value=Fraction(0), text=f"> {t.increase_over}")}
    return [(Spec(t, "", t.measure, t.levels, t.rollup, ths, t.unit_threshold, t.increase_over), None)]


@dataclass(frozen=True)
class Spec:
    target: Target
    part: str
    measure: Measure
    levels: list[Level]
    rollup: Rollup
    thresholds: dict[str, Threshold]  # by level value, or "" for one threshold
    unit_threshold: Threshold | None
    baseline: str | None

    def threshold(self, level: Level | None) -> tuple[str, Threshold]:
        if "" in self.thresholds:
            return "", self.thresholds[""]
        assert level is not None
        return level.value, self.thresholds[level.value]

    def per_level(self) -> bool:
        return "" not in self.thresholds


def spec_verdict(spec: Spec, ctx: Context, title: tuple[str, str] | None) -> Callable[[Scope], Verdict]:
    """A new verdict of a spec at a scope, titled and displayed as the spec's measure reads."""
    def verdict(scope: Scope) -> Verdict:
        v = new_verdict(spec.target, ctx, scope, part=spec.part, measure=spec.measure.kind)
        if title is not None:
            v.title_vi, v.title_en = title
        _display(v, spec.measure, ctx.pack)
        return v
    return verdict


ScopeNode = Callable[[Scope, list[Level], str, Threshold], Node]


def assemble(spec: Spec, ctx: Context, verdict: Callable[[Scope], Verdict],
             scope_node: ScopeNode) -> tuple[list[Node], Node]:
    """A spec's level scopes (a part's are shown within its target) and its province scope: the
    levels combined for a per-level threshold, else one scope over all its levels."""
    province = province_scope(ctx.registry)
    nodes: list[Node] = []
    level_nodes: list[Node] = []
    if not spec.part:
        for lv in spec.levels:
            level_key, th = spec.threshold(lv)
            level_nodes.append(scope_node(level_scope(lv), [lv], level_key, th))
        nodes += level_nodes
    if spec.per_level():
        top = combine(verdict(province), level_nodes)
        top.verdict.measure = "per_level"
        top.verdict.threshold_text = " / ".join(th.text for th in spec.thresholds.values())
    else:
        level_key, th = spec.threshold(None)
        top = scope_node(province, spec.levels, level_key, th)
    nodes.append(top)
    return nodes, top


def _plan_spec(spec: Spec, ctx: Context, title: tuple[str, str] | None = None) -> tuple[list[Node], Node]:
    t = spec.target
    province = province_scope(ctx.registry)
    nodes: list[Node] = []
    verdict = spec_verdict(spec, ctx, title)

    if spec.levels == [Level.PROVINCE]:
        units = ctx.registry.at_level(Level.PROVINCE)
        level_key, th = spec.threshold(Level.PROVINCE)
        node = compare(verdict(province), [observe_unit(spec.measure, u.id, ctx.period, ctx.facts) for u in units],
                        spec, ctx, th, rc.key(t.id, spec.part, level_key), units)
        return [node], node

    unit_nodes: dict[Level, list[Node]] = {}
    unit_obs: dict[Level, list[Observation]] = {}
    for lv in spec.levels:
        level_key, th = spec.threshold(lv)
        uth = (spec.unit_threshold or rc.FLAG_SET) if spec.rollup is Rollup.SHARE_OF_UNITS else th
        for u in ctx.registry.at_level(lv):
            obs = observe_unit(spec.measure, u.id, ctx.period, ctx.facts)
            node = compare(verdict(unit_scope(u)), [obs], spec, ctx, uth,
                            rc.key(t.id, spec.part, level_key, unit=True), [u])
            unit_nodes.setdefault(lv, []).append(node)
            unit_obs.setdefault(lv, []).append(obs)
            nodes.append(node)

    def scope_node(scope: Scope, levels: list[Level], level_key: str, th: Threshold) -> Node:
        if spec.rollup in (Rollup.EVERY_UNIT, Rollup.SHARE_OF_UNITS):
            deps = [n for lv in levels for n in unit_nodes.get(lv, [])]
            every = spec.rollup is Rollup.EVERY_UNIT
            k = rc.key(t.id, spec.part, level_key, all_units=every)
            return count_units(verdict(scope), deps, rc.ALL_UNITS if every else th, k,
                               tuple(lv.value for lv in levels))
        units = [u for lv in levels for u in ctx.registry.at_level(lv)]
        return compare(verdict(scope), [o for lv in levels for o in unit_obs.get(lv, [])], spec, ctx, th,
                        rc.key(t.id, spec.part, level_key), units, levels)

    scope_nodes, top = assemble(spec, ctx, verdict, scope_node)
    return nodes + scope_nodes, top


def _baseline(spec: Spec, ctx: Context, units: list[Unit]) -> tuple[str, Observation] | None:
    """The baseline period an increase is measured against, and the scope's figures in it
    (``engine.periods.baseline_period``: a quarter against the same quarter of the baseline year)."""
    if spec.baseline is None:
        return None
    period = baseline_period(spec.baseline, ctx.period)
    if not is_before(period, ctx.period):
        empty = Observation()
        empty.reasons.append((f"kỳ gốc {period} không ở trước kỳ đánh giá {ctx.period}: không so sánh được",
                              f"the baseline period {period} is not before the audited period {ctx.period}: "
                              "there is nothing to compare with"))
        return period, empty
    return period, pool([observe_unit(spec.measure, u.id, period, ctx.facts) for u in units],
                        spec.rollup, spec.measure)


def effective(measure: Measure, th: Threshold) -> Fraction:
    """A threshold on the measure's own scale: ``70`` on a per-100 ratio is 70/100."""
    if measure.ratio is not None and measure.ratio.per != 1 and "%" not in th.text:
        return th.value / measure.ratio.per
    return th.value


def _display(v: Verdict, measure: Measure, pack: Pack) -> None:
    v.per = measure.ratio.per if measure.ratio is not None else 1
    if measure.rate is not None:
        v.percent = False
    elif measure.value is not None:
        v.percent = pack.metric_index()[measure.value].kind is MetricKind.PERCENT
    else:
        v.percent = v.per == 1


def _value_cap(measure: Measure, pack: Pack) -> Fraction | None:
    """The highest value a reported figure can take: 1 for a percentage or yes/no, else no limit."""
    if measure.value is None:
        return None
    kind = pack.metric_index()[measure.value].kind
    return Fraction(1) if kind in (MetricKind.PERCENT, MetricKind.YES_NO) else None


def compare(v: Verdict, observations: list[Observation], spec: Spec, ctx: Context, th: Threshold | None, k: str,
             units: list[Unit], levels: list[Level] | None = None) -> Node:
    """A node that compares a scope's value (its units' figures pooled) with a threshold, or with
    the baseline's value; with units missing, between the bounds the data allows."""
    # one unit's own value keeps its own counts (a mean of one ratio would read it as ratio/1)
    obs = pool(observations, spec.rollup if len(observations) > 1 else Rollup.POOLED, spec.measure)
    base = _baseline(spec, ctx, units)
    if th is None:
        th = next(iter(spec.thresholds.values()))
    v.op = th.op
    v.threshold = effective(spec.measure, th)
    v.threshold_text = th.text
    v.numerator, v.denominator, v.value = obs.numerator, obs.denominator, obs.value
    v.contributing, v.missing, v.facts = obs.contributing, obs.missing, obs.facts
    v.coverage = Coverage(len(obs.contributing), len(obs.contributing) + len(obs.missing),
                          tuple(lv.value for lv in levels or sorted({u.level for u in units}, key=list(Level).index)))
    v.reasons += obs.reasons
    fact: dict[str, Any] = {"key": k}
    bounds: Bounds | None = None
    if base is not None:
        period, base_obs = base
        v.facts = v.facts + base_obs.facts
        v.baseline = v.threshold = base_obs.value
        v.threshold_text = f"> {period}"
        v.reasons += base_obs.reasons
    if obs.inconsistent or (base is not None and base[1].inconsistent):
        fact["k"] = "inconsistent"
    elif base is not None and (not base[1].complete or base[1].value is None):
        if is_before(base[0], ctx.period):  # else the baseline has said why it cannot be compared
            v.reasons.append((f"thiếu số liệu kỳ gốc {base[0]}", f"no baseline figures for {base[0]}"))
        fact["k"] = "insufficient"
    elif obs.missing and v.threshold is not None:
        bounds, why = scope_bounds(spec.measure, spec.rollup, observations, ctx.period, ctx.facts,
                                   _value_cap(spec.measure, ctx.pack))
        v.reasons += why
        if bounds is None:
            fact["k"] = "insufficient"
        else:
            v.bounds = (bounds.lo, bounds.hi)
            fact.update(bounds_fact(bounds, v.threshold))
    elif obs.missing or obs.value is None or v.threshold is None:
        fact["k"] = "insufficient"
    else:
        lhs, rhs = cross(obs.value, v.threshold)
        fact.update(k="cmp", lhs=lhs, rhs=rhs)
    return Node(v, build=lambda n: fact, observation=obs, bounds=bounds)
