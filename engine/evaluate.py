"""Evaluate a rule pack against facts on durable-rules and return verdicts.

Evaluation never reads files: it takes a loaded pack, registry and fact set. After every
evaluation the ledger is checked: every fact posted was decided, and every decided fact is cited
by exactly one verdict.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..facts.model import FactSet, Registry
from ..rules.model import Measure, Pack, Rollup, Target
from .compile import compile_rules, rule_keys, status_of
from .durable import EngineError, Ledger, Session
from .gap import gap
from .plan import Context, Node, plan
from .verdicts import Status, Verdict


@dataclass
class Evaluation:
    verdicts: list[Verdict]
    ledger: Ledger
    rounds: int


def evaluate(pack: Pack, facts: FactSet, registry: Registry, period: str | None = None,
             focus_unit: str | None = None) -> Evaluation:
    ctx = Context(pack, facts, registry, period or pack.pack.period, focus_unit)
    nodes = plan(ctx)
    rules = compile_rules(rule_keys(pack))
    rounds = 0
    with Session(rules, label=f"plancheck-{pack.pack.id}") as session:
        pending = nodes
        while pending:
            ready = [n for n in pending if all(d.decided for d in n.deps)]
            if not ready:
                raise EngineError("evaluation plan has a cycle")
            decisions = session.decide([n.fact() for n in ready])
            for n in ready:
                n.verdict.status = Status(status_of(decisions[n.id]))
                n.decided = True
            pending = [n for n in pending if not n.decided]
            rounds += 1
        ledger = session.ledger
    verdicts = [n.verdict for n in nodes]
    ledger.check_cited([v.engine_fact for v in verdicts])
    _finish(nodes, pack)
    return Evaluation(verdicts, ledger, rounds)


def _finish(nodes: list[Node], pack: Pack) -> None:
    """Gaps for what is not met; and a value computed from only the units that reported is not
    the scope's value: it is kept apart as ``partial_value``, never shown as the value."""
    targets = {t.id: t for t in pack.targets}
    for n in nodes:
        v = n.verdict
        if v.status is Status.NOT_MET:
            measure, rollup = _measure(targets[v.target], v.part)
            v.gap = gap(v, measure, rollup, pack)
        elif v.missing and v.value is not None and v.measure != "units":
            v.partial_value, v.value = v.value, None


def _measure(t: Target, part: str) -> tuple[Measure | None, Rollup]:
    if part and t.all_of is not None:
        for p in t.all_of:
            if p.id == part:
                return p.measure, p.rollup
    return t.measure, t.rollup
