"""A scenario's data written out as files, so that it is read the way a unit's files are: a unit
registry from a table of units, and the scenario's submissions as a CSV file for a command-line run.

A units table has the columns ``id | tên | cấp | thuộc`` (or ``id | name | level | parent``);
levels may be written in Vietnamese (tỉnh/sở, huyện, xã, toàn tỉnh). The registry is written as
YAML, one unit a line, and loaded by ``facts.registry.load_registry``: its checks are the same as
for a registry file, and an error names the row of the table.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path

from ..diagnostics import Location, Severity
from ..facts.loaders import RawRecord
from ..facts.model import Registry
from ..facts.registry import load_registry
from .world import parse_level

_COLUMNS = {"id": "id", "mã": "id", "tên": "name", "name": "name", "cấp": "level", "level": "level",
            "thuộc": "parent", "parent": "parent", "tên tiếng anh": "name_en", "name_en": "name_en"}
_FIRST_UNIT_LINE = 3  # registry:, units:, then one unit a line


def table_rows(datatable: Sequence[Sequence[str]], names: dict[str, str]) -> list[dict[str, str]]:
    """The rows of a data table as mappings, the header's words translated by ``names``."""
    header = [names.get(h.strip().casefold(), h.strip().casefold()) for h in datatable[0]]
    return [dict(zip(header, (c.strip() for c in row), strict=True)) for row in datatable[1:]]


def write_registry(datatable: Sequence[Sequence[str]], folder: Path, where: list[Location]) -> tuple[Path, Registry]:
    """A registry from a units table, written to ``folder/registry.yaml``; ``where`` locates each row
    in the feature file. An error names the row."""
    rows = table_rows(datatable, _COLUMNS)
    problems: list[str] = []
    lines = ["registry: scenario", "units:"]
    for i, row in enumerate(rows):
        unit: dict[str, str] = {}
        for key in ("id", "name", "level"):
            if not row.get(key):
                problems.append(f"{_row(where, i)}: a unit needs `{key}` (columns: id | tên | cấp | thuộc)")
        try:
            unit = {"id": row.get("id", ""), "level": parse_level(row.get("level", "")).value,
                    "name_vi": row.get("name", "")}
        except AssertionError as exc:
            problems.append(f"{_row(where, i)}: {exc}")
            unit = {"id": row.get("id", ""), "level": row.get("level", ""), "name_vi": row.get("name", "")}
        if row.get("parent"):
            unit["parent"] = row["parent"]
        if row.get("name_en"):
            unit["name_en"] = row["name_en"]
        lines.append("  - " + json.dumps(unit, ensure_ascii=False))
    path = folder / "registry.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    registry, diags = load_registry(path)
    for d in (d for d in diags if d.severity is Severity.ERROR):
        hint = f" ({d.suggestion})" if d.suggestion else ""
        problems.append(f"{_row(where, d.location.line - _FIRST_UNIT_LINE)}: {d.code}: {d.message}{hint}")
    assert not problems, "the units table is not a valid registry:\n" + "\n".join(problems)
    return path, registry


def _row(where: list[Location], i: int) -> str:
    if 0 <= i < len(where) and where[i].line:
        return f"units table, row {i + 1} ({where[i]})"
    return f"units table, row {i + 1}"


def write_submissions(records: Sequence[RawRecord], folder: Path) -> Path:
    """The scenario's submitted values as one CSV file (``unit,period,metric,value``) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "scenario.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["unit", "period", "metric", "value"])
        for r in records:
            writer.writerow([r.unit, r.period, r.metric, r.text])
    return path
