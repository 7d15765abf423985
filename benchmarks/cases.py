"""The three measured cases of ``benchmarks/national.py``, each run in its own process:

    python benchmarks/cases.py A|B|C DATA_DIR [--dump FILE] [--profile FILE]

A  plancheck end to end, as ``plancheck audit --format json`` runs at national scale (the aggregated
   engine): rule pack and registry, ``load_fact_table`` (read and validate every CSV), the table
   into DuckDB, then per quarter ``evaluate_table`` (SQL aggregates, durable-rules decisions, gaps,
   ledger), the unused-values check, and the JSON of the province scope (``render_json``), written
   to DATA_DIR/out/. The facts are read and loaded once for the 4 quarters.
B  the practical limit: one hand-written DuckDB query over the same CSV files (and units.csv)
   computing the same verdict numbers, province and level scope: pooled numerators and
   denominators, units met for share_of_units/every_unit, the comparison with each threshold.
C  naive durable-rules: every raw value posted as an event (batches of 1,000, unique ids, drained
   on the calling thread as ``engine/durable.py`` does, lost events re-posted), one rule per metric.

Each prints one JSON line: timings of its phases (seconds), counts, and its own peak RSS (KiB).
``--dump`` writes the province and level verdict numbers (A and B) for the cross-check.
"""

from __future__ import annotations

import csv
import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generate import threshold_value  # this folder is on sys.path when run as a script

QUARTERS = ["2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4"]
_T: dict[str, float] = {}


def _timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            _T[name] = _T.get(name, 0.0) + time.perf_counter() - start
    return wrapper


def _maxrss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


_RSS: dict[str, str] = {}


def _checkpoint(label: str) -> None:
    """Current and peak RSS at a point of the run (MiB), to see what holds the memory."""
    status = Path("/proc/self/status").read_text().splitlines()
    now = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    _RSS[label] = f"{now // 1024} now / {_maxrss_kib() // 1024} peak"


# --- A: plancheck -------------------------------------------------------------------------------------

def case_a(data: Path, dump: Path | None) -> dict[str, Any]:
    """What ``plancheck audit --format json`` does for each quarter with the aggregated engine (which
    ``--engine auto`` takes for a registry of 1,000 units or more): the facts read and validated once
    into a ``FactTable`` and loaded once into DuckDB."""
    start = time.perf_counter()
    import plancheck.engine.pushdown as pd_mod
    import plancheck.facts.bulk as bulk_mod
    from plancheck.audit import AuditResult, load_rule_pack, load_unit_registry, unused_in_table
    from plancheck.engine.durable import Session
    from plancheck.engine.sql_facts import FactDB
    from plancheck.render.json_out import exact, render_json
    _T["import"] = time.perf_counter() - start

    # phase timers around plancheck's own functions (this process only)
    FactDB.level_figures = _timed("sql aggregates", FactDB.level_figures)  # type: ignore[method-assign]
    Session.decide = _timed("durable decide", Session.decide)  # type: ignore[method-assign]
    pd_mod.finish = _timed("gaps", pd_mod.finish)

    t = time.perf_counter()
    pack, _ = load_rule_pack(data / "pack.yaml")
    registry = load_unit_registry(data / "registry.yaml")
    _T["pack+registry"] = time.perf_counter() - t
    t = time.perf_counter()
    load = bulk_mod.load_fact_table([data / "submissions"], pack, registry)
    _T["read+validate"] = time.perf_counter() - t
    _checkpoint("after read+validate")
    t = time.perf_counter()
    db = FactDB(load.table, registry)
    _T["load into duckdb"] = time.perf_counter() - t
    _checkpoint("after load into duckdb")
    out_dir = data / "out"
    out_dir.mkdir(exist_ok=True)
    numbers: dict[str, list[Any]] = {}
    posted = verdicts = json_bytes = per_unit = 0
    for q in QUARTERS:
        t = time.perf_counter()
        evaluation = pd_mod.evaluate_table(pack, load.table, registry, period=q, db=db)
        _T["evaluate"] = _T.get("evaluate", 0.0) + time.perf_counter() - t
        t = time.perf_counter()
        unused = unused_in_table(db, load.table, evaluation, q)
        _T["unused values"] = _T.get("unused values", 0.0) + time.perf_counter() - t
        _checkpoint(f"after evaluate {q}")
        posted += len(evaluation.ledger.posted)
        verdicts += len(evaluation.verdicts)
        per_unit += len(evaluation.per_unit_targets)
        t = time.perf_counter()
        result = AuditResult(pack=pack, registry=registry, period=q, evaluation=evaluation, load=load,
                             pack_path=str(data / "pack.yaml"), fact_paths=[str(data / "submissions")],
                             seconds=0.0, diagnostics=[*load.diagnostics, *unused], engine="aggregated")
        text = render_json(result, result.select("province"), "province")
        (out_dir / f"A-{q}.json").write_text(text, encoding="utf-8")
        json_bytes += len(text.encode())
        _T["render json"] = _T.get("render json", 0.0) + time.perf_counter() - t
        _checkpoint(f"after render {q}")
        for v in evaluation.verdicts:
            if v.scope.kind.value in ("province", "level"):
                key = "|".join((v.period, v.target, v.part, v.scope.kind.value,
                                v.scope.id if v.scope.kind.value == "level" else ""))
                numbers[key] = [v.status.value, exact(v.numerator), exact(v.denominator)]
        del evaluation, result, text
    db.close()
    if dump is not None:
        dump.write_text(json.dumps(numbers), encoding="utf-8")
    return {"case": "A", "phases": _T, "values": load.accepted_values, "rejected": load.rejected_values,
            "diagnostics": len(load.diagnostics), "verdicts": verdicts, "engine_facts": posted,
            "per_unit_targets": per_unit, "fast_files": getattr(load, "fast_files", None),
            "json_mib": json_bytes / 2**20, "rss_mib": _RSS, "work": time.perf_counter() - start,
            "maxrss_kib": _maxrss_kib()}


# --- B: DuckDB ----------------------------------------------------------------------------------------

_SQL = """
CREATE MACRO holds(op, a, b) AS CASE op WHEN '>=' THEN a >= b WHEN '>' THEN a > b WHEN '<=' THEN a <= b
                                        WHEN '<' THEN a < b ELSE a = b END;
WITH v AS (   -- every value, parsed by its metric's kind, with its unit's level
  SELECT c.unit, c.period, c.metric, u.level,
         CAST(CASE k.kind
                WHEN 'yes_no' THEN CASE WHEN lower(trim(c.value)) IN ('có', 'yes', 'true') THEN 1 ELSE 0 END
                WHEN 'percent' THEN CAST(replace(replace(c.value, '%', ''), ',', '.') AS DECIMAL(18, 6)) * 0.01
                ELSE CAST(c.value AS DECIMAL(38, 6)) END AS DECIMAL(38, 6)) AS x
  FROM read_csv('{glob}', header = true, all_varchar = true) c
  JOIN read_csv('{units}', header = true, all_varchar = true) u USING (unit)
  JOIN metric_kind k USING (metric)
), obs AS (   -- one unit's numerator and denominator for one spec (target or part) and period
  SELECT sm.spec, v.unit, v.period, v.level,
         sum(x) FILTER (WHERE sm.role = 'num') AS n,
         CAST(CASE any_value(s.kind)
           WHEN 'ratio' THEN sum(x) FILTER (WHERE sm.role = 'den') - coalesce(sum(x) FILTER (WHERE sm.role = 'excl'), 0)
           WHEN 'rate' THEN any_value(w.weeks) ELSE 1 END AS DECIMAL(38, 6)) AS d
  FROM v JOIN spec_metric sm USING (metric) JOIN spec s ON s.spec = sm.spec
  JOIN spec_threshold sl ON sl.spec = sm.spec AND sl.level = v.level
  LEFT JOIN period_weeks w ON w.period = v.period
  GROUP BY sm.spec, v.unit, v.period, v.level
), unit_pass AS (   -- a unit's own verdict, for the roll-ups that count units
  SELECT o.*, s.rollup,
         CASE s.rollup WHEN 'share_of_units' THEN o.n >= 1
                       WHEN 'every_unit' THEN holds(sl.op, o.n * sl.th_den, sl.th_num * o.d) END AS pass
  FROM obs o JOIN spec s ON s.spec = o.spec JOIN spec_threshold sl ON sl.spec = o.spec AND sl.level = o.level
), scopes AS (   -- province ('') and each level
  SELECT spec, period, coalesce(level, '') AS scope_level,
         CASE WHEN rollup IN ('share_of_units', 'every_unit') THEN count(*) FILTER (WHERE pass) ELSE sum(n) END AS num,
         CASE WHEN rollup IN ('share_of_units', 'every_unit') THEN count(*) ELSE sum(d) END AS den
  FROM unit_pass GROUP BY GROUPING SETS ((spec, period, rollup), (spec, period, rollup, level))
), decided AS (
  SELECT s.spec, s.target, s.part, sc.period, sc.scope_level, sc.num, sc.den,
         CASE WHEN sc.den = 0 THEN 'insufficient_data'
              WHEN holds(th.op, sc.num * th.th_den, th.th_num * sc.den) THEN 'met' ELSE 'not_met' END AS status
  FROM scopes sc JOIN spec s ON s.spec = sc.spec
  JOIN spec_threshold th ON th.spec = s.spec AND th.level = CASE WHEN s.per_level THEN sc.scope_level ELSE '' END
  WHERE (sc.scope_level = '' AND NOT s.per_level)
     OR (sc.scope_level <> '' AND s.part = '' AND NOT s.province_only)
), combined AS (   -- a per-level target at the province: every level met
  SELECT s.target, '' AS part, d.period, '' AS scope_level, NULL AS num, NULL AS den,
         CASE WHEN bool_and(d.status = 'met') THEN 'met' WHEN bool_or(d.status = 'not_met') THEN 'not_met'
              ELSE 'insufficient_data' END AS status
  FROM decided d JOIN spec s ON s.spec = d.spec WHERE s.per_level GROUP BY s.target, d.period
), compound AS (   -- a compound target: every part met at the province
  SELECT target, '' AS part, period, '' AS scope_level, NULL AS num, NULL AS den,
         CASE WHEN bool_and(status = 'met') THEN 'met' WHEN bool_or(status = 'not_met') THEN 'not_met'
              ELSE 'insufficient_data' END AS status
  FROM decided WHERE part <> '' AND scope_level = '' GROUP BY target, period
)
SELECT target, part, period, scope_level, CAST(num AS VARCHAR), CAST(den AS VARCHAR), status FROM decided
UNION ALL SELECT target, part, period, scope_level, CAST(num AS VARCHAR), CAST(den AS VARCHAR), status FROM combined
UNION ALL SELECT target, part, period, scope_level, CAST(num AS VARCHAR), CAST(den AS VARCHAR), status FROM compound
"""


def _specs(pack: dict[str, Any]) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The pack as three small tables: spec (target or part), spec_metric (role of each metric),
    spec_threshold (the threshold at each level, and at '' for the province scope)."""
    specs, metrics, thresholds = [], [], []
    for t in pack["targets"]:
        if t.get("manual"):
            continue
        entries = [(p["id"], p) for p in t.get("all_of", [])] or [("", t)]
        for part, d in entries:
            m = d["measure"]
            sid = len(specs)
            kind = next(k for k in ("ratio", "flag", "value", "rate") if k in m)
            rollup = d.get("rollup", "pooled")
            levels = d["levels"]
            if rollup == "mean" and levels != ["province"]:
                raise SystemExit(f"{t['id']}: a mean over several units is not written in this query")
            per = m["ratio"].get("per", 1) if kind == "ratio" else 1
            by_level = d.get("thresholds_by_level")
            if d.get("unit_threshold") is not None:
                raise SystemExit(f"{t['id']}: unit_threshold is not written in this query")
            if levels == ["province"]:
                rollup = "pooled"  # the province's one unit: its own figures (engine.plan)
            specs.append((sid, t["id"], part, kind, rollup, by_level is not None, levels == ["province"]))
            if kind == "ratio":
                metrics += [(sid, m["ratio"]["numerator"], "num"), (sid, m["ratio"]["denominator"], "den")]
                metrics += [(sid, e, "excl") for e in m["ratio"].get("exclude", [])]
            else:
                metrics.append((sid, m[kind]["count"] if kind == "rate" else m[kind], "num"))
            for lv in [*levels, ""]:
                text = (by_level or {}).get(lv) if by_level else d["threshold"]
                if text is None:
                    continue
                op, value = threshold_value(text, per)
                thresholds.append((sid, lv, op, value.numerator, value.denominator))
    return specs, metrics, thresholds


def case_b(data: Path, dump: Path | None) -> dict[str, Any]:
    start = time.perf_counter()
    import duckdb
    from ruamel.yaml import YAML
    _T["import"] = time.perf_counter() - start
    t = time.perf_counter()
    pack = YAML(typ="safe", pure=False).load((data / "pack.yaml").read_text(encoding="utf-8"))
    specs, spec_metrics, thresholds = _specs(pack)
    con = duckdb.connect()
    con.execute("CREATE TABLE spec (spec INT, target VARCHAR, part VARCHAR, kind VARCHAR, rollup VARCHAR, "
                "per_level BOOLEAN, province_only BOOLEAN)")
    con.executemany("INSERT INTO spec VALUES (?, ?, ?, ?, ?, ?, ?)", specs)
    con.execute("CREATE TABLE spec_metric (spec INT, metric VARCHAR, role VARCHAR)")
    con.executemany("INSERT INTO spec_metric VALUES (?, ?, ?)", spec_metrics)
    con.execute("CREATE TABLE spec_threshold (spec INT, level VARCHAR, op VARCHAR, th_num HUGEINT, th_den HUGEINT)")
    con.executemany("INSERT INTO spec_threshold VALUES (?, ?, ?, ?, ?)", thresholds)
    con.execute("CREATE TABLE metric_kind (metric VARCHAR, kind VARCHAR)")
    con.executemany("INSERT INTO metric_kind VALUES (?, ?)", [(m["id"], m["kind"]) for m in pack["metrics"]])
    con.execute("CREATE TABLE period_weeks (period VARCHAR, weeks INT)")
    con.executemany("INSERT INTO period_weeks VALUES (?, ?)",
                    [("2022-Q1", 12), ("2022-Q2", 13), ("2022-Q3", 13), ("2022-Q4", 13)])
    _T["pack tables"] = time.perf_counter() - t
    t = time.perf_counter()
    sql = _SQL.format(glob=data / "submissions" / "*" / "*.csv", units=data / "units.csv")
    macro, query = sql.split(";", 1)
    con.execute(macro)
    rows = con.execute(query).fetchall()
    _T["query"] = time.perf_counter() - t
    numbers = {}
    for target, part, period, scope_level, num, den, status in rows:
        kind = "level" if scope_level else "province"
        numbers["|".join((period, target, part, kind, scope_level))] = [status, num, den]
    if dump is not None:
        dump.write_text(json.dumps(numbers), encoding="utf-8")
    return {"case": "B", "phases": _T, "verdicts": len(rows), "threads": con.execute(
        "SELECT current_setting('threads')").fetchone()[0], "work": time.perf_counter() - start,
        "maxrss_kib": _maxrss_kib()}


# --- C: naive durable-rules ---------------------------------------------------------------------------

def _number(text: str) -> int | float:
    if text.isdigit():
        return int(text)
    if text in ("có", "không"):
        return int(text == "có")
    return float(text.replace("%", "").replace(",", "."))


def case_c(data: Path, dump: Path | None) -> dict[str, Any]:
    start = time.perf_counter()
    import durable_rules_engine as core
    from ruamel.yaml import YAML
    _T["import"] = time.perf_counter() - start
    pack = YAML(typ="safe", pure=False).load((data / "pack.yaml").read_text(encoding="utf-8"))
    rules = {m["id"]: {"all": [{"m": {"metric": m["id"]}}]} for m in pack["metrics"]}
    handle = core.create_ruleset(f"naive-{time.time_ns()}", json.dumps(rules))
    decided: set[str] = set()
    posted = refused = 0

    def drain() -> None:
        result = core.start_action(handle)
        while result:
            state, message, action = result
            for matched in json.loads(message).values():
                for m in matched if isinstance(matched, list) else [matched]:
                    decided.add(m.get("m", m)["pid"])
            follow = core.complete_and_start_action(handle, action)
            result = (state, follow, action) if follow else core.start_action(handle)

    def post(batch: list[dict[str, Any]]) -> None:
        nonlocal refused
        t = time.perf_counter()
        code, *_ = core.assert_events(handle, json.dumps(batch, ensure_ascii=False))
        refused += code != 0
        drain()
        _T["post+decide"] = _T.get("post+decide", 0.0) + time.perf_counter() - t

    t_read = time.perf_counter()
    events: dict[str, dict[str, Any]] = {}
    batch: list[dict[str, Any]] = []
    for path in sorted((data / "submissions").rglob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                pid = str(posted)
                ev = {"id": pid, "pid": pid, "sid": "0", "unit": row["unit"], "period": row["period"],
                      "metric": row["metric"], "value": _number(row["value"])}
                batch.append(ev)
                posted += 1
                if len(batch) == 1000:
                    post(batch)
                    events.update((e["pid"], e) for e in batch if e["pid"] not in decided)
                    batch = []
    if batch:
        post(batch)
        events.update((e["pid"], e) for e in batch if e["pid"] not in decided)
    retried = 0
    for attempt in (1, 2):
        missing = [events[p] for p in events if p not in decided]
        for e in missing:  # a false duplicate of the 32-bit id hash: again, alone, salted
            post([{**e, "id": f"{e['pid']}#retry{attempt}"}])
        retried += len(missing)
    _T["read+post+decide"] = time.perf_counter() - t_read
    core.delete_ruleset(handle)
    return {"case": "C", "phases": _T, "posted": posted, "decided": len(decided), "retried": retried,
            "refused_batches": refused, "lost": posted - len(decided), "work": time.perf_counter() - start,
            "maxrss_kib": _maxrss_kib()}


def main(argv: list[str]) -> int:
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("case", choices=["A", "B", "C"])
    parser.add_argument("data", type=Path)
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--profile", type=Path, help="(A) write cProfile stats to this file")
    args = parser.parse_args(argv)
    run = {"A": case_a, "B": case_b, "C": case_c}[args.case]
    if args.profile:
        import cProfile
        prof = cProfile.Profile()
        out = prof.runcall(run, args.data, args.dump)
        prof.dump_stats(args.profile)
    else:
        out = run(args.data, args.dump)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
