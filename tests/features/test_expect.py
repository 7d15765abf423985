"""What Then-steps expect of a verdict: statuses by any label, values to the precision written,
gaps as printed (rounded up)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from plancheck.engine.verdicts import Gap, Scope, ScopeKind, Status, Verdict
from plancheck.features import expect


def verdict(value: Fraction | None, *, measure: str = "ratio", percent: bool = True, per: int = 1,
            gap: Fraction | None = None, numerator: int | None = None, denominator: int | None = None) -> Verdict:
    return Verdict(target="T-01", part="", title_vi="", title_en="", area="a", clause="c", period="2022",
                   scope=Scope(ScopeKind.PROVINCE, "TINH", "Tỉnh", "Province"), status=Status.NOT_MET,
                   engine_fact="f", measure=measure, value=value, percent=percent, per=per,
                   threshold=Fraction(7, 10), threshold_text=">= 70%",
                   numerator=Fraction(numerator) if numerator is not None else None,
                   denominator=Fraction(denominator) if denominator is not None else None,
                   gap=Gap(gap, "more", "hệ thống", "systems", "x", "x") if gap is not None else None)


@pytest.mark.parametrize(("text", "status"), [
    ("ĐẠT", Status.MET), ("đạt", Status.MET), ("met", Status.MET), ("KHÔNG ĐẠT", Status.NOT_MET),
    ("not met", Status.NOT_MET), ("not_met", Status.NOT_MET), ("THIẾU SỐ LIỆU", Status.INSUFFICIENT_DATA),
    ("insufficient data", Status.INSUFFICIENT_DATA), ("CẦN ĐÁNH GIÁ", Status.MANUAL),
    ("SỐ LIỆU MÂU THUẪN", Status.INCONSISTENT_DATA), ("KHÔNG ÁP DỤNG", Status.NOT_APPLICABLE),
    ("MIỄN TRỪ", Status.WAIVED), ("  không   đạt ", Status.NOT_MET),
])
def test_status_by_any_label(text: str, status: Status) -> None:
    assert expect.status(text) is status


def test_unknown_status_lists_the_labels() -> None:
    with pytest.raises(AssertionError, match=r"unknown status 'DAT'.*ĐẠT \(met\)"):
        expect.status("DAT")


@pytest.mark.parametrize(("text", "value", "decimals"), [
    ("70,5%", Fraction(705, 10), 1), ("70%", Fraction(70), 0), ("1.166", Fraction(1166), 0),
    ("70.5", Fraction(705, 10), 1), ("66,67", Fraction(6667, 100), 2), ("0,9", Fraction(9, 10), 1),
    ("7.000.000.000.000", Fraction(7 * 10**12), 0),
])
def test_numbers_with_their_precision(text: str, value: Fraction, decimals: int) -> None:
    assert expect.number(text) == expect.Number(value, decimals)


def test_an_ambiguous_number_is_refused() -> None:
    with pytest.raises(AssertionError, match="not a number"):
        expect.number("1,234")


@pytest.mark.parametrize(("exact", "written", "ok"), [
    (Fraction(2, 3), "66,7%", True), (Fraction(2, 3), "67%", True), (Fraction(2, 3), "66,67%", True),
    (Fraction(2, 3), "66,6%", False), (Fraction(2, 3), "66.7%", True),
    (Fraction(6999, 10000), "69,99%", True), (Fraction(6999, 10000), "70%", True),
    (Fraction(6999, 10000), "70,0%", True), (Fraction(6999, 10000), "69,9900%", True),
    (Fraction(6999, 10000), "69,9%", False),
    (Fraction(705, 1000), "70,5%", True), (Fraction(7049, 10000), "70,5%", True),  # half-up: 70,49 → 70,5
    (Fraction(70449, 100000), "70,5%", False), (Fraction(7045, 10000), "70,5%", True),
])
def test_percent_values_compare_to_the_precision_written(exact: Fraction, written: str, ok: bool) -> None:
    v = verdict(exact)
    if ok:
        expect.check_value(v, written)
    else:
        with pytest.raises(AssertionError, match="expected the value"):
            expect.check_value(v, written)


def test_per_100_and_rates_and_units() -> None:
    per100 = verdict(Fraction(342550, 650000), percent=False, per=100)
    expect.check_value(per100, "52,7/100")
    expect.check_value(per100, "52.7/100")
    expect.check_value(per100, "53/100")
    with pytest.raises(AssertionError, match="not a value per 1000"):
        expect.check_value(per100, "527/1000")
    with pytest.raises(AssertionError, match="not a percentage"):
        expect.check_value(per100, "52,7%")
    rate = verdict(Fraction(48, 52), measure="rate", percent=False)
    expect.check_value(rate, "0,9/tuần")
    expect.check_value(rate, "0.92/week")
    with pytest.raises(AssertionError, match="expected the value 1,0/tuần, got 0,9/tuần to that precision"):
        expect.check_value(rate, "1,0/tuần")
    with pytest.raises(AssertionError, match="not a rate"):
        expect.check_value(per100, "52,7/tuần")
    units = verdict(Fraction(3, 5), measure="units", numerator=3, denominator=5)
    expect.check_value(units, "3/5")
    expect.check_value(units, "60%")
    with pytest.raises(AssertionError, match="expected 4/5 units"):
        expect.check_value(units, "4/5")


def test_no_value() -> None:
    expect.check_value(verdict(None), "—")
    with pytest.raises(AssertionError, match="expected no value, got 70,0%"):
        expect.check_value(verdict(Fraction(7, 10)), "—")
    with pytest.raises(AssertionError, match="there is no value"):
        expect.check_value(verdict(None), "70%")


def test_a_percentage_must_be_written_with_its_sign() -> None:
    with pytest.raises(AssertionError, match="write the value with '%'"):
        expect.check_value(verdict(Fraction(7, 10)), "70")


@pytest.mark.parametrize(("gap", "written", "ok"), [
    (Fraction(13), "13", True), (Fraction(12), "13", False), (Fraction(124, 10), "13", True),
    (Fraction(124, 10), "12,4", True), (Fraction(112450), "112.450", True), (None, "—", True),
    (Fraction(1), "—", False),
])
def test_gaps_compare_as_printed(gap: Fraction | None, written: str, ok: bool) -> None:
    v = verdict(Fraction(1, 2), gap=gap)
    if ok:
        expect.check_gap(v, written)
    else:
        with pytest.raises(AssertionError, match="gap"):
            expect.check_gap(v, written)


def test_a_gap_where_there_is_none_names_the_status() -> None:
    with pytest.raises(AssertionError, match="there is none \\(KHÔNG ĐẠT\\)"):
        expect.check_gap(verdict(Fraction(1, 2)), "3")


def test_status_mismatch_says_expected_and_actual() -> None:
    with pytest.raises(AssertionError, match=r"T-01 \(province TINH\): expected ĐẠT \(met\), got KHÔNG ĐẠT "
                                             r"\(not_met\); value 50,0%, threshold >= 70%"):
        expect.check_status(verdict(Fraction(1, 2)), "ĐẠT")
