"""Scaffolded scenarios as Gherkin text, in Vietnamese or English, with the sentences of the step
library (``features/steps.py``).

A block whose cases differ only in some figures and verdicts becomes one scenario outline: the
cells that vary become ``<columns>`` of its examples table, one row per case; a block of one
case is a plain scenario. Output is stable: the same blocks give the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

from ..engine.verdicts import Status
from ..rules.model import MetricKind
from .scaffold_values import Lang, figure_text, number_text

CheckKind = Literal["province", "unit", "level", "missing", "gap"]


@dataclass(frozen=True)
class Figure:
    unit: str
    metric: str
    value: Fraction
    kind: MetricKind
    period: str


@dataclass(frozen=True)
class Check:
    kind: CheckKind
    target: str
    scope: str = ""  # a unit id or a level
    status: Status | None = None
    amount: Fraction | None = None  # a gap


@dataclass(frozen=True)
class Case:
    label: tuple[str, str]  # vi, en
    figures: tuple[Figure, ...]
    checks: tuple[Check, ...]


@dataclass(frozen=True)
class Block:
    name: tuple[str, str]  # vi, en
    cases: tuple[Case, ...]
    notes: tuple[tuple[str, str], ...] = ()  # comment lines above the scenario, vi and en


@dataclass
class TargetBlocks:
    comment: dict[str, list[str]]  # comment lines above the target's scenarios, by language
    blocks: list[Block] = field(default_factory=list)


_KEYWORDS: dict[str, dict[str, str]] = {
    "vi": {"feature": "Tính năng", "background": "Bối cảnh", "scenario": "Kịch bản", "outline": "Khung kịch bản",
           "examples": "Dữ liệu", "given": "Cho", "when": "Khi", "then": "Thì", "and": "Và"},
    "en": {"feature": "Feature", "background": "Background", "scenario": "Scenario", "outline": "Scenario Outline",
           "examples": "Examples", "given": "Given", "when": "When", "then": "Then", "and": "And"},
}

_SENTENCES: dict[str, dict[str, str]] = {
    "vi": {"pack": "bộ quy tắc mặc định", "report": 'đơn vị "{u}" báo cáo "{m}" là "{v}"',
           "report_in": 'đơn vị "{u}" báo cáo "{m}" là "{v}" cho kỳ "{p}"', "table": "các đơn vị báo cáo:",
           "run": "chạy kiểm tra", "province": 'mục tiêu "{t}" có kết quả "{s}"',
           "unit": 'mục tiêu "{t}" của đơn vị "{u}" có kết quả "{s}"',
           "level": 'mục tiêu "{t}" ở cấp "{u}" có kết quả "{s}"',
           "missing": 'đơn vị "{u}" thiếu số liệu cho mục tiêu "{t}"',
           "gap": 'khoảng cách của mục tiêu "{t}" là "{s}"'},
    "en": {"pack": "the bundled rule pack", "report": 'unit "{u}" reports "{m}" as "{v}"',
           "report_in": 'unit "{u}" reports "{m}" as "{v}" for period "{p}"', "table": "the units report:",
           "run": "the audit runs", "province": 'target "{t}" is "{s}"',
           "unit": 'target "{t}" for unit "{u}" is "{s}"', "level": 'target "{t}" at level "{u}" is "{s}"',
           "missing": 'unit "{u}" is missing for target "{t}"', "gap": 'the gap of target "{t}" is "{s}"'},
}

# Column names: the table of figures, and the examples columns by what varies.
_COLUMNS: dict[str, dict[str, str]] = {
    "vi": {"unit": "đơn vị", "metric": "chỉ số", "value": "giá trị", "period": "kỳ", "case": "trường hợp",
           "status": "kết quả", "level": "cấp", "gap": "khoảng cách"},
    "en": {"unit": "unit", "metric": "metric", "value": "value", "period": "period", "case": "case",
           "status": "verdict", "level": "level", "gap": "gap"},
}


def keyword(lang: Lang, what: str) -> str:
    return _KEYWORDS[lang][what]


def _status_text(status: Status, lang: Lang) -> str:
    return status.label_vi if lang == "vi" else status.label_en


# A case as text: each cell with a hint saying what it is, so that cells varying across the
# cases of a block can be named as columns.
_Cell = tuple[str, str]  # (hint, text)


def _cells(case: Case, lang: Lang) -> list[_Cell]:
    out: list[_Cell] = []
    for f in case.figures:
        out += [("unit", f.unit), ("metric", f.metric), ("value:" + f.metric, figure_text(f.kind, f.value, lang)),
                ("period", f.period)]
    for c in case.checks:
        scope_hint = "level" if c.kind == "level" else "unit"
        if c.kind == "gap":
            result = number_text(c.amount or Fraction(0))
        else:
            result = _status_text(c.status, lang) if c.status is not None else ""
        out += [("kind:" + c.kind, c.kind), ("target", c.target), (scope_hint, c.scope),
                ("gap" if c.kind == "gap" else "status", result)]
    return out


def _fold(cases: Sequence[Case], lang: Lang) -> tuple[list[str], list[str], list[list[str]]]:
    """The template cells (varying ones as ``<column>``), the column names, and one row per case."""
    table = [_cells(c, lang) for c in cases]
    width = len(table[0])
    assert all(len(row) == width for row in table), "the cases of an outline must have one shape"
    template: list[str] = []
    columns: dict[tuple[str, tuple[str, ...]], str] = {}
    names: set[str] = set()
    for i in range(width):
        hints = {row[i][0] for row in table}
        assert len(hints) == 1, "the cases of an outline must have one shape"
        hint = table[0][i][0]
        texts = tuple(row[i][1] for row in table)
        if len(set(texts)) == 1:
            template.append(texts[0])
            continue
        key = (hint, texts)
        if key not in columns:
            base = hint.split(":", 1)[1] if hint.startswith("value:") else _COLUMNS[lang][hint]
            name, n = base, 1
            while name in names:
                n += 1
                name = f"{base} {n}"
            names.add(name)
            columns[key] = name
        template.append(f"<{columns[key]}>")
    rows = [[c.label[0] if lang == "vi" else c.label[1], *(k[1][j] for k in columns)] for j, c in enumerate(cases)]
    return template, [_COLUMNS[lang]["case"], *columns.values()], rows


def _table(rows: Sequence[Sequence[str]], indent: str) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [indent + "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in rows]


def _steps(template: list[str], case: Case, period: str, lang: Lang) -> list[str]:
    s, kw, cols = _SENTENCES[lang], _KEYWORDS[lang], _COLUMNS[lang]
    lines: list[str] = []
    n_fig = len(case.figures)
    figs = [template[4 * i: 4 * i + 4] for i in range(n_fig)]
    checks = [template[4 * n_fig + 4 * i: 4 * n_fig + 4 * i + 4] for i in range(len(case.checks))]
    with_period = any(f[3] != period for f in figs)
    if n_fig == 1:
        u, m, v, p = figs[0]
        text = s["report_in"].format(u=u, m=m, v=v, p=p) if with_period else s["report"].format(u=u, m=m, v=v)
        lines.append(f"    {kw['given']} {text}")
    elif n_fig > 1:
        lines.append(f"    {kw['given']} {s['table']}")
        header = [cols["unit"], cols["metric"], cols["value"]] + ([cols["period"]] if with_period else [])
        lines += _table([header] + [f if with_period else f[:3] for f in figs], "      ")
    lines.append(f"    {kw['when']} {s['run']}")
    for i, (kind, target, scope, result) in enumerate(checks):
        lines.append(f"    {kw['then'] if i == 0 else kw['and']} {s[kind].format(t=target, u=scope, s=result)}")
    return lines


def render_block(block: Block, period: str, lang: Lang) -> list[str]:
    kw = _KEYWORDS[lang]
    name = block.name[0] if lang == "vi" else block.name[1]
    lines = [f"  # {vi if lang == 'vi' else en}" for vi, en in block.notes]
    template, columns, rows = _fold(block.cases, lang)
    if len(block.cases) == 1:
        lines.append(f"  {kw['scenario']}: {name}")
        return [*lines, *_steps(template, block.cases[0], period, lang)]
    lines.append(f"  {kw['outline']}: {name}")
    lines += _steps(template, block.cases[0], period, lang)
    lines += ["", f"    {kw['examples']}:"]
    return lines + _table([columns, *rows], "      ")


def render_feature(title: str, description: Sequence[str], targets: Sequence[TargetBlocks], period: str,
                   lang: Lang) -> str:
    kw, s = _KEYWORDS[lang], _SENTENCES[lang]
    lines = [f"# language: {lang}", f"{kw['feature']}: {title}", *(f"  {d}" for d in description), "",
             f"  {kw['background']}:", f"    {kw['given']} {s['pack']}"]
    for tb in targets:
        lines.append("")
        lines += [f"  # {line}" for line in tb.comment[lang]]
        for i, block in enumerate(tb.blocks):
            if i:
                lines.append("")
            lines += render_block(block, period, lang)
    return "\n".join(line.rstrip() for line in lines) + "\n"
