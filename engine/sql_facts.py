"""The accepted values in an embedded columnar database (DuckDB), and the one query the
aggregated engine asks of it: each unit's figures for one measure in one period, summed up per
level of the registry.

Why DuckDB: the aggregates of a national year (2.4 million values, 10,000 units) take tens of
milliseconds a measure in its vectorised C++ engine, where Python objects per value took minutes
and gigabytes (benchmarks/README.md). It runs in the process, needs no server and no file.

Every figure stays exact: a value is the integers ``num/den`` of the ``FactTable``; sums are of
integers (HUGEINT), and a comparison with a threshold ``p/q`` is ``x·q op p·y`` in integers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from ..facts.model import Registry, period_count
from ..facts.table import FactTable
from ..rules.model import Level, Measure, Op

if TYPE_CHECKING:
    import duckdb

__all__ = ["FactDB", "LevelFigures"]


@dataclass
class LevelFigures:
    """One level's units for one measure in one period, as the database summed them up.

    ``clean`` says every unit of the level reported every figure, none flagged, each with a
    usable value (a positive denominator; a share not above its whole): only then do the sums
    decide the level. Otherwise the per-unit engine decides (``engine.pushdown``)."""

    level: Level
    units: int
    clean: bool
    x: int = 0  # Σ numerators (ratio, rate, flag); unused for a reported value
    y: int = 0  # Σ denominators net of exclusions (ratio); 0 otherwise
    met: dict[tuple[Op, Fraction], int] = field(default_factory=dict)  # units whose own value meets each
    values: Fraction | None = None  # Σ of the units' own values (for a mean)


_INT64 = 2**63 - 1
_BIG = 2**100
_SQL_OP = {Op.GE: ">=", Op.GT: ">", Op.LE: "<=", Op.LT: "<", Op.EQ: "="}


class FactDB:
    """A ``FactTable`` and a ``Registry`` loaded into an in-memory DuckDB (``f``: one row per value,
    ``row`` its row in the table, ``place`` its file and line; ``u``: the units by registry position)."""

    def __init__(self, table: FactTable, registry: Registry) -> None:
        import duckdb  # only the aggregated engine needs these
        import numpy as np

        self.con: duckdb.DuckDBPyConnection = duckdb.connect(":memory:")
        self._errors = duckdb.Error
        self._period: str | None = None
        largest = max(max(map(abs, table.num), default=0), max(table.den, default=0))
        # every figure fits the sums with room to spare (below 2^100: a sum of 2^27 of them stays within
        # 128 bits); a table that does not is not loaded, and is audited per unit (engine.pushdown)
        self.holds = largest < _BIG
        if not self.holds:
            return
        # units, periods and metrics as integer codes: smaller to hand over, faster to join
        self.units = {u.id: i for i, u in enumerate(registry)}
        for unit in sorted(set(table.unit) - self.units.keys()):  # not in the registry: never in ``u``
            self.units[unit] = len(self.units)
        self.periods = {p: i for i, p in enumerate(sorted(set(table.period)))}
        self.metrics = {m: i for i, m in enumerate(sorted(set(table.metric)))}
        # a value's place in the files (file name order, then line): the first of a group names the group
        rank = {i: r for r, i in enumerate(sorted(range(len(table.files)), key=table.files.__getitem__))}
        n = len(table)
        flagged = np.zeros(n, dtype=np.bool_)
        flagged[list(table.flagged)] = True
        # numpy arrays, which DuckDB reads in place: a Python list is converted value by value (~10 s
        # for a national year, and a second copy of it in memory)
        columns = {
            "row": np.arange(n, dtype=np.int32),
            "unit": np.fromiter((self.units[u] for u in table.unit), dtype=np.int32, count=n),
            "period": np.fromiter((self.periods[p] for p in table.period), dtype=np.int32, count=n),
            "metric": np.fromiter((self.metrics[m] for m in table.metric), dtype=np.int32, count=n),
            "flagged": flagged,
            "place": np.fromiter((rank[f] << 32 | line for f, line in zip(table.file, table.line, strict=True)),
                                 dtype=np.int64, count=n),
        }
        if largest <= _INT64:
            columns["num"] = np.fromiter(table.num, dtype=np.int64, count=n)
            columns["den"] = np.fromiter(table.den, dtype=np.int64, count=n)
            self.con.register("columns", columns)
            self.con.execute("CREATE TABLE f AS SELECT * FROM columns")
        else:  # a figure beyond 64 bits: its digits, as text
            columns["num"] = np.array([str(x) for x in table.num], dtype=object)
            columns["den"] = np.array([str(x) for x in table.den], dtype=object)
            self.con.register("columns", columns)
            self.con.execute("CREATE TABLE f AS SELECT * REPLACE (num::HUGEINT AS num, den::HUGEINT AS den) "
                             "FROM columns")
        self.con.unregister("columns")
        self.con.execute("CREATE TABLE u AS SELECT unnest($1) AS unit, unnest($2) AS level",
                         [list(range(len(registry.units))), [u.level.value for u in registry]])

    def _select_period(self, period: str) -> None:
        """``fp``: the values of one period, which every query of an evaluation reads (a quarter of
        a year's table, read once instead of once a measure)."""
        if self._period != period:
            self.con.execute("CREATE OR REPLACE TEMP TABLE fp AS SELECT unit, metric, num, den, flagged FROM f "
                             "WHERE period = $1", [self.periods.get(period, -1)])
            self._period = period

    def close(self) -> None:
        self.con.close()

    def unused(self, summed: set[tuple[str, str, str]],
               cited: set[tuple[str, str, str]]) -> list[tuple[str, int, list[str], int]]:
        """The values no verdict used, by period: how many, their units, and the row of the first in
        the files. A value is used when its (period, metric, unit's level) is in ``summed`` or its
        (unit, period, metric) in ``cited``."""
        self.con.execute("CREATE OR REPLACE TEMP TABLE s (period INTEGER, metric INTEGER, level VARCHAR)")
        self.con.execute("CREATE OR REPLACE TEMP TABLE c (unit INTEGER, period INTEGER, metric INTEGER)")
        rows = [(self.periods.get(p, -1), self.metrics.get(m, -1), lv) for p, m, lv in summed]
        if rows:
            self.con.executemany("INSERT INTO s VALUES (?, ?, ?)", rows)
        keys = [(self.units.get(u, -1), self.periods.get(p, -1), self.metrics.get(m, -1)) for u, p, m in cited]
        if keys:
            self.con.execute("INSERT INTO c SELECT unnest($1), unnest($2), unnest($3)",
                             [[k[0] for k in keys], [k[1] for k in keys], [k[2] for k in keys]])
        found = self.con.execute(
            "SELECT f.period, count(*), list(DISTINCT f.unit), arg_min(f.row, f.place) FROM f LEFT JOIN u USING (unit) "
            "WHERE NOT EXISTS (SELECT 1 FROM s WHERE s.period = f.period AND s.metric = f.metric "
            "AND s.level = u.level) "
            "AND NOT EXISTS (SELECT 1 FROM c WHERE c.unit = f.unit AND c.period = f.period AND c.metric = f.metric) "
            "GROUP BY f.period").fetchall()
        period_of = {i: p for p, i in self.periods.items()}
        unit_of = {i: u for u, i in self.units.items()}
        return [(period_of[p], int(n), sorted(unit_of[u] for u in units), int(first)) for p, n, units, first in found]

    def level_figures(self, measure: Measure, period: str, levels: list[Level], thresholds: list[tuple[Op, Fraction]],
                      mean: bool) -> list[LevelFigures]:
        """Per level: the units, whether they are all clean, the sums, and how many units meet
        each of ``thresholds`` on their own value. ``mean``: also the units' values for a mean."""
        self._select_period(period)
        codes = [self.metrics.get(m, -1) for m in dict.fromkeys(measure.metric_ids())]
        unit_rows, query, x, y = figures_sql(measure, codes, period, levels, thresholds)
        params: list[Any] = []
        try:
            found = {row[0]: row for row in self.con.execute(query, params).fetchall()}
        except self._errors:  # a product beyond 128 bits: the figures are left to the per-unit engine
            return [LevelFigures(lv, 0, False) for lv in levels]
        out = []
        for lv in levels:
            row = found.get(lv.value)
            if row is None:
                out.append(LevelFigures(lv, 0, True))
                continue
            figures = LevelFigures(lv, row[1], row[2] == 0, int(row[3]), int(row[4]))
            figures.met = {th: int(n) for th, n in zip(thresholds, row[5:], strict=True)}
            out.append(figures)
        if mean and all(f.clean for f in out):
            self._means(unit_rows, x, y, params, out)
        return out

    def _means(self, unit_rows: str, x: str, y: str, params: list[Any], out: list[LevelFigures]) -> None:
        """The units' values, summed exactly: grouped by denominator (a reported percentage, a rate
        per week), or unit by unit for a mean of ratios, whose denominators differ."""
        by_level = {f.level.value: f for f in out}
        query = (f"WITH p AS ({unit_rows}) SELECT level, {x} AS gx, {y} AS gy, count(*) FROM p "
                 "GROUP BY level, gx, gy ORDER BY level, gy, gx")
        sums = dict.fromkeys(by_level, Fraction(0))
        for level, num, den, n in self.con.execute(query, params).fetchall():
            sums[level] += Fraction(int(num) * int(n), int(den))
        for level, total in sums.items():
            by_level[level].values = total


def figures_sql(measure: Measure, codes: list[int], period: str, levels: list[Level],
                thresholds: list[tuple[Op, Fraction]]) -> tuple[str, str, str, str]:
    """The SQL of ``FactDB.level_figures`` over a table ``fp`` (one period's values: unit, metric,
    num, den, flagged) and ``u`` (unit, level), with the measure's metrics as the integer ``codes``
    (in ``metric_ids`` order, once each): each unit's row, the per-level query, and the unit's
    numerator and denominator as SQL. Plain SQL that SQLite runs too (``benchmarks/sql_engines.py``)."""
    metrics = list(dict.fromkeys(measure.metric_ids()))
    col = {m: f"m{i}" for i, m in enumerate(metrics)}
    pivots = ", ".join(f"sum(f.num) FILTER (WHERE f.metric = {codes[i]}) AS {col[m]}" for i, m in enumerate(metrics))
    x, y, integer, extra = _expressions(measure, col, period)
    unit_rows = (f"SELECT u.unit, u.level, count(f.metric) AS n, coalesce(max(f.flagged), false) AS fl, "
                 f"coalesce(max(f.den), 1) AS mden, CAST(min(f.den) AS HUGEINT) AS den1, {pivots} "
                 f"FROM u LEFT JOIN fp AS f ON f.unit = u.unit AND f.metric IN ({', '.join(map(str, codes))}) "
                 f"WHERE u.level IN ({', '.join(repr(lv.value) for lv in levels)}) GROUP BY u.unit, u.level")
    ok = f"(n = {len(metrics)} AND NOT fl AND {'mden = 1 AND ' if integer else ''}{extra})"
    met = ", ".join(f"count(*) FILTER (WHERE {ok} AND ({x}) * CAST({th.denominator} AS HUGEINT) {_SQL_OP[op]} "
                    f"CAST({th.numerator} AS HUGEINT) * ({y}))" for op, th in thresholds)
    query = (f"WITH p AS ({unit_rows}) SELECT level, count(*), count(*) FILTER (WHERE NOT {ok}), "
             f"coalesce(sum({x}), 0), coalesce(sum({y}), 0){', ' + met if met else ''} FROM p GROUP BY level")
    return unit_rows, query, x, y


def _expressions(measure: Measure, col: dict[str, str], period: str) -> tuple[str, str, bool, str]:
    """SQL for a unit's numerator and denominator, whether its figures must be whole, and the
    condition its value is usable on (positive denominator; a share not above its whole)."""
    if measure.ratio is not None:
        r = measure.ratio
        x = col[r.numerator]
        y = f"({col[r.denominator]}" + "".join(f" - {col[e]}" for e in r.exclude) + ")"
        usable = f"{y} > 0" + (f" AND {x} <= {y}" if r.per == 1 else "")
        return x, y, True, usable
    if measure.rate is not None:
        return col[measure.rate.count], str(period_count(period, measure.rate.per)), True, "true"
    if measure.flag is not None:
        return col[measure.flag], "1", True, "true"
    assert measure.value is not None
    # a reported value is its own num/den (a percentage 33,4% is 167/500)
    return col[measure.value], "den1", False, "true"
