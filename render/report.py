"""A report file of an audit (``plancheck report``): HTML (one self-contained page), Excel, Markdown
or JUnit XML, for the verdicts of one view (``AuditResult.select``), in Vietnamese or English, with
the trend across periods when earlier audits are given (HTML, Excel and Markdown)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..audit import AuditResult

FORMATS = ("html", "xlsx", "md", "junit")


def write_report(result: AuditResult, fmt: str, path: Path, lang: str = "vi",
                 history: Sequence[AuditResult] | None = None, scope: str = "province") -> int:
    """Write the report in ``fmt`` (one of ``FORMATS``) to ``path`` and return its size in bytes.

    ``history``: audits of other periods of the same plan, for the trend (one per period; the
    result's own period is the result). ``scope``: the view (``province``, ``level``, ``unit``; an
    audit with a focus unit shows that unit's)."""
    verdicts = result.select(scope)
    if fmt == "xlsx":
        from .xlsx_report import write_xlsx

        write_xlsx(result, verdicts, lang, path, history)
        return path.stat().st_size
    if fmt == "html":
        from .html_report import render_html

        text = render_html(result, verdicts, lang, history)
    elif fmt == "md":
        from .md_report import render_report_markdown

        text = render_report_markdown(result, verdicts, lang, history)
    elif fmt == "junit":
        from .junit_report import render_audit_junit

        text = render_audit_junit(result, verdicts, lang)
    else:
        raise ValueError(f"unknown report format {fmt!r} (expected one of {', '.join(FORMATS)})")
    data = text.encode("utf-8")
    path.write_bytes(data)
    return len(data)
