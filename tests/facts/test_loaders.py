"""Reading submission files: YAML, JSON, CSV, directories; every error with file, line, field."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from plancheck.diagnostics import Severity
from plancheck.facts.loaders import RawRecord, ReadResult, read_file, read_paths

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _in_fixtures(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the fixtures folder, so that paths are given relative (as a user types them)."""
    monkeypatch.chdir(FIXTURES)


def _errors(result: ReadResult) -> list[tuple[str, str, int, str]]:
    return [(d.code, d.location.file, d.location.line, d.location.field) for d in result.diagnostics]


def _by_line(result: ReadResult) -> dict[int, RawRecord]:
    return {r.location.line: r for r in result.records}


def test_yaml_list_of_submissions() -> None:
    result = read_file(Path("submissions.yaml"))
    assert result.files == ["submissions.yaml"]
    assert result.submissions == 6
    assert _errors(result) == [
        ("F023", "submissions.yaml", 29, "period"),
        ("F026", "submissions.yaml", 30, "periode"),
        ("F026", "submissions.yaml", 37, "info_systems_classified"),
        ("F022", "submissions.yaml", 38, "online_records_pct"),
    ]
    assert result.diagnostics[1].suggestion == "did you mean `period`?"
    assert result.diagnostics[2].suggestion == "did you mean `value`?"
    records = _by_line(result)
    assert sorted(records) == [8, 9, 10, 11, 12, 16, 17, 18, 19, 20, 24, 28, 36]
    first = records[8]
    assert (first.unit, first.period, first.metric, first.value) == ("SO-TTTT", "2022", "info_systems_total", 12)
    assert (first.submitted_by, first.submitted_at) == ("Nguyễn Văn A", "2022-10-05")
    assert first.unit_location.line == 3 and first.submission.line == 3
    # Raw values as the file typed them; nothing interpreted yet.
    assert records[10].value == "33,4%" and records[10].quoted
    assert records[16].value == Decimal("3.128") and not records[16].quoted and records[16].text == "3.128"
    assert records[17].value == "2.500.000,000"
    assert records[18].period == "2022"  # an unquoted year is still the period text
    assert (records[20].value, records[20].note) == ("79,75", "Niên giám thống kê 2021")
    # The good value of a submission with a bad one is kept, with its note.
    assert (records[36].unit, records[36].value, records[36].note) == ("SO-NOI-VU", 7, "trang 3")


def test_json_keeps_lines_and_notes() -> None:
    result = read_file(Path("ubnd-cu-jut.json"))
    assert result.diagnostics == []
    records = _by_line(result)
    assert sorted(records) == [6, 7, 8, 9]
    assert records[6].value == 20 and records[6].location.field == "info_systems_total"
    assert (records[7].value, records[7].note) == ("15", "Báo cáo số 12/BC-UBND")  # a tab-indented line
    assert records[9].value == -4
    assert records[9].submitted_at == "2022-12-30T10:00:00"


def test_csv_comma() -> None:
    result = read_file(Path("communes.csv"))
    assert _errors(result) == [
        ("F025", "communes.csv", 6, ""),
        ("F023", "communes.csv", 9, "unit"),
    ]
    records = _by_line(result)
    assert sorted(records) == [2, 3, 5, 7, 8]  # line 4 is blank
    assert records[3].value == "45,5%" and records[3].note == "sổ theo dõi"
    assert records[3].location.field == "online_records_pct"
    assert records[5].unit == "UBND xã Ea Pô" and records[5].value == "1.040"
    assert records[7].value == ""  # blank: validate decides it is not reported
    # Rows of one (unit, period) form one submission: three units, three submissions.
    assert result.submissions == 3
    assert records[2].submission == records[3].submission != records[5].submission


def test_csv_bom_and_semicolons() -> None:
    result = read_file(Path("bom_semicolon.csv"))
    assert result.diagnostics == []
    assert [(r.location.line, r.unit, r.period, r.metric, r.value) for r in result.records] == [
        (2, "SO-Y-TE", "2022-Q3", "online_records_pct", "79,75"),
        (3, "SO-Y-TE", "2022-Q3", "info_systems_total", "22.639"),
        (4, "SO-Y-TE", "2022-Q3", "info_systems_classified", "12,5"),
    ]


def test_csv_missing_columns_is_one_error() -> None:
    result = read_file(Path("missing_column.csv"))
    assert _errors(result) == [("F024", "missing_column.csv", 1, "")]
    assert "period, value" in result.diagnostics[0].message
    assert result.records == []


def test_broken_yaml_is_a_diagnostic_with_a_line() -> None:
    result = read_file(Path("broken.yaml"))
    assert _errors(result) == [("F021", "broken.yaml", 5, "")]
    assert "line 4" in result.diagnostics[0].message
    assert result.records == []


def test_directory_recursive_sorted_known_extensions_only() -> None:
    result = read_paths([Path("dir")])
    assert result.files == ["dir/2022/communes.csv", "dir/2022/so-tttt.yaml", "dir/a.json"]
    assert result.diagnostics == []
    assert [(r.unit, r.value) for r in result.records] == [
        ("X-TUY-DUC-QUANG-TAM", "40"), ("X-TUY-DUC-QUANG-TAN", "41"), ("SO-TTTT", 12), ("SO-Y-TE", 4),
    ]
    assert result.submissions == 4


def test_many_paths_errors_sorted_and_missing_path() -> None:
    result = read_paths([Path("submissions.yaml"), Path("nope.csv"), Path("broken.yaml")])
    assert [(d.code, d.location.file) for d in result.diagnostics][:2] == [
        ("F021", "broken.yaml"), ("F020", "nope.csv"),
    ]
    assert result.diagnostics == sorted(result.diagnostics, key=lambda d: d.sort_key())
    assert len(result.records) == 13


@pytest.mark.parametrize(
    ("name", "content", "code", "line"),
    [
        ("latin1.csv", "unit,period,metric,value\nS\xd4,2022,a,1\n".encode("latin-1"), "F021", 2),
        ("notes.txt", b"hello", "F021", 0),
        ("two.yaml", b"unit: A\n---\nunit: B\n", "F021", 2),
        ("scalar.yaml", b"just text\n", "F022", 1),
        ("nolist.yaml", b"submissions: 3\n", "F022", 1),
        ("novalues.yaml", b"unit: SO-TTTT\nperiod: '2022'\n", "F023", 1),
        ("emptyvalues.yaml", b"unit: SO-TTTT\nperiod: '2022'\nvalues: {}\n", "F027", 3),
        ("empty.yaml", b"", "F027", 0),
        ("extra.csv", b"unit,period,metric,value,colour\nA,2022,m,1,red\n", "F027", 1),
    ],
)
def test_small_file_problems(tmp_path: Path, name: str, content: bytes, code: str, line: int) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = read_paths([path])
    assert [(d.code, d.location.line) for d in result.diagnostics] == [(code, line)]
    assert result.diagnostics[0].location.file == str(path)
    if code == "F027":
        assert result.diagnostics[0].severity is Severity.WARNING


def test_top_level_list_and_null_fields(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text(
        "- unit: SO-TTTT\n  period: '2022'\n  submitted_by: ~\n  values: {a: 1, b: ~, c: true}\n",
        encoding="utf-8",
    )
    result = read_paths([path])
    assert result.diagnostics == []
    assert [(r.metric, r.value, r.quoted) for r in result.records] == [
        ("a", 1, False), ("b", None, False), ("c", True, False),
    ]
    assert result.records[0].submitted_by == ""
