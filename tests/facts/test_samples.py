"""The bundled transcription of the 2021 report (Part I and Appendix I of the 2022 plan): every
printed figure kept as printed, and only the ambiguous one refused."""

from __future__ import annotations

from fractions import Fraction

import pytest

from plancheck.diagnostics import Severity
from plancheck.facts import SAMPLES_DIR
from plancheck.facts.load import FactLoad, load_facts
from plancheck.facts.registry import load_registry
from plancheck.rules import PACKS_DIR
from plancheck.rules.loader import load_pack
from plancheck.rules.model import Level, Pack

REPORT = SAMPLES_DIR / "dak-nong-2021-report"


@pytest.fixture(scope="module")
def report_pack() -> Pack:
    pack, diagnostics = load_pack(PACKS_DIR / "dak-nong-2021-report.yaml")
    assert pack is not None, diagnostics
    assert diagnostics == []
    return pack


@pytest.fixture(scope="module")
def report(report_pack: Pack) -> FactLoad:
    registry, _ = load_registry()
    return load_facts([REPORT], report_pack, registry)


def test_the_catalog_is_the_2021_report(report_pack: Pack) -> None:
    assert report_pack.pack.period == "2021"
    assert report_pack.targets == []
    assert all(m.levels == [Level.PROVINCE] for m in report_pack.metrics)
    ids = {m.id for m in report_pack.metrics}
    assert {f"appendix1_it_item_{i:02d}" for i in range(1, 14)} | {"appendix1_it_total"} <= ids
    assert {"appendix1_security_item_01", "appendix1_security_item_02", "appendix1_security_total"} <= ids


def test_only_the_ambiguous_amount_is_refused(report: FactLoad) -> None:
    [error] = report.diagnostics
    assert (error.code, error.severity, error.location.field) == ("F005", Severity.ERROR, "appendix1_it_item_10")
    text = (REPORT / "TINH-2021.yaml").read_text(encoding="utf-8").splitlines()
    assert error.location.file.endswith("TINH-2021.yaml")
    assert text[error.location.line - 1].strip() == 'value: "2.500.000,000"'
    assert "N002" in error.message and "2.500.000,000" in error.message and "2.500.000.000" in error.message
    assert report.rejected_values == 1


def test_every_other_printed_figure_is_kept(report: FactLoad, report_pack: Pack) -> None:
    kept = {k[2] for k in report.facts.values}
    assert kept == {m.id for m in report_pack.metrics} - {"appendix1_it_item_10"}
    assert report.facts.units() == {"TINH"} and report.facts.periods() == ["2021"]
    assert not report.facts.inconsistent  # the print has no part above its whole


@pytest.mark.parametrize(("metric", "raw", "value"), [
    ("egov_funding", "22.639.373.567", Fraction(22_639_373_567)),
    ("appendix1_it_total", "22.638.000.000", Fraction(22_638_000_000)),
    ("security_funding", "1.645.000.000", Fraction(1_645_000_000)),
    ("appendix1_security_total", "1.630.000.000", Fraction(1_630_000_000)),
    ("applications_level3_pct", "33,4%", Fraction(334, 1000)),
    ("applications_level3_processed", "64.632", Fraction(64_632)),
    ("applications_total", "193.667", Fraction(193_667)),
    ("computers_total", "3.128", Fraction(3_128)),
    ("security_funding_share_pct", "6,8%", Fraction(68, 1000)),
    ("online_services_national_portal_pct", "36%", Fraction(36, 100)),
    ("internet_subscriptions_per_100", "79,75", Fraction(7_975, 100)),
    ("online_meeting_endpoints_province", "01", Fraction(1)),
    ("dti_rank", "54", Fraction(54)),
])
def test_transcribed_values(report: FactLoad, metric: str, raw: str, value: Fraction) -> None:
    fact = report.facts.get("TINH", "2021", metric)
    assert fact is not None
    assert (fact.raw, fact.value) == (raw, value)
