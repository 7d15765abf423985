"""The audit of the 2021 report (Part I and Appendix I of Decision 231/QĐ-UBND, as printed) by the
consistency checks of its own pack: what they found, each finding explained by its arithmetic.

The checks are general rules (a percentage against its own numerator and denominator, a total
against its items, one figure stated twice, a part against its whole); nothing here is told where
the errors are. Every expectation below is the arithmetic of the printed figures.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from fractions import Fraction
from functools import cache
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from plancheck.audit import AuditResult, run_audit
from plancheck.cli import main
from plancheck.engine.evaluate import evaluate
from plancheck.engine.verdicts import Status
from plancheck.facts import SAMPLES_DIR
from plancheck.facts.model import FactSet
from plancheck.rules import PACKS_DIR

PACK = PACKS_DIR / "dak-nong-2021-report.yaml"
FACTS = SAMPLES_DIR / "dak-nong-2021-report"
SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "render" / "audit.schema.json").read_text("utf-8"))

MET, INC, INS = Status.MET, Status.INCONSISTENT_DATA, Status.INSUFFICIENT_DATA
FINDINGS = {
    "KT-01": MET,  # 01 + 08 + 71 = 80 online meeting endpoints
    "KT-02": MET,  # 19 departments on the data network = 19 with digital signatures
    "KT-03": MET,  # 8 districts = 08
    "KT-04": MET,  # 71 communes = 71
    "KT-05": MET,  # 08 districts (signatures) = 08 (one-stop)
    "KT-06": MET,  # 71 communes (signatures) = 71 (one-stop)
    "KT-07": MET,  # 18 departments at the Public Administration Centre ≤ 19 departments
    "KT-08": INC,  # 2.485 in use + 743 revoked = 3.228, but 3.222 issued: 6 too many
    "KT-09": MET,  # 492 + 1.993 = 2.485 certificates in use
    "KT-10": MET,  # 491 level-3 + 675 level-4 = 1.166 online services
    "KT-11": MET,  # 160 + 210 = 370 services with applications
    "KT-12": MET,  # 416 / 1.166 = 35,68%, within "36%" (35,5–36,5)
    "KT-13": MET,  # 370 / 1.166 = 31,73%, within "32%" (31,5–32,5)
    "KT-14": MET,  # 64.632 / 193.667 = 33,373%, within "33,4%" (33,35–33,45)
    "KT-15": MET,  # 20.801 / 193.667 = 10,741%, within "10,7%" (10,65–10,75)
    "KT-16": INC,  # Part I says 22.639.373.567 đồng, Appendix I table 1 totals 22.638.000.000: 1.373.567 apart
    "KT-17": INC,  # Part I says 1.645.000.000 đồng, Appendix I table 2 totals 1.630.000.000: 15.000.000 apart
    "KT-18": INC,  # 1.645.000.000 / 22.639.373.567 = 7,266%, not "6,8%" (6,75–6,85)
    "KT-19": INS,  # line 10 ("2.500.000,000") is ambiguous and rejected: the table cannot be summed
    "KT-20": MET,  # 1.200.000.000 + 430.000.000 = 1.630.000.000
    "KT-21": MET,  # 15% (section III) = 15% (section IV)
}


@cache
def audit() -> AuditResult:
    return run_audit(PACK, [FACTS], period="2021")


def _verdict(check_id: str) -> tuple[Status, Fraction | None, Fraction | None, Fraction | None]:
    v = next(v for v in audit().verdicts if v.target == check_id)
    c = v.check
    assert c is not None
    stated = c.stated.value if c.stated else None
    computed = c.computed.value if c.computed else None
    return v.status, stated, computed, c.difference


def test_every_check_of_the_report_is_decided_as_its_arithmetic_says() -> None:
    result = audit()
    assert {v.target: v.status for v in result.verdicts} == FINDINGS
    assert all(v.check is not None for v in result.verdicts)  # the report has no targets of its own
    ledger = result.evaluation.ledger
    assert len(ledger.posted) == len(ledger.decided) == len(result.verdicts) == 21


def test_the_inconsistencies_with_both_sides_and_the_difference() -> None:
    # certificates: stated 3.222 issued; in use + revoked = 2.485 + 743 = 3.228; 3.222 − 3.228 = −6
    assert _verdict("KT-08") == (INC, 3222, 3228, -6)
    # e-government funding: Part I 22.639.373.567 − Appendix I table 1 total 22.638.000.000 = 1.373.567
    assert _verdict("KT-16") == (INC, 22_639_373_567, 22_638_000_000, 1_373_567)
    # security funding: Part I 1.645.000.000 − Appendix I table 2 total 1.630.000.000 = 15.000.000
    assert _verdict("KT-17") == (INC, 1_645_000_000, 1_630_000_000, 15_000_000)
    # security share: 6,8% printed; 1.645.000.000 / 22.639.373.567 = 7,2661…%; 0,466 points below,
    # where the printed precision allows 0,05
    status, stated, computed, difference = _verdict("KT-18")
    assert (status, stated, computed) == (INC, Fraction(68, 1000), Fraction(1_645_000_000, 22_639_373_567))
    assert difference is not None and round(float(difference) * 100, 3) == -0.466


def test_every_figure_of_a_finding_is_cited_with_its_source_row() -> None:
    v = next(v for v in audit().verdicts if v.target == "KT-18")
    assert sorted((f.metric, f.raw) for f in v.facts) == [
        ("egov_funding", "22.639.373.567"), ("security_funding", "1.645.000.000"),
        ("security_funding_share_pct", "6,8%")]
    assert all(f.file.endswith("TINH-2021.yaml") and f.line > 0 for f in v.facts)


def test_the_rejected_line_is_named_and_what_it_would_have_to_be() -> None:
    result = audit()
    assert result.invalid_input  # "2.500.000,000" is refused, never guessed: the audit exits 2
    errors = [d for d in result.diagnostics if d.severity.value == "error"]
    assert [(d.code, d.location.field) for d in errors] == [("F005", "appendix1_it_item_10")]
    v = next(v for v in result.verdicts if v.target == "KT-19")
    assert v.check is not None and v.check.missing == ("appendix1_it_item_10",)
    reasons = [en for _, en in v.reasons]
    assert "was rejected (F005)" in reasons[0] and f":{errors[0].location.line} " in reasons[0]
    # 22.638.000.000 − the 12 other lines (20.138.000.000) = 2.500.000.000: the table adds up if
    # line 10 is read with a mistyped thousands group, which is for the inspector to confirm
    assert reasons[1] == "were the other figures right as printed, appendix1_it_item_10 would be 2,500,000,000"


def test_outputs_show_the_checks_in_their_own_section() -> None:
    runner = CliRunner(env={"COLUMNS": "250"})
    args = ["audit", "--pack", str(PACK), "--facts", str(FACTS), "--period", "2021"]
    out = runner.invoke(main, [*args, "--format", "json"], catch_exceptions=False)
    assert out.exit_code == 2
    doc = json.loads(out.stdout)
    jsonschema.validate(doc, SCHEMA)
    assert doc["summary"]["consistency"]["checks"] == 21
    assert doc["summary"]["consistency"]["by_status"]["inconsistent_data"] == 4
    kt08 = next(v for v in doc["verdicts"] if v["target"] == "KT-08")
    assert kt08["check"]["display"]["vi"] == {"stated": "3.222", "computed": "3.228", "difference": "−6",
                                              "allowed": "0"}
    table = runner.invoke(main, args, catch_exceptions=False)
    assert table.exit_code == 2
    assert "Kiểm tra tính nhất quán số liệu" in table.stdout and "KHỚP" in table.stdout
    assert "21 kiểm tra nhất quán: 16 KHỚP, 1 THIẾU SỐ LIỆU, 4 SỐ LIỆU MÂU THUẪN" in table.stdout
    english = runner.invoke(main, [*args, "--lang", "en", "--format", "markdown"], catch_exceptions=False)
    assert "## Consistency of reported figures" in english.stdout
    assert "| KT-16 |" in english.stdout and "+1,373,567" in english.stdout
    rows = list(csv.DictReader(io.StringIO(runner.invoke(main, [*args, "--format", "csv"]).stdout)))
    kt18 = next(r for r in rows if r["target"] == "KT-18")
    assert (kt18["status_label"], kt18["check"], kt18["stated"], kt18["computed"], kt18["difference"],
            kt18["allowed"]) == ("SỐ LIỆU MÂU THUẪN", "percent_of", "6,8%", "7,266%", "−0,466 điểm %", "±0,05 điểm %")


def _statuses(facts: FactSet) -> dict[str, Status]:
    result = audit()
    ev = evaluate(result.pack, facts, result.registry, period="2021")
    return {v.target: v.status for v in ev.verdicts}


def _with(facts: FactSet, metric: str, value: Fraction) -> FactSet:
    key = ("TINH", "2021", metric)
    out = FactSet(values=dict(facts.values), inconsistent=dict(facts.inconsistent))
    out.values[key] = replace(facts.values[key], value=value, raw=str(value))
    return out


def test_an_altered_figure_is_flagged_by_exactly_the_checks_that_use_it() -> None:
    """Someone else's copy of the report, one figure changed by one unit: every exact check on that
    figure that held now fails, and no check that does not use it changes."""
    result = audit()
    before = {v.target: v.status for v in result.verdicts}
    uses = {c.id: set(c.metric_ids()) for c in result.pack.checks}
    exact = [c for c in result.pack.checks if c.kind in ("sum_of", "same_as") and before[c.id] is MET]
    for c in exact:
        metric = c.metric_ids()[-1]
        value = result.load.facts.values[("TINH", "2021", metric)].value
        after = _statuses(_with(result.load.facts, metric, value + 1))
        assert after[c.id] is INC, (c.id, metric)
        assert {k for k in before if after[k] is not before[k]} <= {k for k, ms in uses.items() if metric in ms}


def test_a_fixed_figure_clears_its_check_and_nothing_else() -> None:
    """The stated figure of each failed exact check set to what its other figures make: that check
    holds, and no check that does not use the figure changes."""
    result = audit()
    before = {v.target: v.status for v in result.verdicts}
    uses = {c.id: set(c.metric_ids()) for c in result.pack.checks}
    failed = [v for v in result.verdicts if v.status is INC and v.measure in ("sum_of", "same_as")]
    assert failed
    for v in failed:
        assert v.check is not None and v.check.stated is not None and v.check.computed is not None
        metric = v.check.stated.formula
        assert v.check.computed.value is not None
        after = _statuses(_with(result.load.facts, metric, v.check.computed.value))
        assert after[v.target] is MET, v.target
        assert {k for k in before if after[k] is not before[k]} <= {k for k, ms in uses.items() if metric in ms}
