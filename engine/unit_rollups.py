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
        total = len(deps)
        v.contributing = [d.verdict.scope.id for d in deps if d.verdict.contributing]
        v.missing = unknown
        v.coverage = Coverage(len(v.contributing), total, levels)
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


def combine(v: Verdict, deps: list[Node]) -> Node:
    """A compound or per-level target: met when every part is met."""

    def build(n: Node) -> dict[str, Any]:
        statuses = [d.verdict.status for d in deps]
        v.parts = [d.verdict for d in deps]
        for d in deps:
            v.contributing += [u for u in d.verdict.contributing if u not in v.contributing]
            v.missing += [u for u in d.verdict.missing if u not in v.missing]
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
