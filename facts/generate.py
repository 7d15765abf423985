"""Deterministic sample submissions for a rule pack and a unit registry (synthetic, not real figures).

    python -m plancheck.facts.generate --seed 2022 --out facts/samples/dak-nong-2022

Generic over the pack: every unit reports every metric of its level for the pack's period, sized by
the metric's unit words and the unit's level, parts never above their wholes. The seed decides which
targets are meant to be missed (a third to a half) and where each target's centre lies against its
threshold; units vary around it. A few communes send nothing, one department omits one figure, one
unit reports one part above its whole; ``increase_over`` targets get a ``baseline-<period>/`` folder.
Same seed, same bytes: one ``random.Random``, iteration in pack and registry order, no clock.
The figures are drawn in ``sample_values``, the files and README written in ``sample_files``.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..rules.model import Level, Pack
from .model import Registry
from .sample_files import clear_output, put, readme, write_submissions
from .sample_values import break_one, draw_baseline, draw_drives, draw_values, metric_order, metric_rules, omit_one

__all__ = ["GenerationSummary", "generate", "main"]


@dataclass
class GenerationSummary:
    """What one run wrote, and the faults it put in on purpose."""

    seed: int
    period: str
    files: list[str] = field(default_factory=list)  # relative to the output folder
    units: int = 0  # units that submitted for the period
    values: int = 0
    baseline_period: str | None = None
    baseline_units: int = 0
    baseline_values: int = 0
    missing_units: list[str] = field(default_factory=list)
    omitted: tuple[str, str] | None = None  # (unit, metric) a unit left out
    broken: tuple[str, str, str, int, int] | None = None  # (unit, part, whole, part value, whole value)
    meant_missed: list[str] = field(default_factory=list)  # targets whose centre is below the threshold

    def lines(self) -> list[str]:
        out = [f"seed {self.seed}, period {self.period}: {len(self.files)} files, {self.units} units, "
               f"{self.values} values"]
        if self.baseline_period:
            out.append(f"baseline {self.baseline_period}: {self.baseline_units} units, {self.baseline_values} values")
        out.append(f"missing units: {', '.join(self.missing_units) or 'none'}")
        if self.omitted:
            out.append(f"omitted: {self.omitted[0]} does not report {self.omitted[1]}")
        if self.broken:
            unit, part, whole, pv, wv = self.broken
            out.append(f"constraint broken: {unit} {part} = {pv} > {whole} = {wv}")
        out.append(f"targets meant to be missed: {', '.join(self.meant_missed)}")
        return out


def generate(pack: Pack, registry: Registry, seed: int, out_dir: Path) -> GenerationSummary:
    """Write the sample submissions of ``pack``'s period (and baseline) into ``out_dir``."""
    rng = random.Random(seed)
    period = pack.pack.period
    summary = GenerationSummary(seed=seed, period=period)
    drives = draw_drives(pack, rng)
    summary.meant_missed = sorted({d.target for d in drives if not all(d.met.values())})
    rules = metric_rules(pack, drives)
    communes = registry.at_level(Level.COMMUNE)
    missing = set(rng.sample([u.id for u in communes], min(len(communes), rng.randint(2, 3))))
    units = [u for u in registry if u.id not in missing]
    values = draw_values(pack, rules, metric_order(rules), units, period, rng)
    baseline = draw_baseline(pack, drives, units, values, rng)
    summary.missing_units = [u.id for u in registry if u.id in missing]
    summary.omitted = omit_one(pack, units, values, rng)
    summary.broken = break_one(pack, rules, units, values, summary.omitted, rng)
    clear_output(out_dir)
    summary.files += write_submissions(pack, registry, out_dir, values, period, "", rng)
    summary.units, summary.values = len(values), sum(len(v) for v in values.values())
    if baseline:
        summary.baseline_period = next(d.baseline for d in drives if d.baseline)
        summary.files += write_submissions(pack, registry, out_dir, baseline, summary.baseline_period,
                                           f"baseline-{summary.baseline_period}/", rng)
        summary.baseline_units, summary.baseline_values = len(baseline), sum(len(v) for v in baseline.values())
    summary.files.append("README.md")
    put(out_dir / "README.md", readme(summary, registry))
    return summary


def main(argv: list[str] | None = None) -> int:
    from ..rules import DEFAULT_PACK
    from ..rules.loader import load_pack
    from . import DEFAULT_REGISTRY
    from .registry import load_registry

    parser = argparse.ArgumentParser(prog="python -m plancheck.facts.generate", description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument("--out", type=Path, required=True, help="output folder (its generated files are replaced)")
    parser.add_argument("--pack", type=Path, default=DEFAULT_PACK)
    parser.add_argument("--registry", type=Path, default=DEFAULT_REGISTRY)
    args = parser.parse_args(argv)
    pack, diags = load_pack(args.pack)
    registry, reg_diags = load_registry(args.registry)
    if pack is None or not registry.units:
        for d in [*diags, *reg_diags]:
            print(d, file=sys.stderr)
        return 2
    for line in generate(pack, registry, args.seed, args.out).lines():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
