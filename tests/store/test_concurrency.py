"""Several importer processes at once, and an importer killed inside its transaction.

Real processes on a real database (SQLite file, or the PostgreSQL server of ``.ci/run``): six
importers for different units of one period lose nothing and add nothing twice; six importers of
one unit and period leave one submission in force, the latest; SIGKILL inside the transaction
leaves the store as it was before that file.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select, text

from plancheck.store.commands import ImportStatus, history, import_files, init_store, list_submissions
from plancheck.store.connect import open_engine
from plancheck.store.importer import PAUSE_ENV
from plancheck.store.schema import imports, metric_values, submissions

from .conftest import DEPARTMENTS, METRICS, write_submission

WORKER = Path(__file__).with_name("importer_worker.py")
N = 6


def _start(url: str, go: Path, files: list[Path], env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(WORKER), url, str(go), *map(str, files)], text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, **(env or {})})


def _run_all(url: str, tmp_path: Path, batches: list[list[Path]]) -> list[str]:
    init_store(url)
    go = tmp_path / "go"
    procs = [_start(url, go, batch) for batch in batches]
    time.sleep(0.5)  # let every worker import plancheck and wait at the line
    go.touch()
    lines = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        lines += out.splitlines()
    return lines


def _values(url: str) -> list[tuple[str, str, str, int, int]]:
    s, v = submissions.c, metric_values.c
    engine = open_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(select(s.unit, s.period, v.metric, v.num, v.den)
                            .join_from(metric_values, submissions, s.id == v.submission_id)).all()
    engine.dispose()
    return sorted(tuple(r) for r in rows)  # type: ignore[misc]


def test_parallel_importers_of_different_units_lose_nothing(store_url, tmp_path):
    expected = []
    batches: list[list[Path]] = [[] for _ in range(N)]
    for i, unit in enumerate(DEPARTMENTS[:N]):
        for q in range(1, 5):  # four files per process: four quarters, so the writers interleave
            values = {m: str(100 * i + 10 * q + k) for k, m in enumerate(METRICS)}
            batches[i].append(write_submission(tmp_path / unit / f"q{q}.yaml", unit, f"2023-Q{q}", values,
                                               f"2023-0{q}-28"))
            expected += [(unit, f"2023-Q{q}", m, int(x), 1) for m, x in values.items()]
    lines = _run_all(store_url, tmp_path, batches)
    assert len(lines) == 4 * N and all(line.startswith("imported 4 ") for line in lines)
    assert _values(store_url) == sorted(expected)  # every value, exactly once
    assert len(list_submissions(store_url, current_only=True)) == 4 * N


def test_parallel_importers_of_one_unit_and_period_keep_the_latest_in_force(store_url, tmp_path):
    files = [write_submission(tmp_path / f"v{i}.yaml", "SO-TAI-CHINH", "2023", {"documents_sent_total": str(i)},
                              f"2024-01-{10 + i:02d}") for i in range(N)]
    lines = _run_all(store_url, tmp_path, [[f] for f in files])
    assert sorted(line.split()[0] for line in lines) == ["imported"] * N
    subs = list_submissions(store_url, period="2023", unit="SO-TAI-CHINH")
    assert len(subs) == N
    current = [s for s in subs if s.current]
    assert len(current) == 1 and Path(current[0].source_file).name == f"v{N - 1}.yaml"
    chain = history(store_url, "SO-TAI-CHINH", "2023")
    assert [e.values["documents_sent_total"].value for e in chain] == list(range(N))
    assert all(e.superseded_by is not None for e in chain[:-1])


def _snapshot(url: str) -> tuple[object, ...]:
    engine = open_engine(url)
    with engine.connect() as conn:
        counts = tuple(conn.execute(select(func.count()).select_from(t)).scalar_one()
                       for t in (imports, submissions, metric_values))
    engine.dispose()
    return (counts, _values(url), [(s.id, s.current, s.superseded_by) for s in list_submissions(url)])


def test_an_importer_killed_inside_its_transaction_leaves_the_store_as_it_was(store_url, tmp_path, pack, registry):
    before_file = write_submission(tmp_path / "v1.yaml", "SO-GTVT", "2023", {"documents_sent_total": "5"},
                                   "2024-01-10")
    assert import_files(store_url, [before_file], pack, registry).ok
    # the file killed in the middle: a resubmission that would supersede v1, and a new unit
    both = tmp_path / "both.csv"
    both.write_text("unit,period,metric,value,submitted_at\nSO-GTVT,2023,documents_sent_total,6,2024-01-20\n"
                    "SO-NOI-VU,2023,documents_sent_total,7,2024-01-20\n", encoding="utf-8")
    before = _snapshot(store_url)
    go = tmp_path / "go"
    go.touch()
    proc = _start(store_url, go, [both], env={PAUSE_ENV: "60"})
    assert proc.stderr is not None
    line = proc.stderr.readline()  # written inside the transaction, after its writes, before the commit
    assert "paused inside the transaction" in line, line + proc.stderr.read()
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert _snapshot(store_url) == before
    if not store_url.startswith("postgresql"):
        engine = open_engine(store_url)
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        engine.dispose()
    # the same file imports afterwards: nothing of it was recorded, and no lock was left behind
    again = import_files(store_url, [both], pack, registry)
    assert [f.status for f in again.files] == [ImportStatus.IMPORTED]
    current = {s.unit: s for s in list_submissions(store_url, current_only=True)}
    assert set(current) == {"SO-GTVT", "SO-NOI-VU"} and Path(current["SO-GTVT"].source_file).name == "both.csv"
