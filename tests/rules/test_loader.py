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


RATIO = "measure: {ratio: {numerator: sys_classified, denominator: sys_total}}"


@pytest.mark.parametrize(
    ("lines", "code", "line"),
    [
        # a bare 70 on a plain ratio asks for 7000%
        ([RATIO, "levels: [department]", 'threshold: ">= 70"'], "R113", 15),
        # per: 0 would divide by zero at evaluation
        (["measure: {ratio: {numerator: sys_classified, denominator: sys_total, per: 0}}", "levels: [department]",
          'threshold: ">= 70"'], "R007", 13),
        # a baseline that is not a period
        ([RATIO, "levels: [department]", 'increase_over: "2021-13"'], "R005", 15),
        # a share of units has no earlier value of its own to rise above
        ([RATIO, "levels: [department]", "rollup: share_of_units", "unit_threshold: '>= 50%'",
          'increase_over: "2021"'], "R112", 15),
    ],
)
def test_pack_mistakes_that_would_give_quiet_wrong_verdicts(tmp_path: Path, lines: list[str], code: str,
                                                            line: int) -> None:
    body = "\n".join(["  - id: ATTT-03", "    area: a", "    title_vi: T", "    clause: c"]
                     + ["    " + x for x in lines]) + "\n"
    out = _load(tmp_path, body)
    assert any(o.startswith(f"pack.yaml:{line}: {code}:") for o in out), out


def test_a_part_needs_levels(tmp_path: Path) -> None:
    out = _load(tmp_path, """\
      - id: XHS-06
        area: a
        title_vi: T
        clause: c
        all_of:
          - {id: p1, title_vi: P1, measure: {ratio: {numerator: sys_classified, denominator: sys_total}},
             levels: [], threshold: ">= 50%"}
          - {id: p2, title_vi: P2, measure: {ratio: {numerator: sys_classified, denominator: sys_total}},
             levels: [department], threshold: ">= 50%"}
    """)
    assert any("all_of.0.levels" in o for o in out), out


def test_schema_errors_do_not_hide_the_other_targets_errors(tmp_path: Path) -> None:
    out = _load(tmp_path, """\
      - id: ATTT-03
        area: a
        title_vi: T
        clause: c
        measure: {ratio: {numerator: sys_classified, denominator: sys_total}}
        levels: [department]
        treshold: ">= 70%"
      - id: ATTT-04
        area: a
        title_vi: T
        clause: c
        measure: {ratio: {numerator: sys_clasified, denominator: sys_total}}
        levels: [department]
        threshold: ">= 70%"
    """)
    assert [o.split(":")[1] + ":" + o.split(":")[2] for o in out] == ["15: R003", "20: R101"], out
