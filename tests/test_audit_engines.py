"""`plancheck audit --engine`: the per-unit engine, the aggregated one, and what ``auto`` picks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from plancheck.audit import AGGREGATE_FROM_UNITS, InputError, choose_engine, load_rule_pack
from plancheck.cli import main
from plancheck.engine.plan import target_specs

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "render" / "audit.schema.json").read_text("utf-8"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner(env={"COLUMNS": "250"}).invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("engine", "units", "unit_view", "per_figure", "expected"), [
    ("auto", 99, False, False, "per-unit"),  # a province
    ("auto", AGGREGATE_FROM_UNITS - 1, False, False, "per-unit"),
    ("auto", AGGREGATE_FROM_UNITS, False, False, "aggregated"),  # a national registry
    ("auto", 10_000, True, False, "per-unit"),  # --unit or --scope unit: units' own verdicts
    ("auto", 10_000, False, True, "per-unit"),  # waivers, --as-of, --compare read figures one by one
    ("per-unit", 10_000, False, False, "per-unit"),
    ("aggregated", 99, False, True, "aggregated"),
])
def test_auto_picks_the_aggregated_engine_for_national_registries(engine: str, units: int, unit_view: bool,
                                                                  per_figure: bool, expected: str) -> None:
    assert choose_engine(engine, units, unit_view, per_figure) == expected


def test_the_aggregated_engine_refuses_a_unit_view() -> None:
    with pytest.raises(InputError) as err:
        choose_engine("aggregated", 10_000, True, False)
    assert err.value.diagnostics[0].code == "O004"
    code, _, stderr = run("audit", "--engine", "aggregated", "--unit", "SO-TTTT")
    assert code == 2 and "O004" in stderr and "--engine per-unit" in stderr


def _statuses(doc: dict[str, Any]) -> list[tuple[str, str, Any, Any, Any]]:
    return [(v["target"], v["status"], v["value"], v["numerator"], v["coverage"]) for v in doc["verdicts"]]


@pytest.mark.parametrize("scope", ["province", "level"])
def test_both_engines_give_the_bundled_audit_the_same_verdicts(scope: str) -> None:
    code_a, out_a, _ = run("audit", "--format", "json", "--scope", scope, "--engine", "aggregated")
    code_p, out_p, _ = run("audit", "--format", "json", "--scope", scope)
    assert code_a == code_p == 0
    aggregated, per_unit = json.loads(out_a), json.loads(out_p)
    jsonschema.validate(aggregated, SCHEMA)
    assert per_unit["engine"] == {"name": "per-unit", "per_unit_targets": [], "summed": []}
    assert aggregated["engine"]["name"] == "aggregated"
    assert _statuses(aggregated) == _statuses(per_unit)
    assert aggregated["summary"] == per_unit["summary"]
    assert aggregated["diagnostics"] == per_unit["diagnostics"]
    # the targets the sums decided cite their figures as a whole; those decided per unit, one by one
    left = set(aggregated["engine"]["per_unit_targets"])
    summed = {v["target"] for v in aggregated["verdicts"] if v["measure"] != "manual"} - left
    assert left and summed
    for v, p in zip(aggregated["verdicts"], per_unit["verdicts"], strict=True):
        if v["target"] in summed:
            assert v["facts"] == []
        elif v["target"] in left:
            assert v["facts"] == p["facts"]
    assert any(v["facts"] for v in aggregated["verdicts"] if v["target"] in left)
    pack, _ = load_rule_pack(None)
    used = {s["metric"] for s in aggregated["engine"]["summed"]}
    for t in pack.targets:
        if t.id in summed:
            assert {m for spec, _ in target_specs(t) for m in spec.measure.metric_ids()} <= used, t.id
