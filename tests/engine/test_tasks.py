"""Task verdicts as of a date, decided on durable-rules: table-driven cases with explicit dates, the
leads that report (one unit, joint co-leads, every unit of a level, an outside body), the ledger, a
plain-Python reference over generated facts, and the bundled pack and samples end to end (run,
table, JSON)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from plancheck.audit import InputError
from plancheck.diagnostics import Location
from plancheck.engine.durable import Session
from plancheck.engine.tasks import TaskStatus, decide_tasks, lead_parties, status_of, task_rules
from plancheck.facts.model import Registry, Unit
from plancheck.facts.task_status import Progress, StatusReport
from plancheck.render.tasks import SCHEMA, render_tasks, tasks_json
from plancheck.rules import PACKS_DIR
from plancheck.rules.levels import Level
from plancheck.rules.model import Pack
from plancheck.tasks_report import run_tasks

REGISTRY = Registry("t", (
    Unit("SO-A", "Sở A", Level.DEPARTMENT), Unit("SO-B", "Sở B", Level.DEPARTMENT),
    Unit("H-X", "UBND huyện X", Level.DISTRICT), Unit("H-Y", "UBND huyện Y", Level.DISTRICT),
))
S = TaskStatus


def _pack(*tasks: dict[str, Any]) -> Pack:
    items = [{"name_vi": "Nhiệm vụ", "group": "I", "clause": "Phụ lục 2", "lead": {"text": "Sở A", "units": ["SO-A"]},
              **t} for t in tasks]
    return Pack.model_validate({
        "pack": {"id": "t", "title_vi": "T", "source": "s", "period": "2022"}, "areas": [], "metrics": [],
        "targets": [], "tasks": {"groups": [{"id": "I", "name_vi": "I"}], "items": items},
    })


def _report(progress: str, on: str, year: int = 2022, task: str = "NV-01", unit: str = "SO-A",
            is_lead: bool = True, line: int = 1) -> StatusReport:
    return StatusReport(task, unit, str(year), year, Progress(progress), date.fromisoformat(on), "",
                        Location("s.yaml", line), is_lead)


# -- one task, one lead: every verdict, its boundaries ----------------------------------------------

CASES: list[tuple[str, str, list[StatusReport], str, list[TaskStatus]]] = [
    ("done before the deadline", "2022", [_report("done", "2022-11-15")], "2023-03-31", [S.DONE]),
    ("done on the deadline day", "2022", [_report("done", "2022-12-31")], "2023-03-31", [S.DONE]),
    ("done a day late", "2022", [_report("done", "2023-01-01")], "2023-03-31", [S.DONE_LATE]),
    ("in progress, deadline day not past", "2022", [_report("in_progress", "2022-06-01")], "2022-12-31",
     [S.ON_TRACK]),
    ("in progress, deadline passed", "2022", [_report("in_progress", "2022-06-01")], "2023-01-01", [S.OVERDUE]),
    ("not started, before the deadline", "2022", [_report("not_started", "2022-03-01")], "2022-06-30",
     [S.NOT_STARTED]),
    ("not started, deadline passed", "2022", [_report("not_started", "2022-03-01")], "2023-01-01", [S.OVERDUE]),
    ("no report, before the deadline", "2022", [], "2022-06-30", [S.NO_REPORT]),
    ("no report, deadline passed", "2022", [], "2023-01-01", [S.OVERDUE_UNREPORTED]),
    ("a range is due at the end of its last year", "2022-2025", [_report("in_progress", "2022-12-15")],
     "2025-12-31", [S.ON_TRACK]),
    ("a range past its last year", "2022-2025", [_report("in_progress", "2022-12-15")], "2026-01-01",
     [S.OVERDUE]),
    ("a range begun before the plan", "2021-2022", [_report("done", "2021-09-01", year=2021)], "2023-01-01",
     [S.DONE]),
    ("the latest report counts", "2022", [_report("in_progress", "2022-06-01"), _report("done", "2022-11-01")],
     "2023-01-10", [S.DONE]),
    ("a later report may take back a done", "2022", [_report("done", "2022-06-01"),
                                                     _report("in_progress", "2022-11-01")], "2023-01-10",
     [S.OVERDUE]),
    ("a report dated after as-of is not known yet", "2022", [_report("done", "2022-12-01")], "2022-11-30",
     [S.NO_REPORT]),
    ("yearly: 2022 reported, 2023 not yet due", "Hàng năm", [_report("done", "2022-12-20")], "2023-06-30",
     [S.DONE, S.NO_REPORT]),
    ("yearly: 2022 reported, 2023 missing", "Hàng năm", [_report("done", "2022-12-20")], "2024-01-15",
     [S.DONE, S.OVERDUE_UNREPORTED, S.NO_REPORT]),
    ("yearly: a report counts for its own year only", "Hàng năm", [_report("done", "2023-02-01", year=2023)],
     "2023-06-30", [S.OVERDUE_UNREPORTED, S.DONE]),
    ("yearly: done late for 2022", "Hàng năm", [_report("done", "2023-01-05")], "2023-01-10",
     [S.DONE_LATE, S.NO_REPORT]),
    ("yearly before the plan's year judges the plan's year", "Hàng năm", [], "2021-05-01", [S.NO_REPORT]),
]


@pytest.mark.parametrize(("timeline", "reports", "as_of", "expected"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_verdicts(timeline: str, reports: list[StatusReport], as_of: str, expected: list[TaskStatus]) -> None:
    pack = _pack({"id": "NV-01", "timeline": timeline})
    result = decide_tasks(pack, reports, REGISTRY, date.fromisoformat(as_of))
    assert [v.status for v in result.verdicts] == expected
    assert [v.rule.split("|")[0] for v in result.verdicts] == ["task"] * len(expected)
    assert len(result.ledger.posted) == len(result.ledger.decided) == len(expected)


def test_days_past_and_late() -> None:
    pack = _pack({"id": "NV-01", "timeline": "2022"})
    [v] = decide_tasks(pack, [_report("done", "2023-01-20")], REGISTRY, date(2023, 3, 31)).verdicts
    assert (v.status, v.deadline, v.days_late, v.days_past) == (S.DONE_LATE, date(2022, 12, 31), 20, 90)
    [v] = decide_tasks(pack, [_report("in_progress", "2022-05-01")], REGISTRY, date(2022, 12, 1)).verdicts
    assert (v.days_late, v.days_past) == (None, -30)


def test_superseded_and_unused_reports_are_accounted_for() -> None:
    pack = _pack({"id": "NV-01", "timeline": "2022"}, {"id": "NV-02", "timeline": "Hàng năm"})
    early, late = _report("in_progress", "2022-06-01"), _report("done", "2022-11-01", line=2)
    future = _report("done", "2023-05-01", line=3)
    old_year = _report("done", "2021-12-01", year=2021, task="NV-02", line=4)
    result = decide_tasks(pack, [early, late, future, old_year], REGISTRY, date(2023, 1, 31))
    v = result.verdicts[0]
    assert v.report is late and v.superseded == [early]
    assert [(r.source.line, why) for r, why in result.unused] == [(3, "after_as_of"), (4, "not_judged")]


# -- who reports -----------------------------------------------------------------------------------

def test_each_kind_of_lead() -> None:
    pack = _pack(
        {"id": "NV-01", "timeline": "2022", "lead": {"text": "Sở A, Sở B", "units": ["SO-A", "SO-B"], "joint": True}},
        {"id": "NV-02", "timeline": "2022", "lead": {"text": "Các Sở, UBND", "every": ["department", "district"]}},
        {"id": "NV-03", "timeline": "2022", "lead": {"text": "Sở A; Công an tỉnh", "units": ["SO-A"],
                                                     "others": ["Công an tỉnh"]}},
    )
    assert [p.key for t in pack.tasks.items for p in lead_parties(t, REGISTRY)] == [
        "SO-A+SO-B", "SO-A", "SO-B", "H-X", "H-Y", "SO-A", "Công an tỉnh"]
    reports = [
        _report("done", "2022-10-01", task="NV-01", unit="SO-B"),  # one co-lead reports for both
        _report("done", "2022-10-01", task="NV-02", unit="H-Y"),
        _report("done", "2022-10-01", task="NV-03", unit="công an  tỉnh"),
        _report("done", "2022-10-01", task="NV-03", unit="SO-B", is_lead=False),  # not a lead: never counted
    ]
    result = decide_tasks(pack, reports, REGISTRY, date(2023, 1, 10))
    got = {(v.task, v.lead.key): v.status for v in result.verdicts}
    assert got == {
        ("NV-01", "SO-A+SO-B"): S.DONE,
        ("NV-02", "SO-A"): S.OVERDUE_UNREPORTED, ("NV-02", "SO-B"): S.OVERDUE_UNREPORTED,
        ("NV-02", "H-X"): S.OVERDUE_UNREPORTED, ("NV-02", "H-Y"): S.DONE,
        ("NV-03", "SO-A"): S.OVERDUE_UNREPORTED, ("NV-03", "Công an tỉnh"): S.DONE,
    }
    nv03 = [v for v in result.verdicts if v.task == "NV-03"]
    assert all(len(v.not_lead) == 1 and v.not_lead[0].reporter == "SO-B" for v in nv03)


def test_one_year_only() -> None:
    pack = _pack({"id": "NV-01", "timeline": "2022"}, {"id": "NV-02", "timeline": "2022-2025"},
                 {"id": "NV-03", "timeline": "Hàng năm"})
    result = decide_tasks(pack, [], REGISTRY, date(2024, 6, 1), year=2023)
    assert [(v.task, v.year, v.status) for v in result.verdicts] == [
        ("NV-02", 2025, S.NO_REPORT), ("NV-03", 2023, S.OVERDUE_UNREPORTED)]


# -- the rules against a plain-Python reference ------------------------------------------------------

def _reference(code: int, past: int, late: int) -> TaskStatus:
    if code == 3:
        return S.DONE_LATE if late > 0 else S.DONE
    if past > 0:
        return S.OVERDUE if code else S.OVERDUE_UNREPORTED
    return {0: S.NO_REPORT, 1: S.NOT_STARTED, 2: S.ON_TRACK}[code]


_DAYS = st.one_of(st.integers(-2, 2), st.integers(-5000, 5000))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), _DAYS, _DAYS), min_size=1, max_size=60))
def test_the_rules_agree_with_the_reference(facts: list[tuple[int, int, int]]) -> None:
    posted = [{"id": f"f{i}", "k": "task", "code": c, "past": p, "late": late if c == 3 else 0}
              for i, (c, p, late) in enumerate(facts)]
    with Session(task_rules(), label="plancheck-tasks-test") as session:
        decided = session.decide(posted)
    session.ledger.check_cited(list(decided))
    for f in posted:
        assert status_of(decided[f["id"]]) is _reference(f["code"], f["past"], f["late"]), f


def test_every_status_has_a_rule_and_labels() -> None:
    assert {status_of(name) for name in task_rules()} == set(TaskStatus)
    assert [s.label("vi") for s in TaskStatus] == ["HOÀN THÀNH", "HOÀN THÀNH TRỄ HẠN", "ĐÚNG TIẾN ĐỘ",
                                                   "CHƯA BẮT ĐẦU", "CHƯA BÁO CÁO", "QUÁ HẠN",
                                                   "QUÁ HẠN, CHƯA BÁO CÁO"]


# -- the bundled pack and samples, end to end -------------------------------------------------------

AS_OF = date(2023, 3, 31)


@pytest.fixture(scope="module")
def bundled() -> Any:
    return run_tasks(as_of=AS_OF)


def test_the_samples_show_every_verdict(bundled: Any) -> None:
    assert bundled.diagnostics == []
    counts = bundled.counts()
    assert all(counts[s] > 0 for s in TaskStatus), counts
    assert sum(counts.values()) == len(bundled.verdicts) == len(bundled.evaluation.ledger.posted)
    got = {(v.task, v.year, v.lead.key): v for v in bundled.verdicts}
    assert got["NV-02", 2022, "SO-TTTT"].status is S.DONE_LATE and got["NV-02", 2022, "SO-TTTT"].days_late == 20
    assert got["NV-20", 2024, "SO-NOI-VU"].status is S.NOT_STARTED
    assert got["NV-05", 2025, "SO-TTTT"].status is S.ON_TRACK
    assert got["NV-03", 2022, "SO-TTTT"].status is S.OVERDUE
    assert got["NV-14", 2022, "SO-TTTT+SO-NOI-VU"].status is S.DONE
    assert got["NV-45", 2022, "Công an tỉnh"].status is S.DONE
    assert got["NV-45", 2023, "Công an tỉnh"].status is S.NO_REPORT
    assert got["NV-23", 2022, "H-DAK-MIL"].status is S.OVERDUE
    assert got["NV-23", 2022, "SO-TTTT"].status is S.OVERDUE_UNREPORTED
    assert {v.task for v in bundled.verdicts} == {f"NV-{n:02d}" for n in range(1, 52)}


def test_later_as_of_turns_on_track_into_overdue() -> None:
    report = run_tasks(as_of=date(2026, 1, 1))
    got = {(v.task, v.year, v.lead.key): v.status for v in report.verdicts}
    assert got["NV-05", 2025, "SO-TTTT"] is S.OVERDUE
    assert got["NV-20", 2024, "SO-NOI-VU"] is S.OVERDUE
    assert got["NV-45", 2025, "Công an tỉnh"] is S.OVERDUE_UNREPORTED
    assert report.counts()[S.ON_TRACK] == report.counts()[S.NOT_STARTED] == 0


def test_one_period_and_its_unused_reports() -> None:
    report = run_tasks(as_of=AS_OF, period="2023")
    assert {v.year for v in report.verdicts if v.yearly} == {2023}
    [warning] = report.diagnostics
    # of the 32 sample reports, only those on the six ranges that cover 2023 are judged
    assert warning.code == "T011" and warning.message.startswith("26 lead report(s) on a year that is not judged")


def test_bad_input_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        run_tasks(as_of=AS_OF, period="năm 2022")
    assert err.value.diagnostics[0].code == "O001"
    with pytest.raises(InputError) as err:
        run_tasks(pack_path=PACKS_DIR / "dak-nong-2021-report.yaml", as_of=AS_OF)
    assert err.value.diagnostics[0].code == "T020"
    registry = tmp_path / "r.yaml"
    registry.write_text("units:\n  - {id: SO-TTTT, level: department, name_vi: Sở TTTT}\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        run_tasks(registry_path=registry, as_of=AS_OF)
    first = err.value.diagnostics[0]
    assert (first.code, first.location.file, first.location.line) == ("R133", "rules/packs/dak-nong-2022.yaml",
                                                                      first.location.line)
    assert first.location.line > 1200 and "SO-NOI-VU" in first.message


def test_errors_in_status_files_leave_the_rest_judged(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("task,unit,period,status,date\nNV-01,SO-TTTT,2022,done,2022-12-01\n"
                                    "NV-1O,SO-TTTT,2022,done,2022-12-01\n", encoding="utf-8")
    report = run_tasks(status_paths=[tmp_path], as_of=AS_OF)
    assert report.invalid_input and [d.code for d in report.diagnostics] == ["T005"]
    assert report.counts()[S.DONE] == 1


def test_the_table_lists_tasks_by_lead(bundled: Any) -> None:
    console = Console(width=200, record=True, color_system=None)
    render_tasks(bundled, "vi", console)
    text = console.export_text()
    assert text.index("VP-UBND · Văn phòng UBND tỉnh") < text.index("SO-NOI-VU · Sở Nội vụ") < \
        text.index("SO-TTTT · Sở Thông tin và Truyền thông") < text.index("Công an tỉnh (ngoài danh mục đơn vị)")
    assert "HOÀN THÀNH TRỄ HẠN" in text and "trễ hạn 20 ngày" in text and "quá hạn 90 ngày" in text
    tttt = text[text.index("SO-TTTT · Sở"):text.index("SO-LD-TBXH · ")]
    noi_vu = text[text.index("SO-NOI-VU · Sở"):text.index("SO-TU-PHAP · ")]
    assert "NV-14" in tttt and "NV-14" in noi_vu and "cùng chủ trì: SO-TTTT" in noi_vu
    counts = bundled.counts()
    assert f"{len(bundled.verdicts)} kết luận về 51 nhiệm vụ: {counts[S.DONE]} HOÀN THÀNH;" in text
    console = Console(width=200, record=True, color_system=None)
    render_tasks(bundled, "en", console)
    english = console.export_text()
    assert "SO-TTTT · Department of Information and Communications" in english
    assert "done late" in english and "late by 20 days" in english and "HOÀN THÀNH" not in english


def test_the_json(bundled: Any) -> None:
    out = json.loads(json.dumps(tasks_json(bundled), ensure_ascii=False))
    assert out["schema"] == SCHEMA == "plancheck.tasks/1"
    assert out["as_of"] == "2023-03-31" and out["summary"]["tasks"] == 51 == len(out["tasks"])
    assert out["ledger"]["posted"] == out["ledger"]["decided"] == out["ledger"]["cited"] == len(out["verdicts"])
    assert sum(out["summary"]["by_status"].values()) == len(out["verdicts"])
    ids = {v["id"] for v in out["verdicts"]}
    assert all(set(g["verdicts"]) <= ids for g in out["by_lead"])
    late = next(v for v in out["verdicts"] if v["id"] == "NV-02|2022|SO-TTTT")
    assert (late["status"], late["status_vi"], late["days_late"], late["deadline"]) == (
        "done_late", "HOÀN THÀNH TRỄ HẠN", 20, "2022-12-31")
    assert late["report"]["date"] == "2023-01-20" and late["report"]["file"].endswith("SO-TTTT.yaml")
    nv14 = next(t for t in out["tasks"] if t["id"] == "NV-14")
    assert nv14["lead"] == {"text": "Sở Thông tin và Truyền thông, Sở Nội vụ", "units": ["SO-TTTT", "SO-NOI-VU"],
                            "every": [], "others": [], "joint": True}
    assert [g["id"] for g in nv14["group"]] == ["II", "II.b"]


def test_deadline_boundary_over_a_year_of_as_of_dates() -> None:
    pack = _pack({"id": "NV-01", "timeline": "2022"})
    reports = [_report("in_progress", "2022-01-02")]
    day = date(2022, 12, 25)
    seen = []
    while day <= date(2023, 1, 5):
        [v] = decide_tasks(pack, reports, REGISTRY, day).verdicts
        seen.append(v.status)
        day += timedelta(days=1)
    assert seen == [S.ON_TRACK] * 7 + [S.OVERDUE] * 5


def test_a_lead_unit_the_registry_lacks_is_not_dropped() -> None:
    pack = _pack({"id": "NV-01", "timeline": "2022", "lead": {"text": "Sở Z", "units": ["SO-Z"]}})
    [v] = decide_tasks(pack, [], REGISTRY, date(2023, 1, 10)).verdicts
    assert (v.lead.key, v.status) == ("SO-Z", S.OVERDUE_UNREPORTED)
