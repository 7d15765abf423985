"""The 2022 targets measured on the 2021 report (rules/packs/dak-nong-2022-on-2021-report.yaml): which
targets were already met when the plan started (issue 4, part 2).

The pack's targets are the 2022 pack's own (same id, area, titles, clause, wording and threshold),
each measured on a figure the 2021 report prints; its metric catalog is the 2021 report's, so the
same fact file validates against both. The verdicts asserted here are the arithmetic of the printed
figures, and the section "Where the plan started" of docs/dak-nong-2022.md documents the same ones.
"""

from __future__ import annotations

import re
from fractions import Fraction
from functools import cache
from pathlib import Path

from click.testing import CliRunner

from plancheck.audit import AuditResult, run_audit
from plancheck.cli import main
from plancheck.engine.verdicts import Status
from plancheck.facts import SAMPLES_DIR
from plancheck.rules import PACKS_DIR
from plancheck.rules.loader import load_pack
from plancheck.rules.model import Pack, Target

PACK_FILE = PACKS_DIR / "dak-nong-2022-on-2021-report.yaml"
PLAN_FILE = PACKS_DIR / "dak-nong-2022.yaml"
REPORT_FILE = PACKS_DIR / "dak-nong-2021-report.yaml"
FACTS = SAMPLES_DIR / "dak-nong-2021-report"
DOC = Path(__file__).resolve().parents[2] / "docs" / "dak-nong-2022.md"
SECTION = "## Where the plan started: the 2022 targets on the 2021 report"

MET, NOT_MET = Status.MET, Status.NOT_MET
# (target, part): (verdict, value), every value a printed figure or a printed pair of counts
EXPECTED: dict[tuple[str, str], tuple[Status, Fraction | None]] = {
    ("CQS-01", ""): (MET, Fraction(1)),  # iOffice in 100% of agencies, province to commune
    ("CQS-02", ""): (MET, Fraction(95, 100)),  # "khoảng 95%" of documents exchanged electronically
    ("DVC-02", ""): (MET, Fraction(1)),  # "tỷ lệ dịch vụ công mức 4 đủ điều kiện đạt 100%"
    ("DVC-03", ""): (NOT_MET, Fraction(416, 1166)),  # 35,68%, not above 60% (levels 3 and 4 together)
    ("DVC-04", ""): (NOT_MET, Fraction(370, 1166)),  # 31,73% for 50%
    ("DVC-05", ""): (MET, Fraction(64632, 193667)),  # 33,37% at level 3 alone, for 30%
    ("XHS-05", ""): (NOT_MET, Fraction(40, 100)),  # "khoảng 40%" for 60%
    ("XHS-06", "households-fibre"): (NOT_MET, Fraction(20, 100)),  # "khoảng 20%" for 50%
    ("XHS-06", "villages-3g4g"): (NOT_MET, Fraction(97, 100)),  # 4G in 97% of villages, for 100%
    ("XHS-06", ""): (NOT_MET, None),  # a compound: its parts carry the values
    ("XHS-07", ""): (NOT_MET, Fraction(527, 10)),  # 52,7 per 100 inhabitants, for 70 per 100
}
ALREADY_MET = {"CQS-01", "CQS-02", "DVC-02", "DVC-05"}
NOT_YET = {"DVC-03", "DVC-04", "XHS-05", "XHS-06", "XHS-07"}


@cache
def pack() -> Pack:
    loaded, diagnostics = load_pack(PACK_FILE)
    assert diagnostics == [], [str(d) for d in diagnostics]
    assert loaded is not None
    return loaded


@cache
def other(path: Path) -> Pack:
    loaded, diagnostics = load_pack(path)
    assert loaded is not None, [str(d) for d in diagnostics]
    return loaded


@cache
def audit() -> AuditResult:
    return run_audit(PACK_FILE, [FACTS], period="2021")


def _threshold_text(t: Target) -> str | None:
    return t.threshold.text if t.threshold is not None else None


def test_the_pack_loads_without_errors_or_warnings() -> None:
    p = pack()
    assert p.pack.id == "dak-nong-2022-on-2021-report"
    assert p.pack.period == "2021"
    assert "231/QĐ-UBND" in p.pack.source and "Phần I" in p.pack.source and "Phụ lục I" in p.pack.source
    assert p.checks == []  # the report's consistency checks live in its own pack
    assert {t.id for t in p.targets} == ALREADY_MET | NOT_YET


def test_areas_are_the_2022_packs() -> None:
    assert [a.model_dump() for a in pack().areas] == [a.model_dump() for a in other(PLAN_FILE).areas]


def test_metrics_are_the_2021_reports_catalog_with_the_same_ids_kinds_and_levels() -> None:
    report = {m.id: m for m in other(REPORT_FILE).metrics}
    mine = {m.id: m for m in pack().metrics}
    assert sorted(set(mine) - set(report)) == []  # no metric of its own: only printed figures
    assert sorted(set(report) - set(mine)) == []  # every figure of the fact file is known
    for mid, m in mine.items():
        assert (m.kind, m.levels, m.not_above) == (report[mid].kind, report[mid].levels, report[mid].not_above), mid


def test_every_target_is_the_2022_target_with_the_same_words_clause_and_threshold() -> None:
    plan = {t.id: t for t in other(PLAN_FILE).targets}
    for t in pack().targets:
        assert t.id in plan, f"{t.id} is not a target of the 2022 pack"
        p = plan[t.id]
        assert (t.area, t.title_vi, t.title_en, t.clause, t.wording) == (
            p.area, p.title_vi, p.title_en, p.clause, p.wording), t.id
        assert _threshold_text(t) == _threshold_text(p), t.id
        assert t.thresholds_by_level is None and p.thresholds_by_level is None
        assert t.increase_over is None and not t.manual
        assert t.note, f"{t.id}: the note must say which 2021 figure measures it"
        if p.all_of is None:
            assert t.all_of is None and t.measure is not None, t.id
            assert t.levels == ["province"], t.id
            continue
        assert t.all_of is not None, t.id
        assert [(q.id, q.title_vi, q.title_en, q.wording, q.threshold.text if q.threshold else None)
                for q in t.all_of] == [
               (q.id, q.title_vi, q.title_en, q.wording, q.threshold.text if q.threshold else None)
               for q in p.all_of], t.id
        assert all(q.levels == ["province"] for q in t.all_of), t.id


def test_the_audit_gives_the_documented_verdicts_on_the_printed_figures() -> None:
    result = audit()
    got = {(v.target, v.part): (v.status, v.value) for v in result.verdicts}
    assert got == EXPECTED
    assert {v.target for v in result.verdicts if not v.part and v.status is MET} == ALREADY_MET
    assert {v.target for v in result.verdicts if not v.part and v.status is NOT_MET} == NOT_YET
    # a per-100 rate is compared as printed: 52,7 against 70 (not against 70% = 0,7)
    xhs07 = next(v for v in result.verdicts if v.target == "XHS-07")
    assert (xhs07.threshold, xhs07.threshold_text) == (70, ">= 70")


def test_the_only_error_is_the_ambiguous_amount_no_target_uses() -> None:
    errors = [d for d in audit().diagnostics if d.severity.value == "error"]
    assert [(d.code, d.location.field) for d in errors] == [("F005", "appendix1_it_item_10")]
    measures = [t.measure for t in pack().targets if t.measure is not None]
    measures += [q.measure for t in pack().targets for q in (t.all_of or [])]
    assert "appendix1_it_item_10" not in {m for measure in measures for m in measure.metric_ids()}
    assert {d.code for d in audit().diagnostics} <= {"F005", "A001"}  # no unknown metric


def test_the_command_exits_2_and_shows_the_verdicts() -> None:
    runner = CliRunner(env={"COLUMNS": "250"})
    args = ["audit", "--pack", str(PACK_FILE), "--facts", str(FACTS), "--period", "2021"]
    out = runner.invoke(main, args, catch_exceptions=False)
    assert out.exit_code == 2
    assert "9 kết luận: 4 ĐẠT, 5 KHÔNG ĐẠT" in out.stdout
    english = runner.invoke(main, [*args, "--lang", "en"], catch_exceptions=False)
    assert english.exit_code == 2
    assert "9 verdicts: 4 met, 5 not met" in english.stdout


def _section() -> str:
    text = DOC.read_text(encoding="utf-8")
    assert SECTION in text
    return text.split(SECTION, 1)[1]


def _table_ids(section: str, heading: str) -> dict[str, str]:
    """The rows of the first table after ``heading``: target id -> the row's last cell."""
    part = section.split(heading, 1)[1]
    rows: dict[str, str] = {}
    for line in part.splitlines():
        m = re.match(r"\|\s*([A-Z]+-\d+)\s*\|", line)
        if m:
            rows[m.group(1)] = line.strip().strip("|").split("|")[-1].strip()
        elif rows and not line.startswith("|"):
            break
    return rows


def test_the_docs_section_documents_these_verdicts_and_every_target_left_out() -> None:
    section = _section()
    assert "plancheck audit --pack rules/packs/dak-nong-2022-on-2021-report.yaml" in section
    measured = _table_ids(section, "### The 9 targets the 2021 report measures")
    left_out = _table_ids(section, "### The 32 targets the 2021 report has no figure for")
    assert {i for i, verdict in measured.items() if verdict == "already met"} == ALREADY_MET
    assert {i for i, verdict in measured.items() if verdict.startswith("not yet")} == NOT_YET
    assert set(measured) == ALREADY_MET | NOT_YET
    plan_ids = {t.id for t in other(PLAN_FILE).targets}
    assert len(plan_ids) == 41
    assert set(left_out) == plan_ids - set(measured)
    assert all(why.startswith("no 2021 figure") for why in left_out.values())
