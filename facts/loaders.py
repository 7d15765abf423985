"""Reading submission files into raw records: where every value came from, nothing interpreted.

This module walks directories and dispatches by extension; ``yaml_loader`` reads YAML and JSON,
``csv_loader`` reads CSV, both into the records defined here.

Formats
=======

**YAML or JSON** (``.yaml``, ``.yml``, ``.json``): one submission per file, or a list of them
under ``submissions:`` (a bare top-level list is accepted too)::

    unit: SO-TTTT                      # a unit id or its Vietnamese name ("Sở Thông tin và Truyền thông")
    period: 2022-Q3                    # "2022", "2022-Q3" or "2022-07"
    submitted_by: Nguyễn Văn A
    submitted_at: 2022-10-05           # an ISO date or date-time
    note: "..."                        # optional, about the whole submission
    values:
      info_systems_total: 12
      it_budget_vnd: "22.639.373.567"  # Vietnamese thousands: quote them, or YAML reads 3.128 as 3,128
      online_records_pct: "33,4%"
      has_document_system: có          # có / không / yes / no / true / false
      population: {value: "3.128", note: "Niên giám thống kê 2021, tr. 12"}

JSON is read as YAML 1.2 (which it is), so every value keeps its line.

**CSV** (``.csv``), long form, one value per row; UTF-8 with or without a BOM; ``,`` or ``;``
between cells (whichever makes the header readable)::

    unit,period,metric,value,submitted_by,submitted_at,note
    X-CU-JUT-DAK-WIL,2022,news_items,"52",Lê Thị B,2022-12-30,

``unit,period,metric,value`` are required, the rest optional. Line 1 is the header and the
line of each row is its line in the file. Blank lines are skipped. Rows with the same unit and
period in one file form one submission, so one file may carry a district's communes.

**A directory** is read recursively: every ``*.yaml``, ``*.yml``, ``*.json`` and ``*.csv``
in path order; other files (README, …) and hidden ones are skipped.

Paths in locations are as given (a relative path stays relative).

Diagnostic codes
================

    F020  a path does not exist
    F021  a file cannot be read: not UTF-8, invalid YAML/JSON, unknown extension
    F022  a submission, or a value, is not the expected shape
    F023  a submission lacks `unit`, `period` or `values`
    F024  a CSV header lacks required columns
    F025  a CSV row has more cells than the header (an unquoted "33,4%" in a comma file)
    F026  an unknown key in a submission or a value mapping (with a suggestion)
    F027  (warning) an empty file; a submission without values; an unknown CSV column (ignored)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..diagnostics import Diagnostic, Location, sorted_diagnostics

__all__ = ["EXTENSIONS", "RawRecord", "RawScalar", "ReadResult", "SubmissionKey", "read_file", "read_paths"]

EXTENSIONS = (".yaml", ".yml", ".json", ".csv")
RawScalar = str | int | Decimal | bool | None


@dataclass(frozen=True, order=True)
class SubmissionKey:
    """One submission: its file, its position in the file, and the line where it starts."""

    file: str
    index: int
    line: int


@dataclass(frozen=True)
class RawRecord:
    """One value as a file gave it. ``value`` is typed as the file typed it (YAML/JSON numbers
    are int or Decimal, CSV cells text); ``text`` is exactly what was written."""

    unit: str
    period: str
    metric: str
    value: RawScalar
    text: str
    location: Location  # the value: file, line, field = the metric
    submission: SubmissionKey
    unit_location: Location = field(default_factory=Location)
    period_location: Location = field(default_factory=Location)
    note: str = ""
    submitted_by: str = ""
    submitted_at: str = ""
    submitted_at_location: Location = field(default_factory=Location)
    quoted: bool = True  # False for a YAML/JSON number or keyword written bare


@dataclass
class ReadResult:
    records: list[RawRecord] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    submissions: int = 0

    def merge(self, other: ReadResult) -> None:
        self.records.extend(other.records)
        self.diagnostics.extend(other.diagnostics)
        self.files.extend(other.files)
        self.submissions += other.submissions


def read_paths(paths: Sequence[Path]) -> ReadResult:
    """Read files and directories; every problem is a diagnostic, sorted by location."""
    out = ReadResult()
    for path in paths:
        if path.is_dir():
            for file in _walk(path):
                out.merge(read_file(file))
        elif path.exists():
            out.merge(read_file(path))
        else:
            out.diagnostics.append(Diagnostic("F020", "no such file or directory", Location(str(path))))
    out.diagnostics = sorted_diagnostics(out.diagnostics)
    return out


def _walk(root: Path) -> Iterator[Path]:
    found = [
        p for p in root.rglob("*")
        if p.is_file() and p.suffix.lower() in EXTENSIONS
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
    ]
    yield from sorted(found, key=lambda p: p.as_posix())


def read_file(path: Path) -> ReadResult:
    """Read one submission file (by its extension)."""
    where = str(path)
    out = ReadResult(files=[where])
    suffix = path.suffix.lower()
    if suffix not in EXTENSIONS:
        out.diagnostics.append(Diagnostic("F021", f"unknown kind of file {suffix or '(no extension)'!r}",
                                          Location(where), suggestion="use .yaml, .yml, .json or .csv"))
        return out
    try:
        data = path.read_bytes()
    except OSError as exc:
        out.diagnostics.append(Diagnostic("F021", f"cannot read: {exc.strerror or exc}", Location(where)))
        return out
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        out.diagnostics.append(Diagnostic("F021", "not UTF-8 text", Location(where, line),
                                          suggestion="save the file as UTF-8"))
        return out
    # The format modules build this module's records: imported here, not at the top, to keep
    # the import graph one-way for whoever imports a format module first.
    if suffix == ".csv":
        from .csv_loader import read_csv

        read_csv(text, where, out)
    else:
        from .yaml_loader import read_yaml

        # In JSON a tab can only be whitespace between tokens; YAML forbids some of those.
        read_yaml(text.replace("\t", " ") if suffix == ".json" else text, where, out)
    out.diagnostics = sorted_diagnostics(out.diagnostics)
    return out
