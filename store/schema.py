"""The tables of the fact store (SQLAlchemy Core), as of the latest migration.

``imports``       one row per file imported: its path as given, its SHA-256 (unique: the same
                  content is imported once), when, and what it brought.
``submissions``   one row per unit and period of an imported file: who sent it and when, where
                  it starts in its file, and its place in the history of that unit and period.
                  ``is_current`` marks the submission in force; a unique index over (unit, period)
                  where ``is_current`` makes two current ones impossible, whichever importer wins a
                  race. ``superseded_by`` names the submission that replaced it.
``metric_values`` the accepted values of a submission, exact: ``num``/``den`` are the numerator and
                  denominator of the Fraction in lowest terms (a percent is a fraction of 1: 33,4%
                  is 167/500), ``raw`` the text as submitted, ``line`` its line in the file.
``schema_version`` the migrations applied (``store.migrations``).

Times (``imported_at``, ``submitted_at_utc``) are ISO 8601 text in UTC with microseconds, so that
they sort as text on both databases; ``submitted_at`` keeps the text as submitted.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    true,
)

__all__ = ["imports", "metadata", "metric_values", "schema_version", "submissions"]

metadata = MetaData()

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("description", Text, nullable=False),
    Column("applied_at", String(40), nullable=False),
)

imports = Table(
    "imports", metadata,
    Column("id", Integer, primary_key=True),
    Column("source_file", Text, nullable=False),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("imported_at", String(40), nullable=False),
    Column("submissions", Integer, nullable=False),
    Column("value_count", Integer, nullable=False),
)

submissions = Table(
    "submissions", metadata,
    Column("id", Integer, primary_key=True),
    Column("import_id", Integer, ForeignKey("imports.id"), nullable=False),
    Column("unit", String(100), nullable=False),
    Column("period", String(10), nullable=False),
    Column("submitted_by", Text, nullable=False),
    Column("submitted_at", Text, nullable=False),  # as written; "" when not given
    Column("submitted_at_utc", String(40)),  # None when not given or not readable
    Column("source_file", Text, nullable=False),
    Column("source_line", Integer, nullable=False),
    Column("file_sha256", String(64), nullable=False),
    Column("imported_at", String(40), nullable=False),
    Column("is_current", Boolean, nullable=False),
    Column("superseded_by", Integer, ForeignKey("submissions.id")),
    Index("ix_submissions_period_unit", "period", "unit"),
)
# At most one current submission per unit and period, whatever the race between importers.
Index("ux_submissions_current", submissions.c.unit, submissions.c.period, unique=True,
      sqlite_where=submissions.c.is_current == true(), postgresql_where=submissions.c.is_current == true())

metric_values = Table(
    "metric_values", metadata,
    Column("submission_id", Integer, ForeignKey("submissions.id"), primary_key=True),
    Column("metric", String(100), primary_key=True),
    Column("num", BigInteger, nullable=False),
    Column("den", BigInteger, nullable=False),
    Column("raw", Text, nullable=False),
    Column("line", Integer, nullable=False),
)
