"""What ``plancheck validate`` prints: every diagnostic and a count, or the same as JSON
(``plancheck.validate/1``)."""

from __future__ import annotations

import json

import click
from rich.console import Console

from ..facts.load import FactLoad
from .diagnostics import render_diagnostics


def validation_dict(load: FactLoad) -> dict[str, object]:
    return {"schema": "plancheck.validate/1", "files": load.files, "submissions": load.submissions,
            "values_accepted": load.accepted_values, "values_rejected": load.rejected_values,
            "diagnostics": [d.as_dict() for d in load.diagnostics]}


def render_validation(load: FactLoad, fmt: str, console: Console) -> None:
    if fmt == "json":
        click.echo(json.dumps(validation_dict(load), ensure_ascii=False, indent=2))
        return
    render_diagnostics(load.diagnostics, console)
    console.print(f"{len(load.files)} file(s), {load.submissions} submission(s), "
                  f"{load.accepted_values} value(s) accepted, {load.rejected_values} rejected")
