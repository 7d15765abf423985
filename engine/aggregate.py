"""Aggregate submitted values into what a target measures, per unit and per scope.

Nothing here compares a value with a threshold: that is durable-rules' job (``engine.compile``).
Missing data is never read as zero: a unit without every figure a measure needs is *missing*,
and a zero denominator is insufficient data, not a division error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from ..facts.model import FactSet, MetricValue, period_count
from ..rules.model import Measure, Rollup
from .verdicts import FactRef


@dataclass
class Observation:
    """One unit's figures for one measure, or a scope's pooled figures."""

    numerator: Fraction | None = None
    denominator: Fraction | None = None
    contributing: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    inconsistent: list[str] = field(default_factory=list)  # units with a figure breaking a constraint
    facts: list[FactRef] = field(default_factory=list)
    reasons: list[tuple[str, str]] = field(default_factory=list)

    @property
    def value(self) -> Fraction | None:
        if self.numerator is None or not self.denominator:
            return None
        return self.numerator / self.denominator

    @property
    def complete(self) -> bool:
        return not self.missing and self.value is not None


def fact_ref(v: MetricValue) -> FactRef:
    """A submitted value as a verdict cites it: its figure and its source row."""
    return FactRef(v.unit, v.metric, v.period, v.value, v.raw, v.source.file, v.source.line)


def observe_unit(measure: Measure, unit: str, period: str, facts: FactSet, cite: bool = True) -> Observation:
    """The figures one unit submitted for a measure in a period; ``cite``: with a ``FactRef`` each."""
    obs = Observation()
    needed = measure.metric_ids()
    got = {m: facts.get(unit, period, m) for m in needed}
    absent = [m for m, v in got.items() if v is None]
    present = [v for v in got.values() if v is not None]
    obs.facts = [fact_ref(v) for v in present] if cite else []
    if absent:
        obs.missing = [unit]
        obs.reasons.append((f"{unit} chưa báo cáo {', '.join(absent)} kỳ {period}",
                            f"{unit} did not report {', '.join(absent)} for {period}"))
        return obs
    if any(v.key in facts.inconsistent for v in present):
        obs.inconsistent = [unit]
        for v in present:
            if v.key in facts.inconsistent:
                obs.reasons.append((facts.inconsistent[v.key], facts.inconsistent[v.key]))
    obs.contributing = [unit]
    values = {m: v.value for m, v in got.items() if v is not None}
    if measure.ratio is not None:
        r = measure.ratio
        excluded = sum((values[e] for e in r.exclude), Fraction(0))
        obs.numerator = values[r.numerator]
        obs.denominator = values[r.denominator] - excluded
        if obs.denominator < 0:
            obs.inconsistent = [unit]
            obs.reasons.append((f"{unit}: phần loại trừ ({excluded}) lớn hơn mẫu số ({values[r.denominator]})",
                                f"{unit}: the excluded part ({excluded}) exceeds the denominator "
                                f"({values[r.denominator]})"))
        elif r.per == 1 and obs.numerator > obs.denominator:
            # a share of a whole cannot pass 100%: the part or the whole (net of exclusions) is wrong
            net = f"{r.denominator}" + "".join(f" − {e}" for e in r.exclude)
            obs.inconsistent = [unit]
            obs.reasons.append((f"{unit}: {r.numerator} ({obs.numerator}) lớn hơn {net} ({obs.denominator})",
                                f"{unit}: {r.numerator} ({obs.numerator}) exceeds {net} ({obs.denominator})"))
    elif measure.rate is not None:
        obs.numerator = values[measure.rate.count]
        obs.denominator = Fraction(period_count(period, measure.rate.per))
    else:
        metric = measure.flag if measure.flag is not None else measure.value
        assert metric is not None
        obs.numerator, obs.denominator = values[metric], Fraction(1)
    if obs.denominator == 0:
        obs.reasons.append((f"{unit}: mẫu số bằng 0, không tính được tỷ lệ",
                            f"{unit}: the denominator is zero, no ratio can be computed"))
    return obs


def pool(observations: Sequence[Observation], rollup: Rollup, measure: Measure) -> Observation:
    """A scope's figures from its units' (pooled or mean; unit-count roll-ups are decided
    from the units' own verdicts in ``engine.plan``)."""
    out = Observation()
    for o in observations:
        out.contributing += o.contributing
        out.missing += o.missing
        out.inconsistent += o.inconsistent
        out.facts += o.facts
        out.reasons += o.reasons
    usable = [o for o in observations if o.contributing and o.numerator is not None and o.denominator is not None]
    if not usable:
        return out
    if rollup is Rollup.MEAN or measure.value is not None:
        ratios = [o.value for o in usable]
        known = [r for r in ratios if r is not None]
        if len(known) != len(ratios):
            out.reasons.append(("có đơn vị có mẫu số bằng 0, không tính được trung bình",
                                "a unit has a zero denominator, so no mean can be computed"))
            return out
        out.numerator, out.denominator = sum(known, Fraction(0)), Fraction(len(known))
    else:
        out.numerator = sum((o.numerator for o in usable if o.numerator is not None), Fraction(0))
        out.denominator = sum((o.denominator for o in usable if o.denominator is not None), Fraction(0))
        if out.denominator == 0:
            out.reasons.append(("tổng mẫu số bằng 0, không tính được tỷ lệ",
                                "the pooled denominator is zero, no ratio can be computed"))
    return out
