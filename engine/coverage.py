"""Coverage: for each target and scope, how many units reported every figure the target needs
("64/71 communes reported"), and for each unit, which figures it must still send.

Read from an audit's own verdicts (their ``coverage``) and its facts; nothing here decides a
verdict. A unit that has not reported also shows its *known denominator* (``engine.bounds``): the
figure its share of a pooled scope is bounded with, and the period it comes from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from ..facts.model import FactSet, Registry
from ..rules.model import Level, Measure, MetricKind, Pack, Target
from .bounds import extent
from .verdicts import ScopeKind, Status, Verdict


@dataclass(frozen=True)
class UnitCoverage:
    """One unit of a target's levels: the figures it has not reported for the period (none: it
    reported), its own verdict, and for a unit that has not, its known denominator."""

    unit: str
    name_vi: str
    name_en: str
    level: str
    parent: str | None
    missing: tuple[str, ...]
    status: Status | None
    denominator: Fraction | None = None
    denominator_period: str = ""

    @property
    def reported(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class ScopeCoverage:
    kind: str  # province | level
    id: str
    name_vi: str
    name_en: str
    reported: int
    expected: int
    status: Status


@dataclass(frozen=True)
class TargetCoverage:
    """A target (or one part of a compound target) and who reported the figures it needs."""

    target: str
    part: str
    title_vi: str
    title_en: str
    metrics: tuple[str, ...]
    levels: tuple[str, ...]
    scopes: tuple[ScopeCoverage, ...]
    units: tuple[UnitCoverage, ...]

    @property
    def missing_units(self) -> list[UnitCoverage]:
        return [u for u in self.units if not u.reported]


@dataclass(frozen=True)
class StillToReport:
    """One unit that must still report, with each target (part) it holds up and the figures missing."""

    unit: str
    name_vi: str
    name_en: str
    level: str
    parent: str | None
    targets: tuple[tuple[str, str, tuple[str, ...]], ...]  # (target, part, missing metric ids)
    sent_nothing: bool  # no figure at all for the period

    @property
    def metrics(self) -> list[str]:
        return list(dict.fromkeys(m for _, _, ms in self.targets for m in ms))


@dataclass(frozen=True)
class CoverageReport:
    period: str
    targets: tuple[TargetCoverage, ...]
    units: tuple[str, ...] = ()  # the registry's unit ids, in order
    silent: frozenset[str] = frozenset()  # units with no figure at all for the period

    def still_to_report(self) -> list[StillToReport]:
        """Every unit that has not reported a figure some target needs, in registry order."""
        by_unit: dict[str, list[tuple[UnitCoverage, TargetCoverage]]] = {}
        for t in self.targets:
            for u in t.missing_units:
                by_unit.setdefault(u.unit, []).append((u, t))
        order = {u: i for i, u in enumerate(self.units)}
        out = []
        for unit_id in sorted(by_unit, key=lambda u: order.get(u, len(order))):
            items = by_unit[unit_id]
            u = items[0][0]
            out.append(StillToReport(u.unit, u.name_vi, u.name_en, u.level, u.parent,
                                     tuple((t.target, t.part, x.missing) for x, t in items), u.unit in self.silent))
        return out


def coverage(pack: Pack, registry: Registry, facts: FactSet, verdicts: Sequence[Verdict], period: str,
             target_id: str | None = None) -> CoverageReport:
    """The coverage of every target with figures (or of ``target_id`` only) in an audited period."""
    out: list[TargetCoverage] = []
    for t in pack.targets:
        if t.manual or (target_id is not None and t.id != target_id):
            continue
        for part, title, measure, levels in _specs(t):
            out.append(_target(pack, registry, facts, verdicts, period, t, part, title, measure, levels))
    reporting = facts.units(period)
    return CoverageReport(period, tuple(out), tuple(registry.ids()),
                          frozenset(u for u in registry.ids() if u not in reporting))


def _specs(t: Target) -> list[tuple[str, tuple[str, str], Measure, list[Level]]]:
    if t.all_of is not None:
        return [(p.id, (p.title_vi, p.title_en), p.measure, list(p.levels)) for p in t.all_of]
    assert t.measure is not None
    return [("", (t.title_vi, t.title_en), t.measure, list(t.levels))]


def _target(pack: Pack, registry: Registry, facts: FactSet, verdicts: Sequence[Verdict], period: str, t: Target,
            part: str, title: tuple[str, str], measure: Measure, levels: list[Level]) -> TargetCoverage:
    mine = [v for v in verdicts if v.target == t.id and v.check is None]
    unit_status = {v.scope.id: v.status for v in mine if v.part == part and v.scope.kind is ScopeKind.UNIT}
    scopes = []
    for v in mine:
        if v.scope.kind is ScopeKind.UNIT or v.coverage is None or v.part != part:
            continue
        scopes.append(ScopeCoverage(v.scope.kind.value, v.scope.id, v.scope.name_vi, v.scope.name_en,
                                    v.coverage.reported, v.coverage.expected, v.status))
    scopes.sort(key=lambda s: s.kind != "province")
    metrics = tuple(measure.metric_ids())
    cap = None
    if measure.value is not None and pack.metric(measure.value).kind in (MetricKind.PERCENT, MetricKind.YES_NO):
        cap = Fraction(1)
    units = []
    for lv in levels:
        for u in registry.at_level(lv):
            missing = tuple(m for m in metrics if facts.get(u.id, period, m) is None)
            status = unit_status.get(u.id)
            if status is None and lv is Level.PROVINCE:  # the province's own figures: the province's verdict
                status = next((s.status for s in scopes if s.kind == "province"), None)
            den, source = None, ""
            if missing and measure.ratio is not None:
                e = extent(measure, u.id, period, facts, cap)
                den, source = e.denominator, e.source
            units.append(UnitCoverage(u.id, u.name_vi, u.name_en or u.name_vi, lv.value, u.parent, missing, status,
                                      den, source))
    return TargetCoverage(t.id, part, title[0], title[1] or title[0], metrics, tuple(lv.value for lv in levels),
                          tuple(scopes), tuple(units))
