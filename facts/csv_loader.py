"""Reading CSV submissions: long form, one value per row, ``,`` or ``;`` between cells; rows
with the same unit and period in one file form one submission. Formats: see ``loaders``.

Rows are grouped here by the unit as written; validation groups them again by the unit the
registry resolves (``SubmissionKey.rows``), so ``SO-TTTT`` in one row and ``Sở TT&TT`` in the next
are one submission, not two of which one would replace the other."""

from __future__ import annotations

import csv
import io

from ..diagnostics import Diagnostic, Location, Severity, did_you_mean
from ..safe_text import unquote_spreadsheet_text
from .loaders import RawRecord, ReadResult, SubmissionKey

__all__ = ["CSV_OPTIONAL", "CSV_REQUIRED", "read_csv", "sniff_delimiter"]

CSV_REQUIRED = ("unit", "period", "metric", "value")
CSV_OPTIONAL = ("submitted_by", "submitted_at", "note")


def read_csv(text: str, where: str, out: ReadResult) -> None:
    """Read the rows of one CSV text into ``out``."""
    delimiter = sniff_delimiter(text)
    if delimiter is None:
        out.diagnostics.append(Diagnostic("F027", "empty file: no rows", Location(where), Severity.WARNING))
        return
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    groups: dict[tuple[str, str], SubmissionKey] = {}
    previous_line = 0
    for row in reader:
        line = previous_line + 1
        previous_line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [c.strip().lower() for c in row]
            if not _check_header(header, where, line, out):
                return
            continue
        _read_row(row, header, where, line, groups, out)
    out.submissions += len(groups)


def sniff_delimiter(text: str) -> str | None:
    """The delimiter of a CSV text, as its first non-blank line reads (``_sniff``); None when every
    line is blank. Only the text up to its first line feed is split into lines when it holds that
    line: its lines are the text's first lines."""
    end = text.find("\n")
    head = text if end < 0 else text[: end + 1]
    first = next((line for line in head.splitlines() if line.strip()), None)
    if first is None and end >= 0:
        first = next((line for line in text.splitlines() if line.strip()), None)
    return None if first is None else _sniff(first)


def _sniff(header_line: str) -> str:
    """``;`` if the header reads with it and not with ``,``; ``,`` otherwise."""
    def columns(d: str) -> set[str]:
        return {c.strip().lower() for c in header_line.split(d)}

    if set(CSV_REQUIRED) <= columns(";") or header_line.count(";") > header_line.count(","):
        return ";"
    return ","


def _check_header(header: list[str], where: str, line: int, out: ReadResult) -> bool:
    missing = [c for c in CSV_REQUIRED if c not in header]
    if missing:
        out.diagnostics.append(Diagnostic(
            "F024", f"the header lacks column(s) {', '.join(missing)}", Location(where, line),
            suggestion=f"the header must have {', '.join(CSV_REQUIRED)} (and may have {', '.join(CSV_OPTIONAL)})",
        ))
        return False
    for name in header:
        if name not in CSV_REQUIRED and name not in CSV_OPTIONAL:
            out.diagnostics.append(Diagnostic("F027", f"unknown column {name!r}, ignored", Location(where, line, name),
                                              Severity.WARNING,
                                              did_you_mean(name, CSV_REQUIRED + CSV_OPTIONAL)))
    return True


def _read_row(row: list[str], header: list[str], where: str, line: int,
              groups: dict[tuple[str, str], SubmissionKey], out: ReadResult) -> None:
    if len(row) > len(header):
        out.diagnostics.append(Diagnostic(
            "F025", f"the row has {len(row)} cells, the header {len(header)}", Location(where, line),
            suggestion="quote a value that holds the delimiter (\"33,4%\"), or separate cells with ';'",
        ))
        return
    # a cell plancheck exported with an apostrophe against formulas ("'=…") reads as it was written
    cells = {name: (unquote_spreadsheet_text(row[i].strip()) if i < len(row) else "") for i, name in enumerate(header)}
    unit, period = cells["unit"], cells["period"]
    missing = [c for c in ("unit", "period", "metric") if not cells[c]]
    for c in missing:
        out.diagnostics.append(Diagnostic("F023", f"the row has no `{c}`", Location(where, line, c)))
    if missing:
        return
    key = groups.get((unit, period))
    if key is None:
        key = groups[(unit, period)] = SubmissionKey(where, len(groups), line, rows=True)
    metric = cells["metric"]
    out.records.append(RawRecord(
        unit=unit, period=period, metric=metric, value=cells["value"], text=cells["value"],
        location=Location(where, line, metric), submission=key,
        unit_location=Location(where, line, "unit"), period_location=Location(where, line, "period"),
        note=cells.get("note", ""), submitted_by=cells.get("submitted_by", ""),
        submitted_at=cells.get("submitted_at", ""),
        submitted_at_location=Location(where, line, "submitted_at"),
    ))
