"""One importer process of the concurrency tests: wait for the start signal, import, report.

    python importer_worker.py STORE_URL GO_FILE FILE...

Waits until GO_FILE exists (so that every worker starts at once), imports the files with the
bundled pack and registry, and prints one line per file: its status and values.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from plancheck.audit import load_rule_pack, load_unit_registry
from plancheck.store.commands import import_files


def main(argv: list[str]) -> int:
    url, go, files = argv[0], Path(argv[1]), [Path(f) for f in argv[2:]]
    pack, registry = load_rule_pack(None)[0], load_unit_registry(None)
    deadline = time.monotonic() + 60
    while not go.exists():
        if time.monotonic() > deadline:
            return 3
        time.sleep(0.005)
    result = import_files(url, files, pack, registry)
    for f in result.files:
        print(f"{f.status.value} {f.values} {f.file}", flush=True)
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
