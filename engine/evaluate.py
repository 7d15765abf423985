"""Evaluate a rule pack against facts on durable-rules and return verdicts.

Evaluation never reads files: it takes a loaded pack, registry and fact set. The pack's
consistency checks are decided first (``engine.consistency``); the targets are then decided on
the facts with every figure of a failed check flagged. After every evaluation the ledger is
checked: every fact posted was decided, and every decided fact is cited by exactly one verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..diagnostics import Diagnostic
from ..facts.model import FactSet, Registry
from ..rules.model import Measure, Pack, Rollup, Target
from .bounds import conclusion
from .compile import check_rules, compile_rules, rule_keys, status_of, unit_count_keys
from .consistency import describe, flag_failed, plan_checks
from .durable import EngineError, Ledger, Session
from .gap import gap
from .plan import Context, Node, plan
from .verdicts import Status, Verdict


@dataclass
class Evaluation:
    verdicts: list[Verdict]
    ledger: Ledger
    rounds: int
    # the aggregated engine (``engine.pushdown``): the (period, metric, level) whose values its sums
    # used, cited as a whole rather than in ``Verdict.facts``; and the targets it left to the per-unit engine
    summed: set[tuple[str, str, str]] = field(default_factory=set)
    per_unit_targets: list[str] = field(default_factory=list)


def evaluate(pack: Pack, facts: FactSet, registry: Registry, period: str | None = None,
             focus_unit: str | None = None, rejected: Sequence[Diagnostic] = ()) -> Evaluation:
    """``rejected``: the validation errors of the facts, so that a check whose figure was
    rejected says so instead of calling it unreported."""
    ctx = Context(pack, facts, registry, period or pack.pack.period, focus_unit)
    checks = plan_checks(ctx, rejected)
    if checks:  # the targets are planned on the checks' decisions: every rule is compiled first
        with Session(compile_rules(rule_keys(pack)) | check_rules(pack), label=f"plancheck-{pack.pack.id}") as session:
            rounds = decide(session, checks)
            nodes = plan(replace(ctx, facts=flag_failed(checks, facts)))
            rounds += decide(session, nodes)
            ledger = session.ledger
    else:
        nodes = plan(ctx)
        with Session(needed_rules(pack, nodes), label=f"plancheck-{pack.pack.id}") as session:
            rounds = decide(session, nodes)
            ledger = session.ledger
    verdicts = [n.verdict for n in nodes + checks]
    ledger.check_cited([v.engine_fact for v in verdicts])
    finish(nodes, pack)
    describe(checks)
    return Evaluation(verdicts, ledger, rounds)


def needed_rules(pack: Pack, nodes: list[Node]) -> dict[str, Any]:
    """The rules of every key, but the bounds rules (most of them) only for the keys that can get a
    bounds fact: a scope counting its units, or a scope the plan already bounded (missing units).
    Compiling every bounds rule is most of durable-rules' set-up time."""
    every = rule_keys(pack)
    bounds = unit_count_keys(pack, every)
    for n in nodes:
        if not n.deps:  # its fact is built already: asking for it again changes nothing
            fact = n.fact()
            if fact.get("k") == "bounds":
                bounds.add(str(fact["key"]))
    return compile_rules(every, bounds) | check_rules(pack)


def decide(session: Session, nodes: list[Node]) -> int:
    """Decide every node, each once its dependencies are; the number of rounds it took."""
    rounds = 0
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
    return rounds


def finish(nodes: list[Node], pack: Pack) -> None:
    """Gaps for what is not met; and a value computed from only the units that reported is not
    the scope's value: it is kept apart as ``partial_value``, never shown as the value. A scope
    decided between bounds says how, and its gap is what remains at the most favourable end."""
    targets = {t.id: t for t in pack.targets}
    for n in nodes:
        v = n.verdict
        if n.bounds is not None and v.op is not None:
            v.reasons.append(conclusion(v.status, n.bounds, v.op))
        if v.status is Status.NOT_MET:
            measure, rollup = _measure(targets[v.target], v.part)
            best = (n.bounds.best(v.op, v.threshold)
                    if n.bounds is not None and v.op is not None and v.threshold is not None else None)
            at = replace(v, numerator=best[0], denominator=best[1]) if best is not None else v
            v.gap = gap(at, measure, rollup, pack)
        if v.missing and v.value is not None and v.measure != "units":
            v.partial_value, v.value = v.value, None


def _measure(t: Target, part: str) -> tuple[Measure | None, Rollup]:
    if part and t.all_of is not None:
        for p in t.all_of:
            if p.id == part:
                return p.measure, p.rollup
    return t.measure, t.rollup
