"""The audit as one call: load the rule pack, the registry and the facts, evaluate, and return
everything a renderer needs. ``cli.py`` calls this and renders; it computes nothing itself."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from .diagnostics import Diagnostic, DiagnosticsError, Location, Severity, did_you_mean, has_errors, sorted_diagnostics
from .engine.evaluate import Evaluation, evaluate
from .engine.verdicts import ScopeKind, Status, Verdict
from .engine.waivers import apply_waivers
from .facts import DEFAULT_FACTS, DEFAULT_REGISTRY
from .facts.load import FactLoad, load_facts
from .facts.model import PERIOD_RE, FactSet, MetricValue, Registry
from .facts.registry import find_unit, load_registry
from .facts.resubmission import VIETNAM_TIME
from .facts.waivers import Waiver, load_waivers
from .rules import DEFAULT_PACK
from .rules.loader import load_pack
from .rules.model import Check, Pack, Target


class InputError(DiagnosticsError):
    """The audit cannot run: the rule pack, the registry or an option is wrong."""


@dataclass
class AuditResult:
    pack: Pack
    registry: Registry
    period: str
    evaluation: Evaluation
    load: FactLoad
    pack_path: str
    fact_paths: list[str]
    seconds: float
    diagnostics: list[Diagnostic] = field(default_factory=list)
    focus_unit: str | None = None  # the unit asked for with --unit, resolved to its id
    waivers: list[Waiver] = field(default_factory=list)  # the sound waivers of the waiver files
    waiver_files: list[str] = field(default_factory=list)
    as_of: date | None = None  # the date the waivers were applied as of (None: no waiver file)

    @property
    def verdicts(self) -> list[Verdict]:
        return self.evaluation.verdicts

    @property
    def invalid_input(self) -> bool:
        return has_errors(self.diagnostics)

    def select(self, scope: str = "province") -> list[Verdict]:
        """The verdicts a view shows: one per target and consistency check (after the targets) at
        the province, each level, or each unit; with a focus unit (--unit), that unit's."""
        unit = self.focus_unit
        mine = [v for v in self.verdicts if not v.part]
        if unit is None:
            out = [v for v in mine if v.scope.kind.value == scope]
        else:
            out = [v for v in mine if v.scope.kind is ScopeKind.UNIT and v.scope.id == unit]
            # the province's own unit reports the province-wide figures: for the targets it
            # reports, its verdicts are the province-scope ones
            covered = {v.target for v in out}
            out += [v for v in mine if v.scope.kind is ScopeKind.PROVINCE and v.scope.id == unit
                    and v.target not in covered]
            # a compound target is decided for the province; a unit sees the parts it reports
            covered = {v.target for v in out}
            out += [v for v in self.verdicts if v.part and v.scope.kind is ScopeKind.UNIT and v.scope.id == unit
                    and v.target not in covered]
        ids = [t.id for t in self.pack.targets] + [c.id for c in self.pack.checks]
        order = {item: i for i, item in enumerate(ids)}
        return sorted(out, key=lambda v: order[v.target])

    def counts(self, verdicts: Sequence[Verdict]) -> dict[Status, int]:
        out = {s: 0 for s in Status}
        for v in verdicts:
            out[v.status] += 1
        return out


def load_rule_pack(path: Path | None) -> tuple[Pack, list[Diagnostic]]:
    pack_path = path or DEFAULT_PACK
    pack, diags = load_pack(pack_path, str(path) if path else bundled_name(pack_path))
    if pack is None:
        raise InputError(diags)
    return pack, diags


def find_target(pack: Pack, target_id: str) -> Target:
    """A target by id (any case), or an InputError that suggests the closest id."""
    found = find_rule(pack, target_id)
    if not isinstance(found, Target):
        raise InputError([Diagnostic("O003", f"{found.id} is a consistency check, not a target",
                                     Location("TARGET_ID"))])
    return found


def find_rule(pack: Pack, rule_id: str) -> Target | Check:
    """A target or a consistency check by id (any case), or an InputError suggesting the closest id."""
    rules: dict[str, Target | Check] = {t.id: t for t in pack.targets}
    rules.update({c.id: c for c in pack.checks})
    wanted = rule_id.strip().upper()
    if wanted not in rules:
        raise InputError([Diagnostic("O003", f"unknown target or check {rule_id!r}", Location("TARGET_ID"),
                                     suggestion=did_you_mean(wanted, rules))])
    return rules[wanted]


def load_unit_registry(path: Path | None) -> Registry:
    registry, diags = load_registry(path or DEFAULT_REGISTRY)
    if has_errors(diags):
        raise InputError(diags)
    return registry


def run_audit(pack_path: Path | None = None, fact_paths: Sequence[Path] = (), registry_path: Path | None = None,
              period: str | None = None, unit: str | None = None, waiver_paths: Sequence[Path] = (),
              as_of: date | None = None, db_url: str | None = None) -> AuditResult:
    """``waiver_paths``: waiver files applied to the decided verdicts as of ``as_of`` (default: today
    in Vietnam); their errors and warnings join the diagnostics (``engine.waivers``).

    ``db_url``: read the facts from the store at that URL (``store``) instead of files: the
    submissions in force for the audited period and the periods its targets need."""
    started = time.perf_counter()
    pack, pack_diags = load_rule_pack(pack_path)
    registry = load_unit_registry(registry_path)
    if period is not None and not PERIOD_RE.match(period):
        raise InputError([Diagnostic("O001", f"not a period: {period!r} (expected 2022, 2022-Q3 or 2022-07)",
                                     Location("--period"))])
    focus = None
    if unit is not None:
        found = find_unit(registry, unit)
        if found is None:
            raise InputError([Diagnostic("O002", f"unknown unit {unit!r}", Location("--unit"),
                                         suggestion=did_you_mean(unit, registry.ids()))])
        focus = found.id
    paths = list(fact_paths) or [DEFAULT_FACTS]
    sources = [str(p) if fact_paths else bundled_name(p) for p in paths]
    if db_url is not None:
        load, sources = _load_from_store(db_url, pack, registry, period or pack.pack.period)
    else:
        load = load_facts(paths, pack, registry)
    rejected = [d for d in load.diagnostics if d.severity is Severity.ERROR]
    evaluation = evaluate(pack, load.facts, registry, period=period, focus_unit=focus, rejected=rejected)
    unused = unused_values(load.facts, evaluation, period or pack.pack.period)
    waivers, waiver_diags = load_waivers(waiver_paths, pack, registry)
    day = None
    if waiver_paths:
        day = as_of or datetime.now(VIETNAM_TIME).date()
        waiver_diags += apply_waivers(evaluation.verdicts, waivers, day)
    return AuditResult(pack=pack, registry=registry, period=period or pack.pack.period, evaluation=evaluation,
                       load=load, pack_path=str(pack_path) if pack_path else bundled_name(DEFAULT_PACK),
                       fact_paths=sources,
                       seconds=time.perf_counter() - started,
                       diagnostics=sorted_diagnostics([*pack_diags, *load.diagnostics, *unused, *waiver_diags]),
                       focus_unit=focus, waivers=waivers, waiver_files=[str(p) for p in waiver_paths], as_of=day)


def _load_from_store(db_url: str, pack: Pack, registry: Registry, period: str) -> tuple[FactLoad, list[str]]:
    """The facts of the store for the periods an audit of ``period`` needs, and the store's name."""
    # imported here: an audit from files never loads SQLAlchemy
    from .store.commands import load_facts_from_store
    from .store.connect import display_url
    from .store.periods import periods_needed

    load = load_facts_from_store(db_url, periods_needed(pack, period), pack, registry)
    return load, [display_url(db_url)]


def unused_values(facts: FactSet, evaluation: Evaluation, period: str) -> list[Diagnostic]:
    """Every accepted value is either cited by a verdict or said to be unused: a unit's figures
    never vanish from an audit without a word (values of another period, most often)."""
    cited = {(f.unit, f.period, f.metric) for v in evaluation.verdicts for f in v.facts}
    unused: dict[str, list[MetricValue]] = {}
    for value in facts:
        if value.key not in cited:
            unused.setdefault(value.period, []).append(value)
    out = []
    for other, values in sorted(unused.items()):
        first = min(values, key=lambda v: (v.source.file, v.source.line))
        units = sorted({v.unit for v in values})
        if other != period:
            message = (f"{len(values)} value(s) of period {other} from {len(units)} unit(s) are not used by this "
                       f"audit of {period}")
            hint = f"audit them with --period {other}"
        else:
            message = f"{len(values)} value(s) of {period} are used by no target or check: {', '.join(units[:5])}"
            hint = "check the pack's targets and checks use every metric of its catalog"
        out.append(Diagnostic("A001", message, Location(first.source.file, first.source.line), Severity.WARNING,
                              suggestion=hint))
    return out


def bundled_name(path: Path) -> str:
    """A bundled file named from the package root (rules/packs/…), not from site-packages."""
    root = Path(__file__).parent
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)
