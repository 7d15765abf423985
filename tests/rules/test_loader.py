"""The rule pack loader: every error, located at file:line, sorted, with suggestions."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from plancheck.rules import DEFAULT_PACK
from plancheck.rules.loader import load_pack

HEAD = """\
plancheck: 1
pack: {id: t, title_vi: T, source: s, period: "2022"}
areas:
  - {id: a, name_vi: A}
metrics:
  - {id: sys_total, name_vi: Tổng, kind: count, levels: [department]}
  - {id: sys_classified, name_vi: Đã phân loại, kind: count, levels: [department], not_above: [sys_total]}
targets:
"""


def _load(tmp_path: Path, targets: str) -> list[str]:
    path = tmp_path / "pack.yaml"
    path.write_text(HEAD + dedent(targets), encoding="utf-8")
    _pack, diags = load_pack(path, "pack.yaml")
    return [str(d) for d in diags]


def test_bundled_pack_loads_without_errors() -> None:
    pack, diags = load_pack(DEFAULT_PACK)
    assert pack is not None, [str(d) for d in diags]
    assert len(pack.targets) >= 40


def test_misspelt_metric_is_located_with_suggestion(tmp_path: Path) -> None:
    out = _load(tmp_path, """\
      - id: ATTT-03
        area: a
        title_vi: T
        clause: c
        measure: {ratio: {numerator: sys_clasified, denominator: sys_total}}
        levels: [department]
        threshold: ">= 70%"
    """)
    assert out == ["pack.yaml:13: R101: unknown metric `sys_clasified` (did you mean `sys_classified`?)"]


def test_all_errors_sorted_by_line(tmp_path: Path) -> None:
    out = _load(tmp_path, """\
      - id: ATTT-03
        area: b
        title_vi: T
        clause: c
        wording: trên
        measure: {ratio: {numerator: sys_classified, denominator: sys_total}}
        levels: [department, commune]
        threshold: ">= 60%"
    """)
    assert out == [
        "pack.yaml:10: R102: unknown area `b`",
        "pack.yaml:15: R103: metric `sys_classified` is not reported at level(s) commune",
        "pack.yaml:15: R103: metric `sys_total` is not reported at level(s) commune",
        "pack.yaml:16: R109: the plan's word 'trên' means '>', but the threshold says '>='",
    ]


def test_misspelt_key_gets_suggestion(tmp_path: Path) -> None:
    out = _load(tmp_path, """\
      - id: ATTT-03
        area: a
        title_vi: T
        clause: c
        measure: {ratio: {numerator: sys_classified, denominator: sys_total}}
        levels: [department]
        treshold: ">= 70%"
    """)
    assert any(o.startswith("pack.yaml:15: R003: targets.0.treshold:") and "did you mean `threshold`?" in o
               for o in out), out


@pytest.mark.parametrize("threshold", ["70%", ">= seventy", ">= 2.500.000,000"])
def test_bad_threshold_is_an_error_on_its_line(tmp_path: Path, threshold: str) -> None:
    out = _load(tmp_path, f"""\
      - id: ATTT-03
        area: a
        title_vi: T
        clause: c
        measure: {{ratio: {{numerator: sys_classified, denominator: sys_total}}}}
        levels: [department]
        threshold: "{threshold}"
    """)
    assert len(out) == 1 and out[0].startswith("pack.yaml:15: R006: targets.0.threshold:"), out


def test_yaml_syntax_error_has_a_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("plancheck: 1\npack: [unclosed\nareas: []\n", encoding="utf-8")
    pack, diags = load_pack(path, "broken.yaml")
    assert pack is None
    assert len(diags) == 1 and diags[0].code == "Y001" and diags[0].location.line >= 2


def test_missing_file(tmp_path: Path) -> None:
    pack, diags = load_pack(tmp_path / "nope.yaml", "nope.yaml")
    assert pack is None and [d.code for d in diags] == ["R000"]
