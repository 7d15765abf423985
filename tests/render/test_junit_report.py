"""The JUnit report: a test case per verdict, failures, errors and skips as the statuses say, the
counts in the suites' attributes, properties with value and threshold, and XML that parses
whatever the submissions hold."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from report_hostile import HOSTILE_RAW, HOSTILE_TARGET, HOSTILE_TITLE

from plancheck.audit import AuditResult
from plancheck.engine.verdicts import Status
from plancheck.render.junit_report import case_name, render_audit_junit, xml_text


def _parse(result: AuditResult, scope: str = "province", lang: str = "vi") -> ET.Element:
    return ET.fromstring(render_audit_junit(result, result.select(scope), lang))


def _outcome(case: ET.Element) -> str:
    return next((child.tag for child in case if child.tag in ("failure", "error", "skipped")), "passed")


def test_a_case_per_verdict_and_the_counts(bundled: AuditResult) -> None:
    verdicts = bundled.select()
    root = _parse(bundled)
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == [case_name(v) for v in verdicts]
    expected = {"failure": sum(v.status in (Status.NOT_MET, Status.INCONSISTENT_DATA) for v in verdicts),
                "error": sum(v.status is Status.INSUFFICIENT_DATA for v in verdicts),
                "skipped": sum(v.status in (Status.MANUAL, Status.WAIVED, Status.NOT_APPLICABLE) for v in verdicts)}
    outcomes = [_outcome(c) for c in cases]
    assert {k: outcomes.count(k) for k in expected} == expected == {"failure": 15, "error": 10, "skipped": 4}
    assert root.get("tests") == str(len(verdicts))
    assert (root.get("failures"), root.get("errors"), root.get("skipped")) == ("15", "10", "4")
    for suite in root.findall("testsuite"):
        mine = [_outcome(c) for c in suite.findall("testcase")]
        assert suite.get("tests") == str(len(mine))
        assert (suite.get("failures"), suite.get("errors"), suite.get("skipped")) == tuple(
            str(mine.count(k)) for k in ("failure", "error", "skipped"))


def test_a_case_says_value_threshold_and_why(bundled: AuditResult) -> None:
    root = _parse(bundled)
    case = next(c for c in root.iter("testcase") if c.get("name") == "ATTT-03 @ TINH")
    assert case.get("classname") == "an-toan-thong-tin"
    props = {p.get("name"): p.get("value") for p in case.iter("property")}
    assert props["value"] == "49,9%" and props["value_exact"] == "286/573"
    assert props["threshold"] == ">= 70%" and props["threshold_exact"] == "7/10" and props["coverage"] == "27/27"
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "not_met"
    assert failure.get("message") == ("KHÔNG ĐẠT: 49,9% (ngưỡng >= 70%); cần thêm 116 hệ thống thông tin "
                                      "(Số hệ thống thông tin được xác định cấp độ và triển khai phương án bảo "
                                      "đảm an toàn thông tin theo cấp độ)")
    details = (failure.text or "").splitlines()
    assert details[0].startswith("Cấp tỉnh (Sở, ban, ngành): KHÔNG ĐẠT 51,2%")
    unit = r"SO-TTTT Sở Thông tin và Truyền thông: KHÔNG ĐẠT [\d,]+% \(>= 70%\); cần thêm \d+ .*"
    assert any(re.fullmatch(unit, line) for line in details)
    assert any(re.fullmatch(r"\S+ info_systems_\w+ \(2022\) = \d+  \S+\.(yaml|json|csv):\d+", line) for line in details)
    skipped = next(c for c in root.iter("testcase") if c.get("name") == "CQS-06 @ TINH").find("skipped")
    assert skipped is not None and (skipped.get("message") or "").startswith("CẦN ĐÁNH GIÁ")
    error = next(c for c in root.iter("testcase") if c.get("name") == "CQS-02 @ TINH").find("error")
    assert error is not None and error.get("type") == "insufficient_data"


def test_unit_scope_and_checks(bundled: AuditResult, with_checks: AuditResult) -> None:
    units = _parse(bundled, "unit", "en")
    assert len(units.findall(".//testcase")) == len(bundled.select("unit"))
    assert units.find(".//testcase[@name='ATTT-03 @ SO-TTTT']") is not None
    checks = _parse(with_checks)
    inconsistent = [c for c in checks.iter("testcase") if c.get("classname") == "consistency"
                    and c.find("failure") is not None]
    assert len(inconsistent) == 4 and all(c.find("failure").get("type") == "inconsistent_data"  # type: ignore[union-attr]
                                          for c in inconsistent)


def test_any_text_makes_valid_xml(hostile: AuditResult) -> None:
    assert xml_text("a\x00b\x01c\td\ne\ud800") == "ab" + "c\td\ne"
    root = _parse(hostile)
    case = next(c for c in root.iter("testcase") if c.get("name") == f"{HOSTILE_TARGET} @ TINH")
    props = {p.get("name"): p.get("value") for p in case.iter("property")}
    assert props["title"] == HOSTILE_TITLE
    failure = case.find("failure")
    assert failure is not None and (failure.text or "").startswith("@SUM(1+1) \n")  # control characters dropped
    assert HOSTILE_RAW in (failure.text or "")
