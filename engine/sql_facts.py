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
    pairs: list[tuple[int, int]] = field(default_factory=list)  # each unit's (x, y), for a mean of ratios


_SQL_OP = {Op.GE: ">=", Op.GT: ">", Op.LE: "<=", Op.LT: "<", Op.EQ: "="}


class FactDB:
    """A ``FactTable`` and a ``Registry`` loaded into an in-memory DuckDB, sorted by period and
    metric so that a query of one period and a few metrics reads only their row groups."""

    def __init__(self, table: FactTable, registry: Registry) -> None:
        import duckdb  # only the aggregated engine needs it

        self.con: duckdb.DuckDBPyConnection = duckdb.connect(":memory:")
        flagged = [False] * len(table)
        for row in table.flagged:
            flagged[row] = True
        self.con.execute(
            "CREATE TABLE f AS SELECT * FROM (SELECT unnest($1) AS unit, unnest($2) AS period, unnest($3) AS metric, "
            "unnest($4::HUGEINT[]) AS num, unnest($5::HUGEINT[]) AS den, unnest($6) AS flagged, "
            "unnest($7) AS file, unnest($8) AS line) ORDER BY period, metric, unit",
            [table.unit, table.period, table.metric, table.num, table.den, flagged, table.file, table.line])
        units = list(registry)
        self.con.execute(
            "CREATE TABLE u AS SELECT unnest($1) AS unit, unnest($2) AS level, unnest($3) AS ord",
            [[u.id for u in units], [u.level.value for u in units], list(range(len(units)))])
        self.files = table.files

    def close(self) -> None:
        self.con.close()

    def level_figures(self, measure: Measure, period: str, levels: list[Level], thresholds: list[tuple[Op, Fraction]],
                      mean: bool) -> list[LevelFigures]:
        """Per level: the units, whether they are all clean, the sums, and how many units meet
        each of ``thresholds`` on their own value. ``mean``: also the units' values for a mean."""
        metrics = list(dict.fromkeys(measure.metric_ids()))
        col = {m: f"m{i}" for i, m in enumerate(metrics)}
        pivots = ", ".join(f"sum(f.num) FILTER (WHERE f.metric = ${i + 3}) AS {col[m]}"
                           for i, m in enumerate(metrics))
        x, y, integer, extra = _expressions(measure, col, period)
        unit_rows = (f"SELECT u.unit, u.level, u.ord, count(f.metric) AS n, coalesce(bool_or(f.flagged), false) AS fl, "
                     f"coalesce(max(f.den), 1) AS mden, min(f.den) AS den1, {pivots} "
                     f"FROM u LEFT JOIN f ON f.unit = u.unit AND f.period = $1 AND f.metric IN "
                     f"(SELECT unnest($2)) WHERE u.level IN (SELECT unnest(${len(metrics) + 3})) "
                     "GROUP BY u.unit, u.level, u.ord")
        ok = f"(n = {len(metrics)} AND NOT fl AND {'mden = 1 AND ' if integer else ''}{extra})"
        met = ", ".join(f"count(*) FILTER (WHERE {ok} AND ({x}) * {th.denominator} {_SQL_OP[op]} "
                        f"{th.numerator} * ({y}))" for op, th in thresholds)
        query = (f"WITH p AS ({unit_rows}) SELECT level, count(*), count(*) FILTER (WHERE NOT {ok}), "
                 f"coalesce(sum({x}), 0), coalesce(sum({y}), 0){', ' + met if met else ''} FROM p GROUP BY level")
        params: list[Any] = [period, metrics, *metrics, [lv.value for lv in levels]]
        found = {row[0]: row for row in self.con.execute(query, params).fetchall()}
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
        for level, num, den, n in self.con.execute(query, params).fetchall():
            f = by_level[level]
            f.pairs += [(int(num), int(den))] * int(n)
        for f in out:
            f.values = sum((Fraction(num, den) for num, den in f.pairs), Fraction(0))


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
