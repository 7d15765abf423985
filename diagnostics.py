"""Errors as data: a code, a message, a location, and a suggestion where one helps.

Loaders collect every diagnostic, sorted by location, and never raise on the first one;
only ``cli.py`` (through ``render``) turns them into text on the terminal.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Location:
    """Where something came from: a file, a line (text files) or row (tables), a field; in a
    workbook also the sheet and the cell (``C14``)."""

    file: str = ""
    line: int = 0
    field: str = ""
    sheet: str = ""
    cell: str = ""

    def cell_ref(self) -> str:
        """The cell as a person finds it in the workbook: ``Số liệu!C14``; '' outside a sheet."""
        return f"{self.sheet}!{self.cell}" if self.cell else ""

    def __str__(self) -> str:
        out = self.file or "<input>"
        if self.sheet:
            out += f"[{self.sheet}]"
        if self.line:
            out += f":{self.line}"
        return out


@dataclass(frozen=True)
class Diagnostic:
    code: str
    message: str
    location: Location = field(default_factory=Location)
    severity: Severity = Severity.ERROR
    suggestion: str = ""

    def sort_key(self) -> tuple[str, str, int, str, str]:
        return (self.location.file, self.location.sheet, self.location.line, self.location.field, self.code)

    def __str__(self) -> str:
        where = str(self.location)
        label = self.location.field
        if self.location.cell:
            label = f"{label} ({self.location.cell_ref()})" if label else self.location.cell_ref()
        text = f"{where}: {self.code}: {self.message}"
        if label:
            text = f"{where}: {self.code}: {label}: {self.message}"
        if self.severity is Severity.WARNING:
            text = text.replace(f": {self.code}:", f": {self.code} (warning):", 1)
        if self.suggestion:
            text += f" ({self.suggestion})"
        return text

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "file": self.location.file,
            "line": self.location.line,
            "field": self.location.field,
            "suggestion": self.suggestion,
        }
        if self.location.sheet:  # a workbook: the line is the row of this sheet
            out["sheet"] = self.location.sheet
            out["cell"] = self.location.cell
        return out


class DiagnosticsError(Exception):
    """Input that cannot be used, with every diagnostic that says why (the CLI exits 2)."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("; ".join(str(d) for d in diagnostics))
        self.diagnostics = diagnostics


def sorted_diagnostics(items: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(items, key=Diagnostic.sort_key)


def has_errors(items: Iterable[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in items)


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """A suggestion for a misspelt id, or '' when nothing is close."""
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else ""
