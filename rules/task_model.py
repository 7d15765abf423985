"""The schema of a plan's tasks and projects (the Đắk Nông plan's Appendix 2), validated by pydantic.

A pack's ``tasks:`` section has the plan's groups of tasks (its numbered sections and their
unnumbered sub-groups) and the tasks themselves: who leads each, who cooperates, whether it is new
or continues an earlier one, its timeline and its funding, each citing its row of the plan. How a
task's status is reported is ``facts.task_status``; how it is judged, ``engine.tasks``.

A lead is written as the plan prints it (``text``) and read as data: registry unit ids
(``units``), every unit of some levels (``every``: "Các Sở, Ban, ngành" is every department), and
bodies outside the unit registry by name (``others``: Công an tỉnh, Báo Đắk Nông …). Each of them
leads and reports its own part, unless the lead is ``joint`` ("Liên Sở: …"): then one report from
any of them stands for all.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .levels import Level

YEARLY_WORDS = ("hàng năm", "hằng năm")  # the plan prints "Hàng năm"; "Hằng năm" is the standard spelling
_RANGE = re.compile(r"^(\d{4})-(\d{4})$")
_YEAR = re.compile(r"^\d{4}$")
_LOOSE_RANGE = re.compile(r"^(\d{4})\s*[-–—/]\s*(\d{4})$")
_FIRST_YEAR, _LAST_YEAR = 2000, 2100


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TaskKind(StrEnum):
    """The plan's "Tình trạng" column, in its own words."""

    NEW_TASK = "Nhiệm vụ mới"
    CONTINUING_TASK = "Nhiệm vụ chuyển tiếp"
    NEW_PROJECT = "Dự án mới"
    CONTINUING_PROJECT = "Dự án chuyển tiếp"

    def label(self, lang: str) -> str:
        return self.value if lang == "vi" else _KIND_EN[self]


_KIND_EN = {TaskKind.NEW_TASK: "new task", TaskKind.CONTINUING_TASK: "continuing task",
            TaskKind.NEW_PROJECT: "new project", TaskKind.CONTINUING_PROJECT: "continuing project"}


class TimelineError(ValueError):
    """A timeline that cannot be read, with what the author may have meant."""

    def __init__(self, message: str, suggestion: str = "") -> None:
        super().__init__(message)
        self.suggestion = suggestion


@dataclass(frozen=True)
class Timeline:
    """When a task is due. A year or a range of years is due once, at the end of its last year;
    a yearly task ("Hàng năm") is due at the end of every year, from the plan's own year on."""

    text: str
    first: int | None  # None for a yearly task: it starts with the plan's year
    last: int | None  # None for a yearly task: it never ends
    yearly: bool = False

    @classmethod
    def parse(cls, raw: str) -> Timeline:
        text = " ".join(unicodedata.normalize("NFC", raw).split())
        if text.casefold() in YEARLY_WORDS:
            return cls(text, None, None, yearly=True)
        if _YEAR.match(text):
            return cls(text, *_years(text, text))
        m = _RANGE.match(text)
        if m:
            first, last = _years(m.group(1), m.group(2))
            if first > last:
                raise TimelineError(f"the range {text!r} ends before it starts",
                                    f"did you mean '{last}-{first}'?")
            return cls(text, first, last)
        loose = _LOOSE_RANGE.match(text)
        if loose:
            raise TimelineError(f"the range {text!r} is not written as two years joined by '-'",
                                f"did you mean '{loose.group(1)}-{loose.group(2)}'?")
        folded = _unaccented(text)
        if folded in ("hang nam", "hangnam", "yearly", "annually", "every year"):
            raise TimelineError(f"{text!r} is not a timeline of the rule language", "did you mean 'Hàng năm'?")
        raise TimelineError(f"{text!r} is not a timeline: write a year ('2022'), a range ('2022-2025') "
                            "or 'Hàng năm'")

    def due_years(self, plan_year: int, until: int) -> list[int]:
        """The years whose end is a deadline: the last year of a year or range; every year of a
        yearly task from ``plan_year`` to ``until`` (at least the plan's year)."""
        if not self.yearly:
            assert self.last is not None
            return [self.last]
        return list(range(plan_year, max(plan_year, until) + 1))

    def covers(self, year: int, plan_year: int) -> bool:
        if self.yearly:
            return year >= plan_year
        assert self.first is not None and self.last is not None
        return self.first <= year <= self.last


def deadline(year: int) -> date:
    """A task due in ``year`` is due by the end of it."""
    return date(year, 12, 31)


def _years(*texts: str) -> tuple[int, int]:
    years = [int(t) for t in texts]
    for y in years:
        if not _FIRST_YEAR <= y <= _LAST_YEAR:
            raise TimelineError(f"{y} is not a plausible year for a task")
    return years[0], years[-1]


def _unaccented(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class TaskGroup(_Strict):
    """A section of the task list ("I Môi trường pháp lý") or a sub-group within one."""

    id: str = Field(pattern=r"^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$")
    name_vi: str
    name_en: str = ""
    parent: str | None = None


class Lead(_Strict):
    """Who leads a task (the plan's "Đơn vị chủ trì")."""

    text: str  # as the plan prints it
    units: list[str] = []  # registry unit ids
    every: list[Level] = []  # every unit of these levels ("Các Sở, Ban, ngành" is every department)
    others: list[str] = []  # bodies outside the unit registry, by name ("Công an tỉnh")
    joint: bool = False  # one report from any of the leads stands for all ("Liên Sở: …")

    @model_validator(mode="after")
    def _someone(self) -> Lead:
        if not (self.units or self.every or self.others):
            raise ValueError("a lead names units, every unit of some levels, or other bodies")
        if self.joint and self.every:
            raise ValueError("a joint lead names its units; every unit of a level reports its own part")
        if self.joint and len(self.units) + len(self.others) < 2:
            raise ValueError("a joint lead needs two leads or more")
        return self


class Task(_Strict):
    id: str = Field(pattern=r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$")
    name_vi: str  # the plan's own words
    name_en: str = ""
    group: str
    lead: Lead
    cooperating: str = ""  # the plan's "Đơn vị phối hợp", as printed
    kind: TaskKind | None = None  # None where the plan prints none
    timeline: str  # "2022", "2022-2025", "Hàng năm"
    funding: str = ""  # the plan's "Nguồn kinh phí", as printed; empty where it prints none
    clause: str
    note: str = ""

    def schedule(self) -> Timeline:
        """The timeline, read (the pack's checks refuse a pack whose timeline cannot be)."""
        return Timeline.parse(self.timeline)


class TaskPlan(_Strict):
    """A pack's ``tasks:`` section: groups, and the tasks in them."""

    groups: list[TaskGroup] = []
    items: list[Task] = []

    def task(self, task_id: str) -> Task:
        for t in self.items:
            if t.id == task_id:
                return t
        raise KeyError(task_id)

    def group(self, group_id: str) -> TaskGroup:
        for g in self.groups:
            if g.id == group_id:
                return g
        raise KeyError(group_id)

    def group_path(self, group_id: str) -> list[TaskGroup]:
        """The group and its parents, outermost first (the pack's checks refuse a cycle)."""
        index = {g.id: g for g in self.groups}
        out: list[TaskGroup] = []
        here = index.get(group_id)
        while here is not None and here not in out:
            out.insert(0, here)
            here = index.get(here.parent) if here.parent else None
        return out
