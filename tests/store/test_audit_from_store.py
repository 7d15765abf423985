"""An audit from the store decides as the audit from the files it was imported from."""

from __future__ import annotations

from plancheck.audit import run_audit
from plancheck.facts import DEFAULT_FACTS, SAMPLES_DIR
from plancheck.rules import PACKS_DIR
from plancheck.rules.loader import load_pack
from plancheck.store.commands import import_files
from plancheck.store.periods import periods_needed


def _counts(result, scope):
    return {(v.target, v.scope.id, v.status) for v in result.select(scope)}


def test_the_bundled_sample_audits_the_same_from_a_fresh_store(store_url, pack, registry):
    assert import_files(store_url, [DEFAULT_FACTS], pack, registry).ok
    from_files = run_audit()
    from_store = run_audit(db_url=store_url)
    for scope in ("province", "level", "unit"):
        assert from_store.counts(from_store.select(scope)) == from_files.counts(from_files.select(scope))
        assert _counts(from_store, scope) == _counts(from_files, scope)
    assert [(d.code, d.location) for d in from_store.diagnostics] == \
        [(d.code, d.location) for d in from_files.diagnostics]
    assert not from_store.invalid_input and from_store.evaluation.verdicts


def test_the_aggregated_engine_audits_the_store_as_the_files(store_url, pack, registry):
    assert import_files(store_url, [DEFAULT_FACTS], pack, registry).ok
    from_files = run_audit()
    from_store = run_audit(db_url=store_url, engine="aggregated")
    assert from_store.engine == "aggregated" and from_store.evaluation.summed
    for scope in ("province", "level"):
        mine = [(v.target, v.scope.id, v.status, v.value, v.numerator, v.denominator, v.coverage)
                for v in from_store.select(scope)]
        theirs = [(v.target, v.scope.id, v.status, v.value, v.numerator, v.denominator, v.coverage)
                  for v in from_files.select(scope)]
        assert mine == theirs
    assert [(d.code, d.location, d.message) for d in from_store.diagnostics] == \
        [(d.code, d.location, d.message) for d in from_files.diagnostics]


def test_any_period_audits_from_the_store(store_url, pack, registry):
    assert import_files(store_url, [DEFAULT_FACTS], pack, registry).ok
    from_files = run_audit(period="2021")
    from_store = run_audit(period="2021", db_url=store_url)
    for scope in ("province", "unit"):
        assert from_store.counts(from_store.select(scope)) == from_files.counts(from_files.select(scope))
        assert _counts(from_store, scope) == _counts(from_files, scope)
    assert from_store.period == "2021" and from_store.fact_paths[0].startswith(("sqlite", "postgresql"))


def test_a_file_with_an_error_leaves_the_store_empty_and_the_audit_says_so(store_url, registry):
    path = PACKS_DIR / "dak-nong-2021-report.yaml"
    pack, _ = load_pack(path, str(path))
    result = import_files(store_url, [SAMPLES_DIR / "dak-nong-2021-report"], pack, registry)
    assert not result.ok and result.values == 0
    audit = run_audit(path, period="2021", db_url=store_url)
    assert audit.load.accepted_values == 0 and audit.verdicts


def test_an_audit_reads_the_periods_its_targets_need(pack):
    needed = periods_needed(pack, "2022")
    assert {"2022", "2021", "2022-Q1", "2022-Q4", "2022-01", "2022-12"} <= set(needed)
    assert "2020" not in needed
