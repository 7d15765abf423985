"""Why a verdict is what it is: the computation with its numbers, the threshold, the gap, the
units that counted and those missing, and every submitted figure used, with file and line."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..audit import AuditResult
from ..engine.verdicts import ScopeKind, Status, Verdict
from ..rules.model import Check, Target
from . import format as fmt
from . import waivers as wv
from .table import STYLES, status_text, verdict_status

_W = {
    "vi": {"clause": "Căn cứ", "status": "Kết quả", "value": "Giá trị", "threshold": "Ngưỡng", "margin": "Chênh lệch",
           "gap": "Để đạt", "num": "Tử số", "den": "Mẫu số", "contrib": "Đơn vị có số liệu", "missing": "Đơn vị thiếu",
           "why": "Lý do", "units": "Theo đơn vị", "facts": "Số liệu đã dùng", "unit": "Đơn vị", "parts": "Thành phần",
           "metric": "Chỉ số", "raw": "Số liệu gửi", "source": "Nguồn"},
    "en": {"clause": "Clause", "status": "Verdict", "value": "Value", "threshold": "Threshold", "margin": "Margin",
           "gap": "To pass", "num": "Numerator", "den": "Denominator", "contrib": "Units with data",
           "missing": "Units missing", "why": "Why", "units": "By unit", "facts": "Figures used", "unit": "Unit",
           "parts": "Parts", "metric": "Metric", "raw": "As submitted", "source": "Source"},
}


def render_explain(result: AuditResult, target: Target | Check, verdict: Verdict, lang: str, console: Console,
                   max_facts: int = 40) -> None:
    w = _W[lang]
    console.print(Text(f"{target.id} · {fmt.title(verdict, lang)}", style="bold"))
    console.print(f"{w['clause']}: {target.clause}")
    if target.note:
        console.print(Text(target.note, style="dim"))
    console.print(Text(f"{w['status']}: ").append(status_text(verdict.status, lang))
                  .append(f"  ({fmt.scope_name(verdict, lang)}, {verdict.period})"))
    if wv.decided_note(verdict, lang):
        console.print(Text(wv.decided_note(verdict, lang), style="dim"))
    if wv.waiver_text(verdict, lang):
        console.print(Text(wv.waiver_text(verdict, lang), style=STYLES[Status.WAIVED]), soft_wrap=True)
    _numbers(verdict, lang, console)
    if verdict.check is not None:
        from .consistency import cells

        stated, computed, difference, allowed = cells(verdict, lang)
        if stated:
            console.print(f"{'Số liệu nêu' if lang == 'vi' else 'Stated'}: {stated}   "
                          f"{'Tính lại' if lang == 'vi' else 'Computed'}: {computed}   "
                          f"{'Chênh lệch' if lang == 'vi' else 'Difference'}: {difference}   "
                          f"{'Cho phép' if lang == 'vi' else 'Allowed'}: {allowed}")
    for vi, en in verdict.reasons[:20]:
        console.print(f"{w['why']}: {vi if lang == 'vi' else en}")
    if verdict.parts:
        table = Table(title=w["parts"], title_justify="left")
        for col in ("", w["status"], w["value"], w["threshold"], w["gap"]):
            table.add_column(col)
        for p in verdict.parts:
            table.add_row(p.part or fmt.scope_name(p, lang), verdict_status(p, lang), fmt.value_text(p, lang),
                          fmt.threshold_text(p, lang), fmt.gap_text(p.gap, lang))
        console.print(table)
    if verdict.contributing:
        names = ", ".join(verdict.contributing)
        console.print(f"{w['contrib']} ({len(verdict.contributing)}): {names}", soft_wrap=True)
    if verdict.missing:
        console.print(Text(f"{w['missing']} ({len(verdict.missing)}): {', '.join(verdict.missing)}", style="yellow"),
                      soft_wrap=True)
    units = [v for v in result.verdicts if v.target == target.id and v.scope.kind is ScopeKind.UNIT
             and v.part == verdict.part and verdict.scope.kind is not ScopeKind.UNIT]
    if units:
        _units(units, lang, console)
    _facts(verdict.facts, lang, console, max_facts)


def _numbers(v: Verdict, lang: str, console: Console) -> None:
    w = _W[lang]
    if v.numerator is not None and v.denominator is not None and v.measure not in ("units",):
        console.print(f"{w['num']}: {fmt.number(v.numerator, lang, 2 if v.numerator.denominator != 1 else 0)}"
                      f"   {w['den']}: {fmt.number(v.denominator, lang, 2 if v.denominator.denominator != 1 else 0)}")
    if v.op is not None:
        console.print(f"{w['value']}: {fmt.value_text(v, lang)}   {w['threshold']}: {fmt.threshold_text(v, lang)}")
    if v.margin is not None:
        console.print(f"{w['margin']}: {fmt.number(v.margin * (100 if v.percent else v.per), lang, 2)}"
                      + (" điểm %" if lang == "vi" and v.percent else " pp" if v.percent else ""))
    if v.gap is not None:
        console.print(Text(f"{w['gap']}: {fmt.gap_sentence(v.gap, lang)}", style="bold red"))


def _units(units: Sequence[Verdict], lang: str, console: Console) -> None:
    w = _W[lang]
    table = Table(title=w["units"], title_justify="left")
    for col in (w["unit"], w["status"], w["value"], w["threshold"], w["gap"]):
        table.add_column(col)
    for u in units:
        table.add_row(f"{u.scope.id} {fmt.scope_name(u, lang)}", verdict_status(u, lang), fmt.value_text(u, lang),
                      fmt.threshold_text(u, lang), fmt.gap_text(u.gap, lang))
    console.print(table)


def _facts(facts: Sequence[object], lang: str, console: Console, limit: int) -> None:
    from ..engine.verdicts import FactRef

    refs = [f for f in facts if isinstance(f, FactRef)]
    if not refs:
        return
    w = _W[lang]
    table = Table(title=f"{w['facts']} ({len(refs)})", title_justify="left")
    for col in (w["unit"], w["metric"], w["raw"]):
        table.add_column(col)
    table.add_column(w["source"], overflow="fold")
    for f in refs[:limit]:
        table.add_row(f.unit, f"{f.metric} ({f.period})", f.raw, f"{f.file}:{f.line}")
    console.print(table)
    if len(refs) > limit:
        more = len(refs) - limit
        hint = "số liệu khác (dùng --format json để xem hết)" if lang == "vi" else "more (use --format json for all)"
        console.print(Text(f"… {more} {hint}", style="dim"))
