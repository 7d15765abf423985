"""Periods: a year ("2022"), a quarter ("2022-Q3") or a month ("2022-07").

What an audit needs to know about them: when a period starts and ends, the period before it (a
unit's known denominator, when it has not reported, comes from there), which earlier period an
"increase over" target compares with, the quarters and months a period is made of, and how much
of a period has gone by on a date (for a projection to its end). See ``docs/periods.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from ..facts.model import PERIOD_RE

__all__ = ["Period", "baseline_period", "elapsed_share", "is_before", "parse_period", "previous_period",
           "sub_periods"]


@dataclass(frozen=True)
class Period:
    """A parsed period. ``quarter`` and ``month`` are None for a year; at most one is set."""

    year: int
    quarter: int | None = None
    month: int | None = None

    @property
    def kind(self) -> str:
        return "quarter" if self.quarter else "month" if self.month else "year"

    @property
    def start(self) -> date:
        if self.quarter:
            return date(self.year, 3 * self.quarter - 2, 1)
        return date(self.year, self.month or 1, 1)

    @property
    def end(self) -> date:
        """The first day after the period."""
        if self.quarter:
            return date(self.year + 1, 1, 1) if self.quarter == 4 else date(self.year, 3 * self.quarter + 1, 1)
        if self.month:
            return date(self.year + 1, 1, 1) if self.month == 12 else date(self.year, self.month + 1, 1)
        return date(self.year + 1, 1, 1)

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    def __str__(self) -> str:
        if self.quarter:
            return f"{self.year}-Q{self.quarter}"
        if self.month:
            return f"{self.year}-{self.month:02d}"
        return str(self.year)


def parse_period(text: str) -> Period:
    m = PERIOD_RE.match(text)
    if not m:
        raise ValueError(f"not a period: {text!r} (expected 2022, 2022-Q3 or 2022-07)")
    return Period(int(m.group(1)), int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None)


def previous_period(period: str) -> str:
    """The period just before, of the same kind: 2021 before 2022, 2021-Q4 before 2022-Q1,
    2022-06 before 2022-07."""
    p = parse_period(period)
    if p.quarter:
        return str(Period(p.year - 1, quarter=4) if p.quarter == 1 else Period(p.year, quarter=p.quarter - 1))
    if p.month:
        return str(Period(p.year - 1, month=12) if p.month == 1 else Period(p.year, month=p.month - 1))
    return str(p.year - 1)


def baseline_period(increase_over: str, audited_period: str) -> str:
    """The period an "increase over" target compares the audited period with.

    A target written ``increase_over: "2021"`` compares a year with that year, a quarter with the
    same quarter of 2021 (auditing 2022-Q3: 2021-Q3) and a month with the same month (2022-07:
    2021-07), so that a quarter's figures are never set against a whole year's nor a season
    against another. A baseline written as a quarter or a month names that period exactly and is
    used as written."""
    base = parse_period(increase_over)
    if base.kind != "year":
        return str(base)
    audited = parse_period(audited_period)
    return str(Period(base.year, audited.quarter, audited.month))


def is_before(earlier: str, later: str) -> bool:
    """Whether ``earlier`` ends on or before the day ``later`` starts (2022-Q2 is not before 2022)."""
    return parse_period(earlier).end <= parse_period(later).start


def sub_periods(period: str) -> list[list[str]]:
    """The ways a period is made of shorter ones, longest first: a year of its 4 quarters or its
    12 months, a quarter of its 3 months; a month of none."""
    p = parse_period(period)
    if p.quarter:
        return [[str(Period(p.year, month=m)) for m in range(3 * p.quarter - 2, 3 * p.quarter + 1)]]
    if p.month:
        return []
    return [[str(Period(p.year, quarter=q)) for q in range(1, 5)], [str(Period(p.year, month=m)) for m in range(1, 13)]]


def elapsed_share(period: str, as_of: date) -> Fraction:
    """The share of the period's days that have gone by at the end of ``as_of``: 0 before it
    starts, 1 once it is over. 2022 on 2022-09-30: 273/365."""
    p = parse_period(period)
    done = (min(max(as_of + timedelta(days=1), p.start), p.end) - p.start).days
    return Fraction(done, p.days)
