"""`plancheck template` and `plancheck report` as a user runs them."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from plancheck.audit import load_rule_pack
from plancheck.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_template_of_a_unit_is_a_workbook_with_its_metrics(tmp_path: Path) -> None:
    out = tmp_path / "so-tttt.xlsx"
    code, stdout, _ = run("template", "SO-TTTT", "--output", str(out))
    assert code == 0 and str(out) in stdout
    book = openpyxl.load_workbook(out)
    assert "Số liệu" in book.sheetnames
    text = " ".join(str(c.value) for row in book["Số liệu"].iter_rows() for c in row if c.value is not None)
    assert "SO-TTTT" in text or "Sở Thông tin và Truyền thông" in text


def test_template_of_an_unknown_unit_is_an_input_error(tmp_path: Path) -> None:
    code, _, stderr = run("template", "SO-TTT", "--output", str(tmp_path / "x.xlsx"))
    assert code == 2 and "SO-TTT" in stderr and not (tmp_path / "x.xlsx").exists()


def test_report_formats_are_written_and_readable(tmp_path: Path) -> None:
    pack, _ = load_rule_pack(None)
    for fmt, name in (("html", "r.html"), ("md", "r.md"), ("junit", "r.xml"), ("xlsx", "r.xlsx")):
        out = tmp_path / name
        code, stdout, _ = run("report", "--format", fmt, "--output", str(out))
        assert code == 0 and out.stat().st_size > 0 and str(out) in stdout
    html = (tmp_path / "r.html").read_text("utf-8")
    assert all(t.id in html for t in pack.targets)
    suite = ET.parse(tmp_path / "r.xml").getroot()
    assert len(suite.findall(".//testcase")) == len(pack.targets)
    assert openpyxl.load_workbook(tmp_path / "r.xlsx").sheetnames
