"""Consistency checks: do a unit's reported figures hold together?

Each check of a pack is decided for every unit of its levels, on durable-rules like a target:
one ``cmp`` fact per (check, unit) carries the distance between what the unit states and what its
other figures make of it, and the distance the printed precision allows (``engine.check_sides``).
A check with a figure missing (not reported, or rejected by validation) is insufficient data and
says which figure; a check that fails is inconsistent data, with both sides, the difference and
the source row of every figure.

Checks are decided before the targets. Every figure of a failed check is then flagged in a copy
of the fact set (``flag_failed``), so a target that uses it is inconsistent data, with a reason
naming the check, instead of passing or failing on a figure its own report contradicts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..diagnostics import Diagnostic
from ..facts.model import FactSet, Unit
from ..rules.model import LEVEL_LABELS, Check, Level
from . import check_sides as sides
from .aggregate import fact_ref
from .compile import check_key
from .plan import Context, Node, level_scope, province_scope, unit_scope
from .verdicts import Consistency, Scope, Status, Verdict


def plan_checks(ctx: Context, rejected: Sequence[Diagnostic] = ()) -> list[Node]:
    """One node per check and unit; with several units, one per level and one for the province
    that sum them up. ``rejected`` (validation errors) lets a missing figure say it was rejected."""
    nodes: list[Node] = []
    rejections = _Rejections(ctx, rejected)
    for c in ctx.pack.checks:
        nodes += _plan_check(c, ctx, rejections)
    return nodes


def _verdict(c: Check, ctx: Context, scope: Scope) -> Verdict:
    fid = f"{ctx.period}|{c.id}||{scope.kind.value}:{scope.id}"
    return Verdict(target=c.id, part="", title_vi=c.title_vi, title_en=c.title_en, area="", clause=c.clause,
                   period=ctx.period, scope=scope, status=Status.INSUFFICIENT_DATA, engine_fact=fid,
                   measure=c.kind, percent=False, check=Consistency(c.kind, sides.relation(c.kind)))


def _plan_check(c: Check, ctx: Context, rejected: _Rejections) -> list[Node]:
    units = [u for lv in c.levels for u in ctx.registry.at_level(lv)]
    province = province_scope(ctx.registry)
    if c.levels == [Level.PROVINCE] and len(units) == 1:
        return [_unit_node(c, units[0], province, ctx, rejected)]
    unit_nodes = {u.id: _unit_node(c, u, unit_scope(u), ctx, rejected) for u in units}
    nodes = list(unit_nodes.values())
    for lv in c.levels:
        if lv is not Level.PROVINCE:
            nodes.append(_summary(_verdict(c, ctx, level_scope(lv)),
                                  [unit_nodes[u.id] for u in ctx.registry.at_level(lv)]))
    top = _summary(_verdict(c, ctx, province), list(unit_nodes.values()))
    if not units:
        names = ", ".join(LEVEL_LABELS[lv][1].lower() for lv in c.levels)
        top.verdict.reasons.append((f"không có đơn vị nào thuộc cấp {', '.join(lv.value for lv in c.levels)} "
                                    "trong danh mục đơn vị", f"the registry has no unit at {names}"))
    nodes.append(top)
    return nodes


def _unit_node(c: Check, unit: Unit, scope: Scope, ctx: Context, rejected: _Rejections) -> Node:
    v = _verdict(c, ctx, scope)
    got = {m: ctx.facts.get(unit.id, ctx.period, m) for m in c.metric_ids()}
    present = {m: x for m, x in got.items() if x is not None}
    kinds = {m: ctx.pack.metric(m).kind for m in got}
    v.facts = [fact_ref(x) for x in present.values()]
    absent = [m for m in got if m not in present]
    fact: dict[str, Any]
    if absent:
        v.missing = [unit.id]
        v.check = Consistency(c.kind, sides.relation(c.kind), scale=sides.scale_of(c, kinds), missing=tuple(absent))
        for m in absent:
            v.reasons.append(_missing_reason(unit.id, m, ctx, rejected))
        bounds = sides.implied(c, present, absent[0]) if len(absent) == 1 else None
        if bounds is not None:
            v.reasons.append(sides.implied_reason(absent[0], bounds, ctx.pack.metric(absent[0]).kind))
        fact = {"key": "*", "k": "insufficient"}
        return Node(v, build=lambda n: fact)
    v.contributing = [unit.id]
    cons, problem, how = sides.compare(c, present, kinds)
    v.check = cons
    if problem is not None:
        v.reasons.append(problem)
        fact = {"key": "*", "k": how}
    else:
        lhs, rhs = sides.integers(cons)
        fact = {"key": check_key(c.id), "k": "cmp", "lhs": lhs, "rhs": rhs}
    return Node(v, build=lambda n: fact)


def _missing_reason(unit: str, metric: str, ctx: Context, rejected: _Rejections) -> tuple[str, str]:
    d = rejected.find(unit, metric)
    if d is None:
        return (f"thiếu {metric}: {unit} chưa báo cáo kỳ {ctx.period}",
                f"{metric} is missing: {unit} did not report it for {ctx.period}")
    where = f"{d.location.file}:{d.location.line}"
    return (f"thiếu {metric}: số liệu {unit} gửi tại {where} bị từ chối ({d.code})",
            f"{metric} is missing: the value {unit} submitted at {where} was rejected ({d.code})")


class _Rejections:
    """Which validation error dropped a unit's value of a metric, if one did: an error on that
    metric in a file of the unit's submission for the period, within the lines of its values there
    (or in a file no other unit's values of the period come from)."""

    def __init__(self, ctx: Context, rejected: Sequence[Diagnostic]) -> None:
        self._by_metric: dict[str, list[Diagnostic]] = {}
        for d in rejected:
            if d.location.field:
                self._by_metric.setdefault(d.location.field.strip().lower(), []).append(d)
        self._ctx = ctx
        self._lines: dict[str, dict[str, list[int]]] | None = None  # unit -> file -> lines, when needed
        self._units: dict[str, set[str]] = {}  # file -> units with values of the period in it

    def find(self, unit: str, metric: str) -> Diagnostic | None:
        candidates = self._by_metric.get(metric)
        if not candidates:
            return None
        if self._lines is None:
            self._lines = {}
            for x in self._ctx.facts:
                if x.period == self._ctx.period:
                    self._lines.setdefault(x.unit, {}).setdefault(x.source.file, []).append(x.source.line)
                    self._units.setdefault(x.source.file, set()).add(x.unit)
        mine = self._lines.get(unit, {})
        for d in candidates:
            lines = mine.get(d.location.file)
            if lines and (self._units[d.location.file] == {unit} or min(lines) <= d.location.line <= max(lines)):
                return d
        return None


def _summary(v: Verdict, deps: list[Node]) -> Node:
    """A level's or the province's verdict on a check: consistent when every unit's is."""

    def build(n: Node) -> dict[str, Any]:
        statuses = [d.verdict.status for d in deps]
        v.contributing = [u for d in deps for u in d.verdict.contributing]
        v.missing = [u for d in deps for u in d.verdict.missing]
        if not deps:
            return {"key": "*", "k": "insufficient"}
        return {"key": "*", "k": "all", "n_nm": 0,
                "n_inc": statuses.count(Status.INCONSISTENT_DATA),
                "n_ins": sum(s not in (Status.MET, Status.INCONSISTENT_DATA) for s in statuses),
                "n_met": statuses.count(Status.MET)}

    return Node(v, deps=deps, build=build)


def describe(nodes: Sequence[Node]) -> None:
    """Once decided: why each check is what it is (a summary counts its units)."""
    for n in nodes:
        v, cons = n.verdict, n.verdict.check
        if cons is None:
            continue
        if n.deps:
            _describe_summary(v, n.deps)
        elif v.status in (Status.MET, Status.INCONSISTENT_DATA) and cons.difference is not None:
            v.reasons.insert(0, sides.reason(cons, v.status is Status.MET))


def _describe_summary(v: Verdict, deps: Sequence[Node]) -> None:
    inc = [d.verdict.scope.id for d in deps if d.verdict.status is Status.INCONSISTENT_DATA]
    ins = [d.verdict.scope.id for d in deps if d.verdict.status not in (Status.MET, Status.INCONSISTENT_DATA)]
    ok = len(deps) - len(inc) - len(ins)
    vi = f"{ok}/{len(deps)} đơn vị khớp"
    en = f"{ok}/{len(deps)} units consistent"
    if inc:
        vi += f"; mâu thuẫn: {', '.join(inc)}"
        en += f"; inconsistent: {', '.join(inc)}"
    if ins:
        vi += f"; thiếu số liệu: {', '.join(ins)}"
        en += f"; insufficient data: {', '.join(ins)}"
    v.reasons.append((vi, en))


def flag_failed(nodes: Sequence[Node], facts: FactSet) -> FactSet:
    """The fact set the targets are decided on: a copy of ``facts`` in which every figure of a
    failed check is flagged inconsistent, naming the check. ``facts`` itself is never changed;
    with no failed check it is returned as it is."""
    failed = [n for n in nodes if not n.deps and n.verdict.status is Status.INCONSISTENT_DATA]
    if not failed:
        return facts
    out = FactSet(values=dict(facts.values), inconsistent=dict(facts.inconsistent))
    for n in failed:
        v = n.verdict
        for ref in v.facts:
            key = (ref.unit, ref.period, ref.metric)
            note = (f"{ref.metric} ({ref.unit}): không khớp kiểm tra {v.target} — "
                    f"fails consistency check {v.target}")
            out.inconsistent[key] = f"{out.inconsistent[key]}; {note}" if key in out.inconsistent else note
    return out

