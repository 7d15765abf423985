"""Table-driven rule cases: each ``cases/*.yaml`` holds a small pack, its units, the facts they
submitted and the verdicts expected; every expected verdict is its own test.

A case file::

    period: "2022-Q3"         # optional: the audited period (default 2022)
    metrics: [...]            # as in a rule pack
    targets: [...]            # area, title and clause are filled in
    checks: [...]             # optional consistency checks; title and clause are filled in
    units: [{id, level, parent?}]
    facts:                    # [unit, metric, value, period?] or {unit, metric, value, period?, inconsistent?}
    expect:                   # {target, part?, scope, id, status, value?, gap?, gap_direction?, bounds?, missing?}

Values are exact: ints, Vietnamese text ("22.639.373.567", "33,4%"), "có"/"không", or "7/10".
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from engine_builders import (
    PERIOD,
    assert_agrees_with_reference,
    by_key,
    make_facts,
    make_pack,
    registry_from,
    to_fraction,
)
from ruamel.yaml import YAML

from plancheck.diagnostics import Location, Severity
from plancheck.engine.evaluate import Evaluation, evaluate
from plancheck.engine.verdicts import Status
from plancheck.facts.model import FactSet, Registry
from plancheck.rules.checks import check_pack
from plancheck.rules.model import Pack

CASES = Path(__file__).parent / "cases"
FILES = sorted(CASES.glob("*.yaml"))
_YES_NO = {"có": 1, "không": 0}


@cache
def load_case(name: str) -> tuple[Pack, Registry, FactSet, list[dict[str, Any]]]:
    data = YAML(typ="safe").load((CASES / name).read_text(encoding="utf-8"))
    period = str(data.get("period", PERIOD))
    pack = make_pack(data["metrics"], data["targets"], pack_id=Path(name).stem, checks=data.get("checks") or [],
                     period=period)
    registry = registry_from(data["units"])
    rows, flagged = [], []
    for f in data.get("facts") or []:
        if isinstance(f, dict):
            row = [f["unit"], f["metric"], f["value"], str(f.get("period", period))]
            if "inconsistent" in f:
                flagged.append((row[0], row[3], row[1]))
        else:
            row = [f[0], f[1], f[2], str(f[3]) if len(f) > 3 else period]
        row[2] = _YES_NO.get(row[2], row[2]) if isinstance(row[2], str) else row[2]
        rows.append(row)
    facts = make_facts(rows, inconsistent=flagged, file=name)
    return pack, registry, facts, data["expect"]


@cache
def evaluated(name: str) -> Evaluation:
    pack, registry, facts, _ = load_case(name)
    return evaluate(pack, facts, registry)


def _expectations() -> list[Any]:
    params = []
    for path in FILES:
        for e in load_case(path.name)[3]:
            part = f"/{e['part']}" if e.get("part") else ""
            params.append(pytest.param(path.name, e, id=f"{path.stem}:{e['target']}{part}@{e['scope']}:{e['id']}"))
    return params


def test_every_shape_has_a_case_file() -> None:
    shapes = {"ratio_threshold", "comparisons", "per_level", "share_of_units", "per_capita", "budget_share",
              "frequency", "excluded_denominator", "of_which", "compound", "increase", "manual", "missing_data",
              "zero_denominator", "inconsistent", "consistency"}
    assert shapes <= {p.stem for p in FILES}


@pytest.mark.parametrize(("name", "expected"), _expectations())
def test_expected_verdict(name: str, expected: dict[str, Any]) -> None:
    verdicts = by_key(evaluated(name).verdicts)
    k = (expected["target"], expected.get("part", ""), expected["scope"], expected["id"])
    assert k in verdicts, f"no verdict for {k}; there are {sorted(verdicts)}"
    v = verdicts[k]
    assert v.status is Status(expected["status"]), f"{k}: {v.status.value}, value {v.value}, reasons {v.reasons}"
    if "value" in expected:
        assert v.value == Fraction(str(expected["value"])), f"{k}: value {v.value}"
    if "bounds" in expected:  # [lo, hi], or [lo, null]: no upper limit; null: no bounds at all
        want = None if expected["bounds"] is None else tuple(
            None if b is None else Fraction(str(b)) for b in expected["bounds"])
        assert v.bounds == want, f"{k}: bounds {v.bounds}"
    if "coverage" in expected:  # [reported, expected]
        assert v.coverage is not None and [v.coverage.reported, v.coverage.expected] == expected["coverage"]
    if "missing" in expected:
        assert sorted(v.missing) == sorted(expected["missing"])
    if "gap" in expected:
        assert v.gap is not None, f"{k}: no gap"
        assert v.gap.amount == to_fraction(expected["gap"]), f"{k}: gap {v.gap}"
        assert v.gap.direction == expected.get("gap_direction", "more")
    if v.status is not Status.NOT_MET:
        assert v.gap is None, "only a verdict not met has a gap"


@pytest.mark.parametrize("name", [p.name for p in FILES], ids=[p.stem for p in FILES])
def test_case_file_is_a_valid_pack(name: str) -> None:
    pack, registry, facts, _ = load_case(name)
    errors = [d for d in check_pack(pack, lambda *p: Location(name)) if d.severity is Severity.ERROR]
    assert errors == []
    known = set(registry.ids())
    assert {v.unit for v in facts} <= known


@pytest.mark.parametrize("name", [p.name for p in FILES], ids=[p.stem for p in FILES])
def test_reference_agrees_on_case_file(name: str) -> None:
    pack, registry, facts, _ = load_case(name)
    assert_agrees_with_reference(pack, registry, facts)


@pytest.mark.parametrize("name", [p.name for p in FILES], ids=[p.stem for p in FILES])
def test_ledger_balances_on_case_file(name: str) -> None:
    ev = evaluated(name)
    assert len(ev.ledger.posted) == len(ev.ledger.decided) == len(ev.verdicts)
    assert set(ev.ledger.decided) == {v.engine_fact for v in ev.verdicts}
