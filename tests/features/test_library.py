"""The step library's index: every step in both languages, documented, and the closest step named
for a misspelt one."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_bdd.exceptions import StepDefinitionNotFoundError

from plancheck.features import steps
from plancheck.features.library import TEMPLATES, annotate_missing_step, closest, missing_step_message

DOCS = Path(__file__).resolve().parents[2] / "docs" / "specs.md"


def test_every_step_has_a_vietnamese_and_an_english_template() -> None:
    vi = [t for t in TEMPLATES if t.lang == "vi"]
    en = [t for t in TEMPLATES if t.lang == "en"]
    assert len(vi) == len(en) >= 30
    assert [t.kind for t in vi] == [t.kind for t in en]
    assert len({t.text for t in TEMPLATES}) == len(TEMPLATES)


@pytest.mark.parametrize("where", ["docstring", "docs"])
def test_every_step_is_in_the_step_list(where: str) -> None:
    text = (steps.__doc__ or "") if where == "docstring" else DOCS.read_text("utf-8")
    missing = [t.line for t in TEMPLATES if t.line not in text]
    assert not missing, f"steps missing from the {where}: {missing}"


@pytest.mark.parametrize(("written", "lang", "suggested"), [
    ('mục tieu "ATTT-03" có kết quả "ĐẠT"', "vi", 'Thì mục tiêu "{target}" có kết quả "{status}"'),
    ('muc tieu "ATTT-03" co ket qua "DAT"', "vi", 'Thì mục tiêu "{target}" có kết quả "{status}"'),
    ("chạy kiểm tr", "vi", "Khi chạy kiểm tra"),
    ('đơn vị "SO-TTTT" bao cao "x" là "1"', "vi", 'Cho đơn vị "{unit}" báo cáo "{metric}" là "{value}"'),
    ('giá trị mục tiêu "ATTT-03" là "70%"', "vi", 'Thì giá trị của mục tiêu "{target}" là "{value}"'),
    ('ma thoat la 1', "vi", "Thì mã thoát là {code}"),
    ('target "ATTT-03" iss "met"', "en", 'Then target "{target}" is "{status}"'),
    ('the value of target "T" at levle "district" is "1"', "en",
     'Then the value of target "{target}" at level "{level}" is "{value}"'),
    ("the audit run", "en", "When the audit runs"),
])
def test_the_closest_step_is_named(written: str, lang: str, suggested: str) -> None:
    found = closest(written, lang)
    assert found is not None and found.line == suggested


def test_a_step_of_the_other_language_is_named_as_such() -> None:
    message = missing_step_message("the audit runs for period", "vi")
    assert 'closest: When the audit runs for period "{period}"' in message
    assert "a step in 'en', but this feature is in 'vi'" in message


def test_a_step_after_the_wrong_keyword_is_named_as_such() -> None:
    message = missing_step_message("chạy kiểm tra", "vi", "given")
    assert message.endswith("closest: Khi chạy kiểm tra (a 'Khi' step, written here as a 'Cho' step)")


def test_the_missing_step_message_is_rewritten_once() -> None:
    exc = StepDefinitionNotFoundError("Step definition is not found: Then \"mục tieu\"")
    annotate_missing_step(exc, 'mục tieu "ATTT-03" có kết quả "ĐẠT"', "vi", "x.feature:8")
    expected = ('Step "mục tieu "ATTT-03" có kết quả "ĐẠT"" is not in the step library; closest: '
                'Thì mục tiêu "{target}" có kết quả "{status}" (x.feature:8)')
    assert str(exc) == expected
    annotate_missing_step(exc, "other", "vi", "x.feature:8")
    assert str(exc) == expected


def test_the_hook_is_active_in_plain_pytest_runs(request: pytest.FixtureRequest) -> None:
    """tests/features/conftest.py imports the step library, and with it the hook that names the closest step."""
    hook = request.config.pluginmanager.hook.pytest_bdd_step_func_lookup_error
    assert steps.pytest_bdd_step_func_lookup_error in [impl.function for impl in hook.get_hookimpls()]
