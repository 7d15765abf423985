"""The Excel report: its sheets and their names, counts and numbers as numbers with their formats,
statuses coloured, headers frozen, and every submitted text kept as text (never a formula)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet
from report_hostile import HOSTILE_RAW, HOSTILE_REASON, HOSTILE_TARGET

from plancheck.audit import AuditResult, run_audit
from plancheck.engine.verdicts import Status
from plancheck.render import report_data as rd
from plancheck.render import xlsx_report
from plancheck.render.flat import render_csv
from plancheck.render.xlsx_report import sheet_name, text, write_xlsx
from plancheck.safe_text import FORMULA_START


def _book(result: AuditResult, path: Path, history: list[AuditResult] | None = None,
          lang: str = "vi") -> openpyxl.Workbook:
    write_xlsx(result, result.select(), lang, path, history)
    return openpyxl.load_workbook(path)


@pytest.fixture(scope="module")
def book(bundled: AuditResult, tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    return _book(bundled, tmp_path_factory.mktemp("xlsx") / "report.xlsx")


def _rows(ws: Worksheet) -> dict[str, tuple[object, ...]]:
    """The data rows of a sheet by the text of their first cell."""
    return {str(r[0].value): tuple(c for c in r) for r in ws.iter_rows(min_row=3) if r[0].value is not None}


def test_the_sheets(book: openpyxl.Workbook, bundled: AuditResult) -> None:
    names = book.sheetnames
    sections = rd.sections(bundled, bundled.select())
    units = rd.unit_views(bundled)
    assert names[0] == "Tổng hợp"
    assert names[1:1 + len(sections)] == [s.name("vi")[:31].rstrip() for s in sections]
    assert names[1 + len(sections):1 + len(sections) + len(units)] == [u.id for u, _ in units]
    assert names[-2:] == ["Số liệu", "Chẩn đoán"]
    assert all(len(n) <= 31 for n in names) and len({n.lower() for n in names}) == len(names)
    for ws in book.worksheets:
        assert ws.freeze_panes == "B3"
        assert ws.cell(2, 1).font.bold


def test_the_summary_counts_by_area_and_status(book: openpyxl.Workbook, bundled: AuditResult) -> None:
    ws = book["Tổng hợp"]
    head = [c.value for c in ws[2]]
    assert head[0] == "Lĩnh vực" and head[-1] == "Tổng"
    statuses = list(Status)
    assert head[1:-1] == [s.label_vi for s in statuses]
    assert ws.cell(2, 2 + statuses.index(Status.NOT_MET)).fill.fgColor.rgb.endswith(
        rd.STATUS_COLOURS[Status.NOT_MET][1])
    rows = _rows(ws)
    for section in rd.sections(bundled, bundled.select()):
        counts = rd.counts(section.verdicts)
        row = rows[section.name("vi")]
        assert [c.value for c in row[1:len(statuses) + 1]] == [counts[s] for s in statuses]  # type: ignore[attr-defined]
        assert row[-1].value == len(section.verdicts)  # type: ignore[attr-defined]
    assert rows["Tổng"][-1].value == len(bundled.select())  # type: ignore[attr-defined]
    assert rows["Số liệu được chấp nhận"][1].value == bundled.load.accepted_values  # type: ignore[attr-defined]


def test_values_are_numbers_with_formats_and_statuses_coloured(book: openpyxl.Workbook) -> None:
    ws = book["Công tác bảo đảm an toàn thông"]
    head = [c.value for c in ws[2]]
    row = _rows(ws)["ATTT-03"]
    value = row[head.index("Giá trị")]
    assert value.data_type == "n" and value.value == pytest.approx(286 / 573)  # type: ignore[attr-defined]
    assert value.number_format == "0.00%"  # type: ignore[attr-defined]
    threshold = row[head.index("Giá trị ngưỡng")]
    assert threshold.value == pytest.approx(0.7) and threshold.number_format == "0.00%"  # type: ignore[attr-defined]
    assert row[head.index("Chênh lệch so với ngưỡng")].value == pytest.approx(286 / 573 - 0.7)  # type: ignore[attr-defined]
    assert row[head.index("Đã báo cáo")].value == 27 and row[head.index("Phải báo cáo")].value == 27  # type: ignore[attr-defined]
    status = row[head.index("Kết quả")]
    assert status.value == "KHÔNG ĐẠT"  # type: ignore[attr-defined]
    assert status.fill.fgColor.rgb.endswith(rd.STATUS_COLOURS[Status.NOT_MET][1])  # type: ignore[attr-defined]
    assert status.font.color.rgb.endswith(rd.STATUS_COLOURS[Status.NOT_MET][0])  # type: ignore[attr-defined]
    assert row[head.index("Khoảng cách")].value.startswith("cần thêm 116 hệ thống thông tin")  # type: ignore[attr-defined]
    per_100 = _rows(book["Phát triển xã hội số"])["XHS-07"][head.index("Giá trị")]
    assert per_100.number_format == '0.00"/100"' and per_100.value == pytest.approx(188906 / 220301 * 100)  # type: ignore[attr-defined]
    assert ws.auto_filter.ref == f"A2:{ws.cell(2, ws.max_column).column_letter}{ws.max_row}"


def test_a_unit_sheet_lists_its_verdicts_and_the_figures_they_used(book: openpyxl.Workbook) -> None:
    ws = book["SO-TTTT"]
    assert ws.cell(1, 1).value == "SO-TTTT · Sở Thông tin và Truyền thông · Cấp tỉnh (Sở, ban, ngành) · kỳ 2022"
    head = [c.value for c in ws[2]]
    row = _rows(ws)["ATTT-03"]
    figures = row[head.index("Số liệu đã dùng")].value  # type: ignore[attr-defined]
    assert "info_systems_classified (2022) = " in figures and "departments/SO-TTTT.yaml:" in figures


def test_the_figures_sheet_lists_each_figure_once(book: openpyxl.Workbook, bundled: AuditResult) -> None:
    ws = book["Số liệu"]
    cited = {(f.unit, f.metric, f.period, f.file, f.line) for v in bundled.verdicts for f in v.facts}
    assert ws.max_row - 2 == len(cited)
    head = [c.value for c in ws[2]]
    assert head == ["Đơn vị", "Tên đơn vị", "Chỉ số", "Kỳ", "Số liệu gửi", "Giá trị", "Tệp", "Dòng", "Dùng cho"]
    first = [c.value for c in ws[3]]
    assert first[0] == "TINH" and isinstance(first[5], float) and isinstance(first[7], int)


def test_formula_like_text_stays_text(hostile: AuditResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_report, "MAX_UNIT_SHEETS", 0)  # faster: the figures are on their own sheet
    book = _book(hostile, tmp_path / "hostile.xlsx")
    raw = [r[4] for r in book["Số liệu"].iter_rows(min_row=3) if r[4].value.startswith("'")]
    assert raw and all(c.data_type == "s" and c.value == "'" + HOSTILE_RAW for c in raw)
    message = next(r[5] for r in book["Chẩn đoán"].iter_rows(min_row=3) if r[1].value == "X999")
    assert message.data_type == "s" and message.value == "'" + HOSTILE_RAW
    why = _rows(book["Công tác bảo đảm an toàn thông"])[HOSTILE_TARGET]
    assert any(c.value == "'@SUM(1+1) " for c in why)  # type: ignore[attr-defined]  # control characters dropped
    assert not [c.coordinate for ws in book.worksheets for r in ws.iter_rows() for c in r if c.data_type == "f"]
    # and the audit CSV of the same verdicts
    shown = hostile.select()
    target = next(v for v in shown if v.target == HOSTILE_TARGET)
    target.missing = [HOSTILE_REASON[1]]
    cells = [c for row in csv.reader(io.StringIO(render_csv(shown, "vi"))) for c in row]
    assert "'" + HOSTILE_REASON[1] in cells and not any(c.startswith(FORMULA_START) for c in cells)


def test_text_cells() -> None:
    assert text("=1+1") == "'=1+1"
    assert text("\x01=1+1") == "'=1+1"  # what XML cannot hold is dropped first
    assert text("Sở TT&TT") == "Sở TT&TT"
    assert len(text("x" * 40_000)) == 32_767


@pytest.mark.parametrize(("wanted", "used", "name"), [
    ("Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước", set(), "Phát triển Chính quyền số trong"),
    ("a/b:c*d?[e]\\f", set(), "a-b-c-d--e--f"),
    ("'quoted'", set(), "quoted"),
    ("History", set(), "History (1)"),
    ("Số liệu", {"số liệu"}, "Số liệu (2)"),
    ("x" * 40, {"x" * 31, "x" * 27 + " (2)"}, "x" * 27 + " (3)"),
    ("", set(), "Sheet"),
])
def test_sheet_names(wanted: str, used: set[str], name: str) -> None:
    before = set(used)
    assert sheet_name(wanted, used) == name
    assert used == before | {name.lower()}


def test_the_trend_sheet(bundled: AuditResult, before: AuditResult, tmp_path: Path,
                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_report, "MAX_UNIT_SHEETS", 0)
    book = _book(bundled, tmp_path / "trend.xlsx", [before])
    ws = book["Xu hướng"]
    assert [c.value for c in ws[2]] == ["Mã", "Mục tiêu", "Kết quả 2021", "Giá trị 2021", "Kết quả 2022",
                                        "Giá trị 2022", "Thay đổi", "Chênh lệch"]
    rows = _rows(ws)
    assert rows["CQS-01"][4].value == "KHÔNG ĐẠT" and rows["CQS-01"][6].value == "mới không đạt"  # type: ignore[attr-defined]
    assert rows["ATTT-03"][5].value == pytest.approx(286 / 573)  # type: ignore[attr-defined]
    assert "CQS-04/department" in rows


def test_unit_sheets_are_capped(bundled: AuditResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_report, "MAX_UNIT_SHEETS", 5)
    book = _book(bundled, tmp_path / "capped.xlsx", lang="en")
    assert book.sheetnames[0] == "Summary" and "Figures" in book.sheetnames
    units = [u.id for u, _ in rd.unit_views(bundled)]
    assert [n for n in book.sheetnames if n in units] == units[:5]
    notes = [c.value for r in book["Summary"].iter_rows() for c in r if isinstance(c.value, str)]
    assert f"{len(units) - 5} units have no sheet of their own (more than 5): see «Figures»" in notes


def test_a_focus_unit_has_its_own_sheet_only(tmp_path: Path) -> None:
    result = run_audit(unit="SO-TTTT")
    book = _book(result, tmp_path / "unit.xlsx")
    assert "SO-TTTT" in book.sheetnames
    assert not [n for n in book.sheetnames if n.startswith(("SO-", "H-", "X-")) and n != "SO-TTTT"]
