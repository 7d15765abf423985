"""Mid-period projection: where each target is headed at the end of a period that is not over yet,
and which targets are **at risk** of being missed.

The method (stated in every at-risk verdict, see ``docs/periods.md``):

1. **The figures so far.** A figure a unit submitted for the period itself is a year-to-date (or
   quarter-to-date) figure as of the audit date. Where a unit has no such figure, the figures of
   the quarters (or else the months) of the period that have ended by the audit date are combined,
   if the unit reported every one of them: counts and amounts are added up; a percentage, a
   number or a yes/no answer is taken from the latest.
2. **Linear projection.** A count that a target measures per week or per month (a rate) is scaled
   to the whole period by the share of the period its figure covers: 30 news items by 30 September
   (273 of 365 days) project to 30 × 365/273 ≈ 40,1 for the year. Every other figure is held as it
   stands, so ratios (shares, per-capita figures, budget shares) and flags are held constant.
3. **Decision.** The projected figures are evaluated like any audit (on durable-rules, consistency
   checks left out: they judge the figures as submitted, in the audit itself). A verdict whose
   projection is *not met* is marked ``at_risk`` with a reason; its own status is not changed.

A period that is over (or has not started) has nothing to project.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from typing import Protocol

from ..diagnostics import Location
from ..facts.model import FactSet, MetricValue, Registry
from ..facts.numbers import format_en, format_vi
from ..rules.model import MetricKind, Pack
from .periods import elapsed_share, parse_period, sub_periods
from .verdicts import Projected, ScopeKind, Status, Verdict

_ADDED = (MetricKind.COUNT, MetricKind.AMOUNT_VND)


@dataclass
class Projection:
    """The projection of ``period`` as of ``as_of``: the share of the period gone by, the projected
    verdicts (none when the period is over or has not started), and the method in words."""

    period: str
    as_of: date
    elapsed: Fraction
    verdicts: list[Verdict] = field(default_factory=list)
    method: tuple[str, str] = ("", "")

    @property
    def active(self) -> bool:
        return 0 < self.elapsed < 1


class _Audit(Protocol):
    """What a projection reads from an audit (``audit.AuditResult`` is one)."""

    @property
    def pack(self) -> Pack: ...

    @property
    def facts(self) -> FactSet: ...

    @property
    def registry(self) -> Registry: ...

    @property
    def period(self) -> str: ...

    @property
    def verdicts(self) -> list[Verdict]: ...


def so_far(pack: Pack, facts: FactSet, period: str, as_of: date) -> tuple[FactSet, dict[tuple[str, str], Fraction]]:
    """The figures of ``period`` as of ``as_of``, and the share of the period each covers, by (unit, metric)."""
    out = FactSet(inconsistent=dict(facts.inconsistent))
    shares: dict[tuple[str, str], Fraction] = {}
    elapsed = elapsed_share(period, as_of)
    kinds = {m.id: m.kind for m in pack.metrics}
    day_after = as_of + timedelta(days=1)
    ways = [[p for p in way if parse_period(p).end <= day_after] for way in sub_periods(period)]
    pairs = {(v.unit, v.metric) for v in facts if v.metric in kinds}
    for unit, metric in sorted(pairs):
        own = facts.get(unit, period, metric)
        if own is not None:
            out.add(own)
            shares[(unit, metric)] = elapsed
            continue
        for way in ways:
            found = [facts.get(unit, p, metric) for p in way]
            parts = [f for f in found if f is not None]
            if not parts or len(parts) < len(found):
                continue
            value = sum((f.value for f in parts), Fraction(0)) if kinds[metric] in _ADDED else parts[-1].value
            raw = " + ".join(f.raw for f in parts) if kinds[metric] in _ADDED else parts[-1].raw
            last = parts[-1]
            out.add(MetricValue(unit, period, metric, value, f"{raw} ({way[0]}…{way[-1]})",
                                Location(last.source.file, last.source.line, last.source.field)))
            flags = [facts.inconsistent[f.key] for f in parts if f.key in facts.inconsistent]
            if flags:
                out.inconsistent[(unit, period, metric)] = "; ".join(flags)
            days = sum(parse_period(p).days for p in way)
            shares[(unit, metric)] = Fraction(days, parse_period(period).days)
            break
    return out, shares


def projected_facts(pack: Pack, facts: FactSet, period: str, as_of: date) -> FactSet:
    """The figures so far with every count a target measures per week or month scaled linearly to
    the whole period; every other figure held."""
    current, shares = so_far(pack, facts, period, as_of)
    measures = [t.measure for t in pack.targets] + [p.measure for t in pack.targets for p in t.all_of or []]
    rates = {m.rate.count for m in measures if m is not None and m.rate is not None}
    out = FactSet(inconsistent=current.inconsistent)
    for v in current:
        share = shares[(v.unit, v.metric)]
        if v.metric in rates and 0 < share < 1:
            v = MetricValue(v.unit, v.period, v.metric, v.value / share, v.raw, v.source, v.submitted_by,
                            v.submitted_at)
        out.add(v)
    return out


def project(pack: Pack, facts: FactSet, registry: Registry, period: str, as_of: date) -> Projection:
    """Project every target of ``period`` to the period's end, as of ``as_of``."""
    from .evaluate import evaluate

    elapsed = elapsed_share(period, as_of)
    done = elapsed.numerator * parse_period(period).days // elapsed.denominator
    method = (f"dự báo tuyến tính đến hết kỳ {period} (đã qua {done}/{parse_period(period).days} ngày tính đến "
              f"{as_of.strftime('%d/%m/%Y')}): số lượng tính theo tuần/tháng được nhân theo tỷ lệ thời gian, "
              "tỷ lệ giữ nguyên",
              f"linear projection to the end of {period} ({done}/{parse_period(period).days} days gone by on "
              f"{as_of.isoformat()}): counts per week or month scaled by the time gone by, ratios held constant")
    if not 0 < elapsed < 1:
        return Projection(period, as_of, elapsed, method=method)
    plain = pack.model_copy(update={"checks": []})
    evaluation = evaluate(plain, projected_facts(pack, facts, period, as_of), registry, period=period)
    return Projection(period, as_of, elapsed, evaluation.verdicts, method)


def mark_at_risk(verdicts: Sequence[Verdict], projection: Projection) -> list[Verdict]:
    """Give each target verdict its projection, and mark ``at_risk`` (with the method as a reason)
    those whose projection is not met. The verdicts marked at risk are returned."""
    if not projection.active:
        return []
    projected = {_key(v): v for v in projection.verdicts}
    at_risk = []
    for v in verdicts:
        p = projected.get(_key(v))
        if v.check is not None or p is None:
            continue
        v.projected = Projected(projection.as_of.isoformat(), projection.elapsed, p.value, p.status)
        if p.status is Status.NOT_MET:
            v.at_risk = True
            value_vi, value_en = _value(p, "vi"), _value(p, "en")
            v.reasons.append((f"có nguy cơ không đạt: {projection.method[0]}; giá trị dự báo {value_vi}, "
                              f"không đạt ngưỡng {p.threshold_text}",
                              f"at risk: {projection.method[1]}; projected value {value_en} does not meet "
                              f"{p.threshold_text}"))
            at_risk.append(v)
    return at_risk


def project_audit(result: _Audit, as_of: date) -> Projection:
    """Project an audit's period as of ``as_of`` and mark its verdicts (``--as-of``)."""
    projection = project(result.pack, result.facts, result.registry, result.period, as_of)
    mark_at_risk(result.verdicts, projection)
    return projection


def _key(v: Verdict) -> tuple[str, str, ScopeKind, str]:
    return (v.target, v.part, v.scope.kind, v.scope.id)


def _value(v: Verdict, lang: str) -> str:
    if v.value is None:
        return "—"
    scaled = v.value * 100 if v.percent else v.value * v.per
    text = format_vi(scaled, 2) if lang == "vi" else format_en(scaled, 2)
    if v.percent:
        return text + "%"
    if v.per != 1:
        return f"{text}/{v.per}"
    return text + (("/tuần" if lang == "vi" else "/week") if v.measure == "rate" else "")
