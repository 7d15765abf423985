"""Where the aggregated engine's sums run best: SQLite (the store's default database) against an
in-process DuckDB, on the same values and the same SQL (``engine.sql_facts.figures_sql``).

    python benchmarks/sql_engines.py [--units 10000]   # after benchmarks/generate.py --units N

Both get the same tables: ``fp`` (one quarter's values: unit, metric, num, den, flagged, as integer
codes) and ``u`` (unit, level); SQLite also gets an index on ``fp(unit, metric)``. For each quarter,
every query the aggregated engine asks (one per target or part that is not manual and not an
increase) runs on both, the answers are checked equal, and the time each engine took is printed.
Not measured: reading the values out of a store (``store.facts_read``), which both would need.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUARTERS = ["2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4"]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--units", type=int, default=10_000)
    args = parser.parse_args(argv)
    data = HERE / "data" / f"u{args.units}"
    if not (data / "submissions").is_dir():
        print(f"no data at {data}: run  python benchmarks/generate.py --units {args.units}", file=sys.stderr)
        return 2

    from plancheck.audit import load_rule_pack, load_unit_registry
    from plancheck.engine.plan import target_specs
    from plancheck.engine.pushdown import unit_thresholds
    from plancheck.engine.sql_facts import FactDB, figures_sql
    from plancheck.facts.bulk import load_fact_table

    pack, _ = load_rule_pack(data / "pack.yaml")
    registry = load_unit_registry(data / "registry.yaml")
    table = load_fact_table([data / "submissions"], pack, registry).table
    duck = FactDB(table, registry)
    lite = sqlite3.connect(":memory:")
    lite.execute("CREATE TABLE u (unit INTEGER PRIMARY KEY, level TEXT)")
    lite.executemany("INSERT INTO u VALUES (?, ?)", enumerate(u.level.value for u in registry))
    specs = [spec for t in pack.targets if not t.manual for spec, _ in target_specs(t) if spec.baseline is None]
    print(f"{args.units:,} units, {len(table):,} values, {len(specs)} queries a quarter "
          f"(sqlite {sqlite3.sqlite_version}, duckdb {duck.con.execute('PRAGMA version').fetchone()[0]})")
    totals = {"sqlite": 0.0, "duckdb": 0.0}
    for q in QUARTERS:
        code = duck.periods[q]
        rows = duck.con.execute("SELECT unit, metric, num, den, flagged::INTEGER FROM f WHERE period = $1",
                                [code]).fetchall()
        lite.execute("DROP TABLE IF EXISTS fp")
        lite.execute("CREATE TABLE fp (unit INTEGER, metric INTEGER, num INTEGER, den INTEGER, flagged INTEGER)")
        lite.executemany("INSERT INTO fp VALUES (?, ?, ?, ?, ?)", rows)
        lite.execute("CREATE INDEX fp_unit_metric ON fp (unit, metric)")
        duck.con.execute("CREATE OR REPLACE TEMP TABLE fp AS SELECT unit, metric, num, den, flagged FROM f "
                         "WHERE period = $1", [code])
        took = {"sqlite": 0.0, "duckdb": 0.0}
        for spec in specs:
            codes = [duck.metrics.get(m, -1) for m in dict.fromkeys(spec.measure.metric_ids())]
            _, query, _, _ = figures_sql(spec.measure, codes, q, spec.levels, unit_thresholds(spec))
            answers = {}
            for name, con in (("sqlite", lite), ("duckdb", duck.con)):
                start = time.perf_counter()
                answers[name] = sorted((row[0], *(None if x is None else int(x) for x in row[1:]))
                                       for row in con.execute(query).fetchall())
                took[name] += time.perf_counter() - start
            assert answers["sqlite"] == answers["duckdb"], spec.target.id
        print(f"  {q}: sqlite {took['sqlite']:.2f} s, duckdb {took['duckdb']:.2f} s (same answers)")
        for k in totals:
            totals[k] += took[k]
    print(f"  year: sqlite {totals['sqlite']:.2f} s, duckdb {totals['duckdb']:.2f} s, "
          f"sqlite/duckdb = {totals['sqlite'] / totals['duckdb']:.1f}x")
    duck.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
