"""Writing the sample submissions (synthetic): departments and the province in YAML, districts in JSON,
communes in one CSV per district, and the README that says what is deliberately wrong. Figures: see
``sample_values``."""

from __future__ import annotations

import csv
import io
import json
import random
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from ..rules.model import Level, MetricKind, Pack
from .model import Registry, Unit
from .numbers import format_vi
from .sample_values import Val, Values

if TYPE_CHECKING:
    from .generate import GenerationSummary

__all__ = ["FOLDERS", "clear_output", "put", "readme", "write_submissions"]

FOLDERS = {Level.PROVINCE: "province", Level.DEPARTMENT: "departments", Level.DISTRICT: "districts",
           Level.COMMUNE: "communes"}
_ROLES = {Level.PROVINCE: ("Sở Thông tin và Truyền thông (tổng hợp số liệu toàn tỉnh)",),
          Level.DEPARTMENT: ("Văn phòng Sở", "Phòng Kế hoạch - Tổng hợp", "Bộ phận Công nghệ thông tin, Văn phòng"),
          Level.DISTRICT: ("Phòng Văn hóa - Thông tin", "Văn phòng HĐND và UBND"),
          Level.COMMUNE: ("Công chức Văn hóa - Xã hội", "Công chức Văn phòng - Thống kê")}


def clear_output(out_dir: Path) -> None:
    """Remove what an earlier run wrote (its folders' data files and the README), nothing else."""
    if not out_dir.is_dir():
        return
    ours = {*FOLDERS.values()}
    for path in sorted(out_dir.rglob("*"), reverse=True):
        top = path.relative_to(out_dir).parts[0]
        if not (top in ours or top.startswith("baseline-") or path == out_dir / "README.md"):
            continue
        if path.is_file() and path.suffix in (".yaml", ".json", ".csv", ".md"):
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def put(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` as UTF-8 bytes (``\\n`` line ends on every platform), making its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


def write_submissions(pack: Pack, registry: Registry, out_dir: Path, values: Values, period: str, prefix: str,
                      rng: random.Random) -> list[str]:
    """One file per department (YAML) and district (JSON), one CSV of communes per district, the
    province in YAML; some figures in Vietnamese text ("7.123.456.789", "91,5%"), others plain."""
    files: list[str] = []
    year = int(period[:4]) + 1
    rows: dict[str, list[list[str]]] = {}
    for unit in registry:
        if unit.id not in values:
            continue
        by = rng.choice(_ROLES[unit.level])
        at = f"{year}-01-{rng.randint(3, 25):02d}T{rng.randint(7, 16):02d}:{rng.randint(0, 59):02d}"
        shown = {m: _shown(pack.metric(m).kind, v, rng) for m, v in values[unit.id].items()}
        if unit.level is Level.COMMUNE:
            rows.setdefault(unit.parent or "", []).extend(
                [unit.id, period, m, str(v), by, at, ""] for m, v in shown.items())
            continue
        if unit.level is Level.DISTRICT:
            rel = f"{prefix}{FOLDERS[unit.level]}/{unit.id}.json"
            data = {"unit": unit.name_vi, "period": period, "submitted_by": by, "submitted_at": at, "values": shown}
            text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        else:
            rel = f"{prefix}{FOLDERS[unit.level]}/{unit.id}.yaml"
            text = _yaml(unit, period, by, at, shown)
        put(out_dir / rel, text)
        files.append(rel)
    for district, lines in rows.items():
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["unit", "period", "metric", "value", "submitted_by", "submitted_at", "note"])
        writer.writerows(lines)
        rel = f"{prefix}{FOLDERS[Level.COMMUNE]}/{district}.csv"
        put(out_dir / rel, buf.getvalue())
        files.append(rel)
    return files


def _shown(kind: MetricKind, v: Val, rng: random.Random) -> int | str:
    if isinstance(v, bool):
        return "có" if v else "không"
    if isinstance(v, Decimal):
        return format_vi(Fraction(v), max(0, -int(v.as_tuple().exponent))) + ("%" if kind is MetricKind.PERCENT else "")
    if kind is MetricKind.AMOUNT_VND or (v >= 1000 and rng.random() < 0.5):
        return format_vi(Fraction(v))
    return v


def _yaml(unit: Unit, period: str, by: str, at: str, shown: dict[str, int | str]) -> str:
    def q(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)

    lines = ["# Synthetic sample data (plancheck.facts.generate), not real figures.",
             f"unit: {unit.id}  # {unit.name_vi}", f"period: {q(period)}", f"submitted_by: {q(by)}",
             f"submitted_at: {q(at)}", "values:"]
    for metric, v in shown.items():
        text = str(v) if isinstance(v, int) or v in ("có", "không") else q(v)
        if unit.level is Level.PROVINCE and isinstance(v, str) and len(v) > 7 and not v.endswith("%"):
            text = f"{{value: {text}, note: {q('số liệu sơ bộ')}}}"
        lines.append(f"  {metric}: {text}")
    return "\n".join(lines) + "\n"


def readme(s: GenerationSummary, registry: Registry) -> str:
    """The samples' README: how to regenerate them, what they hold, and what is deliberately wrong."""
    def name(uid: str) -> str:
        unit = registry.get(uid)
        return f"`{uid}` ({unit.name_vi})" if unit else f"`{uid}`"

    out = [
        "# Sample submissions (synthetic)", "",
        "Generated, not real figures. Regenerate with:", "",
        f"    python -m plancheck.facts.generate --seed {s.seed} --out facts/samples/dak-nong-{s.period}", "",
        f"Seed {s.seed}, period {s.period}: {s.units} units, {s.values} values in {len(s.files) - 1} files "
        "(departments: YAML, one per unit; districts: JSON; communes: one CSV per district, as the district "
        "collected them; the province: YAML).",
    ]
    if s.baseline_period:
        out += ["", f"`baseline-{s.baseline_period}/` holds the {s.baseline_period} figures of the targets that "
                f"must increase over {s.baseline_period}: {s.baseline_units} units, {s.baseline_values} values."]
    out += ["", "## Deliberately wrong or missing", ""]
    out += [f"- {name(u)} submitted nothing." for u in s.missing_units]
    if s.omitted:
        out.append(f"- {name(s.omitted[0])} left out `{s.omitted[1]}`.")
    if s.broken:
        unit, part, whole, pv, wv = s.broken
        out.append(f"- {name(unit)} reports `{part}` = {pv}, above `{whole}` = {wv} of which it is a part: "
                   "`plancheck validate` warns F012 and the targets using it show SỐ LIỆU MÂU THUẪN.")
    out += ["", f"Targets drawn to fall short of their threshold: {', '.join(s.meant_missed)}.",
            "Whether each is shown as not met depends on the missing figures above.", ""]
    return "\n".join(out)
