"""Forms to fill in: the metrics a unit, or every unit of a level, must report for a period, as an
Excel workbook, a CSV file or a YAML file that plancheck reads back as it is.

**Which metrics.** Those the pack's catalog asks of the unit's level (``Metric.levels``), in the
catalog's order. Each row says which targets and checks use the metric at that level; a metric
the catalog asks for that no target, part or check uses is kept in the form (the unit must
still report it) and its row says so. A part that may not exceed its whole (``not_above``) names
the whole.

**One unit** gets a form for itself: the unit and the period once, at the top. **A level** (``commune``,
or its Vietnamese name ``Cấp xã``) gets one form for all its units: one block of rows per unit, on
one sheet, with the unit in a column and the period once at the top. One sheet rather than a sheet
per unit, because it is the unit's form with a unit column, read by the same reader; a district
office can sort, filter and paste into it; its data validation is one rule per kind of figure
(the blocks repeat one layout, so a part's rule points at its whole by one relative reference);
and 71 communes would be 71 tabs, with names cut to Excel's 31 characters.

**Excel** (``write_xlsx``): the sheet "Số liệu" (title rows in merged cells with the plan, the unit
or level and the period; the unit and the period as ``Mã đơn vị:`` and ``Kỳ báo cáo:``; a frozen
header row; an empty, yellow "Giá trị" column to fill) and the sheet "Hướng dẫn" with
instructions in Vietnamese. Excel checks what is typed: whole numbers ≥ 0 for counts and amounts,
decimals 0–100 for percentages, a list có/không for yes/no answers, decimals ≥ 0 for numbers,
and for a part, a custom rule that it is a whole number ≥ 0 not above its whole's cell (one
rule per cell is all Excel allows, so the part's rule checks both). plancheck checks it all
again when it reads the file (``xlsx_loader``).

**CSV** (``write_csv``): the long CSV format, the unit and period filled in and the values empty
(a value left empty is not reported: F015). **YAML** (``write_yaml``): the submission format with
``values:`` and an empty value per metric, under a comment with its Vietnamese name and unit; a
level's form is a list under ``submissions:``.

Problems with the request (an unknown unit or level, a wrong period or format, a level with
nothing to report) raise ``TemplateError`` with its diagnostics.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..diagnostics import Diagnostic, DiagnosticsError, Location, did_you_mean
from ..rules.model import LEVEL_LABELS, Level, Metric, MetricKind, Pack
from .csv_loader import CSV_OPTIONAL, CSV_REQUIRED
from .model import PERIOD_RE, Registry, Unit
from .registry import find_unit, normalize_name
from .xlsx_loader import DATA_SHEET, TITLES

__all__ = ["FORMATS", "GUIDE_SHEET", "Form", "FormRow", "TemplateError", "build_form", "period_vi", "write_csv",
           "write_template", "write_xlsx", "write_yaml"]

FORMATS = ("xlsx", "csv", "yaml")
GUIDE_SHEET = "Hướng dẫn"

_UNIT_VI = {MetricKind.PERCENT: "%", MetricKind.YES_NO: "có/không", MetricKind.AMOUNT_VND: "đồng"}
_HOW_VI = {
    MetricKind.COUNT: "số nguyên không âm",
    MetricKind.AMOUNT_VND: "số nguyên không âm (đồng)",
    MetricKind.PERCENT: "tỷ lệ phần trăm từ 0 đến 100, ví dụ 33,4",
    MetricKind.YES_NO: "có hoặc không",
    MetricKind.NUMBER: "số không âm, dấu phẩy thập phân, ví dụ 12,5",
}
_UNUSED_VI = "Không dùng để đánh giá mục tiêu nào; danh mục chỉ tiêu vẫn yêu cầu báo cáo"


class TemplateError(DiagnosticsError):
    """A form that cannot be written: an unknown unit or level, a wrong period or format."""


@dataclass(frozen=True)
class FormRow:
    """One metric of a form: what uses it at the form's level, and the wholes it may not exceed."""

    metric: Metric
    used_by: tuple[str, ...]  # targets and checks that use it at this level, in the pack's order
    wholes: tuple[Metric, ...]  # metrics of the form it is a part of (``not_above``)

    @property
    def unit_vi(self) -> str:
        return self.metric.unit_vi or _UNIT_VI.get(self.metric.kind, "")

    def note_vi(self, whole_name: Callable[[Metric], str]) -> str:
        """What the row's "Lưu ý" says: what uses the metric, and which wholes it may not exceed
        (each named by ``whole_name``)."""
        said = f"Dùng để đánh giá: {', '.join(self.used_by)}" if self.used_by else _UNUSED_VI
        if self.wholes:
            said += "; không lớn hơn " + ", ".join(whole_name(w) for w in self.wholes)
        return said


@dataclass(frozen=True)
class Form:
    """What a form asks: of which units (one, or every unit of a level), for which period, which metrics."""

    plan_vi: str
    period: str
    level: Level
    units: tuple[Unit, ...]
    rows: tuple[FormRow, ...]
    whole_level: bool  # a level's form: one block of rows per unit

    @property
    def unused(self) -> list[str]:
        """The metrics the catalog asks for that no target or check uses at this level."""
        return [row.metric.id for row in self.rows if not row.used_by]

    @property
    def who_vi(self) -> str:
        if self.whole_level:
            return f"{LEVEL_LABELS[self.level][0]} ({len(self.units)} đơn vị)"
        return self.units[0].name_vi


def write_template(pack: Pack, registry: Registry, unit_or_level: str, period: str, fmt: str,
                   path: Path) -> Form:
    """Write the form of a unit (an id or a name) or of a level (``commune`` or ``Cấp xã``) for a
    period, as ``fmt`` (one of ``FORMATS``), to ``path``; the form written is returned."""
    if fmt not in FORMATS:
        raise TemplateError([Diagnostic("O005", f"unknown form format {fmt!r}", Location("--format"),
                                        suggestion=f"use one of {', '.join(FORMATS)}")])
    form = build_form(pack, registry, unit_or_level, period)
    {"xlsx": write_xlsx, "csv": write_csv, "yaml": write_yaml}[fmt](form, path)
    return form


def build_form(pack: Pack, registry: Registry, unit_or_level: str, period: str) -> Form:
    """What the form of a unit or a level asks for (``TemplateError`` for an unknown unit or level,
    a wrong period, or a level the catalog asks nothing of)."""
    if not PERIOD_RE.match(period):
        raise TemplateError([Diagnostic("O001", f"not a period: {period!r} (expected 2022, 2022-Q3 or 2022-07)",
                                        Location("--period"))])
    whole_level = _level(unit_or_level)
    if whole_level is not None:
        level, units = whole_level, tuple(registry.at_level(whole_level))
    else:
        unit = find_unit(registry, unit_or_level)
        if unit is None:
            known = [*registry.ids(), *(lv.value for lv in Level)]
            raise TemplateError([Diagnostic("O002", f"unknown unit or level {unit_or_level!r}", Location("UNIT|LEVEL"),
                                            suggestion=did_you_mean(unit_or_level, known))])
        level, units = unit.level, (unit,)
    metrics = [m for m in pack.metrics if level in m.levels]
    if not units or not metrics:
        what = "has no unit of that level" if not units else "asks that level for no metric"
        raise TemplateError([Diagnostic("O006", f"no form for {level.value}: the "
                                        f"{'registry' if not units else 'pack'} {what}", Location("UNIT|LEVEL"))])
    uses = metric_uses(pack, level)
    in_form = {m.id: m for m in metrics}
    rows = tuple(FormRow(m, tuple(uses.get(m.id, ())), tuple(in_form[w] for w in m.not_above if w in in_form))
                 for m in metrics)
    return Form(pack.pack.title_vi, period, level, units, rows, whole_level=whole_level is not None)


def metric_uses(pack: Pack, level: Level) -> dict[str, list[str]]:
    """The targets (with their parts) and checks that use each metric at a level."""
    uses: dict[str, list[str]] = {}

    def use(metric_ids: list[str], rule: str) -> None:
        for m in metric_ids:
            if rule not in uses.setdefault(m, []):
                uses[m].append(rule)

    for t in pack.targets:
        for part in t.all_of or ():
            if level in part.levels:
                use(part.measure.metric_ids(), t.id)
        if t.measure is not None and level in t.levels:
            use(t.measure.metric_ids(), t.id)
    for c in pack.checks:
        if level in c.levels:
            use(c.metric_ids(), c.id)
    return uses


def period_vi(period: str) -> str:
    """A period as a Vietnamese form names it: năm 2022, quý III năm 2022, tháng 7 năm 2022."""
    m = PERIOD_RE.match(period)
    if not m:
        raise ValueError(f"not a period: {period!r}")
    if m.group(2):
        return f"quý {('I', 'II', 'III', 'IV')[int(m.group(2)) - 1]} năm {m.group(1)}"
    if m.group(3):
        return f"tháng {int(m.group(3))} năm {m.group(1)}"
    return f"năm {m.group(1)}"


def _level(text: str) -> Level | None:
    wanted = normalize_name(text)
    for lv in Level:
        if wanted in (lv.value, normalize_name(LEVEL_LABELS[lv][0]), normalize_name(LEVEL_LABELS[lv][1])):
            return lv
    return None


# --- CSV and YAML ------------------------------------------------------------------------------------------------

def write_csv(form: Form, path: Path) -> None:
    """The long CSV format: a row per unit and metric, the value empty."""
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow([*CSV_REQUIRED, *CSV_OPTIONAL])
        for unit in form.units:
            for row in form.rows:
                writer.writerow([unit.id, form.period, row.metric.id, "", "", "", ""])


def write_yaml(form: Form, path: Path) -> None:
    """The submission YAML: ``values:`` with an empty value per metric under a comment that names
    it; a level's form lists a submission per unit under ``submissions:``."""
    lines = [
        f"# Biểu mẫu báo cáo số liệu: {_line(form.plan_vi)}",
        f"# {_line(form.who_vi)} – kỳ báo cáo {period_vi(form.period)}",
        "# Điền giá trị sau dấu hai chấm; để trống nếu chưa có số liệu (không phải 0), ghi 0 nếu bằng 0.",
        '# Số có dấu chấm phân cách hàng nghìn phải đặt trong ngoặc kép: "1.234.567"; tỷ lệ: "33,4%"; có/không: có',
        "",
    ]
    indent = ""
    if form.whole_level:
        lines.append("submissions:")
        indent = "    "
    for unit in form.units:
        if form.whole_level:
            lines += [f"  # {_line(unit.name_vi)}", f"  - unit: {unit.id}"]
        else:
            lines.append(f"unit: {unit.id}  # {_line(unit.name_vi)}")
        lines += [f'{indent}period: "{form.period}"',
                  f"{indent}submitted_by:  # Người báo cáo",
                  f"{indent}submitted_at:  # Ngày báo cáo: 2023-01-12 hoặc 12/01/2023",
                  f"{indent}values:"]
        for row in form.rows:
            unit_vi = f", đơn vị tính: {row.metric.unit_vi}" if row.metric.unit_vi else ""
            lines += [f"{indent}  # {_line(row.metric.name_vi)}: {_HOW_VI[row.metric.kind]}{unit_vi}",
                      f"{indent}  # {row.note_vi(lambda w: w.id)}",
                      f"{indent}  {row.metric.id}:"]
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def _line(text: str) -> str:
    """Text on one line (a comment, a title)."""
    return " ".join(text.split())


# --- Excel ---------------------------------------------------------------------------------------------------------

_INPUT = PatternFill("solid", start_color="FFF2CC")  # the cells to fill
_HEAD = PatternFill("solid", start_color="DDEBF7")
_THIN = Side(style="thin", color="A6A6A6")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_BLOCK_TOP = Border(left=_THIN, right=_THIN, top=Side(style="medium"), bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_GREY = Font(color="595959")
_NUMBER_FORMATS = {MetricKind.COUNT: "#,##0", MetricKind.AMOUNT_VND: "#,##0"}


@dataclass(frozen=True)
class _Column:
    key: str
    title: str
    width: int


def _columns(whole_level: bool) -> list[_Column]:
    units = [_Column("unit", TITLES["unit"], 22), _Column("unit_name", "Tên đơn vị", 32)] if whole_level else []
    return [_Column("n", "STT", 6), *units, _Column("metric", TITLES["metric"], 30),
            _Column("name", "Tên chỉ tiêu", 60), _Column("unit_vi", "Đơn vị tính", 16),
            _Column("value", TITLES["value"], 18), _Column("note", TITLES["note"], 30), _Column("hint", "Lưu ý", 50)]


def write_xlsx(form: Form, path: Path) -> None:
    """The workbook: the sheet "Số liệu" to fill, and the sheet "Hướng dẫn"."""
    book = Workbook()
    ws = book.active
    ws.title = DATA_SHEET
    columns = _columns(form.whole_level)
    at = {c.key: i + 1 for i, c in enumerate(columns)}
    last = get_column_letter(len(columns))
    for i, title in enumerate(("BIỂU BÁO CÁO SỐ LIỆU", form.plan_vi,
                               f"{form.who_vi} – kỳ báo cáo {period_vi(form.period)}"), start=1):
        ws.merge_cells(f"A{i}:{last}{i}")
        ws.cell(i, 1, title).font = Font(bold=True, size=14 if i == 1 else 12)
        ws.cell(i, 1).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[2].height = 32
    given: list[tuple[str, str | None]] = [] if form.whole_level else [(TITLES["unit"], form.units[0].id)]
    given += [(TITLES["period"], form.period), (TITLES["submitted_by"], None), (TITLES["submitted_at"], None)]
    for r, (label, text) in enumerate(given, start=5):  # below the titles and a blank row
        ws.cell(r, 2, f"{label}:").font = Font(bold=True)
        cell = ws.cell(r, 3, text)
        cell.number_format = "dd/mm/yyyy" if label == TITLES["submitted_at"] else "@"
        if text is None:
            cell.fill, cell.border = _INPUT, _BOX
    header = 5 + len(given) + 1
    for c in columns:
        cell = ws.cell(header, at[c.key], c.title)
        cell.font, cell.fill, cell.border, cell.alignment = Font(bold=True), _HEAD, _BOX, _WRAP
        ws.column_dimensions[get_column_letter(at[c.key])].width = c.width
    ws.freeze_panes = f"A{header + 1}"
    rules = _Rules(get_column_letter(at["value"]))
    r = header
    for unit in form.units:
        first = r + 1
        rows_of = {row.metric.id: first + k for k, row in enumerate(form.rows)}

        def whole_name(whole: Metric, rows_of: dict[str, int] = rows_of) -> str:
            return f"{whole.id} (dòng {rows_of[whole.id]})"

        for k, row in enumerate(form.rows):
            r = first + k
            cells = {"n": k + 1, "unit": unit.id, "unit_name": unit.name_vi, "metric": row.metric.id,
                     "name": row.metric.name_vi, "unit_vi": row.unit_vi, "value": None, "note": None,
                     "hint": row.note_vi(whole_name)}
            for c in columns:
                cell = ws.cell(r, at[c.key], cells[c.key])
                cell.border = _BLOCK_TOP if k == 0 and form.whole_level else _BOX
                cell.alignment = _WRAP
                if c.key in ("value", "note"):
                    cell.fill = _INPUT
                elif c.key not in ("name", "unit_name"):
                    cell.font = _GREY
            ws.cell(r, at["value"]).number_format = _NUMBER_FORMATS.get(row.metric.kind, "General")
            rules.add(row, r, [rows_of[w.id] for w in row.wholes])
    rules.apply(ws)
    ws.auto_filter.ref = f"A{header}:{last}{r}"
    ws.print_title_rows = f"{header}:{header}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    _guide(book.create_sheet(GUIDE_SHEET), form)
    book.properties.title = f"Biểu báo cáo số liệu – {form.who_vi} – {form.period}"
    book.properties.creator = "plancheck"
    book.save(path)


class _Rules:
    """Excel's data validation of the value cells: one rule per kind of figure, one per part (a
    formula relative to the first cell it covers, so one rule serves every block)."""

    def __init__(self, column: str) -> None:
        self.column = column
        self.by_kind: dict[MetricKind, list[int]] = {}
        self.parts: dict[str, tuple[FormRow, list[int], list[int]]] = {}  # metric -> (row, its rows, wholes' rows)

    def add(self, row: FormRow, r: int, wholes: list[int]) -> None:
        if wholes and row.metric.kind in _KIND_FORMULAS:
            self.parts.setdefault(row.metric.id, (row, [], wholes))[1].append(r)
        else:
            self.by_kind.setdefault(row.metric.kind, []).append(r)

    def apply(self, ws: Worksheet) -> None:
        for kind, rows in self.by_kind.items():
            ws.add_data_validation(self._rule(_KIND_RULES[kind], _HOW_VI[kind], rows))
        for row, rows, wholes in self.parts.values():
            cell = f"{self.column}{rows[0]}"
            checks = [f"OR(ISBLANK({self.column}{w}),{cell}<={self.column}{w})" for w in wholes]
            formula = f"AND({_KIND_FORMULAS[row.metric.kind].format(c=cell)},{','.join(checks)})"
            names = ", ".join(w.name_vi for w in row.wholes)
            ws.add_data_validation(self._rule({"type": "custom", "formula1": formula},
                                              f"{_HOW_VI[row.metric.kind]}, không lớn hơn: {names}", rows))

    def _rule(self, spec: dict[str, str], how: str, rows: list[int]) -> DataValidation:
        prompt = f"{how[0].upper()}{how[1:]}. Để trống nếu chưa có số liệu; ghi 0 nếu bằng 0."
        rule = DataValidation(**spec, allow_blank=True, showErrorMessage=True, showInputMessage=True,
                              errorTitle="Số liệu không hợp lệ", error=f"Cần nhập {how}."[:255],
                              promptTitle="Giá trị", prompt=prompt[:255])  # Excel's limits
        for r in rows:
            rule.add(f"{self.column}{r}")
        return rule


_KIND_RULES: dict[MetricKind, dict[str, str]] = {
    MetricKind.COUNT: {"type": "whole", "operator": "greaterThanOrEqual", "formula1": "0"},
    MetricKind.AMOUNT_VND: {"type": "whole", "operator": "greaterThanOrEqual", "formula1": "0"},
    MetricKind.PERCENT: {"type": "decimal", "operator": "between", "formula1": "0", "formula2": "100"},
    MetricKind.YES_NO: {"type": "list", "formula1": '"có,không"'},
    MetricKind.NUMBER: {"type": "decimal", "operator": "greaterThanOrEqual", "formula1": "0"},
}
# The kind's rule as a formula, for a part's custom rule (a yes/no answer is no part of a figure).
_KIND_FORMULAS = {
    MetricKind.COUNT: "ISNUMBER({c}),{c}>=0,{c}=INT({c})",
    MetricKind.AMOUNT_VND: "ISNUMBER({c}),{c}>=0,{c}=INT({c})",
    MetricKind.PERCENT: "ISNUMBER({c}),{c}>=0,{c}<=100",
    MetricKind.NUMBER: "ISNUMBER({c}),{c}>=0",
}


def _guide(ws: Worksheet, form: Form) -> None:
    """The instructions, in Vietnamese."""
    unused = len(form.unused)
    lines = [
        ("HƯỚNG DẪN ĐIỀN BIỂU BÁO CÁO SỐ LIỆU", True),
        (f"{form.plan_vi}. {form.who_vi}, kỳ báo cáo {period_vi(form.period)}: {len(form.rows)} chỉ tiêu"
         + (f", trong đó {unused} chỉ tiêu không dùng để đánh giá mục tiêu nào (xem cột Lưu ý)." if unused else "."),
         False),
        ("", False),
        (f'1. Điền số liệu vào cột "{TITLES["value"]}" của trang "{DATA_SHEET}", mỗi dòng một chỉ tiêu; nguồn số '
         f'liệu hoặc giải thích ghi vào cột "{TITLES["note"]}".', False),
        (f'2. Không sửa các cột "{TITLES["unit"]}", "{TITLES["metric"]}", không đổi tên trang "{DATA_SHEET}" và '
         "không sửa dòng tiêu đề của bảng: số liệu được đọc theo các mã này.", False),
        ("3. Để trống ô khi chưa có số liệu: ô trống là chưa báo cáo, không phải số 0. Ghi 0 khi số liệu bằng 0.",
         False),
        ("4. Số lượng và số tiền (đồng) là số nguyên không âm: gõ số, hoặc gõ theo cách viết Việt Nam với dấu chấm "
         "phân cách hàng nghìn, ví dụ 1.234.567.", False),
        ("5. Tỷ lệ phần trăm: gõ số phần trăm từ 0 đến 100, ví dụ 33,4 (hoặc 33,4%).", False),
        ('6. Chỉ tiêu có/không: chọn "có" hoặc "không" trong danh sách của ô.', False),
        ('7. Chỉ tiêu là một phần của chỉ tiêu khác (cột "Lưu ý" ghi "không lớn hơn") không được lớn hơn chỉ tiêu '
         "đó.", False),
        (f'8. Điền "{TITLES["submitted_by"]}" và "{TITLES["submitted_at"]}" (ngày/tháng/năm) ở đầu trang. Khi gửi '
         "lại số liệu đã sửa, ghi ngày báo cáo mới: bản có ngày báo cáo muộn hơn được dùng, thay cho cả bản trước.",
         False),
        ("9. Ô có công thức phải được tính trước khi gửi: lưu tệp bằng Excel hoặc LibreOffice.", False),
        ("10. Lưu tệp dạng Excel Workbook (.xlsx) và kiểm tra trước khi gửi: plancheck validate <tệp>.xlsx", False),
    ]
    ws.column_dimensions["A"].width = 120
    for r, (text, bold) in enumerate(lines, start=1):
        cell = ws.cell(r, 1, text)
        cell.alignment = _WRAP
        cell.font = Font(bold=bold, size=13 if r == 1 else 11)
