"""Fixtures of the store tests: a fresh store per test, on SQLite always and on PostgreSQL when
``PLANCHECK_TEST_PG_URL`` names a server (``.ci/run`` starts one); no mock database."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from plancheck.audit import load_rule_pack, load_unit_registry
from plancheck.facts.model import Registry
from plancheck.rules.model import Pack
from plancheck.store.connect import open_engine

PG_ENV = "PLANCHECK_TEST_PG_URL"
_NO_PG = f"PostgreSQL store tests need a server: set {PG_ENV} (.ci/run starts one and sets it)"
_TABLES = ("metric_values", "submissions", "imports", "schema_version")


def _wipe_postgres(url: str) -> None:
    engine = open_engine(url)
    try:
        with engine.begin() as conn:
            for table in _TABLES:
                conn.execute(text(f"DROP TABLE IF EXISTS {table} CASCADE"))
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty store: a new SQLite file, or the test PostgreSQL database wiped."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(_NO_PG)
    _wipe_postgres(url)
    yield url
    _wipe_postgres(url)


@pytest.fixture(scope="session")
def pack() -> Pack:
    return load_rule_pack(None)[0]


@pytest.fixture(scope="session")
def registry() -> Registry:
    return load_unit_registry(None)


DEPARTMENTS = ["SO-NOI-VU", "SO-TU-PHAP", "SO-KH-DT", "SO-TAI-CHINH", "SO-CONG-THUONG", "SO-NN-PTNT", "SO-GTVT"]
METRICS = ["documents_sent_total", "work_records_total", "report_regimes_total", "websites_total"]


def write_submission(path: Path, unit: str, period: str, values: dict[str, str], submitted_at: str = "",
                     submitted_by: str = "Nguyễn Văn A") -> Path:
    """A YAML submission file; values are written quoted, as a unit writes Vietnamese numbers."""
    lines = [f"unit: {unit}", f"period: '{period}'", f"submitted_by: {submitted_by}"]
    if submitted_at:
        lines.append(f"submitted_at: '{submitted_at}'")
    lines.append("values:")
    lines += [f"  {metric}: \"{value}\"" for metric, value in values.items()]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
