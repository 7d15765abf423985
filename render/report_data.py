"""What every report file (``render.report``: HTML, Excel, Markdown, JUnit) shows, worked out once:
the verdicts of the view by area, the counts by status, the verdicts of a target's levels and units,
each target's value across the periods of earlier audits, and the words and colours the formats
share. The formats only lay these out."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from fractions import Fraction

from ..audit import AuditResult
from ..engine.comparison import Change, Row, compare
from ..engine.verdicts import ScopeKind, Status, Verdict
from ..facts.model import Unit
from ..facts.resubmission import VIETNAM_TIME
from . import consistency

# (text, fill) of each status, as hex RGB: the HTML badges and the Excel cells. The hues are those of
# the terminal table (render.table.STYLES); the pairs keep a contrast of 4.5:1 or more.
STATUS_COLOURS: dict[Status, tuple[str, str]] = {
    Status.MET: ("116329", "DAFBE1"),
    Status.NOT_MET: ("A40E26", "FFEBE9"),
    Status.INSUFFICIENT_DATA: ("7D4E00", "FFF8C5"),
    Status.NOT_APPLICABLE: ("57606A", "EAEEF2"),
    Status.MANUAL: ("0B5563", "D5F5FA"),
    Status.INCONSISTENT_DATA: ("6E2C9F", "F6E8FF"),
    Status.WAIVED: ("0550AE", "DDF4FF"),
}

CHECKS_AREA = "__checks__"  # the section of the consistency checks, after the pack's areas

WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "report": "Báo cáo kết quả kiểm tra", "period": "Kỳ", "generated": "Lập lúc", "source": "Văn bản",
        "pack": "Bộ quy tắc", "files": "Tệp số liệu đã đọc", "accepted": "Số liệu được chấp nhận",
        "rejected": "Số liệu bị từ chối", "engine": "Phương pháp tính", "unit": "Đơn vị", "waivers": "Tệp miễn trừ",
        "as_of": "tính đến ngày", "folder": "Thư mục", "summary": "Tổng hợp theo lĩnh vực", "area": "Lĩnh vực",
        "total": "Tổng", "id": "Mã", "target": "Mục tiêu", "check": "Kiểm tra", "scope": "Phạm vi", "status": "Kết quả",
        "value": "Giá trị", "threshold": "Ngưỡng", "margin": "Chênh lệch so với ngưỡng", "gap": "Khoảng cách",
        "to_pass": "Để đạt", "coverage": "Báo cáo", "clause": "Căn cứ", "why": "Lý do",
        "numerator": "Tử số", "denominator": "Mẫu số", "bounds": "Khoảng giá trị có thể",
        "partial": "Giá trị từ các đơn vị đã báo cáo", "contributing": "Đơn vị có số liệu",
        "missing": "Đơn vị thiếu số liệu", "parts": "Thành phần", "levels": "Theo cấp", "units": "Theo đơn vị",
        "figures": "Số liệu đã dùng", "metric": "Chỉ số", "raw": "Số liệu gửi", "file": "Tệp", "line": "Dòng",
        "sources": "Nguồn", "more": "… và {n} mục khác (xem --format json để có đủ)", "detail": "Chi tiết",
        "computation": "Cách tính", "value_chart": "Giá trị so với ngưỡng",
        "coverage_chart": "Tình hình báo cáo số liệu", "coverage_of": "{reported}/{expected} đơn vị báo cáo",
        "trend": "Xu hướng qua các kỳ", "change": "Thay đổi", "diagnostics": "Lỗi và cảnh báo",
        "error": "Lỗi", "warning": "Cảnh báo", "severity": "Mức", "code": "Mã lỗi", "where": "Vị trí",
        "message": "Nội dung", "suggestion": "Gợi ý", "none": "Không có lỗi hay cảnh báo nào.",
        "stated": "Số liệu nêu", "computed": "Tính lại", "difference": "Chênh lệch", "allowed": "Cho phép",
        "at_risk": "nguy cơ không đạt", "projected": "Dự báo cuối kỳ",
        "not_met_notes": "Các mục tiêu không đạt: cần gì để đạt", "missing_notes": "Các mục tiêu thiếu số liệu",
        "verdicts": "kết luận", "seconds": "giây", "waiver": "Miễn trừ", "generator": "Tạo bởi",
        "used_by": "Dùng cho", "files_n": "tệp",
    },
    "en": {
        "report": "Audit report", "period": "Period", "generated": "Generated", "source": "Source",
        "pack": "Rule pack", "files": "Fact files read", "accepted": "Values accepted",
        "rejected": "Values rejected", "engine": "Engine", "unit": "Unit", "waivers": "Waiver files",
        "as_of": "as of", "folder": "Folder", "summary": "Summary by area", "area": "Area",
        "total": "Total", "id": "ID", "target": "Target", "check": "Check", "scope": "Scope", "status": "Verdict",
        "value": "Value", "threshold": "Threshold", "margin": "Margin over the threshold", "gap": "Gap",
        "to_pass": "To pass", "coverage": "Reported", "clause": "Clause", "why": "Why",
        "numerator": "Numerator", "denominator": "Denominator", "bounds": "Possible values",
        "partial": "Value over the units that reported", "contributing": "Units with data",
        "missing": "Units missing", "parts": "Parts", "levels": "By level", "units": "By unit",
        "figures": "Figures used", "metric": "Metric", "raw": "As submitted", "file": "File", "line": "Line",
        "sources": "Sources", "more": "… and {n} more (use --format json for all)", "detail": "Detail",
        "computation": "Computation", "value_chart": "Value against threshold",
        "coverage_chart": "Reporting coverage", "coverage_of": "{reported}/{expected} units reported",
        "trend": "Trend across periods", "change": "Change", "diagnostics": "Errors and warnings",
        "error": "Error", "warning": "Warning", "severity": "Severity", "code": "Code", "where": "Where",
        "message": "Message", "suggestion": "Suggestion", "none": "No errors or warnings.",
        "stated": "Stated", "computed": "Computed", "difference": "Difference", "allowed": "Allowed",
        "at_risk": "at risk", "projected": "Projected to the period's end",
        "not_met_notes": "Targets not met: what it takes to pass", "missing_notes": "Targets without enough data",
        "verdicts": "verdicts", "seconds": "s", "waiver": "Waiver", "generator": "Generated by",
        "used_by": "Used by", "files_n": "files",
    },
}


def words(lang: str) -> dict[str, str]:
    return WORDS["en" if lang == "en" else "vi"]


@dataclass(frozen=True)
class Section:
    """A pack's area (or the consistency checks) with the verdicts of the view in it."""

    id: str
    name_vi: str
    name_en: str
    verdicts: list[Verdict]

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" and self.name_en else self.name_vi


def sections(result: AuditResult, verdicts: Sequence[Verdict]) -> list[Section]:
    """The pack's areas in its order, each with its verdicts (areas with none left out), then the
    consistency checks as a section of their own."""
    targets, checks = consistency.split(verdicts)
    out = [Section(a.id, a.name_vi, a.name_en, [v for v in targets if v.area == a.id]) for a in result.pack.areas]
    if checks:
        out.append(Section(CHECKS_AREA, consistency.SECTION["vi"], consistency.SECTION["en"], checks))
    return [s for s in out if s.verdicts]


def counts(verdicts: Sequence[Verdict]) -> dict[Status, int]:
    out = {s: 0 for s in Status}
    for v in verdicts:
        out[v.status] += 1
    return out


def generated_at() -> datetime:
    """Now, in Vietnam (the time a report says it was made)."""
    return datetime.now(VIETNAM_TIME).replace(microsecond=0)


def timestamp(when: datetime, lang: str) -> str:
    return when.strftime("%d/%m/%Y %H:%M") if lang == "vi" else when.strftime("%Y-%m-%d %H:%M")


def files_base(files: Sequence[str]) -> str:
    """The folder every fact file read is in ("" for none or one file): reports name a figure's file
    from it, and name the folder once."""
    if len(files) < 2:
        return ""
    try:
        return os.path.commonpath(files)
    except ValueError:  # absolute and relative paths mixed
        return ""


def short_file(path: str, base: str) -> str:
    if base and path.startswith(base + os.sep):
        return path[len(base) + 1:]
    return path


def as_float(value: Fraction | None) -> float | None:
    return None if value is None else float(value)


class Drill:
    """The verdicts below a target's verdict at the province: those of its levels and of its units
    (for a level's verdict: its units), indexed once for every target of a report."""

    def __init__(self, result: AuditResult) -> None:
        self._by_kind: dict[tuple[str, str, ScopeKind], list[Verdict]] = {}
        self._levels = {u.id: u.level.value for u in result.registry.units}
        for v in result.verdicts:
            if v.check is None and v.scope.kind is not ScopeKind.PROVINCE:
                self._by_kind.setdefault((v.target, v.part, v.scope.kind), []).append(v)

    def levels(self, v: Verdict) -> list[Verdict]:
        """The level verdicts of a province verdict (not those already among its parts)."""
        if v.scope.kind is not ScopeKind.PROVINCE:
            return []
        shown = {id(p) for p in v.parts}
        return [lv for lv in self._by_kind.get((v.target, v.part, ScopeKind.LEVEL), []) if id(lv) not in shown]

    def units(self, v: Verdict) -> list[Verdict]:
        """The unit verdicts of a province verdict, or of a level verdict's level."""
        found = self._by_kind.get((v.target, v.part, ScopeKind.UNIT), [])
        if v.scope.kind is ScopeKind.PROVINCE:
            return found
        if v.scope.kind is ScopeKind.LEVEL:
            return [u for u in found if self._levels.get(u.scope.id) == v.scope.id]
        return []


def unit_views(result: AuditResult) -> list[tuple[Unit, list[Verdict]]]:
    """Each unit of the registry that has verdicts, in the registry's order, with the verdicts a
    ``--unit`` view of it shows (``AuditResult.select``); an audit focused on one unit: that unit."""
    with_verdicts = {v.scope.id for v in result.verdicts if v.scope.kind is ScopeKind.UNIT}
    if result.focus_unit is not None:
        with_verdicts &= {result.focus_unit}
    out = []
    for unit in result.registry.units:
        if unit.id in with_verdicts:
            out.append((unit, replace(result, focus_unit=unit.id).select()))
    return out


@dataclass(frozen=True)
class TrendRow:
    """One target (``sub`` "") or one of its levels or parts at the province, in each period."""

    target: str
    sub: str
    title_vi: str
    title_en: str
    area: str
    points: tuple[Verdict | None, ...]  # one per period, oldest first
    step: Row | None  # the latest period against the one before (``engine.comparison``), if either has it

    @property
    def change(self) -> Change | None:
        return self.step.change if self.step is not None else None

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" and self.title_en else self.title_vi

    @property
    def latest(self) -> Verdict | None:
        """The most recent verdict of the row (it says how the values read)."""
        return next((p for p in reversed(self.points) if p is not None), None)


def trend(result: AuditResult, history: Sequence[AuditResult] | None) -> tuple[list[str], list[TrendRow]]:
    """Each target's verdict at the province across the periods of ``history`` and of ``result``
    (one audit per period: ``result`` for its own), oldest first; nothing when there is one period."""
    audits = {a.period: a for a in history or ()}
    audits[result.period] = result
    if len(audits) < 2:
        return [], []
    periods = sorted(audits)
    by_period = [_province_rows(audits[p].verdicts) for p in periods]
    previous = audits[periods[-2]]
    steps = {(r.target, r.sub): r for r in compare(audits[periods[-1]], previous).rows}
    keys = list(dict.fromkeys(k for rows in reversed(by_period) for k in rows))
    order = {t.id: i for i, t in enumerate(result.pack.targets)}
    keys.sort(key=lambda k: order.get(k[0], len(order)))
    out = []
    for key in keys:
        points = tuple(rows.get(key) for rows in by_period)
        shown = next(p for p in reversed(points) if p is not None)
        out.append(TrendRow(key[0], key[1], shown.title_vi, shown.title_en, shown.area, points, steps.get(key)))
    return periods, out


def _province_rows(verdicts: Sequence[Verdict]) -> dict[tuple[str, str], Verdict]:
    """A target's verdict at the province and those of its levels or parts, keyed as
    ``engine.comparison`` keys them: (target, "") and (target, level or part)."""
    out: dict[tuple[str, str], Verdict] = {}
    for v in verdicts:
        if v.check is not None or v.part or v.scope.kind is not ScopeKind.PROVINCE:
            continue
        out[(v.target, "")] = v
        for p in v.parts:
            out[(v.target, p.part or p.scope.id)] = p
    return out


def unit_name(result: AuditResult, unit_id: str, lang: str) -> str:
    """"SO-TTTT · Sở Thông tin và Truyền thông": a unit's id and its name in the registry."""
    unit = result.registry.get(unit_id)
    if unit is None:
        return unit_id
    return f"{unit.id} · {unit.name_en if lang == 'en' and unit.name_en else unit.name_vi}"
