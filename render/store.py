"""What the ``plancheck db`` commands print: an import's outcome per file, the submissions in the
store, and a unit's history with what changed between submissions."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..store.commands import HistoryEntry, ImportResult, ImportStatus, StoredValue, SubmissionInfo
from .diagnostics import render_diagnostics

_STATUS_STYLE = {ImportStatus.IMPORTED: "green", ImportStatus.ALREADY_IMPORTED: "dim",
                 ImportStatus.REJECTED: "bold red", ImportStatus.EMPTY: "yellow"}


def render_import(result: ImportResult, console: Console) -> None:
    table = Table(title="plancheck db import", title_justify="left")
    for col in ("file", "result", "submissions", "values"):
        table.add_column(col)
    for f in result.files:
        subs = ", ".join(f"{s.unit} {s.period}" + (f" (replaces #{s.replaced})" if s.replaced else "")
                         + (f" (out of date: #{s.superseded_by} in force)" if s.superseded_by else "")
                         for s in f.submissions)
        table.add_row(f.file, Text(f.status.value, style=_STATUS_STYLE[f.status]), subs, str(f.values))
    console.print(table)
    render_diagnostics(result.all_diagnostics(), console)
    console.print(f"{result.count(ImportStatus.IMPORTED)} file(s) imported, "
                  f"{result.count(ImportStatus.ALREADY_IMPORTED)} already in the store, "
                  f"{result.count(ImportStatus.REJECTED)} rejected (nothing of them imported); "
                  f"{result.values} value(s) · {result.seconds:.2f} s")


def render_submissions(rows: Sequence[SubmissionInfo], console: Console) -> None:
    table = Table(title=f"{len(rows)} submission(s)", title_justify="left")
    for col in ("#", "unit", "period", "in force", "values", "submitted by", "submitted at", "source", "imported at"):
        table.add_column(col)
    for r in rows:
        force = "yes" if r.current else f"no → #{r.superseded_by}" if r.superseded_by else "no"
        table.add_row(str(r.id), r.unit, r.period, force, str(r.values), r.submitted_by, r.submitted_at,
                      f"{r.source_file}:{r.source_line}", r.imported_at)
    console.print(table)


def _value(v: StoredValue | None) -> str:
    return "—" if v is None else v.raw


def render_history(entries: Sequence[HistoryEntry], console: Console) -> None:
    if not entries:
        console.print("no submission in the store for that unit and period")
        return
    for e in entries:
        head = Text(f"#{e.submission_id} {e.unit} {e.period} · {e.submitted_by or '?'} · {e.submitted_at or '?'} · "
                    f"{e.source_file} · imported {e.imported_at}")
        head.append("  in force" if e.current else f"  superseded by #{e.superseded_by}",
                    style="bold green" if e.current else "dim")
        console.print(head)
        if e.changes:
            table = Table(show_header=True, box=None, padding=(0, 2))
            for col in ("metric", "change", "before", "after"):
                table.add_column(col)
            for c in e.changes:
                table.add_row(c.metric, c.kind.value, _value(c.old), _value(c.new))
            console.print(table)
