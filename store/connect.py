"""Where the store is and how to talk to it: the URL, the engine, and transactions that retry.

A store URL is one of:

- nothing: ``$PLANCHECK_DB`` if set, else the SQLite file ``./plancheck.db`` (created on first use);
- a file path (``facts.db``, ``/data/plancheck.db``) or ``sqlite:///path``: an embedded SQLite file;
- ``postgresql://user@host:port/db`` or ``postgresql+psycopg://…``: a PostgreSQL server, through
  psycopg 3 (``postgresql://`` is read as ``postgresql+psycopg://``).

SQLite runs in WAL mode (readers never wait for the writer), with ``synchronous=FULL`` (a committed
import survives a power cut), foreign keys on, a busy timeout, and ``BEGIN IMMEDIATE`` for every
transaction: an importer takes the write lock before it reads what it will decide on, so two
importers never decide on the same stale state. PostgreSQL runs at READ COMMITTED; the importer's
writes are guarded by a unique index and a compare-and-set (``store.importer``).

``in_transaction`` runs a unit of work in one transaction and runs it again, from the start, when
the database says to: SQLite "database is locked", a PostgreSQL serialization failure or deadlock,
or a unique constraint that another importer won (``Conflict``).
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, OperationalError

from ..diagnostics import Diagnostic, DiagnosticsError, Location

__all__ = ["DEFAULT_DB", "ENV_VAR", "Conflict", "StoreError", "connection_problem", "display_url", "in_transaction",
           "open_engine", "resolve_url"]

ENV_VAR = "PLANCHECK_DB"
DEFAULT_DB = "plancheck.db"
_BUSY_TIMEOUT_MS = 30_000
_ATTEMPTS = 12
_URL_HINT = "give a file path, sqlite:///path or postgresql://user@host/db"
_PG_RETRY_CODES = frozenset({"40001", "40P01", "55P03"})  # serialization failure, deadlock, lock not available

T = TypeVar("T")


class StoreError(DiagnosticsError):
    """The store cannot be used: a bad URL, a server that does not answer, a schema too new."""


class Conflict(Exception):
    """Another importer changed what this transaction decided on: run it again."""


def resolve_url(url: str | None = None) -> str:
    """The SQLAlchemy URL of a store given as a URL, a path, ``$PLANCHECK_DB`` or nothing."""
    text = (url or os.environ.get(ENV_VAR) or DEFAULT_DB).strip()
    if text.startswith("postgresql://") or text.startswith("postgres://"):
        return "postgresql+psycopg://" + text.split("://", 1)[1]
    if "://" in text:
        return text
    return "sqlite:///" + str(Path(text).expanduser())


def open_engine(url: str | None = None) -> Engine:
    """An engine for the store at ``url`` (see ``resolve_url``); nothing is connected yet."""
    resolved = resolve_url(url)
    try:
        parsed = make_url(resolved)
    except ArgumentError as exc:
        raise StoreError([Diagnostic("S001", f"not a store URL: {url!r} ({exc})", Location("--db"),
                                     suggestion=_URL_HINT)]) from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": _BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if backend == "postgresql":
        try:
            return create_engine(parsed, pool_pre_ping=True)
        except ModuleNotFoundError as exc:
            raise StoreError([Diagnostic("S001", f"no PostgreSQL driver for {display_url(url)}: {exc}",
                                         Location("--db"), suggestion="pip install 'plancheck[postgres]'")]) from exc
    raise StoreError([Diagnostic("S001", f"unsupported database {backend!r} in {url!r}", Location("--db"),
                                 suggestion="use SQLite (a file path) or PostgreSQL (postgresql://…)")])


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own transaction handling is switched off, so that "begin" below decides how a
    # transaction starts (SQLAlchemy's documented recipe for SQLite transactions).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def in_transaction(engine: Engine, work: Callable[[Connection], T]) -> T:
    """Run ``work`` in one transaction, again from the start when the database asks for a retry."""
    for attempt in range(_ATTEMPTS):
        try:
            with engine.begin() as conn:
                return work(conn)
        except (Conflict, IntegrityError, OperationalError, DBAPIError) as exc:
            if attempt == _ATTEMPTS - 1 or not _retryable(exc):
                raise
        time.sleep(min(2.0, 0.02 * 2 ** attempt) * (0.5 + random.random()))
    raise AssertionError("unreachable")


def _retryable(exc: Exception) -> bool:
    if isinstance(exc, Conflict | IntegrityError):
        return True  # a unique key another importer took first: the retry sees its row
    if isinstance(exc, OperationalError) and "database is locked" in str(exc):
        return True
    code = getattr(getattr(exc, "orig", None), "sqlstate", None)
    return code in _PG_RETRY_CODES


def connection_problem(url: str | None, exc: Exception) -> StoreError:
    """A StoreError naming the store that could not be opened."""
    return StoreError([Diagnostic("S002", f"cannot open the store: {str(exc).splitlines()[0]}",
                                  Location(display_url(url)), suggestion="check --db or $PLANCHECK_DB")])


def display_url(url: str | None) -> str:
    """The store URL to show: resolved, the password hidden."""
    text = resolve_url(url)
    try:
        return make_url(text).render_as_string(hide_password=True)
    except ArgumentError:
        return text
