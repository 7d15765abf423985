"""Accepted values as columns: one row per value, for audits of thousands of units.

A ``FactSet`` holds one ``MetricValue`` object (with its ``Location`` and ``Fraction``) per value:
about half a kilobyte each, 5 GiB for the 2.4 million values of a national year. A ``FactTable``
holds the same values as parallel lists (unit, period, metric as shared strings; the exact value
as two integers ``num/den``; the source as a file index and a line), about a tenth of that, and
hands them to the aggregation engine (``engine.pushdown``) column by column.

``to_factset`` gives back the ``FactSet`` of any part of the table (the metrics of one target,
say), value for value what the file loader would have built, so the per-unit engine can decide
what the aggregated path leaves to it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from fractions import Fraction

from ..diagnostics import Location
from .model import FactSet, MetricValue

__all__ = ["FactTable"]


@dataclass
class FactTable:
    unit: list[str] = field(default_factory=list)
    period: list[str] = field(default_factory=list)
    metric: list[str] = field(default_factory=list)
    num: list[int] = field(default_factory=list)  # the exact value is num/den, in lowest terms
    den: list[int] = field(default_factory=list)  # > 0; 1 for counts, amounts and yes/no
    raw: list[str] = field(default_factory=list)  # as submitted
    file: list[int] = field(default_factory=list)  # index into ``files``
    line: list[int] = field(default_factory=list)
    submitted_by: list[str] = field(default_factory=list)
    submitted_at: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    flagged: dict[int, str] = field(default_factory=dict)  # row -> why it breaks a constraint (F012)
    # row -> its source, where that is not (file, line, metric): a metric written in another case
    odd_sources: dict[int, Location] = field(default_factory=dict)
    _file_index: dict[str, int] = field(default_factory=dict, repr=False)
    _by_metric: dict[str, list[int]] | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.unit)

    def file_id(self, name: str) -> int:
        """The index of a file name in ``files``, added on first use."""
        found = self._file_index.get(name)
        if found is None:
            found = self._file_index[name] = len(self.files)
            self.files.append(name)
        return found

    def append(self, v: MetricValue, flagged: str | None = None) -> None:
        if flagged is not None:
            self.flagged[len(self.unit)] = flagged
        self._by_metric = None
        self.unit.append(v.unit)
        self.period.append(v.period)
        self.metric.append(v.metric)
        self.num.append(v.value.numerator)
        self.den.append(v.value.denominator)
        self.raw.append(v.raw)
        self.file.append(self.file_id(v.source.file))
        self.line.append(v.source.line)
        if v.source != Location(v.source.file, v.source.line, v.metric):
            self.odd_sources[len(self.unit) - 1] = v.source
        self.submitted_by.append(v.submitted_by)
        self.submitted_at.append(v.submitted_at)

    def extend_factset(self, facts: FactSet) -> None:
        """Append every value of a ``FactSet``, with its flags."""
        for v in facts:
            self.append(v, facts.inconsistent.get(v.key))

    def value(self, row: int) -> MetricValue:
        return MetricValue(unit=self.unit[row], period=self.period[row], metric=self.metric[row],
                           value=Fraction(self.num[row], self.den[row]), raw=self.raw[row],
                           source=self.odd_sources.get(row) or Location(self.files[self.file[row]], self.line[row],
                                                                        self.metric[row]),
                           submitted_by=self.submitted_by[row], submitted_at=self.submitted_at[row])

    def rows_of(self, metrics: Iterable[str], periods: Collection[str] | None = None) -> list[int]:
        """The rows of these metrics (and periods), in table order (an index by metric is built on
        first use)."""
        if self._by_metric is None:
            self._by_metric = {}
            for i, m in enumerate(self.metric):
                self._by_metric.setdefault(m, []).append(i)
        period = self.period
        return sorted(i for m in set(metrics) for i in self._by_metric.get(m, [])
                      if periods is None or period[i] in periods)

    def to_factset(self, rows: Iterable[int] | None = None) -> FactSet:
        """The values as a ``FactSet``: all, or those of ``rows``."""
        out = FactSet()
        for i in range(len(self.unit)) if rows is None else rows:
            v = self.value(i)
            out.add(v)
            if i in self.flagged:
                out.inconsistent[v.key] = self.flagged[i]
        return out

    @classmethod
    def of(cls, facts: FactSet | Iterable[MetricValue]) -> FactTable:
        table = cls()
        if isinstance(facts, FactSet):
            table.extend_factset(facts)
        else:
            for v in facts:
                table.append(v)
        return table
