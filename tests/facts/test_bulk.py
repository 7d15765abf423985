"""The table loader against the file loader: ``load_fact_table`` gives what ``load_facts`` gives
(the values with every field, the flags, the diagnostics in order, the counts) on any input; it
reads the plain CSV files itself and leaves every other file, and every file whose unit and period
another file also submits, to the file loader."""

from __future__ import annotations

import csv
import importlib.util
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plancheck.facts import DEFAULT_FACTS, DEFAULT_REGISTRY, SAMPLES_DIR
from plancheck.facts.bulk import TableLoad, load_fact_table
from plancheck.facts.load import load_facts
from plancheck.facts.model import Registry
from plancheck.facts.registry import load_registry
from plancheck.rules import DEFAULT_PACK, PACKS_DIR
from plancheck.rules.loader import load_pack
from plancheck.rules.model import Pack

FIXTURES = Path(__file__).parent / "fixtures"
GENERATOR = Path(__file__).parents[2] / "benchmarks" / "generate.py"
COUNTS = ("files", "submissions", "accepted_values", "rejected_values", "superseded_values", "blank_values",
          "records")
HEADER = "unit,period,metric,value,submitted_by,submitted_at\n"


def assert_same(paths: list[Path], pack: Pack, registry: Registry) -> TableLoad:
    """``load_fact_table`` of ``paths`` gives exactly what ``load_facts`` gives."""
    expected = load_facts(paths, pack, registry)
    got = load_fact_table(paths, pack, registry)
    facts = got.table.to_factset()
    assert facts.values == expected.facts.values
    assert facts.inconsistent == expected.facts.inconsistent
    assert got.diagnostics == expected.diagnostics
    assert {c: getattr(got, c) for c in COUNTS} == {c: getattr(expected, c) for c in COUNTS}
    assert got.ok == expected.ok
    assert got.fast_files + got.slow_files == len(got.files)
    assert got.to_fact_load() == expected
    return got


def _pack(path: Path) -> Pack:
    pack, diagnostics = load_pack(path)
    assert pack is not None, diagnostics
    return pack


def _row(metric: str, value: str, unit: str = "H-CU-JUT", period: str = "2022", at: str = "2022-12-30",
         by: str = "Phòng VH-TT") -> str:
    return f"{unit},{period},{metric},{value},{by},{at}\n"


def _clean(unit: str = "X-CU-JUT-DAK-WIL", period: str = "2022", at: str = "2022-12-30") -> str:
    """A plain submission of a district or commune (the tiny pack of conftest)."""
    return HEADER + "".join(_row(m, v, unit, period, at) for m, v in [
        ("info_systems_total", "10"), ("info_systems_classified", "7"), ("online_records_pct", '"33,4%"'),
        ("news_items", "52"), ("population_density", '"1.234,5"')])


def _write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_bytes(text.encode("utf-8"))
    return path


# --- the bundled samples and the benchmark's generated data -----------------------------------------

def test_the_bundled_samples() -> None:
    registry, _ = load_registry(DEFAULT_REGISTRY)
    got = assert_same([DEFAULT_FACTS], _pack(DEFAULT_PACK), registry)
    # The communes' CSV files (2022 and the 2021 baseline) are plain; YAML and JSON are not read here.
    assert (got.fast_files, got.slow_files) == (16, 55)
    assert got.diagnostics and got.table.flagged  # F012 of SO-LD-TBXH, from a YAML file


def test_the_2021_report() -> None:
    registry, _ = load_registry(DEFAULT_REGISTRY)
    got = assert_same([SAMPLES_DIR / "dak-nong-2021-report"], _pack(PACKS_DIR / "dak-nong-2021-report.yaml"),
                      registry)
    assert (got.fast_files, got.slow_files) == (0, 1) and len(got.table) > 0


def test_the_test_fixtures(pack: Pack, registry: Registry) -> None:
    got = assert_same([FIXTURES], pack, registry)
    assert got.slow_files > 0 and not got.ok


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Pack, Registry]:
    """The benchmark's data at 40 units (about 13,000 values in 40 CSV files)."""
    spec = importlib.util.spec_from_file_location("benchmark_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path_factory.mktemp("generated") / "u40"
    module.generate(40, 2022, out)
    registry, diagnostics = load_registry(out / "registry.yaml")
    assert diagnostics == []
    return out, _pack(out / "pack.yaml"), registry


def test_generated_data_is_read_plain(generated: tuple[Path, Pack, Registry]) -> None:
    out, pack, registry = generated
    got = assert_same([out / "submissions"], pack, registry)
    assert (got.fast_files, got.slow_files) == (40, 0)
    assert got.ok and got.records == len(got.table) > 10_000


@pytest.mark.parametrize("resent_at", ["2023-02-01T08:00", "2022-01-01"])
def test_generated_data_with_resubmissions(generated: tuple[Path, Pack, Registry], tmp_path: Path,
                                           resent_at: str) -> None:
    """A district sends its quarter again, later or earlier than the first time, with one figure
    changed: its two files are decided by the file loader, the other 38 stay plain."""
    out, pack, registry = generated
    first = out / "submissions" / "2022-Q2" / "H-0003.csv"
    rows = list(csv.reader(io.StringIO(first.read_text(encoding="utf-8"))))
    for row in rows[1:]:
        row[5] = resent_at
    changed = next(row for row in rows[1:] if row[3].isdigit())
    changed[3] = str(int(changed[3]) + 1)
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    resent = _write(tmp_path, "resent/H-0003.csv", text.getvalue())
    got = assert_same([out / "submissions", resent], pack, registry)
    assert (got.fast_files, got.slow_files) == (39, 2)
    assert got.superseded_values > 0


# --- what takes a file off the fast path --------------------------------------------------------------

NOT_PLAIN: dict[str, str | bytes] = {
    "a unit by its name": HEADER + _row("info_systems_total", "10", unit="UBND huyện Cư Jút"),
    "a unit id in lower case": HEADER + _row("info_systems_total", "10", unit="h-cu-jut"),
    "an unknown unit": HEADER + _row("info_systems_total", "10", unit="H-NOWHERE"),
    "a bad period": HEADER + _row("info_systems_total", "10", period="2022-Q5"),
    "an unknown metric": HEADER + _row("info_system_total", "10"),
    "a metric of another level": HEADER + _row("it_budget_vnd", "10"),
    "a metric in upper case": HEADER + _row("INFO_SYSTEMS_TOTAL", "10"),
    "a blank value": HEADER + _row("info_systems_total", ""),
    "a bad number": HEADER + _row("info_systems_total", "mười"),
    "an ambiguous number": HEADER + _row("info_systems_total", '"2.500.000,000"'),
    "a negative number": HEADER + _row("info_systems_total", "-3"),
    "a count that is not whole": HEADER + _row("info_systems_total", '"3,5"'),
    "a percentage for a count": HEADER + _row("info_systems_total", "12%"),
    "a percentage above 100": HEADER + _row("online_records_pct", "120%"),
    "not yes or no": HEADER + _row("has_document_system", "chắc", unit="SO-TTTT"),
    "a metric twice in a submission": HEADER + _row("news_items", "5") + _row("news_items", "5"),
    "rows that disagree on submitted_at": HEADER + _row("news_items", "5")
    + _row("info_systems_total", "10", at="2022-12-31"),
    "a submitted_at given in one row only": HEADER + _row("news_items", "5") + _row("info_systems_total", "10", at=""),
    "an unreadable submitted_at": HEADER + _row("news_items", "5", at="hôm qua"),
    "a part above its whole": HEADER + _row("info_systems_total", "10") + _row("info_systems_classified", "12"),
    "an unknown column": HEADER.replace("\n", ",ghi_chu\n") + _row("news_items", "5").replace("\n", ",x\n"),
    "a column twice": "unit,period,metric,value,value\nH-CU-JUT,2022,news_items,5,6\n",
    "a row with more cells than the header": HEADER + _row("online_records_pct", "33,4%"),
    "a row without a metric": HEADER + _row("", "5"),
    "a header without value": "unit,period,metric\nH-CU-JUT,2022,news_items\n",
    "an empty file": "",
    "blank lines only": "\n \n",
    "not UTF-8": (HEADER + _row("news_items", "5", by="Phòng")).encode("latin-1"),
}


@pytest.mark.parametrize("text", NOT_PLAIN.values(), ids=NOT_PLAIN.keys())
def test_a_file_that_is_not_plain(tmp_path: Path, pack: Pack, registry: Registry, text: str | bytes) -> None:
    _write(tmp_path, "a.csv", _clean())
    _write(tmp_path, "b.csv", text)
    got = assert_same([tmp_path], pack, registry)
    assert (got.fast_files, got.slow_files) == (1, 1)


STILL_PLAIN: dict[str, str] = {
    "semicolons, an unquoted decimal comma": HEADER.replace(",", ";")
    + _row("online_records_pct", "33,4%").replace(",", ";").replace("33;4%", "33,4%"),
    "a BOM and CRLF": "\ufeff" + (HEADER + _row("news_items", "5")).replace("\n", "\r\n"),
    "blank lines and rows of empty cells": "\n\n" + HEADER + "\n" + _row("news_items", "5") + ",,,,,\n , , \n"
    + _row("info_systems_total", "9") + "\n",
    "a row of empty cells": HEADER + _row("news_items", "5") + ",,,,,\n" + _row("info_systems_total", "9"),
    "spaces around the cells": HEADER + " H-CU-JUT , 2022 , news_items , 5 , Phòng , 2022-12-30 \n",
    "a header in capitals, reordered, no optional column": "VALUE,Metric,UNIT,period\n5,news_items,H-CU-JUT,2022\n",
    "short rows": HEADER + "H-CU-JUT,2022,news_items,5\nH-CU-JUT,2022,info_systems_total,9,Phòng\n",
    "a note over two lines": HEADER.replace("\n", ",note\n") + _row("news_items", "5").replace("\n", ',"a\nb"\n')
    + _row("info_systems_total", "9").replace("\n", ",\n"),
    "a header and no rows": HEADER,
    "no submitted_at": HEADER + _row("news_items", "5", at="") + _row("info_systems_total", "9", at=""),
    "a Vietnamese date and time": HEADER + _row("news_items", "5", at="30/12/2022 14:30"),
    "a part equal to its whole": HEADER + _row("info_systems_total", "10") + _row("info_systems_classified", "10"),
    "several units and periods": _clean("H-CU-JUT") + _clean("H-CU-JUT", "2022-Q4").removeprefix(HEADER)
    + _clean("X-CU-JUT-EA-TLING", at="2023-01-02T10:00+07:00").removeprefix(HEADER),
}


@pytest.mark.parametrize("text", STILL_PLAIN.values(), ids=STILL_PLAIN.keys())
def test_a_plain_file(tmp_path: Path, pack: Pack, registry: Registry, text: str) -> None:
    _write(tmp_path, "a.csv", _clean())
    _write(tmp_path, "b.CSV", text)
    got = assert_same([tmp_path], pack, registry)
    assert (got.fast_files, got.slow_files) == (2, 0)


# --- one unit and period in two files -------------------------------------------------------------------

_YAML = """unit: X-CU-JUT-DAK-WIL
period: "2022"
submitted_at: {at}
values:
  news_items: 60
"""
COMPETING: dict[str, tuple[str, str]] = {
    "the second file later": (_clean(at="2022-12-30"), _clean(at="2023-01-05")),
    "the second file earlier": (_clean(at="2023-01-05"), _clean(at="2022-12-30")),
    "the same time": (_clean(), _clean()),
    "one without a time": (_clean(at=""), _clean()),
    "one with an unreadable time": (_clean(), _clean(at="hôm qua")),
    "both with unreadable times": (_clean(at="?"), _clean(at="hôm qua")),
    "the unit by name in the other file": (_clean(), _clean(at="2023-01-05").replace("X-CU-JUT-DAK-WIL,",
                                                                                         "UBND xã Đắk Wil,")),
    "one group of two shared": (_clean() + _clean("H-CU-JUT").removeprefix(HEADER), _clean(at="2023-01-05")),
}


@pytest.mark.parametrize(("first", "second"), COMPETING.values(), ids=COMPETING.keys())
def test_competing_csv_files(tmp_path: Path, pack: Pack, registry: Registry, first: str, second: str) -> None:
    _write(tmp_path, "a.csv", first)
    _write(tmp_path, "b.csv", second)
    _write(tmp_path, "c.csv", _clean("X-CU-JUT-EA-TLING"))
    got = assert_same([tmp_path], pack, registry)
    assert (got.fast_files, got.slow_files) == (1, 2)


@pytest.mark.parametrize("at", ["2023-01-05", "2022-12-01", "hôm qua"])
def test_a_plain_file_and_a_yaml_file(tmp_path: Path, pack: Pack, registry: Registry, at: str) -> None:
    _write(tmp_path, "a.csv", _clean())
    _write(tmp_path, "b.yaml", _YAML.format(at=at))
    _write(tmp_path, "c.csv", _clean("X-CU-JUT-EA-TLING"))
    got = assert_same([tmp_path], pack, registry)
    assert (got.fast_files, got.slow_files) == (1, 2)


def test_a_folder_given_twice(tmp_path: Path, pack: Pack, registry: Registry) -> None:
    _write(tmp_path, "a.csv", _clean())
    got = assert_same([tmp_path, tmp_path], pack, registry)
    assert (got.fast_files, got.slow_files) == (0, 2)


# --- paths ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("extra", [["missing"], ["empty"], ["notes"], ["missing", "empty"], ["file.csv"], []])
def test_paths_as_read_paths_reads_them(tmp_path: Path, pack: Pack, registry: Registry, extra: list[str]) -> None:
    data = tmp_path / "data"
    _write(data, "a.csv", _clean())
    _write(data, "README.md", "# notes")
    (tmp_path / "empty").mkdir()
    _write(tmp_path / "empty", "sheet.xlsx", b"PK")
    _write(tmp_path, "notes/b.txt", "unit,period")
    _write(tmp_path, "file.csv", _clean("X-CU-JUT-EA-TLING"))
    paths = [tmp_path / name for name in extra]
    assert_same([data, *paths], pack, registry)
    assert_same(paths, pack, registry)
    assert_same(paths[::-1], pack, registry)


# --- random sets of files, clean and dirty -------------------------------------------------------------------

_UNITS = {"SO-TTTT": "department", "SO-NOI-VU": "department", "H-CU-JUT": "district", "H-DAK-MIL": "district",
          "X-CU-JUT-DAK-WIL": "commune", "X-DAK-MIL-DAK-GAN": "commune"}
_NAMES = {"SO-TTTT": "Sở TT&TT", "H-CU-JUT": "UBND huyện Cư Jút", "X-CU-JUT-DAK-WIL": "xã Đắk Wil"}
_GOOD = {"count": ["0", "7", "12", "1.234"], "percent": ["33,4%", "70", "100%"], "yes_no": ["có", "không", "yes"],
         "number": ["12,5", "3.128", "0"]}
_TIMES = ["2022-12-30", "2023-01-05T10:00", "30/12/2022 14:30", "", "hôm qua"]
_COLUMNS = ["unit", "period", "metric", "value", "submitted_by", "submitted_at", "note"]
_CHANGES: dict[str, list[str]] = {  # a column -> what may replace one of its cells
    "unit": ["h-cu-jut", "H-NOWHERE", " SO-TTTT ", "", *_NAMES.values()],
    "period": ["2022-Q5", " 2022 ", "2022-Q1"],
    "metric": ["INFO_SYSTEMS_TOTAL", "unknown_metric", "it_budget_vnd", " news_items ", "has_document_system"],
    "value": ["", "abc", "-3", "2.500.000,000", "1,234", "3,5", "120%", " 7 ", "10000"],
    "submitted_at": ["hôm qua", "2022-13-45", "2023-01-05T10:00", "30/12/2022", "2022-11-30T08:00", ""],
    "note": ["a\nb", "ghi chú"],
}


@st.composite
def _csv_text(draw: st.DrawFn, pack: Pack) -> str:
    """A CSV file of one to three submissions, plain or with up to two changes: a cell, a row
    blanked, repeated or given one cell too many, a column more or in capitals, blank lines."""
    rows: list[list[str]] = []
    groups = st.tuples(st.sampled_from(sorted(_UNITS)), st.sampled_from(["2022", "2022-Q4", "2022-12"]))
    for unit, period in draw(st.lists(groups, min_size=1, max_size=3, unique=True)):
        level = _UNITS[unit]
        reported = [m for m in pack.metrics if level in m.levels]
        at = draw(st.sampled_from(_TIMES))
        for metric in draw(st.lists(st.sampled_from(reported), min_size=1, max_size=4, unique_by=lambda m: m.id)):
            rows.append([unit, period, metric.id, draw(st.sampled_from(_GOOD[metric.kind.value])), "Cán bộ", at, ""])
    header = list(_COLUMNS)
    for change in draw(st.lists(st.sampled_from([*_CHANGES, "blank", "twice", "more", "column", "capitals", "lines"]),
                                max_size=2)):
        row = draw(st.sampled_from([r for r in rows if r]))
        if change in _CHANGES:
            row[_COLUMNS.index(change)] = draw(st.sampled_from(_CHANGES[change]))
        elif change == "blank":
            row[:] = [""] * len(row)
        elif change == "twice":
            rows.append(list(row))
        elif change == "more":
            row.append("x")
        elif change == "column":
            header[-1] = "ghi_chu"
        elif change == "capitals":
            header = [c.upper() for c in header]
        else:
            rows.insert(rows.index(row), [])
    text = io.StringIO()
    writer = csv.writer(text, delimiter=draw(st.sampled_from([",", ";"])),
                        lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
    writer.writerow(header)
    writer.writerows(rows)
    return text.getvalue()


@given(data=st.data())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_random_files(data: st.DataObject, pack: Pack, registry: Registry) -> None:
    files = data.draw(st.lists(_csv_text(pack), min_size=1, max_size=4))
    yaml_units = data.draw(st.lists(st.sampled_from(sorted(_UNITS)), max_size=1))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for i, text in enumerate(files):
            _write(root, f"{i}.csv", text)
        for unit in yaml_units:
            _write(root, "z.yaml", _YAML.format(at="2023-01-01").replace("X-CU-JUT-DAK-WIL", unit)
                   .replace("news_items", "info_systems_total"))
        assert_same([root], pack, registry)
