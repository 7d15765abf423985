"""The audit as rich tables on the terminal: one per area, statuses coloured, the consistency
checks in a table of their own, and a summary."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..audit import AuditResult
from ..engine.verdicts import Status, Verdict
from . import consistency
from . import format as fmt
from . import waivers as wv

STYLES: dict[Status, str] = {
    Status.MET: "bold green",
    Status.NOT_MET: "bold red",
    Status.INSUFFICIENT_DATA: "bold yellow",
    Status.NOT_APPLICABLE: "dim",
    Status.MANUAL: "bold cyan",
    Status.INCONSISTENT_DATA: "bold magenta",
    Status.WAIVED: "bold blue",
}

_HEAD = {
    "vi": ("Mã", "Mục tiêu (căn cứ)", "Phạm vi", "Kết quả", "Giá trị", "Ngưỡng", "Khoảng cách"),
    "en": ("ID", "Target (clause)", "Scope", "Verdict", "Value", "Threshold", "Gap"),
}


def status_text(status: Status, lang: str) -> Text:
    return Text(status.label(lang), style=STYLES[status])


def verdict_status(v: Verdict, lang: str) -> Text:
    """A verdict's status; a waived one with the status the engine decided under it."""
    text = status_text(v.status, lang)
    note = wv.decided_note(v, lang)
    if note:
        text.append("\n" + note, style="dim")
    return text


def render_table(result: AuditResult, verdicts: Sequence[Verdict], lang: str, console: Console) -> None:
    head = _HEAD[lang]
    show_scope = any(v.scope.kind.value != "province" for v in verdicts)
    verdicts, checks = consistency.split(verdicts)
    title = result.pack.pack.title_en if lang == "en" and result.pack.pack.title_en else result.pack.pack.title_vi
    console.print(Text(title, style="bold"))
    console.print(Text(f"{result.pack.pack.source} · {'kỳ' if lang == 'vi' else 'period'} {result.period}",
                       style="dim"))
    for area in result.pack.areas:
        rows = [v for v in verdicts if v.area == area.id]
        if not rows:
            continue
        table = Table(title=area.name_en if lang == "en" and area.name_en else area.name_vi,
                      title_justify="left", title_style="bold underline", expand=True, show_lines=False)
        table.add_column(head[0], no_wrap=True)
        table.add_column(head[1], ratio=4, min_width=30)
        if show_scope:
            table.add_column(head[2], ratio=1, min_width=12)
        table.add_column(head[3], no_wrap=True)
        table.add_column(head[4], justify="right", no_wrap=True)
        table.add_column(head[5], justify="right", no_wrap=True)
        table.add_column(head[6], ratio=1, min_width=12)
        for v in rows:
            cell = Text(fmt.title(v, lang))
            cell.append("\n" + v.clause, style="dim")
            if wv.waiver_text(v, lang):
                cell.append("\n" + wv.waiver_text(v, lang), style=STYLES[Status.WAIVED])
            cells: list[str | Text] = [v.target, cell]
            if show_scope:
                cells.append(fmt.scope_name(v, lang))
            cells += [verdict_status(v, lang), _value_cell(v, lang), fmt.threshold_text(v, lang),
                      fmt.gap_text(v.gap, lang)]
            table.add_row(*cells)
        console.print(table)
    consistency.render_checks_table(result.pack, checks, lang, console, show_scope)
    console.print(summary_line(result, [*verdicts, *checks], lang))


def summary_line(result: AuditResult, verdicts: Sequence[Verdict], lang: str) -> Text:
    targets, checks = consistency.split(verdicts)
    text = Text()
    if targets or not checks:
        counts = result.counts(targets)
        text.append(f"{len(targets)} {'kết luận' if lang == 'vi' else 'verdicts'}: ", style="bold")
        _counts(text, [(f"{n} {s.label(lang)}", STYLES[s]) for s, n in counts.items() if n])
    if checks:
        if targets:
            text.append(" · ")
        text.append(f"{len(checks)} {'kiểm tra nhất quán' if lang == 'vi' else 'consistency checks'}: ",
                    style="bold")
        _counts(text, [(label, STYLES[s]) for label, s in consistency.summary(checks, lang)])
    load = result.load
    facts_word = "số liệu từ" if lang == "vi" else "values from"
    files_word = "tệp" if lang == "vi" else "files"
    text.append(f" · {load.accepted_values} {facts_word} {len(load.files)} {files_word}")
    if load.rejected_values:
        text.append(f", {load.rejected_values} {'bị từ chối' if lang == 'vi' else 'rejected'}", style="red")
    if result.engine == "aggregated":
        left = len(result.evaluation.per_unit_targets)
        text.append(" · " + (f"tính từ tổng theo cấp, {left} chỉ tiêu tính theo từng đơn vị" if lang == "vi" else
                             f"decided from sums by level, {left} targets unit by unit"), style="dim")
    text.append(f" · {result.seconds:.2f} s", style="dim")
    return text


def _counts(text: Text, parts: list[tuple[str, str]]) -> None:
    for i, (label, style) in enumerate(parts):
        if i:
            text.append(", ")
        text.append(label, style=style)


def _value_cell(v: Verdict, lang: str) -> Text:
    """The value, and under it how many units reported when some have not ("64/71 xã báo cáo")."""
    cell = Text(fmt.value_text(v, lang))
    coverage = fmt.coverage_text(v, lang)
    if coverage:
        cell.append("\n" + coverage, style="yellow")
    if v.at_risk:
        cell.append("\n" + ("nguy cơ không đạt" if lang == "vi" else "at risk"), style="bold red")
    return cell
