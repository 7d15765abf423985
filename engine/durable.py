"""The only module that touches durable-rules (2.0.28), behind plancheck's own interface.

What is known of that version (see DESIGN.md) and what this module does about it:

- ``Host`` starts a dispatcher thread that runs actions late or never, and races the caller.
  We never create a ``Host``: we call the C core (``durable_rules_engine``) directly, and after
  every batch we drain every pending action on the calling thread before returning.
- Rule actions are not Python functions here: a rule's *name* is its decision. Draining reads
  which rule matched which fact, so no action can throw, and none can be deferred.
- Messages without an explicit ``id`` are deduplicated by a hash of their content, and ids by a
  32-bit hash. Every fact gets a unique id; after the batch, any fact not decided is posted again,
  alone, under a salted id; a fact still undecided after that is a ``LedgerError``.
- A batch in which one event matches no rule is refused whole (``MessageNotHandled``): the rule
  sets compiled by ``engine.compile`` are exhaustive, and a refusal raises with the batch's ids.
- A ruleset name cannot be registered twice and handles are capped: each session registers a
  fresh name and deletes its ruleset when it closes.

The ledger: facts posted = facts decided (checked here) = facts cited in verdicts (checked by
``engine.evaluate``). Any difference raises; nothing is silently lost.
"""

from __future__ import annotations

import itertools
import json
import os
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

import durable_rules_engine as _core

_BATCH = 1000
_RETRIES = 2
_names = itertools.count()
_lock = threading.RLock()  # the C core has no locks: one session works at a time per process


class EngineError(RuntimeError):
    """durable-rules refused or lost something."""


class LedgerError(EngineError):
    """Facts posted, decided and cited do not agree."""


@dataclass
class Ledger:
    posted: set[str] = field(default_factory=set)
    decided: dict[str, str] = field(default_factory=dict)  # fact id -> rule name
    retried: int = 0

    def check_decided(self) -> None:
        lost = self.posted - self.decided.keys()
        extra = self.decided.keys() - self.posted
        if lost or extra:
            raise LedgerError(
                f"durable-rules ledger: {len(self.posted)} posted, {len(self.decided)} decided; "
                f"undecided: {sorted(lost)[:5]}, decided but never posted: {sorted(extra)[:5]}"
            )

    def check_cited(self, cited: Sequence[str]) -> None:
        counts: dict[str, int] = {}
        for c in cited:
            counts[c] = counts.get(c, 0) + 1
        twice = sorted(k for k, n in counts.items() if n > 1)
        uncited = sorted(self.posted - counts.keys())
        unknown = sorted(counts.keys() - self.posted)
        if twice or uncited or unknown:
            raise LedgerError(
                f"ledger: {len(self.posted)} posted, {len(self.decided)} decided, {len(cited)} cited; "
                f"cited twice: {twice[:5]}, never cited: {uncited[:5]}, cited but never posted: {unknown[:5]}"
            )


class Session:
    """One ruleset, registered for one evaluation and deleted after it.

    Use as a context manager; ``decide`` posts facts and returns which rule decided each.
    """

    def __init__(self, rules: Mapping[str, Any], label: str = "plancheck") -> None:
        self.name = f"{label}-{os.getpid()}-{next(_names)}"
        self.ledger = Ledger()
        self._handle: int | None = None
        self._rules = json.dumps(rules, ensure_ascii=False)

    def __enter__(self) -> Session:
        _lock.acquire()
        try:
            self._handle = _core.create_ruleset(self.name, self._rules)
        except BaseException:
            _lock.release()
            raise
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        try:
            if self._handle is not None:
                _core.delete_ruleset(self._handle)
                self._handle = None
        finally:
            _lock.release()

    def decide(self, facts: Sequence[Mapping[str, Any]]) -> dict[str, str]:
        """Post facts (each with a unique ``id``) and return ``{id: rule name}`` for them."""
        if self._handle is None:
            raise EngineError("session is not open")
        ids = [str(f["id"]) for f in facts]
        if len(set(ids)) != len(ids):
            raise EngineError("two facts share an id")
        overlap = self.ledger.posted.intersection(ids)
        if overlap:
            raise EngineError(f"facts posted twice in one session: {sorted(overlap)[:5]}")
        self.ledger.posted.update(ids)
        by_id = {str(f["id"]): f for f in facts}
        for start in range(0, len(facts), _BATCH):
            batch = [_message(f) for f in facts[start : start + _BATCH]]
            self._post(batch)
            self._drain()
        for attempt in range(1, _RETRIES + 1):
            missing = [i for i in ids if i not in self.ledger.decided]
            if not missing:
                break
            self.ledger.retried += len(missing)
            for fid in missing:
                self._post([_message(by_id[fid], salt=f"#retry{attempt}")])
                self._drain()
        self.ledger.check_decided()
        return {i: self.ledger.decided[i] for i in ids}

    def _post(self, batch: list[dict[str, Any]]) -> None:
        assert self._handle is not None
        code, *_ = _core.assert_events(self._handle, json.dumps(batch, ensure_ascii=False))
        if code == 1:
            raise EngineError(f"no rule matches a fact in the batch {batch[0]['id']} … {batch[-1]['id']}: "
                              "the compiled rules are not exhaustive")
        # code 2 (message observed: a false duplicate from the 32-bit id hash) is not fatal:
        # whatever was dropped stays undecided and is posted again under a salted id.

    def _drain(self) -> None:
        assert self._handle is not None
        result = _core.start_action(self._handle)
        while result:
            state, message, action = result
            self._record(json.loads(message))
            follow = _core.complete_and_start_action(self._handle, action)
            result = (state, follow, action) if follow else _core.start_action(self._handle)

    def _record(self, message: Mapping[str, Any]) -> None:
        for rule, matched in message.items():
            for m in matched if isinstance(matched, list) else [matched]:
                fact = m.get("m", m)
                fid = str(fact["pid"])
                if fid in self.ledger.decided:
                    raise LedgerError(f"fact {fid} decided twice: by {self.ledger.decided[fid]} and {rule}")
                self.ledger.decided[fid] = rule


def _message(fact: Mapping[str, Any], salt: str = "") -> dict[str, Any]:
    msg = dict(fact)
    msg["pid"] = str(fact["id"])  # plancheck's id, kept as a field: the core may rewrite `id`
    msg["id"] = str(fact["id"]) + salt
    msg["sid"] = "0"
    return msg
