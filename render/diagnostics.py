"""Diagnostics on the terminal: ``file:line: code: field: message (suggestion)``, sorted."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from ..diagnostics import Diagnostic, Severity


def render_diagnostics(diagnostics: Sequence[Diagnostic], console: Console) -> None:
    for d in diagnostics:
        style = "red" if d.severity is Severity.ERROR else "yellow"
        console.print(Text(str(d), style=style), soft_wrap=True)
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    if diagnostics:
        console.print(Text(f"{errors} error(s), {warnings} warning(s)", style="bold"))
