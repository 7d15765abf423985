"""Opening a store for one command: the engine, the schema brought up to date, and clean-up.

Every command of ``store.commands`` opens the store with ``opened``: the SQLite file is created
on first use and the migrations run (they are a no-op on an up-to-date store); the engine and its
connections are closed when the command ends, so a long-lived caller holds no file or server
connection between commands. A store that cannot be reached is a ``StoreError`` (S002).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from .connect import StoreError, connection_problem, display_url, open_engine
from .migrations import migrate

__all__ = ["opened"]


@contextmanager
def opened(url: str | None) -> Iterator[Engine]:
    """The store at ``url`` (``store.connect.resolve_url``), migrated to the latest schema."""
    engine = open_engine(url)
    try:
        try:
            migrate(engine, display_url(url))
        except StoreError:
            raise
        except OperationalError as exc:
            raise connection_problem(url, exc) from exc
        yield engine
    finally:
        engine.dispose()
