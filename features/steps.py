"""The step library for feature files, in Vietnamese and English, with the same meaning.

A spec writer needs no Python to write a new scenario: these steps load a rule pack, state what
units report (values in Vietnamese formats: "70,5%", "1.166"), run the audit, and check verdicts.
Submitted values go through the same validation as a unit's file; a value the validation refuses
fails the step with the validation's own message.

Vietnamese (``# language: vi``)                       English
Cho bộ quy tắc mặc định                               Given the bundled rule pack
Cho đơn vị "U" báo cáo "metric" là "v"                Given unit "U" reports "metric" as "v"
Cho đơn vị "U" báo cáo "metric" là "v" cho kỳ "P"     Given unit "U" reports "metric" as "v" for period "P"
Cho các đơn vị báo cáo: (bảng: đơn vị | chỉ số | giá trị [| kỳ])
                                                      Given the units report: (table: unit | metric | value [| period])
Khi chạy kiểm tra                                     When the audit runs
Khi chạy kiểm tra kỳ "P"                              When the audit runs for period "P"
Thì mục tiêu "T" có kết quả "ĐẠT"                     Then target "T" is "met"
Thì mục tiêu "T" của đơn vị "U" có kết quả "…"        Then target "T" for unit "U" is "…"
Thì mục tiêu "T" ở cấp "district" có kết quả "…"      Then target "T" at level "district" is "…"
Thì giá trị của mục tiêu "T" là "70,0%"               Then the value of target "T" is "70.0%"
Thì khoảng cách của mục tiêu "T" là "13"              Then the gap of target "T" is "13"
Thì đơn vị "U" thiếu số liệu cho mục tiêu "T"         Then unit "U" is missing for target "T"
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache

import pytest
from pytest_bdd import given, parsers, then, when

from ..diagnostics import Location, Severity
from ..engine.evaluate import Evaluation, evaluate
from ..engine.verdicts import ScopeKind, Status, Verdict
from ..facts import DEFAULT_REGISTRY
from ..facts.loaders import RawRecord, SubmissionKey
from ..facts.model import Registry
from ..facts.numbers import parse_number
from ..facts.registry import find_unit, load_registry
from ..facts.validate import validate
from ..render import format as fmt
from ..rules import DEFAULT_PACK
from ..rules.loader import load_pack
from ..rules.model import Pack


def _step(template: str) -> parsers.re:
    """A step pattern: ``{name}`` stands for a quoted value, which may hold anything but a quote."""
    pattern = re.sub(r"\{(\w+)\}", r"(?P<\1>[^\"]*)", re.escape(template).replace("\\{", "{").replace("\\}", "}"))
    return parsers.re("^" + pattern + "$")


@dataclass
class World:
    pack: Pack | None = None
    registry: Registry | None = None
    records: list[RawRecord] = field(default_factory=list)
    evaluation: Evaluation | None = None

    def verdict(self, target: str, kind: ScopeKind, scope_id: str | None = None) -> Verdict:
        assert self.evaluation is not None, "the audit has not run: add a step 'Khi chạy kiểm tra'"
        for v in self.evaluation.verdicts:
            same_scope = v.scope.kind is kind and (scope_id is None or v.scope.id == scope_id)
            if v.target == target and not v.part and same_scope:
                return v
        raise AssertionError(f"no verdict for target {target} at {kind.value} {scope_id or ''}".strip())


@pytest.fixture
def world() -> World:
    return World()


def _status(text: str) -> Status:
    wanted = text.strip().lower()
    for s in Status:
        if wanted in (s.value, s.label_vi.lower(), s.label_en.lower()):
            return s
    raise AssertionError(f"unknown status {text!r}: use one of " + ", ".join(s.label_vi for s in Status))


def _unit(world: World, text: str) -> str:
    assert world.registry is not None
    found = find_unit(world.registry, text)
    if found is None:
        raise AssertionError(f"unknown unit {text!r}")
    return found.id


def _pack(world: World) -> Pack:
    if world.pack is None:
        _load_bundled(world)
    assert world.pack is not None
    return world.pack


@lru_cache(maxsize=1)
def _bundled() -> tuple[Pack, Registry]:
    """The bundled pack and registry, loaded once: both are immutable."""
    pack, diags = load_pack(DEFAULT_PACK)
    assert pack is not None, [str(d) for d in diags]
    registry, rdiags = load_registry(DEFAULT_REGISTRY)
    assert not [d for d in rdiags if d.severity is Severity.ERROR], [str(d) for d in rdiags]
    return pack, registry


def _load_bundled(world: World) -> None:
    world.pack, world.registry = _bundled()


def _report(world: World, unit: str, metric: str, value: str, period: str | None = None) -> None:
    pack = _pack(world)
    n = len(world.records) + 1
    where = Location("scenario", n, metric)
    world.records.append(RawRecord(unit=unit, period=period or pack.pack.period, metric=metric, value=value,
                                   text=value, location=where, submission=SubmissionKey("scenario", 0, 1),
                                   unit_location=where, period_location=where))


# --- Given ---------------------------------------------------------------------------------------

@given("bộ quy tắc mặc định")
@given("the bundled rule pack")
def bundled_pack(world: World) -> None:
    _load_bundled(world)


@given(_step('đơn vị "{unit}" báo cáo "{metric}" là "{value}" cho kỳ "{period}"'))
@given(_step('unit "{unit}" reports "{metric}" as "{value}" for period "{period}"'))
def unit_reports_in(world: World, unit: str, metric: str, value: str, period: str) -> None:
    _report(world, unit, metric, value, period)


@given(_step('đơn vị "{unit}" báo cáo "{metric}" là "{value}"'))
@given(_step('unit "{unit}" reports "{metric}" as "{value}"'))
def unit_reports(world: World, unit: str, metric: str, value: str) -> None:
    _report(world, unit, metric, value)


@given("các đơn vị báo cáo:")
@given("the units report:")
def units_report(world: World, datatable: list[list[str]]) -> None:
    header = [h.strip().lower() for h in datatable[0]]
    names = {"đơn vị": "unit", "chỉ số": "metric", "giá trị": "value", "kỳ": "period"}
    header = [names.get(h, h) for h in header]
    for row in datatable[1:]:
        cells = dict(zip(header, (c.strip() for c in row), strict=True))
        _report(world, cells["unit"], cells["metric"], cells["value"], cells.get("period") or None)


# --- When ----------------------------------------------------------------------------------------

def _run(world: World, period: str | None) -> None:
    pack = _pack(world)
    assert world.registry is not None
    facts, diags = validate(world.records, pack, world.registry)
    errors = [str(d) for d in diags if d.severity is Severity.ERROR]
    assert not errors, "submitted values were refused: " + "; ".join(errors)
    world.evaluation = evaluate(pack, facts, world.registry, period=period)


@when("chạy kiểm tra")
@when("the audit runs")
def run_audit(world: World) -> None:
    _run(world, None)


@when(_step('chạy kiểm tra kỳ "{period}"'))
@when(_step('the audit runs for period "{period}"'))
def run_audit_for(world: World, period: str) -> None:
    _run(world, period)


# --- Then ----------------------------------------------------------------------------------------

def _check(v: Verdict, status: str) -> None:
    want = _status(status)
    assert v.status is want, (
        f"{v.target} ({v.scope.id}): expected {want.label_vi} ({want.value}), got {v.status.label_vi} "
        f"({v.status.value}); value {fmt.value_text(v, 'vi')}, threshold {v.threshold_text}; "
        + "; ".join(vi for vi, _ in v.reasons[:3]))


@then(_step('mục tiêu "{target}" có kết quả "{status}"'))
@then(_step('target "{target}" is "{status}"'))
def target_is(world: World, target: str, status: str) -> None:
    _check(world.verdict(target, ScopeKind.PROVINCE), status)


@then(_step('mục tiêu "{target}" của đơn vị "{unit}" có kết quả "{status}"'))
@then(_step('target "{target}" for unit "{unit}" is "{status}"'))
def target_of_unit_is(world: World, target: str, unit: str, status: str) -> None:
    _check(world.verdict(target, ScopeKind.UNIT, _unit(world, unit)), status)


@then(_step('mục tiêu "{target}" ở cấp "{level}" có kết quả "{status}"'))
@then(_step('target "{target}" at level "{level}" is "{status}"'))
def target_at_level_is(world: World, target: str, level: str, status: str) -> None:
    _check(world.verdict(target, ScopeKind.LEVEL, level), status)


@then(_step('giá trị của mục tiêu "{target}" là "{value}"'))
@then(_step('the value of target "{target}" is "{value}"'))
def value_is(world: World, target: str, value: str) -> None:
    v = world.verdict(target, ScopeKind.PROVINCE)
    shown = {fmt.value_text(v, "vi"), fmt.value_text(v, "en")}
    assert value in shown, f"{target}: expected value {value}, shown as {sorted(shown)}"


@then(_step('khoảng cách của mục tiêu "{target}" là "{amount}"'))
@then(_step('the gap of target "{target}" is "{amount}"'))
def gap_is(world: World, target: str, amount: str) -> None:
    v = world.verdict(target, ScopeKind.PROVINCE)
    assert v.gap is not None, f"{target} has no gap (status {v.status.value})"
    want: Fraction = parse_number(amount).value
    assert v.gap.amount == want, f"{target}: expected a gap of {amount}, got {v.gap.amount}"


@then(_step('đơn vị "{unit}" thiếu số liệu cho mục tiêu "{target}"'))
@then(_step('unit "{unit}" is missing for target "{target}"'))
def unit_missing(world: World, unit: str, target: str) -> None:
    v = world.verdict(target, ScopeKind.PROVINCE)
    uid = _unit(world, unit)
    assert uid in v.missing, f"{uid} is not listed as missing for {target}: missing {v.missing[:10]}"

