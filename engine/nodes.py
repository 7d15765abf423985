"""The evaluation plan's building blocks: a node (one verdict to decide, with the durable-rules
fact that decides it and the nodes it depends on), the context an evaluation plans in, and the
exact comparison of two fractions as 64-bit integers that durable-rules can compare."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from ..facts.model import FactSet, Registry
from ..rules.model import Pack
from .verdicts import Verdict

if TYPE_CHECKING:
    from .aggregate import Observation
    from .bounds import Bounds

_INT64 = 2**63 - 1


@dataclass
class Node:
    verdict: Verdict
    deps: list[Node] = field(default_factory=list)
    build: Callable[[Node], dict[str, Any]] | None = None  # the fact, once deps are decided
    observation: Observation | None = None
    decided: bool = False
    bounds: Bounds | None = None  # a pooled or mean scope decided from partial data

    @property
    def id(self) -> str:
        return self.verdict.engine_fact

    def fact(self) -> dict[str, Any]:
        assert self.build is not None
        f = self.build(self)
        f["id"] = self.id
        return f


@dataclass(frozen=True)
class Context:
    pack: Pack
    facts: FactSet
    registry: Registry
    period: str
    focus_unit: str | None = None


def cross(value: Fraction, threshold: Fraction) -> tuple[int, int]:
    """Two integers that compare as ``value`` and ``threshold`` do: the cross products over their
    denominators. durable-rules compares 64-bit integers; where the cross products do not fit (a
    mean of many ratios has a very large denominator), the exact difference's sign and 0 compare
    the same way."""
    lhs, rhs = value.numerator * threshold.denominator, threshold.numerator * value.denominator
    if max(abs(lhs), abs(rhs)) > _INT64:
        diff = value - threshold
        return (diff > 0) - (diff < 0), 0
    return lhs, rhs
