"""Import into the store: all or nothing per file, once per content, resubmissions and history."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from plancheck.diagnostics import Severity
from plancheck.facts import DEFAULT_FACTS
from plancheck.facts.load import load_facts
from plancheck.store.commands import (
    ChangeKind,
    ImportStatus,
    StoreError,
    export_facts,
    history,
    import_files,
    init_store,
    list_submissions,
    load_facts_from_store,
)
from plancheck.store.connect import open_engine
from plancheck.store.schema import imports, metric_values, schema_version, submissions

from .conftest import write_submission


def _count(url: str, table: object) -> int:
    engine = open_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]
    finally:
        engine.dispose()


def test_init_creates_the_schema_once(store_url):
    first = init_store(store_url)
    again = init_store(store_url)
    assert (first.version, first.applied) == (1, [1])
    assert (again.version, again.applied) == (1, [])


def test_a_store_newer_than_plancheck_is_refused(store_url):
    init_store(store_url)
    engine = open_engine(store_url)
    with engine.begin() as conn:
        conn.execute(insert(schema_version).values(version=99, description="future", applied_at="2099-01-01"))
    engine.dispose()
    with pytest.raises(StoreError) as caught:
        init_store(store_url)
    assert caught.value.diagnostics[0].code == "S003"


def test_the_bundled_sample_imports_whole_and_only_once(store_url, pack, registry):
    first = import_files(store_url, [DEFAULT_FACTS], pack, registry)
    from_files = load_facts([DEFAULT_FACTS], pack, registry)
    assert first.ok
    assert first.count(ImportStatus.IMPORTED) == len(from_files.files) == 71
    assert first.values == _count(store_url, metric_values) == from_files.accepted_values == 2598
    again = import_files(store_url, [DEFAULT_FACTS], pack, registry)
    assert again.count(ImportStatus.ALREADY_IMPORTED) == 71 and again.values == 0
    assert {d.code for f in again.files for d in f.diagnostics} >= {"S010"}
    assert _count(store_url, metric_values) == 2598 and _count(store_url, imports) == 71


def test_the_store_gives_back_the_exact_values_of_the_files(store_url, pack, registry):
    import_files(store_url, [DEFAULT_FACTS], pack, registry)
    stored = load_facts_from_store(store_url, None, pack, registry)
    files = load_facts([DEFAULT_FACTS], pack, registry)
    assert {v.key: (v.value, v.raw, v.source.line, v.submitted_at) for v in stored.facts} == \
        {v.key: (v.value, v.raw, v.source.line, v.submitted_at) for v in files.facts}
    assert stored.facts.inconsistent.keys() == files.facts.inconsistent.keys()
    assert any(v.value == Fraction(937, 1000) and v.raw == "93,7%" for v in stored.facts)


def test_a_file_with_bad_rows_imports_nothing_and_names_every_error(store_url, pack, registry, tmp_path):
    good = write_submission(tmp_path / "good.yaml", "SO-NOI-VU", "2023", {"documents_sent_total": "10"})
    bad = tmp_path / "bad.csv"
    bad.write_text("unit,period,metric,value\n"
                   "SO-TU-PHAP,2023,documents_sent_total,12\n"
                   "SO-TU-PHAP,2023,work_records_total,mười\n"
                   "SO-TU-PHAP,2023,websites_total,3\n"
                   "SO-TU-PHAP,2023,websites_totl,3\n", encoding="utf-8")
    result = import_files(store_url, [good, bad], pack, registry)
    by_file = {Path(f.file).name: f for f in result.files}
    assert by_file["good.yaml"].status is ImportStatus.IMPORTED
    assert by_file["bad.csv"].status is ImportStatus.REJECTED and not result.ok
    errors = [(d.code, d.location.line, d.location.field) for d in by_file["bad.csv"].diagnostics
              if d.severity is Severity.ERROR]
    assert errors == [("F005", 3, "work_records_total"), ("F002", 5, "websites_totl")]
    assert all(d.location.file == str(bad) for d in by_file["bad.csv"].diagnostics)
    assert [s.unit for s in list_submissions(store_url)] == ["SO-NOI-VU"]
    assert _count(store_url, imports) == 1 and _count(store_url, metric_values) == 1


def test_a_corrected_resubmission_supersedes_and_history_keeps_both(store_url, pack, registry, tmp_path):
    first = write_submission(tmp_path / "v1.yaml", "SO-KH-DT", "2023", {"documents_sent_total": "100",
                             "work_records_total": "40", "websites_total": "2"}, "2024-01-10", "Trần Văn B")
    second = write_submission(tmp_path / "v2.yaml", "SO-KH-DT", "2023", {"documents_sent_total": "100",
                              "work_records_total": "45", "report_regimes_total": "7"}, "15/01/2024 09:30", "Lê Thị C")
    late = write_submission(tmp_path / "old.yaml", "SO-KH-DT", "2023", {"documents_sent_total": "90"},
                            "2024-01-05", "Trần Văn B")
    for path in (first, second, late):
        assert import_files(store_url, [path], pack, registry).ok
    subs = list_submissions(store_url, period="2023", unit="SO-KH-DT")
    current = [s for s in subs if s.current]
    assert len(subs) == 3 and len(current) == 1 and Path(current[0].source_file).name == "v2.yaml"
    chain = history(store_url, "SO-KH-DT", "2023")
    assert [Path(e.source_file).name for e in chain] == ["old.yaml", "v1.yaml", "v2.yaml"]
    assert [e.submitted_by for e in chain] == ["Trần Văn B", "Trần Văn B", "Lê Thị C"]
    assert [e.current for e in chain] == [False, False, True]
    # v1 was replaced by v2; the out-of-date file, imported last, never was in force: it names v2
    assert chain[1].superseded_by == chain[2].submission_id and chain[0].superseded_by == chain[2].submission_id
    changes = {c.metric: c for c in chain[2].changes}
    assert changes["work_records_total"].kind is ChangeKind.CHANGED
    assert (changes["work_records_total"].old.value, changes["work_records_total"].new.value) == (40, 45)
    assert changes["report_regimes_total"].kind is ChangeKind.ADDED
    assert changes["websites_total"].kind is ChangeKind.REMOVED
    assert "documents_sent_total" not in changes
    only = history(store_url, "SO-KH-DT", "2023", metric="documents_sent_total")
    assert [list(e.values) for e in only] == [["documents_sent_total"]] * 3
    assert [[(c.old and c.old.raw, c.new and c.new.raw) for c in e.changes] for e in only] == \
        [[(None, "90")], [("90", "100")], []]
    facts = load_facts_from_store(store_url, ["2023"], pack, registry).facts
    assert facts.get("SO-KH-DT", "2023", "work_records_total").value == 45
    assert facts.get("SO-KH-DT", "2023", "websites_total") is None


def test_values_are_stored_exactly(store_url, pack, registry, tmp_path):
    path = tmp_path / "pct.csv"
    path.write_text("unit,period,metric,value\nTINH,2023,satisfaction_rate,\"33,4%\"\n"
                    "TINH,2023,it_spending_local_budget,22.639.373.567\n", encoding="utf-8")
    assert import_files(store_url, [path], pack, registry).ok
    engine = open_engine(store_url)
    with engine.connect() as conn:
        rows = set(conn.execute(select(metric_values.c.num, metric_values.c.den, metric_values.c.raw)).all())
    engine.dispose()
    assert rows == {(167, 500, "33,4%"), (22639373567, 1, "22.639.373.567")}


def test_export_csv_reads_back_as_the_same_facts(store_url, pack, registry, tmp_path):
    import_files(store_url, [DEFAULT_FACTS], pack, registry)
    exported = tmp_path / "export-2022.csv"
    exported.write_text(export_facts(store_url, "2022", "csv"), encoding="utf-8")
    back = load_facts([exported], pack, registry)
    assert back.ok
    stored = load_facts_from_store(store_url, ["2022"], pack, registry).facts
    assert {v.key: v.value for v in back.facts} == {v.key: v.value for v in stored}
    exact = json.loads(export_facts(store_url, "2022", "json"))["values"]
    assert {(v["unit"], v["period"], v["metric"]): Fraction(v["value"]) for v in exact} == \
        {v.key: v.value for v in stored}


def test_export_csv_keeps_formula_like_text_as_text_and_reads_back_the_same(store_url, pack, registry, tmp_path):
    hostile = '=HYPERLINK("http://x.example","Sở")'
    path = tmp_path / "a.yaml"
    path.write_text(f"unit: SO-GTVT\nperiod: '2022'\nsubmitted_by: '{hostile}'\nvalues:\n  websites_total: \"4\"\n",
                    encoding="utf-8")
    assert import_files(store_url, [path], pack, registry).ok
    text = export_facts(store_url, "2022", "csv")
    assert "'" + hostile.replace('"', '""') in text  # quoted against formulas, in CSV quoting
    assert not [line for line in text.splitlines() if any(cell.startswith("=") for cell in line.split(","))]
    exported = tmp_path / "export.csv"
    exported.write_text(text, encoding="utf-8")
    back = load_facts([exported], pack, registry)
    assert back.ok and [v.submitted_by for v in back.facts] == [hostile]


def test_values_the_audit_pack_does_not_know_are_named_not_used(store_url, pack, registry, tmp_path):
    import_files(store_url, [write_submission(tmp_path / "a.yaml", "SO-GTVT", "2023", {"websites_total": "4"})],
                 pack, registry)
    smaller = pack.model_copy(update={"metrics": [m for m in pack.metrics if m.id != "websites_total"]})
    load = load_facts_from_store(store_url, ["2023"], smaller, registry)
    assert len(load.facts) == 0 and [d.code for d in load.diagnostics] == ["S020"]
    assert _count(store_url, submissions) == 1
