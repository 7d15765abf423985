"""The command line as a user runs it: exit codes, errors that name file, row and field, outputs."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from plancheck.cli import main
from plancheck.engine.verdicts import Status
from plancheck.rules import DEFAULT_PACK

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "render" / "audit.schema.json").read_text("utf-8"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner(env={"COLUMNS": "250"}).invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def submissions(tmp_path: Path) -> Path:
    folder = tmp_path / "subs"
    folder.mkdir()
    (folder / "so-tttt.yaml").write_text(
        "unit: SO-TTTT\nperiod: '2022'\nsubmitted_by: Văn phòng Sở\nsubmitted_at: 2023-01-10\nvalues:\n"
        "  info_systems_total: 10\n  info_systems_classified: 7\n", encoding="utf-8")
    (folder / "province.csv").write_text(
        "unit,period,metric,value\nTINH,2022,provincial_budget_spending,7.000.000.000.000\n"
        "TINH,2022,it_spending_local_budget,69.999.999.999\n", encoding="utf-8")
    return folder


def test_help_lists_commands() -> None:
    code, out, _ = run("--help")
    assert code == 0
    for command in ("audit", "explain", "validate", "rules"):
        assert command in out


def test_audit_json_follows_schema_and_has_a_verdict_per_target(submissions: Path) -> None:
    code, out, _ = run("audit", "--facts", str(submissions), "--format", "json")
    assert code == 0
    doc = json.loads(out)
    jsonschema.validate(doc, SCHEMA)
    targets = {v["target"] for v in doc["verdicts"]}
    assert len(targets) == len(doc["verdicts"]) == doc["summary"]["verdicts"] >= 40
    assert all(v["clause"] for v in doc["verdicts"])
    assert {v["status"] for v in doc["verdicts"]} <= {s.value for s in Status}
    assert doc["ledger"]["posted"] == doc["ledger"]["decided"] == doc["ledger"]["cited"]
    kp = next(v for v in doc["verdicts"] if v["target"] == "KP-01")
    assert kp["status"] == "not_met"
    assert kp["gap"]["amount"]["exact"] == "1"
    assert kp["facts"][0]["file"].endswith("province.csv") and kp["facts"][0]["line"] in (2, 3)


def test_unit_scope_and_english(submissions: Path) -> None:
    code, out, _ = run("audit", "--facts", str(submissions), "--unit", "SO-TTTT", "--lang", "en", "--format", "csv")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("target,scope_kind,scope_id")
    attt = next(line for line in lines if line.startswith("ATTT-03,"))
    assert ",unit,SO-TTTT," in attt and ",met," in attt
    tt01 = next(line for line in lines if line.startswith("TT-01,"))
    assert ",not_applicable," in tt01  # weekly news is a district and commune target


def test_fail_on(submissions: Path) -> None:
    assert run("audit", "--facts", str(submissions), "--fail-on", "not_met")[0] == 1
    assert run("audit", "--facts", str(submissions), "--fail-on", "inconsistent_data")[0] == 0


def test_bad_submission_exits_2_and_names_file_row_field(submissions: Path) -> None:
    (submissions / "communes.csv").write_text(
        "unit,period,metric,value\nX-CU-JUT-DAK-WIL,2022,villages_total,12\n"
        "X-CU-JUT-DAK-WIL,2022,villages_mobile_broadbnd,11\n", encoding="utf-8")
    code, out, err = run("audit", "--facts", str(submissions))
    assert code == 2
    assert "communes.csv:3: F002: villages_mobile_broadbnd" in err
    assert "did you mean `villages_mobile_broadband`?" in err
    assert "KP-01" in out  # the verdicts from every accepted value are still shown
    code, _, _ = run("validate", str(submissions))
    assert code == 2


def test_validate_ok_and_json(submissions: Path) -> None:
    code, out, _ = run("validate", str(submissions), "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["values_accepted"] == 4 and doc["values_rejected"] == 0


def test_explain_shows_numbers_units_and_sources(submissions: Path) -> None:
    code, out, _ = run("explain", "attt-03", "--facts", str(submissions), "--unit", "SO-TTTT")
    assert code == 0
    assert "ATTT-03" in out and "ĐẠT" in out and "70,0%" in out
    assert "so-tttt.yaml:" in out


def test_explain_unknown_target_suggests(submissions: Path) -> None:
    code, _, err = run("explain", "ATTT-3", "--facts", str(submissions))
    assert code == 2 and "did you mean" in err


def test_unknown_unit_is_invalid_usage() -> None:
    code, _, err = run("audit", "--unit", "SO-TTT")
    assert code == 2 and "unknown unit" in err


def test_bad_option_is_usage_error() -> None:
    assert run("audit", "--format", "pdf")[0] == 2


def test_rules_commands(tmp_path: Path) -> None:
    code, out, _ = run("rules", "list")
    assert code == 0 and "ATTT-03" in out
    code, out, _ = run("rules", "show", "ATTT-03")
    assert code == 0 and "info_systems_classified" in out and "clause:" in out
    code, out, _ = run("rules", "check", str(DEFAULT_PACK))
    assert code == 0 and "OK" in out
    bad = tmp_path / "bad.yaml"
    bad.write_text(DEFAULT_PACK.read_text("utf-8").replace("numerator: info_systems_classified",
                                                           "numerator: info_systems_clasified"), encoding="utf-8")
    code, out, _ = run("rules", "check", str(bad))
    assert code == 2
    assert f"{bad}:" in out and "R101" in out and "did you mean `info_systems_classified`?" in out


def test_values_of_another_period_are_said_unused(submissions: Path) -> None:
    (submissions / "next-year.yaml").write_text(
        "unit: SO-TTTT\nperiod: '2023'\nvalues:\n  info_systems_total: 12\n", encoding="utf-8")
    code, _, err = run("audit", "--facts", str(submissions))
    assert code == 0
    assert "A001" in err and "1 value(s) of period 2023" in err and "--period 2023" in err


def test_an_engine_error_exits_3_not_1(submissions: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import plancheck.audit
    from plancheck.engine.durable import LedgerError

    def broken(*args: object, **kwargs: object) -> None:
        raise LedgerError("ledger: 3 posted, 2 decided")

    monkeypatch.setattr(plancheck.audit, "evaluate", broken)
    code, out, err = run("audit", "--facts", str(submissions), "--fail-on", "met")
    assert code == 3 and "ledger: 3 posted, 2 decided" in err and out == ""


def test_spec_scaffold_prints_or_writes_boundary_scenarios(tmp_path: Path) -> None:
    code, out, _ = run("spec", "--scaffold", "DVC-03")
    assert code == 0 and out.startswith("# language: vi")
    assert "tại ngưỡng: 60%" in out and "KHÔNG ĐẠT" in out  # "trên 60%": exactly 60% is not met
    code, out, _ = run("spec", "--scaffold", "--all", "--out", str(tmp_path), "--lang", "en")
    assert code == 0
    written = sorted(p.name for p in tmp_path.glob("*.feature"))
    assert len(written) == 7 and all((tmp_path / n).read_text("utf-8").startswith("# language: en") for n in written)
    assert run("spec", "--scaffold", "ATTT-3")[0] == 2
    assert run("spec", "--scaffold")[0] == 2


def test_explain_a_consistency_check() -> None:
    from plancheck.rules import PACKS_DIR

    facts = Path(__file__).resolve().parents[1] / "facts" / "samples" / "dak-nong-2021-report"
    code, out, _ = run("explain", "KT-08", "--pack", str(PACKS_DIR / "dak-nong-2021-report.yaml"),
                         "--facts", str(facts), "--period", "2021")
    assert code == 2  # the 2021 report holds one ambiguous figure, refused as invalid input
    assert "SỐ LIỆU MÂU THUẪN" in out and "3.222" in out and "3.228" in out and "TINH-2021.yaml:" in out


SAMPLES = Path(__file__).resolve().parents[1] / "facts" / "samples"


def test_audit_with_waivers_shows_mien_tru_and_the_expired_one() -> None:
    code, out, _ = run("audit", "--waivers", str(SAMPLES / "waivers-2022.yaml"), "--as-of", "2023-01-15",
                       "--scope", "level", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert any(d["code"] == "W014" for d in doc["diagnostics"])  # the expired waiver says so
    jsonschema.validate(doc, SCHEMA)
    waived = [v for v in doc["verdicts"] if v["status"] == "waived"]
    assert any(v["target"] == "CQS-04" and v["scope"]["id"] == "department" for v in waived)
    assert all(v["waiver"]["justification"] for v in waived)
    assert run("audit", "--as-of", "31/02/2023")[0] == 2  # not a date: usage error


def test_gap_names_the_units_that_close_it_fastest() -> None:
    code, out, _ = run("gap", "ATTT-03", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["schema"] == "plancheck.gap/1"
    code, out, _ = run("gap", "ATTT-03")
    assert code == 0 and "SO-XAY-DUNG" in out
    assert run("gap", "ATTT-3")[0] == 2


def test_tasks_by_lead_unit_with_verdicts() -> None:
    code, out, _ = run("tasks", "--as-of", "2023-03-31", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["schema"] == "plancheck.tasks/1"
    statuses = {v["status"] for v in doc["verdicts"]}
    assert {"done", "overdue", "on_track", "no_report"} <= statuses
    code, out, _ = run("tasks", "--as-of", "2023-03-31", "--lang", "en")
    assert code == 0 and "NV-09" in out
    assert run("tasks", "--as-of", "2023-03-31", "--fail-on-overdue")[0] == 1


def test_coverage_says_who_must_still_report() -> None:
    code, out, _ = run("coverage", "CQS-02", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["schema"] == "plancheck.coverage/1"
    code, out, _ = run("coverage", "CQS-02")
    assert code == 0 and "68/71" in out and "X-DAK-RLAP-NHAN-CO" in out
    assert run("coverage", "CQS-2")[0] == 2


def test_audit_compare_with_an_earlier_period() -> None:
    code, out, _ = run("audit", "--compare", "2021", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["schema"] == "plancheck.compare/1"
    code, out, _ = run("audit", "--compare", "2021")
    assert code == 0 and "2021 → 2022" in out


def test_db_commands_on_a_sqlite_store(tmp_path: Path, submissions: Path) -> None:
    store = str(tmp_path / "facts.db")
    assert run("db", "init", "--db", store)[0] == 0
    code, out, _ = run("db", "import", str(submissions), "--db", store)
    assert code == 0 and "2 file(s) imported" in out
    code, out, _ = run("db", "import", str(submissions), "--db", store)
    assert code == 0 and "0 file(s) imported, 2 already in the store" in out
    (submissions / "bad.csv").write_text("unit,period,metric,value\nSO-TTTT,2022,info_systems_totl,3\n", "utf-8")
    code, out, _ = run("db", "import", str(submissions / "bad.csv"), "--db", store)
    assert code == 2 and "1 rejected" in out and "did you mean `info_systems_total`?" in out
    code, out, _ = run("audit", "--db", store, "--unit", "SO-TTTT", "--format", "csv")
    assert code == 0 and next(x for x in out.splitlines() if x.startswith("ATTT-03,")).count(",met,") == 1
    code, out, _ = run("db", "ls", "--db", store, "--unit", "SO-TTTT")
    assert code == 0 and "SO-TTTT" in out
    code, out, _ = run("db", "export", "--db", store, "--period", "2022")
    assert code == 0 and "info_systems_classified" in out
    code, out, _ = run("db", "history", "SO-TTTT", "--period", "2022", "--db", store)
    assert code == 0 and "in force" in out
    assert run("audit", "--db", store, "--facts", str(submissions))[0] == 2  # one source of facts, not two
