"""The tasks of a rule pack: the schema, the cross-reference checks (every error on its line, with a
suggestion where one helps), the lead units against the registry, and the bundled Appendix 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from plancheck.diagnostics import Location, Severity
from plancheck.facts.model import Registry, Unit
from plancheck.facts.registry import load_registry
from plancheck.rules import DEFAULT_PACK, PACKS_DIR
from plancheck.rules.levels import Level
from plancheck.rules.loader import load_pack
from plancheck.rules.model import Pack
from plancheck.rules.task_checks import check_task_leads
from plancheck.rules.task_model import TaskKind, Timeline, TimelineError

HEAD = """\
plancheck: 1
pack: {id: t, title_vi: T, source: s, period: "2022"}
areas:
  - {id: a, name_vi: A}
metrics:
  - {id: num, name_vi: Tử số, kind: count, levels: [province]}
  - {id: den, name_vi: Mẫu số, kind: count, levels: [province]}
targets:
  - id: KP-01
    area: a
    title_vi: T
    clause: c
    measure: {ratio: {numerator: num, denominator: den}}
    levels: [province]
    threshold: ">= 1%"
tasks:
  groups:
    - {id: "I", name_vi: Môi trường pháp lý}
    - {id: "II", name_vi: Phát triển Chính quyền số}
    - {id: II.a, parent: "II", name_vi: Hạ tầng}
  items:
"""  # the first task starts on line 22

LINE = 22


def _task(task_id: str = "NV-01", group: str = "I", lead: str = "{text: Sở TTTT, units: [SO-TTTT]}",
          timeline: str = '"2022"', extra: str = "") -> str:
    return (f"    - id: {task_id}\n      name_vi: Nhiệm vụ\n      group: {group}\n      lead: {lead}\n"
            f"      timeline: {timeline}\n      clause: Phụ lục 2, STT 1\n{extra}")  # six lines each


def _load(tmp_path: Path, items: str, head: str = HEAD) -> tuple[Pack | None, list[str]]:
    path = tmp_path / "pack.yaml"
    path.write_text(head + items, encoding="utf-8")
    pack, diags = load_pack(path, "pack.yaml")
    assert (pack is None) == any(d.severity is Severity.ERROR for d in diags)
    return pack, [str(d) for d in diags]


def test_a_valid_task_list_loads(tmp_path: Path) -> None:
    pack, out = _load(tmp_path, _task("NV-01") + _task("NV-02", "II.a", timeline="Hàng năm"))
    assert out == []
    assert pack is not None
    assert [t.id for t in pack.tasks.items] == ["NV-01", "NV-02"]
    assert [g.id for g in pack.tasks.group_path("II.a")] == ["II", "II.a"]


@pytest.mark.parametrize(("items", "expected"), [
    (_task("NV-01") + _task("NV-01"), f"pack.yaml:{LINE + 6}: R100: duplicate id `NV-01` "
                                      f"(first at line {LINE})"),
    (_task("KP-01"), f"pack.yaml:{LINE}: R100: duplicate id `KP-01`: a target has it (line 9)"),
    (_task(group="II.b"), f"pack.yaml:{LINE + 2}: R130: unknown task group `II.b` "
                          "(did you mean `II.a`?)"),
    (_task(timeline="2022–2025"), f"pack.yaml:{LINE + 4}: R131: the range '2022–2025' is "
                                  "not written as two years joined by '-' (did you mean '2022-2025'?)"),
    (_task(timeline="2025-2022"), f"pack.yaml:{LINE + 4}: R131: the range '2025-2022' ends "
                                  "before it starts (did you mean '2022-2025'?)"),
    (_task(timeline="hang nam"), f"pack.yaml:{LINE + 4}: R131: 'hang nam' is not a "
                                 "timeline of the rule language (did you mean 'Hàng năm'?)"),
    (_task(timeline="2022-25"), f"pack.yaml:{LINE + 4}: R131: '2022-25' is not a timeline: "
                                "write a year ('2022'), a range ('2022-2025') or 'Hàng năm'"),
    (_task(timeline='"1922"'), f"pack.yaml:{LINE + 4}: R131: 1922 is not a plausible year "
                               "for a task"),
    (_task(lead="{text: x, units: [SO-TTTT, SO-TTTT]}"),
     f"pack.yaml:{LINE + 3}: R132: the lead names 'SO-TTTT' twice"),
    (_task(lead="{text: x, others: [Công an tỉnh, công an  tỉnh]}"),
     f"pack.yaml:{LINE + 3}: R132: the lead names 'công an  tỉnh' twice"),
])
def test_cross_reference_errors(tmp_path: Path, items: str, expected: str) -> None:
    pack, out = _load(tmp_path, items)
    assert pack is None
    assert out == [expected]


@pytest.mark.parametrize(("items", "code", "words"), [
    (_task(lead="{text: x, units: [SO-TTTT], joint: true}"), "R006", "a joint lead needs two leads or more"),
    (_task(lead="{text: x, every: [department], units: [SO-TTTT], joint: true}"), "R006",
     "every unit of a level reports its own part"),
    (_task(lead="{text: x}"), "R006", "a lead names units"),
    (_task(lead="{text: x, every: [ministry]}"), "R004", ""),
    (_task(extra="      kind: Nhiệm vụ cũ\n"), "R004", ""),
    (_task(extra="      funds: Ngân sách tỉnh\n"), "R003", "is not a key of the rule language here"),
    (_task("nv-01"), "R005", ""),
])
def test_schema_errors_of_a_task_are_located(tmp_path: Path, items: str, code: str, words: str) -> None:
    pack, out = _load(tmp_path, items)
    assert pack is None
    assert len(out) >= 1
    assert all(f": {code}: tasks.items.0." in line for line in out), out
    assert words in out[0]
    assert int(out[0].split(":")[1]) in range(LINE, LINE + 7)


def test_group_errors(tmp_path: Path) -> None:
    head = HEAD.replace('    - {id: II.a, parent: "II", name_vi: Hạ tầng}\n',
                        '    - {id: II.a, parent: "IIX", name_vi: Hạ tầng}\n'
                        '    - {id: "I", name_vi: Lần hai}\n'
                        '    - {id: C1, parent: C2, name_vi: Vòng}\n'
                        '    - {id: C2, parent: C1, name_vi: Vòng}\n')
    pack, out = _load(tmp_path, _task(), head)
    assert pack is None
    assert out == [
        "pack.yaml:20: R130: unknown parent group `IIX` (did you mean `II`?)",
        "pack.yaml:21: R100: duplicate id `I` (first at line 18)",
        "pack.yaml:22: R130: group `C1` is its own ancestor",
        "pack.yaml:23: R130: group `C2` is its own ancestor",
    ]


def test_a_schema_error_elsewhere_still_reports_it_and_does_not_break_on_the_tasks(tmp_path: Path) -> None:
    head = HEAD.replace("    threshold: \">= 1%\"\n", "    threshold: \">= 1%\"\n    titel_en: x\n")
    pack, out = _load(tmp_path, _task(group="II.b"), head)
    assert pack is None
    assert [line.split(": ")[1] for line in out] == ["R003"]


def test_a_pack_without_tasks_has_an_empty_task_list() -> None:
    pack, diags = load_pack(PACKS_DIR / "dak-nong-2021-report.yaml")
    assert pack is not None and not diags
    assert pack.tasks.items == [] and pack.tasks.groups == []


# -- timelines -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "first", "last", "yearly"), [
    ("2022", 2022, 2022, False), ("2021-2022", 2021, 2022, False), ("2022-2025", 2022, 2025, False),
    ("Hàng năm", None, None, True), ("hằng năm", None, None, True), ("  HÀNG   NĂM ", None, None, True),
])
def test_timelines_that_read(text: str, first: int | None, last: int | None, yearly: bool) -> None:
    t = Timeline.parse(text)
    assert (t.first, t.last, t.yearly) == (first, last, yearly)


def test_due_years_and_cover() -> None:
    assert Timeline.parse("2022-2025").due_years(2022, 2030) == [2025]
    assert Timeline.parse("Hàng năm").due_years(2022, 2024) == [2022, 2023, 2024]
    assert Timeline.parse("Hàng năm").due_years(2022, 2020) == [2022]  # at least the plan's own year
    assert Timeline.parse("2021-2022").covers(2021, 2022) and not Timeline.parse("2021-2022").covers(2023, 2022)
    assert Timeline.parse("Hàng năm").covers(2030, 2022) and not Timeline.parse("Hàng năm").covers(2021, 2022)


def test_timeline_error_has_a_suggestion() -> None:
    with pytest.raises(TimelineError) as err:
        Timeline.parse("2022 - 2023")
    assert err.value.suggestion == "did you mean '2022-2023'?"


# -- lead units against the registry ---------------------------------------------------------------

def _registry() -> Registry:
    return Registry("t", (Unit("SO-TTTT", "Sở Thông tin và Truyền thông", Level.DEPARTMENT),
                          Unit("SO-Y-TE", "Sở Y tế", Level.DEPARTMENT),
                          Unit("H-A", "UBND huyện A", Level.DISTRICT)))


def test_lead_units_against_the_registry(tmp_path: Path) -> None:
    items = (_task("NV-01", lead="{text: x, units: [SO-TTT, Sở Y tế]}")
             + _task("NV-02", lead="{text: x, units: [SO-TTTT], others: [Sở Y tế, Công an tỉnh]}")
             + _task("NV-03", lead="{text: x, every: [commune, district]}"))
    pack, out = _load(tmp_path, items)
    assert pack is not None and out == []

    def at(*path: int | str) -> Location:
        return Location("pack.yaml", 0, ".".join(str(p) for p in path))

    got = [(d.code, d.severity.value, d.location.field, d.message, d.suggestion)
           for d in check_task_leads(pack, _registry(), at)]
    assert got == [
        ("R133", "error", "tasks.items.0.lead.units.0", "unknown lead unit `SO-TTT`: not in the unit registry",
         "did you mean `SO-TTTT`?"),
        ("R133", "error", "tasks.items.0.lead.units.1", "unknown lead unit `Sở Y tế`: not in the unit registry",
         "write its id `SO-Y-TE`"),
        ("R134", "warning", "tasks.items.1.lead.others.0", "'Sở Y tế' is a unit of the registry, not an outside body",
         "list it under `units` as `SO-Y-TE`"),
        ("R135", "warning", "tasks.items.2.lead.every.0",
         "the unit registry has no commune unit: no one leads this part", ""),
    ]


# -- the bundled pack: Appendix 2 of Decision 231/QĐ-UBND -----------------------------------------

@pytest.fixture(scope="module")
def bundled() -> Pack:
    pack, diags = load_pack(DEFAULT_PACK)
    assert pack is not None and diags == []
    return pack


def test_the_bundled_pack_has_the_51_rows_of_appendix_2(bundled: Pack) -> None:
    items = bundled.tasks.items
    assert [t.id for t in items] == [f"NV-{n:02d}" for n in range(1, 52)]
    assert all(t.clause.startswith("Phụ lục 2, mục ") and t.clause.endswith(f"STT {n}")
               for n, t in enumerate(items, 1))
    assert [g.id for g in bundled.tasks.groups] == ["I", "II", "II.a", "II.b", "II.c", "II.d", "II.e",
                                                    "III", "IV", "V", "VI"]
    sizes = {g.id: sum(t.group == g.id for t in items) for g in bundled.tasks.groups}
    assert sizes == {"I": 4, "II": 0, "II.a": 6, "II.b": 5, "II.c": 13, "II.d": 4, "II.e": 4, "III": 4, "IV": 3,
                     "V": 6, "VI": 2}
    assert all(t.name_vi and t.name_en and t.lead.text for t in items)


def test_the_bundled_timelines_and_kinds(bundled: Pack) -> None:
    timelines = [t.schedule() for t in bundled.tasks.items]
    assert sum(t.yearly for t in timelines) == 22
    assert sum(not t.yearly and t.first == t.last for t in timelines) == 19
    assert {t.text for t in timelines if not t.yearly and t.first != t.last} == {
        "2022-2025", "2021-2022", "2021-2024", "2022-2023"}
    kinds = [t.kind for t in bundled.tasks.items]
    assert (kinds.count(TaskKind.NEW_TASK), kinds.count(TaskKind.CONTINUING_TASK), kinds.count(TaskKind.NEW_PROJECT),
            kinds.count(None)) == (35, 14, 1, 1)
    assert bundled.tasks.task("NV-05").kind is TaskKind.NEW_PROJECT and bundled.tasks.task("NV-36").kind is None


@pytest.mark.parametrize(("task_id", "units", "every", "others", "joint"), [
    ("NV-01", ["SO-TTTT"], [], [], False),
    ("NV-04", ["SO-NOI-VU"], [], [], False),
    ("NV-06", [], ["department", "district"], [], False),
    ("NV-11", [], ["department"], [], False),
    ("NV-14", ["SO-TTTT", "SO-NOI-VU"], [], [], True),
    ("NV-31", ["SO-TTTT", "SO-GD-DT"], [], [], True),
    ("NV-34", [], ["district"], ["Báo Đắk Nông", "Đài Phát thanh - Truyền hình tỉnh", "Cổng Thông tin điện tử tỉnh"],
     False),
    ("NV-39", ["SO-TTTT", "H-GIA-NGHIA"], [], [], True),
    ("NV-41", ["SO-KH-DT"], [], [], False),
    ("NV-45", [], [], ["Công an tỉnh"], False),
    ("NV-49", [], [], ["Ngân hàng Nhà nước tỉnh"], False),
    ("NV-51", [], [], ["Ban Chỉ đạo Chuyển đổi số tỉnh"], False),
])
def test_bundled_leads(bundled: Pack, task_id: str, units: list[str], every: list[str], others: list[str],
                       joint: bool) -> None:
    lead = bundled.tasks.task(task_id).lead
    assert (lead.units, [lv.value for lv in lead.every], lead.others, lead.joint) == (units, every, others, joint)


def test_every_bundled_lead_unit_is_in_the_bundled_registry(bundled: Pack) -> None:
    registry, diags = load_registry()
    assert not diags
    assert check_task_leads(bundled, registry, lambda *p: Location("x")) == []
    shapes = [("joint" if t.lead.joint else "every+others" if t.lead.every and t.lead.others else
               "every" if t.lead.every else "others" if t.lead.others else "one") for t in bundled.tasks.items]
    assert {s: shapes.count(s) for s in set(shapes)} == {"one": 26, "joint": 12, "every": 7, "every+others": 2,
                                                         "others": 4}
