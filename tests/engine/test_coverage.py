"""Coverage: "64/71 communes reported" on every verdict that pools or counts units, and the table of
who must still report (per target and unit), in the terminal and as JSON (plancheck.coverage/1)."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import jsonschema
import pytest
from engine_builders import PROVINCE_ID, by_key, make_facts, make_pack, make_registry, metric
from rich.console import Console
from test_cases import evaluated, load_case

from plancheck.audit import InputError, run_audit
from plancheck.engine.coverage import coverage
from plancheck.engine.evaluate import evaluate
from plancheck.engine.verdicts import Coverage, Status
from plancheck.render import format as fmt
from plancheck.render.coverage import coverage_dict, coverage_report, render_coverage
from plancheck.render.json_out import verdict_dict

RENDER = Path(__file__).resolve().parents[2] / "render"


def _partial() -> tuple[object, ...]:
    pack, registry, facts, _ = load_case("partial_data.yaml")
    ev = evaluated("partial_data.yaml")
    return pack, registry, facts, ev.verdicts


def test_coverage_per_scope_and_unit() -> None:
    pack, registry, facts, verdicts = _partial()
    report = coverage(pack, registry, facts, verdicts, "2022")  # type: ignore[arg-type]
    p01 = next(t for t in report.targets if t.target == "P-01")
    assert [(s.kind, s.id, s.reported, s.expected) for s in p01.scopes] == [
        ("province", PROVINCE_ID, 2, 3), ("level", "department", 2, 3)]
    units = {u.unit: u for u in p01.units}
    assert units["S1"].reported and units["S1"].status is Status.MET
    s3 = units["S3"]
    assert (s3.missing, s3.status, s3.denominator, s3.denominator_period) == (
        ("done", "total"), Status.INSUFFICIENT_DATA, Fraction(20), "2021")
    h2 = {u.unit: u for u in next(t for t in report.targets if t.target == "P-14").units}["H2"]
    assert (h2.missing, h2.denominator, h2.denominator_period) == (("done",), Fraction(50), "2022")
    x2 = {u.unit: u for u in next(t for t in report.targets if t.target == "P-18").units}["X2"]
    assert x2.denominator is None and x2.denominator_period == ""


def test_who_must_still_report() -> None:
    pack, registry, facts, verdicts = _partial()
    rows = {r.unit: r for r in coverage(pack, registry, facts, verdicts, "2022").still_to_report()}  # type: ignore[arg-type]
    assert list(rows) == ["TINH", "S3", "H2", "H3", "X2"]  # registry order
    assert rows["S3"].sent_nothing and not rows["H2"].sent_nothing
    assert rows["H2"].metrics == ["done"]
    assert {t for t, _, _ in rows["S3"].targets} >= {"P-01", "P-08", "P-11", "P-13"}
    assert rows["S3"].metrics == ["done", "total", "incidents", "ok", "secret"]


def test_one_target_only() -> None:
    pack, registry, facts, verdicts = _partial()
    report = coverage(pack, registry, facts, verdicts, "2022", "P-15")  # type: ignore[arg-type]
    assert [t.target for t in report.targets] == ["P-15"]
    assert [u.unit for u in report.targets[0].missing_units] == ["H3"]


def test_a_verdict_carries_its_coverage_at_every_roll_up() -> None:
    metrics = [metric("num"), metric("den"), metric("flag", "yes_no"), metric("cnt")]
    ratio = {"ratio": {"numerator": "num", "denominator": "den"}}
    pack = make_pack(metrics, [
        {"id": "A-1", "measure": ratio, "levels": ["district", "commune"], "threshold": ">= 50%"},
        {"id": "A-2", "measure": {"flag": "flag"}, "levels": ["district", "commune"], "rollup": "share_of_units",
         "threshold": ">= 50%"},
        {"id": "A-3", "measure": ratio, "levels": ["district", "commune"],
         "thresholds_by_level": {"district": ">= 50%", "commune": ">= 50%"}},
        {"id": "A-4", "all_of": [
            {"id": "p", "title_vi": "p", "measure": ratio, "levels": ["district"], "threshold": ">= 50%"},
            {"id": "q", "title_vi": "q", "measure": {"rate": {"count": "cnt"}}, "levels": ["commune"],
             "threshold": ">= 1"}]},
    ])
    registry = make_registry(departments=0, districts=2, communes=3)
    facts = make_facts([("H1", "num", 1), ("H1", "den", 2), ("H2", "num", 1), ("H2", "den", 2),
                        ("X1", "num", 1), ("X1", "den", 2), ("H1", "flag", 1), ("X1", "flag", 1), ("X2", "flag", 0),
                        ("X1", "cnt", 60)])
    v = by_key(evaluate(pack, facts, registry).verdicts)
    assert v[("A-1", "", "province", PROVINCE_ID)].coverage == Coverage(3, 5, ("district", "commune"))
    assert v[("A-1", "", "level", "commune")].coverage == Coverage(1, 3, ("commune",))
    assert v[("A-1", "", "unit", "X2")].coverage == Coverage(0, 1, ("commune",))
    assert v[("A-2", "", "province", PROVINCE_ID)].coverage == Coverage(3, 5, ("district", "commune"))
    assert v[("A-3", "", "province", PROVINCE_ID)].coverage == Coverage(3, 5, ("district", "commune"))
    # a compound target: a unit counts as reported if it sent every figure of every part it is in
    assert v[("A-4", "", "province", PROVINCE_ID)].coverage == Coverage(3, 5, ("district", "commune"))
    level = v[("A-1", "", "level", "commune")]
    assert fmt.coverage_text(level, "vi") == "1/3 xã báo cáo"
    assert fmt.coverage_text(level, "en") == "1/3 communes reported"
    assert fmt.coverage_text(v[("A-1", "", "province", PROVINCE_ID)], "en") == "3/5 units reported"
    assert fmt.coverage_text(v[("A-1", "", "unit", "X2")], "en") == ""  # a unit: reported or missing
    assert verdict_dict(level)["coverage"] == {"reported": 1, "expected": 3, "levels": ["commune"]}


def test_bounds_read_in_the_value_cell() -> None:
    v = by_key(evaluated("partial_data.yaml").verdicts)
    assert fmt.value_text(v[("P-03", "", "province", PROVINCE_ID)], "vi") == "77,3%–86,4%"
    assert fmt.value_text(v[("P-15", "", "province", PROVINCE_ID)], "en") == "≥ 0.8/week"
    doc = verdict_dict(v[("P-15", "", "province", PROVINCE_ID)])
    assert doc["bounds"] == [{"exact": "5/6", "decimal": "0.833333"}, None]
    assert doc["partial_value"] == {"exact": "5/4", "decimal": "1.25"} and doc["value"] is None


# -- the bundled audit ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bundled() -> object:
    return run_audit()


def test_coverage_of_the_bundled_audit(bundled: object) -> None:
    report = coverage_report(bundled, None)  # type: ignore[arg-type]
    rows = {r.unit: r for r in report.still_to_report()}
    silent = {"X-GIA-NGHIA-NGHIA-TRUNG", "X-DAK-RLAP-NHAN-CO", "X-TUY-DUC-QUANG-TAM"}
    assert silent <= set(rows) and all(rows[u].sent_nothing for u in silent)
    assert rows["SO-XAY-DUNG"].metrics == ["online_services_level34"] and not rows["SO-XAY-DUNG"].sent_nothing
    console = Console(record=True, width=160)
    render_coverage(bundled, report, "vi", console)  # type: ignore[arg-type]
    text = console.export_text()
    assert "Cấp xã: 68/71" in text and "chưa gửi số liệu nào kỳ 2022" in text
    doc = coverage_dict(bundled, report)  # type: ignore[arg-type]
    jsonschema.validate(doc, json.loads((RENDER / "coverage.schema.json").read_text("utf-8")))


def test_coverage_of_one_bundled_target(bundled: object) -> None:
    report = coverage_report(bundled, "dvc-04")  # type: ignore[arg-type]
    assert [t.target for t in report.targets] == ["DVC-04"]
    console = Console(record=True, width=160)
    render_coverage(bundled, report, "en", console)  # type: ignore[arg-type]
    text = console.export_text()
    assert "18/19" in text and "online_services_level34" in text
    with pytest.raises(InputError, match="unknown target"):
        coverage_report(bundled, "DVC-99")  # type: ignore[arg-type]
