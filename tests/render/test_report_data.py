"""What every report format shows: the sections, the drill-down index, the units' views, the trend."""

from __future__ import annotations

from plancheck.audit import AuditResult
from plancheck.engine.comparison import Change
from plancheck.engine.verdicts import ScopeKind, Status
from plancheck.render import report_data as rd


def test_sections_follow_the_pack_areas_then_the_checks(bundled: AuditResult, with_checks: AuditResult) -> None:
    verdicts = bundled.select()
    sections = rd.sections(bundled, verdicts)
    assert [s.id for s in sections] == [a.id for a in bundled.pack.areas if any(v.area == a.id for v in verdicts)]
    assert sum(len(s.verdicts) for s in sections) == len(verdicts)
    checks = rd.sections(with_checks, with_checks.select())
    assert checks[-1].id == rd.CHECKS_AREA
    assert checks[-1].verdicts and all(v.check is not None for v in checks[-1].verdicts)
    assert checks[-1].name("en") == "Consistency of reported figures"


def test_counts_cover_every_status(bundled: AuditResult) -> None:
    verdicts = bundled.select()
    counts = rd.counts(verdicts)
    assert set(counts) == set(Status)
    assert sum(counts.values()) == len(verdicts)
    assert counts == bundled.counts(verdicts)


def test_the_drill_down_finds_levels_and_units(bundled: AuditResult) -> None:
    drill = rd.Drill(bundled)
    shown = {v.target: v for v in bundled.select()}
    levels = drill.levels(shown["CQS-01"])
    assert [lv.scope.id for lv in levels] == ["department", "district", "commune"]
    assert len(drill.units(shown["CQS-01"])) == 98
    commune = levels[2]
    assert {getattr(bundled.registry.get(u.scope.id), "level", None) for u in drill.units(commune)} == {"commune"}
    # a per-level target's levels are its parts: not listed twice
    assert shown["CQS-04"].parts and drill.levels(shown["CQS-04"]) == []
    unit = drill.units(shown["CQS-01"])[0]
    assert drill.levels(unit) == [] and drill.units(unit) == []


def test_unit_views_in_registry_order(bundled: AuditResult) -> None:
    views = rd.unit_views(bundled)
    order = [u.id for u in bundled.registry.units]
    ids = [u.id for u, _ in views]
    assert ids == sorted(ids, key=order.index)
    assert len(ids) == len({v.scope.id for v in bundled.verdicts if v.scope.kind is ScopeKind.UNIT})
    for unit, verdicts in views:
        assert verdicts and all(v.scope.id == unit.id for v in verdicts)


def test_a_trend_needs_two_periods(bundled: AuditResult, before: AuditResult) -> None:
    assert rd.trend(bundled, None) == ([], [])
    assert rd.trend(bundled, [bundled]) == ([], [])
    periods, rows = rd.trend(bundled, [before])
    assert periods == ["2021", "2022"]
    first = rows[0]
    assert (first.target, first.sub) == ("CQS-01", "")
    assert [p.status if p else None for p in first.points] == [Status.INSUFFICIENT_DATA, Status.NOT_MET]
    assert first.change is Change.NEW_FAILURE
    assert {r.target for r in rows} == {t.id for t in bundled.pack.targets}
    assert ("CQS-04", "department") in {(r.target, r.sub) for r in rows}
