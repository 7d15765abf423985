"""Reading task status files into rows: where every field of every report is, nothing interpreted.

The formats are described in ``facts.task_status`` and docs/tasks.md; this module only finds the
files and reads YAML, JSON (as YAML) and CSV, reporting T001–T004 and T013.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..diagnostics import Diagnostic, Location, Severity, did_you_mean
from ..yamlsource import YamlSyntaxError, read_yaml

__all__ = ["REPORT_KEYS", "REQUIRED", "StatusRow", "read_status_file", "status_files"]

REPORT_KEYS = ("task", "unit", "period", "status", "date", "evidence", "note")
REQUIRED = ("task", "unit", "period", "status", "date")
_FILE_KEYS = ("unit", "submitted_by", "note", "reports")
_CSV_OPTIONAL = ("evidence", "note", "submitted_by")
_SUFFIXES = (".yaml", ".yml", ".json", ".csv")


@dataclass
class StatusRow:
    """One report as read: each field's value (as YAML typed it, or a CSV cell's text) and where it is."""

    fields: dict[str, tuple[Any, Location]] = field(default_factory=dict)
    start: Location = field(default_factory=Location)


def status_files(paths: Sequence[Path], diags: list[Diagnostic]) -> Iterator[Path]:
    """The status files of ``paths``: files as given, folders walked (hidden files and README, *.md left out)."""
    found = missing = False
    for path in paths:
        if path.is_dir():
            for p in sorted(path.rglob("*"), key=lambda p: p.as_posix()):
                hidden = any(part.startswith(".") for part in p.relative_to(path).parts)
                if p.is_file() and not hidden and p.suffix.lower() in _SUFFIXES:
                    found = True
                    yield p
        elif path.is_file():
            found = True
            yield path
        else:
            missing = True
            diags.append(Diagnostic("T001", "no such file or folder", Location(str(path))))
    if not found and not missing and paths:
        diags.append(Diagnostic("T013", "no task status file (.yaml, .yml, .json, .csv) found",
                                Location(str(paths[0])), Severity.WARNING))


def read_status_file(path: Path, diags: list[Diagnostic]) -> list[StatusRow]:
    """The reports of one YAML, JSON or CSV file, not yet checked."""
    where = str(path)
    if path.suffix.lower() not in _SUFFIXES:
        diags.append(Diagnostic("T001", f"unknown kind of file {path.suffix or '(no extension)'!r}",
                                Location(where), suggestion="use .yaml, .yml, .json or .csv"))
        return []
    if path.suffix.lower() == ".csv":
        try:
            return _read_csv(path.read_text(encoding="utf-8-sig"), where, diags)
        except UnicodeDecodeError:
            diags.append(Diagnostic("T001", "not UTF-8 text", Location(where),
                                    suggestion="save the file as UTF-8"))
            return []
    try:
        root = read_yaml(path, where, code="T001")
    except YamlSyntaxError as exc:
        diags.append(exc.diagnostic)
        return []
    return _read_yaml(root, where, diags)


def _read_yaml(root: Any, where: str, diags: list[Diagnostic]) -> list[StatusRow]:
    head: dict[str, tuple[Any, Location]] = {}
    entries: list[tuple[Any, int]]
    if isinstance(root, CommentedMap) and "task" not in root:
        for key in root:
            loc = Location(where, root.lc.key(key)[0] + 1, str(key))
            if key not in _FILE_KEYS:
                diags.append(Diagnostic("T004", f"unknown key {key!r} in a status file", loc,
                                        suggestion=did_you_mean(str(key), _FILE_KEYS)))
            elif key != "reports":
                head[str(key)] = (root[key], loc)
        items = root.get("reports")
        if not isinstance(items, CommentedSeq):
            diags.append(Diagnostic("T002", "a status file lists its reports under `reports:`",
                                    Location(where, 1, "reports")))
            return []
        entries = [(item, items.lc.item(i)[0] + 1) for i, item in enumerate(items)]
    elif isinstance(root, CommentedMap):  # one report alone
        entries = [(root, 1)]
    elif isinstance(root, CommentedSeq):
        entries = [(item, root.lc.item(i)[0] + 1) for i, item in enumerate(root)]
    else:
        diags.append(Diagnostic("T002", "expected reports (a mapping with `reports:`, or a list)",
                                Location(where, 1)))
        return []
    rows: list[StatusRow] = []
    for item, line in entries:
        start = Location(where, line)
        if not isinstance(item, CommentedMap):
            diags.append(Diagnostic("T002", "expected a report (a mapping with task, period, status, date)",
                                    start))
            continue
        row = StatusRow({k: v for k, v in head.items() if k == "unit"}, start)
        for key in item:
            loc = Location(where, item.lc.key(key)[0] + 1, str(key))
            if key not in REPORT_KEYS:
                diags.append(Diagnostic("T004", f"unknown key {key!r} in a report", loc,
                                        suggestion=did_you_mean(str(key), REPORT_KEYS)))
            elif isinstance(item[key], CommentedMap | CommentedSeq):
                diags.append(Diagnostic("T002", f"`{key}` must be a single value", loc))
            else:
                row.fields[str(key)] = (item[key], loc)
        rows.append(row)
    return rows


def _read_csv(text: str, where: str, diags: list[Diagnostic]) -> list[StatusRow]:
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return []
    delimiter = ";" if lines[first].count(";") > lines[first].count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[StatusRow] = []
    previous = 0
    for cells in reader:
        line, previous = previous + 1, reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if header is None:
            header = [c.strip().lower() for c in cells]
            missing = [c for c in REQUIRED if c not in header]
            for name in header:
                if name not in REQUIRED and name not in _CSV_OPTIONAL:
                    diags.append(Diagnostic("T004", f"unknown column {name!r}", Location(where, line, name),
                                            suggestion=did_you_mean(name, REQUIRED + _CSV_OPTIONAL)))
            if missing:
                diags.append(Diagnostic("T003", f"the header lacks column(s) {', '.join(missing)}",
                                        Location(where, line)))
                return []
            continue
        if len(cells) > len(header):
            diags.append(Diagnostic("T002", f"the row has {len(cells)} cells, the header {len(header)}",
                                    Location(where, line), suggestion="quote a cell that holds the delimiter"))
            continue
        row = StatusRow(start=Location(where, line))
        for i, name in enumerate(header):
            if name in REPORT_KEYS and i < len(cells) and cells[i].strip():
                row.fields[name] = (cells[i].strip(), Location(where, line, name))
        rows.append(row)
    return rows
