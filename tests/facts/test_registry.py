"""The unit registry: the bundled Đắk Nông list, its checks, and looking units up by name."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from plancheck.facts.model import Registry
from plancheck.facts.registry import find_unit, load_registry, suggest_unit, unit_index
from plancheck.rules.model import Level

COMMUNES_PER_DISTRICT = {
    "H-GIA-NGHIA": 8,
    "H-CU-JUT": 8,
    "H-DAK-GLONG": 7,
    "H-DAK-MIL": 10,
    "H-DAK-RLAP": 11,
    "H-DAK-SONG": 9,
    "H-KRONG-NO": 12,
    "H-TUY-DUC": 6,
}


@pytest.fixture(scope="module")
def bundled() -> Registry:
    registry, diagnostics = load_registry()
    assert diagnostics == []
    return registry


def test_bundled_counts(bundled: Registry) -> None:
    counts = Counter(u.level for u in bundled)
    assert counts == {Level.PROVINCE: 1, Level.DEPARTMENT: 19, Level.DISTRICT: 8, Level.COMMUNE: 71}
    per_district = Counter(u.parent for u in bundled.at_level(Level.COMMUNE))
    assert per_district == COMMUNES_PER_DISTRICT
    assert {u.id for u in bundled.at_level(Level.DISTRICT)} == set(COMMUNES_PER_DISTRICT)
    assert bundled.get("TINH") is not None


def test_bundled_ids_are_ascii_upper_and_names_unique(bundled: Registry) -> None:
    for unit in bundled:
        assert unit.id.isascii() and unit.id == unit.id.upper(), unit.id
        assert unit.name_vi and unit.name_en
    assert len({u.name_vi for u in bundled}) == len(bundled.units)


@pytest.mark.parametrize(
    ("text", "unit_id"),
    [
        ("SO-TTTT", "SO-TTTT"),
        ("Sở Thông tin và Truyền thông", "SO-TTTT"),
        ("  sở thông tin   và truyền THÔNG ", "SO-TTTT"),
        ("Sở TT&TT", "SO-TTTT"),
        ("UBND xã Đắk Wil", "X-CU-JUT-DAK-WIL"),
        ("xã Đắk Wil", "X-CU-JUT-DAK-WIL"),
        ("UBND xa\u0303 \u0110a\u0306\u0301k Wil", "X-CU-JUT-DAK-WIL"),  # decomposed (NFD) input
        ("UBND huyện Đắk R’Lấp", "H-DAK-RLAP"),  # typographic apostrophe
        ("UBND thị trấn Đắk Mil", "X-DAK-MIL-DAK-MIL"),
        ("UBND huyện Đắk Mil", "H-DAK-MIL"),
        ("UBND thành phố Gia Nghĩa", "H-GIA-NGHIA"),
        ("Thanh tra tỉnh", "THANH-TRA"),
    ],
)
def test_find_unit(bundled: Registry, text: str, unit_id: str) -> None:
    unit = find_unit(bundled, text)
    assert unit is not None and unit.id == unit_id
    found = find_unit(bundled, text, unit_index(bundled))
    assert found is not None and found.id == unit_id


@pytest.mark.parametrize("text", ["Sở Thông tin", "UBND xa Dak Wil", "", "so-tttt-x"])
def test_find_unit_none(bundled: Registry, text: str) -> None:
    assert find_unit(bundled, text) is None


def test_suggest_unit(bundled: Registry) -> None:
    assert suggest_unit(bundled, "UBND xa Dak Wil") == "did you mean `UBND xã Đắk Wil`?"
    assert suggest_unit(bundled, "SO-TTT") == "did you mean `SO-TTTT`?"
    assert suggest_unit(bundled, "zzzzzz") == ""


BAD_REGISTRY = """\
registry: test
units:
  - {id: TINH, level: province, name_vi: "Tỉnh"}
  - {id: H-A, level: district, name_vi: "UBND huyện A"}
  - {id: H-A, level: district, name_vi: "UBND huyện A bis"}
  - {id: X-A-1, level: commune, parent: H-B, name_vi: "UBND xã 1"}
  - {id: X-A-2, level: commune, name_vi: "UBND xã 2"}
  - {id: X-A-3, level: commune, parent: TINH, name_vi: "UBND xã 3"}
  - {id: SO-X, level: departement, name_vi: "Sở X"}
  - {id: SO-Y, level: department, parent: H-A, name_vi: "Sở Y"}
  - {id: x-lower, level: commune, parent: H-A, name_vi: "UBND xã 4"}
  - {id: X-A-5, level: commune, parent: H-A}
  - {id: X-A-6, level: commune, parent: H-A, name_vi: "UBND xã 6", nmae_en: "Six"}
  - {id: X-A-7, level: commune, parent: H-A, name_vi: "ubnd  xã 6"}
  - {id: X-A-8, level: commune, parent: H-A, name_vi: "UBND xã 8"}
"""


def test_registry_errors_collected_with_lines(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(BAD_REGISTRY, encoding="utf-8")
    registry, diagnostics = load_registry(path)
    got = [(d.code, d.location.line, d.location.field) for d in diagnostics]
    assert got == [
        ("U004", 5, "id"),
        ("U005", 6, "parent"),
        ("U006", 7, "parent"),
        ("U006", 8, "parent"),
        ("U003", 9, "level"),
        ("U006", 10, "parent"),
        ("U002", 11, "id"),
        ("U002", 12, "name_vi"),
        ("U008", 13, "nmae_en"),
        ("U007", 14, "name_vi"),
    ]
    assert all(d.location.file == str(path) for d in diagnostics)
    assert diagnostics[4].suggestion == "did you mean `department`?"
    assert diagnostics[1].suggestion == "did you mean `H-A`?"
    # Every unit that passed its own checks is kept.
    assert registry.ids() == ["TINH", "H-A", "X-A-6", "X-A-7", "X-A-8"]


def test_registry_broken_yaml(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("units:\n  - {id: TINH, level: province\n  - {id: H-A}\n", encoding="utf-8")
    registry, diagnostics = load_registry(path)
    assert [d.code for d in diagnostics] == ["U001"]
    assert diagnostics[0].location.line >= 2
    assert registry.units == ()


def test_registry_missing_file(tmp_path: Path) -> None:
    registry, diagnostics = load_registry(tmp_path / "nope.yaml")
    assert [d.code for d in diagnostics] == ["U001"]
    assert registry.units == ()


def test_registry_syntax_error_reads_like_a_submission_one(tmp_path: Path) -> None:
    """One conversion of YAML syntax errors (yamlsource) for the registry, the submissions and
    the rule packs: only the code differs."""
    from plancheck.facts.loaders import ReadResult
    from plancheck.facts.yaml_loader import read_yaml
    from plancheck.yamlsource import YamlSyntaxError
    from plancheck.yamlsource import read_yaml as read_located

    text = "units:\n  - {id: TINH, level: province\n  - {id: H-A}\n"
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    _, [registry_error] = load_registry(path)
    submission = ReadResult()
    read_yaml(text, str(path), submission)
    [submission_error] = submission.diagnostics
    with pytest.raises(YamlSyntaxError) as info:
        read_located(path)
    pack_error = info.value.diagnostic
    assert (registry_error.code, submission_error.code, pack_error.code) == ("U001", "F021", "Y001")
    assert registry_error.location == submission_error.location == pack_error.location
    assert registry_error.message == submission_error.message == pack_error.message
    assert "started on line 2" in registry_error.message


def test_registry_is_parsed_again_with_lines_only_to_locate_a_problem(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from plancheck.facts import registry as registry_module

    calls: list[str] = []
    real = registry_module.read_yaml

    def counting(path: Path, display: str | None = None, code: str = "Y001") -> object:
        calls.append(str(path))
        return real(path, display, code=code)

    monkeypatch.setattr(registry_module, "read_yaml", counting)
    registry, diagnostics = load_registry()
    assert diagnostics == [] and len(registry.units) == 99 and calls == []
    path = tmp_path / "bad.yaml"
    path.write_text(BAD_REGISTRY, encoding="utf-8")
    _, diagnostics = load_registry(path)
    assert calls == [str(path)] and diagnostics[0].location.line == 5
