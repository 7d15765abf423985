"""An audit whose texts try to become markup, formulas or invalid XML: the bundled audit with
ATTT-03's title markup, its first figure a formula as submitted (in every verdict that cites it), its
reasons formulas with control characters, and a diagnostic whose message is a formula and whose
file name is markup."""

from __future__ import annotations

from dataclasses import replace

from plancheck.audit import AuditResult, run_audit
from plancheck.diagnostics import Diagnostic, Location, Severity

HOSTILE_TITLE = '<script>alert("x")</script><img src="http://evil.example/a.png">'
HOSTILE_RAW = '=HYPERLINK("http://evil.example","x")'
HOSTILE_REASON = ("@SUM(1+1) \x01\x0b", "=cmd|' /C calc'!A0")
HOSTILE_TARGET = "ATTT-03"


def hostile_audit() -> AuditResult:
    result = run_audit()
    shown = next(v for v in result.select() if v.target == HOSTILE_TARGET)
    shown.title_vi = shown.title_en = HOSTILE_TITLE
    shown.reasons = [HOSTILE_REASON]
    first = shown.facts[0]
    key = (first.unit, first.metric, first.period, first.file, first.line)
    for v in result.verdicts:
        v.facts = [replace(f, raw=HOSTILE_RAW) if (f.unit, f.metric, f.period, f.file, f.line) == key else f
                   for f in v.facts]
    result.diagnostics.append(Diagnostic("X999", HOSTILE_RAW, Location("<b>x</b>.csv", 3), Severity.ERROR,
                                         suggestion="@SUM(1)"))
    return result
