"""The audit as Markdown to paste into a document: the title and what the audit read, the counts by
area and status, a table per area (``flat.markdown_tables``: the tables of ``audit --format
markdown``), then notes: what each target not met needs to pass, who has not reported for each
target without enough data, the trend across periods when earlier audits are given, and the
diagnostics."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from .. import __version__
from ..audit import AuditResult
from ..diagnostics import Severity
from ..engine.verdicts import Status, Verdict
from . import format as fmt
from . import report_data as rd
from .compare import delta_text
from .flat import markdown_tables

MAX_LISTED = 20  # units named in one note, diagnostics listed
_ESCAPE = str.maketrans({c: "\\" + c for c in "\\`*_[]|"} | {"<": "&lt;", "\n": " ", "\r": " "})


def md_text(text: str) -> str:
    """Text in a Markdown line or table cell, as text: no emphasis, link, table cell break or HTML tag."""
    return text.translate(_ESCAPE)


def render_report_markdown(result: AuditResult, verdicts: Sequence[Verdict], lang: str,
                           history: Sequence[AuditResult] | None = None, generated: datetime | None = None) -> str:
    w = rd.words(lang)
    info = result.pack.pack
    load = result.load
    lines = [f"# {md_text(info.title_en if lang == 'en' and info.title_en else info.title_vi)}", "",
             f"{md_text(info.source)} · {w['period'].lower()} {md_text(result.period)}", "",
             f"- {w['generated']}: {rd.timestamp(generated or rd.generated_at(), lang)}",
             f"- {w['pack']}: {md_text(result.pack_path)}",
             f"- {w['files']}: {len(load.files)} ({md_text(', '.join(result.fact_paths))})",
             f"- {w['accepted']}: {load.accepted_values} · {w['rejected']}: {load.rejected_values}",
             f"- {w['engine']}: {md_text(result.engine)} · plancheck {__version__}"]
    if result.focus_unit is not None:
        lines.append(f"- {w['unit']}: {md_text(rd.unit_name(result, result.focus_unit, lang))}")
    lines += ["", *_summary(rd.sections(result, verdicts), lang), *markdown_tables(result, verdicts, lang)]
    lines += _not_met(verdicts, lang) + _missing(verdicts, lang) + _trend(result, history, lang)
    lines += _diagnostics(result, lang)
    return "\n".join(lines).rstrip("\n") + "\n"


def _summary(sections: Sequence[rd.Section], lang: str) -> list[str]:
    w = rd.words(lang)
    shown = [s for s in Status if any(rd.counts(sec.verdicts)[s] for sec in sections)]
    head = [w["area"], *(s.label(lang) for s in shown), w["total"]]
    lines = [f"## {w['summary']}", "", "| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    total = {s: 0 for s in Status}
    for sec in sections:
        c = rd.counts(sec.verdicts)
        for s in Status:
            total[s] += c[s]
        lines.append("| " + " | ".join([md_text(sec.name(lang)), *(str(c[s] or "") for s in shown),
                                        str(len(sec.verdicts))]) + " |")
    lines.append("| " + " | ".join([f"**{w['total']}**", *(f"**{total[s]}**" for s in shown),
                                    f"**{sum(total.values())}**"]) + " |")
    return [*lines, ""]


def _not_met(verdicts: Sequence[Verdict], lang: str) -> list[str]:
    w = rd.words(lang)
    failed = [v for v in verdicts if v.status is Status.NOT_MET and v.check is None]
    if not failed:
        return []
    lines = [f"## {w['not_met_notes']}", ""]
    for v in failed:
        key = f"{v.target}/{v.part}" if v.part else v.target
        scope = f" ({md_text(fmt.scope_name(v, lang))})" if v.scope.kind.value != "province" else ""
        notes = []
        if v.value is not None or v.bounds is not None:
            notes.append(f"{md_text(fmt.value_text(v, lang))}, {w['threshold'].lower()} "
                         f"{md_text(fmt.threshold_text(v, lang))}")
        if v.gap is not None:
            notes.append(f"**{md_text(fmt.gap_sentence(v.gap, lang))}**")
        for p in v.parts:  # the levels or parts not met, each with its own gap
            if p.status is Status.NOT_MET:
                gap = f", {fmt.gap_text(p.gap, lang)}" if p.gap is not None else ""
                notes.append(md_text(f"{p.part or fmt.scope_name(p, lang)}: {fmt.value_text(p, lang)} "
                                     f"({fmt.threshold_text(p, lang)}){gap}"))
        lines.append(f"- **{md_text(key)}**{scope} {md_text(fmt.title(v, lang))}: {'; '.join(notes)}.")
    return [*lines, ""]


def _missing(verdicts: Sequence[Verdict], lang: str) -> list[str]:
    w = rd.words(lang)
    short = [v for v in verdicts if v.status is Status.INSUFFICIENT_DATA]
    if not short:
        return []
    lines = [f"## {w['missing_notes']}", ""]
    for v in short:
        key = f"{v.target}/{v.part}" if v.part else v.target
        line = f"- **{md_text(key)}** {md_text(fmt.title(v, lang))}"
        if v.coverage is not None:
            line += ": " + w["coverage_of"].format(reported=v.coverage.reported, expected=v.coverage.expected)
        if v.missing:
            more = f" {w['more'].format(n=len(v.missing) - MAX_LISTED)}" if len(v.missing) > MAX_LISTED else ""
            line += f"; {w['missing'].lower()}: {md_text(', '.join(v.missing[:MAX_LISTED]))}{md_text(more)}"
        elif v.reasons:
            line += f"; {md_text(v.reasons[0][0 if lang == 'vi' else 1])}"
        lines.append(line + ".")
    return [*lines, ""]


def _trend(result: AuditResult, history: Sequence[AuditResult] | None, lang: str) -> list[str]:
    periods, rows = rd.trend(result, history)
    if not rows:
        return []
    w = rd.words(lang)
    head = [w["id"], w["target"], *periods, w["change"], w["difference"]]
    lines = [f"## {w['trend']}", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = [md_text(f"{r.target}/{r.sub}" if r.sub else r.target), md_text(r.title(lang))]
        for p in r.points:
            value = fmt.value_text(p, lang) if p is not None else ""
            cells.append("—" if p is None else md_text(p.status.label(lang) + (f" {value}" if value != "—" else "")))
        cells += [md_text(r.step.change.label(lang)) if r.step is not None else "",
                  md_text(delta_text(r.step, lang)) if r.step is not None else ""]
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def _diagnostics(result: AuditResult, lang: str) -> list[str]:
    w = rd.words(lang)
    diags = result.diagnostics
    if not diags:
        return []
    errors = sum(d.severity is Severity.ERROR for d in diags)
    lines = [f"## {w['diagnostics']} ({errors} {w['error'].lower()}, {len(diags) - errors} "
             f"{w['warning'].lower()})", ""]
    for d in diags[:MAX_LISTED]:
        severity = w["error"] if d.severity is Severity.ERROR else w["warning"]
        lines.append(f"- {severity} {md_text(d.code)} ({md_text(str(d.location))}): {md_text(d.message)}")
    if len(diags) > MAX_LISTED:
        lines.append(f"- {md_text(w['more'].format(n=len(diags) - MAX_LISTED))}")
    return [*lines, ""]
