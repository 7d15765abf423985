"""The audit as an Excel workbook (openpyxl), for an inspector who filters and sorts.

Sheets: "Tổng hợp" (the counts by area and status, then what the audit read); one sheet per area
(a row per verdict of the view); the consistency checks, when the pack has some; one sheet per unit
with verdicts (a row per verdict of that unit, with the figures it sent that the verdict used), up to
``MAX_UNIT_SHEETS`` units (a national registry lists its units' figures in "Số liệu" only); "Số liệu"
(every figure a verdict used, once, with its file and line and the targets it served); the
diagnostics; and the trend across periods when earlier audits are given.

Every sheet has its title in row 1 and its header in row 2, frozen with the first column, and a
filter. Values, thresholds and margins are numbers with number formats (percentages as %), statuses
are coloured. Every text is written through ``safe_text.spreadsheet_text``, after the characters XML
cannot hold are dropped: a submitted "=HYPERLINK(…)" stays text.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .. import __version__
from ..audit import AuditResult
from ..diagnostics import Severity
from ..engine.verdicts import FactRef, ScopeKind, Status, Verdict, verdict_label
from ..rules.model import LEVEL_LABELS, MetricKind, Pack
from ..safe_text import spreadsheet_text
from . import consistency
from . import format as fmt
from . import report_data as rd
from . import waivers as wv
from .compare import delta_text

MAX_UNIT_SHEETS = 250  # more units than this: their verdicts are not given a sheet each
MAX_FIGURE_ROWS = 100_000  # rows of the "Số liệu" sheet; the rest are counted
MAX_FIGURES_IN_CELL = 50  # figures listed in one verdict's cell of a unit sheet
_MAX_CELL = 32_767  # the most characters an Excel cell holds

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=13)
_HEAD_FILL = PatternFill("solid", fgColor="F6F8FA")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
_FILLS = {s: PatternFill("solid", fgColor=bg) for s, (_, bg) in rd.STATUS_COLOURS.items()}
_FONTS = {s: Font(bold=True, color=fg) for s, (fg, _) in rd.STATUS_COLOURS.items()}

# column widths (in characters) by the key of the column's word
_WIDTHS = {"id": 11, "target": 48, "scope": 22, "status": 20, "value": 12, "value_text": 24, "threshold": 16,
           "threshold_value": 12, "margin": 13, "gap": 34, "reported": 10, "expected": 10, "share": 10,
           "clause": 40, "why": 60, "waiver": 40, "figures": 60, "unit": 22, "unit_name": 36, "metric": 32,
           "period": 9, "raw": 16, "file": 48, "line": 7, "used_by": 30, "severity": 10, "code": 8,
           "field": 24, "message": 80, "suggestion": 40, "area": 48, "change": 18, "delta": 14, "stated": 16,
           "computed": 16, "difference": 16, "allowed": 16}
_XLSX_WORDS = {
    "vi": {"value_text": "Giá trị (như hiển thị)", "threshold_value": "Giá trị ngưỡng", "reported": "Đã báo cáo",
           "expected": "Phải báo cáo", "share": "Tỷ lệ báo cáo", "unit_name": "Tên đơn vị", "delta": "Chênh lệch",
           "field": "Trường", "summary_sheet": "Tổng hợp", "figures_sheet": "Số liệu",
           "diagnostics_sheet": "Chẩn đoán", "trend_sheet": "Xu hướng",
           "unit_sheets_left_out": "{n} đơn vị không có trang tính riêng (quá {max}): xem trang «Số liệu»"},
    "en": {"value_text": "Value (as shown)", "threshold_value": "Threshold value", "reported": "Reported",
           "expected": "Expected", "share": "Share reported", "unit_name": "Unit name", "delta": "Difference",
           "field": "Field", "summary_sheet": "Summary", "figures_sheet": "Figures",
           "diagnostics_sheet": "Diagnostics", "trend_sheet": "Trends",
           "unit_sheets_left_out": "{n} units have no sheet of their own (more than {max}): see «Figures»"},
}


def write_xlsx(result: AuditResult, verdicts: Sequence[Verdict], lang: str, path: Path,
               history: Sequence[AuditResult] | None = None, generated: datetime | None = None) -> None:
    """Write the workbook of the verdicts of a view (``AuditResult.select``) to ``path``."""
    book = _Book(result, lang)
    sections = rd.sections(result, verdicts)
    units = rd.unit_views(result)
    book.summary(sections, verdicts, generated or rd.generated_at(), max(len(units) - MAX_UNIT_SHEETS, 0))
    for section in sections:
        book.verdict_sheet(section.name(lang), section.name(lang), section.verdicts, figures=False)
    for unit, unit_verdicts in units[:MAX_UNIT_SHEETS]:
        name = rd.unit_name(result, unit.id, lang)
        level = LEVEL_LABELS[unit.level][0 if lang == "vi" else 1]
        book.verdict_sheet(unit.id, f"{name} · {level} · {book.w['period'].lower()} {result.period}", unit_verdicts,
                           figures=True)
    book.figures()
    book.diagnostics()
    periods, rows = rd.trend(result, history)
    if rows:
        book.trend(periods, rows)
    book.workbook.save(path)


def text(value: str) -> str:
    """A text as a cell holds it: without the characters XML cannot hold, never read as a formula."""
    return spreadsheet_text(ILLEGAL_CHARACTERS_RE.sub("", value))[:_MAX_CELL]


def number_format(v: Verdict, value: Fraction, lang: str) -> tuple[float, str]:
    """A verdict's value (or threshold, or margin) as the number a cell holds, and its format: a
    share as a fraction of 1 shown as %, a ratio per 100 as "52,7/100", a rate per week."""
    if v.percent:
        return float(value), "0.00%"
    scaled = value * v.per
    if v.per != 1:
        return float(scaled), f'0.00"/{v.per}"'
    if v.measure == "rate":
        return float(scaled), '0.00"/tuần"' if lang == "vi" else '0.00"/week"'
    return float(scaled), "#,##0" if scaled.denominator == 1 else "#,##0.00"


class _Book:
    def __init__(self, result: AuditResult, lang: str) -> None:
        self.result = result
        self.lang = lang
        self.w = rd.words(lang) | _XLSX_WORDS["en" if lang == "en" else "vi"]
        self.workbook = Workbook()
        self._names: set[str] = set()
        self._first = True
        self.base = rd.files_base(result.load.files)

    # --- sheets -------------------------------------------------------------------------------

    def _sheet(self, name: str, title: str, keys: Sequence[str]) -> Worksheet:
        """A new sheet: its unique name, the title in row 1, the header (``keys`` of words) in row 2."""
        unique = sheet_name(name, self._names)
        if self._first:
            ws: Worksheet = self.workbook.active
            ws.title = unique
            self._first = False
        else:
            ws = self.workbook.create_sheet(unique)
        ws.cell(1, 1, text(title)).font = _TITLE
        for col, key in enumerate(keys, 1):
            cell = ws.cell(2, col, text(self.w[key]))
            cell.font, cell.fill, cell.alignment = _BOLD, _HEAD_FILL, _WRAP
            ws.column_dimensions[get_column_letter(col)].width = _WIDTHS[key]
        ws.freeze_panes = "B3"
        return ws

    def summary(self, sections: Sequence[rd.Section], verdicts: Sequence[Verdict], when: datetime,
                units_left_out: int) -> None:
        """The counts by area and status, then what the audit read (and how many units have no sheet)."""
        w = self.w
        result = self.result
        info = result.pack.pack
        ws = self._sheet(w["summary_sheet"], info.title_en if self.lang == "en" and info.title_en else info.title_vi,
                         ["area"])
        statuses = list(Status)
        for col, s in enumerate(statuses, 2):
            self._status(ws.cell(2, col), s, s.label(self.lang))
            ws.column_dimensions[get_column_letter(col)].width = 16
        total_col = len(statuses) + 2
        ws.cell(2, total_col, text(w["total"])).font = _BOLD
        row = 3
        for section in [*sections, None]:
            shown = section.verdicts if section is not None else verdicts
            ws.cell(row, 1, text(section.name(self.lang) if section is not None else w["total"])).alignment = _WRAP
            counts = rd.counts(shown)
            for col, s in enumerate(statuses, 2):
                ws.cell(row, col, counts[s]).number_format = '0;-0;""'
            ws.cell(row, total_col, len(shown))
            row += 1
        for col in range(1, total_col + 1):
            ws.cell(row - 1, col).font = _BOLD
        ws.auto_filter.ref = f"A2:{get_column_letter(total_col)}{row - 2}"
        load = result.load
        meta: list[tuple[str, Any]] = [
            (w["source"], info.source), (w["period"], result.period), (w["generated"], rd.timestamp(when, self.lang)),
            (w["pack"], result.pack_path), (w["files"], f"{len(load.files)} · {', '.join(result.fact_paths)}"),
            (w["accepted"], load.accepted_values), (w["rejected"], load.rejected_values),
            (w["engine"], f"{result.engine} · plancheck {__version__} · {result.seconds:.2f} {w['seconds']}")]
        if self.base:
            meta.insert(5, (w["folder"], self.base))
        if result.focus_unit is not None:
            meta.insert(2, (w["unit"], rd.unit_name(result, result.focus_unit, self.lang)))
        if result.waiver_files:
            meta.append((w["waivers"], ", ".join(result.waiver_files)))
        row += 1
        for label, value in meta:
            ws.cell(row, 1, text(label)).font = _BOLD
            ws.cell(row, 2, text(value) if isinstance(value, str) else value)
            row += 1
        if units_left_out:
            ws.cell(row, 1, text(w["unit_sheets_left_out"].format(n=units_left_out, max=MAX_UNIT_SHEETS))).font = \
                Font(italic=True)

    def verdict_sheet(self, name: str, title: str, verdicts: Sequence[Verdict], figures: bool) -> None:
        """A row per verdict; ``figures``: with the figures each used (a unit's sheet)."""
        checks = any(v.check is not None for v in verdicts)
        show_scope = any(v.scope.kind is not ScopeKind.PROVINCE for v in verdicts) and not figures
        keys = ["id", "target", *(["scope"] if show_scope else []), "status"]
        if checks:
            keys += ["stated", "computed", "difference", "allowed"]
        else:
            keys += ["value", "value_text", "threshold", "threshold_value", "margin", "gap", "reported", "expected",
                     "share"]
        keys += ["clause", "why", "waiver", *(["figures"] if figures else [])]
        ws = self._sheet(name, title, keys)
        for row, v in enumerate(verdicts, 3):
            cells = self._verdict_cells(v, keys)
            for col, key in enumerate(keys, 1):
                value = cells.get(key)
                if value is None:
                    continue
                cell = ws.cell(row, col)
                if isinstance(value, tuple):
                    cell.value, cell.number_format = value
                else:
                    cell.value = value
                cell.alignment = _WRAP if key in ("target", "why", "waiver", "figures", "clause", "gap") else _TOP
            self._status(ws.cell(row, keys.index("status") + 1), v.status,
                         wv.status_label(v, verdict_label(v, self.lang), self.lang))
        ws.auto_filter.ref = f"A2:{get_column_letter(len(keys))}{max(len(verdicts) + 2, 3)}"

    def _verdict_cells(self, v: Verdict, keys: Sequence[str]) -> dict[str, Any]:
        lang = self.lang
        out: dict[str, Any] = {
            "id": text(f"{v.target}/{v.part}" if v.part else v.target), "target": text(fmt.title(v, lang)),
            "scope": text(fmt.scope_name(v, lang)), "clause": text(v.clause),
            "why": text("\n".join(vi if lang == "vi" else en for vi, en in v.reasons)),
            "waiver": text(wv.waiver_text(v, lang)),
        }
        if v.check is not None:
            out.update(zip(("stated", "computed", "difference", "allowed"),
                           (text(c) for c in consistency.cells(v, lang)), strict=True))
            return out
        if v.value is not None:
            out["value"] = number_format(v, v.value, lang)
        out["value_text"] = text(fmt.value_text(v, lang))
        out["threshold"] = text(fmt.threshold_text(v, lang))
        if v.threshold is not None:
            out["threshold_value"] = number_format(v, v.threshold, lang)
        if v.margin is not None:
            out["margin"] = number_format(v, v.margin, lang)
        out["gap"] = text(fmt.gap_sentence(v.gap, lang))
        if v.coverage is not None:
            out["reported"], out["expected"] = v.coverage.reported, v.coverage.expected
            if v.coverage.expected:
                out["share"] = (v.coverage.reported / v.coverage.expected, "0%")
        if "figures" in keys:
            lines = [f"{f.metric} ({f.period}) = {f.raw} · {rd.short_file(f.file, self.base)}:{f.line}"
                     for f in v.facts[:MAX_FIGURES_IN_CELL]]
            if len(v.facts) > MAX_FIGURES_IN_CELL:
                lines.append(self.w["more"].format(n=len(v.facts) - MAX_FIGURES_IN_CELL))
            out["figures"] = text("\n".join(lines))
        return out

    def _status(self, cell: Any, status: Status, label: str) -> None:
        cell.value = text(label)
        cell.fill, cell.font, cell.alignment = _FILLS[status], _FONTS[status], _TOP

    def figures(self) -> None:
        """Every figure a verdict used, once, in the registry's order of units, with the targets it served."""
        w = self.w
        used: dict[tuple[str, str, str, str, int], tuple[FactRef, dict[str, None]]] = {}
        for v in self.result.verdicts:
            for f in v.facts:
                key = (f.unit, f.metric, f.period, f.file, f.line)
                if key not in used:
                    used[key] = (f, {})
                used[key][1][v.target] = None
        order = {u.id: i for i, u in enumerate(self.result.registry.units)}
        rows = sorted(used.values(), key=lambda r: (order.get(r[0].unit, len(order)), r[0].unit, r[0].file,
                                                    r[0].line, r[0].metric))
        keys = ["unit", "unit_name", "metric", "period", "raw", "value", "file", "line", "used_by"]
        ws = self._sheet(w["figures_sheet"], f"{w['figures']} ({len(rows)})", keys)
        names = {u.id: u.name_en if self.lang == "en" and u.name_en else u.name_vi
                 for u in self.result.registry.units}
        formats = _metric_formats(self.result.pack)
        for row, (f, targets) in enumerate(rows[:MAX_FIGURE_ROWS], 3):
            ws.cell(row, 1, text(f.unit))
            ws.cell(row, 2, text(names.get(f.unit, "")))
            ws.cell(row, 3, text(f.metric))
            ws.cell(row, 4, text(f.period))
            ws.cell(row, 5, text(f.raw))
            ws.cell(row, 6, float(f.value)).number_format = formats.get(f.metric, "General")
            ws.cell(row, 7, text(rd.short_file(f.file, self.base)))
            ws.cell(row, 8, f.line)
            ws.cell(row, 9, text(", ".join(targets)))
        last = min(len(rows), MAX_FIGURE_ROWS) + 2
        if len(rows) > MAX_FIGURE_ROWS:
            ws.cell(last + 1, 1, text(w["more"].format(n=len(rows) - MAX_FIGURE_ROWS))).font = Font(italic=True)
        ws.auto_filter.ref = f"A2:I{max(last, 3)}"

    def diagnostics(self) -> None:
        w = self.w
        diags = self.result.diagnostics
        errors = sum(d.severity is Severity.ERROR for d in diags)
        keys = ["severity", "code", "file", "line", "field", "message", "suggestion"]
        ws = self._sheet(w["diagnostics_sheet"], f"{w['diagnostics']} ({errors} {w['error'].lower()}, "
                                                 f"{len(diags) - errors} {w['warning'].lower()})", keys)
        for row, d in enumerate(diags, 3):
            bad = d.severity is Severity.ERROR
            status = Status.NOT_MET if bad else Status.INSUFFICIENT_DATA
            self._status(ws.cell(row, 1), status, w["error"] if bad else w["warning"])
            ws.cell(row, 2, text(d.code))
            ws.cell(row, 3, text(rd.short_file(d.location.file, self.base)))
            if d.location.line:
                ws.cell(row, 4, d.location.line)
            ws.cell(row, 5, text(d.location.field))
            ws.cell(row, 6, text(d.message)).alignment = _WRAP
            ws.cell(row, 7, text(d.suggestion)).alignment = _WRAP
        ws.auto_filter.ref = f"A2:G{max(len(diags) + 2, 3)}"

    def trend(self, periods: Sequence[str], rows: Sequence[rd.TrendRow]) -> None:
        w = self.w
        ws = self._sheet(w["trend_sheet"], f"{w['trend']}: {', '.join(periods)}", ["id", "target"])
        col = 3
        for p in periods:
            for offset, label in enumerate((w["status"], w["value"])):
                cell = ws.cell(2, col + offset, text(f"{label} {p}"))
                cell.font, cell.fill = _BOLD, _HEAD_FILL
                ws.column_dimensions[get_column_letter(col + offset)].width = 18 if offset == 0 else 12
            col += 2
        for offset, key in enumerate(("change", "delta")):
            cell = ws.cell(2, col + offset, text(w[key]))
            cell.font, cell.fill = _BOLD, _HEAD_FILL
            ws.column_dimensions[get_column_letter(col + offset)].width = _WIDTHS[key]
        for row, r in enumerate(rows, 3):
            ws.cell(row, 1, text(f"{r.target}/{r.sub}" if r.sub else r.target))
            ws.cell(row, 2, text(r.title(self.lang))).alignment = _WRAP
            for i, point in enumerate(r.points):
                if point is None:
                    continue
                self._status(ws.cell(row, 3 + 2 * i), point.status, point.status.label(self.lang))
                if point.value is not None:
                    cell = ws.cell(row, 4 + 2 * i)
                    cell.value, cell.number_format = number_format(point, point.value, self.lang)
            if r.step is not None:
                ws.cell(row, col, text(r.step.change.label(self.lang)))
                ws.cell(row, col + 1, text(delta_text(r.step, self.lang)))
        ws.auto_filter.ref = f"A2:{get_column_letter(col + 1)}{len(rows) + 2}"


def _metric_formats(pack: Pack) -> dict[str, str]:
    kinds = {MetricKind.PERCENT: "0.00%", MetricKind.YES_NO: "0", MetricKind.COUNT: "#,##0",
             MetricKind.AMOUNT_VND: "#,##0", MetricKind.NUMBER: "#,##0.####"}
    return {m.id: kinds[m.kind] for m in pack.metrics}


_RESERVED = {"history"}  # Excel keeps this sheet name for itself


def sheet_name(wanted: str, used: set[str]) -> str:
    """A sheet name Excel accepts, not yet in ``used`` (compared without case, as Excel does), and
    added to it: without ``[]:*?/\\``, not starting or ending with an apostrophe, at most 31 characters."""
    base = "".join("-" if c in "[]:*?/\\" else c for c in ILLEGAL_CHARACTERS_RE.sub("", wanted)).strip().strip("'")
    base = base or "Sheet"
    if base.lower() in _RESERVED:
        base += " (1)"
    name = base[:31].rstrip().rstrip("'")
    n = 2
    while name.lower() in used:
        suffix = f" ({n})"
        name = base[:31 - len(suffix)].rstrip().rstrip("'") + suffix
        n += 1
    used.add(name.lower())
    return name
