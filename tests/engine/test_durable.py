"""The durable-rules adapter: every fact decided exactly once, refusals raised, the ledger checked,
and many sessions (one after another, and from several threads) independent of each other."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from fractions import Fraction
from typing import Any

import pytest
from engine_builders import BASELINE, by_key, make_facts, make_pack, make_registry, metric

from plancheck.engine import durable
from plancheck.engine.compile import compile_rules, status_of
from plancheck.engine.durable import EngineError, Ledger, LedgerError, Session
from plancheck.engine.evaluate import evaluate
from plancheck.rules.model import Op

TINY = compile_rules({"K": Op.GE, "L": Op.LT})


def cmp_fact(i: int, key: str = "K", lhs: int = 0, rhs: int = 0) -> dict[str, Any]:
    return {"id": f"f{i}", "key": key, "k": "cmp", "lhs": lhs, "rhs": rhs}


# -- volume ----------------------------------------------------------------------------------------

def test_hundred_thousand_facts_each_decided_once() -> None:
    n = 100_000
    facts = [cmp_fact(i, "K" if i % 3 else "L", lhs=i % 7, rhs=3) for i in range(n)]
    start = time.perf_counter()
    with Session(TINY) as s:
        decisions = s.decide(facts)
    elapsed = time.perf_counter() - start
    assert len(decisions) == n
    assert s.ledger.posted == set(decisions) == set(s.ledger.decided)
    s.ledger.check_decided()
    s.ledger.check_cited(list(decisions))
    for f in facts:
        expected_met = f["lhs"] >= f["rhs"] if f["key"] == "K" else f["lhs"] < f["rhs"]
        assert decisions[f["id"]] == f"{f['key']}|{'met' if expected_met else 'not_met'}", f
    assert elapsed < 30, f"100 000 facts took {elapsed:.1f} s"


def test_facts_of_every_kind_in_one_batch() -> None:
    facts = [
        cmp_fact(0, lhs=5, rhs=5),
        {"id": "b1", "key": "K", "k": "bounds", "lo_l": 1, "lo_r": 2, "hi_l": 3, "hi_r": 2, "n_inc": 0},
        {"id": "b2", "key": "K", "k": "bounds", "lo_l": 1, "lo_r": 2, "hi_l": 3, "hi_r": 2, "n_inc": 1},
        {"id": "b3", "key": "K", "k": "bounds", "lo_l": 2, "lo_r": 2, "hi_l": 3, "hi_r": 2, "n_inc": 1},
        {"id": "b4", "key": "K", "k": "bounds", "lo_l": 0, "lo_r": 2, "hi_l": 1, "hi_r": 2, "n_inc": 0},
        {"id": "i", "key": "*", "k": "insufficient"},
        {"id": "c", "key": "*", "k": "inconsistent"},
        {"id": "n", "key": "*", "k": "na"},
        {"id": "m", "key": "*", "k": "manual"},
        {"id": "a1", "key": "*", "k": "all", "n_nm": 1, "n_inc": 1, "n_ins": 1, "n_met": 0},
        {"id": "a2", "key": "*", "k": "all", "n_nm": 0, "n_inc": 1, "n_ins": 1, "n_met": 0},
        {"id": "a3", "key": "*", "k": "all", "n_nm": 0, "n_inc": 0, "n_ins": 2, "n_met": 1},
        {"id": "a4", "key": "*", "k": "all", "n_nm": 0, "n_inc": 0, "n_ins": 0, "n_met": 3},
    ]
    with Session(TINY) as s:
        got = {k: status_of(v) for k, v in s.decide(facts).items()}
    assert got == {
        "f0": "met", "b1": "insufficient_data", "b2": "inconsistent_data", "b3": "met", "b4": "not_met",
        "i": "insufficient_data", "c": "inconsistent_data", "n": "not_applicable", "m": "manual",
        "a1": "not_met", "a2": "inconsistent_data", "a3": "insufficient_data", "a4": "met",
    }


# -- refusals --------------------------------------------------------------------------------------

def test_a_fact_matching_no_rule_raises() -> None:
    with Session(TINY) as s, pytest.raises(EngineError, match="no rule matches"):
        s.decide([cmp_fact(0), cmp_fact(1, key="NO-SUCH-KEY")])


def test_a_fact_of_unknown_kind_raises() -> None:
    with Session(TINY) as s, pytest.raises(EngineError):
        s.decide([{"id": "x", "key": "K", "k": "guess"}])


def test_duplicate_ids_in_one_call_raise() -> None:
    with Session(TINY) as s:
        with pytest.raises(EngineError, match="share an id"):
            s.decide([cmp_fact(1), cmp_fact(1, lhs=9)])
        assert s.ledger.posted == set()


def test_an_id_posted_again_in_the_same_session_raises() -> None:
    with Session(TINY) as s:
        s.decide([cmp_fact(1)])
        with pytest.raises(EngineError, match="posted twice"):
            s.decide([cmp_fact(2), cmp_fact(1)])


def test_decide_outside_the_session_raises() -> None:
    s = Session(TINY)
    with pytest.raises(EngineError, match="not open"):
        s.decide([cmp_fact(0)])
    with s:
        pass
    with pytest.raises(EngineError, match="not open"):
        s.decide([cmp_fact(0)])


def test_same_content_different_ids_are_not_deduplicated() -> None:
    """durable-rules dedupes messages by content unless they carry an id; every fact counts."""
    facts = [{"id": f"same-{i}", "key": "K", "k": "cmp", "lhs": 1, "rhs": 1} for i in range(5000)]
    with Session(TINY) as s:
        assert set(s.decide(facts).values()) == {"K|met"}
    assert len(s.ledger.decided) == 5000


class _DroppingCore:
    """The C core, except that the first batch posted loses every other event (as a false
    'message observed' duplicate would), and says so with code 2."""

    def __init__(self, real: Any) -> None:
        self._real = real
        self.dropped = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def assert_events(self, handle: int, payload: str) -> Any:
        import json

        batch = json.loads(payload)
        if not self.dropped and len(batch) > 1:
            keep, self.dropped = batch[::2], len(batch[1::2])
            self._real.assert_events(handle, json.dumps(keep))
            return (2, 0)
        return self._real.assert_events(handle, payload)


def test_dropped_facts_are_posted_again(monkeypatch: pytest.MonkeyPatch) -> None:
    core = _DroppingCore(durable._core)
    monkeypatch.setattr(durable, "_core", core)
    with Session(TINY) as s:
        decisions = s.decide([cmp_fact(i, lhs=i, rhs=50) for i in range(100)])
    assert core.dropped == 50
    assert s.ledger.retried == 50
    assert all(decisions[f"f{i}"] == ("K|met" if i >= 50 else "K|not_met") for i in range(100))


class _SilentCore(_DroppingCore):
    """A core that never decides one particular fact."""

    def assert_events(self, handle: int, payload: str) -> Any:
        import json

        batch = [m for m in json.loads(payload) if m["pid"] != "f3"]
        return self._real.assert_events(handle, json.dumps(batch)) if batch else (0, 0)


def test_a_fact_never_decided_is_a_ledger_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(durable, "_core", _SilentCore(durable._core))
    with Session(TINY) as s, pytest.raises(LedgerError, match="f3"):
        s.decide([cmp_fact(i) for i in range(10)])


# -- the ledger ------------------------------------------------------------------------------------

def _ledger(*ids: str) -> Ledger:
    return Ledger(posted=set(ids), decided={i: "K|met" for i in ids})


def test_check_cited_accepts_each_fact_cited_once() -> None:
    _ledger("a", "b").check_cited(["b", "a"])


@pytest.mark.parametrize(("cited", "message"), [
    (["a"], "never cited"),
    (["a", "b", "b"], "cited twice"),
    (["a", "b", "c"], "cited but never posted"),
    ([], "never cited"),
])
def test_check_cited_raises(cited: list[str], message: str) -> None:
    with pytest.raises(LedgerError, match=message) as err:
        _ledger("a", "b").check_cited(cited)
    assert message in str(err.value)


def test_check_decided_raises_on_a_lost_fact() -> None:
    ledger = _ledger("a", "b")
    del ledger.decided["b"]
    with pytest.raises(LedgerError, match="undecided"):
        ledger.check_decided()
    ledger = _ledger("a")
    ledger.decided["ghost"] = "K|met"
    with pytest.raises(LedgerError, match="never posted"):
        ledger.check_decided()


# -- many sessions ---------------------------------------------------------------------------------

PACK = make_pack(
    [metric("total"), metric("done"), metric("flag", "yes_no"), metric("news")],
    [
        {"id": "A-1", "measure": {"ratio": {"numerator": "done", "denominator": "total"}},
         "levels": ["department", "district"], "threshold": ">= 70%"},
        {"id": "A-2", "measure": {"flag": "flag"}, "levels": ["department", "district"],
         "rollup": "share_of_units", "threshold": ">= 75%"},
        {"id": "A-3", "measure": {"rate": {"count": "news"}}, "levels": ["district"], "rollup": "every_unit",
         "threshold": ">= 1"},
        {"id": "A-4", "measure": {"ratio": {"numerator": "done", "denominator": "total"}},
         "levels": ["district"], "increase_over": BASELINE},
        {"id": "A-5", "manual": True},
    ],
)
REGISTRY = make_registry(departments=3, districts=3)


def facts_variant(seed: int) -> Any:
    """Different figures per seed, so that one session's answers cannot pass for another's."""
    rows: list[tuple[Any, ...]] = []
    for j, u in enumerate(["S1", "S2", "S3", "H1", "H2", "H3"]):
        rows += [(u, "total", 10), (u, "done", (seed + 3 * j) % 11), (u, "flag", (seed + j) % 2)]
        if u.startswith("H"):
            rows += [(u, "news", 40 + (seed * 7 + j) % 30), (u, "total", 10, BASELINE), (u, "done", 5, BASELINE)]
    return make_facts(rows)


def snapshot(seed: int) -> dict[tuple[str, str, str, str], tuple[str, Fraction | None]]:
    ev = evaluate(PACK, facts_variant(seed), REGISTRY)
    assert len(ev.ledger.posted) == len(ev.ledger.decided) == len(ev.verdicts)
    return {k: (v.status.value, v.value) for k, v in by_key(ev.verdicts).items()}


@pytest.fixture(scope="module")
def expected() -> dict[int, Any]:
    return {seed: snapshot(seed) for seed in range(4)}


def test_variants_differ(expected: dict[int, Any]) -> None:
    assert len({tuple(sorted(v.items())) for v in expected.values()}) == 4


def test_300_sessions_one_after_another(expected: dict[int, Any]) -> None:
    for i in range(300):
        assert snapshot(i % 4) == expected[i % 4], f"evaluation {i}"


def test_evaluations_from_four_threads(expected: dict[int, Any]) -> None:
    errors: list[BaseException] = []
    results: dict[int, list[Any]] = {seed: [] for seed in range(4)}

    def work(seed: int) -> None:
        try:
            for _ in range(40):
                results[seed].append(snapshot(seed))
        except BaseException as exc:  # reported below: a thread's exception is otherwise lost
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(seed,)) for seed in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a thread is stuck"
    assert errors == []
    for seed, runs in results.items():
        assert len(runs) == 40
        assert all(r == expected[seed] for r in runs)


class _CountingCore(_DroppingCore):
    def __init__(self, real: Any) -> None:
        super().__init__(real)
        self.live: set[int] = set()
        self.created = 0

    def create_ruleset(self, name: str, rules: str) -> int:
        handle: int = self._real.create_ruleset(name, rules)
        self.live.add(handle)
        self.created += 1
        return handle

    def delete_ruleset(self, handle: int) -> None:
        self.live.remove(handle)
        self._real.delete_ruleset(handle)

    def assert_events(self, handle: int, payload: str) -> Any:
        return self._real.assert_events(handle, payload)


def test_every_session_deletes_its_ruleset(monkeypatch: pytest.MonkeyPatch) -> None:
    core = _CountingCore(durable._core)
    monkeypatch.setattr(durable, "_core", core)
    for seed in range(20):
        snapshot(seed)
    with pytest.raises(EngineError), Session(TINY) as s:  # a refused batch still closes its session
        s.decide([cmp_fact(0, key="NOPE")])
    assert core.created == 21
    assert core.live == set()


def test_a_failed_session_releases_the_engine_to_other_threads() -> None:
    with pytest.raises(EngineError), Session(TINY) as s:
        s.decide([cmp_fact(0, key="NOPE")])
    done = threading.Event()

    def other() -> None:
        with Session(TINY) as s2:
            s2.decide([cmp_fact(1)])
        done.set()

    t = threading.Thread(target=other)
    t.start()
    t.join(timeout=10)
    assert done.is_set(), "the session lock was not released"


def _sessions() -> Iterator[int]:
    rules = {"r": {"all": [{"m": {"k": "x"}}]}}
    for i in range(132_000):  # more than the core's 131 072 ruleset handles
        with Session(rules) as s:
            if i % 10_000 == 0:
                s.decide([{"id": f"x{i}", "k": "x"}])
        yield i


def test_more_sessions_than_the_core_has_handles() -> None:
    assert sum(1 for _ in _sessions()) == 132_000
