"""Loading many CSV submissions into a ``FactTable``: what ``load_facts`` gives, in a fraction of
its time and memory.

``load_facts`` builds a ``RawRecord`` (with four ``Location``\\ s) per row and a ``MetricValue`` per
value: about a minute and several GiB for the 2.5 million values of a national year. Most files of
such a year are plain, and a plain file gives no diagnostic and has every value accepted as it is
written, so ``load_fact_table`` reads it with ``csv.reader`` straight into the table's columns
(shared strings; each distinct value text parsed once per metric kind, over all the files).

Plain is decided per file: a CSV file is plain when its header has the required columns and no
other than the known ones (each once), and every row that is not blank has no more cells than the
header and names a registry unit by its id, a period, and a metric of the pack (by its id) that
units of that level report, with a value the metric's kind reads, each metric once in each unit
and period; the rows of a unit and period agree on a readable ``submitted_at`` (or all leave it
out), and no part is above its whole (the catalog's ``not_above``). Whatever else a file holds (a
unit by name, a blank or unreadable value, an unknown column, ...) sends it whole to the file
loader (``read_file``, then ``validate_records``), which words its diagnostics as ``load_facts``
does; YAML, JSON and Excel files always go there. Paths, folders and the order of files are those of
``read_paths``.

Submissions of one unit and period compete (``resubmission``), in any two files. A plain file
that submits a unit and period which another file submits too is therefore left to the file loader
as well, with every file it shares one with, until no plain file shares a unit and period with any
other file. Then nothing the file loader validates is grouped or competes with a plain file, so its
part of the result is what it would be among all the files, and the plain files add their values
and nothing else: the result is that of ``load_facts``, value for value (only the order of the
table's rows differs), diagnostic for diagnostic and count for count.
"""

from __future__ import annotations

import csv
import gc
import io
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import is_
from pathlib import Path
from typing import TypeVar, cast

from .. import progress
from ..diagnostics import Diagnostic, Location, has_errors, sorted_diagnostics
from ..rules.model import MetricKind, Pack
from ..safe_text import unquote_spreadsheet_text
from .csv_loader import CSV_OPTIONAL, CSV_REQUIRED, sniff_delimiter
from .load import FactLoad
from .loaders import RawRecord, ReadResult, SubmissionKey, read_file, read_paths, skipped_file, walk_folder
from .model import PERIOD_RE, Registry, Unit
from .registry import find_unit, unit_index
from .resubmission import parse_time
from .table import FactTable
from .validate import ValueProblem, parse_value, validate_records

__all__ = ["TableLoad", "load_fact_table"]

_Cell = TypeVar("_Cell", bound=Hashable)
_Made = TypeVar("_Made")
_Group = tuple[str, str]  # (unit id, period): the submissions of one unit for one period compete


@dataclass
class TableLoad:
    """A ``FactLoad`` whose accepted values are a ``FactTable``; the counts mean the same."""

    table: FactTable
    diagnostics: list[Diagnostic]
    files: list[str]
    submissions: int
    accepted_values: int
    rejected_values: int
    superseded_values: int = 0
    blank_values: int = 0
    records: int = 0
    fast_files: int = 0  # plain CSV files, read straight into the table
    slow_files: int = 0  # files read and validated by the file loader

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)

    def to_fact_load(self) -> FactLoad:
        return FactLoad(facts=self.table.to_factset(), diagnostics=self.diagnostics, files=self.files,
                        submissions=self.submissions, accepted_values=self.accepted_values,
                        rejected_values=self.rejected_values, superseded_values=self.superseded_values,
                        blank_values=self.blank_values, records=self.records)


def load_fact_table(paths: Sequence[Path], pack: Pack, registry: Registry) -> TableLoad:
    """Read submission files and directories and check them against ``pack`` and ``registry``, as
    ``load_facts`` does."""
    files, said = _walk_paths(paths)
    plain = _read_plain(files, pack, registry)
    read = _read_others(files, plain, registry)
    checked = validate_records(read.records, pack, registry)
    table = FactTable()
    table.extend_factset(checked.facts)
    submissions, records = read.submissions - checked.merged, len(read.records)
    for i in sorted(plain):
        rows = plain.pop(i)
        rows.append_to(table, str(files[i]))
        submissions += len(rows.groups)
        records += len(rows.unit)
    return TableLoad(
        table=table,
        diagnostics=sorted_diagnostics([*said, *read.diagnostics, *checked.diagnostics]),
        files=[str(f) for f in files],
        submissions=submissions,
        accepted_values=len(table),
        rejected_values=checked.rejected,
        superseded_values=checked.superseded,
        blank_values=checked.blank,
        records=records,
        fast_files=len(files) - len(read.files),
        slow_files=len(read.files),
    )


def _read_plain(files: list[Path], pack: Pack, registry: Registry) -> dict[int, _Plain]:
    """The plain CSV files among ``files``, by position.

    The cyclic garbage collector waits meanwhile: ``csv.reader`` gives each row as a list, which it
    tracks, and with millions of rows alive for a moment each it ran about as long as the reading
    (every file's rows outlive a collection or two, and each full one walks every object there is).
    Nothing read here forms a cycle."""
    reader = _PlainReader(pack, registry)
    plain: dict[int, _Plain] = {}
    collecting = gc.isenabled()
    gc.disable()
    try:
        with progress.task("Đọc tệp số liệu", len(files)) as advance:
            for i, path in enumerate(files):
                found = reader.read(path) if path.suffix.lower() == ".csv" else None
                if found is not None:
                    plain[i] = found
                advance(1)
    finally:
        if collecting:
            gc.enable()
    return plain


def _walk_paths(paths: Sequence[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """The files ``read_paths`` reads, in its order, and what it says of the paths themselves (F020,
    F028, F029), without reading a file."""
    files: list[Path] = []
    said: list[Diagnostic] = []
    bare: list[Path] = []  # paths that give no file: missing, or folders without a submission file
    for path in paths:
        if path.is_dir():
            found, skipped = walk_folder(path)
            if found:
                files += found
                said += map(skipped_file, skipped)
                continue
        elif path.exists():
            files.append(path)
            continue
        bare.append(path)
    if bare or not files:
        # read_paths words these itself, and reads nothing for them. Without a folder among them, its
        # only F029 is the one for no file in any path, which other paths that gave files rule out.
        found_none = read_paths(bare).diagnostics
        if files and not any(path.is_dir() for path in bare):
            found_none = [d for d in found_none if d.code != "F029"]
        said += found_none
    return files, said


def _read_others(files: list[Path], plain: dict[int, _Plain], registry: Registry) -> ReadResult:
    """Read with ``read_file`` every file that is not plain and every plain file that shares a unit
    and period with another file (taken out of ``plain``), until no plain file shares one; their
    results in file order."""
    first: dict[_Group, int] = {}
    shared: set[int] = set()
    for i, rows in plain.items():
        for group in rows.groups:
            other = first.setdefault(group, i)
            if other != i:
                shared |= {i, other}
    for i in shared:
        del plain[i]
    index: dict[str, Unit] = {}
    ids: dict[str, str | None] = {}

    def submitted(records: list[RawRecord]) -> set[_Group]:
        """The (unit id, period) of each submission of ``records`` whose unit the registry knows."""
        out: set[_Group] = set()
        for unit, period in {(r.unit, r.period) for r in records}:
            if unit not in ids:
                if not index:
                    index.update(unit_index(registry))
                known = find_unit(registry, unit, index)
                ids[unit] = known.id if known is not None else None
            unit_id = ids[unit]
            if unit_id is not None:
                out.add((unit_id, period))
        return out

    results: dict[int, ReadResult] = {}
    pending = [i for i in range(len(files)) if i not in plain]
    while pending:
        groups: set[_Group] = set()
        for i in pending:
            results[i] = read_file(files[i])
            groups |= submitted(results[i].records)
        pending = sorted({first[g] for g in groups if first.get(g) in plain})
        for i in pending:
            del plain[i]
    read = ReadResult()
    for i in sorted(results):
        read.merge(results[i])
    return read


@dataclass
class _Plain:
    """The rows of a plain file, as columns."""

    groups: set[_Group]  # one submission each
    unit: list[str]
    period: list[str]
    metric: list[str]
    num: Sequence[int]
    den: Sequence[int]
    raw: Sequence[str]
    line: list[int]
    submitted_by: list[str]
    submitted_at: list[str]

    def append_to(self, table: FactTable, file: str) -> None:
        table.unit += self.unit
        table.period += self.period
        table.metric += self.metric
        table.num += self.num
        table.den += self.den
        table.raw += self.raw
        table.file += repeat(table.file_id(file), len(self.unit))
        table.line += self.line
        table.submitted_by += self.submitted_by
        table.submitted_at += self.submitted_at


_NOWHERE = SubmissionKey("", 0, 0)
_UNSEEN = object()


class _PlainReader:
    """Reads plain CSV files into columns. Every distinct text (a unit, a period, a value of a kind, a
    time) is looked at once over all the files, and each distinct string is kept once."""

    def __init__(self, pack: Pack, registry: Registry) -> None:
        self._registry = registry
        self._metric_index = pack.metric_index()
        metrics = self._metric_index.values()
        # Levels and kinds by their text: an Enum member hashes in Python, its text in C.
        self._level = {u.id: u.level.value for u in registry}
        self._kind = {m.id: m.kind.value for m in metrics}
        self._reported = {(level.value, m.id) for m in metrics for level in m.levels}
        self._wholes = {m.id: m.not_above for m in metrics if m.not_above}
        self._units: dict[str, str | None] = {}
        self._periods: dict[str, str | None] = {}
        self._metrics: dict[str, str | None] = {}
        self._values: dict[tuple[str, str], tuple[int, int, str] | None] = {}  # by (kind, text)
        self._times: dict[str, str | None] = {}
        self._texts: dict[str, str] = {}
        self._lines: list[int] = []  # the numbers themselves, shared by every file

    def read(self, path: Path) -> _Plain | None:
        """The rows of a plain CSV file; None for any other file, or one that cannot be read."""
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return None
        delimiter = sniff_delimiter(text)
        if delimiter is None:
            return None
        try:
            rows, lines = _rows(text, delimiter)
        except csv.Error:
            return None
        start = next((i for i, row in enumerate(rows) if _filled(row)), None)
        if start is None:
            return None
        header = [c.strip().lower() for c in rows[start]]
        if len(set(header)) < len(header) or not set(CSV_REQUIRED) <= set(header) <= {*CSV_REQUIRED, *CSV_OPTIONAL}:
            return None
        body, lines = rows[start + 1 :], lines[start + 1 :]
        if {*map(len, body)} - {len(header)}:
            return self._filled_columns(header, body, lines)
        return self._columns(header, body, lines)

    def _filled_columns(self, header: list[str], body: list[list[str]], lines: Sequence[int]) -> _Plain | None:
        """``_columns`` of the rows that are not blank, short ones filled up with empty cells, as
        ``read_csv`` reads them; None when a row has more cells than the header (F025)."""
        rows: list[list[str]] = []
        kept: list[int] = []
        for row, line in zip(body, lines, strict=True):
            if not _filled(row):
                continue
            if len(row) > len(header):
                return None
            rows.append(row + [""] * (len(header) - len(row)))
            kept.append(line)
        return self._columns(header, rows, kept, filled=True)

    def _columns(self, header: list[str], body: list[list[str]], lines: Sequence[int],
                 filled: bool = False) -> _Plain | None:
        """The rows (all as wide as the header) as columns, if they are all plain; ``filled``: no row is blank."""
        columns = dict(zip(header, zip(*body, strict=True), strict=True)) if body else dict.fromkeys(header, ())
        absent = ("",) * len(body)
        units = _known(_canonical(columns["unit"], self._units, self._unit))
        if units is None:  # a unit that is not an id, or a row of blank cells (read_csv skips those)
            return None if filled else self._filled_columns(header, body, lines)
        periods = _known(_canonical(columns["period"], self._periods, _period))
        metrics = _known(_canonical(columns["metric"], self._metrics, self._metric))
        if periods is None or metrics is None:
            return None
        if not {*zip(map(self._level.__getitem__, units), metrics, strict=True)} <= self._reported:
            return None  # a metric of another level
        values = _known(_canonical(list(zip(map(self._kind.__getitem__, metrics), columns["value"], strict=True)),
                                   self._values, _value))
        if values is None:
            return None
        rows = dict(zip(zip(units, periods, metrics, strict=True), range(len(body)), strict=True))
        if len(rows) < len(body):
            return None  # a metric twice in one submission
        times = _known(_canonical(columns.get("submitted_at", absent), self._times, _time))
        groups = {*zip(units, periods, strict=True)}
        if times is None or len({*zip(units, periods, times, strict=True)}) > len(groups):
            return None
        num, den, raw = zip(*values, strict=True) if values else ((), (), ())
        if self._part_above_whole(rows, metrics, num, den):
            return None
        return _Plain(groups, units, periods, metrics, num, den, raw, self._shared(lines),
                      _canonical(columns.get("submitted_by", absent), self._texts, _text), times)

    def _unit(self, cell: str) -> str | None:
        unit = self._registry.get(cell.strip())
        return unit.id if unit is not None else None

    def _metric(self, cell: str) -> str | None:
        metric = self._metric_index.get(cell.strip())
        return metric.id if metric is not None else None

    def _part_above_whole(self, rows: dict[tuple[str, str, str], int], metrics: list[str], num: Sequence[int],
                          den: Sequence[int]) -> bool:
        """Whether a value is above a whole of which it is a part, in its unit and period (F012).
        ``rows`` and ``metrics`` are in the order of the rows."""
        for (unit, period, metric), i in compress(rows.items(), map(self._wholes.__contains__, metrics)):
            for whole in self._wholes[metric]:
                j = rows.get((unit, period, whole))
                if j is not None and num[i] * den[j] > num[j] * den[i]:
                    return True
        return False

    def _shared(self, lines: Sequence[int]) -> list[int]:
        """The line numbers, as the objects every file shares."""
        if lines and lines[-1] >= len(self._lines):
            self._lines += range(len(self._lines), lines[-1] + 1)
        return list(map(self._lines.__getitem__, lines))


def _rows(text: str, delimiter: str) -> tuple[list[list[str]], Sequence[int]]:
    """The rows of a CSV text as ``read_csv`` reads them, and the line where each starts."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = list(reader)
    if reader.line_num == len(rows):  # one line per row
        return rows, range(1, len(rows) + 1)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, lines, previous = [], [], 0
    for row in reader:
        rows.append(row)
        lines.append(previous + 1)
        previous = reader.line_num
    return rows, lines


def _filled(row: list[str]) -> bool:
    return any(cell.strip() for cell in row)


def _canonical(cells: Sequence[_Cell], memo: dict[_Cell, _Made], make: Callable[[_Cell], _Made]) -> list[_Made]:
    """``make`` of each cell, made once per distinct cell (``memo`` keeps them from file to file)."""
    made = list(map(memo.get, cells, repeat(_UNSEEN)))
    if _UNSEEN not in made:
        return cast("list[_Made]", made)
    for cell in set(compress(cells, map(is_, made, repeat(_UNSEEN)))):
        memo[cell] = make(cell)
    return list(map(memo.__getitem__, cells))


def _known(made: list[_Made | None]) -> list[_Made] | None:
    """``made`` when none of it is None (a cell that is not plain)."""
    return None if None in made else cast("list[_Made]", made)


def _text(cell: str) -> str:
    """A free-text cell as ``read_csv`` keeps it: stripped, an export's apostrophe against formulas off."""
    return unquote_spreadsheet_text(cell.strip())


def _period(cell: str) -> str | None:
    period = cell.strip()
    return period if PERIOD_RE.match(period) else None


def _value(cell: tuple[str, str]) -> tuple[int, int, str] | None:
    """A value of a kind as validation reads it (``num``, ``den``, the text): None when it is blank
    or it gives a diagnostic."""
    kind, text = MetricKind(cell[0]), cell[1].strip()
    if not text:
        return None
    record = RawRecord(unit="", period="", metric="", value=text, text=text, location=Location(), submission=_NOWHERE)
    try:
        value = parse_value(record, kind)
    except ValueProblem:
        return None
    return value.numerator, value.denominator, text


def _time(cell: str) -> str | None:
    """A ``submitted_at`` that is readable or left out; None for one that is not (F013)."""
    text = cell.strip()
    return text if not text or parse_time(text) is not None else None
