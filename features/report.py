"""A pytest plugin that writes what ``plancheck spec`` shows: one JSON record per scenario.

``plancheck spec`` runs pytest with ``-p plancheck.features.report --plancheck-report FILE``; at
the end of the session FILE holds::

    {"version": "plancheck.spec-report/1",
     "scenarios": [{"file": "/abs/x.feature", "feature": "…", "scenario": "…", "line": 12,
                    "example": "chi CNTT=70.000.000.000, kết quả=ĐẠT", "outcome": "passed|failed|skipped",
                    "step": "Thì mục tiêu \\"ATTT-03\\" có kết quả \\"ĐẠT\\"", "step_line": 16,
                    "message": "ATTT-03 (unit SO-TTTT): expected ĐẠT (met), got KHÔNG ĐẠT (not_met); …",
                    "error_type": "AssertionError", "seconds": 0.03}, …],
     "collect_errors": ["…"]}

``step`` and ``step_line`` name the step that failed (or was not found in the step library);
``message`` is what that step said: for a verdict, the expected and the actual verdict.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd.parser import ScenarioTemplate, Step

REPORT_VERSION = "plancheck.spec-report/1"
_OPTION = "--plancheck-report"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(_OPTION, metavar="FILE", default=None,
                     help="plancheck spec: write one JSON record per scenario to FILE.")


def pytest_configure(config: pytest.Config) -> None:
    target = config.getoption(_OPTION)
    if target:
        config.pluginmanager.register(Recorder(Path(target)), "plancheck-spec-recorder")


def _template(item: pytest.Item) -> ScenarioTemplate | None:
    """The pytest-bdd scenario a test item runs (None for another kind of test)."""
    # the module, not the function ``pytest_bdd.scenario`` that the package exports under its name
    registry = getattr(importlib.import_module("pytest_bdd.scenario"), "scenario_wrapper_template_registry", None)
    function = getattr(item, "obj", None)
    found = registry.get(function) if registry is not None and function is not None else None
    return found if isinstance(found, ScenarioTemplate) else None


def _example(callspec: Any) -> str:
    """The example row of a scenario outline, as written: ``chi CNTT=70.000.000.000, kết quả=ĐẠT``."""
    if callspec is None:
        return ""
    row = callspec.params.get("_pytest_bdd_example")
    if isinstance(row, dict):
        return ", ".join(f"{k}={v}" for k, v in row.items())
    return str(callspec.id)


def _message(exc: BaseException) -> str:
    if isinstance(exc, AssertionError) or type(exc).__name__ == "StepDefinitionNotFoundError":
        return str(exc).strip()
    return f"{type(exc).__name__}: {exc}".strip()


class Recorder:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.scenarios: dict[str, dict[str, Any]] = {}
        self.failing: dict[str, tuple[str, int]] = {}
        self.collect_errors: list[str] = []

    def _record(self, item: pytest.Item) -> dict[str, Any]:
        if item.nodeid not in self.scenarios:
            template = _template(item)
            callspec = getattr(item, "callspec", None)
            self.scenarios[item.nodeid] = {
                "file": template.feature.filename if template is not None else str(item.path),
                "feature": template.feature.name if template is not None else "",
                "scenario": template.name if template is not None else item.name,
                "line": template.line_number if template is not None else 0,
                "example": _example(callspec),
                "outcome": "passed", "step": "", "step_line": 0, "message": "", "error_type": "", "seconds": 0.0,
            }
        return self.scenarios[item.nodeid]

    def _fail_at(self, request: pytest.FixtureRequest, step: Step) -> None:
        self.failing[request.node.nodeid] = (f"{step.keyword.strip()} {step.name}", step.line_number)

    def pytest_bdd_step_error(self, request: pytest.FixtureRequest, step: Step) -> None:
        self._fail_at(request, step)

    def pytest_bdd_step_func_lookup_error(self, request: pytest.FixtureRequest, step: Step) -> None:
        self._fail_at(request, step)

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[
            None, pytest.TestReport, pytest.TestReport]:
        report = yield
        record = self._record(item)
        record["seconds"] = round(record["seconds"] + report.duration, 4)
        if report.skipped and record["outcome"] == "passed":
            record["outcome"] = "skipped"
            longrepr = report.longrepr
            record["message"] = str(longrepr[2]) if isinstance(longrepr, tuple) else str(longrepr or "")
        elif report.failed and record["outcome"] != "failed":
            record["outcome"] = "failed"
            step, line = self.failing.get(item.nodeid, ("", 0))
            record["step"], record["step_line"] = step, line
            if call.excinfo is not None:
                record["message"] = _message(call.excinfo.value)
                record["error_type"] = call.excinfo.type.__name__
            else:
                record["message"] = report.longreprtext.strip().splitlines()[-1:][0] if report.longreprtext else ""
            if report.when != "call":
                record["message"] = f"({report.when}) {record['message']}"
        return report

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.collect_errors.append(report.longreprtext)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        document = {"version": REPORT_VERSION, "scenarios": list(self.scenarios.values()),
                    "collect_errors": self.collect_errors}
        self.path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
