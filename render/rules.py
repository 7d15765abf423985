"""A rule pack's targets, and its consistency checks, as tables (``plancheck rules list``)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from ..rules.model import Pack


def render_rules_list(pack: Pack, lang: str, console: Console) -> None:
    en = lang == "en"
    table = Table(title=f"{pack.pack.id}: {len(pack.targets)} {'targets' if en else 'mục tiêu'}")
    for col in ("ID", "Area" if en else "Lĩnh vực", "Shape" if en else "Dạng", "Target" if en else "Mục tiêu",
                "Clause" if en else "Căn cứ"):
        table.add_column(col)
    areas = {a.id: (a.name_en or a.name_vi) if en else a.name_vi for a in pack.areas}
    for t in pack.targets:
        table.add_row(t.id, areas.get(t.area, t.area), t.shape, t.title_en if en and t.title_en else t.title_vi,
                      t.clause)
    console.print(table)
    if pack.checks:
        from .consistency import formula

        checks = Table(title=f"{pack.pack.id}: {len(pack.checks)} "
                             f"{'consistency checks' if en else 'kiểm tra nhất quán'}")
        for col in ("ID", "Kind" if en else "Dạng", "Check" if en else "Kiểm tra", "Clause" if en else "Căn cứ"):
            checks.add_column(col)
        for c in pack.checks:
            title = c.title_en if en and c.title_en else c.title_vi
            checks.add_row(c.id, c.kind, f"{title}\n{formula(c)}", c.clause)
        console.print(checks)
