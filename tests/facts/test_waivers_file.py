"""A waiver file: each waiver checked against the rule pack and the unit registry, every error
located at file:line with its field and a suggestion, and only sound waivers returned."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from plancheck.diagnostics import Diagnostic, Severity
from plancheck.facts import SAMPLES_DIR
from plancheck.facts.model import Registry
from plancheck.facts.waivers import Waiver, load_waivers, parse_date
from plancheck.rules import DEFAULT_PACK
from plancheck.rules.loader import load_pack
from plancheck.rules.model import Pack

GOOD = """\
waivers:
  - target: ATTT-03
    unit: SO-TAI-CHINH
    period: "2022"
    justification: Hệ thống chuyển sang nền tảng của Bộ.
    approver: Phó Chủ tịch UBND tỉnh
    approved: 2022-09-15
    expires: 2023-03-31
"""


@pytest.fixture(scope="module")
def bundled() -> Pack:
    pack, diagnostics = load_pack(DEFAULT_PACK)
    assert pack is not None, diagnostics
    return pack


def load(tmp_path: Path, text: str, bundled: Pack, registry: Registry) -> tuple[list[Waiver], list[Diagnostic]]:
    path = tmp_path / "waivers.yaml"
    path.write_text(text, encoding="utf-8")
    return load_waivers([path], bundled, registry)


def one_waiver(**fields: object) -> str:
    """A waiver file of one waiver: the sound one above with ``fields`` changed (None: left out)."""
    base: dict[str, object] = {"target": "ATTT-03", "unit": "SO-TAI-CHINH", "period": '"2022"',
                               "justification": "Lý do.", "approver": "Chủ tịch UBND tỉnh",
                               "approved": "2022-09-15", "expires": "2023-03-31"}
    base.update(fields)
    lines = [f"    {k}: {v}" for k, v in base.items() if v is not None]
    return "waivers:\n  - " + "\n".join(lines)[4:] + "\n"


def test_a_sound_waiver_is_read_with_its_location(tmp_path: Path, bundled: Pack, registry: Registry) -> None:
    waivers, diags = load(tmp_path, GOOD, bundled, registry)
    assert diags == []
    [w] = waivers
    assert (w.target, w.part, w.scope_kind, w.scope_id, w.period) == ("ATTT-03", "", "unit", "SO-TAI-CHINH", "2022")
    assert (w.approved, w.expires) == (date(2022, 9, 15), date(2023, 3, 31))
    assert w.scope_vi == "Sở Tài chính" and w.approver == "Phó Chủ tịch UBND tỉnh"
    assert (w.source.file, w.source.line) == (str(tmp_path / "waivers.yaml"), 2)


def test_a_plain_list_vietnamese_dates_a_unit_by_name_and_an_unquoted_year(
        tmp_path: Path, bundled: Pack, registry: Registry) -> None:
    text = ("- {target: attt-03, unit: Sở Tài chính, period: 2022, justification: x, approver: y, "
            "approved: 15/9/2022, expires: '31/03/2023'}\n")
    [w], diags = load(tmp_path, text, bundled, registry)
    assert diags == []
    assert (w.target, w.scope_id, w.period, w.approved, w.expires) == (
        "ATTT-03", "SO-TAI-CHINH", "2022", date(2022, 9, 15), date(2023, 3, 31))


@pytest.mark.parametrize(("scope", "kind", "scope_id"), [
    ("province", "province", ""), ("district", "level", "district"), ("department", "level", "department"),
    ("SO-TTTT", "unit", "SO-TTTT"),
])
def test_scope_is_the_province_a_level_or_a_unit(tmp_path: Path, bundled: Pack, registry: Registry, scope: str,
                                                 kind: str, scope_id: str) -> None:
    [w], diags = load(tmp_path, one_waiver(unit=None, scope=scope), bundled, registry)
    assert diags == []
    assert (w.scope_kind, w.scope_id) == (kind, scope_id)


def test_the_province_unit_names_a_province_wide_target(tmp_path: Path, bundled: Pack, registry: Registry) -> None:
    [w], diags = load(tmp_path, one_waiver(target="KP-01", unit="TINH"), bundled, registry)
    assert diags == [] and (w.scope_kind, w.scope_id) == ("province", "")


@pytest.mark.parametrize(("fields", "code", "field", "hint"), [
    ({"target": "ATTT-3"}, "W005", "target", "did you mean `ATTT-03`?"),
    ({"unit": "SO-TAI-CHIN"}, "W007", "unit", "did you mean `SO-TAI-CHINH`?"),
    ({"unit": "Sở Tài chánh"}, "W007", "unit", "did you mean `Sở Tài chính`?"),
    ({"unit": None, "scope": "distrct"}, "W008", "scope", "did you mean `district`?"),
    ({"scope": "province"}, "W008", "scope", ""),
    ({"unit": None}, "W008", "", ""),
    ({"justification": None}, "W003", "", ""),
    ({"justification": '"   "'}, "W003", "justification", ""),
    ({"approver": None}, "W002", "", ""),
    ({"period": None}, "W002", "", ""),
    ({"period": "2022-13"}, "W012", "period", "a year"),
    ({"approved": "15.9.2022"}, "W010", "approved", "31/12/2022"),
    ({"approved": "30/02/2022"}, "W010", "approved", "31/12/2022"),
    ({"expires": "sometime"}, "W010", "expires", ""),
    ({"expires": "2022-09-14"}, "W011", "expires", ""),
    ({"expires": None}, "W002", "", ""),
    ({"aprover": "x"}, "W004", "aprover", "did you mean `approver`?"),
    ({"scope": "commune", "unit": None}, "W009", "scope", "scope: province"),
    ({"unit": "X-CU-JUT-DAK-WIL"}, "W009", "unit", ""),
    ({"target": "KTS-01"}, "W009", "unit", ""),
    ({"target": "XHS-06", "unit": "X-CU-JUT-DAK-WIL"}, "W009", "unit", "villages-3g4g"),
    ({"target": "XHS-06", "part": "fibre"}, "W009", "part", "its parts: households-fibre, villages-3g4g"),
])
def test_each_error_is_located_with_its_field_and_a_suggestion(
        tmp_path: Path, bundled: Pack, registry: Registry, fields: dict[str, object], code: str, field: str,
        hint: str) -> None:
    waivers, diags = load(tmp_path, one_waiver(**fields), bundled, registry)
    assert waivers == []
    assert [d.code for d in diags] == [code], diags
    [d] = diags
    assert d.severity is Severity.ERROR and d.location.field == field and d.location.line >= 2
    assert hint in d.suggestion


def test_a_consistency_check_is_not_waived(tmp_path: Path, registry: Registry) -> None:
    from plancheck.rules import PACKS_DIR

    report, _ = load_pack(PACKS_DIR / "dak-nong-2021-report.yaml")
    assert report is not None and report.checks
    check = report.checks[0].id
    _, diags = load(tmp_path, one_waiver(target=check, unit=None, scope="province"), report, registry)
    assert [d.code for d in diags] == ["W006"]


def test_a_manual_target_may_be_waived_for_the_province(tmp_path: Path, bundled: Pack, registry: Registry) -> None:
    [w], diags = load(tmp_path, one_waiver(target="KTS-01", unit=None, scope="province"), bundled, registry)
    assert diags == [] and w.scope_kind == "province"


def test_a_compound_target_at_a_unit_names_its_part(tmp_path: Path, bundled: Pack, registry: Registry) -> None:
    text = one_waiver(target="XHS-06", unit="X-CU-JUT-DAK-WIL", part="villages-3g4g")
    [w], diags = load(tmp_path, text, bundled, registry)
    assert diags == [] and (w.part, w.scope_id) == ("villages-3g4g", "X-CU-JUT-DAK-WIL")


def test_every_error_of_a_file_is_reported_sorted_and_sound_waivers_kept(
        tmp_path: Path, bundled: Pack, registry: Registry) -> None:
    text = GOOD + (
        "  - target: ATTT-3\n    unit: SO-TTTT\n    period: '2022'\n    approver: x\n"
        "    approved: 2022-01-01\n    expires: 2021-12-31\n"
    )
    waivers, diags = load(tmp_path, text, bundled, registry)
    assert [w.target for w in waivers] == ["ATTT-03"]
    assert [(d.code, d.location.line) for d in diags] == [("W003", 9), ("W005", 9), ("W011", 14)]
    assert str(diags[1]).startswith(f"{tmp_path / 'waivers.yaml'}:9: W005: target: unknown target 'ATTT-3'")


def test_two_waivers_in_force_together_for_one_verdict_are_an_error(
        tmp_path: Path, bundled: Pack, registry: Registry) -> None:
    renewal = GOOD + "\n".join(GOOD.splitlines()[1:]).replace("2022-09-15", "2023-04-01").replace(
        "2023-03-31", "2023-12-31") + "\n"
    waivers, diags = load(tmp_path, renewal, bundled, registry)
    assert diags == [] and len(waivers) == 2  # a renewal after the first one expires
    overlap = GOOD + "\n".join(GOOD.splitlines()[1:]).replace("2022-09-15", "2023-03-31") + "\n"
    waivers, diags = load(tmp_path, overlap, bundled, registry)
    assert len(waivers) == 1 and [(d.code, d.location.line) for d in diags] == [("W013", 9)]
    assert ":2 " in diags[0].message


@pytest.mark.parametrize(("text", "line"), [
    ("waivers: {target: ATTT-03}\n", 1),
    ("target: ATTT-03\n", 1),
    ("waivers:\n  - target: [ATTT-03\n", 3),
])
def test_a_file_that_is_not_a_list_of_waivers(tmp_path: Path, bundled: Pack, registry: Registry, text: str,
                                              line: int) -> None:
    waivers, diags = load(tmp_path, text, bundled, registry)
    assert waivers == [] and [(d.code, d.location.line) for d in diags] == [("W001", line)]


def test_a_day_that_does_not_exist_is_located(tmp_path: Path, bundled: Pack, registry: Registry) -> None:
    waivers, diags = load(tmp_path, one_waiver(approved="2022-02-30"), bundled, registry)
    assert waivers == [] and [(d.code, d.location.line, d.location.field) for d in diags] == [
        ("W010", 7, "approved")]
    assert "2022-02-30" in diags[0].message


def test_missing_file_and_empty_file(tmp_path: Path, bundled: Pack, registry: Registry) -> None:
    waivers, diags = load_waivers([tmp_path / "none.yaml"], bundled, registry)
    assert waivers == [] and [d.code for d in diags] == ["W001"]
    assert load(tmp_path, "# nothing waived yet\n", bundled, registry) == ([], [])


def test_a_directory_reads_its_yaml_files(tmp_path: Path, bundled: Pack, registry: Registry) -> None:
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.yml").write_text(GOOD.replace("SO-TAI-CHINH", "SO-TTTT"), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a waiver", encoding="utf-8")
    waivers, diags = load_waivers([tmp_path], bundled, registry)
    assert diags == [] and [w.scope_id for w in waivers] == ["SO-TAI-CHINH", "SO-TTTT"]


@pytest.mark.parametrize(("raw", "expected"), [
    ("2022-12-31", date(2022, 12, 31)), ("31/12/2022", date(2022, 12, 31)), ("1/2/2023", date(2023, 2, 1)),
    (date(2023, 1, 1), date(2023, 1, 1)), ("31/02/2022", None), ("12/31/2022", None), (20221231, None), ("", None),
])
def test_dates(raw: object, expected: date | None) -> None:
    assert parse_date(raw) == expected


def test_the_bundled_example_file_is_sound(bundled: Pack, registry: Registry) -> None:
    waivers, diags = load_waivers([SAMPLES_DIR / "waivers-2022.yaml"], bundled, registry)
    assert diags == []
    assert len(waivers) == 4 and all(w.justification and w.approver for w in waivers)
