"""What changed between two audits of the same plan (two periods, or two deliveries of the same
period): new failures, recoveries, other changes of verdict, and the change of each target's value
at the province.

One row per target at the province; a per-level or compound target, whose own verdict has no
value, also has a row per level or part. Consistency checks are not compared (each audit lists
its own). ``render.compare`` shows the comparison and writes it as JSON (``plancheck.compare/1``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from typing import Protocol

from .verdicts import ScopeKind, Status, Verdict


class Audited(Protocol):
    """What a comparison reads from an audit (``audit.AuditResult`` is one)."""

    @property
    def period(self) -> str: ...

    @property
    def verdicts(self) -> list[Verdict]: ...


class Change(StrEnum):
    NEW_FAILURE = "new_failure"  # not met now, and it was not "not met" before
    RECOVERY = "recovery"  # met now, not met before
    CHANGED = "changed"  # any other change of verdict
    UNCHANGED = "unchanged"
    ADDED = "added"  # a target only the newer audit has
    REMOVED = "removed"  # a target only the earlier audit has

    @property
    def label_vi(self) -> str:
        return _LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _LABELS[self][1]

    def label(self, lang: str) -> str:
        return self.label_vi if lang == "vi" else self.label_en


_LABELS = {
    Change.NEW_FAILURE: ("mới không đạt", "new failure"),
    Change.RECOVERY: ("đã đạt trở lại", "recovered"),
    Change.CHANGED: ("thay đổi", "changed"),
    Change.UNCHANGED: ("không đổi", "unchanged"),
    Change.ADDED: ("mục tiêu mới", "new target"),
    Change.REMOVED: ("không còn", "no longer audited"),
}


@dataclass(frozen=True)
class Row:
    """One target (``sub`` "") or one of its levels or parts, in the two audits."""

    target: str
    sub: str  # "" for the target; a level or a part id
    title_vi: str
    title_en: str
    area: str
    before: Verdict | None
    now: Verdict | None
    change: Change

    @property
    def delta(self) -> Fraction | None:
        """The value now minus the value before, when both audits have one (exact)."""
        if self.now is None or self.before is None or self.now.value is None or self.before.value is None:
            return None
        return self.now.value - self.before.value


@dataclass(frozen=True)
class Comparison:
    period_now: str
    period_before: str
    rows: tuple[Row, ...]

    def of(self, change: Change) -> list[Row]:
        return [r for r in self.rows if r.change is change]

    def counts(self) -> dict[Change, int]:
        """Changes of the targets' own verdicts (rows of levels and parts are not counted)."""
        return {c: sum(r.change is c and not r.sub for r in self.rows) for c in Change}


def compare(result_now: Audited, result_before: Audited) -> Comparison:
    """Compare two audits, target by target, at the province."""
    now, before = _rows(result_now.verdicts), _rows(result_before.verdicts)
    keys = list(now) + [k for k in before if k not in now]
    rows = []
    for k in keys:
        n, b = now.get(k), before.get(k)
        shown = n or b
        assert shown is not None
        rows.append(Row(k[0], k[1], shown.title_vi, shown.title_en, shown.area, b, n, _change(b, n)))
    return Comparison(result_now.period, result_before.period, tuple(rows))


def _rows(verdicts: Sequence[Verdict]) -> dict[tuple[str, str], Verdict]:
    out: dict[tuple[str, str], Verdict] = {}
    for v in verdicts:
        if v.check is not None or v.part or v.scope.kind is not ScopeKind.PROVINCE:
            continue
        out[(v.target, "")] = v
        for p in v.parts:  # a per-level target's levels, a compound target's parts
            out[(v.target, p.part or p.scope.id)] = p
    return out


def _change(before: Verdict | None, now: Verdict | None) -> Change:
    if before is None:
        return Change.ADDED
    if now is None:
        return Change.REMOVED
    if now.status is Status.NOT_MET and before.status is not Status.NOT_MET:
        return Change.NEW_FAILURE
    if now.status is Status.MET and before.status is Status.NOT_MET:
        return Change.RECOVERY
    return Change.UNCHANGED if now.status is before.status else Change.CHANGED
