"""Exit codes are defined once and mean the same everywhere."""

from __future__ import annotations

import pytest

from plancheck.engine.verdicts import SEVERITY, Status
from plancheck.exit_codes import ExitCode, audit_exit


def test_codes() -> None:
    assert (ExitCode.OK, ExitCode.FAILED, ExitCode.INVALID, ExitCode.ENGINE) == (0, 1, 2, 3)


def test_cli_choices_follow_the_severity_order() -> None:
    from plancheck.cli import STATUSES

    assert [s.value for s in SEVERITY] == STATUSES


def test_every_status_has_a_severity_and_labels() -> None:
    assert set(SEVERITY) == set(Status)
    assert {s.label_vi for s in Status} == {"ĐẠT", "KHÔNG ĐẠT", "THIẾU SỐ LIỆU", "KHÔNG ÁP DỤNG", "CẦN ĐÁNH GIÁ",
                                           "SỐ LIỆU MÂU THUẪN", "MIỄN TRỪ"}


@pytest.mark.parametrize(
    ("statuses", "fail_on", "invalid", "expected"),
    [
        (["met", "not_met"], "never", False, ExitCode.OK),
        (["met", "not_met"], "not_met", False, ExitCode.FAILED),
        (["met", "insufficient_data"], "not_met", False, ExitCode.FAILED),  # no data is no pass
        (["met", "not_met"], "insufficient_data", False, ExitCode.OK),
        (["met", "inconsistent_data"], "not_met", False, ExitCode.FAILED),
        (["met", "manual"], "manual", False, ExitCode.FAILED),
        (["met"], "met", False, ExitCode.FAILED),
        ([], "met", False, ExitCode.OK),
        (["met"], "never", True, ExitCode.INVALID),
        (["not_met"], "not_met", True, ExitCode.INVALID),
    ],
)
def test_audit_exit(statuses: list[str], fail_on: str, invalid: bool, expected: ExitCode) -> None:
    assert audit_exit(statuses, fail_on, invalid) is expected
