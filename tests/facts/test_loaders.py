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
    # README.md is skipped silently; notes.txt may be a submission saved as text: it is named.
    assert [(d.code, d.severity, d.location.file) for d in result.diagnostics] == [
        ("F028", Severity.WARNING, "dir/notes.txt"),
    ]
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


# --- files a folder holds that are not read ---------------------------------------------------

@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("SO-B.XLS", ["Excel 97-2003 (.xls) spreadsheets are not read", "save it as an Excel Workbook (.xlsx)"]),
        ("data.ods", ["OpenDocument (.ods)", "save it as an Excel Workbook (.xlsx)"]),
        ("SO-B.xlsx.bak", ["does not end in '.xlsx'", "rename it to SO-B.xlsx"]),
        ("x.yml.txt", ["'x.yml.txt' does not end in '.yml'", "rename it to x.yml"]),
        ("so-tttt.yaml.bak", ["does not end in '.yaml'", "rename it to so-tttt.yaml"]),
        ("communes.csv.old", ["rename it to communes.csv"]),
        ("a.JSON~", ["rename it to a.JSON"]),
        ("ghi-chu.txt", [".yaml, .yml, .json, .csv and .xlsx"]),
        ("b.tsv", ["tab-separated", "CSV"]),
        ("c.xml", ["XML"]),
    ],
)
def test_skipped_data_file_is_named(tmp_path: Path, name: str, words: list[str]) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / name).write_bytes(b"unit,period,metric,value\n")
    (tmp_path / "ok.csv").write_text("unit,period,metric,value\nSO-TTTT,2022,m,1\n", encoding="utf-8")
    result = read_paths([tmp_path])
    [warning] = result.diagnostics
    assert (warning.code, warning.severity) == ("F028", Severity.WARNING)
    assert warning.location.file == str(tmp_path / "sub" / name)
    assert "not read" in warning.message
    for word in words:
        assert word in f"{warning.message} ({warning.suggestion})"
    assert result.files == [str(tmp_path / "ok.csv")]


def test_readme_markdown_and_hidden_files_are_skipped_silently(tmp_path: Path) -> None:
    for name in ("README", "README.txt", "readme.md", "notes.md", ".hidden.yaml", ".~lock.SO-B.xlsx#",
                 "~$SO-B.xlsx", "photo.jpg"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.csv.orig").write_bytes(b"x")
    (tmp_path / "a.csv").write_text("unit,period,metric,value\nSO-TTTT,2022,m,1\n", encoding="utf-8")
    result = read_paths([tmp_path])
    assert result.diagnostics == [] and result.files == [str(tmp_path / "a.csv")]


def test_folder_without_submission_files(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "excel").mkdir()
    (tmp_path / "excel" / "README.md").write_text("Số liệu", encoding="utf-8")
    (tmp_path / "excel" / "SO-B.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "a.csv").write_text("unit,period,metric,value\nSO-TTTT,2022,m,1\n", encoding="utf-8")
    result = read_paths([tmp_path / "empty", tmp_path / "excel", tmp_path / "a.csv"])
    assert [(d.code, d.severity, d.location.file) for d in result.diagnostics] == [
        ("F029", Severity.WARNING, str(tmp_path / "empty")),
        ("F029", Severity.WARNING, str(tmp_path / "excel")),
        ("F028", Severity.WARNING, str(tmp_path / "excel" / "SO-B.xls")),
    ]
    assert result.diagnostics[0].message == f"no submission files found in {tmp_path / 'empty'}"
    assert len(result.records) == 1


def test_no_submission_files_in_any_path_given(tmp_path: Path) -> None:
    result = read_paths([tmp_path / "nope", tmp_path / "nope.csv"])
    assert [(d.code, d.severity) for d in result.diagnostics] == [
        ("F029", Severity.WARNING), ("F020", Severity.ERROR), ("F020", Severity.ERROR),
    ]
    assert result.diagnostics[0].message == (
        f"no submission files found in {tmp_path / 'nope'}, {tmp_path / 'nope.csv'}")
    assert [d.code for d in read_paths([]).diagnostics] == ["F029"]


def test_old_excel_file_given_by_name_says_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "SO-B.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    [error] = read_paths([tmp_path / "SO-B.xls"]).diagnostics
    assert error.code == "F021" and "save it as an Excel Workbook (.xlsx)" in error.suggestion


# --- YAML read by ruamel's C composer, with the lines of the pure-Python one ---------------------

def _all_yaml_texts() -> list[tuple[str, str]]:
    from plancheck.facts import SAMPLES_DIR

    files = sorted([*SAMPLES_DIR.rglob("*.yaml"), *SAMPLES_DIR.rglob("*.json"), *FIXTURES.rglob("*.yaml"),
                    *FIXTURES.rglob("*.json")])
    texts = [(p.name, p.read_text(encoding="utf-8-sig")) for p in files]
    edge = [
        "unit: SO-TTTT\nperiod: '2022'\nvalues:\n  a:\n  b: 2\n  c:   # blank\n  d: {value: , note: x}\n  e:\n",
        "unit: SO-TTTT\nperiod: '2022'\nnote: >\n  một\n  hai\nvalues:\n  a: {value: 1, note: |\n    x\n    y\n  }\n",
        "unit: SO-TTTT\nperiod: 2022\nvalues: {a: 3.128, b: 0x1F, c: 1_000, d: yes, e: ~, f: 2022-10-05, g: .5}\n",
        "%YAML 1.1\n---\nunit: SO-TTTT\nperiod: '2022'\nvalues: {a: yes, b: 010}\n",
        "unit: &u SO-TTTT\nperiod: '2022'\nvalues: {a: !!str 12, b: *u}\n",
        "unit: SO-TTTT\r\nperiod: '2022'\r\nvalues:\r\n  a: 1\r\n",
        "unit: SO-TTTT\nperiod: '2022'\nvalues:\n\ta: 1\n",
        "unit: SO-TTTT\nperiod: [2022\nvalues:\n  a: 1\n",
        "unit: SO-TTTT\nperiod: '2022'\nvalues:\n  a: b: c\n",
        "- {unit: SO-TTTT, period: '2022', values: {a: 1}}\n- just text\n",
        "", "# only a comment\n", "unit: A\n---\nunit: B\n", "unit: 'x\n",
    ]
    return texts + [(f"edge{i}.yaml", t) for i, t in enumerate(edge)]


def test_c_composer_reads_exactly_what_the_pure_parser_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    from plancheck.facts import yaml_loader

    texts = _all_yaml_texts()
    fast = []
    for name, text in texts:
        out = ReadResult()
        yaml_loader.read_yaml(text, name, out)
        fast.append(out)
    monkeypatch.setattr(yaml_loader, "_compose_c", lambda text: yaml_loader._NOT_COMPOSED)
    for (name, text), got in zip(texts, fast, strict=True):
        out = ReadResult()
        yaml_loader.read_yaml(text, name, out)
        assert (got.records, got.diagnostics, got.submissions) == (out.records, out.diagnostics, out.submissions), name


def test_c_composer_reads_the_bundled_samples(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pure-Python parser is only a fallback: the bundled submissions never need it."""
    from plancheck.facts import SAMPLES_DIR, yaml_loader

    def refuse(text: str) -> None:
        raise AssertionError("the pure-Python parser was used")

    monkeypatch.setattr(yaml_loader, "_compose_pure", refuse)
    result = read_paths([SAMPLES_DIR])
    assert result.records and not [d for d in result.diagnostics if d.code == "F021"]


def test_empty_yaml_value_is_located_at_its_key(tmp_path: Path) -> None:
    path = tmp_path / "e.yaml"
    path.write_text("unit: SO-TTTT\nperiod: '2022'\nvalues:\n  a:\n\n  b: 2\n  c:\n", encoding="utf-8")
    assert [(r.metric, r.value, r.location.line) for r in read_paths([path]).records] == [
        ("a", None, 4), ("b", 2, 6), ("c", None, 7),
    ]


def test_folded_note_is_read_as_yaml_folds_it(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("unit: SO-TTTT\nperiod: '2022'\nvalues:\n  a:\n    value: 1\n    note: >-\n"
                    "      số liệu\n      sơ bộ\n", encoding="utf-8")
    [record] = read_paths([path]).records
    assert record.note == "số liệu sơ bộ"
