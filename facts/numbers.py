"""Numbers as Vietnamese documents print them.

``22.639.373.567`` is twenty-two billion (dots group thousands), ``33,4%`` is 33.4 percent
(a comma marks decimals), ``3.128`` is three thousand one hundred and twenty-eight. A figure that
two readings fit (``1,234``, ``2.500.000,000``) is refused with both readings named: it is never
guessed. Values are exact: ``Fraction``, never ``float``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction

__all__ = ["VN_GROUPED", "NumberFormatError", "ParsedNumber", "format_en", "format_vi", "parse_number"]


class NumberFormatError(ValueError):
    def __init__(self, code: str, message: str, suggestion: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.suggestion = suggestion


@dataclass(frozen=True)
class ParsedNumber:
    value: Fraction
    percent: bool  # the text ended in '%'
    text: str  # as submitted


_SPACES = re.compile(r"[\s\u00a0\u202f]")
_PLAIN = re.compile(r"^\d+$")
VN_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")  # 22.639.373.567: Vietnamese thousands, a whole number
_VN_DECIMAL = re.compile(r"^\d+,\d+$")  # 33,4
_VN_GROUPED_DECIMAL = re.compile(r"^\d{1,3}(\.\d{3})+,\d+$")  # 1.234,5
_POINT_DECIMAL = re.compile(r"^\d+\.\d+$")  # 33.4 written with a decimal point
_EN_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")  # 1,234,567.5


def _fraction(digits: str) -> Fraction:
    try:
        return Fraction(Decimal(digits))
    except InvalidOperation as exc:  # pragma: no cover - the regexes above admit only digits
        raise NumberFormatError("N001", f"not a number: {digits!r}") from exc


def parse_number(raw: object) -> ParsedNumber:
    """Read a number from submitted text or a YAML/JSON scalar, exactly."""
    if isinstance(raw, bool):
        raise NumberFormatError("N001", f"expected a number, got {raw!r}")
    if isinstance(raw, int):
        return ParsedNumber(Fraction(raw), False, str(raw))
    if isinstance(raw, float):
        # A float from YAML/JSON: take the digits as written, not the binary approximation.
        return ParsedNumber(Fraction(Decimal(repr(raw))), False, repr(raw))
    if isinstance(raw, Decimal | Fraction):
        return ParsedNumber(Fraction(raw), False, str(raw))
    if not isinstance(raw, str):
        raise NumberFormatError("N001", f"expected a number, got {type(raw).__name__}")
    text = raw
    s = _SPACES.sub("", raw)
    percent = s.endswith("%")
    if percent:
        s = s[:-1]
    negative = s.startswith("-")
    if negative:
        s = s[1:]
    if not s:
        raise NumberFormatError("N001", f"expected a number, got {text!r}")
    value = _read_unsigned(s, text)
    return ParsedNumber(-value if negative else value, percent, text)


def _read_unsigned(s: str, text: str) -> Fraction:
    if _PLAIN.match(s):
        return Fraction(int(s))
    if VN_GROUPED.match(s):
        return Fraction(int(s.replace(".", "")))
    if _VN_GROUPED_DECIMAL.match(s):
        whole, frac = s.split(",")
        if len(frac) == 3:
            as_decimal = _fraction(whole.replace(".", "") + "." + frac)
            as_grouped = int(whole.replace(".", "") + frac)
            shown = format_vi(as_decimal, 0 if as_decimal.denominator == 1 else len(frac.rstrip("0")))
            raise NumberFormatError(
                "N002",
                f"ambiguous number {text!r}: read with a decimal comma it is {shown}, "
                f"but ',{frac}' may be a mistyped thousands group, which makes it {format_vi(Fraction(as_grouped))}",
                "write it again with dots for every thousands group, or with fewer than three decimals",
            )
        return _fraction(whole.replace(".", "") + "." + frac)
    if _VN_DECIMAL.match(s):
        whole, frac = s.split(",")
        if len(frac) == 3 and whole != "0":
            raise NumberFormatError(
                "N002",
                f"ambiguous number {text!r}: a Vietnamese reading gives {whole},{frac} "
                f"(a decimal comma), an English one {whole}{frac} (a thousands comma)",
                f"write {whole}.{frac} for {whole}{frac}, or {whole},{frac}0 for the decimal",
            )
        return _fraction(whole + "." + frac)
    if _POINT_DECIMAL.match(s):
        # "33.4": not a thousands grouping (that needs groups of three), so a decimal point.
        return _fraction(s)
    if _EN_GROUPED.match(s):
        raise NumberFormatError(
            "N003",
            f"number {text!r} is written in English style (commas between thousands)",
            "write thousands with dots and decimals with a comma, as in 1.234.567,5",
        )
    raise NumberFormatError(
        "N001", f"not a number: {text!r}", "write digits, dots between thousands, a comma for decimals"
    )


def format_vi(value: Fraction, decimals: int = 0) -> str:
    """Render a number the Vietnamese way: 22.639.373.567 ; 33,4."""
    q = Decimal(value.numerator) / Decimal(value.denominator)
    rounded = round(q, decimals)
    text = f"{rounded:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_en(value: Fraction, decimals: int = 0) -> str:
    q = Decimal(value.numerator) / Decimal(value.denominator)
    return f"{round(q, decimals):,.{decimals}f}"
