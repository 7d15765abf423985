"""Migrations: the schema as an ordered list of steps, each applied once, recorded in ``schema_version``.

``migrate`` brings a store to the latest version in one transaction per step (DDL is transactional
on SQLite and PostgreSQL, so a step is applied whole or not at all). Concurrent callers are
serialized: on SQLite by the write lock ``BEGIN IMMEDIATE`` takes, on PostgreSQL by a transaction-level
advisory lock, so six importers starting on an empty database create the tables once.

To change the schema, append a step (never edit an applied one) and update ``store.schema``.
A store whose version is above what this plancheck knows is refused (S003): an older plancheck
must not write into a newer schema.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, Table, func, insert, inspect, select, text
from sqlalchemy.engine import Connection

from ..diagnostics import Diagnostic, Location
from .connect import StoreError, in_transaction
from .schema import imports, metric_values, schema_version, submissions

__all__ = ["LATEST", "MIGRATIONS", "Migration", "current_version", "migrate"]

_PG_LOCK_KEY = 0x706C616E  # "plan": the advisory lock of plancheck's migrations


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Connection], None]


def _create(*tables: Table) -> Callable[[Connection], None]:
    def step(conn: Connection) -> None:
        for table in tables:
            table.create(conn, checkfirst=True)
    return step


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "imports, submissions and metric values", _create(imports, submissions, metric_values)),
)
LATEST = MIGRATIONS[-1].version


def current_version(conn: Connection) -> int:
    """The schema version of the store (0: empty)."""
    if not inspect(conn).has_table(schema_version.name):
        return 0
    return int(conn.execute(select(func.coalesce(func.max(schema_version.c.version), 0))).scalar_one())


def migrate(engine: Engine, location: str = "") -> list[int]:
    """Apply the missing steps; the versions applied now (empty when the store was up to date)."""
    applied: list[int] = []
    for step in MIGRATIONS:
        if in_transaction(engine, lambda conn, step=step: _apply(conn, step, location)):  # type: ignore[misc]
            applied.append(step.version)
    return applied


def _apply(conn: Connection, step: Migration, location: str) -> bool:
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
    schema_version.create(conn, checkfirst=True)
    version = current_version(conn)
    if version > LATEST:
        raise StoreError([Diagnostic("S003", f"the store's schema is version {version}, newer than this plancheck "
                                     f"knows ({LATEST})", Location(location), suggestion="upgrade plancheck")])
    if version >= step.version:
        return False
    step.apply(conn)
    conn.execute(insert(schema_version).values(version=step.version, description=step.description,
                                               applied_at=datetime.now(UTC).isoformat(timespec="microseconds")))
    return True
