"""Task verdicts: is each task of the plan done, on track or overdue, as of a date, by its leads' reports.

One verdict per task, per lead that reports (a unit, an outside body, or joint co-leads together)
and per year that is a deadline: the end of the last year of the timeline, or the end of every
year for a yearly task, from the plan's year up to the year of ``as_of``. The report that counts is
the lead's latest dated on or before ``as_of`` (for a yearly task, the latest on that year).

The verdicts are decided on durable-rules through ``engine.durable`` like the targets: one fact
per task × year × lead carries, as integers, the status the lead reported (``code``: 0 none,
1 not started, 2 in progress, 3 done), how many days ``as_of`` is past the deadline (``past``)
and how many days after the deadline a "done" was reached (``late``); the rules below match every
fact exactly once, and the ledger must balance (posted = decided = cited).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from ..facts.model import Registry
from ..facts.registry import normalize_name
from ..facts.task_status import Progress, StatusReport
from ..rules.model import Pack
from ..rules.task_model import Task, deadline
from .durable import Ledger, Session


class TaskStatus(StrEnum):
    DONE = "done"
    DONE_LATE = "done_late"
    ON_TRACK = "on_track"
    NOT_STARTED = "not_started"
    NO_REPORT = "no_report"
    OVERDUE = "overdue"
    OVERDUE_UNREPORTED = "overdue_unreported"

    def label(self, lang: str) -> str:
        return _LABELS[self][0 if lang == "vi" else 1]


_LABELS: dict[TaskStatus, tuple[str, str]] = {
    TaskStatus.DONE: ("HOÀN THÀNH", "done"),
    TaskStatus.DONE_LATE: ("HOÀN THÀNH TRỄ HẠN", "done late"),
    TaskStatus.ON_TRACK: ("ĐÚNG TIẾN ĐỘ", "on track"),
    TaskStatus.NOT_STARTED: ("CHƯA BẮT ĐẦU", "not started"),
    TaskStatus.NO_REPORT: ("CHƯA BÁO CÁO", "no report"),
    TaskStatus.OVERDUE: ("QUÁ HẠN", "overdue"),
    TaskStatus.OVERDUE_UNREPORTED: ("QUÁ HẠN, CHƯA BÁO CÁO", "overdue, no report"),
}

# Least to most severe: a task nobody reported on past its deadline is the worst news.
TASK_SEVERITY: list[TaskStatus] = list(TaskStatus)

_RULE = "task"


@dataclass(frozen=True)
class LeadParty:
    """Who must report one part of a task: one unit or outside body, or joint co-leads together."""

    key: str  # "SO-TTTT", "Công an tỉnh", "SO-TTTT+SO-NOI-VU"
    members: tuple[str, ...]  # registry unit ids, or outside bodies' names as the pack writes them
    joint: bool = False


@dataclass
class TaskVerdict:
    task: str
    year: int  # the year whose end is the deadline
    yearly: bool
    lead: LeadParty
    deadline: date
    as_of: date
    report: StatusReport | None  # the lead's report that counts, if any
    superseded: list[StatusReport] = field(default_factory=list)  # the lead's earlier reports
    not_lead: list[StatusReport] = field(default_factory=list)  # reports of units that do not lead it
    status: TaskStatus = TaskStatus.NO_REPORT  # set by the engine
    rule: str = ""

    @property
    def engine_fact(self) -> str:
        return f"{self.task}|{self.year}|{self.lead.key}"

    @property
    def days_past(self) -> int:
        """Days from the deadline to ``as_of``: positive once it has passed."""
        return (self.as_of - self.deadline).days

    @property
    def days_late(self) -> int | None:
        """For a "done" report, days from the deadline to its date: positive when done late."""
        if self.report is None or self.report.progress is not Progress.DONE:
            return None
        return (self.report.on - self.deadline).days

    def fact(self) -> dict[str, Any]:
        code = self.report.progress.code if self.report is not None else 0
        return {"id": self.engine_fact, "k": _RULE, "code": code, "past": self.days_past,
                "late": self.days_late or 0}


@dataclass
class TaskEvaluation:
    verdicts: list[TaskVerdict]
    ledger: Ledger
    unused: list[tuple[StatusReport, str]] = field(default_factory=list)  # lead reports no verdict uses, and why


def lead_parties(task: Task, registry: Registry) -> list[LeadParty]:
    """The leads that report on a task: each unit of ``units`` and of ``every`` level (in registry
    order) and each outside body on its own, or all of them as one party when the lead is joint. A
    lead unit the registry lacks (``rules.task_checks`` says so) still has its verdict: no report."""
    lead = task.lead
    if lead.joint:
        members = (*lead.units, *lead.others)
        return [LeadParty("+".join(members), members, joint=True)]
    every = [u.id for u in registry if u.level in lead.every and u.id not in lead.units]
    return [LeadParty(m, (m,)) for m in (*lead.units, *every, *lead.others)]


def task_rules() -> dict[str, Any]:
    """The ruleset: every fact is matched by exactly one rule, whose name is the verdict."""
    no, started, going, done = ({"code": c} for c in range(4))
    due, past = {"$lte": {"past": 0}}, {"$gt": {"past": 0}}
    return {
        f"{_RULE}|{TaskStatus.DONE}": _when(done, {"$lte": {"late": 0}}),
        f"{_RULE}|{TaskStatus.DONE_LATE}": _when(done, {"$gt": {"late": 0}}),
        f"{_RULE}|{TaskStatus.ON_TRACK}": _when(going, due),
        f"{_RULE}|{TaskStatus.NOT_STARTED}": _when(started, due),
        f"{_RULE}|{TaskStatus.OVERDUE}-1": _when(started, past),
        f"{_RULE}|{TaskStatus.OVERDUE}-2": _when(going, past),
        f"{_RULE}|{TaskStatus.NO_REPORT}": _when(no, due),
        f"{_RULE}|{TaskStatus.OVERDUE_UNREPORTED}": _when(no, past),
    }


def _when(*conditions: dict[str, Any]) -> dict[str, Any]:
    return {"all": [{"m": {"$and": [{"k": _RULE}, *conditions]}}]}


def status_of(rule_name: str) -> TaskStatus:
    """``task|overdue-2`` → ``overdue``."""
    decision = rule_name.rsplit("|", 1)[1]
    head, _, tail = decision.rpartition("-")
    return TaskStatus(head if head and tail.isdigit() else decision)


def decide_tasks(pack: Pack, reports: Sequence[StatusReport], registry: Registry, as_of: date,
                 year: int | None = None) -> TaskEvaluation:
    """Every task's verdicts as of ``as_of``; with ``year``, only that year's (a yearly task's
    verdict for it, and the tasks whose timeline covers it)."""
    verdicts = plan_verdicts(pack, reports, registry, as_of, year)
    with Session(task_rules(), label=f"plancheck-tasks-{pack.pack.id}") as session:
        decisions = session.decide([v.fact() for v in verdicts]) if verdicts else {}
        ledger = session.ledger
    for v in verdicts:
        v.rule = decisions[v.engine_fact]
        v.status = status_of(v.rule)
    ledger.check_cited([v.engine_fact for v in verdicts])
    return TaskEvaluation(verdicts, ledger, _unused(reports, verdicts, as_of))


def plan_verdicts(pack: Pack, reports: Sequence[StatusReport], registry: Registry, as_of: date,
                  year: int | None = None) -> list[TaskVerdict]:
    """The verdicts to decide, each with the report that counts; their status is not yet set."""
    plan_year = int(pack.pack.period[:4])
    by_task: dict[str, list[StatusReport]] = {}
    for r in reports:
        if r.on <= as_of:
            by_task.setdefault(r.task, []).append(r)
    out: list[TaskVerdict] = []
    for task in pack.tasks.items:
        timeline = task.schedule()
        if year is not None and not timeline.covers(year, plan_year):
            continue
        years = timeline.due_years(plan_year, as_of.year) if year is None or not timeline.yearly else [year]
        mine = by_task.get(task.id, [])
        for party in lead_parties(task, registry):
            for due in years:
                on_year = [r for r in mine if not timeline.yearly or r.year == due]
                members = {normalize_name(m) for m in party.members}
                leads = sorted((r for r in on_year if r.is_lead and normalize_name(r.reporter) in members),
                               key=lambda r: (r.on, r.source.file, r.source.line))
                out.append(TaskVerdict(task.id, due, timeline.yearly, party, deadline(due), as_of,
                                       report=leads[-1] if leads else None, superseded=leads[:-1],
                                       not_lead=[r for r in on_year if not r.is_lead]))
    return out


def _unused(reports: Sequence[StatusReport], verdicts: Sequence[TaskVerdict], as_of: date
            ) -> list[tuple[StatusReport, str]]:
    """Lead reports that no verdict cites, with why: nothing a lead sent is silently dropped."""
    cited = {id(r) for v in verdicts for r in ([v.report] if v.report else []) + v.superseded}
    out: list[tuple[StatusReport, str]] = []
    for r in reports:
        if not r.is_lead or id(r) in cited:
            continue
        out.append((r, "after_as_of" if r.on > as_of else "not_judged"))
    return out
