"""Checking raw records against a pack's metric catalog and the unit registry.

Every value that passes is kept in the FactSet; a value with an error is dropped and named;
nothing is read as zero. Values are exact: counts and amounts whole, percents stored as a
fraction of 1 ("33,4%" and 33.4 are both 167/500), yes/no as 1 or 0.

The rows of one CSV file with one unit and period are one submission, the unit as the registry
resolves it (``SO-TTTT`` and ``Sở TT&TT`` are one unit). When one unit submits twice for one
period (two files, or two submissions in one YAML/JSON file), the submission with the later
``submitted_at`` wins whole: ``resubmission`` decides which, and reads ``submitted_at`` (ISO or
Vietnamese ``dd/mm/yyyy [HH:MM]``, Vietnam time unless an offset is given).

Diagnostic codes
================

    F001  unknown unit (with a suggestion over ids and names)
    F002  unknown metric (with a suggestion)
    F003  the metric is not reported by units of this level
    F004  a period is not 2022, 2022-Q3 or 2022-07
    F005  not a number of the metric's kind; the message carries the number error (N001-N003),
          e.g. an ambiguous "2.500.000,000" with both readings
    F006  a negative value
    F007  a count or amount that is not whole (an unquoted YAML 3.128 is 3.128, not 3.128 đồng:
          quote Vietnamese thousands)
    F008  a percent outside 0-100
    F009  not a yes/no answer
    F010  one metric twice in one submission: both are dropped
    F011  (warning) a submission superseded by a later one for the same unit and period (the
          message says so when both are in one file)
    F012  (warning) inconsistent data: a part above its whole; both are kept and flagged
    F013  ``submitted_at`` cannot be read (not ISO, not dd/mm/yyyy [HH:MM]). A warning when the
          unit and period have one submission (its values are kept); an error when another one
          competes: the only one with a readable time is used and the unreadable ones are not, or,
          when that does not decide it, none of them is used and each is named
    F014  (warning) rows of one CSV submission disagree on ``submitted_at`` (the latest is used)
    F015  (warning) a metric with no value: not reported, not zero
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from ..diagnostics import Diagnostic, Severity, did_you_mean, sorted_diagnostics
from ..rules.model import Metric, MetricKind, Pack
from .loaders import RawRecord, SubmissionKey
from .model import PERIOD_RE, FactSet, MetricValue, Registry, Unit
from .numbers import VN_GROUPED, NumberFormatError, format_vi, parse_number
from .registry import find_unit, suggest_unit, unit_index
from .resubmission import Submission, decide, read_time

__all__ = ["Validation", "parse_value", "validate", "validate_records"]

_YES = frozenset({"có", "co", "yes", "y", "true", "1", "x", "đạt", "dat", "đã có", "rồi"})
_NO = frozenset({"không", "khong", "no", "n", "false", "0", "chưa", "chua", "không đạt", "chưa đạt",
                 "chưa có", "không có"})
_WHOLE_KINDS = (MetricKind.COUNT, MetricKind.AMOUNT_VND)


class ValueProblem(ValueError):
    def __init__(self, code: str, message: str, suggestion: str = "") -> None:
        super().__init__(message)
        self.code, self.message, self.suggestion = code, message, suggestion


@dataclass
class Validation:
    facts: FactSet = field(default_factory=FactSet)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    rejected: int = 0  # values dropped for an error
    superseded: int = 0  # valid values of a submission that a later one replaced
    blank: int = 0  # metrics named without a value
    merged: int = 0  # row groups of a CSV file joined to another (one unit, written two ways)


def validate(records: Iterable[RawRecord], pack: Pack, registry: Registry) -> tuple[FactSet, list[Diagnostic]]:
    result = validate_records(records, pack, registry)
    return result.facts, result.diagnostics


def validate_records(records: Iterable[RawRecord], pack: Pack, registry: Registry) -> Validation:
    out = Validation()
    metrics = pack.metric_index()
    index = unit_index(registry)
    grouped = _group(records, registry, index, out)
    competing: dict[tuple[str, str], list[Submission]] = {}
    for key in sorted(grouped):
        sub = _check_submission(key, grouped[key], metrics, registry, index, out)
        if sub is not None:
            competing.setdefault((sub.unit.id, sub.period), []).append(sub)
    for subs in competing.values():
        decision = decide(subs, out.diagnostics)
        out.rejected += decision.rejected
        out.superseded += decision.superseded
        winner = decision.winner
        if winner is not None:
            out.facts.extend(winner.values[m] for m in sorted(winner.values))
            _check_constraints(winner, metrics, out)
    out.diagnostics = sorted_diagnostics(out.diagnostics)
    return out


def _group(records: Iterable[RawRecord], registry: Registry, index: dict[str, Unit],
           out: Validation) -> dict[SubmissionKey, list[RawRecord]]:
    """The records of each submission. Rows of a table form one submission per file, unit and
    period, the unit as the registry resolves it: rows naming it ``SO-TTTT`` and ``so-tttt``, or
    by its id and its name, are one submission, not two of which one would replace the other.
    (Submissions of a YAML or JSON file are delimited by the file itself: two naming one unit
    stay two, and the later one replaces the other, with a warning that says so.)"""
    grouped: dict[SubmissionKey, list[RawRecord]] = {}
    for record in records:
        grouped.setdefault(record.submission, []).append(record)
    first_key: dict[tuple[str, str, str], SubmissionKey] = {}
    for key in sorted(grouped):
        if not key.rows:
            continue
        first = grouped[key][0]
        unit = find_unit(registry, first.unit, index)
        if unit is None:
            continue  # an unknown unit: F001 for its rows as written
        same = first_key.setdefault((key.file, unit.id, first.period), key)
        if same is not key:
            grouped[same].extend(grouped.pop(key))
            grouped[same].sort(key=lambda r: r.location.line)
            out.merged += 1
    return grouped


def _check_submission(key: SubmissionKey, records: list[RawRecord], metrics: dict[str, Metric],
                      registry: Registry, index: dict[str, Unit], out: Validation) -> Submission | None:
    first = records[0]
    unit = find_unit(registry, first.unit, index)
    if unit is None:
        out.diagnostics.append(Diagnostic(
            "F001", f"unknown unit {first.unit!r}: its {len(records)} value(s) are not used",
            first.unit_location, suggestion=suggest_unit(registry, first.unit)))
        out.rejected += len(records)
        return None
    if not PERIOD_RE.match(first.period):
        out.diagnostics.append(Diagnostic(
            "F004", f"period {first.period!r} is not a year, quarter or month: its {len(records)} value(s) "
            "are not used", first.period_location, suggestion="write 2022, 2022-Q3 or 2022-07"))
        out.rejected += len(records)
        return None
    sub = Submission(key, unit, first.period, records)
    read_time(sub, out.diagnostics)
    by_metric: dict[str, list[RawRecord]] = {}
    for record in records:
        metric_id = record.metric.strip().lower()
        metric = metrics.get(metric_id)
        if metric is None:
            out.diagnostics.append(Diagnostic("F002", f"unknown metric {record.metric!r}", record.location,
                                              suggestion=did_you_mean(metric_id, metrics)))
            out.rejected += 1
            continue
        by_metric.setdefault(metric_id, []).append(record)
    for metric_id, same in by_metric.items():
        if len(same) > 1:
            lines = ", ".join(str(r.location.line) for r in same)
            for record in same:
                out.diagnostics.append(Diagnostic(
                    "F010", f"{metric_id} is given {len(same)} times in one submission (lines {lines}): "
                    "none of them is used", record.location, suggestion="keep one value and delete the others"))
            out.rejected += len(same)
            continue
        value = _check_value(same[0], metrics[metric_id], unit, out)
        if value is not None:
            sub.values[metric_id] = value
    return sub


def _check_value(record: RawRecord, metric: Metric, unit: Unit, out: Validation) -> MetricValue | None:
    if unit.level not in metric.levels:
        levels = ", ".join(lv.value for lv in metric.levels)
        out.diagnostics.append(Diagnostic(
            "F003", f"{metric.id} is not reported at {unit.level.value} level ({unit.id}); "
            f"it is reported by: {levels}", record.location))
        out.rejected += 1
        return None
    if record.value is None or (isinstance(record.value, str) and not record.value.strip()):
        out.diagnostics.append(Diagnostic("F015", f"{metric.id} has no value: it counts as not reported, not 0",
                                          record.location, Severity.WARNING))
        out.blank += 1
        return None
    try:
        value = parse_value(record, metric.kind)
    except ValueProblem as exc:
        out.diagnostics.append(Diagnostic(exc.code, exc.message, record.location, suggestion=exc.suggestion))
        out.rejected += 1
        return None
    return MetricValue(unit=unit.id, period=record.period, metric=metric.id, value=value, raw=record.text,
                       source=record.location, submitted_by=record.submitted_by,
                       submitted_at=record.submitted_at)


def parse_value(record: RawRecord, kind: MetricKind) -> Fraction:
    """The exact value of a raw record for a metric kind, or a ValueProblem."""
    raw = record.value
    if kind is MetricKind.YES_NO:
        return _yes_no(raw, record.text)
    if isinstance(raw, bool):
        raise ValueProblem("F005", f"expected a number, got the yes/no {record.text!r}")
    if isinstance(raw, Decimal) and not record.quoted and VN_GROUPED.match(record.text) \
            and kind is not MetricKind.PERCENT:
        digits = record.text.replace(".", "")
        raise ValueProblem(
            "F007" if kind in _WHOLE_KINDS and Fraction(raw).denominator != 1 else "F005",
            f"the unquoted {record.text} is read by YAML/JSON as a decimal "
            f"({format_vi(Fraction(raw), len(record.text.rsplit('.', 1)[1]))}), "
            f"but in Vietnamese it means {format_vi(Fraction(int(digits)))}",
            f'if you mean {format_vi(Fraction(int(digits)))}, quote it: "{record.text}"; '
            f'for the decimal write "{record.text.replace(".", ",")}"')
    try:
        number = parse_number(raw)
    except NumberFormatError as exc:
        raise ValueProblem("F005", f"{exc.code}: {exc.message}", exc.suggestion) from exc
    if (number.percent or record.percent) and kind is not MetricKind.PERCENT:
        raise ValueProblem("F005", f"{record.text!r} is a percentage, but this metric is a {kind.value}",
                           "format the cell as a number, not a percentage, and give the figure itself"
                           if record.percent else "give the figure itself, without '%'")
    if number.value < 0:
        raise ValueProblem("F006", f"{record.text!r} is negative", "a reported figure is never below 0")
    if kind in _WHOLE_KINDS and number.value.denominator != 1:
        what = "đồng" if kind is MetricKind.AMOUNT_VND else "a count"
        raise ValueProblem("F007", f"{record.text!r} is not a whole number ({what})",
                           "write it as a whole number; quote Vietnamese thousands (\"3.128\")")
    if kind is MetricKind.PERCENT:
        if number.value > 100:
            raise ValueProblem("F008", f"{record.text!r} is above 100%", "give a percentage between 0 and 100")
        return number.value / 100
    return number.value


def _yes_no(raw: object, text: str) -> Fraction:
    if isinstance(raw, bool):
        return Fraction(int(raw))
    word = " ".join(unicodedata.normalize("NFC", str(raw)).split()).casefold()
    if word in _YES:
        return Fraction(1)
    if word in _NO:
        return Fraction(0)
    raise ValueProblem("F009", f"{text!r} is not a yes/no answer", "write có or không (yes or no)")


def _check_constraints(sub: Submission, metrics: dict[str, Metric], out: Validation) -> None:
    for metric_id, part in sub.values.items():
        for whole_id in metrics[metric_id].not_above:
            whole = sub.values.get(whole_id)
            if whole is None or part.value <= whole.value:
                continue
            message = (f"{sub.unit.id} {sub.period}: {metric_id} = {part.raw} ({part.source}) is above "
                       f"{whole_id} = {whole.raw} ({whole.source}), of which it is a part")
            out.diagnostics.append(Diagnostic("F012", f"inconsistent data: {message}", part.source,
                                              Severity.WARNING, "check both figures with the unit"))
            out.facts.inconsistent[part.key] = message
            out.facts.inconsistent[whole.key] = message
