"""Store URLs, the SQLite settings, and the errors a store that cannot be opened gives."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from plancheck.store.commands import StoreError, init_store
from plancheck.store.connect import ENV_VAR, open_engine, resolve_url


@pytest.mark.parametrize(("given", "resolved"), [
    ("facts.db", "sqlite:///facts.db"),
    ("/data/plancheck.db", "sqlite:////data/plancheck.db"),
    ("sqlite:///x.db", "sqlite:///x.db"),
    ("postgresql://u@h:5432/db", "postgresql+psycopg://u@h:5432/db"),
    ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
])
def test_urls(given, resolved):
    assert resolve_url(given) == resolved


def test_the_default_is_the_environment_then_plancheck_db(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert resolve_url(None) == "sqlite:///plancheck.db"
    monkeypatch.setenv(ENV_VAR, "postgresql://u@h/db")
    assert resolve_url(None) == "postgresql+psycopg://u@h/db"


def test_sqlite_is_created_on_first_use_in_wal_mode(tmp_path):
    path = tmp_path / "sub" / "store.db"
    assert init_store(str(path)).version == 1 and path.exists()
    engine = open_engine(str(path))
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar_one() == 2  # FULL
        assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
    engine.dispose()


@pytest.mark.parametrize(("url", "code"), [
    ("mysql://u@h/db", "S001"),
    ("postgresql://nobody@127.0.0.1:1/none", "S002"),
])
def test_a_store_that_cannot_be_opened_is_a_diagnostic(url, code):
    with pytest.raises(StoreError) as caught:
        init_store(url)
    assert [d.code for d in caught.value.diagnostics] == [code]
