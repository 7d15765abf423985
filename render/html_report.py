"""The audit as one self-contained HTML page: inline CSS and SVG charts, no script, no font or
image to fetch (a Content-Security-Policy forbids any), Vietnamese or English.

The page: a header (the pack, the period, when it was made, the files read, the values accepted and
rejected, the engine), the counts by area and status, for each area a chart of each target's value
against its threshold, a table and a drill-down per verdict (the computation, the reasons in both
languages, its parts, levels and units, the gap, every figure used with file and line, capped), the
reporting coverage, the trend across periods when earlier audits are given, and the diagnostics.
Every text that comes from a pack, a registry or a submission is escaped (``safe_text.html_text``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from fractions import Fraction

from .. import __version__
from ..audit import AuditResult
from ..diagnostics import Diagnostic, Severity
from ..engine.verdicts import FactRef, ScopeKind, Status, Verdict, verdict_label
from ..rules.model import LEVEL_LABELS, Level
from ..safe_text import html_text as h
from . import consistency
from . import format as fmt
from . import report_data as rd
from . import svg_charts as charts
from . import waivers as wv
from .compare import delta_text

MAX_FIGURES = 500  # figures listed under one verdict; the rest are counted
MAX_ROWS = 500  # units listed under one verdict, rows of one chart, diagnostics listed

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_SHORT_LEVEL = {"province": ("toàn tỉnh", "province"), "department": ("cấp tỉnh", "departments"),
                "district": ("cấp huyện", "districts"), "commune": ("cấp xã", "communes")}

_CSS = """
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--head:#f6f8fa}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;
color:var(--fg);margin:0 auto;max-width:1240px;padding:24px;line-height:1.45;font-size:15px}
h1{font-size:1.55em;margin:0 0 .2em}h2{border-bottom:2px solid var(--line);padding-bottom:.2em;margin-top:2em}
h3{margin:1.2em 0 .4em}h4{margin:.8em 0 .3em}
table{border-collapse:collapse;width:100%;margin:.4em 0 1em}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--head)}td.n,th.n{text-align:right;white-space:nowrap}td.id{white-space:nowrap}
.st{display:inline-block;padding:1px 8px;border-radius:10px;font-weight:600;font-size:.85em;white-space:nowrap}
.muted,.en{color:var(--muted)}.small{font-size:.85em}.en{display:block;font-size:.92em}
.warn{color:#7D4E00}.bad{color:#A40E26;font-weight:600}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:.8em 0}dl.meta dt{font-weight:600}
dl.meta dd{margin:0}
details.drill{border:1px solid var(--line);border-radius:6px;margin:6px 0;padding:0 12px}
details.drill>summary{cursor:pointer;padding:6px 0}details.drill[open]>summary{border-bottom:1px solid var(--line)}
table.kv{width:auto}table.kv th{font-weight:600;white-space:nowrap}
figure{margin:.6em 0 1em;overflow-x:auto}figcaption{font-weight:600;margin-bottom:.3em}
.chart text{font-size:12px;fill:#1f2328}.chart .track{fill:#eef1f4}.chart .end{font-size:9px;fill:#59636e}
.marker{stroke:#1f2328;stroke-width:2}.spark .line{fill:none;stroke:#59636e;stroke-width:1.5}
nav ul{columns:2;margin:.3em 0}a{color:#0550ae}
ul.ids{columns:4;font-size:.85em;margin:.2em 0}
@media print{nav{display:none}details.drill,figure{break-inside:avoid}body{max-width:none;padding:0}}
"""


def render_html(result: AuditResult, verdicts: Sequence[Verdict], lang: str,
                history: Sequence[AuditResult] | None = None, generated: datetime | None = None) -> str:
    """The page for the verdicts of a view (``AuditResult.select``); ``history``: audits of other
    periods, for the trend; ``generated``: the time the page says it was made (default: now)."""
    w = rd.words(lang)
    sections = rd.sections(result, verdicts)
    page = _Page(result, lang)
    title = _pack_title(result, lang)
    periods, trend = rd.trend(result, history)
    body = [_header(result, verdicts, lang, generated or rd.generated_at()), _nav(sections, lang, bool(trend)),
            _summary(sections, lang)]
    for i, section in enumerate(sections):
        body.append(page.section(section, i))
    body.append(_coverage(verdicts, lang))
    body.append(_trend(periods, trend, lang))
    body.append(_diagnostics(result.diagnostics, lang, page.base))
    body.append(f'<footer class="muted small"><p>{h(w["generator"])} plancheck {h(__version__)} · '
                f'{h(result.engine)} · {result.seconds:.2f} {h(w["seconds"])}</p></footer>')
    return (f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "vi"}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{h(title)} · {h(w['period'].lower())} {h(result.period)}</title>\n<style>{_CSS}"
            + "".join(f".s-{s.value}{{color:#{fg};background:#{bg}}}" for s, (fg, bg) in rd.STATUS_COLOURS.items())
            + "</style>\n</head>\n<body>\n" + "\n".join(b for b in body if b) + "\n</body>\n</html>\n")


def _pack_title(result: AuditResult, lang: str) -> str:
    info = result.pack.pack
    return info.title_en if lang == "en" and info.title_en else info.title_vi


def badge(v: Verdict, lang: str) -> str:
    """A verdict's status as a coloured label; a waived one with the status the engine decided."""
    out = f'<span class="st s-{v.status.value}">{h(verdict_label(v, lang))}</span>'
    note = wv.decided_note(v, lang)
    return out + (f'<br><span class="small muted">{h(note)}</span>' if note else "")


def _status_badge(status: Status, lang: str) -> str:
    return f'<span class="st s-{status.value}">{h(status.label(lang))}</span>'


def _header(result: AuditResult, verdicts: Sequence[Verdict], lang: str, when: datetime) -> str:
    w = rd.words(lang)
    load = result.load
    base = rd.files_base(load.files)
    files = "".join(f"<li>{h(rd.short_file(f, base))}</li>" for f in load.files[:MAX_ROWS])
    if len(load.files) > MAX_ROWS:
        files += f'<li class="muted">{h(w["more"].format(n=len(load.files) - MAX_ROWS))}</li>'
    rows = [(w["source"], h(result.pack.pack.source)),
            (w["period"], h(result.period)),
            (w["generated"], h(rd.timestamp(when, lang))),
            (w["pack"], h(result.pack_path)),
            (w["files"], f"{h(', '.join(result.fact_paths))} · <details><summary>{len(load.files)} "
                         f"{h(w['files_n'])}</summary>"
                         + (f'<p class="small muted">{h(w["folder"])}: {h(base)}</p>' if base else "")
                         + f'<ul class="small">{files}</ul></details>'),
            (w["accepted"], h(_count(load.accepted_values, lang))),
            (w["rejected"], f'<span class="{"bad" if load.rejected_values else ""}">'
                            f"{h(_count(load.rejected_values, lang))}</span>"),
            (w["engine"], h(f"{result.engine} · plancheck {__version__} · {result.seconds:.2f} {w['seconds']}"))]
    if result.focus_unit is not None:
        rows.insert(2, (w["unit"], h(rd.unit_name(result, result.focus_unit, lang))))
    if result.waiver_files:
        day = f" ({w['as_of']} {wv.day(result.as_of, lang)})" if result.as_of else ""
        rows.append((w["waivers"], h(", ".join(result.waiver_files) + day)))
    meta = "".join(f"<dt>{h(k)}</dt><dd>{v}</dd>" for k, v in rows)
    total = rd.counts(verdicts)
    line = ", ".join(f"{n} {_status_badge(s, lang)}" for s, n in total.items() if n)
    return (f'<header>\n<p class="muted">{h(w["report"])}</p>\n<h1>{h(_pack_title(result, lang))}</h1>\n'
            f'<dl class="meta">{meta}</dl>\n<p><strong>{len(verdicts)} {h(w["verdicts"])}</strong>: {line}</p>\n'
            "</header>")


def _count(n: int, lang: str) -> str:
    return fmt.number(Fraction(n), lang)


def _nav(sections: Sequence[rd.Section], lang: str, has_trend: bool) -> str:
    w = rd.words(lang)
    items = [("summary", w["summary"])] + [(f"area-{i}", s.name(lang)) for i, s in enumerate(sections)]
    items += [("coverage", w["coverage_chart"])] + ([("trend", w["trend"])] if has_trend else [])
    items.append(("diagnostics", w["diagnostics"]))
    return "<nav><ul>" + "".join(f'<li><a href="#{a}">{h(t)}</a></li>' for a, t in items) + "</ul></nav>"


def _summary(sections: Sequence[rd.Section], lang: str) -> str:
    w = rd.words(lang)
    shown = [s for s in Status if any(rd.counts(sec.verdicts)[s] for sec in sections)]
    head = "".join(f'<th class="n">{_status_badge(s, lang)}</th>' for s in shown)
    rows = []
    total = {s: 0 for s in Status}
    for i, sec in enumerate(sections):
        c = rd.counts(sec.verdicts)
        for s in Status:
            total[s] += c[s]
        cells = "".join(f'<td class="n">{c[s] or ""}</td>' for s in shown)
        rows.append(f'<tr><td><a href="#area-{i}">{h(sec.name(lang))}</a></td>{cells}'
                    f'<td class="n">{len(sec.verdicts)}</td></tr>')
    cells = "".join(f'<td class="n"><strong>{total[s]}</strong></td>' for s in shown)
    rows.append(f'<tr><th>{h(w["total"])}</th>{cells}<td class="n"><strong>{sum(total.values())}</strong></td></tr>')
    return (f'<section id="summary"><h2>{h(w["summary"])}</h2><table><thead><tr><th>{h(w["area"])}</th>{head}'
            f'<th class="n">{h(w["total"])}</th></tr></thead><tbody>{"".join(rows)}</tbody></table></section>')


class _Page:
    """The areas' sections: what they share (the drill-down index, the notes of the pack, the
    folder of the fact files) and a running id per verdict for the links to its drill-down."""

    def __init__(self, result: AuditResult, lang: str) -> None:
        self.result = result
        self.lang = lang
        self.w = rd.words(lang)
        self.drill = rd.Drill(result)
        self.notes = {t.id: t.note for t in result.pack.targets} | {c.id: c.note for c in result.pack.checks}
        self.base = rd.files_base(result.load.files)
        self.next_id = 0
        self.show_scope = False

    def section(self, section: rd.Section, index: int) -> str:
        w = self.w
        self.show_scope = any(v.scope.kind is not ScopeKind.PROVINCE for v in section.verdicts)
        ids = list(range(self.next_id, self.next_id + len(section.verdicts)))
        self.next_id += len(section.verdicts)
        out = [f'<section id="area-{index}"><h2>{h(section.name(self.lang))}</h2>']
        if section.id != rd.CHECKS_AREA:
            out.append(self._value_chart(section))
            out.append(self._targets_table(section.verdicts, ids))
        else:
            out.append(self._checks_table(section.verdicts, ids))
        out.append(f"<h3>{h(w['detail'])}</h3>")
        out += [self._drill(v, i) for v, i in zip(section.verdicts, ids, strict=True)]
        out.append("</section>")
        return "\n".join(out)

    def _head(self, names: Sequence[str]) -> str:
        return "<thead><tr>" + "".join(f"<th>{h(n)}</th>" for n in names) + "</tr></thead>"

    def _targets_table(self, verdicts: Sequence[Verdict], ids: Sequence[int]) -> str:
        w, lang = self.w, self.lang
        head = [w["id"], w["target"], *([w["scope"]] if self.show_scope else []), w["status"], w["value"],
                w["threshold"], w["gap"], w["coverage"], w["clause"]]
        rows = []
        for v, i in zip(verdicts, ids, strict=True):
            what = h(fmt.title(v, lang))
            if wv.waiver_text(v, lang):
                what += f'<br><span class="small s-waived">{h(wv.waiver_text(v, lang))}</span>'
            scope = f"<td>{h(fmt.scope_name(v, lang))}</td>" if self.show_scope else ""
            rows.append(f'<tr><td class="id"><a href="#v-{i}">{h(_key(v))}</a></td><td>{what}</td>{scope}'
                        f"<td>{badge(v, lang)}</td><td class=\"n\">{self._value_cell(v)}</td>"
                        f'<td class="n">{h(fmt.threshold_text(v, lang))}</td><td>{h(fmt.gap_text(v.gap, lang))}</td>'
                        f'<td class="n">{_coverage_cell(v)}</td><td class="small">{h(v.clause)}</td></tr>')
        return f'<table class="verdicts">{self._head(head)}<tbody>{"".join(rows)}</tbody></table>'

    def _checks_table(self, verdicts: Sequence[Verdict], ids: Sequence[int]) -> str:
        w, lang = self.w, self.lang
        head = [w["id"], w["check"], *([w["scope"]] if self.show_scope else []), w["status"], w["stated"],
                w["computed"], w["difference"], w["allowed"], w["clause"]]
        rows = []
        for v, i in zip(verdicts, ids, strict=True):
            scope = f"<td>{h(fmt.scope_name(v, lang))}</td>" if self.show_scope else ""
            cells = "".join(f'<td class="n">{h(c)}</td>' for c in consistency.cells(v, lang))
            rows.append(f'<tr><td class="id"><a href="#v-{i}">{h(v.target)}</a></td>'
                        f"<td>{h(fmt.title(v, lang))}</td>{scope}<td>{badge(v, lang)}</td>{cells}"
                        f'<td class="small">{h(v.clause)}</td></tr>')
        return f'<table class="checks">{self._head(head)}<tbody>{"".join(rows)}</tbody></table>'

    def _value_cell(self, v: Verdict) -> str:
        out = h(fmt.value_text(v, self.lang)) if v.check is None else ""
        coverage = fmt.coverage_text(v, self.lang)
        if coverage:
            out += f'<br><span class="small warn">{h(coverage)}</span>'
        if v.at_risk:
            out += f'<br><span class="small bad">{h(self.w["at_risk"])}</span>'
        return out

    def _value_chart(self, section: rd.Section) -> str:
        rows: list[charts.Bar] = []
        for v in section.verdicts:
            if v.parts and v.value is None and v.bounds is None:
                rows += [_bar(p, f"{v.target} · {sub_name(p.part or p.scope.id, self.lang)}", self.lang)
                         for p in v.parts if p.op is not None]
            elif v.op is not None and v.threshold is not None:
                rows.append(_bar(v, _key(v) + (f" · {v.scope.id}" if self.show_scope else ""), self.lang))
        if not rows:
            return ""
        title = f"{self.w['value_chart']} · {section.name(self.lang)}"
        more = (f'<p class="small muted">{h(self.w["more"].format(n=len(rows) - MAX_ROWS))}</p>'
                if len(rows) > MAX_ROWS else "")
        return (f"<figure><figcaption>{h(self.w['value_chart'])}</figcaption>"
                f"{charts.bars(title, rows[:MAX_ROWS])}{more}</figure>")

    def _drill(self, v: Verdict, index: int) -> str:
        w, lang = self.w, self.lang
        out = [f'<details class="drill"><summary><strong>{h(_key(v))}</strong> · {h(fmt.title(v, lang))} '
               f'{badge(v, lang)}</summary><div id="v-{index}">',
               f'<p><span class="muted">{h(w["clause"])}:</span> {h(v.clause)}<br>'
               f'<span class="muted">{h(w["scope"])}:</span> {h(fmt.scope_name(v, lang))} · {h(v.period)}</p>']
        note = self.notes.get(v.target, "")
        if note:
            out.append(f'<p class="small muted">{h(note)}</p>')
        if wv.waiver_text(v, lang):
            out.append(f'<p class="s-waived">{h(wv.waiver_text(v, lang))}</p>')
        out.append(self._computation(v))
        if v.reasons:
            items = "".join(f'<li>{h(vi)}<span class="en" lang="en">{h(en)}</span></li>' for vi, en in v.reasons)
            out.append(f"<h4>{h(w['why'])}</h4><ul>{items}</ul>")
        if v.parts:
            out.append(self._verdict_table(w["parts"], v.parts, by_part=True))
        levels = self.drill.levels(v)
        if levels:
            out.append(self._verdict_table(w["levels"], levels, by_part=False))
        units = self.drill.units(v)
        if units:
            out.append(self._verdict_table(w["units"], units, by_part=False))
        out.append(self._unit_lists(v))
        out.append(self._figures(v.facts))
        out.append("</div></details>")
        return "\n".join(o for o in out if o)

    def _computation(self, v: Verdict) -> str:
        w, lang = self.w, self.lang
        rows: list[tuple[str, str]] = []
        if v.numerator is not None and v.denominator is not None and v.measure != "units":
            rows += [(w["numerator"], _plain(v.numerator, lang)), (w["denominator"], _plain(v.denominator, lang))]
        if v.check is None:
            rows.append((w["value"], fmt.value_text(v, lang)))
        if v.op is not None:
            rows.append((w["threshold"], fmt.threshold_text(v, lang)))
        if v.margin is not None:
            unit = (" điểm %" if lang == "vi" else " pp") if v.percent else ""
            rows.append((w["margin"], fmt.number(v.margin * (100 if v.percent else v.per), lang, 2) + unit))
        if v.value is not None and v.bounds is not None:
            rows.append((w["bounds"], fmt.bounds_text(v, lang)))
        if v.partial_value is not None:
            rows.append((w["partial"], fmt.value_text(replace(v, value=v.partial_value, bounds=None), lang)))
        if v.coverage is not None:
            rows.append((w["coverage"], w["coverage_of"].format(reported=v.coverage.reported,
                                                                expected=v.coverage.expected)))
        if v.projected is not None:
            p = v.projected
            value = fmt.value_text(replace(v, value=p.value, bounds=None), lang)
            rows.append((w["projected"], f"{value} · {p.status.label(lang)} ({p.as_of})"))
        if v.check is not None:
            stated, computed, difference, allowed = consistency.cells(v, lang)
            rows.append((w["computation"], consistency.formula(self.result.pack.check(v.target))))
            if stated:
                rows += [(w["stated"], stated), (w["computed"], computed), (w["difference"], difference),
                         (w["allowed"], allowed)]
        body = "".join(f"<tr><th>{h(k)}</th><td>{h(val)}</td></tr>" for k, val in rows)
        if v.gap is not None:
            body += f'<tr><th>{h(w["to_pass"])}</th><td class="bad">{h(fmt.gap_sentence(v.gap, lang))}</td></tr>'
        return f'<h4>{h(w["computation"])}</h4><table class="kv">{body}</table>' if body else ""

    def _verdict_table(self, title: str, verdicts: Sequence[Verdict], by_part: bool) -> str:
        w, lang = self.w, self.lang
        head = [w["unit"] if not by_part else "", w["status"], w["value"], w["threshold"], w["gap"], w["coverage"]]
        rows = []
        for u in verdicts[:MAX_ROWS]:
            if by_part:
                name = f"{u.part} · {fmt.title(u, lang)}" if u.part else fmt.scope_name(u, lang)
            elif u.scope.kind is ScopeKind.UNIT:
                name = f"{u.scope.id} · {fmt.scope_name(u, lang)}"
            else:
                name = _level_name(u.scope.id, lang)
            rows.append(f"<tr><td>{h(name)}</td><td>{badge(u, lang)}</td><td class=\"n\">{self._value_cell(u)}</td>"
                        f'<td class="n">{h(fmt.threshold_text(u, lang))}</td><td>{h(fmt.gap_text(u.gap, lang))}</td>'
                        f'<td class="n">{_coverage_cell(u)}</td></tr>')
        more = (f'<p class="small muted">{h(w["more"].format(n=len(verdicts) - MAX_ROWS))}</p>'
                if len(verdicts) > MAX_ROWS else "")
        return f"<h4>{h(title)} ({len(verdicts)})</h4><table>{self._head(head)}<tbody>{''.join(rows)}</tbody></table>" \
            + more

    def _unit_lists(self, v: Verdict) -> str:
        w = self.w
        out = []
        for key, ids, cls in (("contributing", v.contributing, ""), ("missing", v.missing, "warn")):
            if not ids:
                continue
            items = "".join(f"<li>{h(i)}</li>" for i in ids[:MAX_ROWS])
            if len(ids) > MAX_ROWS:
                items += f'<li class="muted">{h(w["more"].format(n=len(ids) - MAX_ROWS))}</li>'
            out.append(f'<h4 class="{cls}">{h(w[key])} ({len(ids)})</h4><ul class="ids">{items}</ul>')
        return "".join(out)

    def _figures(self, facts: Sequence[FactRef]) -> str:
        if not facts:
            return ""
        w = self.w
        rows = "".join(f"<tr><td>{h(f.unit)}</td><td>{h(f.metric)}</td><td>{h(f.period)}</td>"
                       f'<td class="n">{h(f.raw)}</td><td class="small">{h(rd.short_file(f.file, self.base))}:'
                       f"{f.line}</td></tr>" for f in facts[:MAX_FIGURES])
        more = (f'<p class="small muted">{h(w["more"].format(n=len(facts) - MAX_FIGURES))}</p>'
                if len(facts) > MAX_FIGURES else "")
        head = self._head([w["unit"], w["metric"], w["period"], w["raw"], w["sources"]])
        return (f"<h4>{h(w['figures'])} ({len(facts)})</h4><table class=\"figures small\">{head}"
                f"<tbody>{rows}</tbody></table>{more}")


def sub_name(sub: str, lang: str) -> str:
    """A level's short name ("cấp xã"), or a part's id as it is."""
    short = _SHORT_LEVEL.get(sub)
    return short[0 if lang == "vi" else 1] if short else sub


def _key(v: Verdict) -> str:
    return f"{v.target}/{v.part}" if v.part else v.target


def _level_name(level: str, lang: str) -> str:
    try:
        vi, en = LEVEL_LABELS[Level(level)]
    except ValueError:
        return level
    return vi if lang == "vi" else en


def _plain(value: Fraction, lang: str) -> str:
    return fmt.number(value, lang, 0 if value.denominator == 1 else 2)


def _coverage_cell(v: Verdict) -> str:
    c = v.coverage
    if c is None:
        return ""
    text = f"{c.reported}/{c.expected}"
    return text if c.complete else f'<span class="warn">{text}</span>'


def _bar(v: Verdict, label: str, lang: str) -> charts.Bar:
    """A verdict's value against its threshold, on a scale that shows both: 0–100% for a share
    whose threshold is 10% or more, else up to a round number above the largest."""
    points = [x for x in (v.value, v.threshold, *(v.bounds or ())) if x is not None]
    top = max(points, default=Fraction(1))
    if v.percent and top <= 1 and (v.threshold or 0) >= Fraction(1, 10):
        end = Fraction(1)
    else:
        end = scale_end(top * Fraction(6, 5))
    low, high = (v.bounds if v.value is None and v.bounds is not None else (None, None))
    value = fmt.value_text(v, lang)
    colour = rd.STATUS_COLOURS[v.status][0]
    w = rd.words(lang)
    text = f"{value} · {w['threshold'].lower()} {fmt.threshold_text(v, lang)}"
    if v.value is None and v.bounds is None:
        text = f"{verdict_label(v, lang)} · {w['threshold'].lower()} {fmt.threshold_text(v, lang)}"
    return charts.Bar(label=label, hint=fmt.title(v, lang), value=rd.as_float(v.value), end=float(end),
                      colour=colour, text=text, marker=rd.as_float(v.threshold), low=rd.as_float(low),
                      high=rd.as_float(high), end_text="" if v.percent and end == 1 else _scale_text(v, end, lang))


def scale_end(x: Fraction) -> Fraction:
    """The smallest of 1, 2, 2.5, 5 times a power of ten that is at least ``x`` (> 0)."""
    if x <= 0:
        return Fraction(1)
    power = Fraction(1)
    while power > x:
        power /= 10
    while power * 10 <= x:
        power *= 10
    return next(power * m for m in (1, 2, Fraction(5, 2), 5, 10) if power * m >= x)


def _scale_text(v: Verdict, end: Fraction, lang: str) -> str:
    scaled = end * (100 if v.percent else v.per)
    decimals = next((d for d in range(7) if round(scaled, d) == scaled), 6)
    return fmt.number(scaled, lang, decimals) + ("%" if v.percent else "")


def _coverage(verdicts: Sequence[Verdict], lang: str) -> str:
    w = rd.words(lang)
    rows = []
    for v in verdicts:
        c = v.coverage
        if c is None or not c.expected or v.scope.kind is ScopeKind.UNIT:
            continue
        colour = rd.STATUS_COLOURS[Status.MET if c.complete else Status.INSUFFICIENT_DATA][0]
        share = fmt.number(Fraction(c.reported * 100, c.expected), lang, 0)
        text = f"{w['coverage_of'].format(reported=c.reported, expected=c.expected)} ({share}%)"
        rows.append(charts.Bar(label=_key(v) + (f" · {v.scope.id}" if v.scope.kind is ScopeKind.LEVEL else ""),
                               hint=fmt.title(v, lang), value=float(c.reported), end=float(c.expected),
                               colour=colour, text=text))
    if not rows:
        return ""
    more = (f'<p class="small muted">{h(w["more"].format(n=len(rows) - MAX_ROWS))}</p>'
            if len(rows) > MAX_ROWS else "")
    return (f'<section id="coverage"><h2>{h(w["coverage_chart"])}</h2><figure>'
            f'{charts.bars(w["coverage_chart"], rows[:MAX_ROWS])}{more}</figure></section>')


def _trend(periods: Sequence[str], rows: Sequence[rd.TrendRow], lang: str) -> str:
    if not rows:
        return ""
    w = rd.words(lang)
    head = "".join(f'<th class="n">{h(p)}</th>' for p in periods)
    body = []
    for r in rows:
        cells = "".join(f'<td class="n">{_point(p, lang)}</td>' for p in r.points)
        latest = r.latest
        values = [rd.as_float(p.value) if p is not None else None for p in r.points]
        colours = [rd.STATUS_COLOURS[p.status][0] if p is not None else "59636E" for p in r.points]
        marker = rd.as_float(latest.threshold) if latest is not None else None
        name = f"{r.target} · {r.sub}" if r.sub else r.target
        spark = charts.sparkline(f"{name}: {', '.join(periods)}", values, colours, marker)
        change = h(r.change.label(lang)) if r.change is not None else ""
        delta = delta_text(r.step, lang) if r.step is not None else ""
        title = f"↳ {sub_name(r.sub, lang)}" if r.sub else r.title(lang)
        body.append(f"<tr><td>{h('' if r.sub else r.target)}</td><td>{h(title)}</td>{cells}<td>{spark}</td>"
                    f'<td>{change}<br><span class="small muted">{h(delta)}</span></td></tr>')
    return (f'<section id="trend"><h2>{h(w["trend"])}</h2><table class="trend"><thead><tr><th>{h(w["id"])}</th>'
            f'<th>{h(w["target"])}</th>{head}<th>{h(w["trend"])}</th><th>{h(w["change"])}</th></tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table></section>")


def _point(v: Verdict | None, lang: str) -> str:
    if v is None:
        return '<span class="muted">—</span>'
    value = fmt.value_text(v, lang)
    return _status_badge(v.status, lang) + (f"<br>{h(value)}" if value != "—" else "")


def _diagnostics(diagnostics: Sequence[Diagnostic], lang: str, base: str) -> str:
    w = rd.words(lang)
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    title = f"{w['diagnostics']} ({errors} {w['error'].lower()}, {len(diagnostics) - errors} {w['warning'].lower()})"
    if not diagnostics:
        return f'<section id="diagnostics"><h2>{h(w["diagnostics"])}</h2><p>{h(w["none"])}</p></section>'
    rows = []
    for d in diagnostics[:MAX_ROWS]:
        severity = w["error"] if d.severity is Severity.ERROR else w["warning"]
        cls = "bad" if d.severity is Severity.ERROR else "warn"
        rows.append(f'<tr><td class="{cls}">{h(severity)}</td><td>{h(d.code)}</td>'
                    f'<td class="small">{h(_where(d, base))}</td><td>{h(d.message)}</td>'
                    f'<td class="small">{h(d.suggestion)}</td></tr>')
    more = (f'<p class="small muted">{h(w["more"].format(n=len(diagnostics) - MAX_ROWS))}</p>'
            if len(diagnostics) > MAX_ROWS else "")
    head = "".join(f"<th>{h(w[k])}</th>" for k in ("severity", "code", "where", "message", "suggestion"))
    return (f'<section id="diagnostics"><h2>{h(title)}</h2><table class="diagnostics small"><thead><tr>{head}</tr>'
            f"</thead><tbody>{''.join(rows)}</tbody></table>{more}</section>")


def _where(d: Diagnostic, base: str) -> str:
    loc = d.location
    out = rd.short_file(loc.file, base) or "<input>"
    if loc.sheet:
        out += f"[{loc.sheet}]"
    if loc.line:
        out += f":{loc.line}"
    return out + (f" · {loc.field}" if loc.field else "")
