"""Task status reports: what the lead of a task of the plan says of it, read from files.

Formats (docs/tasks.md): YAML or JSON, one unit's reports under ``reports:``, the unit named once
at the top or in each report; or CSV, one report per row::

    unit: SO-TTTT                     # a registry id or name, or an outside body ("Công an tỉnh")
    submitted_by: Nguyễn Văn A        # optional
    reports:
      - task: NV-02
        period: "2022"                # the year reported on ("2022"; "2022-Q3" and "2022-07" read as 2022)
        status: hoàn thành            # chưa bắt đầu | đang thực hiện | hoàn thành (not_started | in_progress | done)
        date: 2023-01-20              # the date of the status; for "hoàn thành", the day it was completed
        evidence: Quyết định số 15/QĐ-UBND ngày 20/01/2023

    task,unit,period,status,date,evidence
    NV-23,H-GIA-NGHIA,2022,hoàn thành,30/12/2022,"Tỷ lệ văn bản điện tử 96%"

Every error is located (file, line or row, field) and loading goes on: codes T001–T013 below. A
report from a unit that does not lead the task is kept, marked, and warned about (T009): it never
stands for the lead's report.

    T001  a path does not exist; a file cannot be read (not UTF-8, not YAML/JSON, unknown kind)
    T002  a file, a report or a field is not the expected shape
    T003  a report lacks `task`, `unit`, `period`, `status` or `date`; a CSV header lacks a column
    T004  an unknown key or column (with a suggestion)
    T005  an unknown task id (with a suggestion)
    T006  an unknown unit: neither in the registry nor a body that leads a task (with a suggestion)
    T007  a status that is not one of the three (with a suggestion)
    T008  a period or a date that cannot be read
    T009  (warning) the unit does not lead the task: the report is not counted
    T012  (warning) two reports of one unit, task, year and date disagree: the later in the file is used
    T013  (warning) no status file in the paths given
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, Location, Severity, did_you_mean, sorted_diagnostics
from ..rules.model import Pack
from ..rules.task_model import Task
from .model import PERIOD_RE, Registry
from .registry import find_unit, normalize_name, suggest_unit, unit_index
from .resubmission import parse_time
from .task_status_files import REQUIRED, StatusRow, read_status_file, status_files

__all__ = ["Progress", "StatusLoad", "StatusReport", "leads_task", "load_task_status"]


class Progress(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"

    @property
    def code(self) -> int:
        """The integer the engine's rules compare (0 is "no report")."""
        return {Progress.NOT_STARTED: 1, Progress.IN_PROGRESS: 2, Progress.DONE: 3}[self]

    def label(self, lang: str) -> str:
        return _WORDS_VI[self] if lang == "vi" else self.value.replace("_", " ")


_WORDS_VI = {Progress.NOT_STARTED: "chưa bắt đầu", Progress.IN_PROGRESS: "đang thực hiện",
             Progress.DONE: "hoàn thành"}
_WORDS: dict[str, Progress] = {
    **{w: p for p, w in _WORDS_VI.items()},
    "chưa thực hiện": Progress.NOT_STARTED, "chưa triển khai": Progress.NOT_STARTED,
    "đang triển khai": Progress.IN_PROGRESS, "đã hoàn thành": Progress.DONE,
    **{p.value: p for p in Progress}, **{p.value.replace("_", " "): p for p in Progress},
}


@dataclass(frozen=True)
class StatusReport:
    """One report of one unit on one task for one year, with where it came from."""

    task: str
    reporter: str  # a registry unit id, or an outside body's name as the pack writes it
    period: str
    year: int
    progress: Progress
    on: date
    evidence: str
    source: Location
    is_lead: bool = True


@dataclass
class StatusLoad:
    reports: list[StatusReport]
    diagnostics: list[Diagnostic]
    files: list[str]
    rows: int = 0  # reports read, with errors or not

    @property
    def lead_reports(self) -> list[StatusReport]:
        return [r for r in self.reports if r.is_lead]


def leads_task(task: Task, reporter: str, registry: Registry) -> bool:
    """Whether ``reporter`` (a unit id or an outside body's name) is one of the task's leads."""
    unit = registry.get(reporter)
    if unit is not None:
        return reporter in task.lead.units or unit.level in task.lead.every
    return normalize_name(reporter) in {normalize_name(o) for o in task.lead.others}


def load_task_status(paths: Sequence[Path], pack: Pack, registry: Registry) -> StatusLoad:
    """Read status files and folders and check every report against the pack and the registry."""
    out = StatusLoad([], [], [])
    rows: list[StatusRow] = []
    for path in status_files(paths, out.diagnostics):
        out.files.append(str(path))
        rows += read_status_file(path, out.diagnostics)
    out.rows = len(rows)
    check = _Checker(pack, registry)
    for row in rows:
        report = check.row(row, out.diagnostics)
        if report is not None:
            out.reports.append(report)
    out.diagnostics += _disagreements(out.reports)
    out.diagnostics = sorted_diagnostics(out.diagnostics)
    return out


class _Checker:
    def __init__(self, pack: Pack, registry: Registry) -> None:
        self.tasks = {t.id: t for t in pack.tasks.items}
        self.registry = registry
        self.index = unit_index(registry)
        self.others = {normalize_name(o): o for t in pack.tasks.items for o in t.lead.others}

    def row(self, row: StatusRow, diags: list[Diagnostic]) -> StatusReport | None:
        missing = [k for k in REQUIRED if k not in row.fields or _text(row.fields[k][0]) == ""]
        for k in missing:
            diags.append(Diagnostic("T003", f"the report has no `{k}`", Location(row.start.file, row.start.line, k)))
        if missing:
            return None
        task, reporter = self._task(row, diags), self._unit(row, diags)
        period, on, progress = self._period(row, diags), self._date(row, diags), self._progress(row, diags)
        if task is None or reporter is None or period is None or on is None or progress is None:
            return None
        is_lead = leads_task(task, reporter, self.registry)
        if not is_lead:
            diags.append(Diagnostic("T009", f"{reporter} does not lead {task.id} (the lead: {task.lead.text}); "
                                    "the report is not counted", row.fields["unit"][1], Severity.WARNING))
        evidence = _text(row.fields["evidence"][0]) if "evidence" in row.fields else ""
        return StatusReport(task.id, reporter, period, int(period[:4]), progress, on, evidence, row.start, is_lead)

    def _task(self, row: StatusRow, diags: list[Diagnostic]) -> Task | None:
        raw, loc = row.fields["task"]
        text = _text(raw).upper()
        if text not in self.tasks:
            diags.append(Diagnostic("T005", f"unknown task {_text(raw)!r}", loc, suggestion=self._suggest(text)))
            return None
        return self.tasks[text]

    def _suggest(self, text: str) -> str:
        """``NV-1`` is ``NV-01`` written without its leading zero; otherwise the closest id."""
        same = [t for t in self.tasks if _unpadded(t) == _unpadded(text)]
        return f"did you mean `{same[0]}`?" if len(same) == 1 else did_you_mean(text, self.tasks)

    def _unit(self, row: StatusRow, diags: list[Diagnostic]) -> str | None:
        raw, loc = row.fields["unit"]
        text = _text(raw)
        unit = find_unit(self.registry, text, self.index)
        if unit is not None:
            return unit.id
        if normalize_name(text) in self.others:
            return self.others[normalize_name(text)]
        hint = suggest_unit(self.registry, text) or did_you_mean(text, self.others.values())
        diags.append(Diagnostic("T006", f"unknown unit {text!r}: not in the unit registry, and no task names it "
                                "as a lead", loc, suggestion=hint))
        return None

    def _period(self, row: StatusRow, diags: list[Diagnostic]) -> str | None:
        raw, loc = row.fields["period"]
        text = _text(raw)
        if not PERIOD_RE.match(text):
            diags.append(Diagnostic("T008", f"not a period: {text!r}", loc,
                                    suggestion="write the year reported on, '2022' (or 2022-Q3, 2022-07)"))
            return None
        return text

    def _date(self, row: StatusRow, diags: list[Diagnostic]) -> date | None:
        raw, loc = row.fields["date"]
        if isinstance(raw, datetime):
            return raw.date()
        if isinstance(raw, date):
            return raw
        moment = parse_time(_text(raw))
        if moment is None:
            diags.append(Diagnostic("T008", f"not a date: {_text(raw)!r}", loc,
                                    suggestion="write 2022-12-30 or 30/12/2022"))
            return None
        return moment.date()

    def _progress(self, row: StatusRow, diags: list[Diagnostic]) -> Progress | None:
        raw, loc = row.fields["status"]
        word = " ".join(unicodedata.normalize("NFC", _text(raw)).replace("_", " ").split()).casefold()
        found = _WORDS.get(word) or _WORDS.get(word.replace(" ", "_"))
        if found is None:
            diags.append(Diagnostic("T007", f"unknown status {_text(raw)!r}: one of chưa bắt đầu, đang thực hiện, "
                                    "hoàn thành (not_started, in_progress, done)", loc,
                                    suggestion=did_you_mean(word, _WORDS)))
        return found


def _unpadded(task_id: str) -> str:
    return re.sub(r"(?<![0-9])0+(?=[0-9])", "", task_id)


def _text(raw: Any) -> str:
    return "" if raw is None else str(raw).strip()


def _disagreements(reports: list[StatusReport]) -> list[Diagnostic]:
    seen: dict[tuple[str, str, int, date], StatusReport] = {}
    out: list[Diagnostic] = []
    for r in sorted(reports, key=lambda r: (r.source.file, r.source.line)):
        key = (r.task, r.reporter, r.year, r.on)
        first = seen.get(key)
        if first is not None and first.progress is not r.progress:
            out.append(Diagnostic("T012", f"{r.reporter} reports {r.task} for {r.year} as {r.progress.value} and as "
                                          f"{first.progress.value} ({first.source}) on the same date; this later "
                                          "one is used", r.source, Severity.WARNING))
        seen[key] = r
    return out
