"""Compile a rule pack into a durable-rules ruleset (its JSON rule definitions).

Each target (each part, each level of a per-level target) becomes a *rule key* with the
comparison the plan states. Every key gets rules that, together, match every fact of that key
exactly once, so a fact is always decided and never by two rules:

- ``cmp`` facts carry an exact comparison as integers ``lhs`` and ``rhs`` (the value and the
  threshold cross-multiplied over their denominators): ``met`` if ``lhs op rhs``, else ``not_met``.
- ``bounds`` facts carry the lowest and highest value the data allows, each cross-multiplied with
  the threshold (``lo_l``/``lo_r``, ``hi_l``/``hi_r``): for a share of units, the units that did
  not report counted as failing, then as passing; for a pooled or mean scope, each missing unit at
  0 and at the most its known denominator allows (``engine.bounds``; no upper limit posts as
  ``hi_l=1, hi_r=0``, above any threshold). Decided only where every value between them decides
  the same (for ``=``: met only if both bounds are the threshold, missed if it lies outside).
- ``insufficient``, ``inconsistent``, ``na`` and ``manual`` facts are decided by their kind;
  ``all`` facts combine the decisions of the parts of a compound or per-level target.

The rule name is the decision: ``<key>|met``, ``<key>|not_met``, ``*|insufficient_data`` ….

A consistency check has its own key (``KT-08:check``) and two rules: ``|met`` (the figures agree)
and ``|inconsistent_data``; it is never ``not_met``.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from fractions import Fraction
from typing import Any

from ..rules.model import Op, Pack, Rollup, Threshold

_DURABLE_OP = {Op.GE: "$gte", Op.GT: "$gt", Op.LE: "$lte", Op.LT: "$lt", Op.EQ: "$eq"}
_NEGATED = {Op.GE: Op.LT, Op.GT: Op.LE, Op.LE: Op.GT, Op.LT: Op.GE, Op.EQ: None}

ALL_UNITS = Threshold(op=Op.GE, value=Fraction(1), text=">= 100%")  # every unit must pass
FLAG_SET = Threshold(op=Op.GE, value=Fraction(1), text="= có")  # a yes/no figure must be yes


def key(target: str, part: str = "", level: str = "", unit: bool = False, all_units: bool = False) -> str:
    k = target + (f"/{part}" if part else "") + (f"@{level}" if level else "")
    if unit:
        k += ":unit"
    if all_units:
        k += ":all-units"
    return k


def unit_count_keys(pack: Pack, keys: Collection[str]) -> set[str]:
    """The keys of ``keys`` decided by counting units (``every_unit``, ``share_of_units``): their
    scopes get a bounds fact whenever a unit is undecided."""
    counting = {t.id for t in pack.targets if t.rollup in (Rollup.EVERY_UNIT, Rollup.SHARE_OF_UNITS)}
    counting |= {f"{t.id}/{p.id}" for t in pack.targets for p in t.all_of or []
                 if p.rollup in (Rollup.EVERY_UNIT, Rollup.SHARE_OF_UNITS)}
    return {k for k in keys if not k.endswith(":unit") and re.split(r"[@:]", k, maxsplit=1)[0] in counting}


def rule_keys(pack: Pack) -> dict[str, Op]:
    """Every rule key of a pack, with the comparison it decides."""
    keys: dict[str, Op] = {}
    for t in pack.targets:
        if t.manual:
            continue
        if t.all_of is not None:
            for p in t.all_of:
                keys[key(t.id, p.id)] = p.threshold.op
                ut = p.unit_threshold or FLAG_SET
                keys[key(t.id, p.id, unit=True)] = (ut if p.rollup is Rollup.SHARE_OF_UNITS else p.threshold).op
                keys[key(t.id, p.id, all_units=True)] = Op.GE
            continue
        thresholds: dict[str, Op] = {}
        if t.thresholds_by_level is not None:
            thresholds = {lv.value: th.op for lv, th in t.thresholds_by_level.items()}
        elif t.threshold is not None:
            thresholds = {"": t.threshold.op}
        else:  # increase over a baseline: the value must rise above it
            thresholds = {"": Op.GT}
        for level, op in thresholds.items():
            keys[key(t.id, level=level)] = op
            if t.rollup is Rollup.SHARE_OF_UNITS:
                keys[key(t.id, level=level, unit=True)] = (t.unit_threshold or FLAG_SET).op
            else:
                keys[key(t.id, level=level, unit=True)] = op
            keys[key(t.id, level=level, all_units=True)] = Op.GE
    return keys


def check_key(check_id: str) -> str:
    return f"{check_id}:check"


def check_rules(pack: Pack) -> dict[str, Any]:
    """The rules of the pack's consistency checks. A check's ``cmp`` fact carries, as integers,
    how far apart its two sides are (``lhs``) and how far the printed precision lets them be
    (``rhs``): within it the figures agree (``met``), beyond it they are inconsistent. Missing
    figures are ``insufficient`` facts, decided by the shared rule."""
    rules: dict[str, Any] = {}
    for c in pack.checks:
        k = check_key(c.id)
        rules[f"{k}|met"] = _when({"key": k}, {"k": "cmp"}, {"$lte": {"lhs": {"$m": "rhs"}}})
        rules[f"{k}|inconsistent_data"] = _when({"key": k}, {"k": "cmp"}, {"$gt": {"lhs": {"$m": "rhs"}}})
    return rules


def compile_rules(keys: dict[str, Op], bounds: Collection[str] | None = None) -> dict[str, Any]:
    """The ruleset definition for durable-rules' ``create_ruleset``. ``bounds``: the keys that may
    get a ``bounds`` fact (all of them when None); the others get the ``cmp`` rules only."""
    rules: dict[str, Any] = {}
    for k, op in sorted(keys.items()):
        yes = _DURABLE_OP[op]
        neg = _NEGATED[op]
        no = _DURABLE_OP[neg] if neg is not None else "$neq"
        on = [{"key": k}]
        rules[f"{k}|met"] = _when(*on, {"k": "cmp"}, {yes: {"lhs": {"$m": "rhs"}}})
        rules[f"{k}|not_met"] = _when(*on, {"k": "cmp"}, {no: {"lhs": {"$m": "rhs"}}})
        if bounds is None or k in bounds:
            rules.update(_bounds_rules(k, op, on))
    for kind, status in (("insufficient", "insufficient_data"), ("inconsistent", "inconsistent_data"),
                         ("na", "not_applicable"), ("manual", "manual")):
        rules[f"*|{status}"] = _when({"k": kind})
    rules["*|all-not_met"] = _when({"k": "all"}, {"$gt": {"n_nm": 0}})
    rules["*|all-inconsistent_data"] = _when({"k": "all"}, {"n_nm": 0}, {"$gt": {"n_inc": 0}})
    rules["*|all-insufficient_data"] = _when({"k": "all"}, {"n_nm": 0}, {"n_inc": 0}, {"$gt": {"n_ins": 0}})
    rules["*|all-met"] = _when({"k": "all"}, {"n_nm": 0}, {"n_inc": 0}, {"n_ins": 0})
    return rules


def _bounds_rules(k: str, op: Op, on: list[dict[str, Any]]) -> dict[str, Any]:
    """Rules for a value known only to lie between ``lo`` and ``hi`` (units that did not report
    counted as failing, then as passing): decided where every value in between decides the same."""
    b = {"k": "bounds"}

    def lo(o: str) -> dict[str, Any]:
        return {o: {"lo_l": {"$m": "lo_r"}}}

    def hi(o: str) -> dict[str, Any]:
        return {o: {"hi_l": {"$m": "hi_r"}}}

    if op is Op.EQ:  # met only if both bounds are the threshold; missed if it lies outside them
        met = [[lo("$eq"), hi("$eq")]]
        missed = [[lo("$gt")], [hi("$lt")]]
        open_ = [[lo("$lt"), hi("$gte")], [lo("$eq"), hi("$gt")]]
    else:
        yes, no = _DURABLE_OP[op], _DURABLE_OP[_NEGATED[op] or op]
        met = [[lo(yes), hi(yes)]]
        missed = [[lo(no), hi(no)]]
        open_ = [[lo(yes), hi(no)], [lo(no), hi(yes)]]
    rules: dict[str, Any] = {}
    for i, cond in enumerate(met):
        rules[f"{k}|bounds-met-{i}"] = _when(*on, b, *cond)
    for i, cond in enumerate(missed):
        rules[f"{k}|bounds-not_met-{i}"] = _when(*on, b, *cond)
    for i, cond in enumerate(open_):
        rules[f"{k}|bounds-inconsistent_data-{i}"] = _when(*on, b, *cond, {"$gt": {"n_inc": 0}})
        rules[f"{k}|bounds-insufficient_data-{i}"] = _when(*on, b, *cond, {"n_inc": 0})
    return rules


def _when(*conditions: dict[str, Any]) -> dict[str, Any]:
    return {"all": [{"m": {"$and": list(conditions)} if len(conditions) > 1 else conditions[0]}]}


def status_of(rule_name: str) -> str:
    """The status a rule name decides: ``ATTT-03|bounds-not_met`` → ``not_met``."""
    decision = rule_name.rsplit("|", 1)[1]
    for prefix in ("bounds-", "all-"):
        if decision.startswith(prefix):
            decision = decision[len(prefix):]
    head, _, tail = decision.rpartition("-")
    return head if head and tail.isdigit() else decision
