"""The HTML report: one self-contained page (nothing to fetch, no script), Vietnamese, every target
with its row and its drill-down, everything submitted escaped; and, in headless Chromium, a page
that loads without a console error, shows every target id and asks nothing of the network."""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

import pytest
from headless_chromium import Browser, find_chromium
from report_hostile import HOSTILE_RAW, HOSTILE_TARGET, HOSTILE_TITLE

from plancheck.audit import AuditResult
from plancheck.render import html_report
from plancheck.render import report_data as rd
from plancheck.render.html_report import render_html
from plancheck.render.report import write_report
from plancheck.safe_text import html_text

WHEN = datetime(2023, 2, 1, 9, 30)


@pytest.fixture(scope="module")
def page(bundled: AuditResult) -> str:
    return render_html(bundled, bundled.select(), "vi", generated=WHEN)


def test_the_page_is_self_contained(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"vi\">")
    assert '<meta charset="utf-8">' in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "<script" not in page.lower()
    assert not re.search(r"\b(src|href)=\"(?!#)", page)  # every link is to an anchor of the page
    assert "url(" not in page and "@import" not in page and "<link" not in page
    assert set(re.findall(r"https?://[^\s\"'<>]+", page)) == {"http://www.w3.org/2000/svg"}  # a namespace only


def test_the_header_says_what_was_read(page: str, bundled: AuditResult) -> None:
    assert "Kế hoạch Chuyển đổi số và bảo đảm an toàn thông tin mạng tỉnh Đắk Nông năm 2022" in page
    assert "01/02/2023 09:30" in page
    assert "Số liệu được chấp nhận</dt><dd>2.598</dd>" in page
    assert f"{len(bundled.load.files)} tệp" in page and "per-unit" in page
    assert "departments/SO-TTTT.yaml" in page  # the files, named from their common folder


def test_every_verdict_has_a_row_a_drill_down_and_a_status(page: str, bundled: AuditResult) -> None:
    verdicts = bundled.select()
    assert page.count('<details class="drill">') == len(verdicts)
    for i, v in enumerate(verdicts):
        assert f'<a href="#v-{i}">{v.target}</a>' in page
        assert f'<div id="v-{i}">' in page
    assert 'class="st s-not_met">KHÔNG ĐẠT</span>' in page
    assert 'class="st s-insufficient_data">THIẾU SỐ LIỆU</span>' in page
    summary = page[page.index('<section id="summary">'):page.index("</section>")]
    assert '<th>Tổng</th><td class="n"><strong>12</strong></td><td class="n"><strong>13</strong></td>' in summary


def test_a_drill_down_shows_the_computation_levels_units_and_figures(page: str, bundled: AuditResult) -> None:
    i = [v.target for v in bundled.select()].index("ATTT-03")
    drill = page[page.index(f'<div id="v-{i}">'):]
    drill = drill[:drill.index("</details>")]
    assert "<th>Tử số</th><td>286</td>" in drill and "<th>Mẫu số</th><td>573</td>" in drill
    assert "<th>Ngưỡng</th><td>&gt;= 70%</td>" in drill
    assert "cần thêm 116 hệ thống thông tin" in drill
    assert "<h4>Theo cấp (2)</h4>" in drill and "<h4>Theo đơn vị (27)</h4>" in drill
    assert re.search(r"<td>SO-TTTT</td><td>info_systems_classified</td><td>2022</td><td class=\"n\">\d+</td>"
                     r"<td class=\"small\">departments/SO-TTTT\.yaml:\d+</td>", drill)
    assert "<h4>Số liệu đã dùng (54)</h4>" in drill
    # the reasons, in both languages
    assert ('<li>94/98 đơn vị đạt, 1 không đạt, 3 thiếu số liệu, 0 số liệu mâu thuẫn<span class="en" lang="en">'
            "94/98 units met, 1 not met, 3 without data, 0 inconsistent</span></li>") in page


def test_figures_are_capped_with_a_count(bundled: AuditResult, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_report, "MAX_FIGURES", 10)
    page = render_html(bundled, bundled.select(), "vi", generated=WHEN)
    cqs03 = next(v for v in bundled.select() if v.target == "CQS-03")
    assert f"<h4>Số liệu đã dùng ({len(cqs03.facts)})</h4>" in page
    assert f"… và {len(cqs03.facts) - 10} mục khác" in page


def test_charts_value_against_threshold_and_coverage(page: str, bundled: AuditResult) -> None:
    areas = len(rd.sections(bundled, bundled.select()))
    assert page.count('<svg class="chart"') == areas + 1  # one per area (each has a target with a threshold)
    coverage = page[page.index('<section id="coverage">'):]
    assert "95/98 đơn vị báo cáo (97%)" in coverage
    assert '<svg class="spark"' not in page and 'id="trend"' not in page


def test_the_trend_when_earlier_audits_are_given(bundled: AuditResult, before: AuditResult) -> None:
    page = render_html(bundled, bundled.select(), "vi", [before], generated=WHEN)
    trend = page[page.index('<section id="trend">'):]
    trend = trend[:trend.index("</section>")]
    assert '<th class="n">2021</th><th class="n">2022</th>' in trend
    # a line per target, and per level or part of CQS-04, XHS-06 and XHS-11
    assert trend.count('<svg class="spark"') == len(bundled.pack.targets) + 7
    assert "mới không đạt" in trend and "↳ cấp tỉnh" in trend


def test_english(bundled: AuditResult) -> None:
    page = render_html(bundled, bundled.select(), "en", generated=WHEN)
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert ">not met</span>" in page and "Summary by area" in page and "2023-02-01 09:30" in page


def test_everything_submitted_is_escaped(hostile: AuditResult) -> None:
    page = render_html(hostile, hostile.select(), "vi", generated=WHEN)
    assert HOSTILE_TITLE not in page and "<img" not in page and "<script" not in page
    assert html_text(HOSTILE_TITLE) in page
    assert html_text(HOSTILE_RAW) in page
    assert "&lt;b&gt;x&lt;/b&gt;.csv:3" in page  # a diagnostic's file
    assert "Lỗi và cảnh báo (1 lỗi, 1 cảnh báo)" in page


def test_checks_have_their_own_table(with_checks: AuditResult) -> None:
    page = render_html(with_checks, with_checks.select(), "vi", generated=WHEN)
    assert '<table class="checks">' in page and "Kiểm tra tính nhất quán số liệu" in page
    assert 'class="st s-met">KHỚP</span>' in page and "SỐ LIỆU MÂU THUẪN" in page


@pytest.mark.browser
def test_the_page_in_headless_chromium(bundled: AuditResult, hostile: AuditResult, tmp_path: Path) -> None:
    chromium = find_chromium()
    if chromium is None:
        if os.environ.get("PLANCHECK_CHROMIUM"):  # CI (.ci/run) names the browser: missing is a failure
            pytest.fail(f"PLANCHECK_CHROMIUM={os.environ['PLANCHECK_CHROMIUM']} is not a file")
        pytest.skip("no Chromium or Chrome found (set PLANCHECK_CHROMIUM or install chromium)")
    report = tmp_path / "report.html"
    shown = tmp_path / "hostile.html"
    write_report(bundled, "html", report)
    write_report(hostile, "html", shown)
    with Browser(chromium) as browser:
        log = browser.open(report.as_uri())
        assert log.problems() == []
        assert log.requests == [report.as_uri()]  # the page itself, nothing else
        assert browser.evaluate("document.documentElement.lang") == "vi"
        assert browser.evaluate("document.characterSet") == "UTF-8"
        text = browser.evaluate("document.body.innerText")
        for target in bundled.pack.targets:
            assert target.id in text
        for label in ("KHÔNG ĐẠT", "THIẾU SỐ LIỆU", "Tổng hợp theo lĩnh vực", "Đắk Nông"):
            assert label in text
        assert browser.evaluate("document.querySelectorAll('svg.chart').length") >= 8
        assert browser.evaluate("document.querySelectorAll('details.drill').length") == len(bundled.select())
        png = browser.screenshot()
        (tmp_path / "report.png").write_bytes(png)
        assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000

        log = browser.open(shown.as_uri())
        assert log.problems() == []  # an injected script or image would break the page's policy: an error
        assert log.requests == [shown.as_uri()]
        browser.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        text = browser.evaluate("document.body.innerText")
        assert HOSTILE_TARGET in text and HOSTILE_TITLE in text and HOSTILE_RAW in text  # shown as text
        assert "<b>x</b>.csv:3" in text
        assert browser.evaluate("document.querySelectorAll('script, img, b').length") == 0
