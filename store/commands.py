"""The store's commands, one function each, for ``cli.py`` to wire and render:

    plancheck db init      -> init_store(url)
    plancheck db import    -> import_files(url, paths, pack, registry)
    plancheck db ls        -> list_submissions(url, period=None, unit=None, current_only=False)
    plancheck db export    -> export_facts(url, period, fmt)
    plancheck db history   -> history(url, unit, period, metric=None)
    plancheck audit --db   -> run_audit(db_url=url), which calls load_facts_from_store(url, periods, pack, registry)

``url`` is a path, ``sqlite:///…``, ``postgresql://…`` or None (``$PLANCHECK_DB``, else
``./plancheck.db``); see ``store.connect``. Problems with input files are data (``Diagnostic``
lists in the results); a store that cannot be opened raises ``StoreError`` with its diagnostics.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import OperationalError

from .connect import StoreError, connection_problem, display_url, open_engine
from .facts_read import load_facts_from_store
from .history import ChangeKind, HistoryEntry, MetricChange, StoredValue, history
from .importer import FileImport, ImportResult, ImportStatus, SubmissionOutcome, import_files
from .listing import ExportFormat, SubmissionInfo, export_facts, list_submissions
from .migrations import current_version, migrate

__all__ = [
    "ChangeKind", "ExportFormat", "FileImport", "HistoryEntry", "ImportResult", "ImportStatus", "MetricChange",
    "StoreError", "StoreInfo", "StoredValue", "SubmissionInfo", "SubmissionOutcome", "export_facts", "history",
    "import_files", "init_store", "list_submissions", "load_facts_from_store",
]


@dataclass(frozen=True)
class StoreInfo:
    url: str  # shown with the password hidden
    version: int  # the schema version after init
    applied: list[int]  # the migrations applied by this call


def init_store(url: str | None) -> StoreInfo:
    """Create the store (the SQLite file, or the tables in a PostgreSQL database) or bring its schema
    up to date. Running it again changes nothing."""
    engine = open_engine(url)
    try:
        try:
            applied = migrate(engine, display_url(url))
            with engine.connect() as conn:
                version = current_version(conn)
        except OperationalError as exc:
            raise connection_problem(url, exc) from exc
    finally:
        engine.dispose()
    return StoreInfo(display_url(url), version, applied)
