"""``plancheck spec`` results: a rich table per feature and a summary line, or JUnit XML for CI."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..features.runner import ScenarioResult, SpecRun

_STYLES = {"passed": "bold green", "failed": "bold red", "skipped": "bold yellow"}
_LABELS = {
    "vi": {"passed": "QUA", "failed": "KHÔNG QUA", "skipped": "BỎ QUA"},
    "en": {"passed": "passed", "failed": "failed", "skipped": "skipped"},
}
_HEAD = {
    "vi": ("Kịch bản", "Kết quả", "Bước không qua", "Thông báo"),
    "en": ("Scenario", "Result", "Failing step", "Message"),
}
_WORDS = {
    "vi": {"pack": "Bộ quy tắc", "registry": "sổ đơn vị", "features": "tính năng", "scenarios": "kịch bản"},
    "en": {"pack": "Rule pack", "registry": "unit registry", "features": "features", "scenarios": "scenarios"},
}


def scenario_title(r: ScenarioResult) -> str:
    return f"{r.scenario} [{r.example}]" if r.example else r.scenario


def render_spec_table(run: SpecRun, lang: str, console: Console) -> None:
    head, labels, words = _HEAD[lang], _LABELS[lang], _WORDS[lang]
    line = f"{words['pack']}: {run.pack}"
    if run.registry:
        line += f" · {words['registry']}: {run.registry}"
    console.print(Text(line, style="dim"))
    for feature, rows in run.by_feature():
        title = Text(feature.name or feature.shown, style="bold underline")
        title.append(f"  {feature.shown}", style="dim")
        detailed = any(r.step or r.message for r in rows)
        table = Table(title=title, title_justify="left", expand=True)
        table.add_column(head[0], ratio=3, min_width=24)
        table.add_column(head[1], no_wrap=True)
        if detailed:
            table.add_column(head[2], ratio=3, min_width=20)
            table.add_column(head[3], ratio=4, min_width=24)
        for r in rows:
            cells: list[str | Text] = [Text(scenario_title(r)), Text(labels[r.outcome], style=_STYLES[r.outcome])]
            if detailed:
                step = Text(f"{r.step_line}: ", style="dim") + Text(r.step) if r.step else Text("")
                cells += [step, Text(r.message, style="red" if r.outcome == "failed" else "dim")]
            table.add_row(*cells)
        console.print(table)
    console.print(summary_line(run, lang))


def summary_line(run: SpecRun, lang: str) -> Text:
    labels, words = _LABELS[lang], _WORDS[lang]
    text = Text()
    text.append(f"{len(run.by_feature())} {words['features']}, {len(run.results)} {words['scenarios']}: ",
                style="bold")
    parts = [(f"{run.count(o)} {labels[o]}", _STYLES[o]) for o in ("passed", "failed", "skipped")
             if run.count(o) or o != "skipped"]
    for i, (label, style) in enumerate(parts):
        if i:
            text.append(", ")
        text.append(label, style=style)
    seconds = f"{run.seconds:.2f}".replace(".", "," if lang == "vi" else ".")
    text.append(f" · {seconds} s", style="dim")
    return text


def render_junit(run: SpecRun) -> str:
    """JUnit XML: a test suite per feature, a test case per scenario (an outline: per example)."""
    suites = ET.Element("testsuites", name="plancheck spec", tests=str(len(run.results)),
                        failures=str(run.count("failed")), skipped=str(run.count("skipped")),
                        time=f"{run.seconds:.3f}")
    for feature, rows in run.by_feature():
        suite = ET.SubElement(suites, "testsuite", name=feature.name or feature.shown, file=feature.shown,
                              tests=str(len(rows)), failures=str(sum(r.outcome == "failed" for r in rows)),
                              skipped=str(sum(r.outcome == "skipped" for r in rows)),
                              time=f"{sum(r.seconds for r in rows):.3f}")
        for r in rows:
            case = ET.SubElement(suite, "testcase", classname=feature.name or feature.shown,
                                 name=scenario_title(r), file=feature.shown, line=str(r.line),
                                 time=f"{r.seconds:.3f}")
            if r.outcome == "failed":
                first = r.message.splitlines()[0] if r.message else ""
                failure = ET.SubElement(case, "failure", message=f"{r.step}: {first}" if r.step else first,
                                        type=r.error_type or "failure")
                failure.text = f"{feature.shown}:{r.step_line} {r.step}\n{r.message}"
            elif r.outcome == "skipped":
                ET.SubElement(case, "skipped", message=r.message)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
