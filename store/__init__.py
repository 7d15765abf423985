"""The fact store: submissions imported once, kept with their history, read by audits.

An embedded SQLite file by default, PostgreSQL through a URL, both through SQLAlchemy Core.
``store.commands`` holds the functions the command line calls; see docs/store.md.
"""
