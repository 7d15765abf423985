"""The reference semantics of consistency checks, written independently of ``engine.consistency``
and ``engine.check_sides``: a printed figure agrees with the exact value of its other figures if
rounding that value to the printed number of decimals, half up or half down, gives the printed
figure (so both ends of the half-unit band agree); totals, parts and figures stated twice are
exact. A missing figure or a zero divisor is insufficient data; an excluded part larger than its
denominator is inconsistent. A check over several units is consistent at a level or the province
when every unit's is; inconsistency is said before missing data.

Every figure of a unit's failed check is flagged in a copy of the facts before targets are decided.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction

from plancheck.engine.verdicts import Status
from plancheck.facts.model import FactSet, Registry
from plancheck.rules.model import Check, Level

Key = tuple[str, str, str, str]


def _decimals(raw: str) -> int:
    s = re.sub(r"[\s%]", "", raw)
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", s):
        return 0
    m = re.search(r"[.,](\d+)$", s)
    return len(m.group(1)) if m else 0


def _rounds_to(exact: Fraction, printed: Fraction, decimals: int) -> bool:
    scale = 10**decimals
    up = Fraction(math.floor(exact * scale + Fraction(1, 2)), scale)
    down = Fraction(math.ceil(exact * scale - Fraction(1, 2)), scale)
    return printed in (up, down)


def _unit(check: Check, unit: str, period: str, facts: FactSet) -> Status:
    got = {m: facts.values.get((unit, period, m)) for m in check.metric_ids()}
    if any(v is None for v in got.values()):
        return Status.INSUFFICIENT_DATA
    val = {m: v.value for m, v in got.items() if v is not None}
    raw = {m: v.raw for m, v in got.items() if v is not None}
    if check.percent_of is not None:
        p = check.percent_of
        den = val[p.denominator] - sum(val[e] for e in p.exclude)
        if den < 0:
            return Status.INCONSISTENT_DATA
        if den == 0:
            return Status.INSUFFICIENT_DATA
        ok = _rounds_to(val[p.numerator] / den * 100, val[p.percent] * 100, _decimals(raw[p.percent]))
    elif check.per_100_of is not None:
        r = check.per_100_of
        if val[r.population] == 0:
            return Status.INSUFFICIENT_DATA
        ok = _rounds_to(val[r.count] * 100 / val[r.population], val[r.rate], _decimals(raw[r.rate]))
    elif check.part_of is not None:
        ok = val[check.part_of.part] <= val[check.part_of.whole]
    elif check.sum_of is not None:
        ok = val[check.sum_of.total] == sum(val[i] for i in check.sum_of.items)
    else:
        assert check.same_as is not None
        ok = val[check.same_as.figure] == val[check.same_as.other]
    return Status.MET if ok else Status.INCONSISTENT_DATA


def _all(statuses: list[Status]) -> Status:
    if Status.INCONSISTENT_DATA in statuses:
        return Status.INCONSISTENT_DATA
    if not statuses or any(s is not Status.MET for s in statuses):
        return Status.INSUFFICIENT_DATA
    return Status.MET


def reference_checks(checks: list[Check], facts: FactSet, registry: Registry, period: str,
                     province: str) -> tuple[dict[Key, Status], FactSet]:
    """Every check verdict, and the facts with every figure of a failed unit check flagged."""
    out: dict[Key, Status] = {}
    flagged = FactSet(values=dict(facts.values), inconsistent=dict(facts.inconsistent))
    for c in checks:
        units = {lv: [u.id for u in registry.at_level(lv)] for lv in c.levels}
        every = [u for lv in c.levels for u in units[lv]]
        statuses = {u: _unit(c, u, period, facts) for u in every}
        for u, s in statuses.items():
            if s is Status.INCONSISTENT_DATA:
                for m in c.metric_ids():
                    flagged.inconsistent[(u, period, m)] = f"fails {c.id}"
        if c.levels == [Level.PROVINCE] and len(every) == 1:
            out[(c.id, "", "province", province)] = statuses[every[0]]
            continue
        for u, s in statuses.items():
            out[(c.id, "", "unit", u)] = s
        for lv in c.levels:
            if lv is not Level.PROVINCE:
                out[(c.id, "", "level", lv.value)] = _all([statuses[u] for u in units[lv]])
        out[(c.id, "", "province", province)] = _all(list(statuses.values()))
    return out, flagged
