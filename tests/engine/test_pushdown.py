"""The aggregated engine (``engine.pushdown``) against the per-unit engine: at the province and
level scopes every verdict must be the same, field by field (status, exact numerator,
denominator and value, threshold, coverage, units, reasons, bounds, gap, parts), and the ledger
must balance. Generated audits with missing units, flagged figures and zero denominators
exercise the hand-over to the per-unit engine; generated complete audits exercise the sums."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

from engine_builders import PERIOD, make_pack, make_registry
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_reference import METRICS, PERIODS, packs, registries, scenarios

from plancheck.audit import load_rule_pack, load_unit_registry, unused_in_table, unused_values
from plancheck.diagnostics import Location
from plancheck.engine.evaluate import Evaluation, evaluate
from plancheck.engine.pushdown import evaluate_table
from plancheck.engine.sql_facts import FactDB
from plancheck.engine.verdicts import ScopeKind, Status, Verdict
from plancheck.facts import DEFAULT_FACTS
from plancheck.facts.load import load_facts
from plancheck.facts.model import FactSet, MetricValue, Registry
from plancheck.facts.table import FactTable
from plancheck.rules.model import Pack, Rollup

Key = tuple[str, str, str, str]


def _signature(v: Verdict) -> tuple[Any, ...]:
    return (v.status, v.numerator, v.denominator, v.value, v.op, v.threshold, v.threshold_text, v.coverage,
            v.contributing, v.missing, v.reasons, v.bounds, v.gap, v.partial_value, v.measure, v.percent, v.per,
            v.title_vi, v.title_en, v.clause, [(p.target, p.part, p.scope, p.status) for p in v.parts])


def _scopes(ev: Evaluation) -> dict[Key, Verdict]:
    return {(v.target, v.part, v.scope.kind.value, v.scope.id): v for v in ev.verdicts
            if v.scope.kind is not ScopeKind.UNIT}


def assert_same_scopes(pack: Pack, registry: Registry, facts: FactSet, period: str | None = None) -> Evaluation:
    """Same province and level verdicts, a balanced ledger, and the same unused values (A001)."""
    per_unit = evaluate(pack, facts, registry, period=period)
    table = FactTable.of(facts)
    db = FactDB(table, registry)
    try:
        summed = evaluate_table(pack, table, registry, period=period, db=db)
        audited = period or pack.pack.period
        unused = [(d.message, d.location) for d in unused_in_table(db, table, summed, audited)]
    finally:
        db.close()
    assert unused == [(d.message, d.location) for d in unused_values(facts, per_unit, audited)]
    a, b = _scopes(per_unit), _scopes(summed)
    assert sorted(a) == sorted(b)
    for k in a:
        assert _signature(a[k]) == _signature(b[k]), f"{k}: per unit {_signature(a[k])}\nsummed {_signature(b[k])}"
    assert len(summed.ledger.posted) == len(summed.ledger.decided) == len(summed.verdicts)
    assert set(summed.ledger.posted) == {v.engine_fact for v in summed.verdicts}
    return summed


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(scenarios())
def test_same_scope_verdicts_on_generated_audits(scenario: tuple[Pack, Registry, FactSet]) -> None:
    pack, registry, facts = scenario
    assert_same_scopes(pack, registry, facts)


@st.composite
def complete_facts(draw: st.DrawFn, registry: Registry, period: str) -> FactSet:
    """Every unit reports every figure, each usable: no denominator at 0, no part above its whole."""
    fs = FactSet()
    for i, u in enumerate(registry.units):
        den = draw(st.sampled_from([2, 4, 5, 10, 1000]))
        exc = draw(st.integers(0, 1))
        row = {"den": Fraction(den), "exc": Fraction(exc), "num": Fraction(draw(st.integers(0, den - exc))),
               "flag": Fraction(draw(st.integers(0, 1))), "cnt": Fraction(draw(st.sampled_from([0, 12, 13, 52, 60]))),
               "val": draw(st.sampled_from([Fraction(0), Fraction(1, 2), Fraction(2, 3), Fraction(3)]))}
        for m, value in row.items():
            fs.add(MetricValue(u.id, period, m, value, str(value), Location("gen.yaml", 10 * i + len(fs))))
    return fs


@st.composite
def complete_scenarios(draw: st.DrawFn) -> tuple[Pack, Registry, FactSet, str]:
    registry = draw(registries())
    period = draw(st.sampled_from(PERIODS))
    return draw(packs(period)), registry, draw(complete_facts(registry, period)), period


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(complete_scenarios())
def test_complete_audits_are_decided_from_sums(scenario: tuple[Pack, Registry, FactSet, str]) -> None:
    pack, registry, facts, period = scenario
    summed = assert_same_scopes(pack, registry, facts, period)
    # only a scope counting units, on a level that has none or against a baseline, is left per unit
    left = set(summed.per_unit_targets)
    counting = (Rollup.EVERY_UNIT, Rollup.SHARE_OF_UNITS)
    for t in pack.targets:
        if t.manual or (t.increase_over is not None and t.rollup in counting):
            continue
        specs = [(p.levels, p.rollup) for p in t.all_of] if t.all_of is not None else [(t.levels, t.rollup)]
        if all(registry.at_level(lv) for levels, _ in specs for lv in levels):
            assert t.id not in left, f"{t.id} was decided per unit"
    assert not [v for v in summed.verdicts if v.scope.kind is ScopeKind.UNIT and v.target not in left]


def test_a_missing_unit_is_decided_from_observations_without_unit_verdicts() -> None:
    registry = make_registry(departments=0, districts=2, communes=0, province=None)
    pack = make_pack(METRICS, [{"id": "T-1", "measure": {"ratio": {"numerator": "num", "denominator": "den"}},
                                "levels": ["district"], "threshold": ">= 50%"}])
    facts = FactSet()
    first = registry.units[0].id
    for m, x in (("num", 3), ("den", 4)):
        facts.add(MetricValue(first, PERIOD, m, Fraction(x), str(x), Location("a.yaml", 1)))
    summed = assert_same_scopes(pack, registry, facts)
    assert summed.per_unit_targets == []
    assert not [v for v in summed.verdicts if v.scope.kind is ScopeKind.UNIT]
    province = next(v for v in summed.verdicts if v.target == "T-1" and v.scope.kind is ScopeKind.PROVINCE)
    # the other district has no figures, this period or the one before: no bounds, no verdict
    assert province.status is Status.INSUFFICIENT_DATA and province.missing == [registry.units[1].id]
    assert province.facts == [] and (PERIOD, "num", "district") in summed.summed
    facts.add(MetricValue(registry.units[1].id, PERIOD, "num", Fraction(1), "1", Location("a.yaml", 3)))
    facts.add(MetricValue(registry.units[1].id, PERIOD, "den", Fraction(4), "4", Location("a.yaml", 4)))
    summed = assert_same_scopes(pack, registry, facts)
    province = next(v for v in summed.verdicts if v.target == "T-1" and v.scope.kind is ScopeKind.PROVINCE)
    assert (province.status, province.value, province.facts) == (Status.MET, Fraction(4, 8), [])
    assert {(PERIOD, "num", "district"), (PERIOD, "den", "district")} <= summed.summed


def test_a_scope_counting_units_with_a_missing_unit_is_decided_per_unit() -> None:
    registry = make_registry(departments=0, districts=2, communes=0, province=None)
    pack = make_pack(METRICS, [{"id": "T-1", "measure": {"flag": "flag"}, "levels": ["district"],
                                "rollup": "every_unit", "threshold": ">= 100%"}])
    facts = FactSet()
    facts.add(MetricValue(registry.units[0].id, PERIOD, "flag", Fraction(1), "có", Location("a.yaml", 1)))
    summed = assert_same_scopes(pack, registry, facts)
    assert summed.per_unit_targets == ["T-1"]
    assert len([v for v in summed.verdicts if v.scope.kind is ScopeKind.UNIT]) == 2


def test_a_baseline_after_the_period_is_not_read_and_its_values_are_said_unused() -> None:
    registry = make_registry(departments=0, districts=2, communes=0, province=None)
    pack = make_pack(METRICS, [{"id": "T-1", "measure": {"ratio": {"numerator": "num", "denominator": "den"}},
                                "levels": ["district"], "increase_over": "2023"}], period="2022")
    facts = FactSet()
    for i, u in enumerate(registry.units):
        for p in ("2022", "2023"):
            for m, x in (("num", 1 + i), ("den", 4)):
                facts.add(MetricValue(u.id, p, m, Fraction(x), str(x), Location("a.yaml", len(facts) + 1)))
    assert_same_scopes(pack, registry, facts, "2022")


def test_thresholds_and_values_of_many_digits_are_decided_as_per_unit() -> None:
    registry = make_registry(departments=0, districts=2, communes=0, province=None)
    pack = make_pack(METRICS, [
        {"id": "T-1", "measure": {"value": "val"}, "levels": ["district"], "rollup": "every_unit",
         "threshold": ">= 0,123456789123456789"},
        {"id": "T-2", "measure": {"rate": {"count": "cnt"}}, "levels": ["district"], "rollup": "every_unit",
         "threshold": ">= 0,123456789123456789"}])
    facts = FactSet()
    for i, u in enumerate(registry.units):
        facts.add(MetricValue(u.id, PERIOD, "val", Fraction(10**17 + i, 10**18), "x", Location("a.yaml", 2 * i + 1)))
        facts.add(MetricValue(u.id, PERIOD, "cnt", Fraction(7 + i), str(7 + i), Location("a.yaml", 2 * i + 2)))
    assert_same_scopes(pack, registry, facts)
    huge = FactSet()
    for i, u in enumerate(registry.units):
        huge.add(MetricValue(u.id, PERIOD, "val", Fraction(2**126), "x", Location("b.yaml", i + 1)))
    too_big = FactDB(FactTable.of(huge), registry)
    assert not too_big.holds
    too_big.close()
    assert_same_scopes(pack, registry, huge)


def test_values_of_a_unit_outside_the_registry_are_said_unused() -> None:
    registry = make_registry(departments=0, districts=1, communes=0, province=None)
    pack = make_pack(METRICS, [{"id": "T-1", "measure": {"flag": "flag"}, "levels": ["district"],
                                "threshold": ">= 100%"}])
    facts = FactSet()
    facts.add(MetricValue(registry.units[0].id, PERIOD, "flag", Fraction(1), "có", Location("a.yaml", 1)))
    facts.add(MetricValue("NOT-HERE", PERIOD, "flag", Fraction(1), "có", Location("a.yaml", 2)))
    assert_same_scopes(pack, registry, facts)


def test_bundled_audit_has_the_same_scope_verdicts() -> None:
    pack, _ = load_rule_pack(None)
    registry = load_unit_registry(None)
    load = load_facts([Path(DEFAULT_FACTS)], pack, registry)
    summed = assert_same_scopes(pack, registry, load.facts)
    # the bundled sample leaves some communes out: the scopes counting units there are decided per unit
    assert 0 < len(summed.per_unit_targets) < len([t for t in pack.targets if not t.manual])
    units = {v.target for v in summed.verdicts if v.scope.kind is ScopeKind.UNIT}
    assert units == set(summed.per_unit_targets)
