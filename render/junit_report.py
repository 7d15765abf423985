"""The audit as JUnit XML, for the CI of a rule pack (the style of ``render.spec.render_junit``): a
test suite per area, a test case per verdict of the view (``classname`` the area's id, ``name`` the
target, its part and the scope's id), with the value, the threshold and the rest as properties.

What each status is to CI:

- met (a check: consistent): passed;
- not met, inconsistent data: ``<failure>``: the target was decided, and missed, or the figures
  contradict each other;
- insufficient data: ``<error>``: the target could not be decided at all. JUnit's error is a test
  that could not run to its assertion; CI tools count it as failing as they do a failure, and show it
  apart, so "figures missing" is not mistaken for "target missed" (an owner chases units, not results);
- manual, waived, not applicable: ``<skipped>`` with why.

Text that XML 1.0 cannot hold (control characters a submission may carry) is dropped, the rest is
escaped by the XML writer.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from ..audit import AuditResult
from ..engine.verdicts import ScopeKind, Status, Verdict, verdict_label
from . import consistency
from . import format as fmt
from . import report_data as rd
from . import waivers as wv
from .json_out import exact

MAX_LISTED = 20  # units and figures listed in a failure's text; the rest are counted

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
FAILURE = (Status.NOT_MET, Status.INCONSISTENT_DATA)
ERROR = (Status.INSUFFICIENT_DATA,)
SKIPPED = (Status.MANUAL, Status.WAIVED, Status.NOT_APPLICABLE)


def xml_text(text: str) -> str:
    """Text XML 1.0 can hold: without control characters (tab, newline and return kept) and lone surrogates."""
    return _NOT_XML.sub("", text)


def case_name(v: Verdict) -> str:
    """``CQS-01 @ TINH``, ``XHS-06/villages-3g4g @ X-…``: the target, its part and the scope's id."""
    return f"{v.target}/{v.part} @ {v.scope.id}" if v.part else f"{v.target} @ {v.scope.id}"


def render_audit_junit(result: AuditResult, verdicts: Sequence[Verdict], lang: str) -> str:
    sections = rd.sections(result, verdicts)
    drill = rd.Drill(result)
    tally = {k: sum(v.status in statuses for v in verdicts)
             for k, statuses in (("failures", FAILURE), ("errors", ERROR), ("skipped", SKIPPED))}
    suites = ET.Element("testsuites", name=xml_text(f"plancheck audit {result.pack.pack.id} {result.period}"),
                        tests=str(len(verdicts)), failures=str(tally["failures"]), errors=str(tally["errors"]),
                        skipped=str(tally["skipped"]), time=f"{result.seconds:.3f}")
    for section in sections:
        rows = section.verdicts
        suite = ET.SubElement(suites, "testsuite", name=xml_text(section.name(lang)), file=xml_text(result.pack_path),
                              tests=str(len(rows)), failures=str(sum(v.status in FAILURE for v in rows)),
                              errors=str(sum(v.status in ERROR for v in rows)),
                              skipped=str(sum(v.status in SKIPPED for v in rows)), time="0.000")
        props = ET.SubElement(suite, "properties")
        for name, value in (("pack", result.pack.pack.id), ("period", result.period), ("engine", result.engine),
                            ("values_accepted", str(result.load.accepted_values)),
                            ("values_rejected", str(result.load.rejected_values))):
            ET.SubElement(props, "property", name=name, value=xml_text(value))
        classname = "consistency" if section.id == rd.CHECKS_AREA else section.id
        for v in rows:
            _case(suite, v, classname, result.pack_path, lang, drill)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _case(suite: ET.Element, v: Verdict, classname: str, pack_path: str, lang: str, drill: rd.Drill) -> None:
    case = ET.SubElement(suite, "testcase", classname=xml_text(classname), name=xml_text(case_name(v)),
                         file=xml_text(pack_path), time="0.000")
    props = ET.SubElement(case, "properties")
    for name, value in _properties(v, lang):
        if value:
            ET.SubElement(props, "property", name=name, value=xml_text(value))
    label = verdict_label(v, lang)
    if v.status in SKIPPED:
        why = wv.waiver_text(v, lang) or "; ".join(vi if lang == "vi" else en for vi, en in v.reasons) or label
        ET.SubElement(case, "skipped", message=xml_text(f"{label}: {why}"))
        return
    if v.status not in FAILURE + ERROR:
        return
    element = ET.SubElement(case, "failure" if v.status in FAILURE else "error",
                            message=xml_text(_message(v, lang)), type=v.status.value)
    element.text = xml_text(_details(v, lang, drill))


def _properties(v: Verdict, lang: str) -> list[tuple[str, str]]:
    stated, computed, difference, allowed = consistency.cells(v, lang)
    coverage = f"{v.coverage.reported}/{v.coverage.expected}" if v.coverage is not None else ""
    return [("status", v.status.value), ("status_label", verdict_label(v, lang)),
            ("scope", f"{v.scope.kind.value}: {fmt.scope_name(v, lang)}"), ("title", fmt.title(v, lang)),
            ("value", fmt.value_text(v, lang) if v.check is None else ""), ("value_exact", exact(v.value) or ""),
            ("threshold", fmt.threshold_text(v, lang)), ("threshold_exact", exact(v.threshold) or ""),
            ("margin_exact", exact(v.margin) or ""), ("gap", fmt.gap_sentence(v.gap, lang)),
            ("coverage", coverage), ("stated", stated), ("computed", computed), ("difference", difference),
            ("allowed", allowed), ("clause", v.clause), ("waiver", wv.waiver_text(v, lang))]


def _message(v: Verdict, lang: str) -> str:
    """One line: the verdict, the value against the threshold, and the gap."""
    out = verdict_label(v, lang)
    if v.check is None and v.op is not None:
        threshold = "ngưỡng" if lang == "vi" else "threshold"
        out += f": {fmt.value_text(v, lang)} ({threshold} {fmt.threshold_text(v, lang)})"
    elif v.check is not None and consistency.cells(v, lang)[0]:
        stated, computed, difference, allowed = consistency.cells(v, lang)
        out += f": {stated} ≠ {computed} ({difference}; {allowed})"
    if v.gap is not None:
        out += f"; {fmt.gap_sentence(v.gap, lang)}"
    return out


def _details(v: Verdict, lang: str, drill: rd.Drill) -> str:
    """The reasons, the parts, levels and units that failed too, the units missing, and the figures
    used (file:line), one a line."""
    w = rd.words(lang)
    lines = [vi if lang == "vi" else en for vi, en in v.reasons]
    below = [u for u in [*v.parts, *drill.levels(v), *drill.units(v)] if u.status in FAILURE + ERROR]
    for u in below[:MAX_LISTED]:
        name = u.part or (f"{u.scope.id} " if u.scope.kind is ScopeKind.UNIT else "") + fmt.scope_name(u, lang)
        lines.append(f"{name}: {verdict_label(u, lang)} {fmt.value_text(u, lang)} ({fmt.threshold_text(u, lang)})"
                     + (f"; {fmt.gap_text(u.gap, lang)}" if u.gap is not None else ""))
    if len(below) > MAX_LISTED:
        lines.append(w["more"].format(n=len(below) - MAX_LISTED))
    if v.missing:
        lines.append(f"{w['missing']} ({len(v.missing)}): {', '.join(v.missing)}")
    for f in v.facts[:MAX_LISTED]:
        lines.append(f"{f.unit} {f.metric} ({f.period}) = {f.raw}  {f.file}:{f.line}")
    if len(v.facts) > MAX_LISTED:
        lines.append(w["more"].format(n=len(v.facts) - MAX_LISTED))
    return "\n".join(lines)
