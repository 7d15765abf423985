"""Reading submission files into raw records: where every value came from, nothing interpreted.

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

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..diagnostics import Diagnostic, Location, Severity, did_you_mean, sorted_diagnostics

__all__ = ["EXTENSIONS", "RawRecord", "ReadResult", "SubmissionKey", "read_file", "read_paths"]

EXTENSIONS = (".yaml", ".yml", ".json", ".csv")
RawScalar = str | int | Decimal | bool | None

_SUBMISSION_KEYS = ("unit", "period", "submitted_by", "submitted_at", "note", "values")
_VALUE_KEYS = ("value", "note")
_CSV_REQUIRED = ("unit", "period", "metric", "value")
_CSV_OPTIONAL = ("submitted_by", "submitted_at", "note")
_TAG = "tag:yaml.org,2002:"


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
    if suffix == ".csv":
        _read_csv(text, where, out)
    else:
        # In JSON a tab can only be whitespace between tokens; YAML forbids some of those.
        _read_yaml(text.replace("\t", " ") if suffix == ".json" else text, where, out)
    out.diagnostics = sorted_diagnostics(out.diagnostics)
    return out


# --- YAML and JSON ---------------------------------------------------------------------------


def _read_yaml(text: str, where: str, out: ReadResult) -> None:
    try:
        root = YAML(typ="rt").compose(io.StringIO(text))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid syntax"
        if exc.context and exc.problem:
            started = f" started on line {exc.context_mark.line + 1}" if exc.context_mark is not None else ""
            problem = f"{problem} ({exc.context}{started})"
        line = mark.line + 1 if mark is not None else 0
        out.diagnostics.append(Diagnostic("F021", f"not valid YAML/JSON: {problem}", Location(where, line)))
        return
    except YAMLError as exc:
        out.diagnostics.append(Diagnostic("F021", f"not valid YAML/JSON: {exc}", Location(where)))
        return
    if root is None:
        out.diagnostics.append(Diagnostic("F027", "empty file: no submissions", Location(where),
                                          Severity.WARNING))
        return
    items: list[Node]
    if isinstance(root, SequenceNode):
        items = list(root.value)
    elif isinstance(root, MappingNode) and _get(root, "submissions") is not None:
        subs = _get(root, "submissions")
        others = [k for k, _ in root.value if _scalar_text(k) != "submissions"]
        for k in others:
            out.diagnostics.append(Diagnostic("F026", f"unknown key {_scalar_text(k)!r} beside `submissions:`",
                                              _loc(where, k, _scalar_text(k))))
        if not isinstance(subs, SequenceNode):
            out.diagnostics.append(Diagnostic("F022", "`submissions:` must be a list", _loc(where, subs or root)))
            return
        items = list(subs.value)
    else:
        items = [root]
    for index, item in enumerate(items):
        _read_submission(item, where, index, out)


def _read_submission(node: Node, where: str, index: int, out: ReadResult) -> None:
    out.submissions += 1
    if not isinstance(node, MappingNode):
        out.diagnostics.append(Diagnostic("F022", "expected a submission (a mapping with unit, period, values)",
                                          _loc(where, node)))
        return
    head: dict[str, tuple[str, Location]] = {}
    values: Node | None = None
    for key_node, value_node in node.value:
        key = _scalar_text(key_node)
        if key not in _SUBMISSION_KEYS:
            out.diagnostics.append(Diagnostic("F026", f"unknown key {key!r} in a submission",
                                              _loc(where, key_node, key),
                                              suggestion=did_you_mean(key, _SUBMISSION_KEYS)))
        elif key == "values":
            values = value_node
        elif isinstance(value_node, ScalarNode):
            head[key] = ("" if value_node.tag == _TAG + "null" else value_node.value, _loc(where, value_node, key))
        else:
            out.diagnostics.append(Diagnostic("F022", f"`{key}` must be a single value", _loc(where, value_node, key)))
    missing = [k for k in ("unit", "period") if not head.get(k, ("", None))[0].strip()]
    if values is None or (isinstance(values, ScalarNode) and values.tag == _TAG + "null"):
        missing.append("values")
    for key in missing:
        out.diagnostics.append(Diagnostic("F023", f"the submission has no `{key}`", _loc(where, node, key)))
    if missing:
        return
    assert values is not None
    if not isinstance(values, MappingNode):
        out.diagnostics.append(Diagnostic("F022", "`values:` must map metric ids to values",
                                          _loc(where, values, "values")))
        return
    if not values.value:
        out.diagnostics.append(Diagnostic("F027", "the submission has no values", _loc(where, values, "values"),
                                          Severity.WARNING))
    sub_key = SubmissionKey(where, index, node.start_mark.line + 1)
    at_text, at_loc = head.get("submitted_at", ("", Location()))
    for metric_node, value_node in values.value:
        metric = _scalar_text(metric_node)
        record = _read_value(metric, value_node, where, out)
        if record is None:
            continue
        value, text, quoted, note, loc = record
        out.records.append(RawRecord(
            unit=head["unit"][0].strip(), period=head["period"][0].strip(), metric=metric,
            value=value, text=text, location=loc, submission=sub_key,
            unit_location=head["unit"][1], period_location=head["period"][1], note=note,
            submitted_by=head.get("submitted_by", ("", Location()))[0].strip(),
            submitted_at=at_text.strip(), submitted_at_location=at_loc, quoted=quoted,
        ))


def _read_value(metric: str, node: Node, where: str,
                out: ReadResult) -> tuple[RawScalar, str, bool, str, Location] | None:
    loc = _loc(where, node, metric)
    if isinstance(node, ScalarNode):
        return (*_scalar(node), "", loc)
    if not isinstance(node, MappingNode):
        out.diagnostics.append(Diagnostic("F022", "expected a value, or a mapping {value: ..., note: ...}", loc))
        return None
    value_node: Node | None = None
    note = ""
    ok = True
    for k, v in node.value:
        key = _scalar_text(k)
        if key == "value":
            value_node = v
        elif key == "note" and isinstance(v, ScalarNode):
            note = "" if v.tag == _TAG + "null" else str(v.value)
        else:
            out.diagnostics.append(Diagnostic("F026", f"unknown key {key!r} in a value mapping",
                                              _loc(where, k, metric), suggestion=did_you_mean(key, _VALUE_KEYS)))
            ok = False
    if not ok:
        return None
    if value_node is None or not isinstance(value_node, ScalarNode):
        out.diagnostics.append(Diagnostic("F022", "a value mapping needs `value:` with a single value", loc))
        return None
    return (*_scalar(value_node), note, _loc(where, value_node, metric))


def _scalar(node: ScalarNode) -> tuple[RawScalar, str, bool]:
    """The value as YAML types it, the text as written, and whether it was quoted."""
    text = str(node.value)
    if node.style is not None:
        return text, text, True
    tag = str(node.tag)
    if tag == _TAG + "null":
        return None, text, False
    if tag == _TAG + "bool":
        return text.lower() == "true", text, False
    if tag == _TAG + "int":
        try:
            return int(text.replace("_", ""), 0 if text[:2].lower() in ("0x", "0o", "0b") else 10), text, False
        except ValueError:
            return text, text, False
    if tag == _TAG + "float":
        try:
            return Decimal(text.replace("_", "")), text, False
        except InvalidOperation:
            return text, text, False
    return text, text, False


def _get(node: MappingNode, key: str) -> Node | None:
    for k, v in node.value:
        if _scalar_text(k) == key:
            return v  # type: ignore[no-any-return]
    return None


def _scalar_text(node: Node) -> str:
    return str(node.value).strip() if isinstance(node, ScalarNode) else "<not a name>"


def _loc(where: str, node: Node, field_name: str = "") -> Location:
    return Location(where, node.start_mark.line + 1, field_name)


# --- CSV -------------------------------------------------------------------------------------


def _read_csv(text: str, where: str, out: ReadResult) -> None:
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        out.diagnostics.append(Diagnostic("F027", "empty file: no rows", Location(where), Severity.WARNING))
        return
    delimiter = _sniff(lines[first])
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


def _sniff(header_line: str) -> str:
    """``;`` if the header reads with it and not with ``,``; ``,`` otherwise."""
    def columns(d: str) -> set[str]:
        return {c.strip().lower() for c in header_line.split(d)}

    if set(_CSV_REQUIRED) <= columns(";") or header_line.count(";") > header_line.count(","):
        return ";"
    return ","


def _check_header(header: list[str], where: str, line: int, out: ReadResult) -> bool:
    missing = [c for c in _CSV_REQUIRED if c not in header]
    if missing:
        out.diagnostics.append(Diagnostic(
            "F024", f"the header lacks column(s) {', '.join(missing)}", Location(where, line),
            suggestion=f"the header must have {', '.join(_CSV_REQUIRED)} (and may have {', '.join(_CSV_OPTIONAL)})",
        ))
        return False
    for name in header:
        if name not in _CSV_REQUIRED and name not in _CSV_OPTIONAL:
            out.diagnostics.append(Diagnostic("F027", f"unknown column {name!r}, ignored", Location(where, line, name),
                                              Severity.WARNING,
                                              did_you_mean(name, _CSV_REQUIRED + _CSV_OPTIONAL)))
    return True


def _read_row(row: list[str], header: list[str], where: str, line: int,
              groups: dict[tuple[str, str], SubmissionKey], out: ReadResult) -> None:
    if len(row) > len(header):
        out.diagnostics.append(Diagnostic(
            "F025", f"the row has {len(row)} cells, the header {len(header)}", Location(where, line),
            suggestion="quote a value that holds the delimiter (\"33,4%\"), or separate cells with ';'",
        ))
        return
    cells = {name: (row[i].strip() if i < len(row) else "") for i, name in enumerate(header)}
    unit, period = cells["unit"], cells["period"]
    missing = [c for c in ("unit", "period", "metric") if not cells[c]]
    for c in missing:
        out.diagnostics.append(Diagnostic("F023", f"the row has no `{c}`", Location(where, line, c)))
    if missing:
        return
    key = groups.get((unit, period))
    if key is None:
        key = groups[(unit, period)] = SubmissionKey(where, len(groups), line)
    metric = cells["metric"]
    out.records.append(RawRecord(
        unit=unit, period=period, metric=metric, value=cells["value"], text=cells["value"],
        location=Location(where, line, metric), submission=key,
        unit_location=Location(where, line, "unit"), period_location=Location(where, line, "period"),
        note=cells.get("note", ""), submitted_by=cells.get("submitted_by", ""),
        submitted_at=cells.get("submitted_at", ""),
        submitted_at_location=Location(where, line, "submitted_at"),
    ))
