"""Generate a national-scale benchmark input: N units x M metrics x 4 quarters as CSV submissions,
with a matching unit registry and a rule pack scaled from the bundled one (synthetic figures).

    python benchmarks/generate.py --units 10000 [--seed 2022] [--out benchmarks/data/u10000]

Writes into ``--out`` (default ``benchmarks/data/u<N>``; the folder is replaced):

    pack.yaml           the bundled Đắk Nông 2022 pack with every metric and target replicated
                        ``--replicas`` times (3 by default: a commune then reports 60 metrics a quarter,
                        a district 78, a department 96, the province 87). ``increase_over`` targets get
                        a ``>= 50%`` threshold instead (there is no 2021 baseline in this data).
    registry.yaml       1 province, ~1% departments, ~7% districts, the rest communes (each under a
                        district); 10,000 units gives 1 + 100 + 700 + 9,199.
    units.csv           the same units as ``unit,level`` (read by the DuckDB reference, case B)
    submissions/2022-Qn/ one CSV (long form) per district-like group and quarter: ``province.csv``,
                        ``departments-NN.csv`` (25 departments each), ``H-NNNN.csv`` (a district and
                        its communes).

Every unit reports every metric of its level for every quarter: no unit is missing and no part
exceeds its whole, so every verdict is decided from complete data (the cost measured is the
common case, not the bounds of partial data). Figures are centred near each target's threshold so
that verdicts are a mix of met and not met. Same seed, same bytes: one ``random.Random``, pack and
registry order, no clock. Only the csv module writes the rows, so 10,000 units take seconds.
"""

from __future__ import annotations

import argparse
import copy
import csv
import random
import re
import shutil
import sys
import time
from fractions import Fraction
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

HERE = Path(__file__).resolve().parent
BUNDLED_PACK = HERE.parent / "rules" / "packs" / "dak-nong-2022.yaml"
QUARTERS = ["2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4"]
LEVELS = ["province", "department", "district", "commune"]
_SUBMITTED = {"2022-Q1": "2022-04-10T09:00", "2022-Q2": "2022-07-10T09:00", "2022-Q3": "2022-10-10T09:00",
              "2022-Q4": "2023-01-10T09:00"}
_DEPARTMENTS_PER_FILE = 25


# --- the scaled rule pack ---------------------------------------------------------------------------

def _suffix_metric(metric_id: str, r: int) -> str:
    return metric_id if r == 1 else f"{metric_id}_r{r}"


def _measure_copy(measure: dict[str, Any], r: int) -> dict[str, Any]:
    m = copy.deepcopy(measure)
    if "ratio" in m:
        ratio = m["ratio"]
        ratio["numerator"] = _suffix_metric(ratio["numerator"], r)
        ratio["denominator"] = _suffix_metric(ratio["denominator"], r)
        if "exclude" in ratio:
            ratio["exclude"] = [_suffix_metric(e, r) for e in ratio["exclude"]]
    elif "rate" in m:
        m["rate"]["count"] = _suffix_metric(m["rate"]["count"], r)
    else:
        for k in ("flag", "value"):
            if k in m:
                m[k] = _suffix_metric(m[k], r)
    return m


def scale_pack(source: dict[str, Any], replicas: int) -> dict[str, Any]:
    """The bundled pack with every metric and target ``replicas`` times (ids suffixed ``_rN``, ``-RN``)."""
    pack = copy.deepcopy(source)
    pack["pack"]["id"] = f"{source['pack']['id']}-x{replicas}"
    pack["pack"]["title_en"] = f"{source['pack'].get('title_en', '')} (benchmark: metrics and targets x{replicas})"
    pack["pack"].pop("baseline_period", None)
    metrics, targets = [], []
    for r in range(1, replicas + 1):
        for m in source["metrics"]:
            c = copy.deepcopy(m)
            c["id"] = _suffix_metric(m["id"], r)
            if "not_above" in c:
                c["not_above"] = [_suffix_metric(w, r) for w in c["not_above"]]
            if r > 1:
                c["name_vi"] = f"{m['name_vi']} (bản sao {r})"
                c["name_en"] = f"{m.get('name_en', m['id'])} (copy {r})"
            metrics.append(c)
        for t in source["targets"]:
            c = copy.deepcopy(t)
            c["id"] = t["id"] if r == 1 else f"{t['id']}-R{r}"
            if r > 1:
                c["title_vi"] = f"{t['title_vi']} (bản sao {r})"
                c["title_en"] = f"{t.get('title_en', t['id'])} (copy {r})"
            if "measure" in c:
                c["measure"] = _measure_copy(c["measure"], r)
            for p in c.get("all_of", []):
                p["measure"] = _measure_copy(p["measure"], r)
            if "increase_over" in c:
                del c["increase_over"]
                c["threshold"] = ">= 50%"
                c["note"] = "benchmark copy: the bundled increase over 2021 is read as >= 50% (no baseline here)"
            targets.append(c)
    pack["metrics"], pack["targets"] = metrics, targets
    return pack


_THRESHOLD = re.compile(r"^\s*(>=|<=|>|<|=)\s*([0-9]+(?:[.,][0-9]+)?)\s*(%?)\s*$")


def threshold_value(text: str, per: int = 1) -> tuple[str, Fraction]:
    """The op and the value on the measure's own scale: ``>= 92%`` is 23/25; ``>= 70`` per 100 is 7/10."""
    m = _THRESHOLD.match(text)
    if not m:
        raise ValueError(f"cannot read threshold {text!r}")
    value = Fraction(m.group(2).replace(",", "."))
    if m.group(3):
        value /= 100
    elif per != 1:
        value /= per
    return m.group(1), value


# --- the registry -------------------------------------------------------------------------------------

def make_units(n: int) -> list[tuple[str, str, str | None]]:
    """(id, level, parent) for n units: 1 province, ~1% departments, ~7% districts, the rest communes."""
    departments = max(19, round(n * 0.01))
    districts = max(8, round(n * 0.07))
    communes = n - 1 - departments - districts
    if communes < districts:
        raise SystemExit(f"--units {n} is too small (at least {1 + 19 + 16} units)")
    units: list[tuple[str, str, str | None]] = [("TINH", "province", None)]
    units += [(f"SO-{i:04d}", "department", None) for i in range(1, departments + 1)]
    district_ids = [f"H-{i:04d}" for i in range(1, districts + 1)]
    units += [(d, "district", None) for d in district_ids]
    per = [communes // districts + (1 if i < communes % districts else 0) for i in range(districts)]
    for d, count in zip(district_ids, per, strict=True):
        units += [(f"X-{d[2:]}-{j:03d}", "commune", d) for j in range(1, count + 1)]
    return units


def _name(unit_id: str, level: str) -> tuple[str, str]:
    if level == "province":
        return "Tỉnh Benchmark", "Benchmark Province"
    if level == "department":
        return f"Sở số {unit_id[3:]}", f"Department {unit_id[3:]}"
    if level == "district":
        return f"UBND huyện số {unit_id[2:]}", f"District {unit_id[2:]}"
    return f"UBND xã số {unit_id[2:]}", f"Commune {unit_id[2:]}"


def write_registry(path: Path, units: list[tuple[str, str, str | None]]) -> None:
    lines = ["# Synthetic national-scale registry for benchmarks/ (generated by benchmarks/generate.py).",
             "registry: benchmark", "name: Tỉnh Benchmark", 'as_of: "2022"', "", "units:"]
    for uid, level, parent in units:
        vi, en = _name(uid, level)
        p = f", parent: {parent}" if parent else ""
        lines.append(f'  - {{id: {uid}, level: {level}{p}, name_vi: "{vi}", name_en: "{en}"}}')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- the figures ----------------------------------------------------------------------------------------

class _Plan:
    """How each metric is drawn at each level: its kind, what caps it, and where its share is centred."""

    def __init__(self, pack: dict[str, Any], rng: random.Random) -> None:
        self.metrics = {m["id"]: m for m in pack["metrics"]}
        self.caps: dict[str, set[str]] = {m: set(d.get("not_above", [])) for m, d in self.metrics.items()}
        self.after: dict[str, set[str]] = {m: set() for m in self.metrics}  # drawn before m (not caps)
        self.centre: dict[tuple[str, str], float] = {}
        self.flag_p: dict[tuple[str, str], float] = {}
        excluded: set[str] = set()
        specs = []
        for t in pack["targets"]:
            for p in t.get("all_of", []):
                specs.append((p["measure"], p.get("threshold"), None, p["levels"], p.get("rollup")))
            if "measure" in t:
                specs.append((t["measure"], t.get("threshold"), t.get("thresholds_by_level"), t["levels"],
                              t.get("rollup")))
        for measure, th, by_level, levels, _rollup in specs:
            per = measure.get("ratio", {}).get("per", 1)
            for lv in levels:
                text = (by_level or {}).get(lv, th)
                _, value = threshold_value(text, per)
                centre = float(value) + rng.uniform(-0.06, 0.04)
                if "ratio" in measure:
                    ratio = measure["ratio"]
                    self.centre.setdefault((ratio["numerator"], lv), min(max(centre, 0.001), 2.0))
                    if per == 1:
                        self.caps[ratio["numerator"]] |= {ratio["denominator"]}
                    self.after[ratio["numerator"]] |= {ratio["denominator"], *ratio.get("exclude", [])}
                    excluded |= set(ratio.get("exclude", []))
                elif "flag" in measure:
                    self.flag_p.setdefault((measure["flag"], lv), min(max(centre, 0.0), 1.0))
                elif "value" in measure:
                    self.centre.setdefault((measure["value"], lv), min(max(centre, 0.0), 1.0))
        self.excluded = excluded
        self.order = self._topological()
        self.base: dict[str, float] = {m: rng.uniform(0.3, 3.0) for m in self.order}
        self.part_centre: dict[str, float] = {m: rng.uniform(0.3, 0.95) for m in self.order}

    def _topological(self) -> list[str]:
        done: dict[str, None] = {}

        def visit(m: str, path: tuple[str, ...]) -> None:
            if m in done:
                return
            if m in path:
                raise SystemExit(f"cycle in the metric constraints: {' -> '.join((*path, m))}")
            for w in sorted(self.caps[m] | self.after[m]):
                visit(w, (*path, m))
            done[m] = None

        for m in self.metrics:
            visit(m, ())
        return list(done)

    def for_level(self, level: str) -> list[tuple[Any, ...]]:
        """(metric, kind, caps, share centre or flag probability, size) in drawing order."""
        size = {"province": 400.0, "department": 20.0, "district": 8.0, "commune": 1.0}[level]
        out = []
        for m in self.order:
            d = self.metrics[m]
            if level not in d["levels"]:
                continue
            caps = tuple(sorted(c for c in self.caps[m] if level in self.metrics[c]["levels"]))
            kind = d["kind"]
            if kind == "yes_no":
                out.append((m, kind, caps, self.flag_p.get((m, level), 0.8), size))
            elif m in self.excluded:
                out.append((m, kind, caps, 0.02, size))
            else:
                out.append((m, kind, caps, self.centre.get((m, level), self.part_centre[m]), size * self.base[m]))
        return out


def _draw(rows: list[tuple[Any, ...]], weeks: int, rng: random.Random, ratio_caps: dict[str, tuple[str, list[str]]]
          ) -> list[tuple[str, str]]:
    values: dict[str, int] = {}
    out = []
    rand = rng.random
    for m, kind, caps, centre, size in rows:
        if kind == "yes_no":
            out.append((m, "có" if rand() < centre else "không"))
            continue
        if kind == "percent":
            pct = min(100.0, max(0.0, centre * 100 + (rand() - 0.5) * 10))
            out.append((m, f"{pct:.1f}".replace(".", ",") + "%"))
            continue
        if m.startswith("news_items"):
            v = int(weeks * (0.85 + rand() * 1.2))
        elif caps:
            cap = min(values[c] for c in caps)
            rc = ratio_caps.get(m)
            if rc is not None and rc[0] in values:
                cap = min(cap, values[rc[0]] - sum(values.get(e, 0) for e in rc[1]))
            share = min(1.0, centre * (0.85 + rand() * 0.3))
            v = int(cap * share)
        elif m in ratio_caps and ratio_caps[m][0] in values:
            # a numerator with no whole of its own (a per-100 rate): around its denominator
            v = int(values[ratio_caps[m][0]] * centre * (0.85 + rand() * 0.3))
        else:  # a whole
            scale = 10**9 if kind == "amount_vnd" else 1
            v = max(20, int(size * (50 + rand() * 950))) * scale
        values[m] = v
        out.append((m, str(v)))
    return out


def generate(n_units: int, seed: int, out: Path, replicas: int = 3) -> dict[str, Any]:
    started = time.perf_counter()
    rng = random.Random(seed)
    yaml = YAML(typ="safe", pure=False)
    source = yaml.load(BUNDLED_PACK.read_text(encoding="utf-8"))
    pack = scale_pack(source, replicas)
    if out.exists():
        shutil.rmtree(out)
    (out / "submissions").mkdir(parents=True)
    dumper = YAML()
    dumper.width = 4096
    with (out / "pack.yaml").open("w", encoding="utf-8") as f:
        f.write("# Benchmark pack generated by benchmarks/generate.py from rules/packs/dak-nong-2022.yaml\n")
        dumper.dump(pack, f)
    units = make_units(n_units)
    write_registry(out / "registry.yaml", units)
    with (out / "units.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["unit", "level", "parent"])
        w.writerows([(u, lv, p or "") for u, lv, p in units])

    plan = _Plan(pack, rng)
    by_level = {lv: plan.for_level(lv) for lv in LEVELS}
    # numerators of per-1 ratios are capped by denominator minus exclusions
    ratio_caps: dict[str, tuple[str, list[str]]] = {}
    for t in pack["targets"]:
        for measure in [t.get("measure")] + [p["measure"] for p in t.get("all_of", [])]:
            if measure and "ratio" in measure:
                r = measure["ratio"]
                ratio_caps.setdefault(r["numerator"], (r["denominator"], r.get("exclude", [])))

    groups: list[tuple[str, list[tuple[str, str, str | None]]]] = [("province", [units[0]])]
    departments = [u for u in units if u[1] == "department"]
    for i in range(0, len(departments), _DEPARTMENTS_PER_FILE):
        groups.append((f"departments-{i // _DEPARTMENTS_PER_FILE + 1:02d}", departments[i : i + _DEPARTMENTS_PER_FILE]))
    communes: dict[str, list[tuple[str, str, str | None]]] = {}
    for u in units:
        if u[1] == "commune":
            communes.setdefault(u[2] or "", []).append(u)
    for u in units:
        if u[1] == "district":
            groups.append((u[0], [u, *communes.get(u[0], [])]))

    weeks = {"2022-Q1": 12, "2022-Q2": 13, "2022-Q3": 13, "2022-Q4": 13}
    values = files = 0
    for q in QUARTERS:
        qdir = out / "submissions" / q
        qdir.mkdir()
        at = _SUBMITTED[q]
        for name, members in groups:
            with (qdir / f"{name}.csv").open("w", encoding="utf-8", newline="") as f:
                w = csv.writer(f)
                w.writerow(["unit", "period", "metric", "value", "submitted_by", "submitted_at"])
                for uid, level, _ in members:
                    who = f"Cán bộ {uid}"
                    drawn = _draw(by_level[level], weeks[q], rng, ratio_caps)
                    w.writerows([(uid, q, m, v, who, at) for m, v in drawn])
                    values += len(drawn)
            files += 1
    per_level = {lv: len(rows) for lv, rows in by_level.items()}
    counts = {lv: sum(1 for u in units if u[1] == lv) for lv in LEVELS}
    return {"units": len(units), "by_level": counts, "metrics_per_unit": per_level, "values": values, "files": files,
            "targets": len(pack["targets"]), "metrics": len(pack["metrics"]),
            "seconds": time.perf_counter() - started, "out": str(out)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument("--replicas", type=int, default=3, help="copies of the bundled metrics and targets")
    parser.add_argument("--out", type=Path, help="output folder (replaced); default benchmarks/data/u<units>")
    args = parser.parse_args(argv)
    out = args.out or HERE / "data" / f"u{args.units}"
    s = generate(args.units, args.seed, out, args.replicas)
    print(f"{s['units']} units {s['by_level']}, metrics per unit and quarter {s['metrics_per_unit']}")
    print(f"{s['values']:,} values in {s['files']} files, {s['targets']} targets over {s['metrics']} metrics, "
          f"in {s['seconds']:.1f} s -> {s['out']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
