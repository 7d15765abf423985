"""Consistency checks in the rule language: the schema (exactly one kind, no unknown keys) and the
cross-references (metrics that exist, are reported at the check's levels and can be compared;
ids unique across targets and checks), every error on its line."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from plancheck.rules import PACKS_DIR
from plancheck.rules.check_model import CHECK_KINDS
from plancheck.rules.loader import load_pack

HEAD = """\
plancheck: 1
pack: {id: t, title_vi: T, source: s, period: "2021"}
areas:
  - {id: a, name_vi: A}
metrics:
  - {id: pct, name_vi: Tỷ lệ, kind: percent, levels: [province]}
  - {id: num, name_vi: Tử số, kind: count, levels: [province]}
  - {id: den, name_vi: Mẫu số, kind: count, levels: [province]}
  - {id: secret, name_vi: Mật, kind: count, levels: [province]}
  - {id: total, name_vi: Tổng, kind: amount_vnd, levels: [province]}
  - {id: item_a, name_vi: Dòng 1, kind: amount_vnd, levels: [province]}
  - {id: item_b, name_vi: Dòng 2, kind: amount_vnd, levels: [province]}
  - {id: rate, name_vi: Thuê bao/100 dân, kind: number, levels: [province]}
  - {id: yes, name_vi: Có, kind: yes_no, levels: [province]}
  - {id: dept_count, name_vi: Số của sở, kind: count, levels: [department]}
targets:
  - id: KP-01
    area: a
    title_vi: T
    clause: c
    measure: {ratio: {numerator: item_a, denominator: total}}
    levels: [province]
    threshold: ">= 1%"
checks:
"""  # the first check starts on line 25


def _load(tmp_path: Path, checks: str) -> list[str]:
    path = tmp_path / "pack.yaml"
    path.write_text(HEAD + dedent(checks), encoding="utf-8")
    pack, diags = load_pack(path, "pack.yaml")
    assert (pack is None) == any(d.severity.value == "error" for d in diags)
    return [str(d) for d in diags]


def _check(body: str, check_id: str = "KT-01") -> str:
    return f"  - id: {check_id}\n    title_vi: K\n    clause: c\n    levels: [province]\n" + body


def test_every_kind_loads(tmp_path: Path) -> None:
    out = _load(tmp_path, "".join([
        _check("    percent_of: {percent: pct, numerator: num, denominator: den}\n", "KT-01"),
        _check("    sum_of: {total: total, items: [item_a, item_b]}\n", "KT-02"),
        _check("    part_of: {part: item_a, whole: total}\n", "KT-03"),
        _check("    per_100_of: {rate: rate, count: num, population: den}\n", "KT-04"),
        _check("    same_as: {figure: item_a, other: item_b}\n", "KT-05"),
        _check("    percent_of: {percent: pct, numerator: num, denominator: den, exclude: [secret]}\n", "KT-06"),
    ]))
    assert out == []
    assert set(CHECK_KINDS) == {"percent_of", "sum_of", "part_of", "per_100_of", "same_as"}


@pytest.mark.parametrize(("body", "expected"), [
    # two kinds, or none: a schema error on the check's line
    ("    sum_of: {total: total, items: [item_a, item_b]}\n    same_as: {figure: item_a, other: item_b}\n",
     "pack.yaml:25: R006: checks.0: Value error, a check is exactly one of percent_of, sum_of, part_of, "
     "per_100_of, same_as; got sum_of, same_as"),
    ("", "pack.yaml:25: R006: checks.0: Value error, a check is exactly one of percent_of, sum_of, part_of, "
         "per_100_of, same_as; got none"),
    # a misspelt key, with a suggestion
    ("    percent_of: {percent: pct, numerater: num, denominator: den}\n",
     "pack.yaml:29: R003: checks.0.percent_of.numerater: is not a key of the rule language here "
     "(did you mean `numerator`?)"),
    # a total of one item is not a sum
    ("    sum_of: {total: total, items: [item_a]}\n", "pack.yaml:29: R007: checks.0.sum_of.items:"),
])
def test_schema_errors_are_located(tmp_path: Path, body: str, expected: str) -> None:
    out = _load(tmp_path, _check(body))
    assert any(o.startswith(expected) for o in out), out


@pytest.mark.parametrize(("body", "expected"), [
    ("    percent_of: {percent: pct, numerator: nmu, denominator: den}\n",
     ["pack.yaml:29: R101: unknown metric `nmu` (did you mean `num`?)"]),
    ("    sum_of:\n      total: total\n      items: [item_a, item_bb]\n",
     ["pack.yaml:31: R101: unknown metric `item_bb` (did you mean `item_b`?)"]),
    ("    same_as: {figure: item_a, other: dept_count}\n",
     ["pack.yaml:28: R103: metric `dept_count` is not reported at level(s) province",
      "pack.yaml:29: R116: figures of different kinds are compared: amount_vnd and count"]),
    ("    percent_of: {percent: num, numerator: item_a, denominator: total}\n",
     ["pack.yaml:29: R114: percent_of needs a percent metric; `num` is count"]),
    ("    per_100_of: {rate: pct, count: num, population: den}\n",
     ["pack.yaml:29: R115: per_100_of needs a `number` metric for the rate per 100; `pct` is percent"]),
    ("    sum_of: {total: total, items: [item_a, num]}\n",
     ["pack.yaml:29: R116: figures of different kinds are compared: amount_vnd and count"]),
    ("    part_of: {part: yes, whole: total}\n",
     ["pack.yaml:29: R116: a yes_no figure cannot be added up or compared here "
      "(use count, amount_vnd, number, percent figures)"]),
    ("    percent_of: {percent: pct, numerator: pct, denominator: den}\n",
     ["pack.yaml:29: R116: a percent figure cannot be added up or compared here "
      "(use count, amount_vnd, number figures)",
      "pack.yaml:29: R117: a check compares a figure with itself: `pct`"]),
    ("    same_as: {figure: total, other: total}\n",
     ["pack.yaml:29: R117: a check compares a figure with itself: `total`"]),
])
def test_cross_reference_errors_are_located(tmp_path: Path, body: str, expected: list[str]) -> None:
    assert _load(tmp_path, _check(body)) == expected


def test_ids_are_unique_across_targets_and_checks(tmp_path: Path) -> None:
    body = "    part_of: {part: item_a, whole: total}\n"
    out = _load(tmp_path, _check(body, "KP-01") + _check(body, "KT-02") + _check(body, "KT-02"))
    assert out == ["pack.yaml:25: R100: duplicate id `KP-01`: a target has it (line 17)",
                   "pack.yaml:35: R100: duplicate id `KT-02` (first at line 30)"]


def test_a_broken_check_does_not_hide_the_others_errors(tmp_path: Path) -> None:
    out = _load(tmp_path, _check("    part_of: {part: item_a, whole: total, extra: 1}\n", "KT-01")
                + _check("    part_of: {part: item_aa, whole: total}\n", "KT-02"))
    assert [o.split(": ")[0] + ": " + o.split(": ")[1] for o in out] == ["pack.yaml:29: R003", "pack.yaml:34: R101"]


def test_the_2021_report_pack_has_a_check_for_each_kind_it_can_use() -> None:
    pack, diags = load_pack(PACKS_DIR / "dak-nong-2021-report.yaml")
    assert pack is not None, [str(d) for d in diags]
    assert diags == []
    assert len(pack.checks) == 21 and pack.targets == []
    # no population is printed, so no per_100_of; every other kind is used
    assert {c.kind for c in pack.checks} == {"percent_of", "sum_of", "part_of", "same_as"}
    assert all(c.clause and c.title_vi and c.title_en for c in pack.checks)
    assert len({c.id for c in pack.checks}) == len(pack.checks)


def test_the_documented_examples_validate() -> None:
    """Every check example of docs/rule-language.md («Consistency checks») against the 2021 report's
    catalog (plus the population the per-100 example divides by)."""
    from ruamel.yaml import YAML

    from plancheck.diagnostics import Location
    from plancheck.rules.checks import check_pack

    doc = (Path(__file__).resolve().parents[2] / "docs" / "rule-language.md").read_text(encoding="utf-8")
    section = doc.split("## Consistency checks", 1)[1].split("\n## ", 1)[0]
    blocks = [b.split("```", 1)[0] for b in section.split("```yaml\n")[1:]]
    pack, _ = load_pack(PACKS_DIR / "dak-nong-2021-report.yaml")
    assert pack is not None
    data = pack.model_dump(mode="json", exclude_defaults=True)
    data["metrics"].append({"id": "population", "name_vi": "Dân số", "kind": "count", "levels": ["province"]})
    data["checks"] = []
    for block in blocks:
        text = block if block.startswith("checks:") else "checks:\n" + block
        data["checks"] += YAML(typ="safe").load(text)["checks"]
    assert {c["id"] for c in data["checks"]} == {"KT-14", "KT-08", "KT-07", "KT-22", "KT-16"}
    examples = type(pack).model_validate(data)
    assert {c.kind for c in examples.checks} == set(CHECK_KINDS)
    assert [str(d) for d in check_pack(examples, lambda *p: Location("doc"))] == []
