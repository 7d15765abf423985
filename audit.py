"""The audit as one call: load the rule pack, the registry and the facts, evaluate, and return
everything a renderer needs. ``cli.py`` calls this and renders; it computes nothing itself."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .diagnostics import Diagnostic, DiagnosticsError, Location, Severity, did_you_mean, has_errors, sorted_diagnostics
from .engine.evaluate import Evaluation, evaluate
from .engine.verdicts import ScopeKind, Status, Verdict
from .facts import DEFAULT_FACTS, DEFAULT_REGISTRY
from .facts.load import FactLoad, load_facts
from .facts.model import PERIOD_RE, FactSet, MetricValue, Registry
from .facts.registry import find_unit, load_registry
from .facts.resubmission import VIETNAM_TIME
from .facts.table import FactTable
from .rules import DEFAULT_PACK
from .rules.loader import load_pack
from .rules.model import Check, Pack, Target

if TYPE_CHECKING:
    from .engine.sql_facts import FactDB
    from .facts.bulk import TableLoad
    from .facts.waivers import Waiver


class InputError(DiagnosticsError):
    """The audit cannot run: the rule pack, the registry or an option is wrong."""


# The engines an audit can run on (``--engine``): ``per-unit`` decides every unit's verdict and
# lists every figure behind each verdict; ``aggregated`` (``engine.pushdown``) decides the province
# and level scopes from sums computed by DuckDB, for national registries. ``auto`` takes the
# aggregated engine for a registry of ``AGGREGATE_FROM_UNITS`` units or more when the view needs no
# unit verdict and no per-figure work (waivers, a mid-period projection, a comparison).
ENGINES = ("auto", "per-unit", "aggregated")
AGGREGATE_FROM_UNITS = 1000


def choose_engine(engine: str, registry_units: int, unit_view: bool, per_figure_work: bool) -> str:
    """The engine ``auto`` stands for, or the one asked for; an aggregated audit of one unit is an error."""
    if engine == "aggregated" and unit_view:
        raise InputError([Diagnostic("O004", "the aggregated engine decides the province and the levels, not units",
                                     Location("--engine"), suggestion="use --engine per-unit with --unit or "
                                     "--scope unit")])
    if engine != "auto":
        return engine
    if registry_units >= AGGREGATE_FROM_UNITS and not unit_view and not per_figure_work:
        return "aggregated"
    return "per-unit"


@dataclass
class AuditResult:
    pack: Pack
    registry: Registry
    period: str
    evaluation: Evaluation
    load: FactLoad | TableLoad
    pack_path: str
    fact_paths: list[str]
    seconds: float
    diagnostics: list[Diagnostic] = field(default_factory=list)
    focus_unit: str | None = None  # the unit asked for with --unit, resolved to its id
    waivers: list[Waiver] = field(default_factory=list)  # the sound waivers of the waiver files
    waiver_files: list[str] = field(default_factory=list)
    as_of: date | None = None  # the date the waivers were applied as of (None: no waiver file)
    engine: str = "per-unit"

    @cached_property
    def facts(self) -> FactSet:
        """The accepted values as a ``FactSet`` (built from the table once, for an aggregated audit)."""
        return self.load.facts if isinstance(self.load, FactLoad) else self.load.table.to_factset()

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
              as_of: date | None = None, db_url: str | None = None, engine: str = "per-unit",
              unit_view: bool = False, per_figure: bool = False) -> AuditResult:
    """``waiver_paths``: waiver files applied to the decided verdicts as of ``as_of`` (default: today
    in Vietnam); their errors and warnings join the diagnostics (``engine.waivers``).

    ``db_url``: read the facts from the store at that URL (``store``) instead of files: the
    submissions in force for the audited period and the periods its targets need.

    ``engine``: one of ``ENGINES``; ``auto`` is resolved by ``choose_engine`` with ``unit_view`` (the
    verdicts of units will be shown) and ``per_figure`` (waivers, a projection or a comparison will
    read the figures one by one)."""
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
    engine = choose_engine(engine, len(registry.units), unit_view or focus is not None,
                           per_figure or bool(waiver_paths))
    load: FactLoad | TableLoad
    if db_url is not None:
        load, sources = _load_from_store(db_url, pack, registry, period or pack.pack.period, engine)
    elif engine == "aggregated":
        from .facts.bulk import load_fact_table

        load = load_fact_table(paths, pack, registry)
    else:
        load = load_facts(paths, pack, registry)
    rejected = [d for d in load.diagnostics if d.severity is Severity.ERROR]
    if engine == "aggregated":
        from .engine.pushdown import evaluate_table
        from .engine.sql_facts import FactDB

        table = FactTable.of(load.facts) if isinstance(load, FactLoad) else load.table
        db = FactDB(table, registry)
        try:
            evaluation = evaluate_table(pack, table, registry, period=period, rejected=rejected, db=db)
            unused = unused_in_table(db, table, evaluation, period or pack.pack.period)
        finally:
            db.close()
    else:
        facts = load.facts if isinstance(load, FactLoad) else load.table.to_factset()
        evaluation = evaluate(pack, facts, registry, period=period, focus_unit=focus, rejected=rejected)
        unused = unused_values(facts, evaluation, period or pack.pack.period)
    waivers: list[Waiver] = []
    waiver_diags: list[Diagnostic] = []
    day = None
    if waiver_paths:  # imported here: most audits have no waiver file
        from .engine.waivers import apply_waivers
        from .facts.waivers import load_waivers

        waivers, waiver_diags = load_waivers(waiver_paths, pack, registry)
        day = as_of or datetime.now(VIETNAM_TIME).date()
        waiver_diags += apply_waivers(evaluation.verdicts, waivers, day)
    return AuditResult(pack=pack, registry=registry, period=period or pack.pack.period, evaluation=evaluation,
                       load=load, pack_path=str(pack_path) if pack_path else bundled_name(DEFAULT_PACK),
                       fact_paths=sources,
                       seconds=time.perf_counter() - started,
                       diagnostics=sorted_diagnostics([*pack_diags, *load.diagnostics, *unused, *waiver_diags]),
                       focus_unit=focus, waivers=waivers, waiver_files=[str(p) for p in waiver_paths], as_of=day,
                       engine=engine)


def _load_from_store(db_url: str, pack: Pack, registry: Registry, period: str,
                     engine: str) -> tuple[FactLoad | TableLoad, list[str]]:
    """The facts of the store for the periods an audit of ``period`` needs (as columns for the
    aggregated engine), and the store's name."""
    # imported here: an audit from files never loads SQLAlchemy
    from .store.connect import display_url
    from .store.facts_read import load_facts_from_store, load_table_from_store
    from .store.periods import periods_needed

    read = load_table_from_store if engine == "aggregated" else load_facts_from_store
    return read(db_url, periods_needed(pack, period), pack, registry), [display_url(db_url)]


def unused_values(facts: FactSet, evaluation: Evaluation, period: str) -> list[Diagnostic]:
    """Every accepted value is either cited by a verdict or said to be unused: a unit's figures
    never vanish from an audit without a word (values of another period, most often)."""
    cited = {(f.unit, f.period, f.metric) for v in evaluation.verdicts for f in v.facts}
    unused: dict[str, list[MetricValue]] = {}
    for value in facts:
        if value.key not in cited:
            unused.setdefault(value.period, []).append(value)
    groups = []
    for other, values in unused.items():
        first = min(values, key=lambda v: (v.source.file, v.source.line))
        groups.append((other, len(values), sorted({v.unit for v in values}), first.source.file, first.source.line))
    return _unused(groups, period)


def unused_in_table(db: FactDB, table: FactTable, evaluation: Evaluation, period: str) -> list[Diagnostic]:
    """``unused_values`` of an aggregated audit, counted by the database: a value is used when a
    verdict cites it, or when its period, metric and unit's level are among those the sums used
    (``Evaluation.summed``)."""
    if not db.holds:  # figures too large for the database: the audit was per unit, and so is this
        return unused_values(table.to_factset(), evaluation, period)
    cited = {(f.unit, f.period, f.metric) for v in evaluation.verdicts for f in v.facts}
    return _unused([(p, n, units, table.files[table.file[row]], table.line[row])
                    for p, n, units, row in db.unused(evaluation.summed, cited)], period)


def _unused(groups: list[tuple[str, int, list[str], str, int]], period: str) -> list[Diagnostic]:
    """A001 for each period's unused values: (period, how many, their units sorted, first file and line)."""
    out = []
    for other, count, units, file, line in sorted(groups):
        if other != period:
            message = (f"{count} value(s) of period {other} from {len(units)} unit(s) are not used by this "
                       f"audit of {period}")
            hint = f"audit them with --period {other}"
        else:
            message = f"{count} value(s) of {period} are used by no target or check: {', '.join(units[:5])}"
            hint = "check the pack's targets and checks use every metric of its catalog"
        out.append(Diagnostic("A001", message, Location(file, line), Severity.WARNING, suggestion=hint))
    return out


def bundled_name(path: Path) -> str:
    """A bundled file named from the package root (rules/packs/…), not from site-packages."""
    root = Path(__file__).parent
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)
