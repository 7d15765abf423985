"""``write_report``: each format written to its file, its size returned; the view and the language
chosen; an unknown format refused."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest

from plancheck.audit import AuditResult, run_audit
from plancheck.render import xlsx_report
from plancheck.render.report import FORMATS, write_report


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_writes_the_bytes_it_reports(bundled: AuditResult, fmt: str, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_report, "MAX_UNIT_SHEETS", 3)
    path = tmp_path / f"report.{fmt}"
    size = write_report(bundled, fmt, path)
    assert size == path.stat().st_size > 1000
    data = path.read_bytes()
    if fmt == "xlsx":
        assert data.startswith(b"PK") and openpyxl.load_workbook(path).sheetnames[0] == "Tổng hợp"
    elif fmt == "junit":
        assert ET.fromstring(data).tag == "testsuites"
    else:
        assert "KHÔNG ĐẠT".encode() in data  # UTF-8, Vietnamese


def test_the_view_and_the_language(bundled: AuditResult, tmp_path: Path) -> None:
    path = tmp_path / "levels.md"
    write_report(bundled, "md", path, lang="en", scope="level")
    text = path.read_text(encoding="utf-8")
    assert "Commune level" in text and "| ATTT-03 | " in text and "KHÔNG ĐẠT" not in text


def test_a_unit_audit_reports_the_unit(tmp_path: Path) -> None:
    result = run_audit(unit="SO-TTTT")
    path = tmp_path / "unit.html"
    write_report(result, "html", path)
    page = path.read_text(encoding="utf-8")
    assert "<dt>Đơn vị</dt><dd>SO-TTTT · Sở Thông tin và Truyền thông</dd>" in page
    assert page.count('<details class="drill">') == len(result.select())


def test_an_unknown_format_is_refused(bundled: AuditResult, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown report format 'pdf'"):
        write_report(bundled, "pdf", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
