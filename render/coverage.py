"""Who has reported, and who must still report: the coverage of an audit as a terminal table and as
JSON (``schema: plancheck.coverage/1``, described in ``docs/periods.md``).

For one target: each scope's "64/71 communes reported" and a row per unit (what it has not sent,
and for a unit that has not, the known denominator its share is bounded with). For every target:
one row per target, then the units that must still report, each with the targets it holds up.
"""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .. import __version__
from ..audit import AuditResult, find_target
from ..engine.coverage import CoverageReport, ScopeCoverage, TargetCoverage, coverage
from ..rules.model import LEVEL_LABELS, Level
from . import format as fmt
from .json_out import exact
from .table import STYLES

SCHEMA = "plancheck.coverage/1"

_W = {
    "vi": {"title": "Tình hình báo cáo số liệu", "period": "kỳ", "unit": "Đơn vị", "level": "Cấp",
           "district": "Huyện", "reported": "Đã báo cáo", "missing": "Còn thiếu", "den": "Mẫu số đã biết",
           "target": "Mục tiêu", "verdict": "Kết quả",
           "to_report": "Đơn vị cần báo cáo", "targets": "Mục tiêu bị ảnh hưởng", "all": "Tất cả đơn vị đã báo cáo đủ",
           "period_of": "kỳ", "nothing": "chưa gửi số liệu nào kỳ {period}"},
    "en": {"title": "Who has reported", "period": "period", "unit": "Unit", "level": "Level",
           "district": "District", "reported": "Reported", "missing": "Still missing", "den": "Known denominator",
           "target": "Target", "verdict": "Verdict",
           "to_report": "Units that must still report", "targets": "Targets held up",
           "all": "Every unit has reported every figure", "period_of": "from",
           "nothing": "nothing sent for {period}"},
}


def coverage_report(result: AuditResult, target_id: str | None = None) -> CoverageReport:
    """The coverage of an audit, for one target (any case; an unknown id is an ``InputError``
    suggesting the closest) or for every target with figures."""
    wanted = find_target(result.pack, target_id).id if target_id is not None else None
    return coverage(result.pack, result.registry, result.facts, result.verdicts, result.period, wanted)


def render_coverage(result: AuditResult, report: CoverageReport, lang: str, console: Console) -> None:
    w = _W[lang]
    console.print(Text(f"{w['title']} · {w['period']} {report.period}", style="bold"))
    if len({t.target for t in report.targets}) == 1:  # one target (a compound one: each part)
        for t in report.targets:
            _one_target(t, lang, console)
        return
    _summary(report, lang, console)
    _still_to_report(result, report, lang, console)


def _scope_text(s: ScopeCoverage, lang: str) -> str:
    name = s.name_vi if lang == "vi" else s.name_en
    return f"{name}: {s.reported}/{s.expected}"


def _one_target(t: TargetCoverage, lang: str, console: Console) -> None:
    w = _W[lang]
    part = f"/{t.part}" if t.part else ""
    console.print(Text(f"{t.target}{part} · {t.title_vi if lang == 'vi' else t.title_en}", style="bold"))
    console.print(Text(", ".join(t.metrics), style="dim"))
    for s in t.scopes:
        line = Text(_scope_text(s, lang) + "  ")
        line.append(s.status.label(lang), style=STYLES[s.status])
        console.print(line)
    table = Table(title_justify="left", expand=False)
    for col in (w["unit"], w["level"], w["district"], w["verdict"], w["missing"], w["den"]):
        table.add_column(col)
    for u in sorted(t.units, key=lambda u: u.reported):
        den = ""
        if u.denominator is not None:
            den = f"{fmt.number(u.denominator, lang)} ({w['period_of']} {u.denominator_period})"
        status = Text(u.status.label(lang), style=STYLES[u.status]) if u.status is not None else Text("")
        table.add_row(f"{u.unit} {u.name_vi if lang == 'vi' else u.name_en}", _level(u.level, lang), u.parent or "",
                      status, Text(", ".join(u.missing), style="yellow") if u.missing else Text("—", style="green"),
                      den)
    console.print(table)


def _summary(report: CoverageReport, lang: str, console: Console) -> None:
    w = _W[lang]
    table = Table(expand=True)
    table.add_column("", no_wrap=True)
    table.add_column(w["target"], ratio=3)
    table.add_column(w["reported"], ratio=2)
    table.add_column(w["verdict"], no_wrap=True)
    for t in report.targets:
        province = next((s for s in t.scopes if s.kind == "province"), None)
        counts = "\n".join(_scope_text(s, lang) for s in t.scopes)
        style = "" if all(s.reported == s.expected for s in t.scopes) else "yellow"
        status = Text(province.status.label(lang), style=STYLES[province.status]) if province else Text("")
        part = f"/{t.part}" if t.part else ""
        table.add_row(t.target + part, t.title_vi if lang == "vi" else t.title_en, Text(counts, style=style), status)
    console.print(table)


def _still_to_report(result: AuditResult, report: CoverageReport, lang: str, console: Console) -> None:
    w = _W[lang]
    rows = report.still_to_report()
    if not rows:
        console.print(Text(w["all"], style="green"))
        return
    table = Table(title=f"{w['to_report']} ({len(rows)})", title_justify="left", expand=True)
    for col in (w["unit"], w["level"], w["district"], w["targets"], w["missing"]):
        table.add_column(col)
    for r in rows:
        targets = ", ".join(dict.fromkeys(t + (f"/{p}" if p else "") for t, p, _ in r.targets))
        missing = w["nothing"].format(period=report.period) if r.sent_nothing else ", ".join(r.metrics)
        table.add_row(f"{r.unit} {r.name_vi if lang == 'vi' else r.name_en}", _level(r.level, lang), r.parent or "",
                      targets, Text(missing, style="yellow"))
    console.print(table)


def _level(level: str, lang: str) -> str:
    vi, en = LEVEL_LABELS[Level(level)]
    return vi if lang == "vi" else en


def coverage_dict(result: AuditResult, report: CoverageReport, target_id: str | None = None) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "generator": f"plancheck {__version__}",
        "pack": {"id": result.pack.pack.id, "file": result.pack_path},
        "period": report.period,
        "target": target_id,
        "targets": [{
            "target": t.target, "part": t.part, "title_vi": t.title_vi, "title_en": t.title_en,
            "metrics": list(t.metrics), "levels": list(t.levels),
            "scopes": [{"kind": s.kind, "id": s.id, "name_vi": s.name_vi, "name_en": s.name_en,
                        "reported": s.reported, "expected": s.expected, "status": s.status.value} for s in t.scopes],
            "units": [{"unit": u.unit, "name_vi": u.name_vi, "name_en": u.name_en, "level": u.level,
                       "parent": u.parent, "reported": u.reported, "missing": list(u.missing),
                       "status": u.status.value if u.status is not None else None,
                       "known_denominator": exact(u.denominator), "denominator_period": u.denominator_period or None}
                      for u in t.units],
        } for t in report.targets],
        "still_to_report": [{
            "unit": r.unit, "name_vi": r.name_vi, "name_en": r.name_en, "level": r.level, "parent": r.parent,
            "sent_nothing": r.sent_nothing, "metrics": r.metrics,
            "targets": [{"target": t, "part": p, "missing": list(ms)} for t, p, ms in r.targets],
        } for r in report.still_to_report()],
    }


def render_coverage_json(result: AuditResult, report: CoverageReport, target_id: str | None = None) -> str:
    return json.dumps(coverage_dict(result, report, target_id), ensure_ascii=False, indent=2)
