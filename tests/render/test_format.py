"""Display rounding never makes a missed value look like its threshold."""

from __future__ import annotations

from fractions import Fraction

import pytest

from plancheck.engine.verdicts import Gap, Scope, ScopeKind, Status, Verdict
from plancheck.render import format as fmt
from plancheck.rules.model import Op


def _verdict(value: Fraction, threshold: Fraction, **kw: object) -> Verdict:
    v = Verdict(target="T-1", part="", title_vi="t", title_en="t", area="a", clause="c", period="2022",
                scope=Scope(ScopeKind.PROVINCE, "TINH", "Tỉnh", "Province"), status=Status.NOT_MET,
                engine_fact="x", measure="ratio", value=value, op=Op.GE, threshold=threshold, threshold_text=">= 70%")
    for k, val in kw.items():
        setattr(v, k, val)
    return v


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [
        (Fraction(6999, 10000), "69,99%", "69.99%"),
        (Fraction(7, 10), "70,0%", "70.0%"),
        (Fraction(46, 83), "55,4%", "55.4%"),
        (Fraction(699999, 1000000), "69,9999%", "69.9999%"),
    ],
)
def test_percent_display(value: Fraction, vi: str, en: str) -> None:
    v = _verdict(value, Fraction(7, 10))
    assert fmt.value_text(v, "vi") == vi
    assert fmt.value_text(v, "en") == en


def test_per_hundred_and_rate() -> None:
    assert fmt.value_text(_verdict(Fraction(527, 1000), Fraction(7, 10), per=100, percent=False), "vi") == "52,7/100"
    rate = _verdict(Fraction(40 * 7, 365), Fraction(1), percent=False, measure="rate")
    assert fmt.value_text(rate, "vi") == "0,8/tuần"


def test_gap_sentences() -> None:
    g = Gap(Fraction(13), "more", "hệ thống thông tin", "information systems", "HTTT đã xác định cấp độ",
            "classified information systems")
    assert fmt.gap_text(g, "vi") == "cần thêm 13 hệ thống thông tin"
    assert fmt.gap_text(g, "en") == "13 more information systems"
    assert fmt.gap_text(None, "vi") == ""


@pytest.mark.parametrize(
    ("amount", "vi"),
    [(Fraction(13), "cần thêm 13 điểm"), (Fraction(1, 20), "cần thêm 0,05 điểm"),
     (Fraction(1, 1000), "cần thêm 0,001 điểm"), (Fraction(201, 100), "cần thêm 2,1 điểm")],
)
def test_a_gap_is_rounded_up_never_to_zero(amount: Fraction, vi: str) -> None:
    g = Gap(amount, "more", "điểm", "points", "x", "x")
    assert fmt.gap_text(g, "vi") == vi


def test_baseline_shown_precisely_enough_to_tell_it_from_the_value() -> None:
    v = _verdict(Fraction(9348, 10000), Fraction(9349, 10000), baseline=Fraction(9349, 10000),
                 threshold_text="> 2021", measure="ratio")
    assert fmt.threshold_text(v, "vi") == "> 93,49% (2021)"
    assert fmt.value_text(v, "vi") == "93,48%"
