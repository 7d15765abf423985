"""Plan an evaluation: one node per verdict to decide (a target or part, at a scope), with the
durable-rules fact that decides it and the nodes it depends on.

Units are decided first; a scope that counts units (every_unit, share_of_units) is then decided
from the units' own decisions; a per-level or compound target from its levels or parts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from ..facts.model import FactSet, Registry, Unit
from ..rules.model import LEVEL_LABELS, Level, Measure, MetricKind, Op, Pack, Rollup, Target, Threshold
from . import compile as rc
from .aggregate import Observation, observe_unit, pool
from .verdicts import Scope, ScopeKind, Status, Verdict

_INT64 = 2**63 - 1


@dataclass
class Node:
    verdict: Verdict
    deps: list[Node] = field(default_factory=list)
    build: Callable[[Node], dict[str, Any]] | None = None  # the fact, once deps are decided
    observation: Observation | None = None
    decided: bool = False

    @property
    def id(self) -> str:
        return self.verdict.engine_fact

    def fact(self) -> dict[str, Any]:
        assert self.build is not None
        f = self.build(self)
        f["id"] = self.id
        return f


@dataclass(frozen=True)
class Context:
    pack: Pack
    facts: FactSet
    registry: Registry
    period: str
    focus_unit: str | None = None


def plan(ctx: Context) -> list[Node]:
    nodes: list[Node] = []
    for t in ctx.pack.targets:
        nodes += _plan_target(t, ctx)
    return nodes


def _verdict(t: Target, ctx: Context, scope: Scope, part: str = "", measure: str = "") -> Verdict:
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


def _plan_target(t: Target, ctx: Context) -> list[Node]:
    province = province_scope(ctx.registry)
    if t.manual:
        node = Node(_verdict(t, ctx, province), build=lambda n: {"k": "manual", "key": "*"})
        node.verdict.reasons.append(("chỉ tiêu định tính: thanh tra viên đánh giá và xác nhận",
                                     "a qualitative target: an inspector assesses and attests it"))
        return [node]
    nodes: list[Node] = []
    focus = ctx.registry.get(ctx.focus_unit) if ctx.focus_unit else None
    if t.all_of is not None:
        tops = []
        for p in t.all_of:
            spec = _Spec(t, p.id, p.measure, p.levels, p.rollup, {"": p.threshold}, p.unit_threshold, None)
            part_nodes, top = _plan_spec(spec, ctx, title=(p.title_vi, p.title_en))
            nodes += part_nodes
            tops.append(top)
        nodes.append(_combine(_verdict(t, ctx, province, measure="compound"), tops))
        levels = {lv for p in t.all_of for lv in p.levels}
    else:
        assert t.measure is not None
        ths: dict[str, Threshold]
        if t.thresholds_by_level is not None:
            ths = {lv.value: th for lv, th in t.thresholds_by_level.items()}
        elif t.threshold is not None:
            ths = {"": t.threshold}
        else:
            ths = {"": Threshold(op=Op.GT, value=Fraction(0), text=f"> {t.increase_over}")}
        spec = _Spec(t, "", t.measure, t.levels, t.rollup, ths, t.unit_threshold, t.increase_over)
        spec_nodes, _top = _plan_spec(spec, ctx)
        nodes += spec_nodes
        levels = set(t.levels)
    if focus is not None and focus.level not in levels:
        na = Node(_verdict(t, ctx, unit_scope(focus)), build=lambda n: {"k": "na", "key": "*"})
        na.verdict.reasons.append((f"chỉ tiêu không áp dụng cho {LEVEL_LABELS[focus.level][0].lower()}",
                                   f"the target does not apply to the {focus.level.value} level"))
        nodes.append(na)
    return nodes


@dataclass(frozen=True)
class _Spec:
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


def _plan_spec(spec: _Spec, ctx: Context, title: tuple[str, str] | None = None) -> tuple[list[Node], Node]:
    t = spec.target
    province = province_scope(ctx.registry)
    nodes: list[Node] = []

    def verdict(scope: Scope) -> Verdict:
        v = _verdict(t, ctx, scope, part=spec.part, measure=spec.measure.kind)
        if title is not None:
            v.title_vi, v.title_en = title
        _display(v, spec.measure, ctx.pack)
        return v

    if spec.levels == [Level.PROVINCE]:
        units = ctx.registry.at_level(Level.PROVINCE)
        obs = pool([observe_unit(spec.measure, u.id, ctx.period, ctx.facts) for u in units],
                   spec.rollup, spec.measure)
        base = _baseline(spec, ctx, units)
        level_key, th = spec.threshold(Level.PROVINCE)
        node = _compare(verdict(province), obs, spec, th, rc.key(t.id, spec.part, level_key), base)
        return [node], node

    unit_nodes: dict[Level, list[Node]] = {}
    unit_obs: dict[Level, list[Observation]] = {}
    for lv in spec.levels:
        level_key, th = spec.threshold(lv)
        uth = (spec.unit_threshold or rc.FLAG_SET) if spec.rollup is Rollup.SHARE_OF_UNITS else th
        for u in ctx.registry.at_level(lv):
            obs = observe_unit(spec.measure, u.id, ctx.period, ctx.facts)
            base = _baseline(spec, ctx, [u])
            node = _compare(verdict(unit_scope(u)), obs, spec, uth,
                            rc.key(t.id, spec.part, level_key, unit=True), base)
            unit_nodes.setdefault(lv, []).append(node)
            unit_obs.setdefault(lv, []).append(obs)
            nodes.append(node)

    def scope_node(scope: Scope, levels: list[Level], level_key: str, th: Threshold) -> Node:
        if spec.rollup in (Rollup.EVERY_UNIT, Rollup.SHARE_OF_UNITS):
            deps = [n for lv in levels for n in unit_nodes.get(lv, [])]
            every = spec.rollup is Rollup.EVERY_UNIT
            k = rc.key(t.id, spec.part, level_key, all_units=every)
            return _count_units(verdict(scope), deps, rc.ALL_UNITS if every else th, k)
        obs = pool([o for lv in levels for o in unit_obs.get(lv, [])], spec.rollup, spec.measure)
        units = [u for lv in levels for u in ctx.registry.at_level(lv)]
        return _compare(verdict(scope), obs, spec, th, rc.key(t.id, spec.part, level_key),
                        _baseline(spec, ctx, units))

    level_nodes: list[Node] = []
    if not spec.part:  # a part's levels are shown within its target
        for lv in spec.levels:
            level_key, th = spec.threshold(lv)
            level_nodes.append(scope_node(level_scope(lv), [lv], level_key, th))
        nodes += level_nodes
    if spec.per_level():
        top = _combine(verdict(province), level_nodes)
        top.verdict.measure = "per_level"
        top.verdict.threshold_text = " / ".join(th.text for th in spec.thresholds.values())
    else:
        level_key, th = spec.threshold(None)
        top = scope_node(province, spec.levels, level_key, th)
    nodes.append(top)
    return nodes, top


def _baseline(spec: _Spec, ctx: Context, units: list[Unit]) -> Observation | None:
    if spec.baseline is None:
        return None
    return pool([observe_unit(spec.measure, u.id, spec.baseline, ctx.facts) for u in units],
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


def cross(value: Fraction, threshold: Fraction) -> tuple[int, int]:
    """Two integers that compare as ``value`` and ``threshold`` do: the cross products over their
    denominators. durable-rules compares 64-bit integers; where the cross products do not fit (a
    mean of many ratios has a very large denominator), the exact difference's sign and 0 compare
    the same way."""
    lhs, rhs = value.numerator * threshold.denominator, threshold.numerator * value.denominator
    if max(abs(lhs), abs(rhs)) > _INT64:
        diff = value - threshold
        return (diff > 0) - (diff < 0), 0
    return lhs, rhs


def _compare(v: Verdict, obs: Observation, spec: _Spec, th: Threshold | None, k: str,
             base: Observation | None) -> Node:
    """A node that compares a value with a threshold (or with the baseline's value)."""
    if th is None:
        th = next(iter(spec.thresholds.values()))
    v.op = th.op
    v.threshold = effective(spec.measure, th)
    v.threshold_text = th.text
    v.numerator, v.denominator, v.value = obs.numerator, obs.denominator, obs.value
    v.contributing, v.missing, v.facts = obs.contributing, obs.missing, obs.facts
    v.reasons += obs.reasons
    fact: dict[str, Any] = {"key": k}
    if base is not None:
        v.facts = v.facts + base.facts
        v.baseline = base.value
        v.threshold = base.value
        v.threshold_text = f"> {spec.baseline}"
        v.reasons += base.reasons
    if obs.inconsistent or (base is not None and base.inconsistent):
        fact["k"] = "inconsistent"
    elif base is not None and (not base.complete or base.value is None):
        v.reasons.append((f"thiếu số liệu kỳ gốc {spec.baseline}", f"no baseline figures for {spec.baseline}"))
        fact["k"] = "insufficient"
    elif obs.missing or obs.value is None or v.threshold is None:
        fact["k"] = "insufficient"
    else:
        lhs, rhs = cross(obs.value, v.threshold)
        fact.update(k="cmp", lhs=lhs, rhs=rhs)
    return Node(v, build=lambda n: fact, observation=obs)


def _count_units(v: Verdict, deps: list[Node], th: Threshold, k: str) -> Node:
    """A scope decided from its units' decisions: the share that met, with bounds for the rest."""
    v.op, v.threshold, v.threshold_text = th.op, th.value, th.text
    v.percent = True
    v.measure = "units"

    def build(n: Node) -> dict[str, Any]:
        met = [d.verdict.scope.id for d in deps if d.verdict.status is Status.MET]
        failed = [d for d in deps if d.verdict.status is Status.NOT_MET]
        inc = [d.verdict.scope.id for d in deps if d.verdict.status is Status.INCONSISTENT_DATA]
        unknown = [d.verdict.scope.id for d in deps
                   if d.verdict.status not in (Status.MET, Status.NOT_MET, Status.INCONSISTENT_DATA)]
        total = len(deps)
        v.contributing = [d.verdict.scope.id for d in deps if d.verdict.contributing]
        v.missing = unknown
        v.numerator, v.denominator = Fraction(len(met)), Fraction(total)
        for d in deps:
            v.facts += d.verdict.facts
        if total == 0:
            return {"key": k, "k": "insufficient"}
        lo = Fraction(len(met), total)
        hi = Fraction(len(met) + len(unknown) + len(inc), total)
        v.value = lo if lo == hi else None
        if lo != hi:
            v.bounds = (lo, hi)
        v.reasons.append((f"{len(met)}/{total} đơn vị đạt, {len(failed)} không đạt, {len(unknown)} thiếu số liệu, "
                          f"{len(inc)} số liệu mâu thuẫn",
                          f"{len(met)}/{total} units met, {len(failed)} not met, {len(unknown)} without data, "
                          f"{len(inc)} inconsistent"))
        if th.op is Op.EQ and lo != hi:
            exact = th.value * total  # a share of n units is k/n: '=' can hold only for a whole k
            if exact.denominator != 1 or not len(met) <= exact <= len(met) + len(unknown) + len(inc):
                lhs, rhs = cross(lo, th.value)  # whatever the missing units say, it is not equal
                return {"key": k, "k": "cmp", "lhs": lhs, "rhs": rhs}
        lo_l, lo_r = cross(lo, th.value)
        hi_l, hi_r = cross(hi, th.value)
        return {"key": k, "k": "bounds", "lo_l": lo_l, "lo_r": lo_r, "hi_l": hi_l, "hi_r": hi_r, "n_inc": len(inc)}

    return Node(v, deps=deps, build=build)


def _combine(v: Verdict, deps: list[Node]) -> Node:
    """A compound or per-level target: met when every part is met."""

    def build(n: Node) -> dict[str, Any]:
        statuses = [d.verdict.status for d in deps]
        v.parts = [d.verdict for d in deps]
        for d in deps:
            v.contributing += [u for u in d.verdict.contributing if u not in v.contributing]
            v.missing += [u for u in d.verdict.missing if u not in v.missing]
        return {"key": "*", "k": "all",
                "n_nm": statuses.count(Status.NOT_MET),
                "n_inc": statuses.count(Status.INCONSISTENT_DATA),
                "n_ins": sum(s not in (Status.MET, Status.NOT_MET, Status.INCONSISTENT_DATA) for s in statuses),
                "n_met": statuses.count(Status.MET)}

    return Node(v, deps=deps, build=build)

