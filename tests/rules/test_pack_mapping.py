"""The Đắk Nông 2022 rule pack and its mapping table (docs/dak-nong-2022.md) must agree.

The table has one row per sentence of the plan: the clause, the sentence as printed, the target
id(s) it gives, and the shape of each id. Every target of the pack is in the table and every id of
the table is in the pack; each target cites the clause of its row, and its Vietnamese title is the
plan's own wording (a part of the row's sentence).
"""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from plancheck.rules.model import Pack, Rollup, Target

ROOT = Path(__file__).resolve().parents[2]
PACK_FILE = ROOT / "rules" / "packs" / "dak-nong-2022.yaml"
TABLE_FILE = ROOT / "docs" / "dak-nong-2022.md"

# Each id prefix belongs to one area of the pack.
PREFIX_AREA = {
    "CQS": "chinh-quyen-so",
    "DVC": "dich-vu-so",
    "ATTT": "an-toan-thong-tin",
    "KTS": "kinh-te-so",
    "XHS": "xa-hoi-so",
    "KP": "kinh-phi",
    "TT": "to-chuc-thuc-hien",
}

# Letters found in Vietnamese words and never in plain English ones.
_VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def parse_table(markdown: str) -> list[dict[str, str]]:
    """The rows of the first markdown table whose header has a cell starting with "Target"."""
    lines = markdown.splitlines()
    for i, line in enumerate(lines):
        if not line.lstrip().startswith("|"):
            continue
        header = _cells(line)
        if not any(c.startswith("Target") for c in header):
            continue
        if i + 1 >= len(lines) or not re.fullmatch(r"[\s|:-]+", lines[i + 1]):
            continue
        rows = []
        for row_line in lines[i + 2 :]:
            if not row_line.lstrip().startswith("|"):
                break
            cells = _cells(row_line)
            assert len(cells) == len(header), f"row has {len(cells)} cells, header {len(header)}: {row_line!r}"
            rows.append(dict(zip(header, cells, strict=True)))
        return rows
    raise AssertionError(f"{TABLE_FILE.name}: no markdown table with a 'Target' header cell")


def _column(row: dict[str, str], prefix: str) -> str:
    for key, value in row.items():
        if key.startswith(prefix):
            return value
    raise AssertionError(f"no column starting with {prefix!r} in {sorted(row)}")


def _ids(row: dict[str, str]) -> list[str]:
    return [i.strip().strip("`").strip() for i in _column(row, "Target").split(",") if i.strip()]


def _shapes(row: dict[str, str]) -> list[str]:
    return [s.strip().lower() for s in _column(row, "Shape").split(";")]


@pytest.fixture(scope="module")
def pack() -> Pack:
    data = YAML(typ="safe").load(PACK_FILE.read_text(encoding="utf-8"))
    return Pack.model_validate(data)


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return parse_table(TABLE_FILE.read_text(encoding="utf-8"))


def test_table_is_not_empty(rows: list[dict[str, str]]) -> None:
    assert len(rows) >= 30
    assert all(_ids(r) for r in rows), "every sentence of the table names at least one target id"


def test_every_target_in_table_and_back(pack: Pack, rows: list[dict[str, str]]) -> None:
    table_ids = [i for r in rows for i in _ids(r)]
    duplicated = sorted({i for i in table_ids if table_ids.count(i) > 1})
    assert not duplicated, f"ids listed in more than one row of the table: {duplicated}"
    pack_ids = {t.id for t in pack.targets}
    assert sorted(pack_ids - set(table_ids)) == [], "targets of the pack missing from the table"
    assert sorted(set(table_ids) - pack_ids) == [], "ids of the table that are not targets of the pack"


def test_clause_of_each_row_is_the_targets_clause(pack: Pack, rows: list[dict[str, str]]) -> None:
    targets = {t.id: t for t in pack.targets}
    wrong = []
    for row in rows:
        clause = _norm(_column(row, "Mục"))
        for tid in _ids(row):
            if tid in targets and _norm(targets[tid].clause) != clause:
                wrong.append(f"{tid}: pack says {targets[tid].clause!r}, table says {clause!r}")
    assert wrong == []


def test_title_vi_is_the_plans_wording(pack: Pack, rows: list[dict[str, str]]) -> None:
    targets = {t.id: t for t in pack.targets}
    wrong = []
    for row in rows:
        sentence = _norm(_column(row, "Câu"))
        for tid in _ids(row):
            if tid in targets and _norm(targets[tid].title_vi) not in sentence:
                wrong.append(f"{tid}: {targets[tid].title_vi!r} is not in the plan's sentence")
    assert wrong == []


def _derived_shapes(t: Target, pack: Pack) -> set[str]:
    """The shape words the table must use for a target, worked out from the rule itself."""
    if t.manual:
        return {"manual"}
    if t.all_of is not None:
        return {"compound"}
    assert t.measure is not None
    out: set[str] = set()
    if t.thresholds_by_level is not None:
        out.add("per-level")
    if t.increase_over is not None:
        out.add("increase")
    if t.rollup is Rollup.SHARE_OF_UNITS:
        out.add("share of units")
    if t.measure.rate is not None:
        out.add("frequency")
    if t.measure.value is not None:
        out.add("reported value")
    ratio = t.measure.ratio
    if ratio is not None:
        if ratio.per != 1:
            out.add("per-capita")
        if ratio.exclude:
            out.add("excluded")
        numerators = {
            o.measure.ratio.numerator
            for o in pack.targets
            if o.id != t.id and o.measure is not None and o.measure.ratio is not None
        }
        if ratio.denominator in numerators:
            out.add("of-which")
    return out


_SHAPE_WORDS = ("manual", "compound", "per-level", "increase", "share of units", "frequency",
                "reported value", "per-capita", "excluded", "of-which")


def test_shape_column_matches_the_rule(pack: Pack, rows: list[dict[str, str]]) -> None:
    targets = {t.id: t for t in pack.targets}
    wrong = []
    for row in rows:
        ids, shapes = _ids(row), _shapes(row)
        assert len(ids) == len(shapes), f"{ids}: one shape per id, separated by ';' (got {shapes})"
        for tid, shape in zip(ids, shapes, strict=True):
            if tid not in targets:
                continue
            said = {w for w in _SHAPE_WORDS if w in shape}
            derived = _derived_shapes(targets[tid], pack)
            if said != derived:
                wrong.append(f"{tid}: table says {sorted(said)}, the rule is {sorted(derived)}")
    assert wrong == []


def test_target_ids_are_unique(pack: Pack) -> None:
    ids = [t.id for t in pack.targets]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_every_target_has_clause_vietnamese_title_and_known_area(pack: Pack) -> None:
    areas = {a.id for a in pack.areas}
    for t in pack.targets:
        assert t.clause.strip().startswith("Phần II, mục "), f"{t.id}: clause {t.clause!r}"
        assert t.title_vi.strip(), f"{t.id}: empty title_vi"
        assert _VIETNAMESE.search(t.title_vi), f"{t.id}: title_vi is not Vietnamese: {t.title_vi!r}"
        assert t.title_en.strip(), f"{t.id}: empty title_en"
        assert t.area in areas, f"{t.id}: unknown area {t.area!r}"


def test_ids_are_numbered_in_plan_order_within_their_area(pack: Pack) -> None:
    seen: dict[str, list[int]] = {}
    for t in pack.targets:
        prefix, number = t.id.rsplit("-", 1)
        assert prefix in PREFIX_AREA, f"{t.id}: unknown id prefix {prefix!r}"
        assert t.area == PREFIX_AREA[prefix], f"{t.id}: prefix {prefix} belongs to {PREFIX_AREA[prefix]}"
        assert re.fullmatch(r"\d{2}", number), f"{t.id}: ids end in a two-digit number"
        seen.setdefault(prefix, []).append(int(number))
    for prefix, numbers in seen.items():
        assert numbers == list(range(1, len(numbers) + 1)), f"{prefix}: ids out of order or with gaps: {numbers}"


def test_metrics_exist_and_are_reported_at_the_targets_levels(pack: Pack) -> None:
    metrics = pack.metric_index()
    wrong = []
    for t in pack.targets:
        conditions = [(t.measure, t.levels)] if t.measure is not None else [
            (p.measure, p.levels) for p in t.all_of or []]
        for measure, levels in conditions:
            for mid in measure.metric_ids():
                if mid not in metrics:
                    wrong.append(f"{t.id}: unknown metric {mid!r}")
                elif not set(levels) <= set(metrics[mid].levels):
                    wrong.append(f"{t.id}: {mid!r} is not reported at {sorted(set(levels) - set(metrics[mid].levels))}")
    assert wrong == []


def test_manual_targets_have_no_measure(pack: Pack) -> None:
    manual = [t.id for t in pack.targets if t.manual]
    assert manual, "the plan's sentences with no figure are manual targets"
    assert all(pack.target(tid).measure is None for tid in manual)


@pytest.mark.parametrize(
    ("tid", "op", "value", "wording"),
    [
        ("ATTT-03", ">=", "7/10", "tối thiểu"),  # "Tối thiểu 70% hệ thống thông tin …"
        ("DVC-03", ">", "3/5", "trên"),  # "trong đó tích hợp trên 60%": 60% exactly is not met
        ("KP-01", ">=", "1/100", "tối thiểu"),  # "tối thiểu 1% chi ngân sách tỉnh"
        ("XHS-03", ">=", "1/500", None),  # "0,2% dân số trưởng thành …" (Vietnamese decimal comma)
        ("XHS-07", ">=", "70", "đạt tối thiểu"),  # 70 subscriptions per 100 inhabitants
        ("TT-01", ">=", "1", "ít nhất"),  # at least one news item a week
    ],
)
def test_key_thresholds_read_as_the_plan_says(
    pack: Pack, tid: str, op: str, value: str, wording: str | None
) -> None:
    t = pack.target(tid)
    assert t.threshold is not None
    assert t.threshold.op.value == op
    assert t.threshold.value == Fraction(value)
    assert t.wording == wording


def test_per_level_work_records(pack: Pack) -> None:
    t = pack.target("CQS-04")
    assert t.thresholds_by_level is not None
    got = {lv.value: (th.op.value, th.value) for lv, th in t.thresholds_by_level.items()}
    assert got == {
        "department": (">=", Fraction(75, 100)),
        "district": (">=", Fraction(65, 100)),
        "commune": (">=", Fraction(45, 100)),
    }
