"""Which verdict a waiver names: its target (a target of the rule pack, never a consistency
check), the part of a compound target, and its scope (the province, a level, or a unit of the
registry by id or Vietnamese name), checked against the levels the target covers.

A unit at the province level (the province's own unit, ``TINH``) names the province verdict of a
target decided on the province's own figures. A qualitative (manual) target has only a province
verdict; a compound target has no level verdicts, and is decided part by part at a unit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..diagnostics import Diagnostic, Location, did_you_mean
from ..rules.model import LEVEL_LABELS, Level, Pack, Target
from .model import Registry
from .registry import find_unit, suggest_unit, unit_index

__all__ = ["At", "Named", "ScopeResolver"]

At = Callable[..., Location]  # a waiver's location, or one of its fields': at(), at("expires")
_SCOPES = ("province", *(lv.value for lv in Level if lv is not Level.PROVINCE))


@dataclass(frozen=True)
class Named:
    """A verdict as a waiver names it: scope kind (province, level, unit), scope id ("" for the
    province), the scope's names, and the part ("" for the target itself)."""

    kind: str
    id: str
    name_vi: str
    name_en: str
    part: str


class ScopeResolver:
    def __init__(self, pack: Pack, registry: Registry) -> None:
        self.registry = registry
        self.index = unit_index(registry)
        self.targets = {t.id: t for t in pack.targets}
        self.checks = {c.id for c in pack.checks}

    def target(self, raw: str | None, at: At, diags: list[Diagnostic]) -> Target | None:
        if raw is None:
            diags.append(Diagnostic("W002", "a waiver needs `target` (a target id of the rule pack)", at()))
            return None
        wanted = raw.upper()
        if wanted in self.targets:
            return self.targets[wanted]
        if wanted in self.checks:
            diags.append(Diagnostic("W006", f"{wanted} is a consistency check: inconsistent figures are corrected by "
                                    "the unit, not waived", at("target")))
            return None
        diags.append(Diagnostic("W005", f"unknown target {raw!r}", at("target"),
                                suggestion=did_you_mean(wanted, self.targets)))
        return None

    def scope(self, t: Target, text: dict[str, str | None], at: At,
               diags: list[Diagnostic]) -> Named | None:
        """The verdict a waiver of target ``t`` names, from its ``part``, ``unit`` and ``scope`` fields."""
        part = text["part"] or ""
        parts = [p.id for p in t.all_of or []]
        if part and part not in parts:
            hint = (did_you_mean(part, parts) or f"its parts: {', '.join(parts)}") if parts else (
                "only a compound target (all_of) has parts")
            diags.append(Diagnostic("W009", f"target {t.id} has no part {part!r}", at("part"), suggestion=hint))
            return None
        unit_text, scope_text = text["unit"], text["scope"]
        if (unit_text is None) == (scope_text is None):
            diags.append(Diagnostic("W008", "a waiver names exactly one of `unit` (a unit id or name) and `scope` "
                                    "(province, department, district, commune)", at("scope" if scope_text else "")))
            return None
        levels = _levels(t, part)
        if scope_text is not None and scope_text.lower() in _SCOPES:
            word = scope_text.lower()
            if word == "province":
                return Named("province", "", "Toàn tỉnh", "Province", part)
            level = Level(word)
            if t.manual or t.all_of is not None or level not in levels:
                self._no_verdict(t, f"at the {word} level", levels, at("scope"), diags)
                return None
            vi, en = LEVEL_LABELS[level]
            return Named("level", level.value, vi, en, part)
        field = "unit" if unit_text is not None else "scope"
        named = unit_text if unit_text is not None else scope_text
        assert named is not None
        unit = find_unit(self.registry, named, self.index)
        if unit is None:
            near_scope = did_you_mean(named.lower(), _SCOPES) if field == "scope" else ""
            if near_scope:
                diags.append(Diagnostic("W008", f"unknown scope {named!r} (province, department, district, commune, "
                                        "or a unit)", at(field), suggestion=near_scope))
            else:
                diags.append(Diagnostic("W007", f"unknown unit {named!r}", at(field),
                                        suggestion=suggest_unit(self.registry, named)))
            return None
        if unit.level is Level.PROVINCE and levels == [Level.PROVINCE]:
            return Named("province", "", "Toàn tỉnh", "Province", part)  # the province's own figures
        if t.all_of is not None and not part and unit.level in levels:
            diags.append(Diagnostic("W009", f"{t.id} is a compound target: at a unit it is decided part by part",
                                    at(field),
                                    suggestion=f"name the part with `part:` ({', '.join(parts)})"))
            return None
        if t.manual or unit.level not in levels:
            self._no_verdict(t, f"for {unit.id} ({unit.level.value})", levels, at(field), diags)
            return None
        return Named("unit", unit.id, unit.name_vi, unit.name_en or unit.name_vi, part)

    def _no_verdict(self, t: Target, where: str, levels: list[Level], loc: Location,
                    diags: list[Diagnostic]) -> None:
        if t.manual:
            why = "it is a qualitative target, decided once for the province"
        elif t.all_of is not None and "level" in where:
            why = "a compound target is decided for the province and its parts by unit, not by level"
        else:
            why = f"its levels are {', '.join(lv.value for lv in levels)}"
        diags.append(Diagnostic("W009", f"target {t.id} has no verdict {where}: {why}", loc,
                                suggestion="waive the province verdict (`scope: province`) or a unit it covers"))


def _levels(t: Target, part: str) -> list[Level]:
    if t.all_of is not None:
        chosen = [p for p in t.all_of if not part or p.id == part]
        return list(dict.fromkeys(lv for p in chosen for lv in p.levels))
    return list(t.levels)
