"""Wall time of the commands a user runs most, as a fresh process each time (imports included).

    python benchmarks/cli_times.py [--runs 9]

Prints the median, min and max of each command over the runs. This measures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time

COMMANDS = [
    ["--help"],
    ["audit"],
    ["audit", "--format", "json"],
    ["audit", "--scope", "unit"],
    ["explain", "ATTT-03"],
    ["validate"],
    ["rules", "check"],
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    exe = shutil.which("plancheck")
    base = [exe] if exe else [sys.executable, "-m", "plancheck"]
    print(f"{'command':34} {'median':>8} {'min':>8} {'max':>8}  (seconds, {args.runs} runs)")
    for cmd in COMMANDS:
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run([*base, *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            times.append(time.perf_counter() - start)
        label = "plancheck " + " ".join(cmd)
        print(f"{label:34} {statistics.median(times):8.3f} {min(times):8.3f} {max(times):8.3f}")


if __name__ == "__main__":
    main()
