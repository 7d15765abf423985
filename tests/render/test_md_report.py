"""The Markdown report: what was read, the counts by area, the tables of ``audit --format markdown``,
what each target not met needs, who has not reported, the trend; every text kept as text."""

from __future__ import annotations

from datetime import datetime

from report_hostile import HOSTILE_TITLE

from plancheck.audit import AuditResult
from plancheck.render.flat import markdown_tables
from plancheck.render.md_report import md_text, render_report_markdown

WHEN = datetime(2023, 2, 1, 9, 30)


def test_the_report(bundled: AuditResult) -> None:
    md = render_report_markdown(bundled, bundled.select(), "vi", generated=WHEN)
    assert md.startswith("# Kế hoạch Chuyển đổi số và bảo đảm an toàn thông tin mạng tỉnh Đắk Nông năm 2022\n")
    assert "- Lập lúc: 01/02/2023 09:30\n" in md and "- Số liệu được chấp nhận: 2598 · Số liệu bị từ chối: 0" in md
    assert ("| Lĩnh vực | ĐẠT | KHÔNG ĐẠT | THIẾU SỐ LIỆU | CẦN ĐÁNH GIÁ | SỐ LIỆU MÂU THUẪN | Tổng |\n"
            "|---|---:|---:|---:|---:|---:|---:|\n"
            "| Phát triển Chính quyền số trong nội bộ các cơ quan nhà nước | 2 | 2 | 2 | 1 |  | 7 |") in md
    assert "| **Tổng** | **12** | **13** | **10** | **4** | **2** | **41** |" in md
    assert "\n".join(markdown_tables(bundled, bundled.select(), "vi")) in md  # the audit's own tables
    for target in bundled.pack.targets:
        assert f"| {target.id} |" in md


def test_notes_on_targets_not_met_and_without_data(bundled: AuditResult) -> None:
    md = render_report_markdown(bundled, bundled.select(), "vi", generated=WHEN)
    notes = md[md.index("## Các mục tiêu không đạt: cần gì để đạt"):]
    not_met = [line for line in notes[:notes.index("## Các mục tiêu thiếu số liệu")].splitlines()
               if line.startswith("- ")]
    assert len(not_met) == 13
    attt03 = next(line for line in not_met if line.startswith("- **ATTT-03**"))
    assert "49,9%, ngưỡng >= 70%; **cần thêm 116 hệ thống thông tin" in attt03
    cqs04 = next(line for line in not_met if line.startswith("- **CQS-04**"))
    assert cqs04.endswith(": Cấp tỉnh (Sở, ban, ngành): 61,2% (>= 75%), cần thêm 13.218 hồ sơ công việc.")
    assert ("- **DVC-04** 50% dịch vụ công trực tuyến mức độ 3, 4 có phát sinh hồ sơ trực tuyến: "
            "18/19 đơn vị báo cáo; đơn vị thiếu số liệu: SO-XAY-DUNG.") in notes
    assert "## Lỗi và cảnh báo (0 lỗi, 1 cảnh báo)\n\n- Cảnh báo F012 (" in md


def test_the_trend(bundled: AuditResult, before: AuditResult) -> None:
    md = render_report_markdown(bundled, bundled.select(), "en", [before], generated=WHEN)
    trend = md[md.index("## Trend across periods"):]
    assert "| ID | Target | 2021 | 2022 | Change | Difference |" in trend
    assert "| ATTT-03 | " in trend and "| CQS-04/department | " in trend and "new failure" in trend


def test_texts_stay_text(hostile: AuditResult) -> None:
    assert md_text("a|b *c* _d_ [e](f) <g> `h`\ni") == "a\\|b \\*c\\* \\_d\\_ \\[e\\](f) &lt;g> \\`h\\` i"
    md = render_report_markdown(hostile, hostile.select(), "vi", generated=WHEN)
    assert "X999 (&lt;b>x&lt;/b>.csv:3)" in md
    assert HOSTILE_TITLE not in md.split("## Các mục tiêu không đạt")[1]
