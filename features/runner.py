"""``plancheck spec``: run feature files without knowing pytest.

The feature files (the bundled ``features/`` folder by default, or the files and folders given) are
checked first: each must exist and parse, and no two scenarios of one feature may share a name
(pytest-bdd would silently run only the last). Then a throwaway test module in a temporary folder
imports the step library and binds the scenarios (``pytest_bdd.scenarios``), and pytest runs it in
a subprocess (``python -m pytest``), so it never meets an outer pytest: plugins are not
auto-loaded, the configuration is an empty ini file in that folder (no project's ``pyproject.toml``
applies), and ``plancheck.features.report`` writes one JSON record per scenario, read back here.

``--pack`` and ``--registry`` reach the steps as the environment variables
``PLANCHECK_SPEC_PACK`` and ``PLANCHECK_SPEC_REGISTRY``: the step "Cho bộ quy tắc mặc định" (Given
the bundled rule pack), and every scenario that names no pack, use them instead of the bundled ones.

Diagnostic codes (``S`` for specs), all invalid input (exit 2):

    S001  a path does not exist
    S002  no feature file (or no scenario) found
    S003  a feature file does not parse (file and line)
    S004  two scenarios of one feature share a name
    S005  ``-k`` selects no scenario
    S006  pytest could not run the features (its own message)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..audit import InputError, load_rule_pack, load_unit_registry
from ..diagnostics import Diagnostic, Location, has_errors
from ..exit_codes import ExitCode
from ..rules import DEFAULT_PACK
from . import FEATURES_DIR
from .world import PACK_ENV, REGISTRY_ENV

_PACKAGE_ROOT = Path(__file__).resolve().parents[1]
_CONFTEST = "from plancheck.features.steps import *  # noqa: F403  (the step library and its hooks)\n"
_MODULE = "from pytest_bdd import scenarios\n\nscenarios(*{paths!r}, features_base_dir={base!r})\n"


@dataclass(frozen=True)
class FeatureFile:
    path: Path  # absolute
    shown: str  # as the user would name it
    name: str
    language: str
    scenarios: int  # each example of an outline counts


@dataclass(frozen=True)
class ScenarioResult:
    file: str
    feature: str
    scenario: str
    line: int
    example: str
    outcome: str  # passed | failed | skipped
    step: str
    step_line: int
    message: str
    error_type: str
    seconds: float


@dataclass
class SpecRun:
    features: list[FeatureFile]
    results: list[ScenarioResult]
    seconds: float
    pack: str
    registry: str

    def count(self, outcome: str) -> int:
        return sum(r.outcome == outcome for r in self.results)

    @property
    def exit_code(self) -> ExitCode:
        if any(r.error_type == "EngineError" for r in self.results):
            return ExitCode.ENGINE
        return ExitCode.FAILED if self.count("failed") else ExitCode.OK

    def by_feature(self) -> list[tuple[FeatureFile, list[ScenarioResult]]]:
        out = []
        for f in self.features:
            rows = [r for r in self.results if Path(r.file).resolve() == f.path]
            if rows:
                out.append((f, rows))
        return out


def shown(path: Path) -> str:
    """A path as a user names it: from the current folder, or for bundled files from plancheck's root."""
    resolved = path.resolve()
    for base in (Path.cwd().resolve(), _PACKAGE_ROOT):
        if resolved.is_relative_to(base):
            return str(resolved.relative_to(base))
    return str(resolved)


def find_features(paths: Sequence[Path]) -> list[Path]:
    """The feature files of the paths given (folders searched recursively), or an InputError."""
    diags: list[Diagnostic] = []
    found: list[Path] = []
    for path in paths or (FEATURES_DIR,):
        if not path.exists():
            diags.append(Diagnostic("S001", "no such file or folder", Location(str(path))))
        elif path.is_dir():
            found += sorted(p.resolve() for p in path.rglob("*.feature") if p.is_file())
        else:
            found.append(path.resolve())
    if not found and not diags:
        where = ", ".join(str(p) for p in paths) or shown(FEATURES_DIR)
        diags.append(Diagnostic("S002", f"no feature files (*.feature) found in {where}", Location(where)))
    if diags:
        raise InputError(diags)
    return list(dict.fromkeys(found))


def check_features(files: Sequence[Path]) -> list[FeatureFile]:
    """Parse every feature file; every one that does not parse, or repeats a scenario name, is named."""
    from pytest_bdd.exceptions import GherkinParseError
    from pytest_bdd.gherkin_parser import get_gherkin_document
    from pytest_bdd.parser import FeatureParser

    diags: list[Diagnostic] = []
    out: list[FeatureFile] = []
    for path in files:
        try:
            feature = FeatureParser(str(path.parent), path.name).parse()
            document = get_gherkin_document(str(path))
        except GherkinParseError as exc:
            text = exc.line_content.strip()
            diags.append(Diagnostic("S003", f"{exc.message}" + (f": {text!r}" if text else ""),
                                    Location(shown(path), exc.line)))
            continue
        except (OSError, UnicodeDecodeError) as exc:
            diags.append(Diagnostic("S003", f"cannot read the feature file: {exc}", Location(shown(path))))
            continue
        diags += _repeated_names(document.feature.children, shown(path))
        count = sum(max(1, sum(len(list(e.as_contexts())) for e in s.examples)) for s in feature.scenarios.values())
        out.append(FeatureFile(path, shown(path), feature.name, feature.language, count))
    if diags:
        raise InputError(diags)
    return out


def _repeated_names(children: Sequence[Any], where: str) -> list[Diagnostic]:
    seen: dict[str, int] = {}
    diags = []
    pending = list(children)
    while pending:
        child = pending.pop(0)
        if child.rule is not None:
            pending = list(child.rule.children) + pending
        scenario = child.scenario
        if scenario is None:
            continue
        if scenario.name in seen:
            diags.append(Diagnostic("S004", f"scenario {scenario.name!r} is also on line {seen[scenario.name]}: "
                                    "only one of them would run", Location(where, scenario.location.line),
                                    suggestion="give each scenario its own name"))
        else:
            seen[scenario.name] = scenario.location.line
    return diags


def run_specs(paths: Sequence[Path] = (), pack_path: Path | None = None, registry_path: Path | None = None,
              keyword: str | None = None) -> SpecRun:
    """Run the scenarios of the feature files; InputError when they cannot run (exit 2)."""
    started = time.perf_counter()
    features = check_features(find_features(paths))
    if not any(f.scenarios for f in features):
        raise InputError([Diagnostic("S002", "the feature files hold no scenario",
                                     Location(features[0].shown if features else ""))])
    _, pack_diags = load_rule_pack(pack_path)
    if has_errors(pack_diags):
        raise InputError(pack_diags)
    load_unit_registry(registry_path)
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTEST_ADDOPTS", "PYTEST_PLUGINS", PACK_ENV, REGISTRY_ENV)}
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    if pack_path is not None:
        env[PACK_ENV] = str(pack_path.resolve())
    if registry_path is not None:
        env[REGISTRY_ENV] = str(registry_path.resolve())
    with tempfile.TemporaryDirectory(prefix="plancheck-spec-") as tmp:
        document, rc, output = _pytest([f.path for f in features], Path(tmp), env, keyword)
    results = [ScenarioResult(**r) for r in document.get("scenarios", [])]
    if document.get("collect_errors"):
        raise InputError([Diagnostic("S006", "pytest could not collect the scenarios:\n"
                                     + "\n".join(document["collect_errors"]), Location("plancheck spec"))])
    if not results and rc == 5:
        raise InputError([Diagnostic("S005", f"-k {keyword!r} selects no scenario", Location("-k"),
                                     suggestion="-k matches words of scenario names (lower case, '_' for "
                                                "spaces) and tags, joined with and/or/not")])
    if not results:
        raise InputError([Diagnostic("S006", f"pytest could not run the features (exit code {rc}):\n{output}",
                                     Location("plancheck spec"))])
    return SpecRun(features, results, time.perf_counter() - started,
                   shown(pack_path) if pack_path else shown(DEFAULT_PACK),
                   shown(registry_path) if registry_path else "")


def _pytest(files: list[Path], root: Path, env: dict[str, str],
            keyword: str | None) -> tuple[dict[str, Any], int, str]:
    """Run pytest on the scenarios of ``files`` in ``root``: the report, pytest's exit code, its output."""
    (root / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    (root / "conftest.py").write_text(_CONFTEST, encoding="utf-8")
    module = root / "test_specs.py"
    module.write_text(_MODULE.format(paths=[str(f) for f in files], base=str(root)), encoding="utf-8")
    report = root / "report.json"
    args = [sys.executable, "-P", "-m", "pytest", str(module), "-c", str(root / "pytest.ini"),
            "--rootdir", str(root), "-p", "pytest_bdd.plugin", "-p", "plancheck.features.report",
            "-p", "no:cacheprovider", "--plancheck-report", str(report), "-q", "--no-header", "--tb=line"]
    if keyword:
        args += ["-k", keyword]
    done = subprocess.run(args, env=env, capture_output=True, text=True, encoding="utf-8", errors="replace",
                          check=False)
    output = (done.stdout + done.stderr).strip()
    document: dict[str, Any] = {}
    if report.exists():
        document = json.loads(report.read_text(encoding="utf-8"))
    return document, done.returncode, output[-3000:]
