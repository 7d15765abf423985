"""The engine's consistency checks against the reference semantics (``reference_checks.py``) on
generated figures that sit on, just inside and just outside the edge of the printed precision,
with units missing figures and a target built on the checked figures."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from engine_builders import assert_agrees_with_reference, make_facts, make_pack, make_registry, metric
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plancheck.facts.model import FactSet, Registry
from plancheck.facts.numbers import format_vi
from plancheck.rules.model import Pack

D = ["department"]
METRICS = [metric(m, k, D) for m, k in (("pct", "percent"), ("num", "count"), ("den", "count"), ("exc", "count"),
                                        ("rate", "number"), ("total", "count"), ("a", "count"), ("b", "count"))]
CHECKS = [
    {"id": "KT-01", "levels": D, "percent_of": {"percent": "pct", "numerator": "num", "denominator": "den"}},
    {"id": "KT-02", "levels": D, "percent_of": {"percent": "pct", "numerator": "num", "denominator": "den",
                                                "exclude": ["exc"]}},
    {"id": "KT-03", "levels": D, "per_100_of": {"rate": "rate", "count": "num", "population": "den"}},
    {"id": "KT-04", "levels": D, "sum_of": {"total": "total", "items": ["a", "b"]}},
    {"id": "KT-05", "levels": D, "part_of": {"part": "a", "whole": "total"}},
    {"id": "KT-06", "levels": D, "same_as": {"figure": "a", "other": "b"}},
]
TARGETS = [{"id": "T-01", "measure": {"ratio": {"numerator": "a", "denominator": "total"}}, "levels": D,
            "threshold": ">= 50%"},
           {"id": "T-02", "measure": {"ratio": {"numerator": "num", "denominator": "den"}}, "levels": D,
            "rollup": "share_of_units", "unit_threshold": ">= 30%", "threshold": ">= 50%"}]


@st.composite
def unit_rows(draw: st.DrawFn, unit: str) -> list[tuple[str, str, object]]:
    den = draw(st.sampled_from([0, 3, 8, 1000, 10000]))
    num = draw(st.integers(0, den)) if den else 0
    decimals = draw(st.sampled_from([0, 1, 2]))
    exact = Fraction(num * 100, den) if den else Fraction(0)
    step = Fraction(1, 10**decimals)
    # the printed figure: the exact value rounded, or one unit of the last digit off
    printed = round(exact, decimals) + draw(st.sampled_from([0, 0, step, -step]))
    printed = max(printed, Fraction(0))
    total = draw(st.integers(0, 20))
    a = draw(st.integers(0, total + 1))
    b = total - a + draw(st.sampled_from([0, 0, 1, -1]))
    rows: list[tuple[str, str, object]] = [
        (unit, "pct", format_vi(printed, decimals) + "%"), (unit, "num", num), (unit, "den", den),
        (unit, "exc", draw(st.integers(0, 3))), (unit, "rate", format_vi(printed, decimals)),
        (unit, "total", total), (unit, "a", a), (unit, "b", max(b, 0)),
    ]
    return [r for r in rows if draw(st.booleans()) or draw(st.integers(0, 9)) > 0]  # now and then a gap


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[Pack, Registry, FactSet]:
    n = draw(st.integers(1, 4))
    rows: list[Any] = []
    for i in range(n):
        rows += draw(unit_rows(f"S{i + 1}"))
    return make_pack(METRICS, TARGETS, checks=CHECKS), make_registry(n, 0), make_facts(rows)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_engine_agrees_with_reference_on_checks(scenario: tuple[Pack, Registry, FactSet]) -> None:
    assert_agrees_with_reference(*scenario)
