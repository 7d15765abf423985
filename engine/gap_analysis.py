"""Gap analysis: for every target not met, at the province and at each level, how much is missing
and which units close it fastest, so the inspector knows whom to call.

It reads the verdicts the audit decided (a scope's and its units'); it evaluates nothing again.
For a scope not met:

- units that did not report come first, as *must report*: their figures are unknown; units with
  inconsistent figures follow, as *must correct*; units whose figures decide nothing (a zero
  denominator) are listed apart, as *undecided*: they hold nothing back;
- units not meeting their own threshold are ranked by how much they move the scope when they
  close their own shortfall (on their own denominator): for a pooled ratio, the count each unit
  still needs ("SO-TAI-CHINH: 18/40, needs 10 more to reach 70%"), largest first; for a mean of
  ratios, how far the unit's own ratio moves the mean, largest first; for a share of units (or
  every unit), each unit counts once, so the nearest to passing come first (smallest shortfall);
- for each ranked unit, the scope's value once it and every unit above it close their shortfall,
  and whether the scope is then met (unknown while units must still report), so ``closes_at``
  says how many calls close the gap.

A waiver changes none of this: a waived verdict is analysed on the status the engine decided, and
marked waived.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from ..audit import AuditResult, find_target
from ..rules.model import Level, Op, Rollup, Target
from .gap import needed
from .verdicts import ScopeKind, Status, Verdict
from .waivers import decided_status, waiver_of

__all__ = ["GapReport", "UnitRow", "gap_analysis"]

_LEVEL_ORDER = {lv.value: i for i, lv in enumerate(Level)}


@dataclass(frozen=True)
class UnitRow:
    """One unit of a scope not met, with its own verdict (figures, threshold, gap)."""

    verdict: Verdict
    status: Status  # the status the engine decided for the unit
    need: Fraction = Fraction(0)  # how far its own numerator must move to meet its own threshold (− for fewer)
    effect: Fraction = Fraction(0)  # how far the scope's numerator moves when it does
    rank: int = 0  # 1 for the unit that closes most (share of units: the nearest to passing); 0 unranked
    after_value: Fraction | None = None  # the scope's value once this unit and those above it close
    after_met: bool | None = None  # is the scope then met? None: unknown (units must still report)

    @property
    def unit(self) -> str:
        return self.verdict.scope.id

    @property
    def waived(self) -> bool:
        return waiver_of(self.verdict) is not None and self.verdict.status is Status.WAIVED


@dataclass
class GapReport:
    """A scope not met (the province, a level, or a compound target's part at the province)."""

    verdict: Verdict
    rollup: Rollup
    order: str  # "largest_first" or "smallest_first" (a share of units)
    shortfalls: list[UnitRow] = field(default_factory=list)
    must_report: list[UnitRow] = field(default_factory=list)
    must_correct: list[UnitRow] = field(default_factory=list)
    undecided: list[UnitRow] = field(default_factory=list)  # reported, but decide nothing (a zero denominator)
    met_units: int = 0

    @property
    def closes_at(self) -> int | None:
        """How many of the ranked units must close their shortfall for the scope to be met (None:
        not even all of them, or not known until the missing units report)."""
        return next((row.rank for row in self.shortfalls if row.after_met), None)

    @property
    def waived(self) -> bool:
        return self.verdict.status is Status.WAIVED


def gap_analysis(result: AuditResult, target_id: str | None = None) -> list[GapReport]:
    """A report per scope not met, of one target (``target_id``, any case; an unknown id raises
    ``InputError`` with a suggestion) or of every target, in the pack's order."""
    targets = [find_target(result.pack, target_id)] if target_id is not None else list(result.pack.targets)
    wanted = {t.id for t in targets}
    units: dict[tuple[str, str], list[Verdict]] = {}
    scopes: list[Verdict] = []
    for v in result.verdicts:
        if v.target not in wanted or v.check is not None:
            continue
        if v.scope.kind is ScopeKind.UNIT:
            units.setdefault((v.target, v.part), []).append(v)
        elif decided_status(v) is Status.NOT_MET and v.measure not in ("per_level", "compound"):
            scopes.append(v)
    by_id = {t.id: t for t in targets}
    order = {t.id: i for i, t in enumerate(targets)}

    def position(v: Verdict) -> tuple[int, int, int, int]:
        parts = [p.id for p in by_id[v.target].all_of or []]
        return (order[v.target], parts.index(v.part) + 1 if v.part else 0, v.scope.kind is ScopeKind.LEVEL,
                _LEVEL_ORDER.get(v.scope.id, 0))

    out = []
    for v in sorted(scopes, key=position):
        t = by_id[v.target]
        levels = _levels(t, v)
        members = [u for u in units.get((v.target, v.part), []) if _level_of(result, u) in levels]
        # a province-wide figure reported by the province itself has no unit verdicts: the
        # province verdict is its one unit's
        out.append(_report(v, _rollup(t, v.part), members or [v], _mean_like(t, v)))
    return out


def _report(scope: Verdict, rollup: Rollup, members: list[Verdict], mean_like: bool) -> GapReport:
    counts_units = scope.measure == "units"
    report = GapReport(scope, rollup, "smallest_first" if counts_units else "largest_first")
    ranked: list[UnitRow] = []
    for u in members:
        status = decided_status(u)
        if status is Status.MET:
            report.met_units += 1
        elif status is Status.NOT_MET:
            need = _need(u, whole=u.measure in ("ratio", "rate", "flag"))
            effect = Fraction(1) if counts_units else need / u.denominator if mean_like and u.denominator else need
            ranked.append(UnitRow(u, status, need, effect))
        elif status is Status.INCONSISTENT_DATA:
            report.must_correct.append(UnitRow(u, status))
        elif status is Status.INSUFFICIENT_DATA and (u.missing or not u.contributing):
            report.must_report.append(UnitRow(u, status))
        elif status is Status.INSUFFICIENT_DATA:
            report.undecided.append(UnitRow(u, status))
    if counts_units:
        ranked.sort(key=lambda r: (abs(r.need), r.unit))
    else:
        ranked.sort(key=lambda r: (-abs(r.effect), r.unit))
    report.shortfalls = _cumulate(scope, ranked, report, counts_units)
    return report


def _cumulate(scope: Verdict, ranked: list[UnitRow], report: GapReport, counts_units: bool) -> list[UnitRow]:
    """Each ranked unit with the scope's value once it and every unit above it close their shortfall."""
    unknown = len(report.must_report) + len(report.must_correct)
    known = not scope.missing and unknown == 0
    num, den = scope.numerator, scope.denominator
    if num is None or not den or scope.op is None or scope.threshold is None:
        return [_ranked(row, i, None, None) for i, row in enumerate(ranked)]
    op, threshold = scope.op, scope.threshold
    out = []
    moved = Fraction(0)
    for i, row in enumerate(ranked):
        moved += row.effect
        value = (num + moved) / den
        met: bool | None = op.holds(value, threshold) if known else None
        if counts_units and not known and op is not Op.EQ:
            best = (num + moved + unknown) / den  # the units still unknown all meet their condition
            met = True if op.holds(value, threshold) and op.holds(best, threshold) else (
                False if not op.holds(value, threshold) and not op.holds(best, threshold) else None)
        out.append(_ranked(row, i, value, met))
    return out


def _ranked(row: UnitRow, i: int, value: Fraction | None, met: bool | None) -> UnitRow:
    return UnitRow(row.verdict, row.status, row.need, row.effect, i + 1, value, met)


def _need(v: Verdict, whole: bool) -> Fraction:
    """How far a unit's numerator must move, its denominator fixed, to meet its own threshold:
    positive for more, negative for fewer, 0 when it cannot be told."""
    if v.numerator is None or not v.denominator or v.op is None or v.threshold is None:
        return Fraction(0)
    return needed(v.numerator, v.denominator, v.threshold, v.op, whole)


def _levels(t: Target, scope: Verdict) -> set[str]:
    if scope.scope.kind is ScopeKind.LEVEL:
        return {scope.scope.id}
    if t.all_of is not None:
        return {lv.value for p in t.all_of if p.id == scope.part for lv in p.levels}
    return {lv.value for lv in t.levels}


def _level_of(result: AuditResult, v: Verdict) -> str:
    unit = result.registry.get(v.scope.id)
    return unit.level.value if unit is not None else ""


def _rollup(t: Target, part: str) -> Rollup:
    for p in t.all_of or []:
        if p.id == part:
            return p.rollup
    return t.rollup


def _mean_like(t: Target, scope: Verdict) -> bool:
    """A scope whose value is the mean of its units' values (a mean roll-up, or a reported value)."""
    return _rollup(t, scope.part) is Rollup.MEAN or scope.measure == "value"
