"""The audit as JSON, versioned (``schema: plancheck.audit/1``; the JSON Schema is
``render/audit.schema.json``, described in ``docs/json-output.md``). Exact values are strings
("7/10"); decimals are for reading only."""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .. import __version__
from ..audit import AuditResult
from ..engine.verdicts import Consistency, Side, Status, Verdict, verdict_label
from . import consistency
from . import format as fmt
from .waivers import waiver_dict

SCHEMA = "plancheck.audit/1"


def exact(value: Fraction | None) -> str | None:
    if value is None:
        return None
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def _decimal(value: Fraction) -> str:
    q = Decimal(value.numerator) / Decimal(value.denominator)
    return format(round(q, 6).normalize(), "f")


def _number(value: Fraction | None) -> dict[str, str] | None:
    if value is None:
        return None
    return {"exact": exact(value) or "", "decimal": _decimal(value)}


def verdict_dict(v: Verdict) -> dict[str, Any]:
    return {
        "target": v.target,
        "part": v.part,
        "title_vi": v.title_vi,
        "title_en": v.title_en,
        "area": v.area,
        "clause": v.clause,
        "period": v.period,
        "scope": {"kind": v.scope.kind.value, "id": v.scope.id, "name_vi": v.scope.name_vi,
                  "name_en": v.scope.name_en},
        "status": v.status.value,
        "status_vi": verdict_label(v, "vi"),
        "status_en": verdict_label(v, "en"),
        "measure": v.measure,
        "value": _number(v.value),
        "value_display": {"vi": fmt.value_text(v, "vi"), "en": fmt.value_text(v, "en")},
        "threshold": None if v.op is None else {"op": v.op.value, "value": _number(v.threshold),
                                                 "text": v.threshold_text},
        "margin": _number(v.margin),
        "partial_value": _number(v.partial_value),
        "bounds": None if v.bounds is None else [_number(v.bounds[0]), _number(v.bounds[1])],
        "baseline": _number(v.baseline),
        "numerator": _number(v.numerator),
        "denominator": _number(v.denominator),
        "gap": None if v.gap is None else {
            "amount": _number(v.gap.amount), "direction": v.gap.direction,
            "unit_vi": v.gap.unit_vi, "unit_en": v.gap.unit_en,
            "text_vi": fmt.gap_sentence(v.gap, "vi"), "text_en": fmt.gap_sentence(v.gap, "en")},
        "contributing": list(v.contributing),
        "missing": list(v.missing),
        "facts": [{"unit": f.unit, "metric": f.metric, "period": f.period, "value": exact(f.value), "raw": f.raw,
                   "file": f.file, "line": f.line} for f in v.facts],
        "reasons": [{"vi": vi, "en": en} for vi, en in v.reasons],
        "engine_fact": v.engine_fact,
        "parts": [verdict_dict(p) for p in v.parts],
        "check": None if v.check is None else _check(v.check, v),
        "coverage": None if v.coverage is None else {"reported": v.coverage.reported, "expected": v.coverage.expected,
                                                     "levels": list(v.coverage.levels)},
        "at_risk": v.at_risk,
        "projected": None if v.projected is None else {
            "as_of": v.projected.as_of, "elapsed": _number(v.projected.elapsed), "value": _number(v.projected.value),
            "status": v.projected.status.value},
        "waiver": waiver_dict(v),
    }


def _side(side: Side | None) -> dict[str, Any] | None:
    return None if side is None else {"value": _number(side.value), "formula": side.formula}


def _check(c: Consistency, v: Verdict) -> dict[str, Any]:
    """A consistency check's comparison: both sides, the difference and the tolerance (exact, on
    the values' own scale: fractions of 1 for percentages), and how they read."""
    stated, computed, difference, allowed = consistency.cells(v, "vi")
    stated_en, computed_en, difference_en, allowed_en = consistency.cells(v, "en")
    return {
        "kind": c.kind,
        "relation": c.relation,
        "scale": c.scale,
        "decimals": c.decimals,
        "stated": _side(c.stated),
        "computed": _side(c.computed),
        "difference": _number(c.difference),
        "tolerance": _number(c.tolerance),
        "missing": list(c.missing),
        "display": {"vi": {"stated": stated, "computed": computed, "difference": difference, "allowed": allowed},
                    "en": {"stated": stated_en, "computed": computed_en, "difference": difference_en,
                           "allowed": allowed_en}},
    }


def audit_dict(result: AuditResult, verdicts: Sequence[Verdict], scope: str) -> dict[str, Any]:
    counts = result.counts(verdicts)
    checks = consistency.split(verdicts)[1]
    ledger = result.evaluation.ledger
    return {
        "schema": SCHEMA,
        "generator": f"plancheck {__version__}",
        "pack": {"id": result.pack.pack.id, "title_vi": result.pack.pack.title_vi, "source": result.pack.pack.source,
                 "file": result.pack_path},
        "period": result.period,
        "scope": scope,
        "summary": {
            "verdicts": len(verdicts),
            "by_status": {s.value: n for s, n in counts.items()},
            "values_accepted": result.load.accepted_values,
            "values_rejected": result.load.rejected_values,
            "files": result.fact_paths,
            "consistency": {"checks": len(checks),
                            "by_status": {s.value: sum(v.status is s for v in checks) for s in Status}},
            "waivers": _waivers_summary(result, verdicts),
        },
        "ledger": {"posted": len(ledger.posted), "decided": len(ledger.decided),
                   "cited": len(result.evaluation.verdicts), "retried": ledger.retried},
        "engine": {"name": result.engine, "per_unit_targets": result.evaluation.per_unit_targets,
                   "summed": [{"period": p, "metric": m, "level": lv}
                              for p, m, lv in sorted(result.evaluation.summed)]},
        "verdicts": [verdict_dict(v) for v in verdicts],
        "diagnostics": [d.as_dict() for d in result.diagnostics],
    }


def _waivers_summary(result: AuditResult, verdicts: Sequence[Verdict]) -> dict[str, Any]:
    """The waiver files, the date they were applied as of, and what became of the waivers on the
    verdicts shown (``by_state``: applied, expired, …)."""
    states: dict[str, int] = {}
    for v in verdicts:
        w = waiver_dict(v)
        if w is not None:
            states[w["state"]] = states.get(w["state"], 0) + 1
    return {"files": result.waiver_files, "as_of": result.as_of.isoformat() if result.as_of else None,
            "loaded": len(result.waivers), "by_state": states}


def render_json(result: AuditResult, verdicts: Sequence[Verdict], scope: str) -> str:
    return json.dumps(audit_dict(result, verdicts, scope), ensure_ascii=False, indent=2)
