"""Deterministic sample submissions for a rule pack and a unit registry (synthetic, not real figures).

    python -m plancheck.facts.generate --seed 2022 --out facts/samples/dak-nong-2022

Generic over the pack: every unit reports every metric of its level for the pack's period, sized by
the metric's unit words and the unit's level, parts never above their wholes. The seed decides which
targets are meant to be missed (a third to a half) and where each target's centre lies against its
threshold; units vary around it. A few communes send nothing, one department omits one figure, one
unit reports one part above its whole; ``increase_over`` targets get a ``baseline-<period>/`` folder.
Same seed, same bytes: one ``random.Random``, iteration in pack and registry order, no clock.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import random
import re
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from ..rules.model import Level, Measure, Metric, MetricKind, Op, Pack, Part, Rollup, Target
from .model import Registry, Unit, period_count
from .numbers import format_vi

__all__ = ["GenerationSummary", "generate", "main"]

FOLDERS = {Level.PROVINCE: "province", Level.DEPARTMENT: "departments", Level.DISTRICT: "districts",
           Level.COMMUNE: "communes"}
_ROLES = {Level.PROVINCE: ("Sở Thông tin và Truyền thông (tổng hợp số liệu toàn tỉnh)",),
          Level.DEPARTMENT: ("Văn phòng Sở", "Phòng Kế hoạch - Tổng hợp", "Bộ phận Công nghệ thông tin, Văn phòng"),
          Level.DISTRICT: ("Phòng Văn hóa - Thông tin", "Văn phòng HĐND và UBND"),
          Level.COMMUNE: ("Công chức Văn hóa - Xã hội", "Công chức Văn phòng - Thống kê")}

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
class GenerationSummary:
    seed: int
    period: str
    files: list[str] = field(default_factory=list)  # relative to the output folder
    units: int = 0  # units that submitted for the period
    values: int = 0
    baseline_period: str | None = None
    baseline_units: int = 0
    baseline_values: int = 0
    missing_units: list[str] = field(default_factory=list)
    omitted: tuple[str, str] | None = None  # (unit, metric) a unit left out
    broken: tuple[str, str, str, int, int] | None = None  # (unit, part, whole, part value, whole value)
    meant_missed: list[str] = field(default_factory=list)  # targets whose centre is below the threshold

    def lines(self) -> list[str]:
        out = [f"seed {self.seed}, period {self.period}: {len(self.files)} files, {self.units} units, "
               f"{self.values} values"]
        if self.baseline_period:
            out.append(f"baseline {self.baseline_period}: {self.baseline_units} units, {self.baseline_values} values")
        out.append(f"missing units: {', '.join(self.missing_units) or 'none'}")
        if self.omitted:
            out.append(f"omitted: {self.omitted[0]} does not report {self.omitted[1]}")
        if self.broken:
            unit, part, whole, pv, wv = self.broken
            out.append(f"constraint broken: {unit} {part} = {pv} > {whole} = {wv}")
        out.append(f"targets meant to be missed: {', '.join(self.meant_missed)}")
        return out


@dataclass
class _Drive:
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
class _Rule:
    how: str  # base | part | exclude | whole | ratio | flag | rate | value
    deps: list[str] = field(default_factory=list)
    drive: _Drive | None = None


def generate(pack: Pack, registry: Registry, seed: int, out_dir: Path) -> GenerationSummary:
    """Write the sample submissions of ``pack``'s period (and baseline) into ``out_dir``."""
    rng = random.Random(seed)
    period = pack.pack.period
    summary = GenerationSummary(seed=seed, period=period)
    drives = _drives(pack, rng)
    summary.meant_missed = sorted({d.target for d in drives if not all(d.met.values())})
    rules = _rules(pack, drives)
    communes = registry.at_level(Level.COMMUNE)
    missing = set(rng.sample([u.id for u in communes], min(len(communes), rng.randint(2, 3))))
    units = [u for u in registry if u.id not in missing]
    values = _values(pack, rules, _order(rules), units, period, rng)
    baseline = _baseline(pack, drives, units, values, rng)
    summary.missing_units = [u.id for u in registry if u.id in missing]
    summary.omitted = _omit(pack, units, values, rng)
    summary.broken = _break(pack, rules, units, values, summary.omitted, rng)
    _clear(out_dir)
    summary.files += _write(pack, registry, out_dir, values, period, "", rng)
    summary.units, summary.values = len(values), sum(len(v) for v in values.values())
    if baseline:
        summary.baseline_period = next(d.baseline for d in drives if d.baseline)
        summary.files += _write(pack, registry, out_dir, baseline, summary.baseline_period,
                                f"baseline-{summary.baseline_period}/", rng)
        summary.baseline_units, summary.baseline_values = len(baseline), sum(len(v) for v in baseline.values())
    summary.files.append("README.md")
    _put(out_dir / "README.md", _readme(summary, registry))
    return summary


def _drives(pack: Pack, rng: random.Random) -> list[_Drive]:
    shaped = [t for t in pack.targets if not t.manual]
    missed = set(rng.sample([t.id for t in shaped], round(len(shaped) * rng.uniform(0.35, 0.5))))
    out: list[_Drive] = []
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
            out.append(_Drive(t.id, p.measure, list(p.levels), ths, {lv: lv not in missed_at for lv in p.levels},
                              p.rollup in (Rollup.EVERY_UNIT, Rollup.SHARE_OF_UNITS) and p.measure.flag is None,
                              p.threshold is not None and p.threshold.op is Op.GT,
                              t.increase_over if isinstance(p, Target) else None))
    return out


def _rules(pack: Pack, drives: list[_Drive]) -> dict[str, _Rule]:
    """How each metric is made, and from which others (a numerator after its denominator, ...)."""
    metrics = pack.metric_index()
    primary: dict[str, _Drive] = {}
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
    rules: dict[str, _Rule] = {}
    for m in pack.metrics:
        drive, caps = primary.get(m.id), [w for w in m.not_above if w not in wholes]
        if drive is not None and drive.measure.ratio is not None:
            r = drive.measure.ratio
            rules[m.id] = _Rule("ratio", [r.denominator, *r.exclude, *caps], drive)
        elif drive is not None:
            rules[m.id] = _Rule(drive.measure.kind, caps, drive)
        elif m.id in wholes:
            rules[m.id] = _Rule("whole", wholes[m.id])
        elif m.id in excluded:
            rules[m.id] = _Rule("exclude", [excluded[m.id], *caps])
        else:
            rules[m.id] = _Rule("part" if caps else "base", caps)
    return rules


def _order(rules: dict[str, _Rule]) -> list[str]:
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


def _values(pack: Pack, rules: dict[str, _Rule], order: list[str], units: list[Unit], period: str,
            rng: random.Random) -> Values:
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


def _driven(values: Values, mid: str, rule: _Rule, d: _Drive, lv: Level, group: list[str], period: str,
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


def _baseline(pack: Pack, drives: list[_Drive], units: list[Unit], values: Values, rng: random.Random) -> Values:
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


def _omit(pack: Pack, units: list[Unit], values: Values, rng: random.Random) -> tuple[str, str] | None:
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


def _break(pack: Pack, rules: dict[str, _Rule], units: list[Unit], values: Values, omitted: tuple[str, str] | None,
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


# --- files -------------------------------------------------------------------------------------


def _clear(out_dir: Path) -> None:
    """Remove what an earlier run wrote (its folders' data files and the README), nothing else."""
    if not out_dir.is_dir():
        return
    ours = {*FOLDERS.values()}
    for path in sorted(out_dir.rglob("*"), reverse=True):
        top = path.relative_to(out_dir).parts[0]
        if not (top in ours or top.startswith("baseline-") or path == out_dir / "README.md"):
            continue
        if path.is_file() and path.suffix in (".yaml", ".json", ".csv", ".md"):
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def _put(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


def _write(pack: Pack, registry: Registry, out_dir: Path, values: Values, period: str, prefix: str,
           rng: random.Random) -> list[str]:
    """One file per department (YAML) and district (JSON), one CSV of communes per district, the
    province in YAML; some figures in Vietnamese text ("7.123.456.789", "91,5%"), others plain."""
    files: list[str] = []
    year = int(period[:4]) + 1
    rows: dict[str, list[list[str]]] = {}
    for unit in registry:
        if unit.id not in values:
            continue
        by = rng.choice(_ROLES[unit.level])
        at = f"{year}-01-{rng.randint(3, 25):02d}T{rng.randint(7, 16):02d}:{rng.randint(0, 59):02d}"
        shown = {m: _shown(pack.metric(m).kind, v, rng) for m, v in values[unit.id].items()}
        if unit.level is Level.COMMUNE:
            rows.setdefault(unit.parent or "", []).extend(
                [unit.id, period, m, str(v), by, at, ""] for m, v in shown.items())
            continue
        if unit.level is Level.DISTRICT:
            rel = f"{prefix}{FOLDERS[unit.level]}/{unit.id}.json"
            data = {"unit": unit.name_vi, "period": period, "submitted_by": by, "submitted_at": at, "values": shown}
            text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        else:
            rel = f"{prefix}{FOLDERS[unit.level]}/{unit.id}.yaml"
            text = _yaml(unit, period, by, at, shown)
        _put(out_dir / rel, text)
        files.append(rel)
    for district, lines in rows.items():
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["unit", "period", "metric", "value", "submitted_by", "submitted_at", "note"])
        writer.writerows(lines)
        rel = f"{prefix}{FOLDERS[Level.COMMUNE]}/{district}.csv"
        _put(out_dir / rel, buf.getvalue())
        files.append(rel)
    return files


def _shown(kind: MetricKind, v: Val, rng: random.Random) -> int | str:
    if isinstance(v, bool):
        return "có" if v else "không"
    if isinstance(v, Decimal):
        return format_vi(Fraction(v), max(0, -int(v.as_tuple().exponent))) + ("%" if kind is MetricKind.PERCENT else "")
    if kind is MetricKind.AMOUNT_VND or (v >= 1000 and rng.random() < 0.5):
        return format_vi(Fraction(v))
    return v


def _yaml(unit: Unit, period: str, by: str, at: str, shown: dict[str, int | str]) -> str:
    def q(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)

    lines = ["# Synthetic sample data (plancheck.facts.generate), not real figures.",
             f"unit: {unit.id}  # {unit.name_vi}", f"period: {q(period)}", f"submitted_by: {q(by)}",
             f"submitted_at: {q(at)}", "values:"]
    for metric, v in shown.items():
        text = str(v) if isinstance(v, int) or v in ("có", "không") else q(v)
        if unit.level is Level.PROVINCE and isinstance(v, str) and len(v) > 7 and not v.endswith("%"):
            text = f"{{value: {text}, note: {q('số liệu sơ bộ')}}}"
        lines.append(f"  {metric}: {text}")
    return "\n".join(lines) + "\n"


def _readme(s: GenerationSummary, registry: Registry) -> str:
    def name(uid: str) -> str:
        unit = registry.get(uid)
        return f"`{uid}` ({unit.name_vi})" if unit else f"`{uid}`"

    out = [
        "# Sample submissions (synthetic)", "",
        "Generated, not real figures. Regenerate with:", "",
        f"    python -m plancheck.facts.generate --seed {s.seed} --out facts/samples/dak-nong-{s.period}", "",
        f"Seed {s.seed}, period {s.period}: {s.units} units, {s.values} values in {len(s.files) - 1} files "
        "(departments: YAML, one per unit; districts: JSON; communes: one CSV per district, as the district "
        "collected them; the province: YAML).",
    ]
    if s.baseline_period:
        out += ["", f"`baseline-{s.baseline_period}/` holds the {s.baseline_period} figures of the targets that "
                f"must increase over {s.baseline_period}: {s.baseline_units} units, {s.baseline_values} values."]
    out += ["", "## Deliberately wrong or missing", ""]
    out += [f"- {name(u)} submitted nothing." for u in s.missing_units]
    if s.omitted:
        out.append(f"- {name(s.omitted[0])} left out `{s.omitted[1]}`.")
    if s.broken:
        unit, part, whole, pv, wv = s.broken
        out.append(f"- {name(unit)} reports `{part}` = {pv}, above `{whole}` = {wv} of which it is a part: "
                   "`plancheck validate` warns F012 and the targets using it show SỐ LIỆU MÂU THUẪN.")
    out += ["", f"Targets drawn to fall short of their threshold: {', '.join(s.meant_missed)}.",
            "Whether each is shown as not met depends on the missing figures above.", ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    from ..rules import DEFAULT_PACK
    from ..rules.loader import load_pack
    from . import DEFAULT_REGISTRY
    from .registry import load_registry

    parser = argparse.ArgumentParser(prog="python -m plancheck.facts.generate", description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument("--out", type=Path, required=True, help="output folder (its generated files are replaced)")
    parser.add_argument("--pack", type=Path, default=DEFAULT_PACK)
    parser.add_argument("--registry", type=Path, default=DEFAULT_REGISTRY)
    args = parser.parse_args(argv)
    pack, diags = load_pack(args.pack)
    registry, reg_diags = load_registry(args.registry)
    if pack is None or not registry.units:
        for d in [*diags, *reg_diags]:
            print(d, file=sys.stderr)
        return 2
    for line in generate(pack, registry, args.seed, args.out).lines():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
