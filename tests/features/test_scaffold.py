"""The scaffold (``plancheck spec --scaffold``): boundary scenarios derived from the rules.

The key property: scenarios generated from the correct rule pack fail against a pack whose
comparison or threshold was changed by the smallest step. Scenarios are read with gherkin (the
parser pytest-bdd uses) and run in-process by the same logic as the step library (submitted values
through ``facts.validate``, then ``engine.evaluate``), each against a pack cut down to the targets
it checks, so that many mutations stay fast.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import cache
from typing import Any, cast

import pytest
from gherkin.parser import Parser
from gherkin.pickles.compiler import Compiler

from plancheck.diagnostics import Location, Severity
from plancheck.engine.evaluate import evaluate
from plancheck.engine.verdicts import ScopeKind, Status, Verdict
from plancheck.facts import DEFAULT_REGISTRY
from plancheck.facts.loaders import RawRecord, SubmissionKey
from plancheck.facts.model import Registry
from plancheck.facts.numbers import parse_number
from plancheck.facts.registry import load_registry
from plancheck.facts.validate import validate
from plancheck.features import FEATURES_DIR
from plancheck.features.scaffold import SAMPLE_FILE, sample_targets, scaffold, scaffold_feature
from plancheck.features.scaffold_values import Lang
from plancheck.rules import DEFAULT_PACK
from plancheck.rules.loader import load_pack
from plancheck.rules.model import Level, Pack, Rollup, Target, Threshold

Pickle = dict[str, Any]


@cache
def _bundled() -> tuple[Pack, Registry]:
    pack, _ = load_pack(DEFAULT_PACK)
    registry, _ = load_registry(DEFAULT_REGISTRY)
    assert pack is not None
    return pack, registry


@cache
def _generated(lang: Lang) -> dict[str, str]:
    pack, registry = _bundled()
    return scaffold(pack, registry, None, lang)


def _pickles(text: str) -> list[Pickle]:
    doc: dict[str, Any] = dict(Parser().parse(text))
    doc["uri"] = "scaffold.feature"
    return cast(list[Pickle], Compiler().compile(cast(Any, doc)))


@cache
def _all_pickles() -> list[Pickle]:
    return [p for text in _generated("vi").values() for p in _pickles(text)]


def _target_of(p: Pickle) -> str:
    return str(p["name"]).split(" ", 1)[0]


# --- running a scenario in-process: the same logic as the step library -------------------------

_Q = r'"([^"]*)"'
_GIVEN_ONE = re.compile(rf"^(?:đơn vị|unit) {_Q} (?:báo cáo|reports) {_Q} (?:là|as) {_Q}"
                        rf"(?: (?:cho kỳ|for period) {_Q})?$")
_THEN: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"^(?:mục tiêu|target) {_Q} (?:của đơn vị|for unit) {_Q} (?:có kết quả|is) {_Q}$"), "unit"),
    (re.compile(rf"^(?:mục tiêu|target) {_Q} (?:ở cấp|at level) {_Q} (?:có kết quả|is) {_Q}$"), "level"),
    (re.compile(rf"^(?:mục tiêu|target) {_Q} (?:có kết quả|is) {_Q}$"), "province"),
    (re.compile(rf"^(?:đơn vị|unit) {_Q} (?:thiếu số liệu cho mục tiêu|is missing for target) {_Q}$"), "missing"),
    (re.compile(rf"^(?:khoảng cách của mục tiêu|the gap of target) {_Q} (?:là|is) {_Q}$"), "gap"),
]
_NO_OP = {"bộ quy tắc mặc định", "the bundled rule pack", "chạy kiểm tra", "the audit runs"}
_TABLE = {"các đơn vị báo cáo:", "the units report:"}


def _status(text: str) -> Status:
    return next(s for s in Status if text.lower() in (s.value, s.label_vi.lower(), s.label_en.lower()))


def _then_targets(p: Pickle) -> set[str]:
    out = set()
    for step in p["steps"]:
        for pattern, kind in _THEN:
            m = pattern.match(step["text"])
            if m:
                out.add(m.group(2) if kind == "missing" else m.group(1))
                break
    return out


def _records(p: Pickle, period: str) -> list[RawRecord]:
    rows: list[tuple[str, str, str, str]] = []
    for step in p["steps"]:
        m = _GIVEN_ONE.match(step["text"])
        if m:
            rows.append((m.group(1), m.group(2), m.group(3), m.group(4) or period))
        elif step["text"] in _TABLE:
            table = [[c["value"] for c in r["cells"]] for r in step["argument"]["dataTable"]["rows"]]
            for r in table[1:]:
                rows.append((r[0], r[1], r[2], r[3] if len(r) > 3 else period))
        elif step["type"] == "Context" and step["text"] not in _NO_OP:
            raise AssertionError(f"unknown step {step['text']!r}")
    keys: dict[tuple[str, str], SubmissionKey] = {}  # one submission per unit and period
    out = []
    for n, (unit, metric, value, per) in enumerate(rows, 1):
        key = keys.setdefault((unit, per), SubmissionKey("scenario", len(keys), 1))
        where = Location("scenario", n, metric)
        out.append(RawRecord(unit=unit, period=per, metric=metric, value=value, text=value, location=where,
                             submission=key, unit_location=where, period_location=where))
    return out


def _verdict(verdicts: list[Verdict], target: str, kind: ScopeKind, scope: str | None = None) -> Verdict:
    found = [v for v in verdicts if v.target == target and not v.part and v.scope.kind is kind
             and (scope is None or v.scope.id == scope)]
    assert found, f"no verdict for {target} at {kind.value} {scope or ''}"
    return found[0]


def _failure(p: Pickle, pack: Pack, registry: Registry) -> str | None:
    """Why a scenario fails against ``pack`` (cut down to the targets it checks), or None."""
    targets = _then_targets(p)
    small = pack.model_copy(update={"targets": [t for t in pack.targets if t.id in targets]})
    facts, diags = validate(_records(p, pack.pack.period), small, registry)
    errors = [str(d) for d in diags if d.severity is Severity.ERROR]
    if errors:
        return "refused: " + "; ".join(errors)
    verdicts = evaluate(small, facts, registry).verdicts
    for step in p["steps"]:
        for pattern, kind in _THEN:
            m = pattern.match(step["text"])
            if m is None:
                continue
            if kind == "missing":
                v = _verdict(verdicts, m.group(2), ScopeKind.PROVINCE)
                if m.group(1) not in v.missing:
                    return f"{m.group(1)} not missing for {m.group(2)}"
            elif kind == "gap":
                v = _verdict(verdicts, m.group(1), ScopeKind.PROVINCE)
                if v.gap is None or v.gap.amount != parse_number(m.group(2)).value:
                    return f"{m.group(1)}: gap {v.gap} is not {m.group(2)}"
            else:
                scope_kind = {"unit": ScopeKind.UNIT, "level": ScopeKind.LEVEL}.get(kind, ScopeKind.PROVINCE)
                v = _verdict(verdicts, m.group(1), scope_kind, m.group(2) if kind != "province" else None)
                if v.status is not _status(m.groups()[-1]):
                    return f"{step['text']}: got {v.status.label_vi}"
            break
    return None


# --- every target gets its scenarios -----------------------------------------------------------

def _kind(p: Pickle) -> str:
    what = str(p["name"]).split("): ", 1)[1]
    for prefix, kind in (("thiếu số liệu:", "no_data"), ("chỉ tiêu định tính", "manual"),
                         ("không có số liệu kỳ", "no_baseline"), ("một bước chưa tới", "gap")):
        if what.startswith(prefix):
            return kind
    return "boundary"


# target: (boundary scenarios, other scenarios), counted over the outlines' example rows.
_EXPECTED: dict[str, tuple[int, int]] = {
    "CQS-01": (2, 1), "CQS-02": (2, 1), "CQS-03": (2, 2), "CQS-04": (8, 1), "CQS-05": (2, 1), "CQS-07": (4, 1),
    "DVC-01": (2, 1), "DVC-02": (2, 1), "DVC-03": (2, 1), "DVC-04": (2, 1), "DVC-05": (2, 1), "DVC-06": (2, 2),
    "DVC-07": (2, 2), "ATTT-02": (2, 1), "ATTT-03": (2, 1), "ATTT-04": (4, 1), "ATTT-05": (2, 1),
    "ATTT-06": (2, 1), "ATTT-07": (2, 2), "KTS-02": (2, 2), "KTS-03": (2, 2), "KTS-04": (2, 2), "KTS-05": (2, 2),
    "XHS-01": (2, 2), "XHS-02": (2, 2), "XHS-03": (2, 2), "XHS-04": (2, 2), "XHS-05": (2, 2), "XHS-06": (2, 1),
    "XHS-07": (2, 2), "XHS-08": (2, 1), "XHS-09": (2, 2), "XHS-10": (2, 2), "XHS-11": (3, 1), "KP-01": (2, 2),
    "TT-01": (2, 1), "TT-02": (2, 2),
}


def test_every_numeric_target_has_boundary_and_no_data_scenarios() -> None:
    pack, _ = _bundled()
    kinds: dict[str, Counter[str]] = {t.id: Counter() for t in pack.targets}
    for p in _all_pickles():
        kinds[_target_of(p)][_kind(p)] += 1
    for t in pack.targets:
        got = kinds[t.id]
        if t.manual:
            assert got == Counter(manual=1), t.id
            continue
        assert got["boundary"] >= 2 and got["no_data"] == 1, (t.id, got)
        assert (got["boundary"], sum(got.values()) - got["boundary"]) == _EXPECTED[t.id], (t.id, got)


def test_boundary_scenarios_expect_both_sides_and_manual_never_met() -> None:
    expected: dict[str, set[str]] = {}
    for p in _all_pickles():
        if _kind(p) in ("boundary", "manual"):
            text = p["steps"][-1]["text"]
            expected.setdefault(_target_of(p), set()).add(text.rsplit('"', 2)[1])
    pack, _ = _bundled()
    for t in pack.targets:
        if t.manual:
            assert expected[t.id] == {"CẦN ĐÁNH GIÁ"}, t.id
        else:
            assert "KHÔNG ĐẠT" in expected[t.id], t.id
            assert expected[t.id] & {"ĐẠT", "THIẾU SỐ LIỆU"}, t.id  # a compound's other part may lack data


def test_generated_scenarios_hold_for_the_bundled_pack() -> None:
    pack, registry = _bundled()
    failures = [(p["name"], f) for p in _all_pickles() if (f := _failure(p, pack, registry)) is not None]
    assert not failures


# --- the key property: a changed rule makes its generated scenarios fail ------------------------

def _with(t: Target, **changes: Any) -> Target:
    return t.model_copy(update=changes)


def _threshold(text: str) -> Threshold:
    return Threshold.parse(text)


def _per_level(t: Target, level: Level, text: str) -> Target:
    assert t.thresholds_by_level is not None
    return _with(t, thresholds_by_level={**t.thresholds_by_level, level: _threshold(text)})


def _part(t: Target, part: str, text: str) -> Target:
    assert t.all_of is not None
    return _with(t, all_of=[p.model_copy(update={"threshold": _threshold(text)}) if p.id == part else p
                            for p in t.all_of])


def _exclude_dropped(t: Target) -> Target:
    assert t.measure is not None and t.measure.ratio is not None
    ratio = t.measure.ratio.model_copy(update={"exclude": []})
    return _with(t, measure=t.measure.model_copy(update={"ratio": ratio}))


# The smallest step of a threshold: 0,1 percentage point for a percentage (the plan prints "0,2%"),
# 0,1 per 100 for a per-100 rate, one item over the period for a weekly rate (1/52 a week).
_MUTATIONS: list[tuple[str, str, Callable[[Target], Target]]] = [
    ("ATTT-03", ">= 70% written as > 70%", lambda t: _with(t, threshold=_threshold("> 70%"))),
    ("ATTT-03", "raised to >= 70,1%", lambda t: _with(t, threshold=_threshold(">= 70,1%"))),
    ("ATTT-03", "lowered to >= 69,9%", lambda t: _with(t, threshold=_threshold(">= 69,9%"))),
    ("DVC-03", "trên 60% written as >= 60%", lambda t: _with(t, threshold=_threshold(">= 60%"))),
    ("DVC-03", "raised to > 60,1%", lambda t: _with(t, threshold=_threshold("> 60,1%"))),
    ("DVC-03", "lowered to > 59,9%", lambda t: _with(t, threshold=_threshold("> 59,9%"))),
    ("CQS-04", "department >= 75% written as > 75%", lambda t: _per_level(t, Level.DEPARTMENT, "> 75%")),
    ("CQS-04", "district raised to >= 65,1%", lambda t: _per_level(t, Level.DISTRICT, ">= 65,1%")),
    ("CQS-04", "commune lowered to >= 44,9%", lambda t: _per_level(t, Level.COMMUNE, ">= 44,9%")),
    ("CQS-04", "state-secret records left in the denominator", _exclude_dropped),
    ("CQS-02", "state-secret documents left in the denominator", _exclude_dropped),
    ("TT-01", ">= 1 a week written as > 1", lambda t: _with(t, threshold=_threshold("> 1"))),
    ("TT-01", "raised to >= 1,01 a week", lambda t: _with(t, threshold=_threshold(">= 1,01"))),
    ("TT-01", "lowered by one item a year, to >= 0,98 a week", lambda t: _with(t, threshold=_threshold(">= 0,98"))),
    ("XHS-07", ">= 70 per 100 written as > 70", lambda t: _with(t, threshold=_threshold("> 70"))),
    ("XHS-07", "raised to >= 70,1 per 100", lambda t: _with(t, threshold=_threshold(">= 70,1"))),
    ("XHS-07", "lowered to >= 69,9 per 100", lambda t: _with(t, threshold=_threshold(">= 69,9"))),
    ("DVC-06", "a reported 90% written as > 90%", lambda t: _with(t, threshold=_threshold("> 90%"))),
    ("DVC-06", "lowered to >= 89,9%", lambda t: _with(t, threshold=_threshold(">= 89,9%"))),
    ("KP-01", "1% of the budget written as > 1%", lambda t: _with(t, threshold=_threshold("> 1%"))),
    ("CQS-07", "the share of agencies raised to >= 35%", lambda t: _with(t, threshold=_threshold(">= 35%"))),
    ("ATTT-04", "every head lowered to >= 96%", lambda t: _with(t, threshold=_threshold(">= 96%"))),
    ("XHS-11", "a part's >= 50% written as > 50%", lambda t: _part(t, "pc-covid", "> 50%")),
]


@pytest.mark.parametrize(("target_id", "change", "mutate"), _MUTATIONS,
                         ids=[f"{t}: {c}" for t, c, _ in _MUTATIONS])
def test_a_changed_rule_fails_its_generated_scenarios(target_id: str, change: str,
                                                      mutate: Callable[[Target], Target]) -> None:
    pack, registry = _bundled()
    mutated = pack.model_copy(update={"targets": [mutate(t) if t.id == target_id else t for t in pack.targets]})
    mine = [p for p in _all_pickles() if _target_of(p) == target_id]
    assert all(_failure(p, pack, registry) is None for p in mine)
    failing = [p["name"] for p in mine if _failure(p, mutated, registry) is not None]
    assert failing, f"{target_id} {change}: no generated scenario fails"


# --- the committed specs are the scaffold's output; stable and in both languages ---------------

def test_committed_features_are_the_scaffold_of_the_current_rules() -> None:
    for file_name, text in _generated("vi").items():
        committed = (FEATURES_DIR / "vi" / file_name).read_bytes()
        assert committed == text.encode("utf-8"), f"features/vi/{file_name}: regenerate with " \
                                                  "python -m plancheck.features.scaffold"
    pack, registry = _bundled()
    sample = scaffold_feature(pack, registry, sample_targets(pack), "en")
    assert (FEATURES_DIR / "en" / SAMPLE_FILE).read_bytes() == sample.encode("utf-8")


def test_one_feature_per_area_and_stable_text() -> None:
    pack, registry = _bundled()
    files = _generated("vi")
    assert list(files) == [f"{a.id}.feature" for a in pack.areas]
    assert scaffold(pack, registry, None, "vi") == files
    assert all(text.endswith("\n") and not text.endswith("\n\n") for text in files.values())
    one = scaffold(pack, registry, ["DVC-03"], "vi")
    assert list(one) == ["dich-vu-so.feature"]
    assert "DVC-03" in one["dich-vu-so.feature"] and "DVC-02" not in one["dich-vu-so.feature"]
    with pytest.raises(KeyError, match="NO-SUCH"):
        scaffold(pack, registry, ["NO-SUCH"], "vi")


def test_english_output_uses_english_keywords() -> None:
    pack, registry = _bundled()
    text = scaffold(pack, registry, ["DVC-03", "CQS-04", "KTS-01"], "en")
    joined = "".join(text.values())
    assert joined.startswith("# language: en\nFeature: ")
    for word in ("Background:", "Scenario Outline:", "Examples:", "Given the units report:", "When the audit runs",
                 'Then target "DVC-03" for unit'):
        assert word in joined
    for word in ("Tính năng", "Kịch bản", "Dữ liệu", "Cho ", "Khi ", "Thì ", "KHÔNG ĐẠT"):
        assert word not in joined
    assert all(p["language"] == "en" for t in text.values() for p in _pickles(t))


def test_the_english_sample_covers_every_shape() -> None:
    pack, _ = _bundled()
    ids = sample_targets(pack)
    shapes = {pack.target(i).shape for i in ids}
    assert shapes == {t.shape for t in pack.targets}
    pickles = _pickles((FEATURES_DIR / "en" / SAMPLE_FILE).read_text(encoding="utf-8"))
    assert {_target_of(p) for p in pickles} == set(ids)
    pack, registry = _bundled()
    assert not [(p["name"], f) for p in pickles if (f := _failure(p, pack, registry)) is not None]


# --- generic over any pack: other comparisons, roll-ups and periods ----------------------------

def _variant() -> Pack:
    """The bundled pack with each comparison, roll-up and measure the bundled targets do not use."""
    pack, _ = _bundled()
    th = _threshold
    changes: dict[str, dict[str, Any]] = {
        "ATTT-03": {"threshold": th("<= 30%")},
        "DVC-03": {"threshold": th("< 60%")},
        "DVC-02": {"threshold": th("= 100%")},
        "DVC-04": {"threshold": th("= 50%")},
        "ATTT-05": {"rollup": Rollup.MEAN},
        "DVC-05": {"rollup": Rollup.MEAN, "levels": [Level.DISTRICT]},
        "XHS-08": {"rollup": Rollup.EVERY_UNIT, "levels": [Level.DISTRICT]},
        "TT-01": {"threshold": th(">= 4")},
    }
    targets = []
    for t in pack.targets:
        t = _with(t, **changes.get(t.id, {}))
        if t.id == "TT-01":
            assert t.measure is not None and t.measure.rate is not None
            t = _with(t, measure=t.measure.model_copy(update={"rate": t.measure.rate.model_copy(
                update={"per": "month"})}))
        if t.id == "ATTT-06":  # a share of units on a ratio, each unit at its own threshold
            t = _with(t, rollup=Rollup.SHARE_OF_UNITS, levels=[Level.DISTRICT], unit_threshold=th(">= 70%"),
                      threshold=th("> 50%"))
        targets.append(t)
    info = pack.pack.model_copy(update={"period": "2022-Q3"})
    return pack.model_copy(update={"pack": info, "targets": targets})


def test_scaffold_is_generic_over_comparisons_roll_ups_and_periods() -> None:
    pack = _variant()
    _, registry = _bundled()
    pickles = [p for text in scaffold(pack, registry, None, "vi").values() for p in _pickles(text)]
    assert not [(p["name"], f) for p in pickles if (f := _failure(p, pack, registry)) is not None]
    names = " ".join(p["name"] for p in pickles)
    assert "DVC-05" in names and "toàn tỉnh, 8 đơn vị báo cáo" in names
