"""Forms to fill in: which metrics, how the workbook checks what is typed, and that a filled form
reads back exactly and decides the audit, in every format."""

from __future__ import annotations

import csv
from datetime import datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from plancheck.audit import load_rule_pack, load_unit_registry, run_audit
from plancheck.engine.verdicts import ScopeKind, Status
from plancheck.facts.load import load_facts
from plancheck.facts.model import Registry
from plancheck.facts.template import GUIDE_SHEET, TemplateError, build_form, period_vi, write_template
from plancheck.facts.xlsx_loader import DATA_SHEET
from plancheck.rules.model import Level, Pack


@pytest.fixture(scope="module")
def bundled() -> tuple[Pack, Registry]:
    pack, _ = load_rule_pack(None)
    return pack, load_unit_registry(None)


# --- what a form asks ----------------------------------------------------------------------------------------------

def test_a_units_form_lists_its_levels_metrics_and_what_uses_them(pack: Pack, registry: Registry) -> None:
    form = build_form(pack, registry, "Sở TT&TT", "2022")
    assert [u.id for u in form.units] == ["SO-TTTT"] and not form.whole_level
    assert [(r.metric.id, r.used_by, [w.id for w in r.wholes]) for r in form.rows] == [
        ("info_systems_total", ("ATTT-1",), []),
        ("info_systems_classified", ("ATTT-1",), ["info_systems_total"]),
        ("online_records_pct", (), []),
        ("has_document_system", (), []),
        ("population_density", (), []),
    ]
    assert form.unused == ["online_records_pct", "has_document_system", "population_density"]
    assert form.rows[2].note_vi(lambda w: w.id).startswith("Không dùng để đánh giá mục tiêu nào")
    assert form.rows[1].note_vi(lambda w: w.id) == "Dùng để đánh giá: ATTT-1; không lớn hơn info_systems_total"


def test_a_levels_form_has_every_unit_of_the_level(pack: Pack, registry: Registry) -> None:
    form = build_form(pack, registry, "commune", "2022-Q3")
    assert form.whole_level and len(form.units) == 71 and {u.level.value for u in form.units} == {"commune"}
    assert "news_items" in [r.metric.id for r in form.rows] and "has_document_system" not in form.unused
    assert build_form(pack, registry, "Cấp xã", "2022-Q3").units == form.units
    assert build_form(pack, registry, "province", "2022").whole_level  # one unit, still the level's form
    assert form.who_vi == "Cấp xã (71 đơn vị)"


def test_what_cannot_be_a_form(tmp_path: Path, pack: Pack, registry: Registry) -> None:
    with pytest.raises(TemplateError) as unit:
        build_form(pack, registry, "SO-TTT", "2022")
    [d] = unit.value.diagnostics
    assert (d.code, d.message, d.suggestion) == ("O002", "unknown unit or level 'SO-TTT'", "did you mean `SO-TTTT`?")
    with pytest.raises(TemplateError) as period:
        build_form(pack, registry, "SO-TTTT", "2022-Q5")
    assert period.value.diagnostics[0].code == "O001"
    with pytest.raises(TemplateError) as fmt:
        write_template(pack, registry, "SO-TTTT", "2022", "xls", tmp_path / "a.xls")
    assert fmt.value.diagnostics[0].code == "O005" and not (tmp_path / "a.xls").exists()
    no_province = pack.model_copy(update={"metrics": [m for m in pack.metrics if m.id != "it_budget_vnd"]})
    with pytest.raises(TemplateError) as nothing:
        build_form(no_province, registry, "province", "2022")
    assert nothing.value.diagnostics[0].message == "no form for province: the pack asks that level for no metric"


def test_periods_in_vietnamese() -> None:
    assert [period_vi(p) for p in ("2022", "2022-Q3", "2022-07")] == ["năm 2022", "quý III năm 2022",
                                                                      "tháng 7 năm 2022"]


# --- the workbook ----------------------------------------------------------------------------------------------------

def test_the_workbook_of_a_unit(tmp_path: Path, pack: Pack, registry: Registry) -> None:
    path = tmp_path / "so-tttt.xlsx"
    write_template(pack, registry, "SO-TTTT", "2022-Q3", "xlsx", path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [DATA_SHEET, GUIDE_SHEET]
    ws = book[DATA_SHEET]
    assert {str(r) for r in ws.merged_cells.ranges} == {"A1:G1", "A2:G2", "A3:G3"}
    assert ws["A3"].value == "Sở Thông tin và Truyền thông – kỳ báo cáo quý III năm 2022"
    assert [(ws.cell(r, 2).value, ws.cell(r, 3).value) for r in range(5, 9)] == [
        ("Mã đơn vị:", "SO-TTTT"), ("Kỳ báo cáo:", "2022-Q3"), ("Người báo cáo:", None), ("Ngày báo cáo:", None)]
    assert [c.value for c in ws[10]] == ["STT", "Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Giá trị", "Ghi chú",
                                         "Lưu ý"]
    assert ws.freeze_panes == "A11"
    rows = {ws.cell(r, 2).value: r for r in range(11, ws.max_row + 1)}
    assert list(rows) == ["info_systems_total", "info_systems_classified", "online_records_pct",
                          "has_document_system", "population_density"]
    assert all(ws.cell(r, 5).value is None for r in rows.values())
    assert ws.cell(rows["population_density"], 7).value.startswith("Không dùng để đánh giá mục tiêu nào")
    assert ws.cell(rows["info_systems_classified"], 7).value == (
        "Dùng để đánh giá: ATTT-1; không lớn hơn info_systems_total (dòng 11)")
    rules = {(dv.type, dv.operator, dv.formula1, dv.formula2): str(dv.sqref)
             for dv in ws.data_validations.dataValidation}
    assert rules == {
        ("whole", "greaterThanOrEqual", "0", None): "E11",
        ("custom", None, "AND(ISNUMBER(E12),E12>=0,E12=INT(E12),OR(ISBLANK(E11),E12<=E11))", None): "E12",
        ("decimal", "between", "0", "100"): "E13",
        ("list", None, '"có,không"', None): "E14",
        ("decimal", "greaterThanOrEqual", "0", None): "E15",
    }
    guide = " ".join(str(c.value) for c in book[GUIDE_SHEET]["A"])
    assert "HƯỚNG DẪN" in guide and "không phải số 0" in guide and "3 chỉ tiêu không dùng" in guide


def test_the_workbook_of_a_level_has_a_block_per_unit(tmp_path: Path, pack: Pack, registry: Registry) -> None:
    path = tmp_path / "xa.xlsx"
    form = write_template(pack, registry, "commune", "2022", "xlsx", path)
    ws = openpyxl.load_workbook(path)[DATA_SHEET]
    assert ws["A3"].value == "Cấp xã (71 đơn vị) – kỳ báo cáo năm 2022"
    assert [c.value for c in ws[9]][:4] == ["STT", "Mã đơn vị", "Tên đơn vị", "Mã chỉ tiêu"]
    per_unit = len(form.rows)
    assert ws.max_row == 9 + 71 * per_unit
    second = 10 + per_unit
    assert (ws.cell(second, 1).value, ws.cell(second, 2).value) == (1, form.units[1].id)
    [part] = [dv for dv in ws.data_validations.dataValidation if dv.type == "custom"]
    assert part.formula1 == "AND(ISNUMBER(G11),G11>=0,G11=INT(G11),OR(ISBLANK(G10),G11<=G10))"
    assert str(part.sqref).split() == [f"G{11 + k * per_unit}" for k in range(71)]  # one rule, every block


# --- filled in and read back ------------------------------------------------------------------------------------

def _fill_xlsx(path: Path, values: dict[str, Any], percent: tuple[str, ...] = ()) -> None:
    """Type values into the form as a person does: text, numbers, a percentage cell; who and when."""
    book = openpyxl.load_workbook(path)
    ws = book[DATA_SHEET]
    rows = {ws.cell(r, 2).value: r for r in range(1, ws.max_row + 1)}
    for metric, value in values.items():
        cell = ws.cell(rows[metric], 5, value)
        if metric in percent:
            cell.number_format = "0.0%"
    ws["C7"], ws["C8"] = "Nguyễn Văn A", datetime(2023, 1, 12, 9, 30)
    book.save(path)


def _unit_verdict(fact_path: Path, target: str, unit: str) -> Any:
    """The verdict of a target for one unit (the province's own figures: the province's verdict)."""
    result = run_audit(fact_paths=[fact_path], unit=unit)
    [verdict] = [v for v in result.evaluation.verdicts if v.target == target and v.scope.id == unit
                 and v.scope.kind in (ScopeKind.UNIT, ScopeKind.PROVINCE)]
    return verdict


def test_a_filled_workbook_reads_back_exactly_and_decides(tmp_path: Path, bundled: tuple[Pack, Registry]) -> None:
    pack, registry = bundled
    path = tmp_path / "so-tttt.xlsx"
    write_template(pack, registry, "SO-TTTT", "2022", "xlsx", path)
    _fill_xlsx(path, {"documents_sent_total": "12.480", "documents_sent_online": 11906, "documents_sent_secret": 41,
                      "doc_system_deployed": "có"})
    load = load_facts([path], pack, registry)
    assert {d.code for d in load.diagnostics} == {"F015"}  # the metrics left empty, nothing else
    got = {v.metric: v for v in load.facts}
    assert {m: v.value for m, v in got.items()} == {"documents_sent_total": 12480, "documents_sent_online": 11906,
                                                    "documents_sent_secret": 41, "doc_system_deployed": 1}
    online = got["documents_sent_online"]
    assert (online.source.sheet, online.submitted_by, online.submitted_at) == (DATA_SHEET, "Nguyễn Văn A",
                                                                                "2023-01-12T09:30")
    verdict = _unit_verdict(path, "CQS-02", "SO-TTTT")
    assert verdict.status is Status.MET and verdict.value == Fraction(11906, 12480 - 41)
    assert {f.file for f in verdict.facts} == {str(path)}


def test_a_filled_province_workbook_with_percentages_and_amounts(tmp_path: Path,
                                                                 bundled: tuple[Pack, Registry]) -> None:
    pack, registry = bundled
    path = tmp_path / "tinh.xlsx"
    [province] = registry.at_level(Level.PROVINCE)
    write_template(pack, registry, province.id, "2022", "xlsx", path)
    _fill_xlsx(path, {"satisfaction_rate": 0.915, "retail_revenue": "22.639.373.567",
                      "ecommerce_revenue": 1500000000}, percent=("satisfaction_rate",))
    facts = {v.metric: v.value for v in load_facts([path], pack, registry).facts}
    assert facts == {"satisfaction_rate": Fraction(183, 200), "retail_revenue": 22639373567,
                     "ecommerce_revenue": 1500000000}
    dvc = _unit_verdict(path, "DVC-06", province.id)
    assert dvc.status is Status.MET and dvc.value == Fraction(183, 200)
    kts = _unit_verdict(path, "KTS-05", province.id)
    assert kts.status is Status.MET and kts.value == Fraction(1500000000, 22639373567)


def test_a_filled_level_workbook_is_a_submission_per_unit(tmp_path: Path, pack: Pack, registry: Registry) -> None:
    path = tmp_path / "xa.xlsx"
    form = write_template(pack, registry, "commune", "2022", "xlsx", path)
    book = openpyxl.load_workbook(path)
    ws = book[DATA_SHEET]
    first, second = form.units[0].id, form.units[1].id
    for r in range(10, ws.max_row + 1):
        unit, metric = ws.cell(r, 2).value, ws.cell(r, 4).value
        if (unit, metric) == (first, "news_items"):
            ws.cell(r, 7, "1.234")
        elif (unit, metric) == (second, "online_records_pct"):
            ws.cell(r, 7, "33,4%")
    book.save(path)
    load = load_facts([path], pack, registry)
    assert load.submissions == 71
    assert {(v.unit, v.metric): v.value for v in load.facts} == {(first, "news_items"): 1234,
                                                                 (second, "online_records_pct"): Fraction(167, 500)}
    assert {d.code for d in load.diagnostics} == {"F015"} and load.blank_values == 71 * len(form.rows) - 2


def test_a_filled_csv_reads_back_and_decides(tmp_path: Path, bundled: tuple[Pack, Registry]) -> None:
    pack, registry = bundled
    path = tmp_path / "so-tttt.csv"
    write_template(pack, registry, "SO-TTTT", "2022", "csv", path)
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["unit", "period", "metric", "value", "submitted_by", "submitted_at", "note"]
    assert rows[1] == ["SO-TTTT", "2022", "doc_system_deployed", "", "", "", ""]
    typed = {"documents_sent_total": "12.480", "documents_sent_online": "11.906", "documents_sent_secret": "41"}
    for row in rows[1:]:
        row[3] = typed.get(row[2], "")
        row[4], row[5] = "Nguyễn Văn A", "12/01/2023"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    load = load_facts([path], pack, registry)
    assert {v.metric: v.value for v in load.facts} == {"documents_sent_total": 12480, "documents_sent_online": 11906,
                                                       "documents_sent_secret": 41}
    assert {d.code for d in load.diagnostics} == {"F015"}
    verdict = _unit_verdict(path, "CQS-02", "SO-TTTT")
    assert verdict.status is Status.MET and verdict.value == Fraction(11906, 12439)


def test_a_filled_yaml_reads_back_and_decides(tmp_path: Path, bundled: tuple[Pack, Registry]) -> None:
    pack, registry = bundled
    path = tmp_path / "tinh.yaml"
    [province] = registry.at_level(Level.PROVINCE)
    write_template(pack, registry, province.id, "2022", "yaml", path)
    text = path.read_text(encoding="utf-8")
    assert "# Tỷ lệ người dân, doanh nghiệp hài lòng" in text and "\nvalues:\n" in text
    for metric, value in {"satisfaction_rate": '"91,5%"', "retail_revenue": '"22.639.373.567"',
                          "ecommerce_revenue": "1500000000"}.items():
        assert text.count(f"  {metric}:\n") == 1
        text = text.replace(f"  {metric}:\n", f"  {metric}: {value}\n")
    path.write_text(text.replace("submitted_at:", "submitted_at: 12/01/2023"), encoding="utf-8")
    load = load_facts([path], pack, registry)
    assert {v.metric: v.value for v in load.facts} == {"satisfaction_rate": Fraction(183, 200),
                                                       "retail_revenue": 22639373567, "ecommerce_revenue": 1500000000}
    assert {d.code for d in load.diagnostics} == {"F015"}
    assert _unit_verdict(path, "DVC-06", province.id).status is Status.MET


def test_a_levels_yaml_lists_a_submission_per_unit(tmp_path: Path, pack: Pack, registry: Registry) -> None:
    path = tmp_path / "huyen.yaml"
    form = write_template(pack, registry, "district", "2022", "yaml", path)
    text = path.read_text(encoding="utf-8").replace("      news_items:\n", '      news_items: "61"\n', 1)
    path.write_text(text, encoding="utf-8")
    load = load_facts([path], pack, registry)
    assert load.submissions == 8 and load.blank_values == 8 * len(form.rows) - 1
    assert {(v.unit, v.metric): v.value for v in load.facts} == {(form.units[0].id, "news_items"): 61}
