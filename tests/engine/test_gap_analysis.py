"""Gap analysis: for a scope not met, the units to call, ranked by how much each closes on its own,
with the scope's value once the units down to it have closed their shortfall. Every figure below
is computed by hand."""

from __future__ import annotations

import json
from datetime import date
from fractions import Fraction
from typing import Any

import pytest
from engine_builders import PROVINCE_ID, make_facts, make_pack, make_registry, metric
from rich.console import Console

from plancheck.audit import AuditResult, InputError, run_audit
from plancheck.engine.evaluate import evaluate
from plancheck.engine.gap_analysis import GapReport, gap_analysis
from plancheck.engine.verdicts import Status
from plancheck.facts import SAMPLES_DIR
from plancheck.facts.load import FactLoad
from plancheck.facts.model import Registry
from plancheck.render.gap import gap_dict, render_gap, unit_sentence

METRICS = [
    metric("total", unit_vi="hệ thống", unit_en="systems"),
    metric("done", unit_vi="hệ thống", unit_en="systems"),
    metric("uses", "yes_no"),
]
RATIO = {"ratio": {"numerator": "done", "denominator": "total"}}


def audit(targets: list[dict[str, Any]], rows: list[tuple[object, ...]], registry: Registry) -> AuditResult:
    pack = make_pack(METRICS, targets)
    facts = make_facts(rows)
    evaluation = evaluate(pack, facts, registry)
    load = FactLoad(facts=facts, diagnostics=[], files=[], submissions=0, accepted_values=len(facts),
                    rejected_values=0)
    return AuditResult(pack=pack, registry=registry, period="2022", evaluation=evaluation, load=load,
                       pack_path="test", fact_paths=[], seconds=0.0)


def shortfalls(report: GapReport) -> list[tuple[str, Fraction, Fraction | None, bool | None]]:
    return [(r.unit, r.need, r.after_value, r.after_met) for r in report.shortfalls]


# Four departments, pooled, at least 70%: S1 18/40 needs 28 (10 more), S2 5/10 needs 7 (2 more),
# S3 30/30 meets it, S4 2/20 needs 14 (12 more). Pooled: 55/100 needs 70, 15 more.
POOLED = [{"id": "T-1", "measure": RATIO, "levels": ["department"], "threshold": ">= 70%"}]
POOLED_ROWS = [("S1", "total", 40), ("S1", "done", 18), ("S2", "total", 10), ("S2", "done", 5),
               ("S3", "total", 30), ("S3", "done", 30), ("S4", "total", 20), ("S4", "done", 2)]


def test_pooled_ratio_ranks_the_largest_shortfall_first_and_closes_after_two() -> None:
    result = audit(POOLED, POOLED_ROWS, make_registry(departments=4, districts=0))
    province, level = gap_analysis(result, "T-1")
    assert (province.verdict.scope.kind.value, level.verdict.scope.id) == ("province", "department")
    assert province.verdict.value == Fraction(55, 100)
    assert province.verdict.gap is not None and province.verdict.gap.amount == 15
    assert shortfalls(province) == [
        ("S4", 12, Fraction(67, 100), False),  # 55 + 12
        ("S1", 10, Fraction(77, 100), True),  # + 10: 77% ≥ 70%
        ("S2", 2, Fraction(79, 100), True),
    ]
    assert [r.rank for r in province.shortfalls] == [1, 2, 3]
    assert province.closes_at == 2 and province.met_units == 1
    assert province.must_report == province.must_correct == province.undecided == []
    assert shortfalls(level) == shortfalls(province)
    s1 = province.shortfalls[1]
    assert unit_sentence(s1, "en") == "S1: 18/40, needs 10 more systems to reach >= 70%"
    assert unit_sentence(s1, "vi") == "S1: 18/40, cần thêm 10 hệ thống để đạt >= 70%"


def test_the_report_reads_the_audits_own_verdicts() -> None:
    result = audit(POOLED, POOLED_ROWS, make_registry(departments=4, districts=0))
    [province, _] = gap_analysis(result)
    ids = {id(v) for v in result.verdicts}
    assert id(province.verdict) in ids and all(id(r.verdict) in ids for r in province.shortfalls)


def test_a_target_that_is_met_has_no_report_and_an_unknown_id_suggests_one() -> None:
    rows = [("S1", "total", 10), ("S1", "done", 8)]
    result = audit(POOLED, rows, make_registry(departments=1, districts=0))
    assert gap_analysis(result, "t-1") == [] and gap_analysis(result) == []
    with pytest.raises(InputError) as err:
        gap_analysis(result, "T-2")
    assert err.value.diagnostics[0].suggestion == "did you mean `T-1`?"


def test_closing_every_shortfall_can_still_fall_short_of_a_strict_threshold() -> None:
    # above 50%: H1 1/2 needs 2/2 (1 more), H2 1/2 the same; pooled 2/4 needs 3/4
    target = [{"id": "T-1", "measure": RATIO, "levels": ["district"], "threshold": "> 50%"}]
    rows = [("H1", "total", 2), ("H1", "done", 1), ("H2", "total", 2), ("H2", "done", 1)]
    [province, _] = gap_analysis(audit(target, rows, make_registry(departments=0, districts=2)))
    assert shortfalls(province) == [("H1", 1, Fraction(3, 4), True), ("H2", 1, Fraction(4, 4), True)]
    assert province.closes_at == 1


# Share of units: four districts must all run the system. H1 yes, H2 no, H3 no, H4 did not report:
# 1/4 met, between 25% and 50%: not met whatever H4 says.
SHARE = [{"id": "U-1", "measure": {"flag": "uses"}, "levels": ["district"], "rollup": "share_of_units",
          "threshold": ">= 100%"}]
SHARE_ROWS = [("H1", "uses", 1), ("H2", "uses", 0), ("H3", "uses", 0)]


def test_share_of_units_lists_who_must_report_first_then_the_units_not_meeting_their_own_condition() -> None:
    result = audit(SHARE, SHARE_ROWS, make_registry(departments=0, districts=4))
    province = gap_analysis(result, "U-1")[0]
    assert province.verdict.status is Status.NOT_MET and province.order == "smallest_first"
    assert [r.unit for r in province.must_report] == ["H4"]
    # after H2: 2/4 met, 3/4 at best with H4: still short; after H3: 3/4, or 4/4 if H4 reports yes
    assert shortfalls(province) == [("H2", 1, Fraction(2, 4), False), ("H3", 1, Fraction(3, 4), None)]
    assert province.closes_at is None and province.met_units == 1


def test_every_unit_with_all_units_reported_closes_when_the_last_one_passes() -> None:
    target = [{**SHARE[0], "rollup": "every_unit"}]
    rows = [*SHARE_ROWS, ("H4", "uses", 1)]
    [province, _] = gap_analysis(audit(target, rows, make_registry(departments=0, districts=4)))
    assert shortfalls(province) == [("H2", 1, Fraction(3, 4), False), ("H3", 1, Fraction(4, 4), True)]
    assert province.closes_at == 2


def test_mean_of_ratios_ranks_by_how_far_each_unit_moves_the_mean() -> None:
    # at least 50% on average: H1 1/4 (needs 2/4, the mean moves by 1/4 ÷ 3), H2 3/10 (needs 5/10,
    # by 2/10 ÷ 3), H3 9/10. Mean (1/4 + 3/10 + 9/10) / 3 = 29/60 < 1/2.
    target = [{"id": "M-1", "measure": RATIO, "levels": ["district"], "rollup": "mean", "threshold": ">= 50%"}]
    rows = [("H1", "total", 4), ("H1", "done", 1), ("H2", "total", 10), ("H2", "done", 3),
            ("H3", "total", 10), ("H3", "done", 9)]
    [province, _] = gap_analysis(audit(target, rows, make_registry(departments=0, districts=3)))
    assert province.verdict.value == Fraction(29, 60)
    assert [(r.unit, r.need, r.effect) for r in province.shortfalls] == [
        ("H1", 1, Fraction(1, 4)), ("H2", 2, Fraction(1, 5))]
    assert [r.after_value for r in province.shortfalls] == [Fraction(34, 60), Fraction(38, 60)]
    assert province.closes_at == 1


def test_per_level_thresholds_report_the_level_not_met_only() -> None:
    target = [{"id": "L-1", "measure": RATIO, "levels": ["department", "district"],
               "thresholds_by_level": {"department": ">= 75%", "district": ">= 50%"}}]
    rows = [("S1", "total", 10), ("S1", "done", 7), ("H1", "total", 10), ("H1", "done", 6)]
    [level] = gap_analysis(audit(target, rows, make_registry(departments=1, districts=1)), "L-1")
    assert (level.verdict.scope.id, shortfalls(level)) == ("department", [("S1", 1, Fraction(8, 10), True)])


def test_a_province_wide_figure_is_its_own_unit() -> None:
    metrics_target = [{"id": "P-1", "measure": RATIO, "levels": ["province"], "threshold": ">= 1%"}]
    rows = [(PROVINCE_ID, "total", 1000), (PROVINCE_ID, "done", 7)]
    [report] = gap_analysis(audit(metrics_target, rows, make_registry(departments=0, districts=0)))
    assert shortfalls(report) == [(PROVINCE_ID, 3, Fraction(10, 1000), True)] and report.closes_at == 1


def test_a_compound_targets_part_not_met_at_the_province_has_its_report() -> None:
    target = [{"id": "C-1", "all_of": [
        {"id": "share", "title_vi": "Tỷ lệ", "measure": RATIO, "levels": ["district"], "threshold": ">= 70%"},
        {"id": "every", "title_vi": "Mọi huyện", "measure": {"flag": "uses"}, "levels": ["district"],
         "rollup": "every_unit", "threshold": ">= 100%"},
    ]}]
    rows = [("H1", "total", 10), ("H1", "done", 4), ("H1", "uses", 1), ("H2", "total", 10), ("H2", "done", 9),
            ("H2", "uses", 1)]
    [report] = gap_analysis(audit(target, rows, make_registry(departments=0, districts=2)))
    assert (report.verdict.part, report.verdict.scope.kind.value) == ("share", "province")
    # 13/20 needs 14; H1 4/10 needs 7 on its own: 3 more, and the part is met at 16/20
    assert shortfalls(report) == [("H1", 3, Fraction(16, 20), True)]


# --- the bundled audit -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bundled() -> AuditResult:
    return run_audit(waiver_paths=[SAMPLES_DIR / "waivers-2022.yaml"], as_of=date(2023, 1, 15))


def test_bundled_classified_systems(bundled: AuditResult) -> None:
    province, department, district = gap_analysis(bundled, "ATTT-03")
    assert [r.verdict.scope.id for r in (province, department, district)] == ["TINH", "department", "district"]
    assert province.verdict.gap is not None and province.verdict.gap.amount == 116
    needs = [r.need for r in province.shortfalls]
    assert needs == sorted(needs, reverse=True) and province.shortfalls[0].unit == "SO-XAY-DUNG"
    fin = next(r for r in province.shortfalls if r.unit == "SO-TAI-CHINH")
    assert (fin.verdict.numerator, fin.verdict.denominator, fin.need) == (18, 40, 10)
    assert fin.status is Status.NOT_MET and fin.waived  # waived, ranked on what the engine decided
    k = province.closes_at
    assert k is not None and province.shortfalls[k - 1].after_met and not province.shortfalls[k - 2].after_met
    assert sum(r.need for r in province.shortfalls[:k]) >= 116 > sum(r.need for r in province.shortfalls[:k - 1])


def test_bundled_report_of_every_target_waived_scopes_included(bundled: AuditResult) -> None:
    reports = gap_analysis(bundled)
    keys = [(r.verdict.target, r.verdict.scope.id) for r in reports]
    assert ("CQS-04", "department") in keys and ("ATTT-03", "TINH") in keys
    waived = next(r for r in reports if r.verdict.target == "CQS-04")
    assert waived.waived and waived.verdict.status is Status.WAIVED
    doc = gap_dict(bundled, reports)
    text = json.dumps(doc, ensure_ascii=False)
    assert doc["schema"] == "plancheck.gap/1" and json.loads(text) == doc
    cqs = next(r for r in doc["reports"] if r["target"] == "CQS-04")
    assert cqs["status"] == "not_met" and cqs["waiver"]["state"] == "applied"
    attt = next(r for r in doc["reports"] if r["target"] == "ATTT-03")
    assert attt["shortfalls"][0]["rank"] == 1 and attt["closes_at"] == attt["shortfalls"][attt["closes_at"] - 1]["rank"]


def test_bundled_rendering(bundled: AuditResult) -> None:
    console = Console(record=True, width=200)
    render_gap(gap_analysis(bundled, "CQS-01"), "vi", console)
    render_gap(gap_analysis(bundled, "ATTT-03"), "en", console)
    render_gap([], "en", console)
    text = console.export_text()
    assert "phải báo cáo" in text and "X-GIA-NGHIA-NGHIA-TRUNG" in text
    assert "SO-TAI-CHINH" in text and "10 more information systems" in text and "No target is not met." in text
