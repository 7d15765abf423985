"""Reading submission files into raw records: where every value came from, nothing interpreted.

This module walks directories and dispatches by extension; ``yaml_loader`` reads YAML and JSON,
``csv_loader`` reads CSV, ``xlsx_loader`` reads Excel workbooks, all into the records defined here.

Formats
=======

**YAML or JSON** (``.yaml``, ``.yml``, ``.json``): one submission per file, or a list of them
under ``submissions:`` (a bare top-level list is accepted too)::

    unit: SO-TTTT                      # a unit id or its Vietnamese name ("Sở Thông tin và Truyền thông")
    period: 2022-Q3                    # "2022", "2022-Q3" or "2022-07"
    submitted_by: Nguyễn Văn A
    submitted_at: 2022-10-05           # ISO 2022-10-05 or 2022-10-05T14:30, or 05/10/2022 [14:30] (Vietnam time)
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
period in one file form one submission, so one file may carry a district's communes; the unit is
the one the registry resolves (validation groups the rows again), so ``SO-TTTT`` in one row and
``Sở Thông tin và Truyền thông`` in the next are one submission.

**Excel** (``.xlsx``, ``.xlsm``): the CSV's rows on a sheet as a person fills it, with title rows,
blank rows and a header row that names the columns in English or Vietnamese (``Chỉ tiêu``,
``Giá trị``, ...); the unit and period may be given once above the header (``Đơn vị:``, ``Kỳ báo
cáo:``) instead of in columns. The sheet ``Số liệu`` is read if there is one, else every sheet with
such a header. See ``xlsx_loader``; the line of a value is its row, with the sheet and the cell.

**A directory** is read recursively: every ``*.yaml``, ``*.yml``, ``*.json``, ``*.csv``, ``*.xlsx``
and ``*.xlsm`` in path order. README*, ``*.md``, hidden files and Excel's lock files (``~$a.xlsx``,
there while a workbook is open) are skipped silently; a file that looks like data but is not read
(``.xls``, ``.ods``, ``.txt``, ``.tsv``, ``.xml``, ``x.yml.txt``, ``a.csv.bak``) is named (F028); a
folder with no submission file at all, or paths that give none, is F029.

Paths in locations are as given (a relative path stays relative).

Diagnostic codes
================

    F020  a path does not exist
    F021  a file cannot be read: not UTF-8, invalid YAML/JSON, not a workbook, unknown extension
    F022  a submission, or a value, is not the expected shape (a date in a workbook's value cell)
    F023  a submission lacks `unit`, `period` or `values` (a row lacks `unit`, `period` or `metric`)
    F024  a CSV header lacks required columns; a workbook has no sheet whose header names them, or
          its sheet gives no unit or period
    F025  a CSV row has more cells than the header (an unquoted "33,4%" in a comma file)
    F026  an unknown key in a submission or a value mapping (with a suggestion)
    F027  (warning) an empty file; a submission or a sheet without values; an unknown column (ignored)
    F028  (warning) a file in a folder that looks like data but is not read (.xls, .ods, .txt,
          .tsv, .xml, a name such as x.yml.txt), with what to do
    F029  (warning) no submission files found in a folder, or in all the paths given
    F030  a workbook's value cell holds a formula without a saved result, or an error (#DIV/0!)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .. import progress
from ..diagnostics import Diagnostic, Location, Severity, sorted_diagnostics

__all__ = ["EXTENSIONS", "WORKBOOKS", "RawRecord", "RawScalar", "ReadResult", "SubmissionKey", "read_file",
           "read_paths"]

EXTENSIONS = (".yaml", ".yml", ".json", ".csv", ".xlsx", ".xlsm")
WORKBOOKS = (".xlsx", ".xlsm")  # read by openpyxl, not as text
RawScalar = str | int | Decimal | bool | None


@dataclass(frozen=True, order=True)
class SubmissionKey:
    """One submission: its file, its position in the file, and the line where it starts."""

    file: str
    index: int
    line: int
    # True for rows of a table (CSV): rows with one unit and period form one submission, and
    # validation groups them again by the unit the registry resolves (an id in one row and the
    # unit's name in another are one submission).
    rows: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class RawRecord:
    """One value as a file gave it. ``value`` is typed as the file typed it (YAML/JSON numbers
    are int or Decimal, CSV cells text, a workbook's cells as the cell holds them); ``text`` is
    exactly what was written (for a number cell, the number in Vietnamese notation)."""

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
    percent: bool = False  # a workbook's number cell formatted as a percentage (value is 33.4 for 33,4%)


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
    empty_folders = 0
    for path in paths:
        if path.is_dir():
            found, skipped = walk_folder(path)
            for file in skipped:
                out.diagnostics.append(skipped_file(file))
            if not found:
                empty_folders += 1
                out.diagnostics.append(Diagnostic("F029", f"no submission files found in {path}", Location(str(path)),
                                                  Severity.WARNING, suggestion=f"{_FORMATS}; see docs/submissions.md"))
            with progress.task(f"Đọc {path.name or path}", len(found)) as advance:
                for file in found:
                    out.merge(read_file(file))
                    advance(1)
        elif path.exists():
            out.merge(read_file(path))
        else:
            out.diagnostics.append(Diagnostic("F020", "no such file or directory", Location(str(path))))
    if not out.files and not empty_folders:
        where = ", ".join(str(p) for p in paths) if paths else "no path was given"
        out.diagnostics.append(Diagnostic("F029", f"no submission files found in {where}" if paths
                                          else f"no submission files found: {where}",
                                          Location(str(paths[0]) if len(paths) == 1 else ""), Severity.WARNING))
    out.diagnostics = sorted_diagnostics(out.diagnostics)
    return out


def walk_folder(root: Path) -> tuple[list[Path], list[Path]]:
    """The submission files under ``root`` and the files that look like data but are not read,
    both in path order. Hidden files and folders, README* and *.md are left out silently."""
    found: list[Path] = []
    skipped: list[Path] = []
    for p in sorted(root.rglob("*"), key=lambda p: p.as_posix()):
        if not p.is_file() or any(part.startswith(".") for part in p.relative_to(root).parts) \
                or p.name.startswith("~$"):
            continue
        if p.suffix.lower() in EXTENSIONS:
            found.append(p)
        elif _not_read_because(p.name) is not None:
            skipped.append(p)
    return found, skipped


_FORMATS = "only .yaml, .yml, .json, .csv and .xlsx files are read"
_SPREADSHEETS = {".xls": "Excel 97-2003 (.xls)", ".ods": "OpenDocument (.ods)"}
_DATA_LIKE = (".txt", ".tsv", ".xml")


def _not_read_because(name: str) -> tuple[str, str] | None:
    """Why a file that looks like data is not read, and what to do; None for a file that does not
    look like data (README*, *.md, pictures, ...), which a folder may hold without a word."""
    lower = name.lower()
    suffix = Path(lower).suffix
    if lower.startswith("readme") or suffix == ".md":
        return None
    if suffix in _SPREADSHEETS:
        return (f"{_SPREADSHEETS[suffix]} spreadsheets are not read",
                "open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx)")
    inner = max((lower.rfind(ext) + len(ext) for ext in EXTENSIONS if ext in lower), default=0)
    if inner:
        ext = Path(name[:inner]).suffix
        return f"{name!r} does not end in {ext!r}", f"if it is a {ext} submission, rename it to {name[:inner]}"
    if suffix == ".tsv":
        return "tab-separated files are not read", "save it as CSV, with ',' or ';' between cells"
    if suffix == ".xml":
        return "XML is not read", "write the submission as YAML, JSON, CSV or Excel (.xlsx)"
    if suffix in _DATA_LIKE:
        return f"{suffix} files are not read", "write the submission as YAML, JSON, CSV or Excel (.xlsx)"
    return None


def skipped_file(path: Path) -> Diagnostic:
    why = _not_read_because(path.name)
    assert why is not None
    return Diagnostic("F028", f"this file is not read: {why[0]}; {_FORMATS}", Location(str(path)),
                      Severity.WARNING, suggestion=why[1])


def read_file(path: Path) -> ReadResult:
    """Read one submission file (by its extension)."""
    where = str(path)
    out = ReadResult(files=[where])
    suffix = path.suffix.lower()
    if suffix not in EXTENSIONS:
        why = _not_read_because(path.name)
        out.diagnostics.append(Diagnostic("F021", f"unknown kind of file {suffix or '(no extension)'!r}"
                                          + (f": {why[0]}" if why else ""), Location(where),
                                          suggestion=why[1] if why else "use .yaml, .yml, .json, .csv or .xlsx"))
        return out
    # The format modules build this module's records: imported here, not at the top, to keep
    # the import graph one-way for whoever imports a format module first.
    if suffix in WORKBOOKS:
        from .xlsx_loader import read_xlsx

        read_xlsx(path, where, out)
        out.diagnostics = sorted_diagnostics(out.diagnostics)
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
    if suffix == ".csv":
        from .csv_loader import read_csv

        read_csv(text, where, out)
    else:
        from .yaml_loader import read_yaml

        # In JSON a tab can only be whitespace between tokens; YAML forbids some of those.
        read_yaml(text.replace("\t", " ") if suffix == ".json" else text, where, out)
    out.diagnostics = sorted_diagnostics(out.diagnostics)
    return out
