"""Case A on national data with gaps: the generated submissions of N units with some district files
of one quarter left out (each district file holds a district and its communes), so that the scopes
those units belong to are decided with units missing.

    python benchmarks/gaps.py [--units 10000] [--drop 2] [--quarter 2022-Q2]

It links the files of ``data/u<N>/`` into ``data/u<N>-gaps/`` (nothing is copied), leaves out the
first ``--drop`` district files of ``--quarter``, and runs case A of ``cases.py`` on it in a child
process: wall time, its peak RSS (its own ``ru_maxrss``), phases, and how many targets needed unit verdicts.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--drop", type=int, default=2, help="district files of the quarter to leave out")
    parser.add_argument("--quarter", default="2022-Q2")
    args = parser.parse_args(argv)
    full = HERE / "data" / f"u{args.units}"
    if not (full / "submissions").is_dir():
        print(f"no data at {full}: run  python benchmarks/generate.py --units {args.units}", file=sys.stderr)
        return 2
    gaps = HERE / "data" / f"u{args.units}-gaps"
    shutil.rmtree(gaps, ignore_errors=True)
    (gaps / "submissions").mkdir(parents=True)
    for name in ("pack.yaml", "registry.yaml"):
        (gaps / name).symlink_to(full / name)
    dropped: list[str] = []
    for folder in sorted((full / "submissions").iterdir()):
        (gaps / "submissions" / folder.name).mkdir()
        for f in sorted(folder.glob("*.csv")):
            if folder.name == args.quarter and f.name.startswith("H-") and len(dropped) < args.drop:
                dropped.append(f.name)
                continue
            (gaps / "submissions" / folder.name / f.name).symlink_to(f)
    print(f"{args.units:,} units, left out of {args.quarter}: {', '.join(dropped)}")
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, str(HERE / "cases.py"), "A", str(gaps)], stdout=subprocess.PIPE,
                             text=True)
    out, _ = child.communicate()
    wall = time.perf_counter() - start
    if child.returncode != 0:
        print(f"  A failed (exit {child.returncode})", file=sys.stderr)
        return 1
    report = json.loads(out.strip().splitlines()[-1])
    phases = ", ".join(f"{k} {v:.2f}" for k, v in report["phases"].items())
    print(f"  A: wall {wall:.1f} s, peak RSS {report['maxrss_kib'] / 1024:,.0f} MiB  [{phases}]")
    print(f"     {report['values']:,} values, {report['verdicts']:,} verdicts "
          f"({report['per_unit_targets']} target-quarters needed unit verdicts), JSON {report['json_mib']:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
