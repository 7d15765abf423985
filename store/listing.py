"""What the store holds: its submissions (``db ls``) and the values in force for a period (``db export``).

``export_facts`` writes the current values of one period as a submission file that ``db import``
and ``audit --facts`` read back: ``csv`` is the long form of ``docs/submissions.md`` (the value
column holds the text as submitted, which the loaders accepted once); ``json`` adds the exact value
of each figure as ``num/den`` (a percent as a fraction of 1) and its source file and line.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import func, select, true

from ..safe_text import spreadsheet_text
from .schema import metric_values, submissions
from .session import opened

__all__ = ["ExportFormat", "SubmissionInfo", "export_facts", "list_submissions"]

ExportFormat = Literal["csv", "json"]


@dataclass(frozen=True)
class SubmissionInfo:
    id: int
    unit: str
    period: str
    submitted_by: str
    submitted_at: str
    source_file: str
    source_line: int
    file_sha256: str
    imported_at: str
    current: bool
    superseded_by: int | None
    values: int


def list_submissions(url: str | None, period: str | None = None, unit: str | None = None,
                     current_only: bool = False) -> list[SubmissionInfo]:
    """The submissions in the store, by period, unit and import order."""
    s, v = submissions.c, metric_values.c
    count = select(func.count()).where(v.submission_id == s.id).scalar_subquery()
    query = select(s.id, s.unit, s.period, s.submitted_by, s.submitted_at, s.source_file, s.source_line,
                   s.file_sha256, s.imported_at, s.is_current, s.superseded_by, count.label("n"))
    if period is not None:
        query = query.where(s.period == period)
    if unit is not None:
        query = query.where(s.unit == unit)
    if current_only:
        query = query.where(s.is_current == true())
    with opened(url) as engine, engine.connect() as conn:
        rows = conn.execute(query.order_by(s.period, s.unit, s.id)).all()
    return [SubmissionInfo(r.id, r.unit, r.period, r.submitted_by, r.submitted_at, r.source_file, r.source_line,
                           r.file_sha256, r.imported_at, bool(r.is_current), r.superseded_by, int(r.n))
            for r in rows]


def export_facts(url: str | None, period: str, fmt: ExportFormat = "csv") -> str:
    """The values in force for ``period`` as CSV (re-importable) or JSON (with exact values)."""
    s, v = submissions.c, metric_values.c
    query = (select(s.unit, s.period, s.submitted_by, s.submitted_at, s.source_file, v.metric, v.num, v.den,
                    v.raw, v.line)
             .join_from(submissions, metric_values, s.id == v.submission_id)
             .where(s.is_current == true(), s.period == period).order_by(s.unit, v.metric))
    with opened(url) as engine, engine.connect() as conn:
        rows = conn.execute(query).all()
    if fmt == "json":
        return json.dumps({"format": "plancheck.facts/1", "period": period, "values": [
            {"unit": r.unit, "period": r.period, "metric": r.metric, "value": f"{r.num}/{r.den}", "raw": r.raw,
             "submitted_by": r.submitted_by, "submitted_at": r.submitted_at,
             "source": {"file": r.source_file, "line": r.line}} for r in rows]}, ensure_ascii=False, indent=2) + "\n"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["unit", "period", "metric", "value", "submitted_by", "submitted_at"])
    # text a spreadsheet would run as a formula ("=HYPERLINK(…)" as a submitter's name) gets an
    # apostrophe, which the CSV reader takes off again: the file still imports as it was exported
    writer.writerows([spreadsheet_text(str(c)) for c in (r.unit, r.period, r.metric, r.raw, r.submitted_by,
                                                          r.submitted_at)] for r in rows)
    return out.getvalue()
