"""A waiver file: exemptions from a target, approved for one verdict (a unit, a level or the
province) and one period, each with its justification, approver, approval date and expiry.

A waiver file is YAML: a list of waivers, or a mapping with a ``waivers:`` list (the format is
described in ``docs/waivers.md``)::

    waivers:
      - target: ATTT-03
        unit: SO-TAI-CHINH            # or `scope: district` (a level), or `scope: province`
        period: "2022"
        justification: Hệ thống quản lý ngân sách chuyển đổi sang nền tảng của Bộ Tài chính …
        approver: Phó Chủ tịch UBND tỉnh Lê Văn Chiến
        approved: 2022-09-15
        expires: 2022-12-31
        reference: Công văn số 4567/UBND-KGVX ngày 15/9/2022   # optional

Loading never decides anything: it checks each waiver against the rule pack and the unit
registry (which verdict it names: ``facts.waiver_scope``) and returns those that are sound.
Applying them to verdicts is ``engine.waivers``.

Diagnostic codes (``W`` for waivers; W014-W018 are the warnings of applying them):

    W001  the file cannot be read (missing, not YAML, not a list of waivers)
    W002  a required field is missing, empty or of the wrong type
    W003  a waiver without a justification
    W004  unknown field
    W005  unknown target
    W006  a consistency check named as a target (its figures are corrected, not waived)
    W007  unknown unit
    W008  unknown scope, or not exactly one of `unit` and `scope`
    W009  the target has no verdict at that scope (a level it does not cover, a part it does not have)
    W010  a date that cannot be read
    W011  expiry before approval
    W012  not a period
    W013  two waivers in force at the same time for the same verdict
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, Location, did_you_mean, sorted_diagnostics
from ..rules.model import Pack
from ..yamlsource import YamlSyntaxError, line_of, read_yaml
from .model import PERIOD_RE, Registry
from .waiver_scope import At, ScopeResolver

__all__ = ["FIELDS", "Waiver", "load_waivers", "parse_date"]

FIELDS = ("target", "part", "unit", "scope", "period", "justification", "approver", "approved", "expires",
          "reference")
_REQUIRED_TEXT = ("period", "approver")
_DAY_FIRST = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO_DATE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b")
_KEY_BEFORE = re.compile(r"(\w+)\s*:\s*['\"]?$")


@dataclass(frozen=True)
class Waiver:
    """One approved exemption. ``scope_kind`` is ``province``, ``level`` or ``unit`` (the verdict's
    scope kinds); ``scope_id`` a level (``district``) or a unit id, ``""`` for the province."""

    target: str
    part: str
    scope_kind: str
    scope_id: str
    scope_vi: str  # the scope as people read it: "Sở Tài chính", "Cấp huyện", "Toàn tỉnh"
    scope_en: str
    period: str
    justification: str
    approver: str
    approved: date
    expires: date  # the last day the waiver applies
    reference: str
    source: Location

    def in_force(self, as_of: date) -> bool:
        return self.approved <= as_of <= self.expires

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        """The verdict it names: target, part, scope kind, scope id, period."""
        return (self.target, self.part, self.scope_kind, self.scope_id, self.period)

    def names(self) -> str:
        """``ATTT-03 · SO-TAI-CHINH · 2022``, for messages."""
        what = self.target + (f"/{self.part}" if self.part else "")
        return f"{what} · {self.scope_id or 'province'} · {self.period}"


def parse_date(raw: object) -> date | None:
    """A date as YAML gives it, ISO text (``2022-12-31``) or Vietnamese ``dd/mm/yyyy``; None if unreadable."""
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if not isinstance(raw, str):
        return None
    text = raw.strip()
    m = _DAY_FIRST.match(text)
    try:
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return date.fromisoformat(text)
    except ValueError:
        return None


def load_waivers(paths: Sequence[Path], pack: Pack, registry: Registry) -> tuple[list[Waiver], list[Diagnostic]]:
    """Every sound waiver of the files (a directory: its ``*.yaml`` and ``*.yml`` files), and every
    problem, sorted by location. A waiver with an error is left out, never half-applied."""
    if not paths:
        return [], []
    diags: list[Diagnostic] = []
    waivers: list[Waiver] = []
    reader = _Reader(pack, registry)
    for path in _files(paths, diags):
        waivers += reader.read_file(path, diags)
    return _without_overlaps(waivers, diags), sorted_diagnostics(diags)


def _files(paths: Sequence[Path], diags: list[Diagnostic]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
        elif path.is_file():
            out.append(path)
        else:
            diags.append(Diagnostic("W001", "waiver file not found", Location(str(path))))
    return out


def _without_overlaps(waivers: list[Waiver], diags: list[Diagnostic]) -> list[Waiver]:
    """Two waivers for one verdict may follow each other (a renewal), never be in force together."""
    kept: list[Waiver] = []
    for w in waivers:
        clash = next((k for k in kept if k.key == w.key and k.approved <= w.expires and w.approved <= k.expires),
                     None)
        if clash is None:
            kept.append(w)
            continue
        diags.append(Diagnostic(
            "W013", f"a waiver for {w.names()} in force from {w.approved} to {w.expires} overlaps the one at "
            f"{clash.source.file}:{clash.source.line} ({clash.approved} to {clash.expires})",
            Location(w.source.file, w.source.line, "approved"),
            suggestion="let the renewal start after the earlier waiver expires, or remove one of them"))
    return kept


class _Reader:
    def __init__(self, pack: Pack, registry: Registry) -> None:
        self.names = ScopeResolver(pack, registry)

    def read_file(self, path: Path, diags: list[Diagnostic]) -> list[Waiver]:
        where = str(path)
        try:
            root = read_yaml(path, where, code="W001")
        except YamlSyntaxError as exc:
            diags.append(exc.diagnostic)
            return []
        except OSError as exc:
            diags.append(Diagnostic("W001", f"cannot read the waiver file: {exc}", Location(where)))
            return []
        except ValueError:  # YAML reads 2022-02-30 as a date, and no such day exists
            diags += _impossible_dates(path, where)
            return []
        prefix: list[int | str] = []
        items: Any = root
        if isinstance(root, dict) and "waivers" in root:
            extra = [str(k) for k in root if k != "waivers"]
            for key in extra:
                diags.append(Diagnostic("W004", f"unknown key {key!r}", Location(where, line_of(root, [key]), key),
                                        suggestion=did_you_mean(key, ["waivers"])))
            prefix, items = ["waivers"], root["waivers"]
        if items is None:
            return []  # an empty file waives nothing
        if not isinstance(items, list):
            diags.append(Diagnostic("W001", "expected a list of waivers (or a mapping with a `waivers:` list)",
                                    Location(where, 1)))
            return []
        out = []
        for i, item in enumerate(items):
            found = self._read(item, _locator(root, where, [*prefix, i]), diags)
            if found is not None:
                out.append(found)
        return out

    def _read(self, item: Any, at: At, diags: list[Diagnostic]) -> Waiver | None:
        if not isinstance(item, dict):
            diags.append(Diagnostic("W002", "expected a waiver (a mapping with target, unit or scope, period, "
                                    "justification, approver, approved, expires)", at()))
            return None
        start = len(diags)
        for key in item:
            if str(key) not in FIELDS:
                diags.append(Diagnostic("W004", f"unknown field {key!r}", at(str(key)),
                                        suggestion=did_you_mean(str(key), FIELDS)))
        text = {k: _text(item, k, at, diags) for k in FIELDS if k not in ("approved", "expires")}
        justification = text["justification"]
        if justification is None:
            diags.append(Diagnostic("W003", "a waiver needs a justification: why the target cannot be met",
                                    at("justification") if "justification" in item else at()))
        for key in _REQUIRED_TEXT:
            if text[key] is None:
                diags.append(Diagnostic("W002", f"a waiver needs `{key}`", at(key) if key in item else at()))
        period = text["period"]
        if period is not None and not PERIOD_RE.match(period):
            diags.append(Diagnostic("W012", f"not a period: {period!r}", at("period"),
                                    suggestion="a year (\"2022\"), a quarter (\"2022-Q3\") or a month (\"2022-07\")"))
        approved, expires = _date(item, "approved", at, diags), _date(item, "expires", at, diags)
        if approved is not None and expires is not None and expires < approved:
            diags.append(Diagnostic("W011", f"expires {expires} before it was approved ({approved})", at("expires")))
        target = self.names.target(text["target"], at, diags)
        named = self.names.scope(target, text, at, diags) if target is not None else None
        if len(diags) > start or named is None or target is None:
            return None
        assert period and justification and text["approver"] and approved and expires
        return Waiver(target.id, named.part, named.kind, named.id, named.name_vi, named.name_en, period, justification,
                      text["approver"], approved, expires, text["reference"] or "", at())


def _impossible_dates(path: Path, where: str) -> list[Diagnostic]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        for found in _ISO_DATE.finditer(line):
            if parse_date(found.group(0)) is None:
                key = _KEY_BEFORE.search(line[:found.start()])
                out.append(Diagnostic("W010", f"{found.group(0)} is not a date: no such day",
                                      Location(where, n, key.group(1) if key else ""),
                                      suggestion="write 2022-12-31 or 31/12/2022"))
    return out or [Diagnostic("W001", "cannot read the waiver file: a value is not a valid date", Location(where))]


def _locator(root: Any, where: str, path: list[int | str]) -> At:
    def at(*key: str) -> Location:
        return Location(where, line_of(root, [*path, *key]), key[0] if key else "")

    return at


def _text(item: dict[Any, Any], key: str, at: At, diags: list[Diagnostic]) -> str | None:
    """A field's text, stripped; None when absent or empty, "" when not text (and said so). A year
    written without quotes is a period."""
    raw = item.get(key)
    if raw is None:
        return None
    if isinstance(raw, int) and not isinstance(raw, bool) and key == "period":
        raw = str(raw)
    if not isinstance(raw, str):
        diags.append(Diagnostic("W002", f"`{key}` must be text, got {raw!r}", at(key)))
        return ""
    return raw.strip() or None


def _date(item: dict[Any, Any], key: str, at: At, diags: list[Diagnostic]) -> date | None:
    raw = item.get(key)
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        diags.append(Diagnostic("W002", f"a waiver needs `{key}` (a date: 2022-12-31 or 31/12/2022)",
                                at(key) if key in item else at()))
        return None
    found = parse_date(raw)
    if found is None:
        diags.append(Diagnostic("W010", f"`{key}`: {raw!r} is not a date", at(key),
                                suggestion="write 2022-12-31 or 31/12/2022"))
    return found
