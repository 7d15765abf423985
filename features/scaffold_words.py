"""The words of scaffolded features: the header naming the pack, the area and the plan's source;
each target's comment (its clause, its Vietnamese title quoted, its rule in one line); scenario
names that cite the clause. Vietnamese and English."""

from __future__ import annotations

from collections.abc import Sequence

from ..rules.model import Measure, Pack, Rollup, Target
from .scaffold_cases import Probe
from .scaffold_values import Lang


def description(pack: Pack, areas: Sequence[str], lang: Lang) -> tuple[str, list[str]]:
    """The feature's title and the lines under it."""
    names = [pack.area(a) for a in areas]
    if lang == "vi":
        what = names[0].name_vi if len(names) == 1 else "mẫu, mỗi dạng chỉ tiêu một chỉ tiêu"
        return f"{what} — kịch bản biên của bộ quy tắc {pack.pack.id}", [
            pack.pack.title_vi,
            f"Nguồn: {pack.pack.source}",
            "Lĩnh vực: " + "; ".join(f"{a.name_vi} ({a.id})" for a in names),
            "Sinh từ quy tắc bằng `plancheck spec --scaffold`: đừng sửa tay, sinh lại khi quy tắc thay đổi.",
            "Mỗi chỉ tiêu được thử ngay tại ngưỡng và một bước nhỏ nhất ở phía bên kia ngưỡng, và khi thiếu",
            "số liệu; chỉ tiêu định tính luôn cần thanh tra viên đánh giá.",
        ]
    what = (names[0].name_en or names[0].name_vi) if len(names) == 1 else "a sample, one target of each shape"
    return f"{what} — boundary scenarios of rule pack {pack.pack.id}", [
        pack.pack.title_en or pack.pack.title_vi,
        f"Source: {pack.pack.source}",
        "Areas: " + "; ".join(f"{a.name_en or a.name_vi} ({a.id})" for a in names),
        "Generated from the rules by `plancheck spec --scaffold`: do not edit, regenerate when a rule changes.",
        "Every target is tried at its threshold and one smallest step across it, and with figures missing;",
        "a qualitative target always needs an inspector.",
    ]


def _measure(m: Measure, lang: Lang) -> str:
    if m.ratio is not None:
        den = m.ratio.denominator + "".join(f" − {e}" for e in m.ratio.exclude)
        text = f"{m.ratio.numerator} / ({den})" if m.ratio.exclude else f"{m.ratio.numerator} / {den}"
        return text + (f" × {m.ratio.per}" if m.ratio.per != 1 else "")
    if m.rate is not None:
        per = {"week": ("tuần", "week"), "month": ("tháng", "month")}[m.rate.per]
        return f"{m.rate.count} / {per[0] if lang == 'vi' else per[1]}"
    if m.flag is not None:
        return f"{m.flag} = " + ("có" if lang == "vi" else "yes")
    return m.value or ""


def _rule(t: Target, lang: Lang) -> str:
    vi = lang == "vi"
    if t.manual:
        return "định tính: thanh tra viên đánh giá và xác nhận" if vi else "qualitative: an inspector attests it"
    if t.all_of is not None:
        parts = "; ".join(f"{p.id}: {_measure(p.measure, lang)} {p.threshold.text} "
                          f"[{', '.join(lv.value for lv in p.levels)}; {p.rollup.value}]" for p in t.all_of)
        return ("mọi phần phải đạt — " if vi else "every part must be met — ") + parts
    assert t.measure is not None
    if t.thresholds_by_level is not None:
        th = ", ".join(f"{lv.value} {x.text}" for lv, x in t.thresholds_by_level.items())
    elif t.increase_over is not None:
        th = ("> kỳ " if vi else "> ") + t.increase_over
    else:
        th = t.threshold.text if t.threshold is not None else ""
    levels = ", ".join(lv.value for lv in t.levels)
    text = f"{_measure(t.measure, lang)} {th}; " + (f"cấp {levels}; gộp {t.rollup.value}" if vi else
                                                     f"levels {levels}; roll-up {t.rollup.value}")
    if t.unit_threshold is not None:
        text += ("; mỗi đơn vị " if vi else "; each unit ") + t.unit_threshold.text
    return text


def comment(t: Target) -> dict[str, list[str]]:
    head = f"── {t.id} · {t.clause}"
    en = [head, f"«{t.title_vi}»"] + ([f"({t.title_en})"] if t.title_en else [])
    return {"vi": [head, f"«{t.title_vi}»", "Quy tắc: " + _rule(t, "vi")], "en": [*en, "Rule: " + _rule(t, "en")]}


_FIXED: dict[str, tuple[str, str]] = {
    "gap": ("một bước chưa tới ngưỡng: khoảng cách đúng một bước", "one step short: the gap is exactly one step"),
    "no_data": ("thiếu số liệu: không bao giờ coi là 0 hay là đạt", "missing figures are never read as 0 or as met"),
    "compound": ("mọi phần tại ngưỡng, rồi từng phần một bước bên kia ngưỡng, toàn tỉnh",
                 "every part at its threshold, then each part one step across it, province"),
    "manual": ("chỉ tiêu định tính: luôn CẦN ĐÁNH GIÁ, không bao giờ ĐẠT, kể cả khi đủ số liệu",
               "qualitative: always manual, never met, even with every figure reported"),
}


def _what(t: Target, kind: str, p: Probe | None, n: int, baseline: str) -> tuple[str, str]:
    if kind in _FIXED:
        return _FIXED[kind]
    th = p.threshold.text if p is not None and p.threshold is not None else ""
    if kind == "increase":
        return (f"tăng so với kỳ {baseline}: bằng kỳ gốc thì không đạt, hơn một bước thì đạt",
                f"increase over {baseline}: the same is not met, one step more is met")
    if kind == "no_baseline":
        return (f"không có số liệu kỳ {baseline} thì thiếu số liệu, không bao giờ đạt",
                f"without {baseline} figures it is insufficient data, never met")
    if kind in ("province", "level"):
        where = ("toàn tỉnh", "province") if kind == "province" or p is None or p.level is None else \
            (f"cấp {p.level.value}", f"{p.level.value} level")
        return (f"{where[0]}, {n} đơn vị báo cáo, tại ngưỡng {th} và một bước bên kia",
                f"{where[1]}, {n} units report, at the threshold {th} and one step across it")
    if t.thresholds_by_level is not None:
        return ("mỗi cấp, tại ngưỡng của cấp và một bước nhỏ nhất bên kia ngưỡng, ở một đơn vị",
                "each level at its own threshold and one smallest step across it, for one unit")
    if p is not None and not p.province_only and p.rollup is Rollup.SHARE_OF_UNITS:
        cond = p.unit_threshold.text if p.unit_threshold is not None else ""
        return (f"điều kiện của từng đơn vị ({cond or 'có'}) và một bước bên kia",
                f"one unit's own condition ({cond or 'yes'}) and one step across it")
    if p is not None and p.province_only:
        return (f"tại ngưỡng {th} và một bước nhỏ nhất bên kia ngưỡng, toàn tỉnh",
                f"at the threshold {th} and one smallest step across it, province")
    return (f"tại ngưỡng {th} và một bước nhỏ nhất bên kia ngưỡng, ở một đơn vị",
            f"at the threshold {th} and one smallest step across it, for one unit")


def name(t: Target, kind: str, p: Probe | None = None, n: int = 0, baseline: str = "") -> tuple[str, str]:
    """A scenario's name: the target, its clause, and what the scenario tries."""
    vi, en = _what(t, kind, p, n, baseline)
    return f"{t.id} ({t.clause}): {vi}", f"{t.id} ({t.clause}): {en}"


def sample_signature(t: Target) -> tuple[str, ...]:
    """A target's shape, for picking one target of each: measure, comparison, per-100, levels."""
    if t.manual or t.all_of is not None or t.measure is None:
        return (t.shape,)
    op = t.threshold.op.value if t.threshold is not None else ""
    per = str(t.measure.ratio.per) if t.measure.ratio is not None else ""
    return (t.shape, t.measure.kind, op, per)
