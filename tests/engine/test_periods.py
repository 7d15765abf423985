"""Periods: the period arithmetic, quarterly and monthly audits, the baseline an increase compares
with, comparing two audits, and the mid-period projection."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from pathlib import Path

import jsonschema
import pytest
from engine_builders import BASELINE, PROVINCE_ID, by_key, make_facts, make_pack, make_registry, metric
from reference import baseline_of
from reference import previous_period as reference_previous
from rich.console import Console

from plancheck.audit import run_audit
from plancheck.engine.comparison import Change, compare
from plancheck.engine.evaluate import evaluate
from plancheck.engine.periods import (
    baseline_period,
    elapsed_share,
    is_before,
    previous_period,
    sub_periods,
)
from plancheck.engine.projection import mark_at_risk, project, so_far
from plancheck.engine.verdicts import Status, Verdict
from plancheck.render.compare import compare_dict, delta_text, render_compare

RENDER = Path(__file__).resolve().parents[2] / "render"


@pytest.mark.parametrize(("increase_over", "audited", "expected"), [
    ("2021", "2022", "2021"),
    ("2021", "2022-Q3", "2021-Q3"),  # a quarter against the same quarter of the baseline year
    ("2021", "2022-Q1", "2021-Q1"),
    ("2021", "2022-07", "2021-07"),  # a month against the same month
    ("2020", "2022-12", "2020-12"),
    ("2021-Q4", "2022", "2021-Q4"),  # a baseline written as a quarter or month is used as written
    ("2021-Q4", "2022-Q3", "2021-Q4"),
    ("2022-06", "2022-07", "2022-06"),
])
def test_baseline_period(increase_over: str, audited: str, expected: str) -> None:
    assert baseline_period(increase_over, audited) == expected
    assert baseline_of(increase_over, audited) == expected  # the reference agrees


@pytest.mark.parametrize(("period", "before"), [
    ("2022", "2021"), ("2022-Q1", "2021-Q4"), ("2022-Q3", "2022-Q2"), ("2022-01", "2021-12"), ("2022-07", "2022-06"),
])
def test_previous_period(period: str, before: str) -> None:
    assert previous_period(period) == before == reference_previous(period)


@pytest.mark.parametrize(("earlier", "later", "expected"), [
    ("2021", "2022", True), ("2021-Q3", "2022-Q3", True), ("2022-06", "2022-07", True), ("2022-Q2", "2022-Q3", True),
    ("2022-Q2", "2022", False), ("2022", "2022-Q3", False), ("2022-Q3", "2022-Q3", False), ("2023", "2022", False),
])
def test_is_before(earlier: str, later: str, expected: bool) -> None:
    assert is_before(earlier, later) is expected


@pytest.mark.parametrize(("period", "as_of", "share"), [
    ("2022", date(2022, 9, 30), Fraction(273, 365)),
    ("2022", date(2021, 12, 31), Fraction(0)),
    ("2022", date(2022, 12, 31), Fraction(1)),
    ("2022", date(2023, 3, 1), Fraction(1)),
    ("2022-Q3", date(2022, 8, 15), Fraction(1, 2)),  # 46 of 92 days
    ("2022-07", date(2022, 7, 1), Fraction(1, 31)),
])
def test_elapsed_share(period: str, as_of: date, share: Fraction) -> None:
    assert elapsed_share(period, as_of) == share


def test_sub_periods() -> None:
    quarters, months = sub_periods("2022")
    assert quarters == ["2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4"] and len(months) == 12 and months[6] == "2022-07"
    assert sub_periods("2022-Q3") == [["2022-07", "2022-08", "2022-09"]]
    assert sub_periods("2022-07") == []
    with pytest.raises(ValueError, match="not a period"):
        previous_period("2022-13")


# -- a quarterly audit of the bundled pack, through the loaders --------------------------------------------------------

def _yaml(unit: str, period: str, values: dict[str, str]) -> str:
    lines = [f"unit: {unit}", f'period: "{period}"', "values:"]
    return "\n".join(lines + [f'  {k}: "{v}"' for k, v in values.items()]) + "\n"


def test_a_quarterly_audit_counts_the_quarter_and_compares_with_the_same_quarter(tmp_path: Path) -> None:
    (tmp_path / "h.yaml").write_text(_yaml("H-CU-JUT", "2022-Q3", {"news_items_dts": "13"}), "utf-8")
    (tmp_path / "h2.yaml").write_text(_yaml("H-DAK-MIL", "2022-Q3", {"news_items_dts": "12"}), "utf-8")
    docs = {"documents_sent_total": "100", "documents_sent_secret": "0"}
    (tmp_path / "x.yaml").write_text(_yaml("X-CU-JUT-EA-TLING", "2022-Q3", {**docs, "documents_sent_online": "60"}),
                                     "utf-8")
    (tmp_path / "x0.yaml").write_text(_yaml("X-CU-JUT-EA-TLING", "2021-Q3", {**docs, "documents_sent_online": "50"}),
                                      "utf-8")
    # the whole of 2021 (70%) is not the baseline of a quarter
    (tmp_path / "x1.yaml").write_text(_yaml("X-CU-JUT-EA-TLING", "2021", {**docs, "documents_sent_online": "70"}),
                                      "utf-8")
    result = run_audit(fact_paths=[tmp_path], period="2022-Q3", unit=None)
    v = by_key(v for v in result.verdicts)
    assert result.period == "2022-Q3"
    assert (v[("TT-01", "", "unit", "H-CU-JUT")].status, v[("TT-01", "", "unit", "H-CU-JUT")].value) == (
        Status.MET, Fraction(1))  # 13 items over the quarter's 13 weeks
    assert v[("TT-01", "", "unit", "H-DAK-MIL")].status is Status.NOT_MET
    x = v[("CQS-03", "", "unit", "X-CU-JUT-EA-TLING")]
    assert (x.status, x.value, x.baseline, x.threshold_text) == (Status.MET, Fraction(3, 5), Fraction(1, 2),
                                                                  "> 2021-Q3")


def test_an_increase_over_the_audited_year_itself_is_insufficient() -> None:
    """Auditing 2021 against "increase over 2021": there is no earlier period to rise above."""
    pack = make_pack(METRICS, [{"id": "I-1", "measure": {"ratio": {"numerator": "num", "denominator": "den"}},
                                "levels": ["district"], "increase_over": BASELINE}], period=BASELINE)
    facts = make_facts([("H1", "den", 10, BASELINE), ("H1", "num", 5, BASELINE)])
    v = by_key(evaluate(pack, facts, make_registry(departments=0, districts=1)).verdicts)[("I-1", "", "unit", "H1")]
    assert v.status is Status.INSUFFICIENT_DATA
    assert any("not before the audited period" in en for _, en in v.reasons)


# -- comparing two audits --------------------------------------------------------------------------------------------

METRICS = [metric("num", unit_vi="hồ sơ"), metric("den", unit_vi="hồ sơ"), metric("cnt", unit_vi="tin bài")]
RATIO = {"ratio": {"numerator": "num", "denominator": "den"}}
TARGETS = [
    {"id": "T-1", "measure": RATIO, "levels": ["district"], "threshold": ">= 50%"},
    {"id": "T-2", "measure": RATIO, "levels": ["department"], "threshold": ">= 50%"},
    {"id": "T-3", "measure": RATIO, "levels": ["department", "district"],
     "thresholds_by_level": {"department": ">= 50%", "district": ">= 70%"}},
    {"id": "T-4", "measure": {"rate": {"count": "cnt"}}, "levels": ["district"], "threshold": ">= 1"},
]


@dataclass
class _Audit:
    period: str
    verdicts: list[Verdict]


def _audit(period: str, rows: list[tuple[object, ...]]) -> _Audit:
    pack = make_pack(METRICS, TARGETS, period=period, baseline=None)
    facts = make_facts([(*r, period) for r in rows])
    return _Audit(period, evaluate(pack, facts, make_registry(departments=1, districts=1)).verdicts)


BEFORE = [("H1", "den", 10), ("H1", "num", 4), ("S1", "den", 10), ("S1", "num", 6)]
NOW = [("H1", "den", 10), ("H1", "num", 6), ("S1", "den", 10), ("S1", "num", 4), ("H1", "cnt", 60)]


def test_compare_finds_new_failures_recoveries_and_value_deltas() -> None:
    c = compare(_audit("2022", NOW), _audit("2021", BEFORE))
    rows = {(r.target, r.sub): r for r in c.rows}
    assert (rows[("T-1", "")].change, rows[("T-1", "")].delta) == (Change.RECOVERY, Fraction(1, 5))
    assert (rows[("T-2", "")].change, rows[("T-2", "")].delta) == (Change.NEW_FAILURE, Fraction(-1, 5))
    # a per-level target: its own verdict has no value; each level has a row of its own
    assert rows[("T-3", "")].change is Change.UNCHANGED and rows[("T-3", "")].delta is None
    assert rows[("T-3", "department")].change is Change.NEW_FAILURE
    assert rows[("T-3", "district")].change is Change.UNCHANGED  # 40% then 60%: not met at 70% in both
    assert rows[("T-3", "district")].delta == Fraction(1, 5)
    assert rows[("T-4", "")].change is Change.CHANGED  # insufficient data, then met
    assert c.counts()[Change.NEW_FAILURE] == 1 and c.counts()[Change.RECOVERY] == 1
    assert delta_text(rows[("T-1", "")], "vi") == "+20,0 điểm %"
    assert delta_text(rows[("T-2", "")], "en") == "−20.0 pp"


def test_compare_renders_and_follows_its_schema() -> None:
    c = compare(_audit("2022", NOW), _audit("2021", BEFORE))
    console = Console(record=True, width=160)
    render_compare(c, "en", console)
    text = console.export_text()
    assert "2021 → 2022" in text and "new failure" in text and "recovered" in text and "+20.0 pp" in text
    doc = compare_dict(c, "test")
    jsonschema.validate(doc, json.loads((RENDER / "compare.schema.json").read_text("utf-8")))
    assert doc["summary"]["new_failure"] == 1
    t1 = next(r for r in doc["rows"] if r["target"] == "T-1")
    assert (t1["before"]["value"], t1["now"]["value"], t1["delta"]) == ("2/5", "3/5", "1/5")


def test_a_target_only_one_audit_has_is_added_or_removed() -> None:
    now, before = _audit("2022", NOW), _audit("2021", BEFORE)
    before.verdicts = [v for v in before.verdicts if v.target != "T-1"]
    assert {r.change for r in compare(now, before).rows if r.target == "T-1"} == {Change.ADDED}
    assert {r.change for r in compare(before, now).rows if r.target == "T-1"} == {Change.REMOVED}


# -- mid-period projection -------------------------------------------------------------------------------------------

PROJECTED = make_pack(METRICS, [
    {"id": "R-1", "measure": {"rate": {"count": "cnt"}}, "levels": ["district"], "rollup": "every_unit",
     "threshold": ">= 1"},
    {"id": "R-2", "measure": RATIO, "levels": ["district"], "threshold": ">= 70%"},
], baseline=None)
SEPT = date(2022, 9, 30)  # 273 of 365 days


def test_a_year_to_date_figure_is_projected_linearly_and_ratios_are_held() -> None:
    registry = make_registry(departments=0, districts=2)
    facts = make_facts([("H1", "cnt", 45), ("H2", "cnt", 30), ("H1", "den", 100), ("H1", "num", 60),
                        ("H2", "den", 100), ("H2", "num", 80)])
    verdicts = evaluate(PROJECTED, facts, registry).verdicts
    projection = project(PROJECTED, facts, registry, "2022", SEPT)
    assert projection.active and projection.elapsed == Fraction(273, 365)
    marked = mark_at_risk(verdicts, projection)
    v = by_key(verdicts)
    h1, h2 = v[("R-1", "", "unit", "H1")], v[("R-1", "", "unit", "H2")]
    # so far both are below one a week over the whole year's 52 weeks, but H1 is on course
    assert h1.status is Status.NOT_MET and not h1.at_risk
    assert h1.projected is not None and h1.projected.status is Status.MET
    assert h1.projected.value == Fraction(45 * 365, 273 * 52)
    assert h2.at_risk and h2.projected is not None and h2.projected.value == Fraction(30 * 365, 273 * 52)
    assert any("linear projection" in en for _, en in h2.reasons)
    assert v[("R-1", "", "province", PROVINCE_ID)].at_risk
    r2 = v[("R-2", "", "unit", "H1")]  # a ratio is held: 60% projects to 60%
    assert r2.at_risk and r2.projected is not None and r2.projected.value == Fraction(3, 5)
    assert not v[("R-2", "", "unit", "H2")].at_risk
    assert {x.scope.id for x in marked if x.target == "R-1"} == {"H2", "district", PROVINCE_ID}


def test_the_quarters_so_far_are_added_up() -> None:
    registry = make_registry(departments=0, districts=2)
    rows: list[tuple[object, ...]] = [("H1", "cnt", 12, "2022-Q1"), ("H1", "cnt", 13, "2022-Q2"),
                                      ("H1", "cnt", 14, "2022-Q3"), ("H1", "den", 50, "2022-Q1"),
                                      ("H1", "num", 40, "2022-Q1"), ("H1", "den", 50, "2022-Q2"),
                                      ("H1", "num", 30, "2022-Q2"), ("H1", "den", 50, "2022-Q3"),
                                      ("H1", "num", 35, "2022-Q3"),
                                      ("H2", "cnt", 20, "2022-Q1"), ("H2", "cnt", 20, "2022-Q3")]  # no Q2
    facts = make_facts(rows)
    current, shares = so_far(PROJECTED, facts, "2022", SEPT)
    assert current.get("H1", "2022", "cnt") is not None
    assert current.get("H1", "2022", "cnt").value == 39  # type: ignore[union-attr]
    assert shares[("H1", "cnt")] == Fraction(273, 365)  # Q1 to Q3
    # H2 has no Q2: its months? none either, so it has no figure so far
    assert current.get("H2", "2022", "cnt") is None
    projection = project(PROJECTED, facts, registry, "2022", SEPT)
    v = by_key(projection.verdicts)
    assert v[("R-1", "", "unit", "H1")].value == Fraction(39 * 365, 273 * 52)  # ≈ 1,003 a week: on course
    assert v[("R-1", "", "unit", "H1")].status is Status.MET
    assert v[("R-2", "", "unit", "H1")].value == Fraction(105, 150)  # the ratio of the sums, held
    assert v[("R-1", "", "unit", "H2")].status is Status.INSUFFICIENT_DATA


def test_the_months_so_far_when_there_are_no_quarters() -> None:
    facts = make_facts([(("H1", "cnt", 5, f"2022-{m:02d}")) for m in range(1, 9)])
    current, shares = so_far(PROJECTED, facts, "2022", date(2022, 8, 31))
    assert current.get("H1", "2022", "cnt").value == 40  # type: ignore[union-attr]
    assert shares[("H1", "cnt")] == Fraction(243, 365)


@pytest.mark.parametrize("as_of", [date(2023, 1, 15), date(2021, 12, 1)])
def test_nothing_is_projected_outside_the_period(as_of: date) -> None:
    registry = make_registry(departments=0, districts=1)
    facts = make_facts([("H1", "cnt", 10)])
    verdicts = evaluate(PROJECTED, facts, registry).verdicts
    projection = project(PROJECTED, facts, registry, "2022", as_of)
    assert not projection.active and projection.verdicts == []
    assert mark_at_risk(verdicts, projection) == [] and not any(v.at_risk or v.projected for v in verdicts)
