"""Consistency checks on hand-made figures: each kind holds where it should and fails where it
should, at the exact edge of the printed precision; a missing or rejected figure is named; a
target built on a figure of a failed check says so; the ledger still balances."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import pytest
from engine_builders import by_key, make_facts, make_pack, make_registry, metric

from plancheck.diagnostics import Diagnostic, Location
from plancheck.engine.check_sides import printed_decimals
from plancheck.engine.evaluate import Evaluation, evaluate
from plancheck.engine.verdicts import Status, Verdict, verdict_label
from plancheck.facts.model import FactSet

P = ["province"]
METRICS = [
    metric("pct", "percent", P), metric("num", "count", P), metric("den", "count", P), metric("secret", "count", P),
    metric("rate", "number", P), metric("subs", "count", P), metric("people", "count", P),
    metric("total", "amount_vnd", P), metric("item_a", "amount_vnd", P), metric("item_b", "amount_vnd", P),
    metric("item_c", "amount_vnd", P), metric("again", "amount_vnd", P), metric("budget", "amount_vnd", P),
]
CHECKS: dict[str, dict[str, Any]] = {
    "percent": {"percent_of": {"percent": "pct", "numerator": "num", "denominator": "den"}},
    "percent_excl": {"percent_of": {"percent": "pct", "numerator": "num", "denominator": "den", "exclude": ["secret"]}},
    "sum": {"sum_of": {"total": "total", "items": ["item_a", "item_b", "item_c"]}},
    "part": {"part_of": {"part": "item_a", "whole": "total"}},
    "per100": {"per_100_of": {"rate": "rate", "count": "subs", "population": "people"}},
    "same": {"same_as": {"figure": "total", "other": "again"}},
}


def _one(kind: str, rows: Sequence[tuple[str, object]], rejected: Sequence[Diagnostic] = ()) -> Verdict:
    """The province's verdict on one check of ``kind`` over the figures ``rows`` (metric, value)."""
    pack = make_pack(METRICS, [], checks=[{"id": "KT-01", "levels": P, **CHECKS[kind]}])
    facts = make_facts([("TINH", m, v) for m, v in rows])
    ev = evaluate(pack, facts, make_registry(0, 0), rejected=rejected)
    _assert_ledger(ev)
    return by_key(ev.verdicts)[("KT-01", "", "province", "TINH")]


def _assert_ledger(ev: Evaluation) -> None:
    assert len(ev.ledger.posted) == len(ev.ledger.decided) == len(ev.verdicts)
    assert set(ev.ledger.decided) == {v.engine_fact for v in ev.verdicts}


@pytest.mark.parametrize(("raw", "decimals"), [
    ("36%", 0), ("33,4%", 1), ("33.4", 1), ("79,75", 2), ("1.166", 0), ("22.639.373.567", 0), ("105", 0),
    ("10,70 %", 2), ("0,5", 1),
])
def test_printed_decimals(raw: str, decimals: int) -> None:
    assert printed_decimals(raw) == decimals


@pytest.mark.parametrize(("percent", "num", "den", "status"), [
    # "36%" allows 35,5% to 36,5%, both ends included
    ("36%", 355, 1000, Status.MET),
    ("36%", 365, 1000, Status.MET),
    ("36%", 3549, 10000, Status.INCONSISTENT_DATA),
    ("36%", 3651, 10000, Status.INCONSISTENT_DATA),
    # "33,4%" allows 33,35% to 33,45%
    ("33,4%", 3335, 10000, Status.MET),
    ("33,4%", 3345, 10000, Status.MET),
    ("33,4%", 33349, 100000, Status.INCONSISTENT_DATA),
    ("33,4%", 33451, 100000, Status.INCONSISTENT_DATA),
    # a percentage submitted without '%' or with a decimal point reads the same
    ("33.4%", 3335, 10000, Status.MET),
    ("33.4%", 33349, 100000, Status.INCONSISTENT_DATA),
    # two decimals: ±0,005 points
    ("10,74%", 10745, 100000, Status.MET),
    ("10,74%", 107451, 1000000, Status.INCONSISTENT_DATA),
])
def test_percent_of_within_the_printed_precision(percent: str, num: int, den: int, status: Status) -> None:
    v = _one("percent", [("pct", percent), ("num", num), ("den", den)])
    assert v.status is status, v.reasons
    assert v.check is not None and v.check.computed is not None
    assert v.check.computed.value == Fraction(num, den)
    assert v.check.difference == v.check.stated.value - Fraction(num, den)  # type: ignore[union-attr]


def test_percent_of_with_an_excluded_part() -> None:
    # 30 of (110 − 10) is 30%, not 30/110 = 27,3%
    assert _one("percent_excl", [("pct", "30%"), ("num", 30), ("den", 110), ("secret", 10)]).status is Status.MET
    assert _one("percent_excl", [("pct", "27%"), ("num", 30), ("den", 110), ("secret", 10)]).status \
        is Status.INCONSISTENT_DATA


def test_percent_of_zero_and_negative_denominators() -> None:
    zero = _one("percent", [("pct", "0%"), ("num", 0), ("den", 0)])
    assert zero.status is Status.INSUFFICIENT_DATA
    assert any("zero" in en for _, en in zero.reasons)
    over = _one("percent_excl", [("pct", "10%"), ("num", 1), ("den", 5), ("secret", 6)])
    assert over.status is Status.INCONSISTENT_DATA
    assert any("excluded part exceeds" in en for _, en in over.reasons)


def test_sum_of_is_exact_to_the_dong() -> None:
    ok = _one("sum", [("total", "1.000.000"), ("item_a", 500_000), ("item_b", 300_000), ("item_c", 200_000)])
    assert ok.status is Status.MET
    assert verdict_label(ok, "vi") == "KHỚP" and verdict_label(ok, "en") == "consistent"
    off = _one("sum", [("total", "1.000.000"), ("item_a", 500_000), ("item_b", 300_000), ("item_c", 199_999)])
    assert off.status is Status.INCONSISTENT_DATA
    assert verdict_label(off, "vi") == "SỐ LIỆU MÂU THUẪN"
    cons = off.check
    assert cons is not None and cons.stated is not None and cons.computed is not None
    # both sides and the difference, stated − computed
    assert (cons.stated.value, cons.computed.value, cons.difference) == (1_000_000, 999_999, 1)
    assert cons.computed.formula == "item_a + item_b + item_c"
    # the source row of every figure
    assert sorted((f.metric, f.raw, f.file, f.line) for f in off.facts) == [
        ("item_a", "500000", "facts.yaml", 2), ("item_b", "300000", "facts.yaml", 3),
        ("item_c", "199999", "facts.yaml", 4), ("total", "1.000.000", "facts.yaml", 1)]
    vi, en = off.reasons[0]
    assert "1.000.000" in vi and "999.999" in vi and "+1" in vi
    assert "1,000,000" in en and "999,999" in en and "+1" in en


def test_part_of() -> None:
    assert _one("part", [("item_a", 10), ("total", 10)]).status is Status.MET
    over = _one("part", [("item_a", 11), ("total", 10)])
    assert over.status is Status.INCONSISTENT_DATA
    assert over.check is not None and over.check.difference == 1


@pytest.mark.parametrize(("rate", "subs", "people", "status"), [
    # "52,7" per 100 allows 52,65 to 52,75
    ("52,7", 5265, 10000, Status.MET),
    ("52,7", 5275, 10000, Status.MET),
    ("52,7", 526499, 1000000, Status.INCONSISTENT_DATA),
    # "105" allows 104,5 to 105,5
    ("105", 1045, 1000, Status.MET),
    ("105", 7_000_000, 660_000, Status.INCONSISTENT_DATA),
])
def test_per_100_of(rate: str, subs: int, people: int, status: Status) -> None:
    v = _one("per100", [("rate", rate), ("subs", subs), ("people", people)])
    assert v.status is status, v.reasons
    assert v.check is not None and v.check.computed is not None
    assert v.check.computed.value == Fraction(subs * 100, people)


def test_same_as() -> None:
    assert _one("same", [("total", "22.638.000.000"), ("again", "22.638.000.000")]).status is Status.MET
    off = _one("same", [("total", "22.639.373.567"), ("again", "22.638.000.000")])
    assert off.status is Status.INCONSISTENT_DATA
    assert off.check is not None and off.check.difference == 1_373_567


def test_a_missing_item_is_insufficient_and_named() -> None:
    v = _one("sum", [("total", 100), ("item_a", 50), ("item_c", 20)])
    assert v.status is Status.INSUFFICIENT_DATA
    assert v.missing == ["TINH"] and v.check is not None and v.check.missing == ("item_b",)
    assert any("item_b is missing: TINH did not report it" in en for _, en in v.reasons)
    # with one figure missing, what it would have to be for the others to hold
    assert any("item_b would be 30" in en for _, en in v.reasons)


def test_a_rejected_figure_is_named_with_its_source() -> None:
    rejected = [Diagnostic("F005", "ambiguous", Location("facts.yaml", 3, "item_b"))]
    v = _one("sum", [("total", 100), ("item_a", 50), ("item_c", 20)], rejected=rejected)
    assert v.status is Status.INSUFFICIENT_DATA
    assert any("item_b is missing: the value TINH submitted at facts.yaml:3 was rejected (F005)" in en
               for _, en in v.reasons)


def test_a_missing_divisor_gives_the_range_the_printed_rate_allows() -> None:
    v = _one("per100", [("rate", "105"), ("subs", 1050)])
    assert v.status is Status.INSUFFICIENT_DATA
    # 1050 × 100 / 105,5 = 995,3 … 1050 × 100 / 104,5 = 1004,8: whole people 996 to 1004
    assert any("people would be between 996 and 1,004" in en for _, en in v.reasons)


def _with_target(rows: Sequence[tuple[str, object]]) -> tuple[Mapping[tuple[str, str, str, str], Verdict],
                                                              FactSet, Evaluation]:
    pack = make_pack(METRICS, [
        {"id": "KP-01", "measure": {"ratio": {"numerator": "total", "denominator": "budget"}}, "levels": P,
         "threshold": ">= 1%"},
        {"id": "KP-02", "measure": {"ratio": {"numerator": "num", "denominator": "den"}}, "levels": P,
         "threshold": ">= 50%"},
    ], checks=[{"id": "KT-01", "levels": P, **CHECKS["sum"]}])
    facts = make_facts([("TINH", m, v) for m, v in rows])
    ev = evaluate(pack, facts, make_registry(0, 0))
    _assert_ledger(ev)
    return by_key(ev.verdicts), facts, ev


ROWS: list[tuple[str, object]] = [("total", 100), ("item_a", 50), ("item_b", 30), ("item_c", 20), ("budget", 1000),
                                  ("num", 6), ("den", 10)]


def test_a_target_on_a_figure_of_a_failed_check_is_inconsistent_and_names_it() -> None:
    rows = [(m, 21 if m == "item_c" else v) for m, v in ROWS]  # 50 + 30 + 21 = 101, not 100
    verdicts, facts, _ = _with_target(rows)
    assert verdicts[("KT-01", "", "province", "TINH")].status is Status.INCONSISTENT_DATA
    kp = verdicts[("KP-01", "", "province", "TINH")]
    assert kp.status is Status.INCONSISTENT_DATA  # 100/1000 = 10% would otherwise pass ">= 1%"
    assert any("KT-01" in en for _, en in kp.reasons), kp.reasons
    # a target that uses none of the check's figures is decided as usual
    assert verdicts[("KP-02", "", "province", "TINH")].status is Status.MET
    # the caller's fact set is not changed
    assert facts.inconsistent == {}


def test_a_target_on_the_figures_of_a_consistent_check_is_decided_as_usual() -> None:
    verdicts, _, ev = _with_target(ROWS)
    assert verdicts[("KT-01", "", "province", "TINH")].status is Status.MET
    assert verdicts[("KP-01", "", "province", "TINH")].status is Status.MET
    # the checks are decided on durable-rules, by their own rules
    assert ev.ledger.decided["2022|KT-01||province:TINH"] == "KT-01:check|met"


def test_checks_come_after_the_targets_in_the_verdicts() -> None:
    _, _, ev = _with_target(ROWS)
    kinds = [v.check is not None for v in ev.verdicts]
    assert kinds == sorted(kinds)


def test_a_check_over_units_sums_up_per_level_and_for_the_province() -> None:
    d = ["department"]
    metrics = [metric("pct", "percent", d), metric("num", "count", d), metric("den", "count", d)]
    pack = make_pack(metrics, [], checks=[{"id": "KT-01", "levels": d, **CHECKS["percent"]}])
    facts = make_facts([("S1", "pct", "50%"), ("S1", "num", 1), ("S1", "den", 2),
                        ("S2", "pct", "50%"), ("S2", "num", 1), ("S2", "den", 3),
                        ("S3", "pct", "50%"), ("S3", "num", 1)])
    ev = evaluate(pack, facts, make_registry(3, 0))
    _assert_ledger(ev)
    verdicts = by_key(ev.verdicts)
    assert verdicts[("KT-01", "", "unit", "S1")].status is Status.MET
    assert verdicts[("KT-01", "", "unit", "S2")].status is Status.INCONSISTENT_DATA  # 33,3% printed as 50%
    assert verdicts[("KT-01", "", "unit", "S3")].status is Status.INSUFFICIENT_DATA
    for scope in (("level", "department"), ("province", "TINH")):
        v = verdicts[("KT-01", "", *scope)]
        assert v.status is Status.INCONSISTENT_DATA  # inconsistency is said before missing data
        assert v.reasons == [("1/3 đơn vị khớp; mâu thuẫn: S2; thiếu số liệu: S3",
                              "1/3 units consistent; inconsistent: S2; insufficient data: S3")]


def test_a_pack_without_checks_decides_its_targets_as_before() -> None:
    metrics = [metric("num", "count", P), metric("den", "count", P)]
    target = {"id": "KP-02", "measure": {"ratio": {"numerator": "num", "denominator": "den"}}, "levels": P,
              "threshold": ">= 50%"}
    facts = make_facts([("TINH", "num", 6), ("TINH", "den", 10)])
    ev = evaluate(make_pack(metrics, [target]), facts, make_registry(0, 0))
    assert [(v.target, v.status) for v in ev.verdicts] == [("KP-02", Status.MET)]
    assert ev.rounds == 1 and all(v.check is None for v in ev.verdicts)
