"""The national case, measured: plancheck end to end (A) against a hand-written DuckDB query (B)
and naive durable-rules (C), on the same generated files, each case in its own process.

    python benchmarks/national.py                       # 1,000 and 10,000 units
    python benchmarks/national.py --units 1000 10000 100000 --cases A B C
    python benchmarks/national.py --units 10000 --profile   # where A spends its time (cProfile)

Data is generated on first use into benchmarks/data/u<N>/ (``generate.py``; --regenerate to redo it).
For each size it prints, per case, the wall time of the whole process (interpreter and imports
included), its phases, and its peak RSS (``ru_maxrss`` of that child, from ``os.wait4``); then A/B
and C/A, and whether B's verdict numbers equal A's at the province and level scopes. A watchdog
kills a case whose RSS passes --max-rss-gib or whose time passes --timeout, and says so.
Then the province case: ``plancheck --help`` and ``plancheck audit`` (bundled pack and samples).
This measures; it asserts nothing. The targets are printed next to the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

GIB = 2**30


def run_case(case: str, data: Path, max_rss: float, timeout: float, extra: list[str] | None = None) -> dict[str, Any]:
    """One case in a fresh process; its JSON line, wall time and peak RSS, or why it was stopped."""
    dump = data / f"{case}-numbers.json"
    out_file = data / f"{case}-stdout.txt"
    cmd = [sys.executable, str(HERE / "cases.py"), case, str(data), "--dump", str(dump), *(extra or [])]
    start = time.perf_counter()
    with out_file.open("w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, text=True)
        stopped: list[str] = []
        sampled = [0]

        def watch() -> None:
            status = Path(f"/proc/{proc.pid}/status")
            while proc.returncode is None:
                try:
                    rss = next(int(line.split()[1]) for line in status.read_text().splitlines()
                               if line.startswith("VmRSS:")) * 1024
                except (OSError, StopIteration, ValueError):
                    return
                sampled[0] = max(sampled[0], rss)
                elapsed = time.perf_counter() - start
                if rss > max_rss * GIB or elapsed > timeout:
                    stopped.append(f"stopped at {rss / GIB:.1f} GiB RSS after {elapsed:.0f} s "
                                   f"(limits {max_rss:g} GiB, {timeout:g} s)")
                    proc.kill()
                    return
                time.sleep(0.25)

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        err = proc.stderr.read() if proc.stderr else ""
    result: dict[str, Any] = {"case": case, "wall": wall, "rss": usage.ru_maxrss * 1024, "dump": dump}
    if stopped or proc.returncode != 0:
        result["failed"] = stopped[0] if stopped else f"exit {proc.returncode}: {err.strip()[-500:]}"
        return result
    result.update(json.loads(out_file.read_text().strip().splitlines()[-1]))
    return result


def compare(a_file: Path, b_file: Path) -> tuple[int, int, list[str]]:
    """(verdicts compared, numbers compared, mismatches) between A's and B's province and level verdicts."""
    a = json.loads(a_file.read_text())
    b = json.loads(b_file.read_text())
    bad: list[str] = []
    numbers = 0
    keys = [k for k, v in a.items() if v[0] != "manual"]
    for k in keys:
        if k not in b:
            bad.append(f"{k}: only in A {a[k]}")
            continue
        (sa, na, da), (sb, nb, db) = a[k], b[k]
        if sa != sb:
            bad.append(f"{k}: status A {sa}, B {sb}")
        if na is not None:
            numbers += 1
            if nb is None or Fraction(na) != Fraction(nb) or Fraction(da) != Fraction(db):
                bad.append(f"{k}: A {na}/{da}, B {nb}/{db}")
    bad += [f"{k}: only in B {b[k]}" for k in b if k not in a]
    return len(keys), numbers, bad


def _mib(n: float) -> str:
    return f"{n / 2**20:,.0f} MiB"


def _phases(r: dict[str, Any]) -> str:
    return ", ".join(f"{k} {v:.2f}" for k, v in r.get("phases", {}).items())


def measure_size(n: int, args: argparse.Namespace) -> dict[str, Any]:
    data = HERE / "data" / f"u{n}"
    if args.regenerate or not (data / "units.csv").exists():
        g = generate(n, args.seed, data)
        print(f"  generated {g['values']:,} values in {g['files']} files in {g['seconds']:.1f} s")
    files = sum(1 for _ in (data / "submissions").rglob("*.csv"))
    if (data / "out").exists():
        shutil.rmtree(data / "out")
    row: dict[str, Any] = {"units": n, "files": files}
    for case in args.cases:
        r = run_case(case, data, args.max_rss_gib, args.timeout)
        row[case] = r
        if "failed" in r:
            print(f"  {case}: FAILED ({r['failed']}); wall {r['wall']:.1f} s, peak RSS {_mib(r['rss'])}")
            continue
        print(f"  {case}: wall {r['wall']:.2f} s, peak RSS {_mib(r['rss'])}  [{_phases(r)}]")
        if case == "A":
            row["values"] = r["values"]
            print(f"     {r['values']:,} values ({r['rejected']} rejected, {r['diagnostics']} diagnostics), "
                  f"{r['verdicts']:,} verdicts = {r['engine_facts']:,} durable-rules facts, "
                  f"JSON {r['json_mib']:.0f} MiB")
            print("     RSS (MiB): " + "; ".join(f"{k} {v}" for k, v in r.get("rss_mib", {}).items()))
        if case == "C":
            print(f"     {r['posted']:,} events posted, {r['decided']:,} decided, {r['retried']} re-posted "
                  f"(false duplicates), {r['lost']} lost")
    a, b, c = row.get("A", {}), row.get("B", {}), row.get("C", {})
    if "A" in row and "B" in row and "failed" not in a and "failed" not in b:
        verdicts, numbers, bad = compare(a["dump"], b["dump"])
        print(f"  B = A? {verdicts} province and level verdicts, {numbers} numerator/denominator pairs: "
              f"{'all equal' if not bad else f'{len(bad)} MISMATCHES'}")
        for line in bad[:20]:
            print(f"    {line}")
        row["mismatches"] = len(bad)
    if "wall" in a and "wall" in b and "failed" not in a and "failed" not in b:
        print(f"  A/B = {a['wall'] / b['wall']:.1f}x")
    if "wall" in a and "wall" in c and "failed" not in a and "failed" not in c:
        print(f"  C/A = {c['wall'] / a['wall']:.2f}x")
    return row


def province_case(runs: int) -> dict[str, float]:
    exe = shutil.which("plancheck") or str(Path(sys.executable).parent / "plancheck")
    out = {}
    for label, cmd in (("--help", ["--help"]), ("audit", ["audit"])):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([exe, *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            times.append(time.perf_counter() - start)
        out[label] = statistics.median(times)
    return out


def profile(n: int, args: argparse.Namespace, top: int) -> None:
    import pstats
    data = HERE / "data" / f"u{n}"
    if not (data / "units.csv").exists():
        generate(n, args.seed, data)
    stats_file = data / "A.prof"
    r = run_case("A", data, args.max_rss_gib, args.timeout, ["--profile", str(stats_file)])
    if "failed" in r:
        print(f"profile of A at {n:,} units: FAILED ({r['failed']})")
        return
    print(f"profile of A at {n:,} units (under cProfile, so slower): wall {r['wall']:.1f} s [{_phases(r)}]")
    for key in ("tottime", "cumulative"):
        print(f"\n--- top {top} by {key} ---")
        pstats.Stats(str(stats_file)).sort_stats(key).print_stats(top)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--cases", nargs="+", choices=["A", "B", "C"], default=["A", "B", "C"])
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument("--regenerate", action="store_true", help="regenerate the data even if present")
    parser.add_argument("--max-rss-gib", type=float, default=20.0, help="kill a case above this RSS")
    parser.add_argument("--timeout", type=float, default=1800.0, help="kill a case after this many seconds")
    parser.add_argument("--province-runs", type=int, default=5, help="runs of the province case (0: skip)")
    parser.add_argument("--profile", action="store_true", help="profile A at the first --units size instead")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    print(f"plancheck national benchmark, {date.today()}, {platform.node()}: {os.cpu_count()} CPUs, "
          f"{platform.python_implementation()} {platform.python_version()}, {platform.platform()}")
    if args.profile:
        profile(args.units[0], args, args.top)
        return 0
    rows = []
    for n in args.units:
        print(f"\n== {n:,} units ==")
        rows.append(measure_size(n, args))
    print("\n| units | values | A wall | A peak RSS | B wall | B peak RSS | C wall | C peak RSS | A/B | C/A |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        cells = [f"{row['units']:,}", f"{row.get('values', 0):,}"]
        for case in ("A", "B", "C"):
            r = row.get(case)
            if r is None:
                cells += ["-", "-"]
            elif "failed" in r:
                cells += [f"stopped ({r['wall']:.0f} s)", _mib(r["rss"])]
            else:
                cells += [f"{r['wall']:.1f} s", _mib(r["rss"])]
        ok = {c: c in row and "failed" not in row[c] for c in "ABC"}
        cells.append(f"{row['A']['wall'] / row['B']['wall']:.1f}x" if ok["A"] and ok["B"] else "-")
        cells.append(f"{row['C']['wall'] / row['A']['wall']:.2f}x" if ok["A"] and ok["C"] else "-")
        print("| " + " | ".join(cells) + " |")
    if args.province_runs:
        p = province_case(args.province_runs)
        print(f"\nprovince case (median of {args.province_runs}): plancheck --help {p['--help']:.3f} s "
              f"(target < 0.25 s), plancheck audit {p['audit']:.3f} s (target < 0.5 s)")
    national = next((r for r in rows if r["units"] == 10_000), None)
    if national is not None:
        a, b, c = national.get("A"), national.get("B"), national.get("C")
        print("\ntargets at 10,000 units (reported, not asserted):")
        if a and "failed" not in a:
            if b and "failed" not in b:
                print(f"  A within 5x of B: A/B = {a['wall'] / b['wall']:.1f}x -> "
                      f"{'met' if a['wall'] <= 5 * b['wall'] else 'NOT met'}")
            print(f"  A peak RSS < 1.5 GiB: {a['rss'] / GIB:.2f} GiB -> {'met' if a['rss'] < 1.5 * GIB else 'NOT met'}")
            if c and "failed" not in c:
                print(f"  A faster than C: C/A = {c['wall'] / a['wall']:.2f}x -> "
                      f"{'met' if c['wall'] > a['wall'] else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
