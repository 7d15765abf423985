"""Drawing the sample figures (synthetic): sizes by unit words and level, each target's centre against its
threshold, parts never above their wholes, and the few deliberate faults. Files: see ``sample_files``."""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from ..rules.model import Level, Measure, Metric, MetricKind, Op, Pack, Part, Rollup, Target
from .model import Unit, period_count

__all__ = ["Drive", "Rule", "Val", "Values", "break_one", "draw_baseline", "draw_drives", "draw_values",
           "metric_order", "metric_rules", "omit_one"]

Val = int | bool | Decimal
Values = dict[str, dict[str, Val]]  # unit id -> metric id -> value

# Sizes of a figure that nothing else determines, by level: first by words of its name (for the few
# figures whose unit says too little), then by words of its unit.
_NAMED: tuple[tuple[str, dict[Level, tuple[int, int]]], ...] = (
    ("ngân sách", {Level.PROVINCE: (6_800_000_000_000, 7_400_000_000_000)}),
    ("trưởng thành", {Level.PROVINCE: (430_000, 470_000)}),
)
_MAGNITUDES: tuple[tuple[str, dict[Level, tuple[int, int]]], ...] = (
    ("đồng", {Level.PROVINCE: (20_000_000_000_000, 28_000_000_000_000)}),
    ("hộ gia đình", {Level.PROVINCE: (155_000, 170_000)}),
    ("doanh nghiệp", {Level.PROVINCE: (3_500, 4_500)}),
    ("hóa đơn", {Level.PROVINCE: (2_000_000, 4_000_000)}),
    ("trẻ em", {Level.PROVINCE: (4, 20)}),
    ("thôn", {Level.COMMUNE: (5, 16)}),
    ("trường", {Level.DEPARTMENT: (0, 4), Level.DISTRICT: (35, 90)}),
    ("hệ thống thông tin", {Level.DEPARTMENT: (8, 45), Level.DISTRICT: (3, 12)}),
    ("máy tính", {Level.DEPARTMENT: (40, 260), Level.DISTRICT: (80, 220), Level.COMMUNE: (15, 35)}),
    ("người", {Level.PROVINCE: (640_000, 670_000), Level.DEPARTMENT: (60, 450), Level.DISTRICT: (150, 380),
               Level.COMMUNE: (18, 35)}),
    ("cổng", {Level.DEPARTMENT: (1, 3), Level.DISTRICT: (1, 3), Level.COMMUNE: (1, 1)}),
    ("thủ tục", {Level.DEPARTMENT: (15, 140)}),
    ("chế độ báo cáo", {Level.DEPARTMENT: (15, 90)}),
    ("hồ sơ công việc", {Level.DEPARTMENT: (1_500, 9_000), Level.DISTRICT: (3_000, 12_000),
                         Level.COMMUNE: (400, 2_000)}),
    ("hồ sơ", {Level.DEPARTMENT: (1_000, 25_000), Level.DISTRICT: (4_000, 20_000), Level.COMMUNE: (600, 4_000)}),
    ("văn bản", {Level.DEPARTMENT: (2_500, 14_000), Level.DISTRICT: (6_000, 18_000), Level.COMMUNE: (900, 3_500)}),
)
_FALLBACK = {Level.PROVINCE: (1_000, 50_000), Level.DEPARTMENT: (10, 200), Level.DISTRICT: (20, 300),
             Level.COMMUNE: (3, 40)}


@dataclass
class Drive:
    """What one target, or one part of a compound target, asks of its figures."""

    target: str
    measure: Measure
    levels: list[Level]
    thresholds: dict[Level, Fraction]  # on the measure's own scale; empty for increase_over
    met: dict[Level, bool]
    every: bool  # each unit must pass on its own
    strict: bool = False
    baseline: str | None = None


@dataclass
class Rule:
    """How one metric is made (base | part | exclude | whole | ratio | flag | rate | value), from which others."""

    how: str
    deps: list[str] = field(default_factory=list)
    drive: Drive | None = None


def draw_drives(pack: Pack, rng: random.Random) -> list[Drive]:
    """Which targets are meant to be missed (a third to a half), and at which levels, per target or part."""
    shaped = [t for t in pack.targets if not t.manual]
    missed = set(rng.sample([t.id for t in shaped], round(len(shaped) * rng.uniform(0.35, 0.5))))
    out: list[Drive] = []
    for t in shaped:
        parts: list[Target | Part] = list(t.all_of) if t.all_of is not None else [t]
        bad = rng.randrange(len(parts)) if t.id in missed else -1
        for i, p in enumerate(parts):
            assert p.measure is not None
            by_level = p.thresholds_by_level if isinstance(p, Target) else None
            ths = {}
            for lv in p.levels:
                th = (by_level or {}).get(lv) or p.unit_threshold or p.threshold
                if th is not None:
                    per = p.measure.ratio.per if p.measure.ratio is not None and "%" not in th.text else 1
                    ths[lv] = th.value / per
            # A target missed at one level is missed; a pooled one must be missed at every level.
            one = (isinstance(p, Target) and p.thresholds_by_level is not None) or min(ths.values(), default=0) >= 1
            missed_at = ([rng.choice(p.levels)] if one else p.levels) if i == bad else []
            out.append(Drive(t.id, p.measure, list(p.levels), ths, {lv: lv not in missed_at for lv in p.levels},
                             p.rollup in (Rollup.EVERY_UNIT, Rollup.SHARE_OF_UNITS) and p.measure.flag is None,
                             p.threshold is not None and p.threshold.op is Op.GT,
                             t.increase_over if isinstance(p, Target) else None))
    return out


def metric_rules(pack: Pack, drives: list[Drive]) -> dict[str, Rule]:
    """How each metric is made, and from which others (a numerator after its denominator, ...)."""
    metrics = pack.metric_index()
    primary: dict[str, Drive] = {}
    excluded: dict[str, str] = {}
    for d in sorted(drives, key=lambda d: d.baseline is not None):  # thresholds first, then increases
        ms = d.measure
        driven = ms.ratio.numerator if ms.ratio else ms.rate.count if ms.rate else ms.flag or ms.value or ""
        primary.setdefault(driven, d)
        for e in ms.ratio.exclude if ms.ratio else []:
            excluded.setdefault(e, ms.ratio.denominator if ms.ratio else "")
    wholes: dict[str, list[str]] = {}  # a total made from a part that something else drives
    for mid, d in primary.items():
        for w in metrics[mid].not_above:
            if (d.measure.ratio is not None and w != d.measure.ratio.denominator and not metrics[w].not_above
                    and w not in primary and w not in excluded):
                wholes.setdefault(w, []).append(mid)
    rules: dict[str, Rule] = {}
    for m in pack.metrics:
        drive, caps = primary.get(m.id), [w for w in m.not_above if w not in wholes]
        if drive is not None and drive.measure.ratio is not None:
            r = drive.measure.ratio
            rules[m.id] = Rule("ratio", [r.denominator, *r.exclude, *caps], drive)
        elif drive is not None:
            rules[m.id] = Rule(drive.measure.kind, caps, drive)
        elif m.id in wholes:
            rules[m.id] = Rule("whole", wholes[m.id])
        elif m.id in excluded:
            rules[m.id] = Rule("exclude", [excluded[m.id], *caps])
        else:
            rules[m.id] = Rule("part" if caps else "base", caps)
    return rules


def metric_order(rules: dict[str, Rule]) -> list[str]:
    """The metrics in pack order, each after the ones it is made from; a cycle is a ``ValueError``."""
    out: list[str] = []

    def visit(mid: str, path: tuple[str, ...]) -> None:
        if mid in out:
            return
        if mid in path:
            raise ValueError(f"figures that depend on each other: {' -> '.join((*path, mid))}")
        for dep in rules[mid].deps:
            visit(dep, (*path, mid))
        out.append(mid)

    for mid in rules:
        visit(mid, ())
    return out


def draw_values(pack: Pack, rules: dict[str, Rule], order: list[str], units: list[Unit], period: str,
                rng: random.Random) -> Values:
    """Every figure of every unit of ``units`` for ``period``, in ``order``."""
    values: Values = {u.id: {} for u in units}
    for mid in order:
        metric, rule = pack.metric(mid), rules[mid]
        reporting = [u for u in units if u.level in metric.levels]
        d = rule.drive
        if d is not None and rule.how != "flag":
            for lv in d.levels:
                group = [u.id for u in reporting if u.level is lv]
                if group:
                    _driven(values, mid, rule, d, lv, group, period, rng)
        elif d is not None:
            for lv in d.levels:
                group = [u.id for u in reporting if u.level is lv]
                t = d.thresholds.get(lv, Fraction(1, 2))
                need = min(len(group), math.floor(len(group) * t) + 1 if d.strict else math.ceil(len(group) * t))
                if t >= 1:
                    k = need if d.met[lv] else len(group) - min(len(group), rng.randint(1, 2))
                else:
                    k = round(len(group) * _centre(float(t), d.met[lv], True, rng))
                    k = max(k, need) if d.met[lv] else min(k, need - 1)
                yes = set(rng.sample(group, max(0, k)))
                for uid in group:
                    values[uid][mid] = uid in yes
        for u in reporting:
            if mid in values[u.id]:
                continue
            got = [values[u.id][w] for w in rule.deps if w in values[u.id]]
            top = min((int(v) for v in got), default=None)
            if rule.how == "exclude" and top is not None:
                values[u.id][mid] = math.floor(top * rng.uniform(0.002, 0.03))
            elif rule.how == "part" and top is not None:
                named = _size(metric, u.level) if any(k in metric.name_vi.lower() for k, _ in _NAMED) else None
                values[u.id][mid] = min(top, rng.randint(*named)) if named else round(top * rng.uniform(0.55, 0.97))
            elif rule.how == "whole" and got:
                values[u.id][mid] = math.ceil(max(int(v) for v in got) / rng.uniform(0.55, 0.9))
            elif metric.kind is MetricKind.YES_NO:
                values[u.id][mid] = rng.random() < 0.8
            elif metric.kind is MetricKind.PERCENT:
                values[u.id][mid] = Decimal(rng.randint(400, 980)) / 10
            elif metric.kind is MetricKind.NUMBER:
                values[u.id][mid] = Decimal(rng.randint(100, 10_000)) / 100
            else:
                values[u.id][mid] = rng.randint(*(_size(metric, u.level) or _FALLBACK[u.level]))
    return values


def _driven(values: Values, mid: str, rule: Rule, d: Drive, lv: Level, group: list[str], period: str,
            rng: random.Random) -> None:
    """A ratio numerator, a rate's count or a reported percentage, for one level's units."""
    t = float(d.thresholds.get(lv, Fraction(0)))
    met = d.met[lv]
    if rule.how == "ratio" and d.measure.ratio is not None:
        r = d.measure.ratio
        weights = {u: int(values[u].get(r.denominator, 0)) - sum(int(values[u].get(e, 0)) for e in r.exclude)
                   for u in group}
        bounded = r.denominator in rule.deps[1 + len(r.exclude):]
        if not d.thresholds:
            t, met = 0.0, True
            rates = _spread(rng, group, weights, rng.uniform(0.25, 0.75), met, False, bounded)
        else:
            rates = _spread(rng, group, weights, t, met, d.every, bounded)
        for u in group:
            n = _part_of(weights[u], rates[u], t)
            caps = [int(values[u][c]) for c in rule.deps[1 + len(r.exclude):] if c in values[u]]
            values[u][mid] = min([n, *caps])
    elif rule.how == "rate" and d.measure.rate is not None:
        weeks = period_count(period, d.measure.rate.per)
        rates = _spread(rng, group, None, t, met, d.every, False)
        for u in group:
            values[u][mid] = _part_of(weeks, rates[u], t)
    else:
        rates = _spread(rng, group, None, t, met, d.every, True)
        for u in group:
            values[u][mid] = Decimal(str(round(rates[u] * 100, 1)))


def _centre(t: float, met: bool, bounded: bool, rng: random.Random) -> float:
    hi = min(1.0, t * 1.5) if bounded else t * 1.6
    return t + (hi - t) * rng.uniform(0.2, 0.8) if met else t * rng.uniform(0.55, 0.93)


def _spread(rng: random.Random, units: list[str], weights: dict[str, int] | None, t: float, met: bool,
            every: bool, bounded: bool) -> dict[str, float]:
    """Each unit's rate: around a centre, or (when each unit counts, or 100% is asked) all at or
    above the threshold but for one or two units when the target is meant to be missed."""
    if every or t >= 1:
        hi = min(1.0, t * 1.5) if bounded else t * 1.6
        rates = {u: t + (hi - t) * rng.uniform(0.1, 1.0) for u in units}
        if not met:
            short = [u for u in units if weights is None or weights[u] > 0]
            for u in rng.sample(short, min(len(short), rng.randint(1, 2))):
                rates[u] = t * rng.uniform(0.7, 0.96)
        return rates
    c = _centre(t, met, bounded, rng)
    sd = 0.25 * min(c, 1 - c) if bounded else 0.08 * c
    drawn = {u: max(0.0, rng.gauss(c, sd)) for u in units}
    w = weights or dict.fromkeys(units, 1)
    pooled = sum(drawn[u] * w[u] for u in units) / max(1, sum(w[u] for u in units))
    scale = c / pooled if pooled > 0 else 1.0  # the units vary, the pooled figure stays at the centre
    return {u: min(1.0, drawn[u] * scale) if bounded else drawn[u] * scale for u in units}


def _part_of(whole: int, rate: float, t: float) -> int:
    if rate >= t:
        return max(0, math.ceil(whole * rate - 1e-9))
    return max(0, min(math.floor(whole * rate), math.ceil(whole * t) - 1))


def _size(metric: Metric, level: Level) -> tuple[int, int] | None:
    for table, words in ((_NAMED, metric.name_vi), (_MAGNITUDES, metric.unit_vi), (_MAGNITUDES, metric.name_vi)):
        for key, by_level in table:
            if level in by_level and re.search(rf"(?<!\w){re.escape(key)}(?!\w)", words.lower()):
                return by_level[level]
    return None


def draw_baseline(pack: Pack, drives: list[Drive], units: list[Unit], values: Values, rng: random.Random) -> Values:
    """Figures of the baseline period for what ``increase_over`` targets compare: some units better
    than in the period audited, some not; the pooled change has the sign the target was drawn."""
    out: Values = {}
    for d in drives:
        r = d.measure.ratio
        if d.baseline is None or r is None:
            continue
        gain = rng.uniform(0.02, 0.06) if all(d.met.values()) else -rng.uniform(0.005, 0.03)
        bounded = r.denominator in pack.metric(r.numerator).not_above
        for u in units:
            now = values[u.id]
            if u.level not in d.levels or not all(m in now for m in d.measure.metric_ids()):
                continue
            row = out.setdefault(u.id, {})
            den = int(row.setdefault(r.denominator, round(int(now[r.denominator]) * rng.uniform(0.85, 1.02))))
            for e in r.exclude:
                row.setdefault(e, math.floor(den * int(now[e]) / max(1, int(now[r.denominator]))))
            eff_now = int(now[r.denominator]) - sum(int(now[e]) for e in r.exclude)
            eff = den - sum(int(row[e]) for e in r.exclude)
            rate = int(now[r.numerator]) / eff_now - gain + rng.gauss(0, 0.04) if eff_now > 0 else 0.0
            row.setdefault(r.numerator, round(eff * max(0.0, min(1.0, rate) if bounded else rate)))
    return out


def _used(pack: Pack) -> set[str]:
    parts: list[Target | Part] = []
    for t in pack.targets:
        parts += t.all_of if t.all_of is not None else [t]
    return {m for p in parts if p.measure is not None for m in p.measure.metric_ids()}


def omit_one(pack: Pack, units: list[Unit], values: Values, rng: random.Random) -> tuple[str, str] | None:
    """One department leaves out one figure that a target needs."""
    departments = [u.id for u in units if u.level is Level.DEPARTMENT]
    if not departments:
        return None
    uid = rng.choice(departments)
    choices = [m for m in values[uid] if m in _used(pack)]
    if not choices:
        return None
    mid = rng.choice(choices)
    del values[uid][mid]
    return uid, mid


def break_one(pack: Pack, rules: dict[str, Rule], units: list[Unit], values: Values, omitted: tuple[str, str] | None,
              rng: random.Random) -> tuple[str, str, str, int, int] | None:
    """One unit reports a part above its only whole: the numerator of a target with a threshold."""
    thresholded = {mid for mid, r in rules.items() if r.how == "ratio" and r.drive and r.drive.thresholds}
    candidates = [(u.id, m.id, m.not_above[0]) for u in units for m in pack.metrics
                  if m.id in thresholded and len(m.not_above) == 1 and u.id != (omitted or ("",))[0]
                  and m.id in values[u.id] and int(values[u.id].get(m.not_above[0], 0)) > 0]
    if not candidates:
        return None
    uid, part, whole = rng.choice(candidates)
    whole_value = int(values[uid][whole])
    values[uid][part] = whole_value + rng.randint(1, max(1, whole_value // 20))
    return uid, part, whole, int(values[uid][part]), whole_value
