"""Waivers applied on top of the decided verdicts, as of a date: a waived verdict shows MIỄN TRỪ
and keeps what the engine decided; an expired waiver stops applying and says so; a waiver names
one verdict only; the ledger is untouched."""

from __future__ import annotations

import json
from datetime import date
from fractions import Fraction
from pathlib import Path

import jsonschema
import pytest
from engine_builders import PROVINCE_ID, by_key, make_facts, make_pack, make_registry, metric
from rich.console import Console

from plancheck.audit import AuditResult, run_audit
from plancheck.diagnostics import Location, Severity
from plancheck.engine.evaluate import evaluate
from plancheck.engine.verdicts import Status, Verdict
from plancheck.engine.waivers import WaiverState, apply_waivers, decided_status, waiver_of
from plancheck.exit_codes import ExitCode, audit_exit
from plancheck.facts import SAMPLES_DIR
from plancheck.facts.waivers import Waiver

METRICS = [metric("total", unit_vi="hệ thống", unit_en="systems"), metric("done", unit_vi="hệ thống",
                                                                          unit_en="systems")]
RATIO = {"ratio": {"numerator": "done", "denominator": "total"}}
TARGETS = [
    {"id": "T-1", "measure": RATIO, "levels": ["district"], "threshold": ">= 70%"},
    {"id": "Q-1", "manual": True},
]
# H1 4/10 (not met), H2 9/10 (met), H3 did not report: the province is without data
ROWS = [("H1", "total", 10), ("H1", "done", 4), ("H2", "total", 10), ("H2", "done", 9)]
APPROVED, EXPIRES = date(2022, 9, 1), date(2022, 12, 31)


def verdicts(rows: list[tuple[object, ...]] = ROWS, inconsistent: tuple[tuple[str, str, str], ...] = ()
             ) -> dict[tuple[str, str, str, str], Verdict]:
    pack = make_pack(METRICS, TARGETS)
    ev = evaluate(pack, make_facts(rows, inconsistent=inconsistent), make_registry(departments=0, districts=3))
    return by_key(ev.verdicts)


def waiver(target: str = "T-1", kind: str = "unit", scope_id: str = "H1", period: str = "2022",
           approved: date = APPROVED, expires: date = EXPIRES, line: int = 2) -> Waiver:
    return Waiver(target, "", kind, scope_id, scope_id, scope_id, period, "Lý do được phê duyệt", "Chủ tịch UBND",
                  approved, expires, "", Location("waivers.yaml", line))


def apply(vs: dict[tuple[str, str, str, str], Verdict], *ws: Waiver, as_of: date = date(2022, 10, 1)) -> list[str]:
    return [d.code for d in apply_waivers(list(vs.values()), ws, as_of)]


def test_a_waived_verdict_keeps_what_the_engine_decided() -> None:
    vs = verdicts()
    h1 = vs[("T-1", "", "unit", "H1")]
    gap = h1.gap
    assert apply(vs, waiver()) == []
    assert h1.status is Status.WAIVED and h1.status.label_vi == "MIỄN TRỪ"
    applied = waiver_of(h1)
    assert applied is not None and applied.state is WaiverState.APPLIED
    assert applied.waived_from is Status.NOT_MET and decided_status(h1) is Status.NOT_MET
    assert h1.value == Fraction(2, 5) and h1.gap == gap and gap is not None and gap.amount == 3
    vi, en = h1.reasons[-1]
    assert "Lý do được phê duyệt" in vi and "Chủ tịch UBND" in vi and "31/12/2022" in vi and "KHÔNG ĐẠT" in vi
    assert "2022-12-31" in en and "not met" in en


def test_a_waiver_names_one_verdict_only() -> None:
    vs = verdicts()
    apply(vs, waiver())
    waived = [k for k, v in vs.items() if v.status is Status.WAIVED]
    assert waived == [("T-1", "", "unit", "H1")]
    # the level and the province roll H1 up as the engine decided it
    assert vs[("T-1", "", "level", "district")].status is Status.INSUFFICIENT_DATA
    assert waiver_of(vs[("T-1", "", "province", PROVINCE_ID)]) is None


@pytest.mark.parametrize(("as_of", "status", "state", "codes"), [
    (date(2022, 9, 1), Status.WAIVED, WaiverState.APPLIED, []),  # the day it is approved
    (date(2022, 12, 31), Status.WAIVED, WaiverState.APPLIED, []),  # its last day
    (date(2023, 1, 1), Status.NOT_MET, WaiverState.EXPIRED, ["W014"]),
    (date(2022, 8, 31), Status.NOT_MET, WaiverState.NOT_YET, ["W015"]),
])
def test_a_waiver_applies_from_approval_to_expiry(as_of: date, status: Status, state: WaiverState,
                                                 codes: list[str]) -> None:
    vs = verdicts()
    assert apply(vs, waiver(), as_of=as_of) == codes
    h1 = vs[("T-1", "", "unit", "H1")]
    assert h1.status is status
    applied = waiver_of(h1)
    assert applied is not None and applied.state is state


def test_an_expired_waiver_says_so_on_the_verdict_and_as_a_warning() -> None:
    vs = verdicts()
    diags = apply_waivers(list(vs.values()), [waiver(line=7)], date(2023, 2, 1))
    h1 = vs[("T-1", "", "unit", "H1")]
    assert h1.status is Status.NOT_MET
    assert "hết hạn ngày 31/12/2022" in h1.reasons[-1][0] and "expired on 2022-12-31" in h1.reasons[-1][1]
    [d] = diags
    assert (d.code, d.severity, d.location.line) == ("W014", Severity.WARNING, 7)
    assert "expired on 2022-12-31" in d.message


def test_a_renewal_applies_after_the_first_waiver_expires() -> None:
    vs = verdicts()
    first, renewal = waiver(), waiver(approved=date(2023, 1, 1), expires=date(2023, 6, 30))
    assert apply(vs, first, renewal, as_of=date(2023, 3, 1)) == []
    applied = waiver_of(vs[("T-1", "", "unit", "H1")])
    assert applied is not None and applied.active and applied.waiver is renewal


@pytest.mark.parametrize(("key", "w", "decided", "status", "code"), [
    (("T-1", "", "unit", "H3"), waiver(scope_id="H3"), Status.INSUFFICIENT_DATA, Status.WAIVED, None),
    (("T-1", "", "province", PROVINCE_ID), waiver(kind="province", scope_id=""), Status.INSUFFICIENT_DATA,
     Status.WAIVED, None),
    (("T-1", "", "level", "district"), waiver(kind="level", scope_id="district"), Status.INSUFFICIENT_DATA,
     Status.WAIVED, None),
    (("Q-1", "", "province", PROVINCE_ID), waiver("Q-1", kind="province", scope_id=""), Status.MANUAL,
     Status.WAIVED, None),
    (("T-1", "", "unit", "H2"), waiver(scope_id="H2"), Status.MET, Status.MET, "W018"),
])
def test_what_a_waiver_waives(key: tuple[str, str, str, str], w: Waiver, decided: Status, status: Status,
                              code: str | None) -> None:
    vs = verdicts()
    assert apply(vs, w) == ([code] if code else [])
    v = vs[key]
    assert (decided_status(v), v.status) == (decided, status)


def test_inconsistent_figures_are_not_waived() -> None:
    vs = verdicts(inconsistent=(("H1", "2022", "done"),))
    h1 = vs[("T-1", "", "unit", "H1")]
    assert h1.status is Status.INCONSISTENT_DATA
    assert apply(vs, waiver()) == ["W017"]
    assert h1.status is Status.INCONSISTENT_DATA
    applied = waiver_of(h1)
    assert applied is not None and applied.state is WaiverState.REFUSED


def test_a_waiver_of_another_period_names_no_verdict() -> None:
    vs = verdicts()
    assert apply(vs, waiver(period="2023")) == ["W016"]
    assert all(waiver_of(v) is None for v in vs.values())


def test_applying_twice_changes_nothing_and_a_later_date_expires_it() -> None:
    vs = verdicts()
    h1 = vs[("T-1", "", "unit", "H1")]
    apply(vs, waiver())
    reasons = list(h1.reasons)
    assert apply(vs, waiver()) == []
    assert h1.reasons == reasons and h1.status is Status.WAIVED
    assert apply(vs, waiver(), as_of=date(2023, 1, 2)) == ["W014"]
    assert h1.status is Status.NOT_MET and len(h1.reasons) == len(reasons)
    assert not any(r[0].startswith("miễn trừ:") for r in h1.reasons)


# --- the bundled audit with the bundled example waivers -------------------------------------------

WAIVERS = SAMPLES_DIR / "waivers-2022.yaml"


@pytest.fixture(scope="module")
def audited() -> AuditResult:
    return run_audit(waiver_paths=[WAIVERS], as_of=date(2023, 1, 15))


def _one(result: AuditResult, target: str, kind: str, scope_id: str) -> Verdict:
    [v] = [v for v in result.verdicts if v.target == target and v.scope.kind.value == kind and v.scope.id == scope_id
           and not v.part]
    return v


def test_bundled_audit_waives_and_expires(audited: AuditResult) -> None:
    so = _one(audited, "ATTT-03", "unit", "SO-TAI-CHINH")
    assert so.status is Status.WAIVED and decided_status(so) is Status.NOT_MET
    assert (so.numerator, so.denominator) == (18, 40)
    assert _one(audited, "ATTT-03", "province", "TINH").status is Status.NOT_MET  # not silently changed
    dept = _one(audited, "CQS-04", "level", "department")
    assert dept.status is Status.WAIVED
    assert _one(audited, "CQS-04", "province", "TINH").status is Status.NOT_MET
    kp = _one(audited, "KP-01", "province", "TINH")
    assert kp.status is Status.NOT_MET and "expired" in kp.reasons[-1][1]
    assert [d.code for d in audited.diagnostics if d.code.startswith("W")] == ["W014"]
    assert not audited.invalid_input and audited.as_of == date(2023, 1, 15)


def test_the_ledger_still_balances(audited: AuditResult) -> None:
    ledger = audited.evaluation.ledger
    cited = [v.engine_fact for v in audited.verdicts]
    assert len(ledger.posted) == len(ledger.decided) == len(cited)
    assert set(ledger.posted) == set(ledger.decided) == set(cited)
    plain = run_audit()
    assert [v.engine_fact for v in plain.verdicts] == cited
    changed = [(a.target, a.scope.id) for a, b in zip(plain.verdicts, audited.verdicts, strict=True)
               if a.status is not b.status]
    assert sorted(changed) == [("ATTT-03", "SO-TAI-CHINH"), ("CQS-01", "X-GIA-NGHIA-NGHIA-TRUNG"),
                               ("CQS-04", "department")]


def test_exit_codes_keep_waived_between_not_applicable_and_manual(audited: AuditResult) -> None:
    statuses = [v.status.value for v in audited.select("level") if v.target == "CQS-04"]
    assert "waived" in statuses
    waived_only = ["met", "waived"]
    assert audit_exit(waived_only, "waived", False) is ExitCode.FAILED
    assert audit_exit(waived_only, "manual", False) is ExitCode.OK
    assert audit_exit(waived_only, "not_applicable", False) is ExitCode.FAILED


def test_every_output_shows_the_waiver(audited: AuditResult) -> None:
    from plancheck.render.explain import render_explain
    from plancheck.render.flat import render_csv, render_markdown
    from plancheck.render.json_out import audit_dict
    from plancheck.render.table import render_table

    shown = [v for v in audited.select("level") if v.target == "CQS-04"]
    console = Console(record=True, width=200)
    render_table(audited, shown, "vi", console)
    render_explain(audited, audited.pack.target("CQS-04"), shown[0], "en", console)
    text = console.export_text()
    assert "MIỄN TRỪ" in text and "chưa miễn trừ: KHÔNG ĐẠT" in text and "31/03/2023" in text
    assert "Chủ tịch UBND tỉnh" in text and "without waiver: not met" in text
    csv_text = render_csv(shown, "en")
    assert ",waived_from,waiver" in csv_text.splitlines()[0] and ",not_met,Waived: " in csv_text
    md = render_markdown(audited, shown, "vi")
    assert "**MIỄN TRỪ**<br>chưa miễn trừ: KHÔNG ĐẠT" in md and "hiệu lực đến ngày 31/03/2023" in md
    doc = audit_dict(audited, audited.select("level"), "level")
    schema = json.loads((Path(__file__).resolve().parents[2] / "render" / "audit.schema.json").read_text("utf-8"))
    jsonschema.validate(doc, schema)
    [cqs] = [v for v in doc["verdicts"] if v["target"] == "CQS-04" and v["scope"]["id"] == "department"]
    assert cqs["status"] == "waived" and cqs["value"]["exact"]
    assert cqs["waiver"]["state"] == "applied" and cqs["waiver"]["waived_from"] == "not_met"
    assert (cqs["waiver"]["approved"], cqs["waiver"]["expires"]) == ("2022-11-15", "2023-03-31")
    assert doc["summary"]["waivers"] == {"files": [str(WAIVERS)], "as_of": "2023-01-15", "loaded": 4,
                                         "by_state": {"applied": 1}}
    assert doc["summary"]["by_status"]["waived"] == 1


def test_a_waiver_file_with_errors_makes_the_input_invalid(tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    path.write_text("- {target: ATTT-3, scope: province, period: '2022', approver: x, approved: 2022-01-01, "
                    "expires: 2022-12-31}\n", encoding="utf-8")
    result = run_audit(waiver_paths=[path], as_of=date(2022, 6, 1))
    codes = [d.code for d in result.diagnostics if d.code.startswith("W")]
    assert codes == ["W003", "W005"] and result.invalid_input
    assert not any(v.status is Status.WAIVED for v in result.verdicts)


def test_without_waiver_files_nothing_changes() -> None:
    result = run_audit()
    assert result.as_of is None and result.waivers == []
    assert all(waiver_of(v) is None for v in result.verdicts)
