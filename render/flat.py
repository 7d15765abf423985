"""The audit as flat rows: CSV (one row per verdict, safe to open in a spreadsheet) and Markdown.
A consistency check's row also has its kind, both sides, the difference and what is allowed;
Markdown shows the checks in a section of their own."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ..audit import AuditResult
from ..engine.verdicts import Verdict, verdict_label
from ..safe_text import spreadsheet_text
from . import consistency
from . import format as fmt
from . import waivers as wv
from .json_out import exact

_COLUMNS = ["target", "scope_kind", "scope_id", "scope_name", "status", "status_label", "value", "value_exact",
            "threshold", "gap", "missing", "area", "clause", "title",
            "check", "stated", "computed", "difference", "allowed", "waived_from", "waiver"]
def rows(verdicts: Sequence[Verdict], lang: str) -> list[list[str]]:
    out = []
    for v in verdicts:
        check = [v.check.kind, *consistency.cells(v, lang)] if v.check is not None else ["", "", "", "", ""]
        value = "" if v.check is not None else fmt.value_text(v, lang)
        applied = wv.waiver_dict(v)
        waived_from = (applied["waived_from"] or "") if applied is not None else ""
        out.append([v.target, v.scope.kind.value, v.scope.id, fmt.scope_name(v, lang), v.status.value,
                    verdict_label(v, lang), value, exact(v.value) or "", fmt.threshold_text(v, lang),
                    fmt.gap_text(v.gap, lang), " ".join(v.missing), v.area, v.clause, fmt.title(v, lang), *check,
                    waived_from, wv.waiver_text(v, lang)])
    return out


def render_csv(verdicts: Sequence[Verdict], lang: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(_COLUMNS)
    for row in rows(verdicts, lang):
        writer.writerow([spreadsheet_text(c) for c in row])
    return buf.getvalue()


def _md(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ")


def render_markdown(result: AuditResult, verdicts: Sequence[Verdict], lang: str) -> str:
    vi = lang == "vi"
    lines = [f"# {result.pack.pack.title_vi if vi else (result.pack.pack.title_en or result.pack.pack.title_vi)}",
             "", f"{result.pack.pack.source} · {'kỳ' if vi else 'period'} {result.period}", ""]
    lines += markdown_tables(result, verdicts, lang)
    verdicts, checks = consistency.split(verdicts)
    counts = result.counts(verdicts)
    summary = ", ".join(f"{n} {s.label(lang)}" for s, n in counts.items() if n)
    if checks:
        word = "kiểm tra nhất quán" if vi else "consistency checks"
        summary += (" · " if summary else "") + f"{len(checks)} {word}: " + ", ".join(
            label for label, _ in consistency.summary(checks, lang))
    lines.append(summary)
    return "\n".join(lines) + "\n"


def markdown_tables(result: AuditResult, verdicts: Sequence[Verdict], lang: str) -> list[str]:
    """The lines of a table per area of the pack (its targets' verdicts), then the consistency
    checks' table: the body of ``render_markdown``, which the report file (``render.md_report``) shares."""
    vi = lang == "vi"
    head = (["Mã", "Mục tiêu", "Phạm vi", "Kết quả", "Giá trị", "Ngưỡng", "Khoảng cách", "Căn cứ"] if vi else
            ["ID", "Target", "Scope", "Verdict", "Value", "Threshold", "Gap", "Clause"])
    lines: list[str] = []
    verdicts, checks = consistency.split(verdicts)
    for area in result.pack.areas:
        rows_ = [v for v in verdicts if v.area == area.id]
        if not rows_:
            continue
        lines += [f"## {area.name_vi if vi else (area.name_en or area.name_vi)}", "",
                  "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for v in rows_:
            what = fmt.title(v, lang) + (f"<br>*{wv.waiver_text(v, lang)}*" if wv.waiver_text(v, lang) else "")
            status = f"**{v.status.label(lang)}**" + (f"<br>{wv.decided_note(v, lang)}" if wv.decided_note(v, lang)
                                                      else "")
            cells = [v.target, what, fmt.scope_name(v, lang), status,
                     fmt.value_text(v, lang), fmt.threshold_text(v, lang), fmt.gap_text(v.gap, lang), v.clause]
            lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
        lines.append("")
    return lines + _checks_markdown(result, checks, lang)


def _checks_markdown(result: AuditResult, checks: Sequence[Verdict], lang: str) -> list[str]:
    if not checks:
        return []
    head = list(consistency.HEAD[lang])
    head[1] = "Kiểm tra" if lang == "vi" else "Check"
    head.append("Căn cứ" if lang == "vi" else "Clause")
    lines = [f"## {consistency.SECTION[lang]}", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for v in checks:
        what = fmt.title(v, lang) + f" (`{consistency.formula(result.pack.check(v.target))}`)"
        notes = consistency.notes(v, lang)
        if notes:
            what += "<br>" + "<br>".join(notes)
        cells = [v.target, what, fmt.scope_name(v, lang), f"**{verdict_label(v, lang)}**",
                 *consistency.cells(v, lang), v.clause]
        lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
    return [*lines, ""]
