"""The history of one unit and period: every submission, in order, and what each one changed.

The submissions of a unit and period form a chain ordered as the importer orders them: by
``submitted_at`` (a submission without a readable time first), then by import. Each entry says who
sent it, when, from which file (and its SHA-256), when it was imported, whether it is in force, and
its changes against the entry before it, metric by metric: added, removed, or changed from the old
value to the new (exact values and the texts as submitted).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction

from sqlalchemy import select

from .schema import metric_values, submissions
from .session import opened

__all__ = ["ChangeKind", "HistoryEntry", "MetricChange", "StoredValue", "history"]


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True)
class StoredValue:
    value: Fraction
    raw: str
    line: int


@dataclass(frozen=True)
class MetricChange:
    metric: str
    kind: ChangeKind
    old: StoredValue | None
    new: StoredValue | None


@dataclass
class HistoryEntry:
    submission_id: int
    unit: str
    period: str
    submitted_by: str
    submitted_at: str
    source_file: str
    file_sha256: str
    imported_at: str
    current: bool
    superseded_by: int | None
    values: dict[str, StoredValue] = field(default_factory=dict)
    changes: list[MetricChange] = field(default_factory=list)  # against the entry before (the first: all added)


def history(url: str | None, unit: str, period: str, metric: str | None = None) -> list[HistoryEntry]:
    """Every submission of ``unit`` for ``period``, oldest first; with ``metric``, only that metric's
    values and changes (entries that did not change it stay, with no change)."""
    s, v = submissions.c, metric_values.c
    subs = select(s.id, s.unit, s.period, s.submitted_by, s.submitted_at, s.submitted_at_utc, s.source_file,
                  s.file_sha256, s.imported_at, s.is_current, s.superseded_by).where(s.unit == unit, s.period == period)
    vals = (select(v.submission_id, v.metric, v.num, v.den, v.raw, v.line)
            .join_from(metric_values, submissions, s.id == v.submission_id).where(s.unit == unit, s.period == period))
    if metric is not None:
        vals = vals.where(v.metric == metric)
    with opened(url) as engine, engine.connect() as conn:
        rows = sorted(conn.execute(subs).all(), key=lambda r: (r.submitted_at_utc is not None,
                                                                r.submitted_at_utc or "", r.id))
        values: dict[int, dict[str, StoredValue]] = {}
        for r in conn.execute(vals):
            values.setdefault(r.submission_id, {})[r.metric] = StoredValue(Fraction(int(r.num), int(r.den)), r.raw,
                                                                           r.line)
    out: list[HistoryEntry] = []
    before: dict[str, StoredValue] = {}
    for r in rows:
        now = values.get(r.id, {})
        out.append(HistoryEntry(r.id, r.unit, r.period, r.submitted_by, r.submitted_at, r.source_file, r.file_sha256,
                                r.imported_at, bool(r.is_current), r.superseded_by, now, _diff(before, now)))
        before = now
    return out


def _diff(old: dict[str, StoredValue], new: dict[str, StoredValue]) -> list[MetricChange]:
    out = []
    for metric in sorted(old.keys() | new.keys()):
        a, b = old.get(metric), new.get(metric)
        if a is None:
            out.append(MetricChange(metric, ChangeKind.ADDED, None, b))
        elif b is None:
            out.append(MetricChange(metric, ChangeKind.REMOVED, a, None))
        elif a.value != b.value or a.raw != b.raw:
            out.append(MetricChange(metric, ChangeKind.CHANGED, a, b))
    return out
