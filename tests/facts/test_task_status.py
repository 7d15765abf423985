"""Task status reports: YAML, JSON and CSV read into reports, every error located (file, line,
field) with a suggestion where one helps, and a report from a unit that does not lead the task kept
apart with a warning."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from plancheck.diagnostics import Severity
from plancheck.facts import SAMPLES_DIR
from plancheck.facts.model import Registry
from plancheck.facts.registry import load_registry
from plancheck.facts.task_status import Progress, StatusLoad, load_task_status
from plancheck.rules import DEFAULT_PACK
from plancheck.rules.loader import load_pack
from plancheck.rules.model import Pack


@pytest.fixture(scope="module")
def bundled() -> tuple[Pack, Registry]:
    pack, _ = load_pack(DEFAULT_PACK)
    registry, _ = load_registry()
    assert pack is not None
    return pack, registry


def _load(tmp_path: Path, name: str, text: str, bundled: tuple[Pack, Registry]) -> StatusLoad:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_task_status([path], *bundled)


def _diags(load: StatusLoad) -> list[tuple[str, int, str, str, str]]:
    return [(d.code, d.location.line, d.location.field, d.severity.value, d.suggestion) for d in load.diagnostics]


YAML = """\
unit: Sở TT&TT
submitted_by: Phòng CĐS
reports:
  - task: NV-02
    period: "2022"
    status: hoàn thành
    date: 2023-01-20
    evidence: Báo cáo DTI
  - task: nv-05
    period: 2022-Q4
    status: Đang thực hiện
    date: 15/12/2022
  - task: NV-14
    unit: SO-NOI-VU
    period: 2022
    status: done
    date: "2022-12-10"
"""


def test_yaml_reports_are_read_with_their_lines(tmp_path: Path, bundled: tuple[Pack, Registry]) -> None:
    load = _load(tmp_path, "s.yaml", YAML, bundled)
    assert load.diagnostics == []
    assert [(r.task, r.reporter, r.period, r.year, r.progress, r.on, r.evidence, r.source.line, r.is_lead)
            for r in load.reports] == [
        ("NV-02", "SO-TTTT", "2022", 2022, Progress.DONE, date(2023, 1, 20), "Báo cáo DTI", 4, True),
        ("NV-05", "SO-TTTT", "2022-Q4", 2022, Progress.IN_PROGRESS, date(2022, 12, 15), "", 9, True),
        ("NV-14", "SO-NOI-VU", "2022", 2022, Progress.DONE, date(2022, 12, 10), "", 13, True),
    ]
    assert load.rows == 3 and load.files == [str(tmp_path / "s.yaml")]


def test_csv_reports_with_semicolons_and_vietnamese_dates(tmp_path: Path, bundled: tuple[Pack, Registry]) -> None:
    text = ("task;unit;period;status;date;evidence\n"
            "NV-23;UBND huyện Cư Jút;2022;chưa bắt đầu;05/03/2022;Chưa có kinh phí\n"
            "\n"
            "NV-45;công an tỉnh;2022;in progress;2022-06-30;\n")
    load = _load(tmp_path, "d.csv", text, bundled)
    assert load.diagnostics == []
    assert [(r.task, r.reporter, r.progress, r.on, r.evidence, r.source.line) for r in load.reports] == [
        ("NV-23", "H-CU-JUT", Progress.NOT_STARTED, date(2022, 3, 5), "Chưa có kinh phí", 2),
        ("NV-45", "Công an tỉnh", Progress.IN_PROGRESS, date(2022, 6, 30), "", 4),
    ]


@pytest.mark.parametrize(("report", "expected"), [
    ("task: NV-1\n", ("T005", 4, "task", "error", "did you mean `NV-01`?")),
    ("task: QX-7\n", ("T005", 4, "task", "error", "")),
    ("task: NV-01\n    unit: Sở Thông tin và Truyền thôn\n",
     ("T006", 5, "unit", "error", "did you mean `Sở Thông tin và Truyền thông`?")),
    ("task: NV-45\n    unit: Công an tỉn\n", ("T006", 5, "unit", "error", "did you mean `Công an tỉnh`?")),
    ("task: NV-01\n    status: hoan thanh\n", ("T007", 5, "status", "error", "did you mean `hoàn thành`?")),
    ("task: NV-01\n    date: 31/02/2022\n", ("T008", 5, "date", "error", "write 2022-12-30 or 30/12/2022")),
    ("task: NV-01\n    period: '22'\n", ("T008", 5, "period", "error",
                                        "write the year reported on, '2022' (or 2022-Q3, 2022-07)")),
    ("task: NV-01\n    evidance: x\n", ("T004", 5, "evidance", "error", "did you mean `evidence`?")),
    ("task: NV-01\n    evidence: [a, b]\n", ("T002", 5, "evidence", "error", "")),
    ("task: NV-04\n", ("T009", 1, "unit", "warning", "")),
])
def test_errors_are_located_with_a_suggestion(tmp_path: Path, bundled: tuple[Pack, Registry], report: str,
                                              expected: tuple[str, int, str, str, str]) -> None:
    base = {"status": "hoàn thành", "date": "2022-12-01", "period": "'2022'"}
    for key in list(base):
        if f"{key}:" in report:
            del base[key]
    text = "unit: SO-TTTT\nreports:\n  -\n    " + report + "".join(f"    {k}: {v}\n" for k, v in base.items())
    load = _load(tmp_path, "s.yaml", text, bundled)
    assert _diags(load) == [expected]
    assert all(d.location.file == str(tmp_path / "s.yaml") for d in load.diagnostics)


def test_a_report_from_a_unit_that_does_not_lead_is_kept_apart(tmp_path: Path, bundled: tuple[Pack, Registry]) -> None:
    load = _load(tmp_path, "s.yaml", "unit: SO-Y-TE\nreports:\n  - {task: NV-04, period: '2022', status: done, "
                                     "date: 2022-10-01}\n", bundled)
    [warning] = load.diagnostics
    assert warning.code == "T009" and warning.severity is Severity.WARNING
    assert "SO-Y-TE does not lead NV-04 (the lead: Sở Nội vụ)" in warning.message
    assert [r.is_lead for r in load.reports] == [False] and load.lead_reports == []


@pytest.mark.parametrize(("task", "unit", "is_lead"), [
    ("NV-23", "H-TUY-DUC", True),  # every district leads its own part
    ("NV-23", "X-CU-JUT-DAK-WIL", False),  # a commune does not
    ("NV-11", "THANH-TRA", True),  # every department
    ("NV-11", "H-CU-JUT", False),
    ("NV-14", "SO-NOI-VU", True),  # a joint lead
    ("NV-34", "Báo Đắk Nông", True),  # an outside body beside every district
    ("NV-45", "Ngân hàng Nhà nước tỉnh", False),  # an outside body that leads another task
])
def test_who_leads(tmp_path: Path, bundled: tuple[Pack, Registry], task: str, unit: str, is_lead: bool) -> None:
    load = _load(tmp_path, "s.csv", f"task,unit,period,status,date\n{task},{unit},2022,done,2022-12-01\n", bundled)
    assert [r.is_lead for r in load.reports] == [is_lead]
    assert [d.code for d in load.diagnostics] == ([] if is_lead else ["T009"])


def test_missing_fields_each_reported(tmp_path: Path, bundled: tuple[Pack, Registry]) -> None:
    load = _load(tmp_path, "s.yaml", "reports:\n  - task: NV-01\n    status:\n", bundled)
    assert _diags(load) == [("T003", 2, k, "error", "") for k in ("date", "period", "status", "unit")]
    assert load.reports == [] and load.rows == 1


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("one.yaml", "task: NV-01\nunit: SO-TTTT\nperiod: '2022'\nstatus: done\ndate: 2022-05-01\n", []),
    ("list.json", '[{"task": "NV-01", "unit": "SO-TTTT", "period": "2022", "status": "done", "date": "2022-05-01"}]',
     []),
    ("bad.yaml", "unit: SO-TTTT\nreports: [\n", [("T001", 3)]),
    ("shape.yaml", "- just text\n", [("T002", 1)]),
    ("noreports.yaml", "unit: SO-TTTT\nreport: []\n", [("T002", 1), ("T004", 2)]),
    ("head.csv", "task,unit,period,state,date\nNV-01,SO-TTTT,2022,done,2022-01-01\n", [("T003", 1), ("T004", 1)]),
    ("cells.csv", "task,unit,period,status,date\nNV-01,SO-TTTT,2022,done,2022-01-01,x\n", [("T002", 2)]),
    ("notes.txt", "x", [("T001", 0)]),
])
def test_file_shapes(tmp_path: Path, bundled: tuple[Pack, Registry], name: str, text: str,
                     expected: list[tuple[str, int]]) -> None:
    load = _load(tmp_path, name, text, bundled)
    assert [(d.code, d.location.line) for d in load.diagnostics] == expected
    assert len(load.reports) == (0 if expected else 1)


def test_paths_and_folders(tmp_path: Path, bundled: tuple[Pack, Registry]) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "README.md").write_text("x", encoding="utf-8")
    load = load_task_status([tmp_path / "empty", tmp_path / "nope.yaml"], *bundled)
    assert [(d.code, d.location.file) for d in load.diagnostics] == [("T001", str(tmp_path / "nope.yaml"))]
    load = load_task_status([tmp_path / "empty"], *bundled)
    assert [(d.code, d.severity) for d in load.diagnostics] == [("T013", Severity.WARNING)]


def test_two_reports_on_one_date_that_disagree(tmp_path: Path, bundled: tuple[Pack, Registry]) -> None:
    text = ("task,unit,period,status,date\nNV-01,SO-TTTT,2022,done,2022-12-01\n"
            "NV-01,SO-TTTT,2022,in_progress,01/12/2022\nNV-01,SO-TTTT,2022,in_progress,2022-12-02\n")
    load = _load(tmp_path, "s.csv", text, bundled)
    assert [(d.code, d.location.line, d.severity.value) for d in load.diagnostics] == [("T012", 3, "warning")]
    assert len(load.reports) == 3


def test_the_bundled_samples_load_cleanly(bundled: tuple[Pack, Registry]) -> None:
    load = load_task_status([SAMPLES_DIR / "dak-nong-2022-tasks"], *bundled)
    assert load.diagnostics == []
    assert len(load.files) == 6 and len(load.reports) == 32 == len(load.lead_reports)
    assert {r.progress for r in load.reports} == set(Progress)
    assert {r.reporter for r in load.reports} >= {"SO-TTTT", "SO-NOI-VU", "Công an tỉnh", "H-GIA-NGHIA"}
