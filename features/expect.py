"""What a Then-step expects of a verdict, and the message when the verdict disagrees.

A value is compared to the precision it is written with, as the plan prints it: "70,5%" holds when
the exact value, rounded half-up to one decimal, is 70.5%; "70%" when it rounds to a whole
percent; "52,7/100" for a rate per 100 inhabitants; "1,2/tuần" (or "1.2/week") for a rate; "3/5"
for a share of units (3 of 5 units met it); "—" for no value. A gap is compared as it is printed:
rounded up to the precision written ("13" holds for a gap of 12.4 items, which takes 13 to close).
Numbers are read as Vietnamese documents write them (``facts.numbers.parse_number``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from fractions import Fraction

from ..engine.verdicts import Status, Verdict
from ..facts.numbers import VN_GROUPED, NumberFormatError, parse_number
from ..render import format as fmt

NO_VALUE = frozenset({"—", "-", "–", "không có", "none"})
_RATE = re.compile(r"^(?P<num>.+?)\s*/\s*(?P<per>tuần|week|tháng|month)$")
_PER = re.compile(r"^(?P<num>[^/]+?)\s*/\s*(?P<den>\d+)(?:\s*(?:đơn vị|units))?$")


def status(text: str) -> Status:
    """A status from its code (``not_met``), Vietnamese label (``KHÔNG ĐẠT``) or English one (``not met``)."""
    wanted = " ".join(unicodedata.normalize("NFC", text).split()).casefold()
    for s in Status:
        if wanted in (s.value, s.value.replace("_", " "), s.label_vi.casefold(), s.label_en):
            return s
    raise AssertionError(f"unknown status {text!r}: write one of "
                         + ", ".join(f"{s.label_vi} ({s.label_en})" for s in Status))


def _scope(v: Verdict) -> str:
    return f"{v.target} ({v.scope.kind.value} {v.scope.id})"


def check_status(v: Verdict, text: str) -> None:
    want = status(text)
    if v.status is want:
        return
    reasons = "; ".join(vi for vi, _ in v.reasons[:3])
    raise AssertionError(
        f"{_scope(v)}: expected {want.label_vi} ({want.value}), got {v.status.label_vi} ({v.status.value}); "
        f"value {fmt.value_text(v, 'vi')}, threshold {fmt.threshold_text(v, 'vi') or '—'}"
        + (f"; {reasons}" if reasons else ""))


@dataclass(frozen=True)
class Number:
    value: Fraction
    decimals: int


def number(text: str) -> Number:
    """A number as written, with how many decimals it is written to ("70,5" has 1; "1.166" has 0)."""
    digits = text.strip().removesuffix("%").strip()
    try:
        value = parse_number(digits).value
    except NumberFormatError as exc:
        raise AssertionError(f"{text!r} is not a number: {exc.message}") from exc
    if VN_GROUPED.match(digits.lstrip("-")):
        decimals = 0
    elif "," in digits:
        decimals = len(digits.rsplit(",", 1)[1])
    elif "." in digits:
        decimals = len(digits.rsplit(".", 1)[1])
    else:
        decimals = 0
    return Number(value, decimals)


def round_half_up(value: Fraction, decimals: int) -> Fraction:
    scale = 10**decimals
    magnitude = Fraction((abs(value) * scale + Fraction(1, 2)).__floor__(), scale)
    return magnitude if value >= 0 else -magnitude


def round_up(value: Fraction, decimals: int) -> Fraction:
    scale = 10**decimals
    return Fraction(-((-value * scale).__floor__()), scale)


def check_value(v: Verdict, text: str) -> None:
    """The verdict's value agrees with ``text`` to the precision ``text`` is written with."""
    written = text.strip()
    shown = fmt.value_text(v, "vi")
    if written.casefold() in NO_VALUE:
        assert v.value is None, f"{_scope(v)}: expected no value, got {shown}"
        return
    per = _PER.match(written)
    if per and v.measure == "units":
        met, total = number(per["num"]).value, int(per["den"])
        ok = v.numerator == met and v.denominator == total
        assert ok, f"{_scope(v)}: expected {written} units, got {shown}"
        return
    actual, want = _compare(v, written)
    assert actual is not None, (f"{_scope(v)}: expected the value {written}, but there is no value "
                                f"({v.status.label_vi}); " + "; ".join(vi for vi, _ in v.reasons[:2]))
    rounded = round_half_up(actual, want.decimals)
    suffix = "%" if written.endswith("%") else written[written.index("/"):] if "/" in written else ""
    assert rounded == want.value, (f"{_scope(v)}: expected the value {written}, got "
                                   f"{_decimal(rounded, want.decimals)}{suffix} to that precision (shown as {shown})")


def _compare(v: Verdict, written: str) -> tuple[Fraction | None, Number]:
    """The verdict's value in the unit ``written`` uses, and the number written."""
    if written.endswith("%"):
        assert v.percent or v.measure == "units", f"{_scope(v)} is not a percentage: its value reads {_shown(v)}"
        share = v.value
        if share is None and v.measure == "units" and v.denominator and v.bounds is None:
            share = Fraction(v.numerator or 0) / v.denominator
        return (share * 100 if share is not None else None), number(written)
    rate = _RATE.match(written)
    if rate:
        assert v.measure == "rate", f"{_scope(v)} is not a rate per week or month: its value reads {_shown(v)}"
        return v.value, number(rate["num"])
    per = _PER.match(written)
    if per:
        assert not v.percent and v.per == int(per["den"]), (
            f"{_scope(v)} is not a value per {per['den']}: its value reads {_shown(v)}")
        return (v.value * v.per if v.value is not None else None), number(per["num"])
    assert not v.percent, f"{_scope(v)} is a percentage: write the value with '%' as printed ({_shown(v)})"
    return (v.value * v.per if v.value is not None else None), number(written)


def _shown(v: Verdict) -> str:
    return fmt.value_text(v, "vi")


def _decimal(value: Fraction, decimals: int) -> str:
    return fmt.number(value, "vi", decimals)


def check_gap(v: Verdict, text: str) -> None:
    """The gap, rounded up to the precision written, is ``text`` (or "—": there is no gap)."""
    written = text.strip()
    if written.casefold() in NO_VALUE:
        assert v.gap is None, f"{_scope(v)}: expected no gap, got {fmt.gap_text(v.gap, 'vi')}"
        return
    assert v.gap is not None, f"{_scope(v)}: expected a gap of {written}, but there is none ({v.status.label_vi})"
    want = number(written)
    got = round_up(v.gap.amount, want.decimals)
    assert got == want.value, (f"{_scope(v)}: expected a gap of {written}, got {_decimal(got, want.decimals)} "
                               f"({fmt.gap_text(v.gap, 'vi')})")
