"""Reading Excel submissions (``.xlsx``): the CSV's rows on a sheet, as a person fills one in.

A person's sheet has a title in merged cells, blank rows, perhaps the unit and the period once
(``Đơn vị: Sở TT&TT``, ``Kỳ báo cáo: 2022``), then a **header row** and one value per row below it.
The header row is the first row whose cells name a metric column and a value column, in the
CSV's English (``metric``, ``value``, ...) or in Vietnamese (``Chỉ tiêu``/``Mã chỉ tiêu``,
``Giá trị``/``Số liệu``, ...), compared without case, accents, a trailing colon or a note in
brackets (``header_key``). Above it, a label and the first filled cell to its right (or
``Nhãn: giá trị`` in one cell) may give the unit, the period, ``submitted_by`` and
``submitted_at`` for every row; a column gives them row by row, and a row's own cell wins. The
form that ``template`` writes is such a sheet, so one reader reads a unit's form, a level's form
(a unit column, the period above) and a sheet someone made by hand.

Which sheets: the sheet named ``Số liệu`` (the form's) when the workbook has one, else every
sheet that has a header row; a workbook with neither is F024, naming the sheets looked at.

Below the header, a row with neither a metric nor a value is skipped without a word (a
subtitle, a number in the STT column, a blank row); every other row is a value, read as a CSV
row is: rows of one unit and period in one file form one submission, and validation is shared.

Cells are read as the workbook holds them (``data_only``: a formula gives its saved result):

- text is parsed as a CSV cell is: ``1.234.567``, ``33,4%``, ``có``;
- a number exactly: a whole number as it is; a fraction from its shortest decimal form (the
  ``repr`` of the float), rounded to the 15 significant digits that Excel keeps and shows, so
  ``=0,1+0,2`` is 0.3 and no binary error enters; a cell formatted as a percentage holds the
  fraction (0.334 shows 33,4%) and is read as the percentage it shows (``RawRecord.percent``);
- TRUE and FALSE are a yes/no answer;
- a date is ``submitted_at`` as ISO text, or a period: a month when the cell shows no day (Excel
  turns a typed ``2022-07`` into July 2022); a date in a value cell is refused (F022: Excel may
  have read a figure as a date);
- a formula with no saved result (a file written by a program and never opened in a
  spreadsheet) and an error such as ``#DIV/0!`` are refused (F030), never read as blank.

Every location is the row (as the line), the sheet and the cell: ``so-tttt.xlsx[Số liệu]:14``,
field ``info_systems_total``, cell ``E14`` (shown as ``Số liệu!E14``). Codes: see ``loaders``.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Context, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from ..diagnostics import Diagnostic, Location, Severity
from .loaders import RawRecord, RawScalar, ReadResult, SubmissionKey
from .numbers import format_vi

__all__ = ["COLUMNS", "DATA_SHEET", "LABEL_COLUMNS", "TITLES", "header_key", "read_xlsx"]

DATA_SHEET = "Số liệu"

# The header words (as ``header_key`` writes them) that name each column, the preferred first:
# "Mã đơn vị" beside "Đơn vị" gives the unit, and the other column is ignored with a warning.
COLUMNS: dict[str, tuple[str, ...]] = {
    "unit": ("unit", "ma don vi", "don vi", "don vi bao cao"),
    "period": ("period", "ky bao cao", "ky"),
    "metric": ("metric", "ma chi tieu", "chi tieu"),
    "value": ("value", "gia tri", "so lieu", "so lieu bao cao", "ket qua"),
    "submitted_by": ("submitted_by", "nguoi bao cao", "nguoi lap bieu", "nguoi gui"),
    "submitted_at": ("submitted_at", "ngay bao cao", "ngay lap bieu", "ngay gui"),
    "note": ("note", "ghi chu"),
}
# The Vietnamese title of each column, as the form of ``template`` writes it.
TITLES = {"unit": "Mã đơn vị", "period": "Kỳ báo cáo", "metric": "Mã chỉ tiêu", "value": "Giá trị",
          "submitted_by": "Người báo cáo", "submitted_at": "Ngày báo cáo", "note": "Ghi chú"}
# Columns a form shows for people and nobody reads (the form's own among them): no warning.
LABEL_COLUMNS = frozenset({"stt", "tt", "ten don vi", "ten chi tieu", "noi dung", "don vi tinh", "dvt", "luu y"})
_BLOCK = ("unit", "period", "submitted_by", "submitted_at")  # what the rows above the header may give
_ALIASES = {name: (column, rank) for column, names in COLUMNS.items() for rank, name in enumerate(names)}
_HEADER_HINT = ("write a header row above the values: Mã chỉ tiêu | Giá trị (or metric | value), with "
                "Mã đơn vị and Kỳ báo cáo as columns or once above it (Mã đơn vị: ..., Kỳ báo cáo: ...); "
                "the form of `plancheck template` has one")

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NOT_WORD = re.compile(r"[^\w]+")
_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')  # quoted text, escaped characters, [colours] of a format
_COLUMN_NUMBER = re.compile(r"^\(?[A-Za-z0-9]{1,2}\)?$")
_EXCEL = Context(prec=15)  # Excel keeps and shows 15 significant digits


def header_key(text: str) -> str:
    """A header or a label as it is compared: without accents or case, words only
    ("Mã chỉ tiêu:" and "MA CHI TIEU" are "ma chi tieu"; "Giá trị (số)" is "gia tri")."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_NOT_WORD.sub(" ", _BRACKETS.sub(" ", text.casefold())).split())


def read_xlsx(path: Path, where: str, out: ReadResult) -> None:
    """Read the submissions of one workbook into ``out``."""
    reader = _BookReader(where)
    book = _open(path, where, out, data_only=True)
    if book is None:
        return
    try:
        sheets = book.worksheets
        titles = [str(ws.title) for ws in sheets]
        wanted = [ws for ws in sheets if header_key(ws.title) == header_key(DATA_SHEET)]
        for ws in wanted or sheets:
            reader.read_sheet(ws, required=bool(wanted))
    except _DAMAGED as exc:
        out.diagnostics.append(_damaged(where, exc))
        return
    finally:
        book.close()
    formulas = reader.formulas_without_result(path, out)
    if formulas is None:
        return
    out.diagnostics.extend(reader.diagnostics)
    if not reader.headers and not reader.required:
        if reader.filled:
            looked = ", ".join(repr(t) for t in titles)
            out.diagnostics.append(Diagnostic(
                "F024", f"no sheet has a header row naming a metric column and a value column "
                f"(looked at {looked})", Location(where), suggestion=_HEADER_HINT))
        else:
            out.diagnostics.append(Diagnostic("F027", "empty workbook: no cells", Location(where), Severity.WARNING))
        return
    for record in reader.records:
        formula = formulas.get((record.location.sheet, record.location.cell))
        if formula is None:
            out.records.append(record)
        else:
            out.diagnostics.append(Diagnostic(
                "F030", f"the formula {formula} has no saved result", record.location,
                suggestion="open the file in Excel or LibreOffice and save it, so that its formulas are "
                           "calculated, or type the figure"))
    out.submissions += len(reader.groups)


# What a damaged workbook raises while its sheets are read (XML errors are SyntaxErrors).
_DAMAGED = (zipfile.BadZipFile, SyntaxError, ValueError, OSError, EOFError)


def _open(path: Path, where: str, out: ReadResult, data_only: bool) -> Any:
    """The workbook, read-only, or None with F021 when it cannot be opened."""
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=data_only, keep_links=False)
    except OSError as exc:
        out.diagnostics.append(Diagnostic("F021", f"cannot read: {exc.strerror or exc}", Location(where)))
    except (InvalidFileException, KeyError, *_DAMAGED) as exc:  # KeyError: a part of the package is missing
        out.diagnostics.append(Diagnostic(
            "F021", f"not an Excel workbook (.xlsx): {exc}", Location(where),
            suggestion="it may be protected with a password, or another kind of file renamed: open it in Excel "
                       "or LibreOffice and save it as an Excel Workbook (.xlsx) without a password"))
    return None


def _damaged(where: str, exc: Exception) -> Diagnostic:
    return Diagnostic("F021", f"the workbook is damaged: {exc}", Location(where),
                      suggestion="open it in Excel or LibreOffice and save it again as an Excel Workbook (.xlsx)")


@dataclass
class _Header:
    row: int
    columns: dict[str, int]  # a column (unit, period, metric, value, ...) -> its index


@dataclass
class _Given:
    """A unit, period, submitter or time given once above the header, and where."""

    text: str
    location: Location
    rank: int


@dataclass
class _BookReader:
    where: str
    records: list[RawRecord] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    groups: dict[tuple[str, str], SubmissionKey] = field(default_factory=dict)
    blanks: dict[str, set[tuple[int, int]]] = field(default_factory=dict)  # blank value cells by sheet
    headers: int = 0  # sheets with a header row
    required: bool = False  # the workbook has a "Số liệu" sheet (read whatever it holds)
    filled: bool = False  # some cell of the workbook holds something

    def read_sheet(self, ws: Any, required: bool) -> None:
        """Find the header row of one sheet and read the rows below it. ``required``: the sheet
        is the form's ("Số liệu"), so a sheet without a header is an error, not a sheet to pass by."""
        self.required |= required
        sheet = str(ws.title)
        ws.reset_dimensions()  # the size a file states may be wrong: read the rows it holds
        header: _Header | None = None
        given: dict[str, _Given] = {}
        values = 0
        for r, row in enumerate(ws.iter_rows(), start=1):
            if header is None:
                self.filled = self.filled or any(c.value is not None for c in row)
                header = self._header(row, r, sheet)
                if header is None:
                    self._given(row, r, sheet, given)
                    continue
                self.headers += 1
                if not self._usable(header, given, sheet):
                    return
            elif r == header.row + 1 and _column_numbers(row, header):
                continue
            elif self._row(row, r, sheet, header, given):
                values += 1
        if header is None:
            if required:
                self.diagnostics.append(Diagnostic(
                    "F024", f"the sheet {sheet!r} has no header row naming a metric column and a value column",
                    Location(self.where, 0, "", sheet), suggestion=_HEADER_HINT))
            return
        if not values:
            self.diagnostics.append(Diagnostic("F027", "the sheet has no values below its header",
                                               self._at(sheet, header.row, 0, ""), Severity.WARNING))

    def _header(self, row: Sequence[Any], r: int, sheet: str) -> _Header | None:
        """The header, if this row names a metric column and a value column; then F027 for each
        column it does not know, and for a second column of one kind (the preferred name wins)."""
        found: dict[str, tuple[int, int]] = {}  # column -> (rank of its name, index)
        for i, cell in enumerate(row):
            hit = _ALIASES.get(header_key(cell.value)) if isinstance(cell.value, str) else None
            if hit is not None and (hit[0] not in found or hit[1] < found[hit[0]][0]):
                found[hit[0]] = (hit[1], i)
        if "metric" not in found or "value" not in found:
            return None
        columns = {name: i for name, (_, i) in found.items()}
        for i, cell in enumerate(row):
            if cell.value is None or (isinstance(cell.value, str) and not cell.value.strip()):
                continue
            text = str(cell.value).strip()
            key = header_key(text)
            hit = _ALIASES.get(key)
            if hit is not None and columns[hit[0]] != i:
                used = row[columns[hit[0]]].value
                self.diagnostics.append(Diagnostic(
                    "F027", f"column {text!r} is ignored: column {get_column_letter(columns[hit[0]] + 1)} "
                    f"({used!r}) gives the {hit[0]}", self._at(sheet, r, i, text), Severity.WARNING))
            elif hit is None and key not in LABEL_COLUMNS:
                self.diagnostics.append(Diagnostic(
                    "F027", f"unknown column {text!r}, ignored", self._at(sheet, r, i, text), Severity.WARNING,
                    suggestion="the columns read are " + ", ".join(f"{TITLES[c]} ({c})" for c in COLUMNS)))
        return _Header(r, columns)

    def _given(self, row: Sequence[Any], r: int, sheet: str, given: dict[str, _Given]) -> None:
        """What a row above the header gives once: a label and the first filled cell to its right
        (unless that is a label too), or "Label: value" in one cell."""
        for i, cell in enumerate(row):
            if not isinstance(cell.value, str):
                continue
            hit = _ALIASES.get(header_key(cell.value))
            at = i
            text = ""
            if hit is not None:
                right = next((j for j in range(i + 1, len(row)) if _filled(row[j].value)), None)
                if right is not None and not _is_label(row[right].value):
                    at, text = right, _text(row[right], hit[0])
            elif ":" in cell.value:
                label, _, rest = cell.value.partition(":")
                hit = _ALIASES.get(header_key(label))
                text = rest.strip()
            if hit is None or hit[0] not in _BLOCK or not text:
                continue
            before = given.get(hit[0])
            if before is None or hit[1] < before.rank:
                given[hit[0]] = _Given(text, self._at(sheet, r, at, hit[0]), hit[1])

    def _usable(self, header: _Header, given: dict[str, _Given], sheet: str) -> bool:
        """Whether the sheet gives a unit and a period: in a column, or once above the header."""
        missing = [name for name in ("unit", "period") if name not in header.columns and name not in given]
        for name in missing:
            title = TITLES[name]
            self.diagnostics.append(Diagnostic(
                "F024", f"the sheet gives no {name}: no column {title} ({name}) in the header, and no "
                f"'{title}:' above it", self._at(sheet, header.row, 0, name),
                suggestion=f"add a column {title}, or above the header a cell '{title}:' with the {name} in the "
                           "cell to its right"))
        return not missing

    def _row(self, row: Sequence[Any], r: int, sheet: str, header: _Header, given: dict[str, _Given]) -> bool:
        """Read one row below the header; True when it gives a value (with or without errors)."""
        def cell(name: str) -> Any:
            i = header.columns.get(name)
            return row[i] if i is not None and i < len(row) else None

        def text(name: str) -> tuple[str, Location]:
            c, i = cell(name), header.columns.get(name)
            own = _text(c, name) if c is not None else ""
            if own or name not in given:
                return own, self._at(sheet, r, i if i is not None else header.columns["value"], name)
            return given[name].text, given[name].location

        metric, _ = text("metric")
        value_cell = cell("value")
        if not metric and (value_cell is None or not _filled(value_cell.value)):
            return False
        unit, unit_at = text("unit")
        period, period_at = text("period")
        missing = [(name, at) for name, got, at in
                   (("unit", unit, unit_at), ("period", period, period_at), ("metric", metric, None)) if not got]
        for name, at in missing:
            self.diagnostics.append(Diagnostic("F023", f"the row has no `{name}`",
                                               at or self._at(sheet, r, header.columns["metric"], name)))
        value_at = self._at(sheet, r, header.columns["value"], metric)
        read = _value(value_cell, value_at)
        if isinstance(read, Diagnostic):
            self.diagnostics.append(read)
            return True
        if missing:
            return True
        if read.value is None:
            self.blanks.setdefault(sheet, set()).add((r, header.columns["value"]))
        key = self.groups.get((unit, period))
        if key is None:
            key = self.groups[(unit, period)] = SubmissionKey(self.where, len(self.groups), r, rows=True)
        submitted_at, at_location = text("submitted_at")
        note = cell("note")
        self.records.append(RawRecord(
            unit=unit, period=period, metric=metric, value=read.value, text=read.text, location=value_at,
            submission=key, unit_location=unit_at, period_location=period_at,
            note=_text(note, "note") if note is not None else "", submitted_by=text("submitted_by")[0],
            submitted_at=submitted_at, submitted_at_location=at_location, percent=read.percent,
        ))
        return True

    def _at(self, sheet: str, r: int, i: int, name: str) -> Location:
        return Location(self.where, r, name, sheet, f"{get_column_letter(i + 1)}{r}")

    def formulas_without_result(self, path: Path, out: ReadResult) -> dict[tuple[str, str], str] | None:
        """The formulas of the value cells read as blank, by sheet and cell (None, with F021, when
        the workbook cannot be read again): a blank cell and a formula with no saved result read
        alike with ``data_only``, so the workbook is read once more, for its formulas, when a value
        cell was blank."""
        if not self.blanks:
            return {}
        book = _open(path, self.where, out, data_only=False)
        if book is None:
            return None
        found: dict[tuple[str, str], str] = {}
        try:
            for sheet, cells in self.blanks.items():
                by_row: dict[int, list[int]] = {}
                for r, i in cells:
                    by_row.setdefault(r, []).append(i)
                ws = book[sheet]
                ws.reset_dimensions()
                for r, row in enumerate(ws.iter_rows(max_row=max(by_row)), start=1):
                    for i in by_row.get(r, ()):
                        if i < len(row) and row[i].data_type == "f":
                            formula = row[i].value  # text, or an ArrayFormula with its text
                            found[(sheet, f"{get_column_letter(i + 1)}{r}")] = str(getattr(formula, "text", formula))
        except _DAMAGED as exc:
            out.diagnostics.append(_damaged(self.where, exc))
            return None
        finally:
            book.close()
        return found


@dataclass(frozen=True)
class _Value:
    value: RawScalar
    text: str
    percent: bool = False


def _value(cell: Any, at: Location) -> _Value | Diagnostic:
    """A value cell as a raw value, or why it cannot be one (F022, F030)."""
    v = cell.value if cell is not None else None
    if not _filled(v):
        return _Value(None, "")
    if cell.data_type == "e":
        return Diagnostic("F030", f"the cell holds the error {v}", at,
                          suggestion="correct the formula, or type the figure")
    if isinstance(v, bool):
        return _Value(v, "TRUE" if v else "FALSE")
    if isinstance(v, str):
        return _Value(v.strip(), v.strip())
    if isinstance(v, datetime | date | time | timedelta):
        shown = f"{v:%d/%m/%Y}" if isinstance(v, date) else str(v)
        return Diagnostic("F022", f"the cell holds a date or time ({shown}), not a figure", at,
                          suggestion="Excel may have read what was typed as a date: format the cell as Number "
                                     "(or Text) and type the figure again")
    number = Decimal(v) if isinstance(v, int) else _EXCEL.create_decimal(repr(v))
    percent = _is_percent(str(cell.number_format))
    if percent:
        number *= 100
    exact: RawScalar = int(number) if number == number.to_integral_value() else number.normalize()
    return _Value(exact, _vi_text(number) + ("%" if percent else ""), percent)


def _text(cell: Any, name: str) -> str:
    """A cell that names something (a unit, a metric, a period, a time, a note) as text."""
    v = cell.value
    if v is None:
        return ""
    if isinstance(v, datetime | date):
        moment = v if isinstance(v, datetime) else datetime(v.year, v.month, v.day)
        if name == "period":
            shows_day = "d" in _LITERALS.sub("", str(cell.number_format)).lower()
            return f"{moment:%Y-%m}" if moment.day == 1 and not shows_day else f"{moment:%Y-%m-%d}"
        if moment.time() == time(0):
            return moment.date().isoformat()
        return moment.isoformat(timespec="minutes" if moment.second == 0 else "seconds")
    if isinstance(v, float):
        return format(_EXCEL.create_decimal(repr(v)).normalize(), "f")
    return str(v).strip()


def _vi_text(number: Decimal) -> str:
    """A number as a Vietnamese document prints it, every digit kept: 1.234.567 ; 33,4."""
    exponent = number.normalize().as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return format_vi(Fraction(number), decimals)


def _is_percent(number_format: str) -> bool:
    """Whether a number format shows the value as a percentage (a ``%`` outside quoted text)."""
    return "%" in _LITERALS.sub("", number_format)


def _filled(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _is_label(value: object) -> bool:
    """Whether a cell names a column or a field (so it is no label's value)."""
    return isinstance(value, str) and (header_key(value) in _ALIASES or header_key(value) in LABEL_COLUMNS)


def _column_numbers(row: Sequence[Any], header: _Header) -> bool:
    """Whether a row numbers the columns, as official forms do under the header: (1), (2), A, B,
    the metric column among them (a row without a metric is read, and refused, as a value)."""
    filled = [c.value for c in row if _filled(c.value)]
    metric = header.columns["metric"]
    return metric < len(row) and _filled(row[metric].value) \
        and all(_COLUMN_NUMBER.match(str(v).strip()) for v in filled)
