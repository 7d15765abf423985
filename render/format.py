"""How values, thresholds and gaps read, in Vietnamese or English. Rounding is for display only,
and never makes a value look equal to a threshold it missed: 69,99% shows as 69,99%, not 70,0%."""

from __future__ import annotations

from fractions import Fraction

from ..engine.verdicts import Gap, Verdict
from ..facts.numbers import format_en, format_vi

_UNITS_WORD = {"vi": "đơn vị", "en": "units"}


def number(value: Fraction, lang: str, decimals: int = 0) -> str:
    return format_vi(value, decimals) if lang == "vi" else format_en(value, decimals)


def _scaled(v: Verdict, value: Fraction) -> Fraction:
    if v.percent:
        return value * 100
    return value * v.per


def _decimals(v: Verdict, value: Fraction) -> int:
    """One decimal, or as many as it takes (up to 6) to tell the value from its threshold."""
    if v.threshold is None or value == v.threshold:
        return 1
    a, b = _scaled(v, value), _scaled(v, v.threshold)
    for d in range(1, 7):
        if round(a, d) != round(b, d):
            return d
    return 6


def value_text(v: Verdict, lang: str) -> str:
    if v.measure == "units" and v.denominator:
        met = int(v.numerator or 0)
        total = int(v.denominator)
        lo, hi = v.bounds or (None, None)
        if lo is not None and hi is not None:
            return f"{met}/{total} {_UNITS_WORD[lang]} ({_pct(lo, lang)}–{_pct(hi, lang)})"
        return f"{met}/{total} {_UNITS_WORD[lang]} ({_pct(Fraction(met, total), lang)})"
    if v.value is None and v.bounds is not None:
        return bounds_text(v, lang)
    if v.value is None:
        return "—"
    return _scalar(v, v.value, lang)


def _scalar(v: Verdict, value: Fraction, lang: str) -> str:
    text = number(_scaled(v, value), lang, _decimals(v, value))
    if v.percent:
        return text + "%"
    if v.per != 1:
        return f"{text}/{v.per}"
    if v.measure == "rate":
        return text + ("/tuần" if lang == "vi" else "/week")
    return text


def bounds_text(v: Verdict, lang: str) -> str:
    """A value known only between bounds (units missing): "71,2%–74,5%", or "≥ 71,2%" with no upper limit."""
    assert v.bounds is not None
    lo, hi = v.bounds
    if hi is None:
        return f"≥ {_scalar(v, lo, lang)}"
    return f"{_scalar(v, lo, lang)}–{_scalar(v, hi, lang)}"


def coverage_text(v: Verdict, lang: str) -> str:
    """"64/71 xã báo cáo" / "64/71 communes reported" when some units of the scope have not
    reported every figure the target needs; "" when all have (or the verdict counts no units)."""
    c = v.coverage
    if c is None or c.complete or v.scope.kind.value == "unit":
        return ""
    vi, en = _LEVEL_WORDS.get(c.levels[0], _UNITS) if len(c.levels) == 1 else _UNITS
    if lang == "vi":
        return f"{c.reported}/{c.expected} {vi} báo cáo"
    return f"{c.reported}/{c.expected} {en} reported"


_UNITS = ("đơn vị", "units")
_LEVEL_WORDS = {"department": ("sở, ngành", "departments"), "district": ("huyện", "districts"),
                "commune": ("xã", "communes"), "province": ("đơn vị", "units")}


def _pct(value: Fraction, lang: str) -> str:
    return number(value * 100, lang, 1) + "%"


def threshold_text(v: Verdict, lang: str) -> str:
    if v.baseline is not None and v.threshold_text.startswith(">") and v.measure not in ("units",):
        # as many decimals as the value needs to be told from it: 93,48% is not above 93,5%
        d = _decimals(v, v.value) if v.value is not None else 1
        text = number(_scaled(v, v.baseline), lang, d)
        return f"> {text}{'%' if v.percent else ''} ({v.threshold_text[2:]})"
    return v.threshold_text


def gap_text(g: Gap | None, lang: str) -> str:
    if g is None:
        return ""
    amount = number(_round_up(g.amount), lang, _gap_decimals(g.amount))
    if lang == "vi":
        verb = "cần thêm" if g.direction == "more" else "cần giảm"
        return f"{verb} {amount} {g.unit_vi}".strip()
    verb = "more" if g.direction == "more" else "fewer"
    return f"{amount} {verb} {g.unit_en}".strip()


def _gap_decimals(amount: Fraction) -> int:
    """Whole things need no decimals; a fraction shows one, or more until it is not zero."""
    if amount.denominator == 1:
        return 0
    for d in range(1, 7):
        if amount * 10**d >= 1:
            return d
    return 6


def _round_up(amount: Fraction) -> Fraction:
    """A gap is rounded up, never down: what is shown is always enough to pass."""
    scale = 10 ** _gap_decimals(amount)
    return Fraction(-((-amount * scale).__floor__()), scale)


def gap_sentence(g: Gap | None, lang: str) -> str:
    """'12 more information systems must be classified' style, from the metric's name."""
    if g is None:
        return ""
    if lang == "vi":
        return f"{gap_text(g, lang)} ({g.what_vi})"
    return f"{gap_text(g, lang)} ({g.what_en})"


def title(v: Verdict, lang: str) -> str:
    return v.title_en if lang == "en" and v.title_en else v.title_vi


def scope_name(v: Verdict, lang: str) -> str:
    return v.scope.name_en if lang == "en" else v.scope.name_vi
