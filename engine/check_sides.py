"""The arithmetic of a consistency check: what a unit states, what its other figures make of it,
how far apart the two may be, and how that reads.

A percentage or a per-100 rate is printed rounded, so it may differ from the exact value of its
own numerator and denominator by half a unit of its last printed digit, and no more: "36%"
allows 35,5% to 36,5%, "33,4%" allows 33,35% to 33,45%, both ends included. Totals, parts and
figures stated twice are exact. Everything is a Fraction; rounding is for display only, and never
makes a difference look smaller or larger than its tolerance.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from ..facts.model import MetricValue
from ..facts.numbers import VN_GROUPED, format_en, format_vi
from ..rules.model import Check, MetricKind
from .plan import cross
from .verdicts import Consistency, Side

_SPACES = str.maketrans("", "", " \u00a0\u202f%+-")
_RELATION = {"percent_of": "≈", "per_100_of": "≈", "sum_of": "=", "same_as": "=", "part_of": "≤"}


def printed_decimals(raw: str) -> int:
    """How many decimals a figure was printed with: "36%" 0, "33,4%" 1, "79,75" 2, "33.4" 1,
    "1.166" 0 (dots that group thousands are not decimals)."""
    s = raw.strip().translate(_SPACES)
    if "," in s:
        return len(s.rsplit(",", 1)[1])
    if "." in s and not VN_GROUPED.match(s):
        return len(s.rsplit(".", 1)[1])
    return 0


def relation(kind: str) -> str:
    return _RELATION[kind]


def scale_of(check: Check, kinds: Mapping[str, MetricKind]) -> str:
    """How a check's values read: ``percent``, ``per_100`` or ``plain`` (the figures' own unit)."""
    if check.percent_of is not None or kinds.get(check.metric_ids()[0]) is MetricKind.PERCENT:
        return "percent"
    return "per_100" if check.per_100_of is not None else "plain"


def compare(check: Check, got: Mapping[str, MetricValue],
            kinds: Mapping[str, MetricKind]) -> tuple[Consistency, tuple[str, str] | None, str]:
    """The two sides of a check on one unit's figures (all present in ``got``), and how it is
    decided: ``cmp`` (compare the difference with the tolerance), or ``insufficient`` /
    ``inconsistent`` with a reason (vi, en) when no comparison can be made."""
    v = {m: x.value for m, x in got.items()}
    scale = scale_of(check, kinds)
    if check.percent_of is not None:
        p = check.percent_of
        decimals = printed_decimals(got[p.percent].raw)
        den = v[p.denominator] - sum((v[e] for e in p.exclude), Fraction(0))
        formula = f"{p.numerator} / " + (f"({p.denominator} − {' − '.join(p.exclude)})" if p.exclude
                                          else p.denominator)
        stated, computed = v[p.percent], (v[p.numerator] / den if den > 0 else None)
        divisor = p.denominator
        tolerance = Fraction(1, 2 * 10**decimals) / 100
        if den < 0:
            return _partial(check, stated, formula, decimals, scale), (
                f"phần loại trừ lớn hơn mẫu số {p.denominator} ({_plain(v[p.denominator], 'vi')})",
                f"the excluded part exceeds the denominator {p.denominator} ({_plain(v[p.denominator], 'en')})",
            ), "inconsistent"
    elif check.per_100_of is not None:
        r = check.per_100_of
        decimals = printed_decimals(got[r.rate].raw)
        formula = f"{r.count} × 100 / {r.population}"
        pop = v[r.population]
        stated, computed = v[r.rate], (v[r.count] * 100 / pop if pop > 0 else None)
        divisor = r.population
        tolerance = Fraction(1, 2 * 10**decimals)
    else:
        first, *rest = check.metric_ids()
        stated, computed = v[first], sum((v[m] for m in rest), Fraction(0))
        formula = " + ".join(rest)
        decimals, tolerance = max(printed_decimals(x.raw) for x in got.values()), Fraction(0)
    if computed is None:
        return _partial(check, stated, formula, decimals, scale), (
            f"{divisor} bằng 0, không tính được tỷ lệ", f"{divisor} is zero: no share can be computed"), "insufficient"
    cons = Consistency(kind=check.kind, relation=relation(check.kind), stated=Side(stated, check.metric_ids()[0]),
                       computed=Side(computed, formula), difference=stated - computed, tolerance=tolerance,
                       decimals=decimals, scale=scale)
    return cons, None, "cmp"


def _partial(check: Check, stated: Fraction, formula: str, decimals: int, scale: str) -> Consistency:
    return Consistency(kind=check.kind, relation=relation(check.kind), stated=Side(stated, check.metric_ids()[0]),
                       computed=Side(None, formula), decimals=decimals, scale=scale)


def integers(cons: Consistency) -> tuple[int, int]:
    """The comparison as two integers for durable-rules: consistent when ``lhs <= rhs``. A part
    against its whole; any other check, the size of the difference against the tolerance."""
    assert cons.stated is not None and cons.computed is not None and cons.computed.value is not None
    if cons.kind == "part_of":
        assert cons.stated.value is not None
        return cross(cons.stated.value, cons.computed.value)
    assert cons.difference is not None
    return cross(abs(cons.difference), cons.tolerance)


def implied(check: Check, got: Mapping[str, MetricValue], missing: str) -> tuple[Fraction, Fraction] | None:
    """The values the one missing figure of a check could have for the check to hold, the other
    figures taken as printed: ``(lo, hi)``, equal for an exact check; None where the check does not
    pin it down (a part and its whole, an excluded part, a zero divisor)."""
    v = {m: x.value for m, x in got.items()}
    if check.sum_of is not None or check.same_as is not None:
        first, *rest = check.metric_ids()
        known = sum((v[m] for m in rest if m != missing), Fraction(0))
        value = known if missing == first else v[first] - known
        return value, value
    if check.percent_of is not None and not check.percent_of.exclude:
        p = check.percent_of
        if missing == p.percent:
            return (v[p.numerator] / v[p.denominator],) * 2 if v[p.denominator] else None
        tol = Fraction(1, 2 * 10**printed_decimals(got[p.percent].raw)) / 100
        lo, hi = max(v[p.percent] - tol, Fraction(0)), v[p.percent] + tol
        if missing == p.numerator:
            return v[p.denominator] * lo, v[p.denominator] * hi
        return (v[p.numerator] / hi, v[p.numerator] / lo) if lo else None
    if check.per_100_of is not None:
        r = check.per_100_of
        if missing == r.rate:
            return (v[r.count] * 100 / v[r.population],) * 2 if v[r.population] else None
        tol = Fraction(1, 2 * 10**printed_decimals(got[r.rate].raw))
        lo, hi = max(v[r.rate] - tol, Fraction(0)), v[r.rate] + tol
        if missing == r.count:
            return v[r.population] * lo / 100, v[r.population] * hi / 100
        return (v[r.count] * 100 / hi, v[r.count] * 100 / lo) if lo else None
    return None


def implied_reason(metric: str, bounds: tuple[Fraction, Fraction], kind: MetricKind) -> tuple[str, str]:
    """"were the other figures right as printed, ``metric`` would be …", in both languages. A
    whole figure's range is its whole values; a negative value means the others already break it."""
    lo, hi = bounds
    if hi < 0:
        over = {lang: _plain(-hi, lang) for lang in ("vi", "en")}
        return (f"các số liệu còn lại đã vượt quá {over['vi']}, dù {metric} là bao nhiêu",
                f"the other figures are already {over['en']} over, whatever {metric} is")
    lo = max(lo, Fraction(0))
    if kind in (MetricKind.COUNT, MetricKind.AMOUNT_VND):
        lo, hi = Fraction(-(-lo // 1)), Fraction(hi // 1)
    texts = []
    for lang in ("vi", "en"):
        def show(x: Fraction, lang: str = lang) -> str:
            if kind is MetricKind.PERCENT:
                return _fmt(x * 100, lang, 3) + "%"
            return _plain(x, lang)
        value = show(lo) if lo == hi else (f"từ {show(lo)} đến {show(hi)}" if lang == "vi"
                                             else f"between {show(lo)} and {show(hi)}")
        if lo > hi:
            value = "—"
        texts.append(f"nếu các số liệu còn lại đúng như đã in, {metric} phải là {value}" if lang == "vi"
                     else f"were the other figures right as printed, {metric} would be {value}")
    return texts[0], texts[1]


# --- how it reads -------------------------------------------------------------------------------

def _fmt(value: Fraction, lang: str, decimals: int) -> str:
    return format_vi(value, decimals) if lang == "vi" else format_en(value, decimals)


def _plain(value: Fraction, lang: str) -> str:
    return _fmt(value, lang, 0 if value.denominator == 1 else 2)


def _scaled(cons: Consistency, value: Fraction) -> Fraction:
    return value * 100 if cons.scale == "percent" else value


def _shown_decimals(cons: Consistency) -> int:
    """Decimals that show the computed side and the difference without hiding how the difference
    compares with the tolerance: 35,4999% against "36%" reads 35,4999%, not 35,50%; a total one
    đồng off reads 1, not 0."""
    base = cons.decimals + 2 if cons.tolerance else cons.decimals
    if cons.difference is None or cons.difference == cons.tolerance:
        return base
    diff, tol = abs(_scaled(cons, cons.difference)), _scaled(cons, cons.tolerance)
    for d in range(base, 9):
        if round(diff, d) != round(tol, d):
            return d
    return 8


def figure_text(cons: Consistency, value: Fraction | None, lang: str, decimals: int | None = None) -> str:
    if value is None:
        return "—"
    d = _shown_decimals(cons) if decimals is None else decimals
    text = _fmt(_scaled(cons, value), lang, d)
    return text + "%" if cons.scale == "percent" else text


def stated_text(cons: Consistency, lang: str) -> str:
    if cons.stated is None:
        return ""
    return figure_text(cons, cons.stated.value, lang, cons.decimals)


def computed_text(cons: Consistency, lang: str) -> str:
    if cons.computed is None:
        return ""
    return figure_text(cons, cons.computed.value, lang)


def difference_text(cons: Consistency, lang: str) -> str:
    if cons.difference is None:
        return ""
    value = _scaled(cons, cons.difference)
    text = _fmt(abs(value), lang, _shown_decimals(cons))
    sign = "+" if value > 0 else "−" if value < 0 else ""
    unit = {"percent": " điểm %" if lang == "vi" else " pp", "per_100": "/100"}.get(cons.scale, "")
    return f"{sign}{text}{unit}"


def tolerance_text(cons: Consistency, lang: str) -> str:
    """What the check allows: ±0,5 điểm % for "36%", "0" for a total, "≤" for a part."""
    if cons.stated is None:
        return ""
    if cons.kind == "part_of":
        return "≤"
    if cons.tolerance == 0:
        return "0"
    text = _fmt(_scaled(cons, cons.tolerance), lang, cons.decimals + 1)
    unit = {"percent": " điểm %" if lang == "vi" else " pp", "per_100": "/100"}.get(cons.scale, "")
    return f"±{text}{unit}"


def reason(cons: Consistency, consistent: bool) -> tuple[str, str]:
    """Why a decided check is what it is, in Vietnamese and English, with both sides, the
    difference and what the printed precision allows."""
    assert cons.stated is not None and cons.computed is not None
    texts = []
    for lang in ("vi", "en"):
        stated, computed = stated_text(cons, lang), computed_text(cons, lang)
        what = f"{cons.stated.formula} = {stated}; {cons.computed.formula} = {computed}"
        if cons.kind == "part_of":
            verdict = ("phần không vượt tổng" if consistent else "phần lớn hơn tổng") if lang == "vi" else \
                ("the part is not above its whole" if consistent else "the part exceeds its whole")
            texts.append(f"{what}: {verdict} ({difference_text(cons, lang)})")
            continue
        allowed = tolerance_text(cons, lang)
        if lang == "vi":
            word = "khớp" if consistent else "không khớp"
            texts.append(f"{what}: {word}, chênh lệch {difference_text(cons, lang) or '0'} "
                         f"(cho phép {allowed})")
        else:
            word = "consistent" if consistent else "inconsistent"
            texts.append(f"{what}: {word}, difference {difference_text(cons, lang) or '0'} (allowed {allowed})")
    return texts[0], texts[1]
