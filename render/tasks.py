"""The plan's tasks as rich tables, one per lead unit, statuses coloured, and a summary; and as JSON
(``schema: plancheck.tasks/1``, described in docs/tasks.md)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .. import __version__
from ..engine.tasks import TaskStatus, TaskVerdict
from ..facts.task_status import StatusReport
from ..tasks_report import LeadGroup, TaskReport

SCHEMA = "plancheck.tasks/1"

STYLES: dict[TaskStatus, str] = {
    TaskStatus.DONE: "bold green",
    TaskStatus.DONE_LATE: "green",
    TaskStatus.ON_TRACK: "bold cyan",
    TaskStatus.NOT_STARTED: "yellow",
    TaskStatus.NO_REPORT: "bold yellow",
    TaskStatus.OVERDUE: "bold red",
    TaskStatus.OVERDUE_UNREPORTED: "bold white on red",
}

_HEAD = {
    "vi": ("Mã", "Nhiệm vụ (căn cứ)", "Thời hạn", "Kết quả", "Báo cáo của đơn vị chủ trì"),
    "en": ("ID", "Task (clause)", "Deadline", "Verdict", "The lead's report"),
}


def day_text(day: date, lang: str) -> str:
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()


def render_tasks(report: TaskReport, lang: str, console: Console) -> None:
    pack = report.pack.pack
    console.print(Text(pack.title_en if lang == "en" and pack.title_en else pack.title_vi, style="bold"))
    heading = "Phụ lục 2: nhiệm vụ, dự án · tính đến ngày" if lang == "vi" else "Appendix 2: tasks and projects · as of"
    year = f" · {'năm' if lang == 'vi' else 'year'} {report.year}" if report.year is not None else ""
    console.print(Text(f"{pack.source} · {heading} {day_text(report.as_of, lang)}{year}", style="dim"))
    for group in report.by_lead():
        console.print(_table(report, group, lang))
    console.print(summary_line(report, lang))


def _table(report: TaskReport, group: LeadGroup, lang: str) -> Table:
    head = _HEAD[lang]
    name = group.name_vi if lang == "vi" else group.name_en
    outside = "ngoài danh mục đơn vị" if lang == "vi" else "outside the unit registry"
    title = f"{group.key} · {name}" if group.in_registry else f"{name} ({outside})"
    table = Table(title=title, title_justify="left", title_style="bold underline", expand=True)
    table.add_column(head[0], no_wrap=True)
    table.add_column(head[1], ratio=4, min_width=30)
    table.add_column(head[2], no_wrap=True)
    table.add_column(head[3], no_wrap=True)
    table.add_column(head[4], ratio=3, min_width=24)
    for v in group.verdicts:
        task = report.task(v.task)
        cell = Text(task.name_en if lang == "en" and task.name_en else task.name_vi)
        cell.append("\n" + task.clause, style="dim")
        due = Text(day_text(v.deadline, lang))
        due.append("\n" + (f"{'năm' if lang == 'vi' else 'year'} {v.year}" if v.yearly else task.timeline), style="dim")
        table.add_row(v.task, cell, due, Text(v.status.label(lang), style=STYLES[v.status]),
                      detail(v, group.key, lang))
    return table


def detail(v: TaskVerdict, lead: str, lang: str) -> Text:
    """What the lead reported, how far from the deadline, who shares the lead, what was not counted."""
    vi = lang == "vi"
    out = Text()
    r = v.report
    if r is not None:
        out.append(f"{r.progress.label(lang)} ({day_text(r.on, lang)})")
        if r.reporter != lead:
            out.append(f", {'do' if vi else 'by'} {r.reporter}")
    else:
        out.append("chưa có báo cáo" if vi else "no report")
    late, past = v.days_late, v.days_past
    if late is not None and late > 0:
        out.append(f" · {'trễ hạn' if vi else 'late by'} {_days(late, lang)}", style="green")
    elif v.status in (TaskStatus.OVERDUE, TaskStatus.OVERDUE_UNREPORTED):
        out.append(f" · {'quá hạn' if vi else 'overdue by'} {_days(past, lang)}", style="red")
    elif v.status in (TaskStatus.ON_TRACK, TaskStatus.NOT_STARTED, TaskStatus.NO_REPORT):
        out.append(f" · {'còn' if vi else ''} {_days(-past, lang)}{'' if vi else ' left'}".replace("  ", " "))
    co = [m for m in v.lead.members if m != lead]
    if co:
        out.append(f"\n{'cùng chủ trì' if vi else 'jointly with'}: {', '.join(co)}", style="dim")
    if r is not None:
        if r.evidence:
            out.append(f"\n{r.evidence}", style="dim")
        out.append(f"\n{_where(r)}", style="dim")
    if v.superseded:
        out.append(f"\n{'thay cho' if vi else 'replaces'} {len(v.superseded)} "
                   f"{'báo cáo trước' if vi else 'earlier report(s)'}", style="dim")
    for other in v.not_lead:
        out.append(f"\n{other.reporter}: {other.progress.label(lang)} — "
                   f"{'không phải đơn vị chủ trì, không tính' if vi else 'not a lead, not counted'}", style="yellow")
    return out


def _days(n: int, lang: str) -> str:
    return f"{n} ngày" if lang == "vi" else f"{n} day{'s' if n != 1 else ''}"


def _where(r: StatusReport) -> str:
    return f"{Path(r.source.file).name}:{r.source.line}"


def summary_line(report: TaskReport, lang: str) -> Text:
    vi = lang == "vi"
    text = Text()
    tasks = len({v.task for v in report.verdicts})
    text.append(f"{len(report.verdicts)} {'kết luận về' if vi else 'verdicts on'} {tasks} "
                f"{'nhiệm vụ' if vi else 'tasks'}: ", style="bold")
    parts = [(f"{n} {s.label(lang)}", STYLES[s]) for s, n in report.counts().items() if n]
    for i, (label, style) in enumerate(parts):
        if i:
            text.append("; ")  # a label may hold a comma ("QUÁ HẠN, CHƯA BÁO CÁO")
        text.append(label, style=style)
    load = report.load
    text.append(f" · {len(load.lead_reports)} {'báo cáo từ' if vi else 'reports from'} {len(load.files)} "
                f"{'tệp' if vi else 'files'}")
    ignored = len(load.reports) - len(load.lead_reports)
    if ignored:
        text.append(f", {ignored} {'không phải của đơn vị chủ trì' if vi else 'not from a lead'}", style="yellow")
    text.append(f" · {report.seconds:.2f} s", style="dim")
    return text


def _report_dict(r: StatusReport) -> dict[str, Any]:
    return {"unit": r.reporter, "period": r.period, "year": r.year, "status": r.progress.value,
            "date": r.on.isoformat(), "evidence": r.evidence, "file": r.source.file, "line": r.source.line,
            "is_lead": r.is_lead}


def verdict_dict(report: TaskReport, v: TaskVerdict) -> dict[str, Any]:
    return {
        "id": v.engine_fact,
        "task": v.task,
        "year": v.year,
        "yearly": v.yearly,
        "deadline": v.deadline.isoformat(),
        "lead": {"key": v.lead.key, "members": list(v.lead.members), "joint": v.lead.joint,
                 "in_registry": [m in report.registry for m in v.lead.members]},
        "status": v.status.value,
        "status_vi": v.status.label("vi"),
        "status_en": v.status.label("en"),
        "days_past_deadline": v.days_past,
        "days_late": v.days_late,
        "report": None if v.report is None else _report_dict(v.report),
        "superseded": [_report_dict(r) for r in v.superseded],
        "not_lead": [_report_dict(r) for r in v.not_lead],
        "rule": v.rule,
    }


def _task_dict(report: TaskReport, task_id: str) -> dict[str, Any]:
    t = report.task(task_id)
    return {
        "id": t.id, "name_vi": t.name_vi, "name_en": t.name_en,
        "group": [{"id": g.id, "name_vi": g.name_vi, "name_en": g.name_en}
                  for g in report.pack.tasks.group_path(t.group)],
        "lead": {"text": t.lead.text, "units": list(t.lead.units), "every": [lv.value for lv in t.lead.every],
                 "others": list(t.lead.others), "joint": t.lead.joint},
        "cooperating": t.cooperating, "kind": t.kind.value if t.kind else None, "timeline": t.timeline,
        "funding": t.funding, "clause": t.clause, "note": t.note,
    }


def tasks_json(report: TaskReport) -> dict[str, Any]:
    pack = report.pack.pack
    ledger = report.evaluation.ledger
    return {
        "schema": SCHEMA,
        "generator": f"plancheck {__version__}",
        "pack": {"id": pack.id, "title_vi": pack.title_vi, "source": pack.source, "file": report.pack_path},
        "as_of": report.as_of.isoformat(),
        "year": report.year,
        "summary": {
            "tasks": len(report.pack.tasks.items),
            "verdicts": len(report.verdicts),
            "by_status": {s.value: n for s, n in report.counts().items()},
            "reports": len(report.load.reports),
            "reports_not_from_a_lead": len(report.load.reports) - len(report.load.lead_reports),
            "files": report.status_paths,
        },
        "ledger": {"posted": len(ledger.posted), "decided": len(ledger.decided), "cited": len(report.verdicts),
                   "retried": ledger.retried},
        "tasks": [_task_dict(report, t.id) for t in report.pack.tasks.items],
        "verdicts": [verdict_dict(report, v) for v in report.verdicts],
        "by_lead": [{"lead": g.key, "name_vi": g.name_vi, "name_en": g.name_en, "in_registry": g.in_registry,
                     "verdicts": [v.engine_fact for v in g.verdicts]} for g in report.by_lead()],
        "diagnostics": [d.as_dict() for d in report.diagnostics],
    }
