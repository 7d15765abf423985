"""Apply waivers to decided verdicts, as of a date.

A waiver is applied on top of the verdict the engine decided, after evaluation: the verdict's
status becomes WAIVED (MIỄN TRỪ), and everything the engine decided stays on it (its value, gap,
facts and reasons), with the status it had (``waived_from``), so nothing is hidden. The engine's
ledger is untouched: the fact that decided the verdict is still the one it cites.

Rules (``docs/waivers.md``):

- a waiver applies only to the verdict it names (a unit, a level or the province) for its period;
  a scope that rolls its units up is not changed when one of its units is waived;
- it applies from its approval date to its expiry date, both included; after it, the verdict
  keeps its decided status and says the waiver expired (W014); before it, that it is not yet in
  force (W015);
- it waives a verdict not met, without data, or awaiting an inspector (manual); a verdict met or
  not applicable needs no waiver (W018), and inconsistent figures are corrected, not waived (W017);
- a waiver that names no verdict of the audit (another period) is said so (W016).

The applied waiver rides on the verdict: read it with :func:`waiver_of`, and the engine's own
decision with :func:`decided_status`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ..diagnostics import Diagnostic, Location, Severity
from ..facts.waivers import Waiver
from .verdicts import Status, Verdict

__all__ = ["AppliedWaiver", "WaiverState", "apply_waivers", "decided_status", "waiver_of"]

_ATTR = "_plancheck_waiver"
_WAIVABLE = (Status.NOT_MET, Status.INSUFFICIENT_DATA, Status.MANUAL)


class WaiverState(StrEnum):
    APPLIED = "applied"  # the verdict is waived
    EXPIRED = "expired"  # the waiver ended before the as-of date: the decided status stands
    NOT_YET = "not_yet_in_force"  # approved after the as-of date
    NOT_NEEDED = "not_needed"  # the verdict is met or not applicable
    REFUSED = "refused"  # the figures are inconsistent: corrected, not waived


@dataclass(frozen=True)
class AppliedWaiver:
    """A waiver as it stands on one verdict, as of a date."""

    waiver: Waiver
    state: WaiverState
    decided: Status  # the status the engine decided
    as_of: date
    reason: tuple[str, str]  # what the verdict says about it (Vietnamese, English), among its reasons

    @property
    def active(self) -> bool:
        return self.state is WaiverState.APPLIED

    @property
    def waived_from(self) -> Status | None:
        return self.decided if self.active else None


def waiver_of(v: Verdict) -> AppliedWaiver | None:
    """The waiver that stands on a verdict (applied, expired or not applied), or None."""
    found = v.__dict__.get(_ATTR)
    return found if isinstance(found, AppliedWaiver) else None


def decided_status(v: Verdict) -> Status:
    """The status the engine decided: for a waived verdict, the one the waiver replaced."""
    w = waiver_of(v)
    return w.decided if w is not None else v.status


def apply_waivers(verdicts: Sequence[Verdict], waivers: Iterable[Waiver], as_of: date) -> list[Diagnostic]:
    """Waive the verdicts the waivers name, as of ``as_of``, in place; the warnings, sorted by location.

    ``verdicts`` are an audit's verdicts (all scopes); applying the same waivers twice changes nothing.
    """
    index = {_key(v): v for v in verdicts if v.check is None}
    by_verdict: dict[tuple[str, str, str, str, str], list[Waiver]] = {}
    diags: list[Diagnostic] = []
    for w in waivers:
        if w.key not in index:
            periods = sorted({v.period for v in verdicts})
            diags.append(_warn("W016", w, f"the waiver for {w.names()} names no verdict of this audit "
                                          f"(period {', '.join(periods) or 'none'})",
                               "audit its period with --period, or check the waiver's period"))
            continue
        by_verdict.setdefault(w.key, []).append(w)
    for key, found in by_verdict.items():
        diags += _apply(index[key], found, as_of)
    return sorted(diags, key=Diagnostic.sort_key)


def _key(v: Verdict) -> tuple[str, str, str, str, str]:
    scope_id = "" if v.scope.kind.value == "province" else v.scope.id
    return (v.target, v.part, v.scope.kind.value, scope_id, v.period)


def _apply(v: Verdict, waivers: list[Waiver], as_of: date) -> list[Diagnostic]:
    current = waiver_of(v)
    if current is not None and current.as_of == as_of and current.waiver in waivers:
        return []  # applied already
    decided = decided_status(v)
    state, w = _state(waivers, decided, as_of)
    reason, diag = _REASONS[state](w, decided, as_of)
    if current is not None:  # applied before as of another date: its note goes
        v.reasons = [r for r in v.reasons if r != current.reason]
    v.__dict__[_ATTR] = AppliedWaiver(w, state, decided, as_of, reason)
    v.status = Status.WAIVED if state is WaiverState.APPLIED else decided
    v.reasons.append(reason)
    return [] if diag is None else [diag]


def _state(waivers: list[Waiver], decided: Status, as_of: date) -> tuple[WaiverState, Waiver]:
    in_force = [w for w in waivers if w.in_force(as_of)]
    if in_force:  # the loader lets no two be in force at once
        if decided in _WAIVABLE:
            return WaiverState.APPLIED, in_force[0]
        if decided is Status.INCONSISTENT_DATA:
            return WaiverState.REFUSED, in_force[0]
        return WaiverState.NOT_NEEDED, in_force[0]
    expired = [w for w in waivers if w.expires < as_of]
    if expired:
        return WaiverState.EXPIRED, max(expired, key=lambda x: x.expires)
    return WaiverState.NOT_YET, min(waivers, key=lambda x: x.approved)


_Note = tuple[tuple[str, str], Diagnostic | None]


def _applied(w: Waiver, decided: Status, as_of: date) -> _Note:
    ref = f"; {w.reference}" if w.reference else ""
    return (f"miễn trừ: {w.justification} (phê duyệt: {w.approver}, ngày {_vi(w.approved)}; hiệu lực đến ngày "
            f"{_vi(w.expires)}{ref}); kết luận khi chưa miễn trừ: {decided.label_vi}",
            f"waived: {w.justification} (approved by {w.approver} on {w.approved}; until {w.expires}{ref}); "
            f"the verdict without the waiver: {decided.label_en}"), None


def _expired(w: Waiver, decided: Status, as_of: date) -> _Note:
    return ((f"miễn trừ đã hết hạn ngày {_vi(w.expires)} (tính đến ngày {_vi(as_of)}): không còn áp dụng, "
             f"kết luận là {decided.label_vi}",
             f"the waiver expired on {w.expires} (as of {as_of}): it no longer applies, the verdict is "
             f"{decided.label_en}"),
            _warn("W014", w, f"the waiver for {w.names()} expired on {w.expires} (as of {as_of}): it no longer "
                             f"applies, the verdict is {decided.value}",
                  "renew it with a new approval, or let the verdict stand"))


def _not_yet(w: Waiver, decided: Status, as_of: date) -> _Note:
    return ((f"miễn trừ chưa có hiệu lực: phê duyệt ngày {_vi(w.approved)}, sau ngày {_vi(as_of)}",
             f"the waiver is not yet in force: approved on {w.approved}, after {as_of}"),
            _warn("W015", w, f"the waiver for {w.names()} is not yet in force as of {as_of} (approved {w.approved})",
                  "check --as-of, or the approval date"))


def _not_needed(w: Waiver, decided: Status, as_of: date) -> _Note:
    return ((f"có miễn trừ nhưng không cần: kết luận là {decided.label_vi}",
             f"a waiver exists but is not needed: the verdict is {decided.label_en}"),
            _warn("W018", w, f"the waiver for {w.names()} is not needed: the verdict is {decided.value}", ""))


def _refused(w: Waiver, decided: Status, as_of: date) -> _Note:
    return (("miễn trừ không áp dụng: số liệu mâu thuẫn phải được đơn vị sửa, không được miễn trừ",
             "the waiver is not applied: inconsistent figures are corrected by the unit, not waived"),
            _warn("W017", w, f"the waiver for {w.names()} is not applied: the verdict is inconsistent data",
                  "the unit corrects its figures; the waiver applies once they hold together"))


_REASONS = {WaiverState.APPLIED: _applied, WaiverState.EXPIRED: _expired, WaiverState.NOT_YET: _not_yet,
            WaiverState.NOT_NEEDED: _not_needed, WaiverState.REFUSED: _refused}


def _vi(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def _warn(code: str, w: Waiver, message: str, hint: str) -> Diagnostic:
    return Diagnostic(code, message, Location(w.source.file, w.source.line), Severity.WARNING, suggestion=hint)
