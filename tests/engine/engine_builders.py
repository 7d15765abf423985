"""Builders shared by the engine tests: a pack, a registry and a fact set from plain data, and
the verdicts of an evaluation indexed by (target, part, scope kind, scope id)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

from plancheck.diagnostics import Location
from plancheck.engine.verdicts import Verdict
from plancheck.facts.model import FactSet, MetricValue, Registry, Unit
from plancheck.facts.numbers import parse_number
from plancheck.rules.model import Level, Pack

PERIOD = "2022"
BASELINE = "2021"
PROVINCE_ID = "TINH"
ALL_LEVELS = ["province", "department", "district", "commune"]

Key = tuple[str, str, str, str]  # target, part, scope kind, scope id


def metric(mid: str, kind: str = "count", levels: Sequence[str] = ALL_LEVELS, **extra: Any) -> dict[str, Any]:
    return {"id": mid, "name_vi": extra.pop("name_vi", mid), "kind": kind, "levels": list(levels), **extra}


def make_pack(metrics: Sequence[Mapping[str, Any]], targets: Sequence[Mapping[str, Any]], *,
              period: str = PERIOD, baseline: str | None = BASELINE, pack_id: str = "test",
              checks: Sequence[Mapping[str, Any]] = ()) -> Pack:
    """A pack from plain metric, target and check dicts; a target's area, title and clause are
    filled in, and a check's title and clause."""
    full = []
    for t in targets:
        t = dict(t)
        t.setdefault("area", "a")
        t.setdefault("title_vi", t["id"])
        t.setdefault("clause", "test")
        full.append(t)
    info: dict[str, Any] = {"id": pack_id, "title_vi": "Thử", "source": "test", "period": period}
    if baseline is not None:
        info["baseline_period"] = baseline
    full_checks = [{"title_vi": c["id"], "clause": f"clause of {c['id']}", **c} for c in checks]
    return Pack.model_validate({"pack": info, "areas": [{"id": "a", "name_vi": "A"}],
                                "metrics": list(metrics), "targets": full, "checks": full_checks})


def make_registry(departments: int | Sequence[str] = 2, districts: int | Sequence[str] = 2,
                  communes: int | Sequence[str] = 0, province: str | None = PROVINCE_ID) -> Registry:
    """A province unit, then departments S1.., districts H1.., communes X1.. (in districts round robin)."""

    def ids(spec: int | Sequence[str], prefix: str) -> list[str]:
        return [f"{prefix}{i + 1}" for i in range(spec)] if isinstance(spec, int) else list(spec)

    units: list[Unit] = []
    if province is not None:
        units.append(Unit(province, "Tỉnh thử", Level.PROVINCE))
    units += [Unit(u, f"Sở {u}", Level.DEPARTMENT) for u in ids(departments, "S")]
    dists = ids(districts, "H")
    units += [Unit(u, f"Huyện {u}", Level.DISTRICT) for u in dists]
    for i, u in enumerate(ids(communes, "X")):
        units.append(Unit(u, f"Xã {u}", Level.COMMUNE, parent=dists[i % len(dists)] if dists else None))
    return Registry("Tỉnh thử", tuple(units))


def registry_from(rows: Iterable[Mapping[str, Any]]) -> Registry:
    units = [Unit(r["id"], r.get("name_vi", r["id"]), Level(r["level"]), parent=r.get("parent")) for r in rows]
    return Registry("Tỉnh thử", tuple(units))


def to_fraction(raw: object) -> Fraction:
    """A figure as written in a test: an int, a Fraction, "7/10", or Vietnamese text ("22.639.373.567")."""
    if isinstance(raw, Fraction):
        return raw
    if isinstance(raw, str) and "/" in raw:
        return Fraction(raw)
    parsed = parse_number(raw)
    return parsed.value / 100 if parsed.percent else parsed.value


def make_facts(rows: Iterable[Sequence[Any]], inconsistent: Iterable[tuple[str, str, str]] = (),
               file: str = "facts.yaml") -> FactSet:
    """Rows of (unit, metric, value[, period]); ``inconsistent`` keys (unit, period, metric) are flagged."""
    fs = FactSet()
    for i, row in enumerate(rows):
        unit, mid, raw = row[0], row[1], row[2]
        period = row[3] if len(row) > 3 else PERIOD
        fs.add(MetricValue(unit, period, mid, to_fraction(raw), str(raw), Location(file, i + 1)))
    for k in inconsistent:
        assert k in fs.values, f"flagged value {k} is not in the fact set"
        fs.inconsistent[k] = f"{k[2]} of {k[0]} breaks a constraint"
    return fs


def by_key(verdicts: Iterable[Verdict]) -> dict[Key, Verdict]:
    """Verdicts by (target, part, scope kind, scope id); no two verdicts may share a key."""
    out: dict[Key, Verdict] = {}
    for v in verdicts:
        k = (v.target, v.part, v.scope.kind.value, v.scope.id)
        assert k not in out, f"two verdicts for {k}"
        out[k] = v
    return out


def assert_agrees_with_reference(pack: Pack, registry: Registry, facts: FactSet) -> None:
    """Evaluate on the engine and with the reference; every verdict must have the same status, and
    the same exact value wherever the reference decides one. The ledger must balance."""
    from reference import reference_evaluate

    from plancheck.engine.evaluate import evaluate

    ev = evaluate(pack, facts, registry)
    engine = by_key(ev.verdicts)
    ref = reference_evaluate(pack, facts, registry)
    assert sorted(engine) == sorted(ref)
    for k, r in ref.items():
        v = engine[k]
        assert v.status is r.status, f"{k}: engine {v.status.value} (value {v.value}), reference {r}; {v.reasons}"
        if r.value is not None:
            assert v.value == r.value, f"{k}: engine value {v.value}, reference {r.value}"
    assert len(ev.ledger.posted) == len(ev.ledger.decided) == len(ev.verdicts)
    assert set(ev.ledger.posted) == {v.engine_fact for v in ev.verdicts}
