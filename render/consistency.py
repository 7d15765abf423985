"""How the verdicts of consistency checks read, in every output: their own section ("Kiểm tra
tính nhất quán số liệu"), a check that holds shown as KHỚP (consistent), and for each one the
figure as stated, what its other figures make of it, the difference and what the printed
precision allows; for a failed or undecided one, the source row of every figure."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..engine import check_sides as sides
from ..engine.verdicts import Status, Verdict, verdict_label
from ..rules.model import Check, Pack
from . import format as fmt

SECTION = {"vi": "Kiểm tra tính nhất quán số liệu", "en": "Consistency of reported figures"}
HEAD = {
    "vi": ("Mã", "Kiểm tra (căn cứ)", "Phạm vi", "Kết quả", "Số liệu in", "Tính lại", "Chênh lệch", "Cho phép"),
    "en": ("ID", "Check (clause)", "Scope", "Verdict", "Stated", "Computed", "Difference", "Allowed"),
}


def split(verdicts: Sequence[Verdict]) -> tuple[list[Verdict], list[Verdict]]:
    """The targets' verdicts, then the checks'."""
    return [v for v in verdicts if v.check is None], [v for v in verdicts if v.check is not None]


def formula(check: Check) -> str:
    """What a check compares, in its metrics' ids: ``certificates_issued = certificates_active +
    certificates_revoked``."""
    ids = check.metric_ids()
    if check.percent_of is not None:
        p = check.percent_of
        den = p.denominator + "".join(f" − {e}" for e in p.exclude)
        return f"{p.percent} ≈ {p.numerator} / ({den})" if p.exclude else f"{p.percent} ≈ {p.numerator} / {den}"
    if check.per_100_of is not None:
        r = check.per_100_of
        return f"{r.rate} ≈ {r.count} × 100 / {r.population}"
    return f"{ids[0]} {sides.relation(check.kind)} {' + '.join(ids[1:])}"


def cells(v: Verdict, lang: str) -> tuple[str, str, str, str]:
    """Stated, computed, difference, allowed; empty for a verdict that sums up several units."""
    cons = v.check
    if cons is None or cons.stated is None:
        return "", "", "", ""
    return (sides.stated_text(cons, lang), sides.computed_text(cons, lang), sides.difference_text(cons, lang),
            sides.tolerance_text(cons, lang))


def sources(v: Verdict) -> list[str]:
    """Every figure the check used, as submitted, with its source row."""
    return [f"{f.metric} = {f.raw} ({f.file}:{f.line})" for f in v.facts]


def notes(v: Verdict, lang: str) -> list[str]:
    """What a reader needs under a check that does not hold or cannot be decided: why, and where
    each figure comes from."""
    if v.check is None or v.status is Status.MET:
        return []
    why = [vi if lang == "vi" else en for vi, en in v.reasons]
    return why + sources(v)


def render_checks_table(pack: Pack, verdicts: Sequence[Verdict], lang: str, console: Console,
                        show_scope: bool) -> None:
    from .table import STYLES

    if not verdicts:
        return
    head = HEAD[lang]
    table = Table(title=SECTION[lang], title_justify="left", title_style="bold underline", expand=True)
    table.add_column(head[0], no_wrap=True)
    table.add_column(head[1], ratio=4, min_width=30)
    if show_scope:
        table.add_column(head[2], ratio=1, min_width=12)
    table.add_column(head[3], no_wrap=True)
    for h in head[4:]:
        table.add_column(h, justify="right", no_wrap=True)
    for v in verdicts:
        cell = Text(fmt.title(v, lang))
        cell.append("\n" + formula(pack.check(v.target)), style="dim")
        cell.append("\n" + v.clause, style="dim")
        for line in notes(v, lang):
            cell.append("\n" + line, style="yellow")
        row: list[str | Text] = [v.target, cell]
        if show_scope:
            row.append(fmt.scope_name(v, lang))
        row.append(Text(verdict_label(v, lang), style=STYLES[v.status]))
        row += list(cells(v, lang))
        table.add_row(*row)
    console.print(table)


def summary(verdicts: Sequence[Verdict], lang: str) -> list[tuple[str, Status]]:
    """``[("9 KHỚP", Status.MET), ("2 SỐ LIỆU MÂU THUẪN", …)]`` for the checks among ``verdicts``."""
    counts = {s: 0 for s in Status}
    for v in verdicts:
        counts[v.status] += 1
    out = []
    for status, n in counts.items():
        if n:
            label = "KHỚP" if status is Status.MET and lang == "vi" else (
                "consistent" if status is Status.MET else status.label(lang))
            out.append((f"{n} {label}", status))
    return out
