"""Facts for an audit, read from the store: the submissions in force for the periods asked.

``load_facts_from_store`` gives the same ``FactLoad`` an audit gets from files: every value exact
(``num/den``), with the text as submitted and its source (the file as imported, the line, the
metric). The store may hold metrics of other packs and units of other registries: a value the
pack's catalog or the registry does not know, or one a unit of that level does not report, is not
used, and one warning per reason says how many (S020-S022). Consistency flags (F012, a part above
its whole) depend on the pack and are computed here again, as validation computes them for files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction

from sqlalchemy import func, select, true
from sqlalchemy.engine import Row

from .. import progress
from ..diagnostics import Diagnostic, Location, Severity, sorted_diagnostics
from ..facts.bulk import TableLoad
from ..facts.load import FactLoad
from ..facts.model import MetricValue, Registry
from ..facts.table import FactTable
from ..rules.model import Metric, Pack
from .connect import display_url
from .schema import metric_values, submissions
from .session import opened

__all__ = ["load_facts_from_store", "load_table_from_store"]


def load_facts_from_store(url: str | None, periods: Sequence[str] | None, pack: Pack, registry: Registry) -> FactLoad:
    """The current values of ``periods`` (all periods: None) in the store at ``url``."""
    return load_table_from_store(url, periods, pack, registry).to_fact_load()


def load_table_from_store(url: str | None, periods: Sequence[str] | None, pack: Pack,
                          registry: Registry) -> TableLoad:
    """The same values as columns (``FactTable``), for an aggregated audit of many units: no object
    per value, and the F012 flags computed one submission at a time."""
    s, v = submissions.c, metric_values.c
    query = (select(s.id, s.unit, s.period, s.submitted_by, s.submitted_at, s.source_file, v.metric, v.num, v.den,
                    v.raw, v.line)
             .join_from(submissions, metric_values, s.id == v.submission_id)
             .where(s.is_current == true()).order_by(s.id, v.line, v.metric))
    superseded = (select(func.count()).select_from(submissions.join(metric_values, s.id == v.submission_id))
                  .where(s.is_current == False))  # noqa: E712  (SQL, not Python)
    counted = select(func.count()).select_from(submissions).where(s.is_current == true())
    values = (select(func.count()).select_from(submissions.join(metric_values, s.id == v.submission_id))
              .where(s.is_current == true()))
    if periods is not None:
        query, superseded, counted, values = (q.where(s.period.in_(list(periods)))
                                              for q in (query, superseded, counted, values))
    with opened(url) as engine, engine.connect() as conn:
        total = int(conn.execute(values).scalar_one())
        with progress.task("Đọc số liệu từ kho", total) as advance:
            table, files, records, diagnostics = _table(conn.execute(query), pack, registry, display_url(url),
                                                        advance)
        n_superseded = int(conn.execute(superseded).scalar_one())
        n_submissions = int(conn.execute(counted).scalar_one())
    return TableLoad(table=table, diagnostics=sorted_diagnostics(diagnostics), files=sorted(files),
                     submissions=n_submissions, accepted_values=len(table), rejected_values=0,
                     superseded_values=n_superseded, records=records)


def _table(rows: Iterable[Row[tuple[object, ...]]], pack: Pack, registry: Registry, where: str,
           advance: Callable[[int], None]) -> tuple[FactTable, set[str], int, list[Diagnostic]]:
    """The usable rows as a table (rows come submission by submission), the files they came from,
    how many rows were read, and the diagnostics: one per reason a value is not used (S020-S022),
    and F012 for a part above its whole, as validation flags it for files."""
    metrics = pack.metric_index()
    table = FactTable()
    unused: dict[str, set[str]] = {"S020": set(), "S021": set(), "S022": set()}
    counts = dict.fromkeys(unused, 0)
    files: set[str] = set()
    records = 0
    diagnostics: list[Diagnostic] = []
    submission: object = None
    rows_of: dict[str, int] = {}  # the current submission's rows, by metric
    for r in rows:
        records += 1
        if not records % _STEP:
            advance(_STEP)
        files.add(str(r.source_file))
        if r.id != submission:
            diagnostics += _inconsistent(table, rows_of, metrics)
            submission, rows_of = r.id, {}
        metric, unit = metrics.get(str(r.metric)), registry.get(str(r.unit))
        reason = "S020" if metric is None else "S021" if unit is None else \
            "S022" if unit.level not in metric.levels else None
        if reason is not None:
            counts[reason] += 1
            unused[reason].add(str(r.metric) if reason == "S020" else str(r.unit))
            continue
        rows_of[str(r.metric)] = len(table)
        table.append(MetricValue(unit=str(r.unit), period=str(r.period), metric=str(r.metric),
                                 value=Fraction(int(r.num), int(r.den)), raw=str(r.raw),
                                 source=Location(str(r.source_file), int(r.line), str(r.metric)),
                                 submitted_by=str(r.submitted_by), submitted_at=str(r.submitted_at)))
    diagnostics += _inconsistent(table, rows_of, metrics)
    said = [_unused(code, counts[code], sorted(names), where) for code, names in unused.items() if names]
    return table, files, records, [*said, *diagnostics]


_STEP = 10_000  # rows between two steps of the progress bar

_WHY = {
    "S020": "of metrics not in this pack's catalog",
    "S021": "of units not in this registry",
    "S022": "of metrics the unit's level does not report in this pack",
}


def _unused(code: str, count: int, names: list[str], where: str) -> Diagnostic:
    shown = ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
    return Diagnostic(code, f"{count} value(s) in the store {_WHY[code]} are not used: {shown}", Location(where),
                      Severity.WARNING, suggestion="audit them with the pack and registry they were imported for")


def _inconsistent(table: FactTable, rows_of: dict[str, int], metrics: dict[str, Metric]) -> list[Diagnostic]:
    """F012 for one submission's rows (by metric), as ``facts.validate`` flags a part above its whole."""
    out = []
    for metric, row in rows_of.items():
        for whole_id in metrics[metric].not_above:
            other = rows_of.get(whole_id)
            if other is None:
                continue
            part, whole = table.value(row), table.value(other)
            if part.value <= whole.value:
                continue
            message = (f"{part.unit} {part.period}: {part.metric} = {part.raw} ({part.source}) is above "
                       f"{whole_id} = {whole.raw} ({whole.source}), of which it is a part")
            out.append(Diagnostic("F012", f"inconsistent data: {message}", part.source, Severity.WARNING,
                                  "check both figures with the unit"))
            table.flagged[row] = message
            table.flagged[other] = message
    return out
