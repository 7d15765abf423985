"""Shared setup of the report tests: the bundled audit, an audit of the period before it (for the
trend), an audit of a pack with consistency checks, and a "hostile" audit whose texts try to become
markup, formulas or invalid XML (``report_hostile.py``).

The headless Chromium client used by the browser test lives in ``headless_chromium.py`` next to
this file; the suite runs in importlib mode, so this conftest puts the directory on ``sys.path``.
The ``browser`` marker is registered here as well, so the tests run (with warnings as errors)
whether or not the project's configuration lists it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from plancheck.audit import AuditResult, run_audit

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

PACKAGE = Path(__file__).resolve().parents[2]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: loads a report in headless Chromium (skipped without one)")


@pytest.fixture(scope="session")
def bundled() -> AuditResult:
    return run_audit()


@pytest.fixture(scope="session")
def before() -> AuditResult:
    """The bundled facts audited for 2021 (the baseline year): the period before the bundled audit."""
    return run_audit(period="2021")


@pytest.fixture(scope="session")
def with_checks() -> AuditResult:
    """The 2021 report pack: consistency checks, some inconsistent."""
    return run_audit(PACKAGE / "rules/packs/dak-nong-2021-report.yaml",
                     [PACKAGE / "facts/samples/dak-nong-2021-report"])


@pytest.fixture(scope="session")
def hostile() -> AuditResult:
    from report_hostile import hostile_audit

    return hostile_audit()
