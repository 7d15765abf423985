"""The follow-up of the plan's tasks as one call: load the rule pack, the registry and the task
status reports, decide every task's verdict as of a date, and return everything a renderer needs.
``cli.py`` calls this and renders (``render.tasks``); it computes nothing itself.

Besides the codes of ``rules.task_checks`` and ``facts.task_status``:

    T010  (warning) lead reports dated after the as-of date: not known yet on that date, not used
    T011  (warning) lead reports on a year that is not judged (another --period, or a yearly task's
          year before the plan's own or after the as-of date)
    T020  the rule pack lists no tasks
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .audit import InputError, bundled_name, load_rule_pack, load_unit_registry
from .diagnostics import Diagnostic, Location, Severity, has_errors, sorted_diagnostics
from .engine.tasks import TaskEvaluation, TaskStatus, TaskVerdict, decide_tasks
from .facts import SAMPLES_DIR
from .facts.model import PERIOD_RE, Registry
from .facts.task_status import StatusLoad, StatusReport, load_task_status
from .rules import DEFAULT_PACK
from .rules.model import Pack
from .rules.task_checks import check_task_leads
from .rules.task_model import Task
from .yamlsource import line_of, read_yaml

DEFAULT_TASK_STATUS = SAMPLES_DIR / "dak-nong-2022-tasks"


@dataclass
class LeadGroup:
    """One lead (a registry unit or an outside body) and the verdicts of the tasks it leads."""

    key: str  # the unit id, or the outside body's name
    name_vi: str
    name_en: str
    in_registry: bool
    verdicts: list[TaskVerdict]


@dataclass
class TaskReport:
    pack: Pack
    registry: Registry
    as_of: date
    year: int | None  # the one year judged (--period), or None for every year up to as_of
    evaluation: TaskEvaluation
    load: StatusLoad
    pack_path: str
    status_paths: list[str]
    seconds: float
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def verdicts(self) -> list[TaskVerdict]:
        return self.evaluation.verdicts

    @property
    def invalid_input(self) -> bool:
        return has_errors(self.diagnostics)

    def task(self, task_id: str) -> Task:
        return self.pack.tasks.task(task_id)

    def counts(self, verdicts: Sequence[TaskVerdict] | None = None) -> dict[TaskStatus, int]:
        out = {s: 0 for s in TaskStatus}
        for v in self.verdicts if verdicts is None else verdicts:
            out[v.status] += 1
        return out

    def by_lead(self) -> list[LeadGroup]:
        """The verdicts under each lead: registry units in registry order, then outside bodies in the
        order the pack names them. A joint verdict is listed under each of its co-leads."""
        groups: dict[str, LeadGroup] = {}
        for unit in self.registry:
            groups[unit.id] = LeadGroup(unit.id, unit.name_vi, unit.name_en or unit.name_vi, True, [])
        for task in self.pack.tasks.items:
            for name in task.lead.others:
                groups.setdefault(name, LeadGroup(name, name, name, False, []))
        for v in self.verdicts:
            for member in v.lead.members:
                groups.setdefault(member, LeadGroup(member, member, member, False, [])).verdicts.append(v)
        return [g for g in groups.values() if g.verdicts]


def run_tasks(pack_path: Path | None = None, status_paths: Sequence[Path] = (), registry_path: Path | None = None,
              as_of: date | None = None, period: str | None = None) -> TaskReport:
    """Judge the pack's tasks as of ``as_of`` (default: today) on the status reports in
    ``status_paths`` (default: the bundled samples). ``period`` (a year, "2023") judges that year
    only; by default every year from the plan's own up to ``as_of``'s is judged."""
    started = time.perf_counter()
    pack, pack_diags = load_rule_pack(pack_path)
    registry = load_unit_registry(registry_path)
    shown_pack = str(pack_path) if pack_path else bundled_name(DEFAULT_PACK)
    if not pack.tasks.items:
        raise InputError([Diagnostic("T020", "the rule pack lists no tasks", Location(shown_pack),
                                     suggestion="add a `tasks:` section (docs/tasks.md)")])
    lead_diags = _lead_diagnostics(pack, registry, pack_path or DEFAULT_PACK, shown_pack)
    if has_errors(lead_diags):
        raise InputError(lead_diags)
    year = None
    if period is not None:
        if not PERIOD_RE.match(period.strip()):
            raise InputError([Diagnostic("O001", f"not a period: {period!r} (expected a year such as 2022)",
                                         Location("--period"))])
        year = int(period.strip()[:4])
    day = as_of or date.today()
    paths = list(status_paths) or [DEFAULT_TASK_STATUS]
    load = load_task_status(paths, pack, registry)
    evaluation = decide_tasks(pack, load.reports, registry, day, year)
    unused = _unused(evaluation.unused, day)
    return TaskReport(pack=pack, registry=registry, as_of=day, year=year, evaluation=evaluation, load=load,
                      pack_path=shown_pack, status_paths=[str(p) if status_paths else bundled_name(p) for p in paths],
                      seconds=time.perf_counter() - started,
                      diagnostics=sorted_diagnostics([*pack_diags, *lead_diags, *load.diagnostics, *unused]))


def _lead_diagnostics(pack: Pack, registry: Registry, path: Path, shown: str) -> list[Diagnostic]:
    """The lead units against the registry; located at their lines only when there is something to say."""
    found = check_task_leads(pack, registry, lambda *p: Location(shown, 0))
    if not found:
        return []
    root = read_yaml(path, shown)
    return check_task_leads(pack, registry, lambda *p: Location(shown, line_of(root, p)))


def _unused(unused: Sequence[tuple[StatusReport, str]], as_of: date) -> list[Diagnostic]:
    """One warning per reason a lead's reports are not used, naming the first of them."""
    out: list[Diagnostic] = []
    for reason, code, text, hint in (
        ("after_as_of", "T010", f"dated after {as_of.isoformat()}, the as-of date: not known yet on that date",
         "judge them with a later --as-of"),
        ("not_judged", "T011", "on a year that is not judged", "judge that year with --period, or a later --as-of"),
    ):
        reports = [r for r, why in unused if why == reason]
        if reports:
            first = min(reports, key=lambda r: (r.source.file, r.source.line))
            out.append(Diagnostic(code, f"{len(reports)} lead report(s) {text} (the first: {first.task} by "
                                  f"{first.reporter} for {first.period})", first.source, Severity.WARNING,
                                  suggestion=hint))
    return out
