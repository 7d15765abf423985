"""How a waiver reads on its verdict, in every output: a waived verdict shows MIỄN TRỪ with the
status the engine decided, the justification, the approver and the expiry; an expired waiver (or
one not in force, not needed, or refused for inconsistent figures) is said so next to the
verdict's own status."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..engine.verdicts import Verdict
from ..engine.waivers import AppliedWaiver, WaiverState, waiver_of

_STATE = {
    WaiverState.APPLIED: ("miễn trừ", "waived"),
    WaiverState.EXPIRED: ("miễn trừ đã hết hạn", "waiver expired"),
    WaiverState.NOT_YET: ("miễn trừ chưa có hiệu lực", "waiver not yet in force"),
    WaiverState.NOT_NEEDED: ("miễn trừ không cần thiết", "waiver not needed"),
    WaiverState.REFUSED: ("miễn trừ không áp dụng cho số liệu mâu thuẫn", "waiver not applied to inconsistent data"),
}


def day(d: date, lang: str) -> str:
    return d.strftime("%d/%m/%Y") if lang == "vi" else d.isoformat()


def decided_note(v: Verdict, lang: str) -> str:
    """Under a waived verdict's MIỄN TRỪ: the status the engine decided ("chưa miễn trừ: KHÔNG ĐẠT")."""
    w = waiver_of(v)
    if w is None or not w.active:
        return ""
    return f"chưa miễn trừ: {w.decided.label_vi}" if lang == "vi" else f"without waiver: {w.decided.label_en}"


def status_label(v: Verdict, label: str, lang: str) -> str:
    """A status label as one cell: ``MIỄN TRỪ (chưa miễn trừ: KHÔNG ĐẠT)`` for a waived verdict."""
    note = decided_note(v, lang)
    return f"{label} ({note})" if note else label


def waiver_text(v: Verdict, lang: str) -> str:
    """One line on the waiver that stands on a verdict, or ``""``."""
    w = waiver_of(v)
    if w is None:
        return ""
    return _text(w, lang)


def _text(a: AppliedWaiver, lang: str) -> str:
    w = a.waiver
    vi = lang == "vi"
    head = _STATE[a.state][0 if vi else 1]
    ref = f"; {w.reference}" if w.reference else ""
    if a.state is WaiverState.APPLIED:
        if vi:
            return (f"Miễn trừ: {w.justification} · phê duyệt: {w.approver}, ngày {day(w.approved, lang)}{ref} · "
                    f"hiệu lực đến ngày {day(w.expires, lang)}")
        return (f"Waived: {w.justification} · approved by {w.approver} on {day(w.approved, lang)}{ref} · "
                f"until {day(w.expires, lang)}")
    if a.state is WaiverState.EXPIRED:
        if vi:
            return (f"{head.capitalize()} ngày {day(w.expires, lang)} (tính đến ngày {day(a.as_of, lang)}), "
                    f"không còn áp dụng: {w.justification}")
        return (f"{head.capitalize()} on {day(w.expires, lang)} (as of {day(a.as_of, lang)}) and no longer applies: "
                f"{w.justification}")
    if a.state is WaiverState.NOT_YET:
        when = f"ngày {day(w.approved, lang)}" if vi else f"approved on {day(w.approved, lang)}"
        return f"{head.capitalize()} ({when}): {w.justification}"
    return f"{head.capitalize()}: {w.justification}"


def waiver_dict(v: Verdict) -> dict[str, Any] | None:
    """The JSON ``waiver`` object of a verdict, or None when no waiver names it."""
    a = waiver_of(v)
    if a is None:
        return None
    w = a.waiver
    return {
        "state": a.state.value,
        "waived_from": a.waived_from.value if a.waived_from is not None else None,
        "decided": a.decided.value,
        "decided_vi": a.decided.label_vi,
        "decided_en": a.decided.label_en,
        "justification": w.justification,
        "approver": w.approver,
        "approved": w.approved.isoformat(),
        "expires": w.expires.isoformat(),
        "as_of": a.as_of.isoformat(),
        "reference": w.reference,
        "period": w.period,
        "scope": {"kind": w.scope_kind, "id": w.scope_id},
        "file": w.source.file,
        "line": w.source.line,
        "text_vi": _text(a, "vi"),
        "text_en": _text(a, "en"),
    }
