"""Reading Excel submissions: sheets as people fill them in, cells read exactly, every problem with
its file, sheet, row and cell."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from plancheck.diagnostics import Severity
from plancheck.facts.load import load_facts
from plancheck.facts.loaders import read_file, read_paths
from plancheck.facts.model import Registry
from plancheck.facts.xlsx_loader import COLUMNS, TITLES, header_key
from plancheck.rules.model import Pack

Rows = list[list[Any]]


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths relative to the working folder, as a user types them."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "subs").mkdir()


def _book(rows: Rows, name: str = "subs/so-tttt.xlsx", sheet: str = "Số liệu",
          more: Callable[[Worksheet], None] | None = None) -> Path:
    """A workbook of one sheet holding ``rows`` from A1 (None: an empty cell)."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(r, c, value)
    if more is not None:
        more(ws)
    book.save(name)
    return Path(name)


def _by_metric(path: Path, pack: Pack, registry: Registry) -> dict[tuple[str, str], Fraction]:
    load = load_facts([path], pack, registry)
    return {(v.unit, v.metric): v.value for v in load.facts}


# --- a sheet as a person fills it ----------------------------------------------------------------------------

def _person(ws: Worksheet) -> None:
    ws.merge_cells("A1:E1")
    ws.merge_cells("A2:E2")
    ws["D9"].number_format = "0.0%"  # a percentage cell: 0.334 shows 33,4%


PERSON: Rows = [
    ["BÁO CÁO SỐ LIỆU CHUYỂN ĐỔI SỐ NĂM 2022"],
    ["(Kèm theo Công văn số 12/STTTT)"],
    [],
    [None, "Kỳ báo cáo:", "2022"],
    [None, "NGÀY BÁO CÁO", datetime(2023, 1, 12, 9, 30)],
    [],
    ["STT", "Đơn vị", "Mã chỉ tiêu", "Giá trị", "Ghi chú"],
    ["(1)", "(2)", "(3)", "(4)", "(5)"],
    [1, "SO-TTTT", "online_records_pct", 0.334, None],
    [2, "SO-TTTT", "info_systems_total", 12, "kể cả 2 hệ thống dùng chung"],
    [3, "Sở TT&TT", "info_systems_classified", "9"],
    [],
    [4, "SO-TTTT", "has_document_system", True],
    [None, "Huyện Cư Jút"],
    [5, "UBND huyện Cư Jút", "online_records_pct", "33,4%"],
    [6, "UBND huyện Cư Jút", "news_items", "1.234.567"],
    [7, "UBND huyện Cư Jút", "population_density", 0.1 + 0.2],
]


def test_a_sheet_as_a_person_fills_it(pack: Pack, registry: Registry) -> None:
    path = _book(PERSON, more=_person)
    read = read_file(path)
    assert read.diagnostics == []
    assert read.submissions == 3  # SO-TTTT, Sở TT&TT (the same unit: validation joins them), Cư Jút
    records = {(r.location.line, r.metric): r for r in read.records}
    assert sorted(records) == [(9, "online_records_pct"), (10, "info_systems_total"), (11, "info_systems_classified"),
                               (13, "has_document_system"), (15, "online_records_pct"), (16, "news_items"),
                               (17, "population_density")]
    pct = records[(9, "online_records_pct")]
    assert (pct.value, pct.text, pct.percent) == (Decimal("33.4"), "33,4%", True)
    assert (pct.location.sheet, pct.location.cell, pct.location.field) == ("Số liệu", "D9", "online_records_pct")
    assert (pct.period, pct.period_location.cell, pct.submitted_at) == ("2022", "C4", "2023-01-12T09:30")
    assert pct.unit_location.cell == "B9"
    assert records[(10, "info_systems_total")].value == 12
    assert records[(10, "info_systems_total")].note == "kể cả 2 hệ thống dùng chung"
    assert records[(16, "news_items")].value == "1.234.567"  # text: parsed as a CSV cell is
    noise = records[(17, "population_density")]
    assert (noise.value, noise.text) == (Decimal("0.3"), "0,3")  # 0.30000000000000004 as Excel keeps it

    assert _by_metric(path, pack, registry) == {
        ("SO-TTTT", "online_records_pct"): Fraction(167, 500),
        ("SO-TTTT", "info_systems_total"): Fraction(12),
        ("SO-TTTT", "info_systems_classified"): Fraction(9),
        ("SO-TTTT", "has_document_system"): Fraction(1),
        ("H-CU-JUT", "online_records_pct"): Fraction(167, 500),
        ("H-CU-JUT", "news_items"): Fraction(1234567),
        ("H-CU-JUT", "population_density"): Fraction(3, 10),
    }


def test_english_headers_of_the_csv_format(pack: Pack, registry: Registry) -> None:
    path = _book([
        ["unit", "period", "metric", "value", "submitted_by", "submitted_at", "note"],
        ["H-CU-JUT", 2022, "news_items", 52, "Lê Thị B", datetime(2022, 12, 30), "x"],
        ["H-CU-JUT", "2022", "population_density", 79.75, "Lê Thị B", "30/12/2022"],
    ], sheet="Sheet1")
    read = read_file(path)
    assert read.diagnostics == []
    first, second = read.records
    assert (first.period, first.submitted_by, first.submitted_at, first.note) == ("2022", "Lê Thị B", "2022-12-30", "x")
    assert second.submitted_at == "30/12/2022"
    assert _by_metric(path, pack, registry) == {("H-CU-JUT", "news_items"): Fraction(52),
                                                ("H-CU-JUT", "population_density"): Fraction(319, 4)}


def test_numbers_exactly_as_the_cell_holds_them(pack: Pack, registry: Registry) -> None:
    def formats(ws: Worksheet) -> None:
        ws["C5"].number_format = "0%"  # shows 33%, holds 1/3: the value, not the display
        ws["C6"].number_format = '0.00" %"'  # a % in quoted text: not a percentage format

    path = _book([
        ["Mã đơn vị:", "H-CU-JUT"],
        ["Kỳ báo cáo:", "2022"],
        [],
        ["STT", "Chỉ tiêu", "Số liệu"],
        [1, "online_records_pct", 1 / 3],
        [2, "population_density", 12.5],
        [3, "news_items", 22639373567],
    ], more=formats)
    assert _by_metric(path, pack, registry) == {
        ("H-CU-JUT", "online_records_pct"): Fraction(Decimal("33.3333333333333")) / 100,  # 15 digits, as Excel
        ("H-CU-JUT", "population_density"): Fraction(25, 2),
        ("H-CU-JUT", "news_items"): Fraction(22639373567),
    }
    assert [r.text for r in read_file(path).records] == ["33,3333333333333%", "12,5", "22.639.373.567"]


def test_a_period_typed_as_a_month_that_excel_made_a_date(pack: Pack, registry: Registry) -> None:
    def month(ws: Worksheet) -> None:
        ws["B2"].number_format = "mmm-yy"

    path = _book([["Đơn vị:", "SO-TTTT"], ["Kỳ:", datetime(2022, 7, 1)], ["Mã chỉ tiêu", "Giá trị"],
                  ["info_systems_total", 3]], more=month)
    assert {v.period for v in load_facts([path], pack, registry).facts} == {"2022-07"}
    dated = _book([["Đơn vị:", "SO-TTTT"], ["Kỳ:", datetime(2022, 7, 1)], ["Mã chỉ tiêu", "Giá trị"],
                   ["info_systems_total", 3]], name="subs/dated.xlsx")
    [error] = load_facts([dated], pack, registry).diagnostics
    assert (error.code, error.location.cell) == ("F004", "B2") and "'2022-07-01'" in error.message


# --- problems, each with its file, sheet, row and cell ---------------------------------------------------------

def _sheet_with(value: Any, metric: str = "info_systems_total", fmt: str | None = None) -> Path:
    """A form whose value for ``metric`` is at C14."""
    def style(ws: Worksheet) -> None:
        if fmt is not None:
            ws["C14"].number_format = fmt

    rows: Rows = [["Biểu số liệu"], [], ["Mã đơn vị:", "SO-TTTT"], ["Kỳ báo cáo:", "2022"], []]
    rows += [[]] * 7 + [["STT", "Mã chỉ tiêu", "Giá trị"], [1, metric, value]]
    return _book(rows, more=style)


def test_a_bad_value_names_file_sheet_row_cell_field_and_what_was_expected(pack: Pack, registry: Registry) -> None:
    [error] = load_facts([_sheet_with("abc")], pack, registry).diagnostics
    assert str(error) == (
        "subs/so-tttt.xlsx[Số liệu]:14: F005: info_systems_total (Số liệu!C14): N001: not a number: 'abc' "
        "(write digits, dots between thousands, a comma for decimals)")
    assert error.as_dict() | {"suggestion": ""} == {
        "code": "F005", "severity": "error", "message": "N001: not a number: 'abc'", "file": "subs/so-tttt.xlsx",
        "line": 14, "field": "info_systems_total", "suggestion": "", "sheet": "Số liệu", "cell": "C14"}
    [whole] = load_facts([_sheet_with(3.5)], pack, registry).diagnostics
    assert (whole.code, whole.message, whole.location.cell) == ("F007", "'3,5' is not a whole number (a count)", "C14")


def test_a_percentage_cell_for_a_count(pack: Pack, registry: Registry) -> None:
    [error] = load_facts([_sheet_with(0.5, fmt="0%")], pack, registry).diagnostics
    assert (error.code, error.location.cell) == ("F005", "C14")
    assert error.message == "'50%' is a percentage, but this metric is a count"
    assert "not a percentage" in error.suggestion


def test_unknown_metric(pack: Pack, registry: Registry) -> None:
    [error] = load_facts([_sheet_with(12, metric="info_system_total")], pack, registry).diagnostics
    assert (error.code, error.location.line, error.location.cell) == ("F002", 14, "C14")
    assert error.suggestion == "did you mean `info_systems_total`?"


def test_a_date_and_an_error_in_value_cells() -> None:
    [date_error] = read_file(_sheet_with(datetime(2022, 2, 1))).diagnostics
    assert (date_error.code, date_error.location.cell) == ("F022", "C14")
    assert "01/02/2022" in date_error.message and "format the cell as Number" in date_error.suggestion
    [error] = read_file(_sheet_with("#DIV/0!")).diagnostics
    assert (error.code, error.message) == ("F030", "the cell holds the error #DIV/0!")


def _cache(path: Path, cell: str, value: str) -> None:
    """Give the formula of ``cell`` a saved result, as a spreadsheet program does when it saves."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    found = re.search(rf'<c r="{cell}"[^>]*>\s*<f>([^<]*)</f>\s*(<v\s*/>|<v></v>)?', sheet)
    assert found is not None
    sheet = sheet.replace(found.group(0), f'<c r="{cell}"><f>{found.group(1)}</f><v>{value}</v>', 1)
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_formulas_with_and_without_a_saved_result(pack: Pack, registry: Registry) -> None:
    path = _book([["Mã đơn vị:", "SO-TTTT"], ["Kỳ báo cáo:", "2022"], [],
                  ["Mã chỉ tiêu", "Giá trị"],
                  ["info_systems_classified", 4], ["info_systems_total", "=B5+3"],
                  ["population_density", "=B5/0,5"], ["news_items", None]])
    _cache(path, "B6", "7")
    load = load_facts([path], pack, registry)
    assert [(d.code, d.location.cell) for d in load.diagnostics] == [("F030", "B7"), ("F003", "B8")]
    formula = load.diagnostics[0]
    assert formula.message == "the formula =B5/0,5 has no saved result"
    assert "save it" in formula.suggestion
    assert {v.metric: v.value for v in load.facts} == {"info_systems_classified": 4, "info_systems_total": 7}


def test_blank_values_are_not_reported_and_rows_without_metric_or_value_are_skipped(
        pack: Pack, registry: Registry) -> None:
    path = _book([["Mã đơn vị:", "SO-TTTT"], ["Kỳ báo cáo:", "2022"], ["STT", "Mã chỉ tiêu", "Giá trị"],
                  [1, "info_systems_total", None], [2], [None, None, None, "a note far right"],
                  [3, None, 5]])
    load = load_facts([path], pack, registry)
    assert [(d.code, d.severity, d.location.cell) for d in load.diagnostics] == [
        ("F015", Severity.WARNING, "C4"), ("F023", Severity.ERROR, "B7")]
    assert load.diagnostics[1].message == "the row has no `metric`"


# --- which sheets ------------------------------------------------------------------------------------------------

def test_no_recognisable_sheet_names_the_sheets_looked_at() -> None:
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    book.active["A1"] = "Tổng hợp"
    book.create_sheet("Ghi chú")["B2"] = "Giá trị"
    book.save("subs/x.xlsx")
    [error] = read_file(Path("subs/x.xlsx")).diagnostics
    assert (error.code, error.location.file, error.location.sheet) == ("F024", "subs/x.xlsx", "")
    assert error.message == ("no sheet has a header row naming a metric column and a value column "
                             "(looked at 'Sheet1', 'Ghi chú')")
    assert "Mã chỉ tiêu | Giá trị" in error.suggestion


def test_an_empty_workbook_is_a_warning() -> None:
    openpyxl.Workbook().save("subs/empty.xlsx")
    [warning] = read_file(Path("subs/empty.xlsx")).diagnostics
    assert (warning.code, warning.severity, warning.message) == ("F027", Severity.WARNING, "empty workbook: no cells")


def test_the_data_sheet_is_read_and_no_other() -> None:
    book = openpyxl.Workbook()
    book.active.title = "Hướng dẫn"
    for row in (["unit", "period", "metric", "value"], ["SO-TTTT", "2022", "info_systems_total", 1]):
        book.active.append(row)
    data = book.create_sheet("SỐ LIỆU")
    for row in (["Mã đơn vị", "Kỳ báo cáo", "Mã chỉ tiêu", "Giá trị"], ["SO-TTTT", "2022", "news_items", 2]):
        data.append(row)
    book.save("subs/a.xlsx")
    read = read_file(Path("subs/a.xlsx"))
    assert [(r.metric, r.location.sheet) for r in read.records] == [("news_items", "SỐ LIỆU")]
    del book["SỐ LIỆU"]
    book.create_sheet("Số liệu")["A1"] = "chưa điền"
    book.save("subs/a.xlsx")
    [error] = read_file(Path("subs/a.xlsx")).diagnostics
    assert (error.code, error.location.sheet) == ("F024", "Số liệu")
    assert error.message == "the sheet 'Số liệu' has no header row naming a metric column and a value column"


def test_without_a_data_sheet_every_sheet_with_a_header_is_read() -> None:
    book = openpyxl.Workbook()
    book.active.title = "Quý 1"
    book.active.append(["unit", "period", "metric", "value"])
    book.active.append(["SO-TTTT", "2022-Q1", "info_systems_total", 1])
    book.create_sheet("Ghi chú")["A1"] = "Số liệu tạm tính"
    q2 = book.create_sheet("Quý 2")
    q2.append(["unit", "period", "metric", "value"])
    q2.append(["SO-TTTT", "2022-Q2", "info_systems_total", 2])
    book.save("subs/q.xlsx")
    read = read_file(Path("subs/q.xlsx"))
    assert read.diagnostics == []
    assert [(r.period, r.value, str(r.location)) for r in read.records] == [
        ("2022-Q1", 1, "subs/q.xlsx[Quý 1]:2"), ("2022-Q2", 2, "subs/q.xlsx[Quý 2]:2")]
    assert read.submissions == 2


def test_a_sheet_without_a_unit_and_unknown_or_second_columns() -> None:
    [error] = read_file(_book([["Kỳ báo cáo: 2022"], ["Chỉ tiêu", "Giá trị"], ["news_items", 1]])).diagnostics
    assert (error.code, error.location.line, error.location.field) == ("F024", 2, "unit")
    assert error.message == ("the sheet gives no unit: no column Mã đơn vị (unit) in the header, "
                             "and no 'Mã đơn vị:' above it")
    read = read_file(_book([["Kỳ báo cáo: 2022"], ["Đơn vị", "Mã đơn vị", "Chỉ tiêu", "Giá trị", "Kế hoạch", "STT"],
                            ["Sở TT&TT", "SO-TTTT", "news_items", 1, 5, 1]], name="subs/b.xlsx"))
    assert [(d.code, d.severity, d.location.cell, d.message) for d in read.diagnostics] == [
        ("F027", Severity.WARNING, "E2", "unknown column 'Kế hoạch', ignored"),
        ("F027", Severity.WARNING, "A2", "column 'Đơn vị' is ignored: column B ('Mã đơn vị') gives the unit")]
    assert [r.unit for r in read.records] == ["SO-TTTT"]


# --- files and folders -------------------------------------------------------------------------------------------

def test_a_folder_reads_workbooks_and_names_what_it_does_not(tmp_path: Path) -> None:
    _book([["unit", "period", "metric", "value"], ["SO-TTTT", "2022", "news_items", 1]])
    (tmp_path / "subs" / "~$so-tttt.xlsx").write_bytes(b"\x00lock")  # Excel's lock file, while it is open
    (tmp_path / "subs" / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "subs" / "broken.xlsx").write_bytes(b"PK")
    read = read_paths([Path("subs")])
    assert [(d.code, d.location.file) for d in read.diagnostics] == [
        ("F021", "subs/broken.xlsx"), ("F028", "subs/old.xls")]
    assert "not an Excel workbook (.xlsx)" in read.diagnostics[0].message
    assert "save it as an Excel Workbook (.xlsx)" in read.diagnostics[1].suggestion
    assert read.files == ["subs/broken.xlsx", "subs/so-tttt.xlsx"]
    assert [r.value for r in read.records] == [1]


def test_header_words() -> None:
    assert header_key("  Mã   chỉ tiêu: ") == "ma chi tieu"
    assert header_key("GIÁ TRỊ (số)") == "gia tri"
    assert header_key("Đơn vị tính") == "don vi tinh"
    assert header_key("submitted_at") == "submitted_at"
    for column, title in TITLES.items():  # the form's titles are names the reader knows
        assert header_key(title) in COLUMNS[column]
