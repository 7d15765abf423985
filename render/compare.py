"""A comparison of two audits (``engine.comparison``) as a terminal table and as JSON
(``schema: plancheck.compare/1``, described in ``docs/periods.md``): per target at the province, the
verdict and value in each period, what changed (new failure, recovery, …) and the change of value."""

from __future__ import annotations

import json
from fractions import Fraction
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .. import __version__
from ..engine.comparison import Change, Comparison, Row
from ..engine.verdicts import Verdict
from ..rules.model import LEVEL_LABELS, Level
from . import format as fmt
from .json_out import exact
from .table import STYLES

SCHEMA = "plancheck.compare/1"

_STYLE = {Change.NEW_FAILURE: "bold red", Change.RECOVERY: "bold green", Change.CHANGED: "yellow",
          Change.UNCHANGED: "dim", Change.ADDED: "cyan", Change.REMOVED: "dim"}
_HEAD = {"vi": ("Mã", "Mục tiêu", "Kỳ {before}", "Kỳ {now}", "Thay đổi", "Chênh lệch"),
         "en": ("ID", "Target", "{before}", "{now}", "Change", "Difference")}


def delta_text(row: Row, lang: str) -> str:
    """The change of value in the value's own unit: "+3,2 điểm %" / "+3.2 pp", "−0,15/tuần"."""
    d = row.delta
    v = row.now
    if d is None or v is None:
        return ""
    scaled = d * 100 if v.percent else d * v.per
    text = _signed(scaled, lang)
    if v.percent:
        return text + (" điểm %" if lang == "vi" else " pp")
    if v.per != 1:
        return f"{text}/{v.per}"
    if v.measure == "rate":
        return text + ("/tuần" if lang == "vi" else "/week")
    return text


def _signed(value: Fraction, lang: str) -> str:
    decimals = 1
    while decimals < 6 and value != 0 and round(abs(value), decimals) == 0:
        decimals += 1
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return sign + fmt.number(abs(value), lang, decimals)


def _cell(v: Verdict | None, lang: str) -> Text:
    if v is None:
        return Text("—", style="dim")
    text = Text(v.status.label(lang), style=STYLES[v.status])
    value = fmt.value_text(v, lang)
    if value != "—":
        text.append("\n" + value)
    return text


def _sub_label(row: Row, lang: str) -> str:
    try:
        vi, en = LEVEL_LABELS[Level(row.sub)]
    except ValueError:
        return row.sub
    return vi if lang == "vi" else en


def render_compare(comparison: Comparison, lang: str, console: Console) -> None:
    head = [h.format(before=comparison.period_before, now=comparison.period_now) for h in _HEAD[lang]]
    table = Table(title=f"{comparison.period_before} → {comparison.period_now}", title_justify="left", expand=True)
    table.add_column(head[0], no_wrap=True)
    table.add_column(head[1], ratio=4, min_width=30)
    for h in head[2:4]:
        table.add_column(h, no_wrap=True)
    table.add_column(head[4], no_wrap=True)
    table.add_column(head[5], justify="right", no_wrap=True)
    for r in comparison.rows:
        title = f"  ↳ {_sub_label(r, lang)}" if r.sub else (r.title_vi if lang == "vi" else r.title_en or r.title_vi)
        change = Text(r.change.label(lang), style=_STYLE[r.change]) if r.change is not Change.UNCHANGED or not r.sub \
            else Text("")
        table.add_row("" if r.sub else r.target, title, _cell(r.before, lang), _cell(r.now, lang), change,
                      delta_text(r, lang))
    console.print(table)
    counts = comparison.counts()
    line = Text()
    for i, c in enumerate(c for c in Change if counts[c]):
        if i:
            line.append(", ")
        line.append(f"{counts[c]} {c.label(lang)}", style=_STYLE[c])
    console.print(line)


def _verdict(v: Verdict | None) -> dict[str, Any] | None:
    if v is None:
        return None
    return {"status": v.status.value, "value": exact(v.value), "value_display": {"vi": fmt.value_text(v, "vi"),
                                                                                 "en": fmt.value_text(v, "en")},
            "threshold": v.threshold_text, "engine_fact": v.engine_fact}


def compare_dict(comparison: Comparison, pack_id: str = "") -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "generator": f"plancheck {__version__}",
        "pack": pack_id,
        "now": comparison.period_now,
        "before": comparison.period_before,
        "summary": {c.value: n for c, n in comparison.counts().items()},
        "rows": [{"target": r.target, "sub": r.sub, "title_vi": r.title_vi, "title_en": r.title_en, "area": r.area,
                  "change": r.change.value, "before": _verdict(r.before), "now": _verdict(r.now),
                  "delta": exact(r.delta), "delta_display": {"vi": delta_text(r, "vi"), "en": delta_text(r, "en")}}
                 for r in comparison.rows],
    }


def render_compare_json(comparison: Comparison, pack_id: str = "") -> str:
    return json.dumps(compare_dict(comparison, pack_id), ensure_ascii=False, indent=2)
