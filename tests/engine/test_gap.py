"""The gap of a verdict not met: what it would take to pass, in the plan's own units
("13 more information systems must be classified")."""

from __future__ import annotations

from fractions import Fraction

import pytest
from engine_builders import BASELINE, PROVINCE_ID, by_key, make_facts, make_pack, make_registry, metric
from hypothesis import given, settings
from hypothesis import strategies as st

from plancheck.engine.evaluate import evaluate
from plancheck.engine.verdicts import Status, Verdict

LEVELS = ["province", "department", "district", "commune"]
METRICS = [
    metric("info_systems_total", name_vi="Tổng số HTTT", unit_vi="hệ thống thông tin", unit_en="information systems"),
    metric("info_systems_classified", name_vi="HTTT đã xác định cấp độ", unit_vi="hệ thống thông tin",
           unit_en="information systems", name_en="classified information systems"),
    metric("news_items", name_vi="Số tin, bài", unit_vi="tin, bài", unit_en="news items"),
    metric("uses_docs", "yes_no", name_vi="Dùng QLVB"),
    metric("online_pct", "percent", name_vi="Tỷ lệ hồ sơ trực tuyến"),
    metric("meetings", "number", name_vi="Số cuộc họp", unit_vi="cuộc họp", unit_en="meetings"),
    metric("population", unit_vi="người"),
    metric("subs", unit_vi="thuê bao", unit_en="subscriptions"),
]
RATIO = {"ratio": {"numerator": "info_systems_classified", "denominator": "info_systems_total"}}


def one(target: dict[str, object], rows: list[tuple[object, ...]], scope: tuple[str, str] = ("province", PROVINCE_ID),
        districts: int = 1) -> Verdict:
    pack = make_pack(METRICS, [{"id": "G-1", **target}])
    ev = evaluate(pack, make_facts(rows), make_registry(departments=0, districts=districts))
    return by_key(ev.verdicts)[("G-1", "", *scope)]


def test_classified_systems_ge_70_percent() -> None:
    v = one({"measure": RATIO, "levels": ["district"], "threshold": ">= 70%"},
            [("H1", "info_systems_total", 83), ("H1", "info_systems_classified", 46)])
    assert v.status is Status.NOT_MET
    assert v.gap is not None
    # ceil(0,7 × 83) = ceil(58,1) = 59 systems must be classified: 13 more
    assert (v.gap.amount, v.gap.direction) == (13, "more")
    assert (v.gap.unit_vi, v.gap.unit_en) == ("hệ thống thông tin", "information systems")
    assert v.gap.what_vi == "HTTT đã xác định cấp độ"


def test_strictly_above_at_exactly_the_threshold_needs_one_more() -> None:
    v = one({"measure": RATIO, "levels": ["district"], "threshold": "> 60%"},
            [("H1", "info_systems_total", 10), ("H1", "info_systems_classified", 6)])
    assert v.status is Status.NOT_MET
    assert v.gap is not None and (v.gap.amount, v.gap.direction) == (1, "more")


def test_one_short_of_ge_needs_one_more() -> None:
    v = one({"measure": RATIO, "levels": ["district"], "threshold": ">= 70%"},
            [("H1", "info_systems_total", 10_000), ("H1", "info_systems_classified", 6_999)])
    assert v.gap is not None and (v.gap.amount, v.gap.direction) == (1, "more")


@pytest.mark.parametrize(("threshold", "classified", "amount"), [
    ("<= 30%", 5, 2),   # at most 3 of 10
    ("< 30%", 5, 3),    # fewer than 3 of 10: at most 2
    ("< 30%", 3, 1),    # exactly 30% is not below it
])
def test_upper_bounds_need_fewer(threshold: str, classified: int, amount: int) -> None:
    v = one({"measure": RATIO, "levels": ["district"], "threshold": threshold},
            [("H1", "info_systems_total", 10), ("H1", "info_systems_classified", classified)])
    assert v.status is Status.NOT_MET
    assert v.gap is not None and (v.gap.amount, v.gap.direction) == (amount, "fewer")


def test_pooled_gap_counts_over_the_scope() -> None:
    v = one({"measure": RATIO, "levels": ["district"], "threshold": ">= 70%"},
            [("H1", "info_systems_total", 50), ("H1", "info_systems_classified", 40),
             ("H2", "info_systems_total", 33), ("H2", "info_systems_classified", 6)], districts=2)
    # 46 of 83 again, pooled from two districts
    assert v.value == Fraction(46, 83)
    assert v.gap is not None and v.gap.amount == 13


def test_weekly_rate_gap_in_news_items() -> None:
    v = one({"measure": {"rate": {"count": "news_items"}}, "levels": ["district"], "threshold": ">= 1"},
            [("H1", "news_items", 40)])
    assert v.status is Status.NOT_MET
    # 2022 has 52 whole weeks
    assert v.gap is not None and (v.gap.amount, v.gap.unit_vi) == (12, "tin, bài")


def test_monthly_rate_strictly_above() -> None:
    v = one({"measure": {"rate": {"count": "news_items", "per": "month"}}, "levels": ["district"], "threshold": "> 2"},
            [("H1", "news_items", 24)])
    assert v.gap is not None and v.gap.amount == 1


def test_share_of_units_gap_in_units() -> None:
    v = one({"measure": {"flag": "uses_docs"}, "levels": ["district"], "rollup": "share_of_units",
             "threshold": ">= 100%"},
            [("H1", "uses_docs", 1), ("H2", "uses_docs", 1), ("H3", "uses_docs", 1), ("H4", "uses_docs", 0)],
            districts=4)
    assert v.gap is not None
    assert (v.gap.amount, v.gap.direction, v.gap.unit_vi, v.gap.unit_en) == (1, "more", "đơn vị", "units")


def test_share_strictly_above_half_at_half() -> None:
    v = one({"measure": {"flag": "uses_docs"}, "levels": ["district"], "rollup": "share_of_units",
             "threshold": "> 50%"},
            [("H1", "uses_docs", 1), ("H2", "uses_docs", 1), ("H3", "uses_docs", 0), ("H4", "uses_docs", 0)],
            districts=4)
    assert v.status is Status.NOT_MET
    assert v.gap is not None and v.gap.amount == 1


def test_every_unit_gap_counts_units_not_yet_passing() -> None:
    v = one({"measure": {"rate": {"count": "news_items"}}, "levels": ["district"], "rollup": "every_unit",
             "threshold": ">= 1"},
            [("H1", "news_items", 52), ("H2", "news_items", 51), ("H3", "news_items", 0)], districts=3)
    assert v.gap is not None and (v.gap.amount, v.gap.unit_vi) == (2, "đơn vị")


def test_percent_value_gap_in_percentage_points() -> None:
    v = one({"measure": {"value": "online_pct"}, "levels": ["district"], "threshold": ">= 50%"},
            [("H1", "online_pct", "33,4%")])
    assert v.gap is not None
    assert (v.gap.amount, v.gap.unit_vi) == (Fraction(166, 10), "điểm phần trăm")


def test_number_value_gap_in_its_unit() -> None:
    v = one({"measure": {"value": "meetings"}, "levels": ["district"], "threshold": ">= 12"},
            [("H1", "meetings", 10)])
    assert v.gap is not None and (v.gap.amount, v.gap.unit_vi) == (2, "cuộc họp")


def test_per_capita_gap_in_subscriptions() -> None:
    v = one({"measure": {"ratio": {"numerator": "subs", "denominator": "population", "per": 100}},
             "levels": ["province"], "threshold": ">= 70"},
            [(PROVINCE_ID, "population", "1.000.000"), (PROVINCE_ID, "subs", "699.990")])
    assert v.gap is not None and (v.gap.amount, v.gap.unit_vi) == (10, "thuê bao")


def test_increase_gap_against_the_baseline() -> None:
    v = one({"measure": RATIO, "levels": ["district"], "increase_over": BASELINE},
            [("H1", "info_systems_total", 100), ("H1", "info_systems_classified", 25),
             ("H1", "info_systems_total", 100, BASELINE), ("H1", "info_systems_classified", 25, BASELINE)])
    assert v.status is Status.NOT_MET
    assert v.gap is not None and v.gap.amount == 1


@pytest.mark.parametrize("rows", [
    [("H1", "info_systems_total", 10), ("H1", "info_systems_classified", 7)],  # met
    [("H1", "info_systems_total", 10)],  # insufficient
    [("H1", "info_systems_total", 0), ("H1", "info_systems_classified", 0)],  # zero denominator
])
def test_no_gap_unless_not_met(rows: list[tuple[object, ...]]) -> None:
    v = one({"measure": RATIO, "levels": ["district"], "threshold": ">= 70%"}, rows)
    assert v.status is not Status.NOT_MET
    assert v.gap is None


@settings(max_examples=150, deadline=None)
@given(den=st.integers(1, 500), num=st.integers(0, 500), op=st.sampled_from([">=", ">", "<=", "<"]),
       permille=st.integers(1, 999))
def test_the_gap_is_exactly_enough(den: int, num: int, op: str, permille: int) -> None:
    """Moving the numerator by the gap passes; by one less does not."""
    num = min(num, den)
    th = Fraction(permille, 1000)
    text = f"{op} {permille / 10:g}%".replace(".", ",")
    v = one({"measure": RATIO, "levels": ["district"], "threshold": text},
            [("H1", "info_systems_total", den), ("H1", "info_systems_classified", num)])
    assert v.threshold == th
    passes = {">=": lambda x: x >= th, ">": lambda x: x > th, "<=": lambda x: x <= th, "<": lambda x: x < th}[op]
    assert (v.status is Status.MET) == passes(Fraction(num, den))
    if v.status is Status.MET:
        return
    assert v.gap is not None and v.gap.amount > 0 and v.gap.amount.denominator == 1
    step = 1 if v.gap.direction == "more" else -1
    assert v.gap.direction == ("more" if op in (">=", ">") else "fewer")
    assert passes(Fraction(num + step * v.gap.amount, den))
    assert not passes(Fraction(num + step * (v.gap.amount - 1), den))


# -- known problems --------------------------------------------------------------------------------

def test_gap_of_eq_above_the_target() -> None:
    v = one({"measure": RATIO, "levels": ["district"], "threshold": "= 50%"},
            [("H1", "info_systems_total", 10), ("H1", "info_systems_classified", 6)])
    assert v.status is Status.NOT_MET
    assert v.gap is not None and (v.gap.amount, v.gap.direction) == (1, "fewer")


def test_gap_of_a_mean_is_not_a_fraction_of_a_system() -> None:
    v = one({"measure": RATIO, "levels": ["district"], "rollup": "mean", "threshold": ">= 70%"},
            [("H1", "info_systems_total", 10), ("H1", "info_systems_classified", 5),
             ("H2", "info_systems_total", 10), ("H2", "info_systems_classified", 6),
             ("H3", "info_systems_total", 4), ("H3", "info_systems_classified", 2),
             ("H4", "info_systems_total", 3), ("H4", "info_systems_classified", 2)], districts=4)
    assert v.status is Status.NOT_MET and v.value == Fraction(17, 30)
    assert v.gap is not None
    assert v.gap.amount.denominator == 1 or v.gap.unit_vi == "điểm phần trăm", v.gap
