"""The fact model: reporting units, metric values with their source, and the set of facts
an audit reads. Loaders build these; the engine only reads them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from ..diagnostics import Location
from ..rules.model import Level

# A period is a year ("2022"), a quarter ("2022-Q3") or a month ("2022-07").
PERIOD_RE = re.compile(r"^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$")


def period_days(period: str) -> int:
    """How many days a period spans (for rates per week or month)."""
    m = PERIOD_RE.match(period)
    if not m:
        raise ValueError(f"not a period: {period!r} (expected 2022, 2022-Q3 or 2022-07)")
    year = int(m.group(1))
    if m.group(2):
        q = int(m.group(2))
        start = date(year, 3 * q - 2, 1)
        end = date(year + 1, 1, 1) if q == 4 else date(year, 3 * q + 1, 1)
    elif m.group(3):
        month = int(m.group(3))
        start = date(year, month, 1)
        end = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    else:
        start, end = date(year, 1, 1), date(year + 1, 1, 1)
    return (end - start).days


def period_count(period: str, per: str) -> int:
    """How many whole weeks or calendar months a period holds: a year has 52 weeks (its 365th
    day does not make a 53rd week) and 12 months, a quarter 12 or 13 weeks (90 to 92 days) and
    3 months, a month 4 weeks. "At least one a week" over a year therefore asks for 52."""
    if per == "week":
        return period_days(period) // 7
    m = PERIOD_RE.match(period)
    if not m:
        raise ValueError(f"not a period: {period!r}")
    return 3 if m.group(2) else 1 if m.group(3) else 12


@dataclass(frozen=True)
class Unit:
    id: str
    name_vi: str
    level: Level
    parent: str | None = None  # a commune's district
    name_en: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Registry:
    """The units of one province that report, by id."""

    name: str
    units: tuple[Unit, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {u.id: u for u in self.units})

    def get(self, unit_id: str) -> Unit | None:
        by_id: dict[str, Unit] = self._by_id  # type: ignore[attr-defined]
        return by_id.get(unit_id)

    def __contains__(self, unit_id: object) -> bool:
        return isinstance(unit_id, str) and self.get(unit_id) is not None

    def __iter__(self) -> Iterator[Unit]:
        return iter(self.units)

    def at_level(self, level: Level) -> list[Unit]:
        return [u for u in self.units if u.level is level]

    def ids(self) -> list[str]:
        return [u.id for u in self.units]


@dataclass(frozen=True)
class MetricValue:
    """One figure one unit reported for one period, with where it came from."""

    unit: str
    period: str
    metric: str
    value: Fraction  # counts and amounts whole; percents as a fraction of 1 (33,4% is 167/500)
    raw: str  # as submitted, for the record
    source: Location
    submitted_by: str = ""
    submitted_at: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.unit, self.period, self.metric)

    @property
    def fact_id(self) -> str:
        """A stable, unique id for this value: unit/period/metric plus its source."""
        return f"{self.unit}|{self.period}|{self.metric}@{self.source.file}:{self.source.line}"


@dataclass
class FactSet:
    """The accepted values of an audit, one per (unit, period, metric), plus what was flagged.

    ``inconsistent`` holds the keys of values that break a constraint of the metric catalog
    (a part above its whole): they are kept, and verdicts that use them say so.
    """

    values: dict[tuple[str, str, str], MetricValue] = field(default_factory=dict)
    inconsistent: dict[tuple[str, str, str], str] = field(default_factory=dict)

    def add(self, value: MetricValue) -> None:
        self.values[value.key] = value

    def get(self, unit: str, period: str, metric: str) -> MetricValue | None:
        return self.values.get((unit, period, metric))

    def periods(self) -> list[str]:
        return sorted({k[1] for k in self.values})

    def units(self, period: str | None = None) -> set[str]:
        return {k[0] for k in self.values if period is None or k[1] == period}

    def __len__(self) -> int:
        return len(self.values)

    def __iter__(self) -> Iterator[MetricValue]:
        return iter(self.values.values())

    def extend(self, values: Iterable[MetricValue]) -> None:
        for v in values:
            self.add(v)
