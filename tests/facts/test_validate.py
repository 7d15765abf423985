"""Checking raw records against a metric catalog and the registry (facts/validate.py)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from plancheck.diagnostics import Location, Severity
from plancheck.facts.load import load_facts
from plancheck.facts.loaders import RawRecord, SubmissionKey, read_paths
from plancheck.facts.model import FactSet, Registry
from plancheck.facts.validate import ValueProblem, parse_value, validate, validate_records
from plancheck.rules.model import MetricKind, Pack

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _in_fixtures(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the fixtures folder, so that paths are given relative (as a user types them)."""
    monkeypatch.chdir(FIXTURES)


def _check(paths: list[str], pack: Pack, registry: Registry) -> tuple[FactSet, list[tuple[str, str, int, str]]]:
    facts, diagnostics = validate(read_paths([Path(p) for p in paths]).records, pack, registry)
    return facts, [(d.code, d.location.file, d.location.line, d.location.field) for d in diagnostics]


def _record(value: object, text: str | None = None, quoted: bool = True) -> RawRecord:
    return RawRecord(unit="SO-TTTT", period="2022", metric="m", value=value,  # type: ignore[arg-type]
                     text=str(value) if text is None else text, location=Location("f", 1, "m"),
                     submission=SubmissionKey("f", 0, 1), quoted=quoted)


@pytest.mark.parametrize(
    ("kind", "value", "quoted", "expected"),
    [
        (MetricKind.COUNT, "3.128", True, Fraction(3128)),
        (MetricKind.COUNT, 12, False, Fraction(12)),
        (MetricKind.AMOUNT_VND, "22.639.373.567", True, Fraction(22639373567)),
        (MetricKind.PERCENT, "33,4%", True, Fraction(167, 500)),
        (MetricKind.PERCENT, Decimal("33.4"), False, Fraction(167, 500)),
        (MetricKind.PERCENT, "0,2%", True, Fraction(1, 500)),
        (MetricKind.PERCENT, 100, False, Fraction(1)),
        (MetricKind.NUMBER, "79,75", True, Fraction(319, 4)),
        (MetricKind.YES_NO, "có", True, Fraction(1)),
        (MetricKind.YES_NO, " Không ", True, Fraction(0)),
        (MetricKind.YES_NO, True, False, Fraction(1)),
        (MetricKind.YES_NO, "x", True, Fraction(1)),
        (MetricKind.YES_NO, "đạt", True, Fraction(1)),
        (MetricKind.YES_NO, "chưa đạt", True, Fraction(0)),
        (MetricKind.YES_NO, "0", True, Fraction(0)),
    ],
)
def test_parse_value(kind: MetricKind, value: object, quoted: bool, expected: Fraction) -> None:
    assert parse_value(_record(value, quoted=quoted), kind) == expected


@pytest.mark.parametrize(
    ("kind", "value", "quoted", "code", "words"),
    [
        (MetricKind.COUNT, Decimal("3.128"), False, "F007", ['"3.128"', "3.128"]),
        (MetricKind.COUNT, Decimal("1.000"), False, "F005", ['"1.000"', "1.000"]),
        (MetricKind.NUMBER, Decimal("1.500"), False, "F005", ['"1.500"']),
        (MetricKind.COUNT, "3,5", True, "F007", ["3,5"]),
        (MetricKind.COUNT, "-1", True, "F006", ["-1"]),
        (MetricKind.COUNT, "33%", True, "F005", ["percentage"]),
        (MetricKind.COUNT, True, False, "F005", ["yes/no"]),
        (MetricKind.COUNT, "2.500.000,000", True, "F005", ["N002", "2.500.000,000", "2.500.000.000"]),
        (MetricKind.PERCENT, "1,234", True, "F005", ["N002", "1234"]),
        (MetricKind.COUNT, "1,234,567", True, "F005", ["N003"]),
        (MetricKind.PERCENT, "120%", True, "F008", ["100"]),
        (MetricKind.YES_NO, "maybe", True, "F009", ["maybe"]),
        (MetricKind.YES_NO, 2, False, "F009", ["2"]),
    ],
)
def test_parse_value_refuses(kind: MetricKind, value: object, quoted: bool, code: str, words: list[str]) -> None:
    with pytest.raises(ValueProblem) as info:
        parse_value(_record(value, quoted=quoted), kind)
    assert info.value.code == code
    for word in words:
        assert word in info.value.message + " " + info.value.suggestion


def test_fixture_errors_located_and_good_values_kept(pack: Pack, registry: Registry) -> None:
    facts, errors = _check(["submissions.yaml", "ubnd-cu-jut.json", "communes.csv", "bom_semicolon.csv"],
                           pack, registry)
    assert errors == [
        ("F007", "bom_semicolon.csv", 4, "info_systems_classified"),
        ("F015", "communes.csv", 7, "info_systems_total"),
        ("F005", "communes.csv", 8, "news_items"),
        ("F002", "submissions.yaml", 9, "info_systems_clasified"),
        ("F003", "submissions.yaml", 12, "news_items"),
        ("F007", "submissions.yaml", 16, "info_systems_total"),
        ("F005", "submissions.yaml", 17, "info_systems_classified"),
        ("F008", "submissions.yaml", 18, "online_records_pct"),
        ("F009", "submissions.yaml", 19, "has_document_system"),
        ("F001", "submissions.yaml", 21, "unit"),
        ("F004", "submissions.yaml", 26, "period"),
        ("F005", "ubnd-cu-jut.json", 8, "online_records_pct"),
        ("F006", "ubnd-cu-jut.json", 9, "news_items"),
    ]
    assert sorted((k, v.value) for k, v in facts.values.items()) == [
        (("H-CU-JUT", "2022", "info_systems_classified"), Fraction(15)),
        (("H-CU-JUT", "2022", "info_systems_total"), Fraction(20)),
        (("SO-NOI-VU", "2022", "info_systems_total"), Fraction(7)),
        (("SO-TTTT", "2022", "has_document_system"), Fraction(1)),
        (("SO-TTTT", "2022", "info_systems_total"), Fraction(12)),
        (("SO-TTTT", "2022", "online_records_pct"), Fraction(167, 500)),
        (("SO-TU-PHAP", "2022", "population_density"), Fraction(319, 4)),
        (("SO-Y-TE", "2022-Q3", "info_systems_total"), Fraction(22639)),
        (("SO-Y-TE", "2022-Q3", "online_records_pct"), Fraction(7975, 10000)),
        (("X-CU-JUT-DAK-WIL", "2022", "news_items"), Fraction(52)),
        (("X-CU-JUT-DAK-WIL", "2022", "online_records_pct"), Fraction(91, 200)),
        (("X-CU-JUT-EA-PO", "2022", "news_items"), Fraction(1040)),
    ]
    note = facts.get("H-CU-JUT", "2022", "info_systems_classified")
    assert note is not None and note.source == Location("ubnd-cu-jut.json", 7, "info_systems_classified")
    assert note.raw == "15" and note.submitted_at == "2022-12-30T10:00:00"


def test_suggestions(pack: Pack, registry: Registry) -> None:
    _, diagnostics = validate(read_paths([Path("submissions.yaml")]).records, pack, registry)
    by_code = {d.code: d for d in diagnostics}
    assert by_code["F002"].suggestion == "did you mean `info_systems_classified`?"
    assert by_code["F001"].suggestion == "did you mean `Sở Tư pháp`?"
    assert "department" in by_code["F003"].message and "district, commune" in by_code["F003"].message
    assert "N002" in by_code["F005"].message and "2.500.000.000" in by_code["F005"].message


def test_missing_value_is_not_zero(pack: Pack, registry: Registry) -> None:
    facts, errors = _check(["communes.csv"], pack, registry)
    assert ("F015", "communes.csv", 7, "info_systems_total") in errors
    assert facts.get("X-CU-JUT-TAM-THANG", "2022", "info_systems_total") is None
    assert "X-CU-JUT-TAM-THANG" not in facts.units()


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def test_later_submission_wins_whole(tmp_path: Path, pack: Pack, registry: Registry) -> None:
    _write(tmp_path / "a.yaml", "unit: SO-TTTT\nperiod: '2022'\nsubmitted_at: 2022-11-01\nvalues:\n"
           "  info_systems_total: 10\n")
    _write(tmp_path / "b.yaml", "unit: Sở Thông tin và Truyền thông\nperiod: '2022'\nsubmitted_at: 2022-10-05\n"
           "values:\n  info_systems_total: 12\n  info_systems_classified: 9\n  online_records_pct: 40\n")
    result = validate_records(read_paths([tmp_path]).records, pack, registry)
    total = result.facts.get("SO-TTTT", "2022", "info_systems_total")
    assert total is not None and total.value == 10 and total.source.file == str(tmp_path / "a.yaml")
    assert result.facts.get("SO-TTTT", "2022", "info_systems_classified") is None
    [warning] = result.diagnostics
    assert (warning.code, warning.severity, warning.location) == (
        "F011", Severity.WARNING, Location(str(tmp_path / "b.yaml"), 1))
    assert str(tmp_path / "a.yaml") in warning.message
    assert "info_systems_classified, online_records_pct" in warning.message
    assert result.superseded == 3 and result.rejected == 0


@pytest.mark.parametrize(
    ("first_at", "second_at", "winner"),
    [
        ("2022-10-05", "2022-10-05", "b.yaml"),  # a tie: the later file in path order
        ("", "", "b.yaml"),
        ("2022-10-05T09:00:00+07:00", "2022-10-05T01:00:00Z", "a.yaml"),  # 02:00Z is after 01:00Z
        ("2022-10-06", "", "a.yaml"),  # a submission without a time counts as the earliest
    ],
)
def test_supersession_order(tmp_path: Path, pack: Pack, registry: Registry, first_at: str, second_at: str,
                            winner: str) -> None:
    for name, at, total in (("a.yaml", first_at, 1), ("b.yaml", second_at, 2)):
        stamp = f"submitted_at: '{at}'\n" if at else ""
        _write(tmp_path / name, f"unit: SO-TTTT\nperiod: '2022'\n{stamp}values:\n  info_systems_total: {total}\n")
    facts, diagnostics = validate(read_paths([tmp_path]).records, pack, registry)
    value = facts.get("SO-TTTT", "2022", "info_systems_total")
    assert value is not None and value.source.file == str(tmp_path / winner)
    assert [d.code for d in diagnostics] == ["F011"]


def test_same_submission_repeated_in_one_file(tmp_path: Path, pack: Pack, registry: Registry) -> None:
    _write(tmp_path / "s.yaml", "submissions:\n"
           "  - {unit: SO-TTTT, period: '2022', values: {info_systems_total: 1}}\n"
           "  - {unit: SO-TTTT, period: '2022', values: {info_systems_total: 2}}\n")
    facts, diagnostics = validate(read_paths([tmp_path / "s.yaml"]).records, pack, registry)
    value = facts.get("SO-TTTT", "2022", "info_systems_total")
    assert value is not None and value.value == 2
    assert [(d.code, d.location.line) for d in diagnostics] == [("F011", 2)]


def test_same_metric_twice_keeps_neither(tmp_path: Path, pack: Pack, registry: Registry) -> None:
    _write(tmp_path / "d.yaml", "unit: SO-TTTT\nperiod: '2022'\nvalues:\n  info_systems_total: 1\n"
           "  online_records_pct: 50\n  info_systems_total: 2\n")
    facts, diagnostics = validate(read_paths([tmp_path / "d.yaml"]).records, pack, registry)
    assert [(d.code, d.location.line) for d in diagnostics] == [("F010", 4), ("F010", 6)]
    assert facts.get("SO-TTTT", "2022", "info_systems_total") is None
    assert facts.get("SO-TTTT", "2022", "online_records_pct") is not None


def test_part_above_whole_is_flagged_and_kept(tmp_path: Path, pack: Pack, registry: Registry) -> None:
    _write(tmp_path / "p.csv", "unit,period,metric,value\n"
           "H-KRONG-NO,2022,info_systems_total,12\nH-KRONG-NO,2022,info_systems_classified,15\n")
    facts, diagnostics = validate(read_paths([tmp_path / "p.csv"]).records, pack, registry)
    [warning] = diagnostics
    assert (warning.code, warning.severity, warning.location.line) == ("F012", Severity.WARNING, 3)
    assert "15" in warning.message and "12" in warning.message and ":2" in warning.message
    part = ("H-KRONG-NO", "2022", "info_systems_classified")
    whole = ("H-KRONG-NO", "2022", "info_systems_total")
    assert set(facts.inconsistent) == {part, whole}
    assert facts.values[part].value == 15 and facts.values[whole].value == 12


def test_bad_submitted_at(tmp_path: Path, pack: Pack, registry: Registry) -> None:
    _write(tmp_path / "t.csv", "unit,period,metric,value,submitted_at\n"
           "SO-TTTT,2022,info_systems_total,3,5 tháng 10\nSO-TTTT,2022,online_records_pct,5,2022-10-06\n")
    facts, diagnostics = validate(read_paths([tmp_path / "t.csv"]).records, pack, registry)
    assert [(d.code, d.location.line, d.location.field) for d in diagnostics] == [
        ("F013", 2, "submitted_at"), ("F014", 3, "submitted_at"),
    ]
    assert len(facts) == 2  # metadata errors do not drop the values


# --- one CSV submission per resolved unit and period -------------------------------------------

@pytest.mark.parametrize("other_spelling",
                         ["so-tttt", "Sở Thông tin và Truyền thông", "Sở TT&TT", " sở thông tin  và truyền THÔNG "])
def test_csv_rows_naming_one_unit_two_ways_are_one_submission(tmp_path: Path, pack: Pack, registry: Registry,
                                                              other_spelling: str) -> None:
    _write(tmp_path / "u.csv", "unit,period,metric,value\n"
           "SO-TTTT,2022,info_systems_total,12\n"
           f"\"{other_spelling}\",2022,info_systems_classified,9\n"
           "SO-NOI-VU,2022,info_systems_total,7\n")
    load = load_facts([tmp_path / "u.csv"], pack, registry)
    assert load.diagnostics == []  # no F011: nothing is superseded, nothing dropped
    assert sorted(load.facts.values) == [
        ("SO-NOI-VU", "2022", "info_systems_total"),
        ("SO-TTTT", "2022", "info_systems_classified"),
        ("SO-TTTT", "2022", "info_systems_total"),
    ]
    assert load.submissions == 2 and load.superseded_values == 0 and load.accepted_values == 3


def test_csv_metric_given_under_two_spellings_of_the_unit_is_given_twice(tmp_path: Path, pack: Pack,
                                                                         registry: Registry) -> None:
    _write(tmp_path / "u.csv", "unit,period,metric,value\n"
           "SO-TTTT,2022,info_systems_total,12\nso-tttt,2022,info_systems_total,13\n"
           "so-tttt,2022-Q1,info_systems_total,3\n")
    facts, diagnostics = validate(read_paths([tmp_path / "u.csv"]).records, pack, registry)
    assert [(d.code, d.location.line) for d in diagnostics] == [("F010", 2), ("F010", 3)]
    assert "lines 2, 3" in diagnostics[0].message
    assert facts.get("SO-TTTT", "2022", "info_systems_total") is None
    assert facts.get("SO-TTTT", "2022-Q1", "info_systems_total") is not None  # another period: its own submission


def test_two_submissions_for_one_unit_in_one_yaml_file_warn_as_such(tmp_path: Path, pack: Pack,
                                                                    registry: Registry) -> None:
    _write(tmp_path / "s.yaml", "submissions:\n"
           "  - {unit: SO-TTTT, period: '2022', values: {info_systems_total: 1, online_records_pct: 5}}\n"
           "  - {unit: Sở TT&TT, period: '2022', values: {info_systems_total: 2}}\n")
    load = load_facts([tmp_path / "s.yaml"], pack, registry)
    [warning] = load.diagnostics
    assert (warning.code, warning.severity, warning.location.line) == ("F011", Severity.WARNING, 2)
    assert "this file holds 2 submissions for SO-TTTT 2022" in warning.message
    assert "line 3" in warning.message and "online_records_pct" in warning.message
    assert "one submission per unit and period" in warning.suggestion
    value = load.facts.get("SO-TTTT", "2022", "info_systems_total")
    assert value is not None and value.value == 2
    assert load.submissions == 2 and load.superseded_values == 2


# --- submitted_at: Vietnamese dates, Vietnam time, and competing submissions ---------------------

@pytest.mark.parametrize(
    ("first_at", "second_at", "winner"),
    [
        ("05/10/2022", "2022-10-04", "a.yaml"),  # dd/mm/yyyy: 5 October, not 10 May
        ("5/1/2023", "2023-01-04T23:59", "a.yaml"),  # d/m/yyyy
        ("05/10/2022 14:30", "05/10/2022 09:05", "a.yaml"),
        ("05/10/2022 14:30", "2022-10-05T14:31", "b.yaml"),
        # A naive time is Vietnam time: 18:00 +07:00 is 11:00Z, before 17:00Z.
        ("2023-01-14T18:00", "2023-01-15T00:00+07:00", "b.yaml"),
        ("14/01/2023 18:00", "2023-01-14T12:00:00Z", "b.yaml"),
        ("2023-01-14", "2023-01-13T17:30:00Z", "b.yaml"),  # midnight in Vietnam is 17:00Z the day before
    ],
)
def test_submitted_at_vietnamese_formats_and_vietnam_time(tmp_path: Path, pack: Pack, registry: Registry,
                                                          first_at: str, second_at: str, winner: str) -> None:
    for name, at, total in (("a.yaml", first_at, 1), ("b.yaml", second_at, 2)):
        _write(tmp_path / name, f"unit: SO-TTTT\nperiod: '2022'\nsubmitted_at: '{at}'\nvalues:\n"
               f"  info_systems_total: {total}\n")
    facts, diagnostics = validate(read_paths([tmp_path]).records, pack, registry)
    value = facts.get("SO-TTTT", "2022", "info_systems_total")
    assert value is not None and value.source.file == str(tmp_path / winner)
    assert [d.code for d in diagnostics] == ["F011"]


def test_unreadable_submitted_at_of_a_single_submission_is_a_warning(tmp_path: Path, pack: Pack,
                                                                     registry: Registry) -> None:
    _write(tmp_path / "t.yaml", "unit: SO-TTTT\nperiod: '2022'\nsubmitted_at: ngày 5 tháng 10\nvalues:\n"
           "  info_systems_total: 3\n")
    facts, diagnostics = validate(read_paths([tmp_path / "t.yaml"]).records, pack, registry)
    [warning] = diagnostics
    assert (warning.code, warning.severity, warning.location.line) == ("F013", Severity.WARNING, 3)
    assert "05/10/2022" in warning.suggestion
    assert len(facts) == 1


def _submission(path: Path, at: str | None, total: int) -> None:
    stamp = f"submitted_at: '{at}'\n" if at is not None else ""
    _write(path, f"unit: SO-TTTT\nperiod: '2022'\n{stamp}values:\n  info_systems_total: {total}\n"
           "  online_records_pct: 5\n")


def test_unreadable_submitted_at_loses_to_the_one_readable_time(tmp_path: Path, pack: Pack,
                                                                registry: Registry) -> None:
    _submission(tmp_path / "a.yaml", "2022-10-05", 1)
    _submission(tmp_path / "b.yaml", "hôm qua", 2)  # perhaps later, perhaps not: it cannot be used
    _submission(tmp_path / "c.yaml", None, 3)  # no time: the earliest, as ever
    load = load_facts([tmp_path], pack, registry)
    got = [(d.code, d.severity, Path(d.location.file).name, d.location.line) for d in load.diagnostics]
    assert got == [
        ("F013", Severity.ERROR, "b.yaml", 3),
        ("F011", Severity.WARNING, "c.yaml", 1),
    ]
    assert "a.yaml:1" in load.diagnostics[0].message and "not used" in load.diagnostics[0].message
    value = load.facts.get("SO-TTTT", "2022", "info_systems_total")
    assert value is not None and value.value == 1
    assert load.rejected_values == 2 and load.superseded_values == 2 and not load.ok


@pytest.mark.parametrize(
    ("times", "located"),
    [
        (["hôm qua", None], [("a.yaml", 3), ("b.yaml", 1)]),
        (["hôm qua", "32/10/2022"], [("a.yaml", 3), ("b.yaml", 3)]),
        (["hôm qua", "2022-10-05", "2022-10-06"], [("a.yaml", 3), ("b.yaml", 3), ("c.yaml", 3)]),
    ],
)
def test_unreadable_submitted_at_that_cannot_be_ordered_keeps_neither(
        tmp_path: Path, pack: Pack, registry: Registry, times: list[str | None],
        located: list[tuple[str, int]]) -> None:
    for name, at, total in zip(("a.yaml", "b.yaml", "c.yaml"), times, (1, 2, 3), strict=False):
        _submission(tmp_path / name, at, total)
    load = load_facts([tmp_path], pack, registry)
    assert [(d.code, d.severity, Path(d.location.file).name, d.location.line) for d in load.diagnostics] == [
        ("F013", Severity.ERROR, name, line) for name, line in located
    ]
    assert all("cannot be decided" in d.message for d in load.diagnostics)
    assert len(load.facts) == 0
    assert load.rejected_values == 2 * len(times) and load.superseded_values == 0


def test_vietnamese_grouping_regex_is_the_one_of_numbers() -> None:
    from plancheck.facts import numbers
    from plancheck.facts import validate as validate_module

    assert numbers.VN_GROUPED.match("22.639.373.567") and not numbers.VN_GROUPED.match("3.1")
    assert validate_module.VN_GROUPED is numbers.VN_GROUPED
    assert not hasattr(validate_module, "_GROUPED") and not hasattr(numbers, "_VN_GROUPED")
