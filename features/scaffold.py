"""Scaffold executable specs of a rule pack from its rules: ``plancheck spec --scaffold``.

For each target asked for, a block of Gherkin scenarios derived from the rule alone (no target,
metric, unit or threshold is known here): the figures at the threshold and one smallest step on
the other side, so that a wrong comparison ("trên" written as ``>=``) or a moved threshold makes a
scenario fail; the figures partly missing, which is never a pass; for a qualitative target, that
it needs an inspector even with every figure reported. One feature file per area, in Vietnamese
or English, with the sentences of the step library (``features/steps.py``).

Regenerate the bundled specs (``features/vi/<area>.feature`` and the English sample) with
``python -m plancheck.features.scaffold [DIR]``.

Modules: ``scaffold_values`` (a measure's smallest step and the figures around a threshold),
``scaffold_cases`` (the cases of each shape and the verdicts the rule language gives them),
``scaffold_words`` (headers, comments, scenario names), ``scaffold_gherkin`` (Gherkin text).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

from ..engine.periods import baseline_period
from ..engine.verdicts import Status
from ..facts.model import Registry
from ..rules.model import Pack, Target
from . import FEATURES_DIR
from .scaffold_cases import (
    Ctx,
    Probe,
    Row,
    combine,
    feasible,
    gap_amount,
    increase_rows,
    no_data,
    probes,
    scope_check,
    scope_rows,
    unit_rows,
    units_of,
)
from .scaffold_gherkin import Block, Case, Check, Figure, TargetBlocks, render_feature
from .scaffold_values import Lang
from .scaffold_words import comment, description, name, sample_signature

__all__ = ["SAMPLE_FILE", "sample_targets", "scaffold", "scaffold_feature", "write_scaffold"]

SAMPLE_FILE = "scaffold-sample.feature"


def scaffold(pack: Pack, registry: Registry, target_ids: Sequence[str] | None, lang: Lang) -> dict[str, str]:
    """``{"<area id>.feature": text}``: one feature per area that holds a target asked for
    (every target when ``target_ids`` is None), in the pack's order. Unknown ids raise KeyError."""
    targets = _select(pack, target_ids)
    out: dict[str, str] = {}
    for area in pack.areas:
        mine = [t for t in targets if t.area == area.id]
        if mine:
            out[f"{area.id}.feature"] = _feature(pack, registry, mine, lang, [area.id])
    return out


def scaffold_feature(pack: Pack, registry: Registry, target_ids: Sequence[str], lang: Lang) -> str:
    """One feature for the targets asked for, whatever their areas."""
    targets = _select(pack, target_ids)
    areas = [a.id for a in pack.areas if any(t.area == a.id for t in targets)]
    return _feature(pack, registry, targets, lang, areas)


def sample_targets(pack: Pack) -> list[str]:
    """The first target of each shape (measure, comparison, per-100, manual, compound …): a few
    targets whose scenarios use every sentence of the step library."""
    seen: set[tuple[str, ...]] = set()
    out: list[str] = []
    for t in pack.targets:
        sig = sample_signature(t)
        if sig not in seen:
            seen.add(sig)
            out.append(t.id)
    return out


def write_scaffold(out_dir: Path, pack: Pack, registry: Registry, target_ids: Sequence[str] | None = None,
                   lang: Lang = "vi") -> list[Path]:
    """Write the scaffold's feature files into ``out_dir``; the paths written, in order."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, text in scaffold(pack, registry, target_ids, lang).items():
        path = out_dir / file_name
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written


def _select(pack: Pack, target_ids: Sequence[str] | None) -> list[Target]:
    if target_ids is None:
        return list(pack.targets)
    wanted = set(target_ids)
    unknown = sorted(wanted - {t.id for t in pack.targets})
    if unknown:
        raise KeyError(f"unknown target(s): {', '.join(unknown)}")
    return [t for t in pack.targets if t.id in wanted]


def _feature(pack: Pack, registry: Registry, targets: Sequence[Target], lang: Lang, areas: Sequence[str]) -> str:
    ctx = Ctx(pack, registry, pack.pack.period)
    title, lines = description(pack, areas, lang)
    return render_feature(title, lines, [_target_blocks(t, ctx) for t in targets], ctx.period, lang)


def _target_blocks(t: Target, ctx: Ctx) -> TargetBlocks:
    tb = TargetBlocks(comment(t))
    if t.manual:
        tb.blocks.append(_manual(t, ctx))
        return tb
    ps = probes(t)
    if t.all_of is not None:
        blocks = _compound(t, ps, ctx)
    elif t.increase_over is not None:
        blocks = _increase(t, ps[0], baseline_period(t.increase_over, ctx.period), ctx)
    else:
        blocks = _threshold(t, ps, ctx)
    tb.blocks += [b for b in blocks if b is not None]
    return tb


def _cases(rows: Sequence[Row], check: Check, prefix: tuple[str, str] = ("", "")) -> list[Case]:
    """One case per row, each checking the row's verdict where ``check`` says."""
    return [Case((prefix[0] + r.label[0], prefix[1] + r.label[1]), r.figures, (replace(check, status=r.status),))
            for r in rows]


def _threshold(t: Target, ps: Sequence[Probe], ctx: Ctx) -> list[Block | None]:
    cases: list[Case] = []
    for p in ps:
        units = units_of(ctx.registry, p.levels)
        if not units:
            continue
        prefix = (f"cấp {p.level.value}, ", f"{p.level.value} level, ") if p.level is not None else ("", "")
        cases += _cases(unit_rows(p, units[0], ctx), scope_check(p, units[0], Status.MET), prefix)
    blocks: list[Block | None] = [Block(name(t, "boundary", ps[0]), tuple(cases))] if cases else []
    for p in ps:
        if p.province_only or not feasible(p, ctx):
            continue
        n = len(units_of(ctx.registry, p.levels))
        check = Check("level", t.id, p.level.value) if p.level is not None else Check("province", t.id)
        blocks.append(Block(name(t, "level" if p.level is not None else "province", p, n),
                            tuple(_cases(scope_rows(p, ctx), check))))
    blocks.append(_gap(t, ps[0], ctx))
    blocks.append(no_data(name(t, "no_data", ps[0]), ps, ctx))
    return blocks


def _gap(t: Target, p: Probe, ctx: Ctx) -> Block | None:
    """At the province's own figures, one step short leaves a gap of exactly one step."""
    amount = gap_amount(p, ctx)
    units = units_of(ctx.registry, p.levels)
    if not p.province_only or amount is None or not units:
        return None
    short = [r for r in unit_rows(p, units[0], ctx) if r.status is Status.NOT_MET]
    if not short:
        return None
    checks = (Check("province", t.id, status=Status.NOT_MET), Check("gap", t.id, amount=amount))
    return Block(name(t, "gap", p), (Case(short[0].label, short[0].figures, checks),))


def _increase(t: Target, p: Probe, baseline: str, ctx: Ctx) -> list[Block | None]:
    units = units_of(ctx.registry, p.levels)
    if not units:
        return []
    unit = units[0]
    rows = increase_rows(p, ctx, unit, baseline)
    blocks: list[Block | None] = [
        Block(name(t, "increase", p, baseline=baseline), tuple(_cases(rows, scope_check(p, unit, Status.MET))))]
    now = tuple(f for f in rows[-1].figures if f.period == ctx.period)
    blocks.append(Block(name(t, "no_baseline", p, baseline=baseline),
                        (Case(("không có kỳ gốc", "no baseline"), now,
                              (scope_check(p, unit, Status.INSUFFICIENT_DATA),)),)))
    blocks.append(no_data(name(t, "no_data", p), [p], ctx))
    return blocks


def _compound(t: Target, ps: Sequence[Probe], ctx: Ctx) -> list[Block | None]:
    """Every part at its threshold, then each part one step across with the others passing. A part
    whose units do not fit in a table cannot be judged at the province scope: said in a note."""
    rows: dict[str, list[Row]] = {}
    notes: list[tuple[str, str]] = []
    for p in ps:
        units = units_of(ctx.registry, p.levels)
        got = (unit_rows(p, units[0], ctx) if p.province_only and units else
               scope_rows(p, ctx) if feasible(p, ctx) else [])
        if any(r.status is Status.MET for r in got) and any(r.status is Status.NOT_MET for r in got):
            rows[p.part] = got
        else:
            notes.append((f"Phần {p.part}: {len(units)} đơn vị, quá nhiều cho một bảng; thử ngưỡng của phần này "
                          "cần bước kiểm tra kết quả của một phần ở một đơn vị (chưa có trong thư viện bước).",
                          f"Part {p.part}: {len(units)} units, too many for one table; its threshold needs a step "
                          "that checks one part's verdict for one unit (not in the step library yet)."))
    testable = [p.part for p in ps if p.part in rows]
    groups = [testable] if _merged(rows, testable) is not None else [[part] for part in testable]
    blocks: list[Block] = []
    for group in groups:
        cases = _merged(rows, group)
        assert cases is not None
        missing = [Status.INSUFFICIENT_DATA] * (len(ps) - len(group))  # the parts not reported
        blocks.append(Block(name(t, "compound", ps[0]), tuple(
            Case(label, figs, (Check("province", t.id, status=combine(statuses + missing)),))
            for label, figs, statuses in cases)))
    nd = no_data(name(t, "no_data", ps[0]), ps, ctx, unit_check=False)
    if nd is not None:
        blocks.append(nd)
    if blocks and notes:
        blocks[0] = Block(blocks[0].name, blocks[0].cases, tuple(notes))
    return list(blocks)


def _merged(rows: dict[str, list[Row]], group: Sequence[str]
            ) -> list[tuple[tuple[str, str], tuple[Figure, ...], list[Status]]] | None:
    """The compound's cases: all parts passing, then each part's failing rows with the others
    passing; None when two parts need different values of one figure."""
    if not group:
        return []
    passing = {part: next(r for r in rows[part] if r.status is Status.MET) for part in group}
    choices = [dict(passing)]
    for part in group:
        choices += [{**passing, part: r} for r in rows[part] if r.status is not Status.MET]
    out = []
    for choice in choices:
        figs: dict[tuple[str, str, str], Figure] = {}
        for r in choice.values():
            for f in r.figures:
                key = (f.unit, f.metric, f.period)
                if key in figs and figs[key].value != f.value:
                    return None
                figs[key] = f
        label = tuple("; ".join(f"{part} {choice[part].label[i]}" for part in group) for i in (0, 1))
        out.append(((label[0], label[1]), tuple(figs.values()), [choice[part].status for part in group]))
    return out


def _manual(t: Target, ctx: Ctx) -> Block:
    """A qualitative target needs an inspector, even when the first unit reports every figure."""
    unit = ctx.registry.units[0]
    figs = tuple(Figure(unit.id, m.id, Fraction(1), m.kind, ctx.period)
                 for m in ctx.pack.metrics if unit.level in m.levels)
    return Block(name(t, "manual"), (Case(("đủ số liệu", "every figure"), figs,
                                          (Check("province", t.id, status=Status.MANUAL),)),))


if __name__ == "__main__":
    from ..facts import DEFAULT_REGISTRY
    from ..facts.registry import load_registry
    from ..rules import DEFAULT_PACK
    from ..rules.loader import load_pack

    bundled, _ = load_pack(DEFAULT_PACK)
    units, _ = load_registry(DEFAULT_REGISTRY)
    assert bundled is not None
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else FEATURES_DIR  # python -m plancheck.features.scaffold [DIR]
    for path in write_scaffold(root / "vi", bundled, units, None, "vi"):
        print(path)
    (root / "en").mkdir(parents=True, exist_ok=True)
    sample = root / "en" / SAMPLE_FILE
    sample.write_text(scaffold_feature(bundled, units, sample_targets(bundled), "en"), encoding="utf-8", newline="\n")
    print(sample)
