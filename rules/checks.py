"""Cross-reference checks of a rule pack that the schema alone cannot make: ids that must exist,
be unique, and be reported where a target or a consistency check needs them; wording that must
agree with the op; consistency checks that compare figures of kinds that can be compared."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..diagnostics import Diagnostic, Location, Severity, did_you_mean
from .model import (
    WORDING_OPS,
    Check,
    Level,
    Measure,
    Metric,
    MetricKind,
    Op,
    Pack,
    Part,
    Rollup,
    Target,
    Threshold,
)
from .task_checks import check_tasks

Locate = Callable[..., Location]


def check_pack(pack: Pack, at: Locate) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    out += _unique(pack, at)
    metrics = pack.metric_index()
    for i, m in enumerate(pack.metrics):
        for j, whole in enumerate(m.not_above):
            if whole not in metrics:
                out.append(Diagnostic("R101", f"unknown metric `{whole}`", at("metrics", i, "not_above", j),
                                      suggestion=did_you_mean(whole, metrics)))
            elif whole == m.id:
                out.append(Diagnostic("R106", "a metric cannot be a part of itself", at("metrics", i, "not_above", j)))
    areas = {a.id for a in pack.areas}
    for i, t in enumerate(pack.targets):
        if t.area not in areas:
            out.append(Diagnostic("R102", f"unknown area `{t.area}`", at("targets", i, "area"),
                                  suggestion=did_you_mean(t.area, areas)))
        out += _check_target(pack, t, i, at)
    for i, c in enumerate(pack.checks):
        out += _check_check(c, i, metrics, at)
    out += check_tasks(pack, at)
    return out


def _unique(pack: Pack, at: Locate) -> Iterator[Diagnostic]:
    sections: list[tuple[str, list[str]]] = [("metrics", [m.id for m in pack.metrics]),
                                             ("areas", [a.id for a in pack.areas]),
                                             ("targets", [t.id for t in pack.targets])]
    for section, ids in sections:
        seen: dict[str, int] = {}
        for i, item_id in enumerate(ids):
            if item_id in seen:
                yield Diagnostic("R100", f"duplicate id `{item_id}` (first at line {at(section, seen[item_id]).line})",
                                 at(section, i, "id"))
            else:
                seen[item_id] = i
    targets = {t.id: i for i, t in enumerate(pack.targets)}
    seen = {}
    for i, c in enumerate(pack.checks):
        if c.id in targets:
            line = at("targets", targets[c.id]).line
            yield Diagnostic("R100", f"duplicate id `{c.id}`: a target has it (line {line})", at("checks", i, "id"))
        elif c.id in seen:
            yield Diagnostic("R100", f"duplicate id `{c.id}` (first at line {at('checks', seen[c.id]).line})",
                             at("checks", i, "id"))
        else:
            seen[c.id] = i


def _check_target(pack: Pack, t: Target, i: int, at: Locate) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    if t.manual:
        return out
    if t.all_of is not None:
        for j, part in enumerate(t.all_of):
            out += _check_measure(pack, part, ("targets", i, "all_of", j), at)
        return out
    out += _check_measure(pack, t, ("targets", i), at)
    if t.increase_over is not None and t.rollup is Rollup.SHARE_OF_UNITS:
        out.append(Diagnostic("R112", "an increase over a baseline compares a value with its earlier value; "
                                      "use rollup pooled, mean or every_unit, not share_of_units",
                              at("targets", i, "rollup")))
    if t.increase_over is not None and t.increase_over == pack.pack.period:
        out.append(Diagnostic("R107", "the baseline period is the audited period itself",
                              at("targets", i, "increase_over")))
    return out


def _check_measure(pack: Pack, t: Target | Part, path: tuple[str | int, ...], at: Locate) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    metrics = pack.metric_index()
    measure: Measure | None = t.measure
    if measure is None:
        return out
    for mid in measure.metric_ids():
        metric = metrics.get(mid)
        if metric is None:
            out.append(Diagnostic("R101", f"unknown metric `{mid}`", at(*path, "measure"),
                                  suggestion=did_you_mean(mid, metrics)))
            continue
        missing = [lv.value for lv in t.levels if lv not in metric.levels]
        if missing:
            out.append(Diagnostic("R103", f"metric `{mid}` is not reported at level(s) {', '.join(missing)}",
                                  at(*path, "levels")))
    if measure.flag is not None and measure.flag in metrics and metrics[measure.flag].kind is not MetricKind.YES_NO:
        out.append(Diagnostic("R104", f"a flag measure needs a yes/no metric; `{measure.flag}` is "
                                      f"{metrics[measure.flag].kind.value}", at(*path, "measure", "flag")))
    if t.rollup is Rollup.SHARE_OF_UNITS and measure.flag is None and t.unit_threshold is None:
        out.append(Diagnostic("R105", "share_of_units needs a unit_threshold (what one unit must reach) "
                                      "unless the measure is a yes/no flag", at(*path, "rollup")))
    thresholds: list[tuple[Threshold, tuple[str | int, ...]]] = []
    if t.threshold is not None:
        thresholds.append((t.threshold, (*path, "threshold")))
    if isinstance(t, Target) and t.thresholds_by_level is not None:
        for lv, th in t.thresholds_by_level.items():
            thresholds.append((th, (*path, "thresholds_by_level", lv.value)))
    if t.wording:
        wanted = WORDING_OPS.get(t.wording.strip().lower())
        if wanted is None:
            out.append(Diagnostic("R108", f"unknown wording {t.wording!r}", at(*path, "wording"),
                                  suggestion=did_you_mean(t.wording, WORDING_OPS)))
        else:
            for th, th_path in thresholds:
                if th.op is not wanted:
                    out.append(Diagnostic(
                        "R109", f"the plan's word {t.wording!r} means '{wanted.value}', "
                                f"but the threshold says '{th.op.value}'", at(*th_path)))
    if Level.PROVINCE in t.levels and len(t.levels) > 1:
        out.append(Diagnostic("R110", "province-wide statistics are not pooled with units' figures",
                              at(*path, "levels"), Severity.WARNING))
    for th, th_path in thresholds:
        if measure.ratio is not None and measure.ratio.per == 1 and "%" not in th.text and th.value > 1:
            out.append(Diagnostic("R113", f"a ratio is a share of 1, so {th.text!r} asks for more than 100%",
                                  at(*th_path), suggestion=f"did you mean '{th.op.value} {th.text.split()[-1]}%'?"))
        if th.op is Op.EQ and measure.ratio is not None:
            out.append(Diagnostic("R111", "'=' on a ratio is met only by that exact value; "
                                          "the plan's '100%' usually means '>= 100%'", at(*th_path), Severity.WARNING))
    return out


_ADDITIVE = (MetricKind.COUNT, MetricKind.AMOUNT_VND, MetricKind.NUMBER)


def _check_check(c: Check, i: int, metrics: dict[str, Metric], at: Locate) -> list[Diagnostic]:
    """A consistency check names known metrics, reported at its levels, of kinds it can compare."""
    out: list[Diagnostic] = []
    known: dict[str, Metric] = {}
    for path, mid in c.roles():
        metric = metrics.get(mid)
        if metric is None:
            out.append(Diagnostic("R101", f"unknown metric `{mid}`", at("checks", i, *path),
                                  suggestion=did_you_mean(mid, metrics)))
            continue
        known[mid] = metric
        missing = [lv.value for lv in c.levels if lv not in metric.levels]
        if missing:
            out.append(Diagnostic("R103", f"metric `{mid}` is not reported at level(s) {', '.join(missing)}",
                                  at("checks", i, "levels")))
    kinds = {path: known[mid].kind for path, mid in c.roles() if mid in known}
    ids = c.metric_ids()
    if len(set(ids)) != len(ids):
        twice = sorted({m for m in ids if ids.count(m) > 1})
        out.append(Diagnostic("R117", f"a check compares a figure with itself: `{'`, `'.join(twice)}`",
                              at("checks", i, c.kind)))
    if c.percent_of is not None:
        stated, figures = (c.kind, "percent"), [p for p in kinds if p[1] != "percent"]
        if stated in kinds and kinds[stated] is not MetricKind.PERCENT:
            out.append(Diagnostic("R114", f"percent_of needs a percent metric; `{c.percent_of.percent}` is "
                                          f"{kinds[stated].value}", at("checks", i, *stated)))
        out += _same_kind(figures, kinds, _ADDITIVE, i, at)
    elif c.per_100_of is not None:
        stated, figures = (c.kind, "rate"), [p for p in kinds if p[1] != "rate"]
        if stated in kinds and kinds[stated] is not MetricKind.NUMBER:
            out.append(Diagnostic("R115", f"per_100_of needs a `number` metric for the rate per 100; "
                                          f"`{c.per_100_of.rate}` is {kinds[stated].value}", at("checks", i, *stated)))
        out += _same_kind(figures, kinds, _ADDITIVE, i, at)
    else:  # a total and its items, a part and its whole, one figure twice: any kind but yes/no
        out += _same_kind(list(kinds), kinds, (*_ADDITIVE, MetricKind.PERCENT), i, at)
    return out


def _same_kind(paths: list[tuple[str | int, ...]], kinds: dict[tuple[str | int, ...], MetricKind],
               allowed: tuple[MetricKind, ...], i: int, at: Locate) -> list[Diagnostic]:
    """Figures that are added up or compared must be of one kind (đồng with đồng), and of a kind
    that adds up: a yes/no answer never does, and a share is not the count it is a share of."""
    out: list[Diagnostic] = []
    for p in paths:
        if kinds[p] not in allowed:
            out.append(Diagnostic("R116", f"a {kinds[p].value} figure cannot be added up or compared here "
                                          f"(use {', '.join(k.value for k in allowed)} figures)",
                                  at("checks", i, *p)))
    additive = [p for p in paths if kinds[p] in allowed]
    if additive and len({kinds[p] for p in additive}) > 1:
        first = kinds[additive[0]]
        for p in additive[1:]:
            if kinds[p] is not first:
                out.append(Diagnostic("R116", f"figures of different kinds are compared: {first.value} and "
                                              f"{kinds[p].value}", at("checks", i, *p)))
    return out
