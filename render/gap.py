"""Gap analysis on the terminal and as JSON (``schema: plancheck.gap/1``): for each scope not met,
the gap, then the units to call: those that must report, those that must correct their figures,
then those ranked by how much they close, each with its own figures and shortfall, and the
scope's value once the units down to it have closed theirs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .. import __version__
from ..audit import AuditResult
from ..engine.gap_analysis import GapReport, UnitRow
from ..engine.verdicts import Status, Verdict
from ..engine.waivers import decided_status
from . import format as fmt
from . import waivers as wv
from .json_out import exact
from .table import STYLES, status_text

SCHEMA = "plancheck.gap/1"

_W = {
    "vi": {"rank": "#", "unit": "Đơn vị", "status": "Kết quả", "figures": "Số liệu", "value": "Giá trị",
           "own": "Để tự đạt", "after": "Lũy kế", "report": "phải báo cáo",
           "correct": "phải sửa số liệu", "none": "Không có chỉ tiêu nào không đạt.", "met": "đạt",
           "not": "chưa đạt", "unknown": "chưa biết", "no": "không", "yes": "có", "flag": "cần chuyển thành «có»",
           "legend": "Lũy kế: giá trị của phạm vi khi đơn vị này và các đơn vị xếp trên cùng tự đạt ngưỡng"},
    "en": {"rank": "#", "unit": "Unit", "status": "Verdict", "figures": "Figures", "value": "Value",
           "own": "To pass on its own", "after": "Cumulative", "report": "must report",
           "correct": "must correct its figures", "none": "No target is not met.", "met": "met",
           "not": "not met", "unknown": "unknown", "no": "no", "yes": "yes", "flag": "must become «yes»",
           "legend": "Cumulative: the scope's value once this unit and those above it reach the threshold"},
}


def render_gap(reports: Sequence[GapReport], lang: str, console: Console) -> None:
    w = _W[lang]
    if not reports:
        console.print(w["none"])
        return
    for report in reports:
        _header(report, lang, console)
        table = Table(title_justify="left", expand=False)
        for col, justify in ((w["rank"], "right"), (w["unit"], "left"), (w["status"], "left"),
                             (w["figures"], "right"), (w["value"], "right"), (w["own"], "left"),
                             (w["after"], "right")):
            table.add_column(col, justify=justify)  # type: ignore[arg-type]
        for row in report.must_report:
            table.add_row("!", _unit(row, lang), Text(w["report"], style=STYLES[Status.INSUFFICIENT_DATA]),
                          "—", "—", "", "")
        for row in report.must_correct:
            table.add_row("!", _unit(row, lang), Text(w["correct"], style=STYLES[Status.INCONSISTENT_DATA]),
                          _figures(row.verdict, lang), fmt.value_text(row.verdict, lang), "", "")
        for row in report.shortfalls:
            table.add_row(str(row.rank), _unit(row, lang), _status(row, lang), _figures(row.verdict, lang),
                          fmt.value_text(row.verdict, lang), own_shortfall(row, lang),
                          _after(report.verdict, row, lang))
        console.print(table)
        if report.shortfalls:
            console.print(Text(w["legend"], style="dim"))
        console.print(Text(conclusion(report, lang), style="bold"))
        console.print()


def _header(report: GapReport, lang: str, console: Console) -> None:
    v = report.verdict
    title = fmt.title(v, lang)
    console.print(Text(f"{v.target}{'/' + v.part if v.part else ''} · {title}", style="bold"))
    line = Text(f"{fmt.scope_name(v, lang)} · ")
    line.append(status_text(decided_status(v), lang))
    figures = "" if v.measure == "units" or v.value is None else f" ({_fraction(v, lang)})"
    line.append(f" · {fmt.value_text(v, lang)}{figures} · {fmt.threshold_text(v, lang)}")
    if v.gap is not None:
        line.append(f" · {fmt.gap_sentence(v.gap, lang)}", style="bold red")
    console.print(line)
    if wv.waiver_text(v, lang):
        console.print(Text(wv.waiver_text(v, lang), style=STYLES[Status.WAIVED]))


def conclusion(report: GapReport, lang: str) -> str:
    """What closing the shortfalls does for the scope, in one sentence."""
    vi = lang == "vi"
    n = len(report.shortfalls)
    parts = []
    if report.closes_at is not None:
        k = report.closes_at
        parts.append(f"Đạt khi {k}/{n} đơn vị đầu danh sách tự đạt ngưỡng" if vi else
                     f"Met once the first {k} of {n} units reach the threshold on their own")
    elif report.must_report or report.must_correct or report.verdict.missing:
        count = len(report.must_report) + len(report.must_correct)
        parts.append(f"Chưa biết có đạt hay không cho đến khi {count} đơn vị báo cáo hoặc sửa số liệu" if vi else
                     f"Whether it can be met is not known until {count} units report or correct their figures")
    elif n:
        parts.append(f"Kể cả khi cả {n} đơn vị tự đạt ngưỡng vẫn chưa đạt" if vi else
                     f"Not met even when all {n} units reach the threshold on their own")
    parts.append(f"{report.met_units} đơn vị đã đạt" if vi else f"{report.met_units} units already meet it")
    if report.undecided:
        ids = ", ".join(r.unit for r in report.undecided)
        parts.append(f"{len(report.undecided)} đơn vị không có gì để tính (mẫu số bằng 0): {ids}" if vi else
                     f"{len(report.undecided)} units have nothing to count (a zero denominator): {ids}")
    return "; ".join(parts) + "."


def own_shortfall(row: UnitRow, lang: str) -> str:
    """What one unit must do to meet its own threshold: its gap ("cần thêm 10 hệ thống thông tin"),
    or for a yes/no figure, that it must become yes."""
    if row.verdict.measure == "flag":
        return _W[lang]["flag"]
    return fmt.gap_text(row.verdict.gap, lang)


def unit_sentence(row: UnitRow, lang: str) -> str:
    """``SO-TAI-CHINH: 18/40, needs 10 more information systems to reach >= 70%``."""
    v = row.verdict
    own = own_shortfall(row, lang)
    if v.measure == "flag":
        return f"{v.scope.id}: {_figures(v, lang)}, {own}"
    if lang == "vi":
        return f"{v.scope.id}: {_figures(v, lang)}, {own} để đạt {fmt.threshold_text(v, lang)}"
    return f"{v.scope.id}: {_figures(v, lang)}, needs {own} to reach {fmt.threshold_text(v, lang)}"


def _unit(row: UnitRow, lang: str) -> str:
    return f"{row.unit} {fmt.scope_name(row.verdict, lang)}"


def _status(row: UnitRow, lang: str) -> Text:
    text = status_text(row.status, lang)
    if row.waived:
        text.append(f" ({Status.WAIVED.label(lang)})", style=STYLES[Status.WAIVED])
    return text


def _figures(v: Verdict, lang: str) -> str:
    """A unit's own figures: ``18/40`` for a ratio or a rate, ``có``/``không`` for a flag."""
    if v.numerator is None or v.denominator is None:
        return "—"
    if v.measure == "flag":
        return _W[lang]["yes"] if v.numerator >= 1 else _W[lang]["no"]
    if v.measure in ("ratio", "rate", "units"):
        return _fraction(v, lang)
    return fmt.value_text(v, lang)


def _fraction(v: Verdict, lang: str) -> str:
    if v.numerator is None or v.denominator is None:
        return "—"
    return f"{_n(v.numerator, lang)}/{_n(v.denominator, lang)}"


def _n(x: Fraction, lang: str) -> str:
    return fmt.number(x, lang, 0 if x.denominator == 1 else 2)


def _after(scope: Verdict, row: UnitRow, lang: str) -> Text:
    w = _W[lang]
    if row.after_value is None:
        return Text("")
    # a value that meets the threshold needs no extra decimals to be told from it
    shown = replace(scope, value=row.after_value, bounds=None, threshold=None if row.after_met else scope.threshold,
                    numerator=row.after_value * scope.denominator if scope.denominator else None)
    mark = w["met"] if row.after_met else w["unknown"] if row.after_met is None else w["not"]
    style = "green" if row.after_met else "yellow" if row.after_met is None else "dim"
    return Text(f"{fmt.value_text(shown, lang)} ").append(mark, style=style)


def _number(value: Fraction | None) -> dict[str, str] | None:
    if value is None:
        return None
    q = Decimal(value.numerator) / Decimal(value.denominator)
    return {"exact": exact(value) or "", "decimal": format(round(q, 6).normalize(), "f")}


def _row(row: UnitRow) -> dict[str, Any]:
    v = row.verdict
    return {
        "rank": row.rank,
        "unit": v.scope.id, "name_vi": v.scope.name_vi, "name_en": v.scope.name_en,
        "status": row.status.value, "waived": row.waived,
        "numerator": _number(v.numerator), "denominator": _number(v.denominator), "value": _number(v.value),
        "threshold": None if v.op is None else {"op": v.op.value, "value": _number(v.threshold),
                                                "text": v.threshold_text},
        "need": _number(row.need), "effect": _number(row.effect),
        "gap": None if v.gap is None else {"text_vi": own_shortfall(row, "vi"), "text_en": own_shortfall(row, "en")},
        "after": None if row.rank == 0 else {"value": _number(row.after_value), "met": row.after_met},
        "text_vi": unit_sentence(row, "vi") if row.rank else "",
        "text_en": unit_sentence(row, "en") if row.rank else "",
    }


def report_dict(report: GapReport) -> dict[str, Any]:
    v = report.verdict
    return {
        "target": v.target, "part": v.part, "title_vi": v.title_vi, "title_en": v.title_en, "clause": v.clause,
        "scope": {"kind": v.scope.kind.value, "id": v.scope.id, "name_vi": v.scope.name_vi,
                  "name_en": v.scope.name_en},
        "status": decided_status(v).value, "waiver": wv.waiver_dict(v),
        "measure": v.measure, "rollup": report.rollup.value, "order": report.order,
        "value": _number(v.value), "numerator": _number(v.numerator), "denominator": _number(v.denominator),
        "threshold": None if v.op is None else {"op": v.op.value, "value": _number(v.threshold),
                                                "text": v.threshold_text},
        "gap": None if v.gap is None else {"amount": _number(v.gap.amount), "direction": v.gap.direction,
                                           "unit_vi": v.gap.unit_vi, "unit_en": v.gap.unit_en,
                                           "text_vi": fmt.gap_sentence(v.gap, "vi"),
                                           "text_en": fmt.gap_sentence(v.gap, "en")},
        "met_units": report.met_units, "closes_at": report.closes_at,
        "conclusion": {"vi": conclusion(report, "vi"), "en": conclusion(report, "en")},
        "must_report": [_row(r) for r in report.must_report],
        "must_correct": [_row(r) for r in report.must_correct],
        "undecided": [_row(r) for r in report.undecided],
        "shortfalls": [_row(r) for r in report.shortfalls],
    }


def gap_dict(result: AuditResult, reports: Sequence[GapReport], target_id: str | None = None) -> dict[str, Any]:
    """The gap analysis as JSON (``plancheck.gap/1``); numbers are exact strings, as in the audit's."""
    return {
        "schema": SCHEMA,
        "generator": f"plancheck {__version__}",
        "pack": {"id": result.pack.pack.id, "title_vi": result.pack.pack.title_vi, "file": result.pack_path},
        "period": result.period,
        "target": target_id.strip().upper() if target_id else None,
        "reports": [report_dict(r) for r in reports],
    }
