"""The step library for feature files, in Vietnamese and English, with the same meaning.

A spec writer needs no Python to write a new scenario: these steps load a rule pack, state what
units report (values in Vietnamese formats: "70,5%", "1.166"), run the audit or a ``plancheck``
command, and check verdicts, values, gaps, rejected values and exit codes. Submitted values go
through the same validation as a unit's file. ``{name}`` stands for a quoted value; a step that is
not in this list fails with the closest one named. docs/specs.md explains each step.

Each step: the Vietnamese template (``# language: vi``), then its English twin.

Given / Cho: the rule pack, the units, what they report
    Cho bộ quy tắc mặc định
        Given the bundled rule pack
    Cho bộ quy tắc "{path}"
        Given the rule pack "{path}"
    Cho sổ đơn vị "{path}"
        Given the unit registry "{path}"
    Cho các đơn vị:
        Given the units:
    Cho đơn vị "{unit}" báo cáo "{metric}" là "{value}"
        Given unit "{unit}" reports "{metric}" as "{value}"
    Cho đơn vị "{unit}" báo cáo "{metric}" là "{value}" cho kỳ "{period}"
        Given unit "{unit}" reports "{metric}" as "{value}" for period "{period}"
    Cho đơn vị "{unit}" cấp "{level}" báo cáo "{metric}" là "{value}"
        Given unit "{unit}" of level "{level}" reports "{metric}" as "{value}"
    Cho đơn vị "{unit}" cấp "{level}" báo cáo "{metric}" là "{value}" cho kỳ "{period}"
        Given unit "{unit}" of level "{level}" reports "{metric}" as "{value}" for period "{period}"
    Cho các đơn vị báo cáo:
        Given the units report:
    Cho đơn vị "{unit}" không báo cáo
        Given unit "{unit}" does not report

When / Khi: the audit or a command runs
    Khi chạy kiểm tra
        When the audit runs
    Khi chạy kiểm tra kỳ "{period}"
        When the audit runs for period "{period}"
    Khi chạy kiểm tra cho đơn vị "{unit}"
        When the audit runs for unit "{unit}"
    Khi chạy kiểm tra kỳ "{period}" cho đơn vị "{unit}"
        When the audit runs for period "{period}" and unit "{unit}"
    Khi nộp số liệu
        When the submissions are validated
    Khi chạy lệnh "{command}"
        When I run "{command}"

Then / Thì: what must come out
    Thì mục tiêu "{target}" có kết quả "{status}"
        Then target "{target}" is "{status}"
    Thì mục tiêu "{target}" của đơn vị "{unit}" có kết quả "{status}"
        Then target "{target}" for unit "{unit}" is "{status}"
    Thì mục tiêu "{target}" ở cấp "{level}" có kết quả "{status}"
        Then target "{target}" at level "{level}" is "{status}"
    Thì giá trị của mục tiêu "{target}" là "{value}"
        Then the value of target "{target}" is "{value}"
    Thì giá trị của mục tiêu "{target}" của đơn vị "{unit}" là "{value}"
        Then the value of target "{target}" for unit "{unit}" is "{value}"
    Thì giá trị của mục tiêu "{target}" ở cấp "{level}" là "{value}"
        Then the value of target "{target}" at level "{level}" is "{value}"
    Thì khoảng cách của mục tiêu "{target}" là "{amount}"
        Then the gap of target "{target}" is "{amount}"
    Thì khoảng cách của mục tiêu "{target}" của đơn vị "{unit}" là "{amount}"
        Then the gap of target "{target}" for unit "{unit}" is "{amount}"
    Thì khoảng cách của mục tiêu "{target}" ở cấp "{level}" là "{amount}"
        Then the gap of target "{target}" at level "{level}" is "{amount}"
    Thì đơn vị "{unit}" thiếu số liệu cho mục tiêu "{target}"
        Then unit "{unit}" is missing for target "{target}"
    Thì đơn vị "{unit}" có số liệu cho mục tiêu "{target}"
        Then unit "{unit}" contributes to target "{target}"
    Thì số liệu của đơn vị "{unit}" bị từ chối với lỗi ở trường "{field}"
        Then unit "{unit}"'s submission is rejected with an error on field "{field}"
    Thì số liệu của đơn vị "{unit}" bị từ chối với lỗi "{code}" ở trường "{field}"
        Then unit "{unit}"'s submission is rejected with error "{code}" on field "{field}"
    Thì không có số liệu nào bị từ chối
        Then no submitted value is rejected
    Thì mã thoát là {code}
        Then the exit code is {code}
    Thì kết quả in ra có "{text}"
        Then the output contains "{text}"
    Thì kết quả in ra không có "{text}"
        Then the output does not contain "{text}"

Tables: ``Cho các đơn vị báo cáo:`` has the columns đơn vị | chỉ số | giá trị, optionally kỳ and cấp
(unit | metric | value [| period] [| level]); ``Cho các đơn vị:`` has id | tên | cấp | thuộc
(id | name | level | parent). Levels: toàn tỉnh (province), tỉnh or sở (department: the plan's
"cấp tỉnh"), huyện (district), xã (commune), in Vietnamese or English.

Environment: ``PLANCHECK_SPEC_PACK`` and ``PLANCHECK_SPEC_REGISTRY`` replace the bundled rule pack
and unit registry (``plancheck spec --pack/--registry`` set them).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_bdd.parser import Feature, Scenario, Step

from ..diagnostics import Diagnostic
from . import expect
from .commands import CommandRun, contains, run_command, show
from .files import table_rows, write_registry
from .library import annotate_missing_step, define
from .world import World, default_pack_path, find_file


@pytest.fixture
def world() -> Iterator[World]:
    w = World()
    yield w
    w.cleanup()


# --- hooks: where the scenario is, which step runs, and the closest step to a misspelt one --------

def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature: Feature, scenario: Scenario) -> None:
    w: World = request.getfixturevalue("world")
    w.feature_file = Path(feature.filename)
    w.language = feature.language or "en"


def pytest_bdd_before_step_call(request: pytest.FixtureRequest, step: Step) -> None:
    w: World = request.getfixturevalue("world")
    w.step_line = step.line_number
    w.row_lines = [row.location.line for row in step.datatable.rows] if step.datatable is not None else []


def pytest_bdd_step_func_lookup_error(feature: Feature, step: Step, exception: Exception) -> None:
    where = f"{feature.rel_filename}:{step.line_number}"
    annotate_missing_step(exception, step.name, feature.language or "en", where, step.type)


# --- Given: the rule pack and the units ---------------------------------------------------------

@define("given", "bộ quy tắc mặc định", "the bundled rule pack")
def bundled_pack(world: World) -> None:
    world.use_pack(default_pack_path())


@define("given", 'bộ quy tắc "{path}"', 'the rule pack "{path}"')
def pack_file(world: World, path: str) -> None:
    world.use_pack(find_file(path, world.feature_dir, "rule pack"))


@define("given", 'sổ đơn vị "{path}"', 'the unit registry "{path}"')
def registry_file(world: World, path: str) -> None:
    world.use_registry(find_file(path, world.feature_dir, "unit registry"))


@define("given", "các đơn vị:", "the units:")
def units_table(world: World, datatable: list[list[str]]) -> None:
    rows = [world.where(i) for i in range(1, len(datatable))]
    world.registry_path, world.registry = write_registry(datatable, world.workdir(), rows)


# --- Given: what units report -------------------------------------------------------------------

@define("given", 'đơn vị "{unit}" báo cáo "{metric}" là "{value}"', 'unit "{unit}" reports "{metric}" as "{value}"')
def unit_reports(world: World, unit: str, metric: str, value: str) -> None:
    world.report(unit, metric, value)


@define("given", 'đơn vị "{unit}" báo cáo "{metric}" là "{value}" cho kỳ "{period}"',
        'unit "{unit}" reports "{metric}" as "{value}" for period "{period}"')
def unit_reports_in(world: World, unit: str, metric: str, value: str, period: str) -> None:
    world.report(unit, metric, value, period)


@define("given", 'đơn vị "{unit}" cấp "{level}" báo cáo "{metric}" là "{value}"',
        'unit "{unit}" of level "{level}" reports "{metric}" as "{value}"')
def unit_of_level_reports(world: World, unit: str, level: str, metric: str, value: str) -> None:
    world.unit(unit, level)
    world.report(unit, metric, value)


@define("given", 'đơn vị "{unit}" cấp "{level}" báo cáo "{metric}" là "{value}" cho kỳ "{period}"',
        'unit "{unit}" of level "{level}" reports "{metric}" as "{value}" for period "{period}"')
def unit_of_level_reports_in(world: World, unit: str, level: str, metric: str, value: str, period: str) -> None:
    world.unit(unit, level)
    world.report(unit, metric, value, period)


_REPORT_COLUMNS = {"đơn vị": "unit", "chỉ số": "metric", "giá trị": "value", "kỳ": "period", "cấp": "level"}


@define("given", "các đơn vị báo cáo:", "the units report:")
def units_report(world: World, datatable: list[list[str]]) -> None:
    for i, cells in enumerate(table_rows(datatable, _REPORT_COLUMNS), start=1):
        missing = [c for c in ("unit", "metric", "value") if c not in cells]
        assert not missing, ("the table needs the columns đơn vị | chỉ số | giá trị (unit | metric | value); "
                             f"missing: {', '.join(missing)}")
        if cells.get("level"):
            world.unit(cells["unit"], cells["level"])
        world.report(cells["unit"], cells["metric"], cells["value"], cells.get("period") or None, row=i)


@define("given", 'đơn vị "{unit}" không báo cáo', 'unit "{unit}" does not report')
def unit_silent(world: World, unit: str) -> None:
    world.does_not_report(unit)


# --- When ----------------------------------------------------------------------------------------

def _audit(world: World, period: str | None = None, unit: str | None = None) -> None:
    world.submit()
    assert not world.errors(), (
        "submitted values were refused (to check a refusal, use 'Khi nộp số liệu' / "
        "'When the submissions are validated'):\n" + world.describe())
    world.audit(period, unit)


@define("when", "chạy kiểm tra", "the audit runs")
def run_audit(world: World) -> None:
    _audit(world)


@define("when", 'chạy kiểm tra kỳ "{period}"', 'the audit runs for period "{period}"')
def run_audit_for(world: World, period: str) -> None:
    _audit(world, period)


@define("when", 'chạy kiểm tra cho đơn vị "{unit}"', 'the audit runs for unit "{unit}"')
def run_audit_of_unit(world: World, unit: str) -> None:
    _audit(world, unit=unit)


@define("when", 'chạy kiểm tra kỳ "{period}" cho đơn vị "{unit}"',
        'the audit runs for period "{period}" and unit "{unit}"')
def run_audit_for_unit(world: World, period: str, unit: str) -> None:
    _audit(world, period, unit)


@define("when", "nộp số liệu", "the submissions are validated")
def submit(world: World) -> None:
    world.submit()
    world.audit()


@define("when", 'chạy lệnh "{command}"', 'I run "{command}"')
def run_cli(world: World, command: str) -> None:
    world.command = run_command(world, command)


# --- Then: verdicts ------------------------------------------------------------------------------

@define("then", 'mục tiêu "{target}" có kết quả "{status}"', 'target "{target}" is "{status}"')
def target_is(world: World, target: str, status: str) -> None:
    expect.check_status(world.province(target), status)


@define("then", 'mục tiêu "{target}" của đơn vị "{unit}" có kết quả "{status}"',
        'target "{target}" for unit "{unit}" is "{status}"')
def target_of_unit_is(world: World, target: str, unit: str, status: str) -> None:
    expect.check_status(world.for_unit(target, unit), status)


@define("then", 'mục tiêu "{target}" ở cấp "{level}" có kết quả "{status}"',
        'target "{target}" at level "{level}" is "{status}"')
def target_at_level_is(world: World, target: str, level: str, status: str) -> None:
    expect.check_status(world.at_level(target, level), status)


@define("then", 'giá trị của mục tiêu "{target}" là "{value}"', 'the value of target "{target}" is "{value}"')
def value_is(world: World, target: str, value: str) -> None:
    expect.check_value(world.province(target), value)


@define("then", 'giá trị của mục tiêu "{target}" của đơn vị "{unit}" là "{value}"',
        'the value of target "{target}" for unit "{unit}" is "{value}"')
def value_of_unit_is(world: World, target: str, unit: str, value: str) -> None:
    expect.check_value(world.for_unit(target, unit), value)


@define("then", 'giá trị của mục tiêu "{target}" ở cấp "{level}" là "{value}"',
        'the value of target "{target}" at level "{level}" is "{value}"')
def value_at_level_is(world: World, target: str, level: str, value: str) -> None:
    expect.check_value(world.at_level(target, level), value)


@define("then", 'khoảng cách của mục tiêu "{target}" là "{amount}"', 'the gap of target "{target}" is "{amount}"')
def gap_is(world: World, target: str, amount: str) -> None:
    expect.check_gap(world.province(target), amount)


@define("then", 'khoảng cách của mục tiêu "{target}" của đơn vị "{unit}" là "{amount}"',
        'the gap of target "{target}" for unit "{unit}" is "{amount}"')
def gap_of_unit_is(world: World, target: str, unit: str, amount: str) -> None:
    expect.check_gap(world.for_unit(target, unit), amount)


@define("then", 'khoảng cách của mục tiêu "{target}" ở cấp "{level}" là "{amount}"',
        'the gap of target "{target}" at level "{level}" is "{amount}"')
def gap_at_level_is(world: World, target: str, level: str, amount: str) -> None:
    expect.check_gap(world.at_level(target, level), amount)


@define("then", 'đơn vị "{unit}" thiếu số liệu cho mục tiêu "{target}"',
        'unit "{unit}" is missing for target "{target}"')
def unit_missing(world: World, unit: str, target: str) -> None:
    v, uid = world.province(target), world.unit(unit).id
    assert uid in v.missing, f"{uid} is not listed as missing for {target}: missing {v.missing[:10] or 'none'}"


@define("then", 'đơn vị "{unit}" có số liệu cho mục tiêu "{target}"',
        'unit "{unit}" contributes to target "{target}"')
def unit_contributes(world: World, unit: str, target: str) -> None:
    v, uid = world.province(target), world.unit(unit).id
    assert uid in v.contributing, (f"{uid} is not among the units whose figures {target} used: "
                                   f"{v.contributing[:10] or 'none'}; missing: {v.missing[:10] or 'none'}")


# --- Then: rejected values -----------------------------------------------------------------------

_FIELD_WORDS = {"đơn vị": "unit", "kỳ": "period"}


def _rejections(world: World, unit: str) -> list[Diagnostic]:
    """The errors of the values a unit (named as written, or resolved to the same unit) submitted."""
    assert world.validation is not None, ("the submissions were not validated: add a step 'Khi nộp số liệu' "
                                          "(When the submissions are validated)")
    wanted = {unit.strip().casefold(), _resolved(world, unit)} - {None}
    lines = {(r.location.file, r.location.line) for r in world.records
             if {r.unit.strip().casefold(), _resolved(world, r.unit)} & wanted}
    return [d for d in world.errors() if (d.location.file, d.location.line) in lines]


def _resolved(world: World, text: str) -> str | None:
    """The unit id a name resolves to, or None for a name the registry does not know."""
    try:
        return world.unit(text).id
    except AssertionError:
        return None


def _check_rejected(world: World, unit: str, field: str, code: str | None) -> None:
    errors = _rejections(world, unit)
    name = field.strip().casefold()
    name = _FIELD_WORDS.get(name, name)
    hits = [d for d in errors if d.location.field.casefold() == name and (code is None or d.code == code.upper())]
    what = f"an error {code.upper()}" if code else "an error"
    assert hits, (f"expected {what} on field {field!r} for unit {unit}; its errors: "
                  + ("; ".join(str(d) for d in errors) or "none (its values were accepted)"))


@define("then", 'số liệu của đơn vị "{unit}" bị từ chối với lỗi ở trường "{field}"',
        'unit "{unit}"\'s submission is rejected with an error on field "{field}"')
def rejected(world: World, unit: str, field: str) -> None:
    _check_rejected(world, unit, field, None)


@define("then", 'số liệu của đơn vị "{unit}" bị từ chối với lỗi "{code}" ở trường "{field}"',
        'unit "{unit}"\'s submission is rejected with error "{code}" on field "{field}"')
def rejected_with(world: World, unit: str, code: str, field: str) -> None:
    _check_rejected(world, unit, field, code)


@define("then", "không có số liệu nào bị từ chối", "no submitted value is rejected")
def none_rejected(world: World) -> None:
    assert world.validation is not None, "add a step 'Khi nộp số liệu' (When the submissions are validated)"
    assert not world.errors(), "submitted values were refused:\n" + world.describe()


# --- Then: a command's exit code and output ------------------------------------------------------

def _ran(world: World) -> CommandRun:
    assert world.command is not None, "no command has run: add a step 'Khi chạy lệnh \"plancheck …\"'"
    return world.command


@define("then", "mã thoát là {code}", "the exit code is {code}")
def exit_code_is(world: World, code: str) -> None:
    run = _ran(world)
    assert code.strip().isdigit(), f"an exit code is a number (0, 1, 2 or 3), not {code!r}"
    assert run.exit_code == int(code.strip()), f"expected exit code {code.strip()}; {show(run)}"


@define("then", 'kết quả in ra có "{text}"', 'the output contains "{text}"')
def output_contains(world: World, text: str) -> None:
    run = _ran(world)
    assert contains(run.output, text), f"expected the output to contain {text!r}; {show(run)}"


@define("then", 'kết quả in ra không có "{text}"', 'the output does not contain "{text}"')
def output_lacks(world: World, text: str) -> None:
    run = _ran(world)
    assert not contains(run.output, text), f"expected the output not to contain {text!r}; {show(run)}"
