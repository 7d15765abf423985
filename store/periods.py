"""Which periods an audit reads from the store: the audited one and those its targets look at.

An audit of a period reads, besides that period: its quarters and months (a year's figures may be
projected from them, ``engine.projection``), the period before it (a ratio's denominator may come
from it, ``engine.bounds``), and the baseline of every "increase over" target (``engine.plan``,
``engine.periods.baseline_period``). Reading only these keeps a national audit of one period from
loading every year the store holds.
"""

from __future__ import annotations

from ..engine.periods import baseline_period, previous_period, sub_periods
from ..rules.model import Pack

__all__ = ["periods_needed"]


def periods_needed(pack: Pack, period: str) -> list[str]:
    """The periods whose values an audit of ``period`` with ``pack`` may use, sorted."""
    wanted = {period, previous_period(period)}
    for way in sub_periods(period):
        wanted.update(way)
    for target in pack.targets:
        if target.increase_over is not None:
            wanted.add(baseline_period(target.increase_over, period))
    if pack.pack.baseline_period is not None:
        wanted.add(pack.pack.baseline_period)
    return sorted(wanted)
