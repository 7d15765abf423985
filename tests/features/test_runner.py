"""``plancheck spec`` as a rule author runs it, in a folder of their own outside the repository:
passing features, a wrong expectation, a deliberately broken rule, a misspelt step, JUnit for CI,
and invalid input. Each run that reaches pytest costs a subprocess (about a second): the
assertions are grouped by run."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from plancheck.cli import main
from plancheck.rules import DEFAULT_PACK

THRESHOLD = """\
# language: vi
Tính năng: Ngưỡng của ATTT-03
  Bối cảnh:
    Cho bộ quy tắc mặc định

  Kịch bản: Đúng 70% là đạt
    Cho đơn vị "SO-TTTT" báo cáo "info_systems_total" là "10"
    Và đơn vị "SO-TTTT" báo cáo "info_systems_classified" là "7"
    Khi chạy kiểm tra
    Thì mục tiêu "ATTT-03" của đơn vị "SO-TTTT" có kết quả "ĐẠT"
"""

OWN_PACK = """\
# language: vi
Tính năng: Bộ quy tắc riêng, ghi đường dẫn tương đối
  Kịch bản: Với "trên 70%", đúng 70% là không đạt
    Cho bộ quy tắc "pack.yaml"
    Và đơn vị "SO-TTTT" báo cáo "info_systems_total" là "10"
    Và đơn vị "SO-TTTT" báo cáo "info_systems_classified" là "7"
    Khi chạy kiểm tra
    Thì mục tiêu "ATTT-03" của đơn vị "SO-TTTT" có kết quả "KHÔNG ĐẠT"
"""

WRONG = """\
Feature: Wrong expectations
  Scenario: 69.99% is not met, but this spec says met
    Given unit "SO-TTTT" reports "info_systems_total" as "10.000"
    And unit "SO-TTTT" reports "info_systems_classified" as "6.999"
    When the audit runs
    Then target "ATTT-03" for unit "SO-TTTT" is "met"

  Scenario: a misspelt step
    Given unit "SO-TTTT" reports "info_systems_total" as "10"
    When the audit runs
    Then targett "ATTT-03" is "met"
"""


def spec(*args: str) -> tuple[int, str]:
    result = CliRunner(env={"COLUMNS": "400"}).invoke(main, ["spec", *args], catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def author(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A rule author's folder: a copy of the pack with ATTT-03 changed from ">= 70%" to "> 70%"
    (and its wording with it, or the pack would not load), and feature files."""
    folder = tmp_path_factory.mktemp("author")
    text = DEFAULT_PACK.read_text("utf-8")
    start, end = text.index("- id: ATTT-03"), text.index("- id: ATTT-04")
    block = text[start:end].replace('threshold: ">= 70%"', 'threshold: "> 70%"').replace("wording: tối thiểu",
                                                                                          "wording: trên")
    (folder / "pack.yaml").write_text(text[:start] + block + text[end:], encoding="utf-8")
    (folder / "nguong.feature").write_text(THRESHOLD, encoding="utf-8")
    (folder / "rieng.feature").write_text(OWN_PACK, encoding="utf-8")
    (folder / "more").mkdir()
    (folder / "more" / "wrong.feature").write_text(WRONG, encoding="utf-8")
    return folder


def test_passing_features_exit_0_with_a_table(author: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(author)
    code, out = spec("nguong.feature", "rieng.feature")
    assert code == 0, out
    assert "Ngưỡng của ATTT-03" in out and "nguong.feature" in out
    assert "Đúng 70% là đạt" in out and 'Với "trên 70%", đúng 70% là không đạt' in out
    assert "2 tính năng, 2 kịch bản: 2 QUA, 0 KHÔNG QUA" in out


def test_a_broken_rule_a_wrong_expectation_and_a_misspelt_step_fail(author: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.xml"
    code, out = spec(str(author), "--pack", str(author / "pack.yaml"), "--format", "junit",
                     "--output", str(report), "--lang", "en")
    assert code == 1, out
    assert "3 features, 4 scenarios: 1 passed, 3 failed" in out
    # the broken rule: the spec of "exactly 70% is met" names the target, expected and actual
    assert "ATTT-03 (unit SO-TTTT): expected ĐẠT (met), got KHÔNG ĐẠT (not_met); value 70,0%, threshold > 70%" in out
    # the wrong expectation: the failing step, its line, expected vs actual
    assert '6: Then target "ATTT-03" for unit "SO-TTTT" is "met"' in out
    assert "expected ĐẠT (met), got KHÔNG ĐẠT (not_met); value 69,99%" in out
    # the misspelt step: the closest step of the library
    assert ('Step "targett "ATTT-03" is "met"" is not in the step library; closest: Then target "{target}" is '
            '"{status}"') in out
    suites = ET.parse(report).getroot()
    cases = suites.findall("./testsuite/testcase")
    assert suites.get("tests") == "4" and suites.get("failures") == "3" and len(cases) == 4
    failed = {c.get("name"): c.find("failure") for c in cases}
    assert failed["Đúng 70% là đạt"] is not None
    assert "got KHÔNG ĐẠT" in (failed["Đúng 70% là đạt"].get("message") or "")
    assert failed['Với "trên 70%", đúng 70% là không đạt'] is None


def test_junit_on_standard_output_and_k(author: Path) -> None:
    code, out = spec(str(author), "--format", "junit", "-k", "misspelt or (đạt and not không)")
    assert code == 1
    suites = ET.fromstring(out)
    names = sorted(c.get("name") or "" for c in suites.iter("testcase"))
    assert names == ["a misspelt step", "Đúng 70% là đạt"]
    misspelt = next(c for c in suites.iter("testcase") if c.get("name") == "a misspelt step")
    failure = misspelt.find("failure")
    assert failure is not None and "closest: Then target" in (failure.text or "")


def test_invalid_input_exits_2(author: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out = spec(str(empty))
    assert code == 2 and "S002" in out and "no feature files" in out
    code, out = spec(str(tmp_path / "nope"))
    assert code == 2 and "S001" in out
    bad = tmp_path / "bad.feature"
    bad.write_text("Feature: x\n  Scenario: a\n    Given the bundled rule pack\n  Not a keyword here\n"
                   "    When the audit runs\n", encoding="utf-8")
    code, out = spec(str(bad))
    assert code == 2 and "S003" in out and "bad.feature:4" in out
    twice = tmp_path / "twice.feature"
    twice.write_text("Feature: x\n  Scenario: a\n    Given the bundled rule pack\n"
                     "  Scenario: a\n    Given the bundled rule pack\n", encoding="utf-8")
    code, out = spec(str(twice))
    assert code == 2 and "twice.feature:4: S004" in out
    threshold_only = tmp_path / "threshold-only.yaml"
    threshold_only.write_text(DEFAULT_PACK.read_text("utf-8").replace('threshold: ">= 70%"', 'threshold: "> 70%"'),
                              encoding="utf-8")
    code, out = spec(str(author / "nguong.feature"), "--pack", str(threshold_only))
    assert code == 2 and "R109" in out and "threshold-only.yaml:878" in out
