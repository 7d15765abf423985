"""Vietnamese number formats: facts/numbers.py, table-driven."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from plancheck.facts.numbers import NumberFormatError, format_vi, parse_number


@pytest.mark.parametrize(
    ("text", "value", "percent"),
    [
        ("22.639.373.567", Fraction(22639373567), False),
        ("33,4%", Fraction(334, 10), True),
        ("3.128", Fraction(3128), False),
        ("0,2%", Fraction(2, 10), True),
        ("79,75", Fraction(7975, 100), False),
        ("0,125", Fraction(1, 8), False),  # a leading 0 is never a thousands group
        ("1.234,5", Fraction(12345, 10), False),
        ("33.4", Fraction(334, 10), False),  # not groups of three: a decimal point
        ("  1 000 ", Fraction(1000), False),
        ("1\u00a0000", Fraction(1000), False),
        ("-5", Fraction(-5), False),
        ("100%", Fraction(100), True),
        (12, Fraction(12), False),
        (33.4, Fraction(334, 10), False),
        (Decimal("3.128"), Fraction(3128, 1000), False),
    ],
)
def test_reads(text: object, value: Fraction, percent: bool) -> None:
    parsed = parse_number(text)
    assert parsed.value == value
    assert parsed.percent is percent


@pytest.mark.parametrize(
    ("text", "code", "readings"),
    [
        ("2.500.000,000", "N002", ("2.500.000,000", "2.500.000.000")),
        ("1,234", "N002", ("1,234", "1234")),
        ("1,234,567", "N003", ()),
        ("abc", "N001", ()),
        ("", "N001", ()),
        ("%", "N001", ()),
        (True, "N001", ()),
        (None, "N001", ()),
    ],
)
def test_refuses(text: object, code: str, readings: tuple[str, ...]) -> None:
    with pytest.raises(NumberFormatError) as info:
        parse_number(text)
    assert info.value.code == code
    for reading in readings:
        assert reading in info.value.message


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [(Fraction(22639373567), 0, "22.639.373.567"), (Fraction(334, 10), 1, "33,4"), (Fraction(3128), 0, "3.128")],
)
def test_format_vi(value: Fraction, decimals: int, text: str) -> None:
    assert format_vi(value, decimals) == text
