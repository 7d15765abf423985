"""One unit, one period, several submissions: which one is used, and when it was sent.

When one unit submits twice for one period (two files, or two submissions in one YAML/JSON
file), the submission with the later ``submitted_at`` wins whole (F011 names the other one);
equal or missing times are broken by file path, then by position in the file, and a submission
without a time counts as the earliest.

``submitted_at`` is an ISO date or date-time (``2022-10-05``, ``2022-10-05T14:30``,
``2022-10-05T14:30+07:00``) or a Vietnamese ``dd/mm/yyyy`` or ``d/m/yyyy`` with an optional
``HH:MM`` or ``HH:MM:SS``. A time without an offset is Vietnam time (UTC+07:00), so
``2023-01-14T18:00`` is before ``2023-01-15T00:00+07:00``.

A ``submitted_at`` that cannot be read (F013) leaves a lone submission usable (a warning). When
another submission competes for the unit and period, the order is unknown: the one submission
with a readable time is used if there is exactly one, and the unreadable ones are not (errors);
otherwise none of them is used and every one is named (errors), since which one is the latest
cannot be decided. The codes are listed in ``validate``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone

from ..diagnostics import Diagnostic, Location, Severity
from .loaders import RawRecord, SubmissionKey
from .model import MetricValue, Unit

__all__ = ["VIETNAM_TIME", "Decision", "Submission", "decide", "parse_time", "read_time"]

VIETNAM_TIME = timezone(timedelta(hours=7), "ICT")  # a submitted_at without an offset is Vietnam time
_EARLIEST = datetime.min.replace(tzinfo=UTC)
_DAY_FIRST = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_TIME_HINT = "write 2022-10-05, 05/10/2022, 05/10/2022 14:30 or 2022-10-05T14:30"


@dataclass
class Submission:
    """One submission of one unit for one period, as validation reads it."""

    key: SubmissionKey
    unit: Unit
    period: str
    records: list[RawRecord]
    values: dict[str, MetricValue] = field(default_factory=dict)
    time: datetime | None = None  # the latest readable submitted_at, timezone-aware
    time_text: str = ""
    time_location: Location = field(default_factory=Location)
    unreadable: list[tuple[str, Location]] = field(default_factory=list)  # submitted_at texts not read


@dataclass
class Decision:
    """The submission used for one unit and period (None when that cannot be decided), and the
    valid values set aside: ``rejected`` for an error (F013), ``superseded`` by a later one (F011)."""

    winner: Submission | None = None
    rejected: int = 0
    superseded: int = 0


def read_time(sub: Submission, diagnostics: list[Diagnostic]) -> None:
    """Read ``submitted_at`` of a submission (F014 when its rows disagree); F013 waits for ``decide``."""
    texts: dict[str, Location] = {}
    for record in sub.records:
        if record.submitted_at and record.submitted_at not in texts:
            texts[record.submitted_at] = record.submitted_at_location
    times: list[tuple[datetime, str]] = []
    for text, loc in texts.items():
        parsed = parse_time(text)
        if parsed is None:
            sub.unreadable.append((text, loc))  # F013, once it is known whether another one competes
        else:
            times.append((parsed, text))
    if len(texts) > 1:
        second = list(texts.items())[1]
        diagnostics.append(Diagnostic(
            "F014", f"rows of one submission disagree on submitted_at ({', '.join(texts)}); the latest is used",
            second[1], Severity.WARNING))
    if times:
        sub.time, sub.time_text = max(times)
    sub.time_location = next(iter(texts.values())) if texts else Location(sub.key.file, sub.key.line)


def parse_time(text: str) -> datetime | None:
    """An ISO date or date-time, or a Vietnamese dd/mm/yyyy (d/m/yyyy) with an optional HH:MM[:SS];
    a time without an offset is Vietnam time (UTC+07:00). None when it cannot be read."""
    day_first = _DAY_FIRST.match(text.strip())
    try:
        if day_first:
            day, month, year, hour, minute, second = (int(g) if g else 0 for g in day_first.groups())
            moment = datetime(year, month, day, hour, minute, second)
        else:
            moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=VIETNAM_TIME)


def decide(subs: list[Submission], diagnostics: list[Diagnostic]) -> Decision:
    """Which submission of one unit and period is used (``winner``, None when that cannot be decided).

    A submitted_at that cannot be read leaves a lone submission usable (F013, a warning). When
    others compete, the latest cannot be known: the one submission with a readable time wins if
    there is exactly one; otherwise none is used, and every one of them is named (F013, errors).
    """
    first = subs[0]
    what = f"{first.unit.id} {first.period}"
    decision = Decision()
    if len(subs) == 1:
        for text, loc in first.unreadable:
            diagnostics.append(Diagnostic(
                "F013", f"submitted_at {text!r} cannot be read as a date or time; the values are kept, but "
                f"if another submission is sent for {what}, which one is the latest cannot be decided",
                loc, Severity.WARNING, suggestion=_TIME_HINT))
        decision.winner = first
        return decision
    unreadable = [s for s in subs if s.unreadable]
    if not unreadable:
        decision.winner = _choose(subs, decision, diagnostics)
        return decision
    timed = [s for s in subs if s.time is not None and not s.unreadable]
    if len(timed) == 1:
        winner = timed[0]
        for sub in unreadable:
            for text, loc in sub.unreadable:
                diagnostics.append(Diagnostic(
                    "F013", f"{what}: submitted_at {text!r} cannot be read, so this submission cannot be ordered "
                    f"against the one at {_at(winner)} ({_when(winner)}), which is used: "
                    f"this submission's {len(sub.values)} value(s) are not used", loc, suggestion=_TIME_HINT))
            decision.rejected += len(sub.values)
        decision.winner = _choose([s for s in subs if not s.unreadable], decision, diagnostics)
        return decision
    for sub in subs:
        others = ", ".join(_at(s) for s in subs if s is not sub)
        if sub.unreadable:
            for text, loc in sub.unreadable:
                diagnostics.append(Diagnostic(
                    "F013", f"{what}: submitted_at {text!r} cannot be read, and other submissions for the same unit "
                    f"and period compete ({others}): which one is the latest cannot be decided, so none of them "
                    "is used", loc, suggestion=_TIME_HINT))
        else:
            bad = ", ".join(f"{_at(s)}: {t!r}" for s in unreadable if s is not sub for t, _ in s.unreadable)
            diagnostics.append(Diagnostic(
                "F013", f"{what}: this submission ({_when(sub)}) competes with one whose submitted_at cannot be "
                f"read ({bad}): which one is the latest cannot be decided, so none of them is used",
                sub.time_location,
                suggestion="correct that submitted_at, or remove the submission that is out of date"))
        decision.rejected += len(sub.values)
    return decision


def _choose(subs: list[Submission], decision: Decision, diagnostics: list[Diagnostic]) -> Submission:
    def order(s: Submission) -> tuple[bool, datetime, SubmissionKey]:
        return (s.time is not None, s.time or _EARLIEST, s.key)

    ranked = sorted(subs, key=order)
    winner = ranked[-1]
    for loser in ranked[:-1]:
        decision.superseded += len(loser.values)
        lost = sorted(set(loser.values) - set(winner.values))
        suggestion = ""
        if loser.key.file == winner.key.file:
            # Deliberate: a file may hold several submissions; for one unit and period, the later wins.
            count = sum(1 for s in subs if s.key.file == loser.key.file)
            text = (f"this file holds {count} submissions for {loser.unit.id} {loser.period}: this one "
                    f"({_when(loser)}) is replaced by the one at line {winner.key.line} ({_when(winner)})")
            suggestion = "send one submission per unit and period in a file"
        else:
            text = (f"{loser.unit.id} {loser.period}: this submission ({_when(loser)}) is replaced by the one at "
                    f"{_at(winner)} ({_when(winner)})")
        if lost:
            text += f"; its values for {', '.join(lost)} are not used (the later one lacks them)"
        diagnostics.append(Diagnostic("F011", text, Location(loser.key.file, loser.key.line),
                                      Severity.WARNING, suggestion))
    return winner


def _at(sub: Submission) -> str:
    return f"{sub.key.file}:{sub.key.line}"


def _when(sub: Submission) -> str:
    return f"submitted_at {sub.time_text}" if sub.time_text else "no submitted_at"
