"""Scopes decided from other verdicts rather than from figures: a scope that counts its units'
own verdicts (``every_unit``, ``share_of_units``), and a per-level or compound target that
combines its levels or parts. Each is a plan node whose fact is built once its dependencies are
decided."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from ..rules.model import Op, Threshold
from .nodes import Node, cross
from .verdicts import Coverage, Status, Verdict


def count_units(v: Verdict, deps: list[Node], th: Threshold, k: str, levels: tuple[str, ...] = ()) -> Node:
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
        for d in deps:
            v.facts += d.verdict.facts
        return counted(v, len(met), len(failed), unknown, len(inc),
                       [d.verdict.scope.id for d in deps if d.verdict.contributing], th, k, levels)

    return Node(v, deps=deps, build=build)


def counted(v: Verdict, n_met: int, n_failed: int, unknown: list[str], n_inc: int, contributing: list[str],
            th: Threshold, k: str, levels: tuple[str, ...]) -> dict[str, Any]:
    """The fact deciding a scope from how many of its units met, failed, are unknown or
    inconsistent; the verdict's counts, coverage and bounds are set on the way. The per-unit
    engine counts its unit verdicts; the aggregated one (``engine.pushdown``) counts in SQL."""
    total = n_met + n_failed + len(unknown) + n_inc
    v.contributing = contributing
    v.missing = unknown
    v.coverage = Coverage(len(contributing), total, levels)
    v.numerator, v.denominator = Fraction(n_met), Fraction(total)
    if total == 0:
        return {"key": k, "k": "insufficient"}
    lo = Fraction(n_met, total)
    hi = Fraction(n_met + len(unknown) + n_inc, total)
    v.value = lo if lo == hi else None
    if lo != hi:
        v.bounds = (lo, hi)
    v.reasons.append((f"{n_met}/{total} đơn vị đạt, {n_failed} không đạt, {len(unknown)} thiếu số liệu, "
                      f"{n_inc} số liệu mâu thuẫn",
                      f"{n_met}/{total} units met, {n_failed} not met, {len(unknown)} without data, "
                      f"{n_inc} inconsistent"))
    if th.op is Op.EQ and lo != hi:
        exact = th.value * total  # a share of n units is k/n: '=' can hold only for a whole k
        if exact.denominator != 1 or not n_met <= exact <= n_met + len(unknown) + n_inc:
            lhs, rhs = cross(lo, th.value)  # whatever the missing units say, it is not equal
            return {"key": k, "k": "cmp", "lhs": lhs, "rhs": rhs}
    lo_l, lo_r = cross(lo, th.value)
    hi_l, hi_r = cross(hi, th.value)
    return {"key": k, "k": "bounds", "lo_l": lo_l, "lo_r": lo_r, "hi_l": hi_l, "hi_r": hi_r, "n_inc": n_inc}


def combine(v: Verdict, deps: list[Node]) -> Node:
    """A compound or per-level target: met when every part is met."""

    def build(n: Node) -> dict[str, Any]:
        statuses = [d.verdict.status for d in deps]
        v.parts = [d.verdict for d in deps]
        seen_c, seen_m = set(v.contributing), set(v.missing)  # sets: a level may hold thousands of units
        for d in deps:
            for u in d.verdict.contributing:
                if u not in seen_c:
                    seen_c.add(u)
                    v.contributing.append(u)
            for u in d.verdict.missing:
                if u not in seen_m:
                    seen_m.add(u)
                    v.missing.append(u)
        v.coverage = _combined_coverage(deps)
        return {"key": "*", "k": "all",
                "n_nm": statuses.count(Status.NOT_MET),
                "n_inc": statuses.count(Status.INCONSISTENT_DATA),
                "n_ins": sum(s not in (Status.MET, Status.NOT_MET, Status.INCONSISTENT_DATA) for s in statuses),
                "n_met": statuses.count(Status.MET)}

    return Node(v, deps=deps, build=build)


def _combined_coverage(deps: list[Node]) -> Coverage | None:
    """Units that reported every figure of every level or part they are in, of all those units."""
    covered = [d.verdict.coverage for d in deps if d.verdict.coverage is not None]
    if not covered:
        return None
    levels = tuple(dict.fromkeys(lv for c in covered for lv in c.levels))
    units: dict[str, bool] = {}
    for d in deps:
        contributing = set(d.verdict.contributing)  # a set: a scope may hold thousands of units
        for u in (*d.verdict.contributing, *d.verdict.missing):
            units[u] = units.get(u, True) and u in contributing
    if not units:  # no unit at any level: the parts' own counts (0/0)
        return Coverage(sum(c.reported for c in covered), sum(c.expected for c in covered), levels)
    return Coverage(sum(units.values()), len(units), levels)
