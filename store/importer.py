"""Importing submission files into the store: one file, one transaction, all or nothing.

A file is read and validated by the same code as an audit from files (``facts.loaders``,
``facts.validate``) against the rule pack and the unit registry. A file with one error imports
nothing: its result lists every error (file, line or row, field). A file whose content (SHA-256)
is already in the store adds nothing ("already imported"), whatever its path. Otherwise every
unit and period of the file becomes a submission, written in one transaction with its values.

The submission in force for a unit and period is the one with the latest ``submitted_at`` (read
as ``facts.resubmission`` reads it, Vietnam time unless an offset is given); a submission without
a readable time counts as the earliest; at equal times the later import wins. A corrected
resubmission therefore supersedes the earlier one, and an out-of-date file imported late is kept
in the history without replacing the current one.

Concurrency: SQLite serializes importers with ``BEGIN IMMEDIATE`` (``store.connect``). On
PostgreSQL two importers may decide on the same current submission; the replacement is a
compare-and-set (``is_current`` still true, else ``Conflict``) and a unique index allows one
current submission per unit and period, so the loser of a race runs its transaction again and
decides on the winner's row. A killed importer leaves nothing: its transaction never committed.

Test hook: with ``PLANCHECK_STORE_PAUSE_IN_TX=<seconds>`` the importer writes one line to standard
error and sleeps inside the transaction, after its writes and before the commit (the tests kill it
there).
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from fractions import Fraction
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, true, update
from sqlalchemy.engine import Connection, CursorResult

from .. import progress
from ..diagnostics import Diagnostic, Location, Severity, has_errors, sorted_diagnostics
from ..facts.loaders import RawRecord, read_paths
from ..facts.model import FactSet, MetricValue, Registry
from ..facts.resubmission import parse_time
from ..facts.validate import validate_records
from ..rules.model import Pack
from .connect import Conflict, in_transaction
from .schema import imports, metric_values, submissions
from .session import opened

__all__ = ["PAUSE_ENV", "FileImport", "ImportResult", "ImportStatus", "SubmissionOutcome", "import_files"]

PAUSE_ENV = "PLANCHECK_STORE_PAUSE_IN_TX"
_INT64 = 2**63 - 1


class ImportStatus(StrEnum):
    IMPORTED = "imported"
    ALREADY_IMPORTED = "already_imported"  # the same content (SHA-256) is in the store
    REJECTED = "rejected"  # errors: nothing of the file was imported
    EMPTY = "empty"  # no value to import (warnings only)


@dataclass(frozen=True)
class SubmissionOutcome:
    unit: str
    period: str
    submission_id: int
    values: int
    current: bool  # in force after this import
    replaced: int | None = None  # the submission it superseded
    superseded_by: int | None = None  # for a late, out-of-date submission: the one in force


@dataclass
class FileImport:
    file: str
    status: ImportStatus
    sha256: str = ""
    import_id: int | None = None  # this import, or the earlier one for ALREADY_IMPORTED
    imported_at: str = ""
    submissions: list[SubmissionOutcome] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def values(self) -> int:
        return sum(s.values for s in self.submissions)


@dataclass
class ImportResult:
    files: list[FileImport]
    diagnostics: list[Diagnostic]  # of the paths themselves (no such path, a folder with no file, ...)
    seconds: float

    @property
    def ok(self) -> bool:
        return not has_errors(self.all_diagnostics())

    def all_diagnostics(self) -> list[Diagnostic]:
        return sorted_diagnostics([*self.diagnostics, *(d for f in self.files for d in f.diagnostics)])

    def count(self, status: ImportStatus) -> int:
        return sum(1 for f in self.files if f.status is status)

    @property
    def values(self) -> int:
        return sum(f.values for f in self.files if f.status is ImportStatus.IMPORTED)


@dataclass(frozen=True)
class _Group:
    """The accepted values of one unit and period of a file, ready to write."""

    unit: str
    period: str
    submitted_by: str
    submitted_at: str
    submitted_at_utc: str | None
    line: int
    values: tuple[MetricValue, ...]


def import_files(url: str | None, paths: Sequence[Path], pack: Pack, registry: Registry) -> ImportResult:
    """Import submission files and folders into the store at ``url``, each file atomically."""
    started = time.perf_counter()
    read = read_paths(paths)
    per_file: dict[str, list[RawRecord]] = {f: [] for f in read.files}
    for record in read.records:
        per_file.setdefault(record.submission.file, []).append(record)
    read_diags: dict[str, list[Diagnostic]] = {}
    path_diags: list[Diagnostic] = []
    for d in read.diagnostics:
        if d.location.file in per_file:
            read_diags.setdefault(d.location.file, []).append(d)
        else:
            path_diags.append(d)
    results: list[FileImport] = []
    with opened(url) as engine, progress.task("Nhập tệp vào kho", len(per_file)) as advance:
        for file, records in per_file.items():
            advance(1)
            sha = _sha256(Path(file))
            with engine.connect() as conn:
                known = _already(conn, file, sha)
            if known is not None:  # checked again inside the transaction, for a concurrent importer
                results.append(known)
                continue
            checked = validate_records(records, pack, registry)
            groups, range_errors = _groups(checked.facts)
            diags = sorted_diagnostics([*read_diags.get(file, []), *checked.diagnostics, *range_errors])
            if has_errors(diags):
                results.append(FileImport(file, ImportStatus.REJECTED, sha, diagnostics=diags))
            elif not groups:
                results.append(FileImport(file, ImportStatus.EMPTY, sha, diagnostics=diags))
            else:
                outcome = in_transaction(engine, lambda conn, f=file, s=sha, g=groups: _write(conn, f, s, g))  # type: ignore[misc]
                outcome.diagnostics = sorted_diagnostics([*diags, *outcome.diagnostics])
                results.append(outcome)
    return ImportResult(results, sorted_diagnostics(path_diags), time.perf_counter() - started)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _groups(facts: FactSet) -> tuple[list[_Group], list[Diagnostic]]:
    by_key: dict[tuple[str, str], list[MetricValue]] = {}
    errors: list[Diagnostic] = []
    for value in facts:
        if not _fits(value.value):
            errors.append(Diagnostic("S004", f"{value.raw!r} is too large for the store (numerator or denominator "
                                     "beyond 64 bits)", value.source))
        by_key.setdefault((value.unit, value.period), []).append(value)
    out = []
    for (unit, period), values in sorted(by_key.items()):
        timed = [(t, v.submitted_at) for v in values if v.submitted_at and (t := parse_time(v.submitted_at))]
        when, text = max(timed) if timed else (None, next((v.submitted_at for v in values if v.submitted_at), ""))
        out.append(_Group(unit, period, next((v.submitted_by for v in values if v.submitted_by), ""), text,
                          _utc(when) if when else None, min(v.source.line for v in values),
                          tuple(sorted(values, key=lambda v: v.metric))))
    return out, errors


def _fits(value: Fraction) -> bool:
    return abs(value.numerator) <= _INT64 and value.denominator <= _INT64


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _already(conn: Connection, file: str, sha: str) -> FileImport | None:
    """ALREADY_IMPORTED (S010) when a file of this content is in the store."""
    earlier = conn.execute(select(imports.c.id, imports.c.imported_at, imports.c.source_file)
                           .where(imports.c.sha256 == sha)).first()
    if earlier is None:
        return None
    return FileImport(file, ImportStatus.ALREADY_IMPORTED, sha, earlier.id, earlier.imported_at, diagnostics=[
        Diagnostic("S010", f"already imported on {earlier.imported_at} from {earlier.source_file} "
                   f"(import {earlier.id}): nothing added", Location(file), Severity.WARNING)])


def _write(conn: Connection, file: str, sha: str, groups: list[_Group]) -> FileImport:
    known = _already(conn, file, sha)
    if known is not None:
        return known
    now = _utc(datetime.now(UTC))
    import_id = _new_id(conn.execute(insert(imports).values(
        source_file=file, sha256=sha, imported_at=now, submissions=len(groups),
        value_count=sum(len(g.values) for g in groups))))
    outcomes = [_write_group(conn, import_id, file, sha, now, g) for g in groups]
    _pause(file)
    return FileImport(file, ImportStatus.IMPORTED, sha, import_id, now, outcomes)


def _write_group(conn: Connection, import_id: int, file: str, sha: str, now: str, g: _Group) -> SubmissionOutcome:
    s = submissions.c
    current = conn.execute(select(s.id, s.submitted_at_utc)
                           .where(s.unit == g.unit, s.period == g.period, s.is_current == true())).first()
    wins = current is None or _order(g.submitted_at_utc) >= _order(current.submitted_at_utc)
    if current is not None and wins:
        taken = conn.execute(update(submissions).where(s.id == current.id, s.is_current == true())
                             .values(is_current=False))
        if taken.rowcount != 1:
            raise Conflict(f"{g.unit} {g.period}: another importer replaced submission {current.id}")
    row = {"import_id": import_id, "unit": g.unit, "period": g.period, "submitted_by": g.submitted_by,
           "submitted_at": g.submitted_at, "submitted_at_utc": g.submitted_at_utc, "source_file": file,
           "source_line": g.line, "file_sha256": sha, "imported_at": now, "is_current": wins,
           "superseded_by": None if wins or current is None else current.id}
    new_id = _new_id(conn.execute(insert(submissions).values(**row)))
    if current is not None and wins:
        conn.execute(update(submissions).where(s.id == current.id).values(superseded_by=new_id))
    conn.execute(insert(metric_values), [
        {"submission_id": new_id, "metric": v.metric, "num": v.value.numerator, "den": v.value.denominator,
         "raw": v.raw, "line": v.source.line} for v in g.values])
    return SubmissionOutcome(g.unit, g.period, new_id, len(g.values), wins,
                             replaced=current.id if current is not None and wins else None,
                             superseded_by=None if wins or current is None else current.id)


def _new_id(result: CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def _order(utc: str | None) -> tuple[bool, str]:
    return (utc is not None, utc or "")


def _pause(file: str) -> None:
    seconds = os.environ.get(PAUSE_ENV)
    if seconds:
        print(f"plancheck.store: paused inside the transaction of {file}", file=sys.stderr, flush=True)
        time.sleep(float(seconds))
