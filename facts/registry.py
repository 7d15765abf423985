"""The unit registry: which units of a province report, at which level, under which district.

The registry is a YAML file (``facts/registry/dak-nong.yaml`` is the bundled one)::

    registry: dak-nong
    name: Tỉnh Đắk Nông
    units:
      - {id: SO-TTTT, level: department, name_vi: "Sở Thông tin và Truyền thông", name_en: "..."}
      - {id: X-CU-JUT-DAK-WIL, level: commune, parent: H-CU-JUT, name_vi: "UBND xã Đắk Wil"}

A submission names its unit by id or by Vietnamese name; :func:`find_unit` accepts either,
compared case-insensitively after Unicode NFC normalization and whitespace collapsing.

Diagnostic codes (``U`` for units):

    U001  the registry file cannot be read (missing, not YAML, not the expected shape)
    U002  a unit lacks a required field, or a field has the wrong type
    U003  unknown level
    U004  duplicate unit id
    U005  unknown parent
    U006  a commune without a district parent; a parent on a unit that is not a commune
    U007  two units share a name (a submission naming it would be ambiguous)
    U008  unknown field in a unit
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, Location, did_you_mean, sorted_diagnostics
from ..rules.model import Level
from ..yamlsource import YamlSyntaxError, line_of, read_plain, read_yaml
from . import DEFAULT_REGISTRY
from .model import Registry, Unit

__all__ = ["DEFAULT_REGISTRY", "find_unit", "load_registry", "normalize_name", "suggest_unit", "unit_index"]

_FIELDS = ("id", "level", "name_vi", "name_en", "parent", "aliases")
_ID_RE = re.compile(r"^[A-Z0-9]+(-[A-Z0-9]+)*$")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def normalize_name(text: str) -> str:
    """The form names are compared in: NFC, one space between words, lower case, one apostrophe."""
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES)
    return " ".join(text.split()).casefold()


def unit_index(registry: Registry) -> dict[str, Unit]:
    """Every way a submission may name a unit (normalized), mapped to the unit.

    Ids, Vietnamese names, the name without its leading "UBND ", English names and aliases.
    A spelling that two units share is left out, so it is never resolved by chance.
    """
    seen: dict[str, Unit | None] = {}
    for unit in registry:
        for form in _forms(unit):
            key = normalize_name(form)
            if key in seen and seen[key] is not unit:
                seen[key] = None
            else:
                seen[key] = unit
    return {k: u for k, u in seen.items() if u is not None}


def find_unit(registry: Registry, text: str, index: dict[str, Unit] | None = None) -> Unit | None:
    """The unit a submission names by id or name, or None. Pass ``index`` (from
    :func:`unit_index`) when looking up many names against one registry."""
    exact = registry.get(text.strip())
    if exact is not None:
        return exact
    return (index if index is not None else unit_index(registry)).get(normalize_name(text))


def suggest_unit(registry: Registry, text: str) -> str:
    """A "did you mean" for a unit name that matched nothing, over ids and Vietnamese names."""
    display: dict[str, str] = {}
    for unit in registry:
        display.setdefault(normalize_name(unit.id), unit.id)
        display.setdefault(normalize_name(unit.name_vi), unit.name_vi)
    hint = did_you_mean(normalize_name(text), display)
    if not hint:
        return ""
    close = hint.removeprefix("did you mean `").removesuffix("`?")
    return f"did you mean `{display[close]}`?"


def _forms(unit: Unit) -> Iterable[str]:
    yield unit.id
    yield unit.name_vi
    if unit.name_vi.startswith("UBND "):
        yield unit.name_vi.removeprefix("UBND ")
    if unit.name_en:
        yield unit.name_en
    yield from unit.aliases


def load_registry(path: Path = DEFAULT_REGISTRY) -> tuple[Registry, list[Diagnostic]]:
    """Read a registry file; every unit that passes its checks is kept, every error reported.

    The file is parsed by ruamel's C parser, without lines; it is parsed again with lines (the
    pure-Python round-trip parser) only when there is something to locate, as rule packs are.
    """
    where = str(path)
    try:
        root: Any = None
        try:
            data = read_plain(path, where, code="U001")
        except YamlSyntaxError:
            # Parsed again to word and locate the error as the submissions' errors are (it raises
            # again), or to read what the C parser alone refuses.
            data = root = read_yaml(path, where, code="U001")
        registry, diags = _build(data, root, path)
        if diags and root is None:
            root = read_yaml(path, where, code="U001")
            registry, diags = _build(root, root, path)
    except YamlSyntaxError as exc:
        return Registry(name="", units=()), [exc.diagnostic]
    except OSError as exc:
        return Registry(name="", units=()), [Diagnostic("U001", f"cannot read the unit registry: {exc}",
                                                        Location(where))]
    return registry, sorted_diagnostics(diags)


def _build(data: Any, root: Any, path: Path) -> tuple[Registry, list[Diagnostic]]:
    """The registry in ``data``; ``root`` (ruamel nodes) locates problems, or is None on the fast path."""
    where = str(path)
    if not isinstance(data, dict) or not isinstance(data.get("units"), list):
        return Registry(name="", units=()), [
            Diagnostic("U001", "expected a mapping with a `units:` list", Location(where, 1))
        ]
    diags: list[Diagnostic] = []
    units = _read_units(data["units"], lambda i: line_of(root, ["units", i]) if root is not None else 0,
                        where, diags)
    units = _check_tree(units, where, diags)
    name = str(data.get("name") or data.get("registry") or path.stem)
    return Registry(name=name, units=tuple(u for u, _ in units)), diags


def _read_units(seq: list[Any], line_of_item: Callable[[int], int], where: str,
                diags: list[Diagnostic]) -> list[tuple[Unit, int]]:
    units: list[tuple[Unit, int]] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(seq):
        line = line_of_item(i)
        if not isinstance(item, dict):
            diags.append(Diagnostic("U002", "expected a unit (a mapping with id, level, name_vi)",
                                    Location(where, line)))
            continue
        unit = _read_unit(item, where, line, diags)
        if unit is None:
            continue
        if unit.id in seen:
            diags.append(Diagnostic("U004", f"duplicate unit id {unit.id!r} (first on line {seen[unit.id]})",
                                    Location(where, line, "id")))
            continue
        seen[unit.id] = line
        units.append((unit, line))
    return units


def _read_unit(item: dict[Any, Any], where: str, line: int, diags: list[Diagnostic]) -> Unit | None:
    ok = True
    for key in item:
        if key not in _FIELDS:
            diags.append(Diagnostic("U008", f"unknown field {key!r}", Location(where, line, str(key)),
                                    suggestion=did_you_mean(str(key), _FIELDS)))
    values: dict[str, str] = {}
    for key in ("id", "level", "name_vi", "name_en", "parent"):
        raw: Any = item.get(key)
        if raw is None:
            if key in ("id", "level", "name_vi"):
                diags.append(Diagnostic("U002", f"a unit needs `{key}`", Location(where, line, key)))
                ok = False
            continue
        if not isinstance(raw, str) or not raw.strip():
            diags.append(Diagnostic("U002", f"`{key}` must be text, got {raw!r}", Location(where, line, key)))
            ok = False
            continue
        values[key] = raw.strip()
    if "id" in values and not _ID_RE.match(values["id"]):
        diags.append(Diagnostic("U002", f"unit id {values['id']!r} must be ASCII upper case, digits and '-'",
                                Location(where, line, "id")))
        ok = False
    level: Level | None = None
    if "level" in values:
        try:
            level = Level(values["level"])
        except ValueError:
            diags.append(Diagnostic("U003", f"unknown level {values['level']!r}", Location(where, line, "level"),
                                    suggestion=did_you_mean(values["level"], [lv.value for lv in Level])))
            ok = False
    aliases = item.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        diags.append(Diagnostic("U002", "`aliases` must be a list of names", Location(where, line, "aliases")))
        ok = False
    if not ok or level is None:
        return None
    return Unit(id=values["id"], name_vi=values["name_vi"], level=level, parent=values.get("parent"),
                name_en=values.get("name_en", ""), aliases=tuple(str(a) for a in aliases))


def _check_tree(units: list[tuple[Unit, int]], where: str, diags: list[Diagnostic]) -> list[tuple[Unit, int]]:
    """Parents must exist and be districts; only communes have one; names must be unique."""
    by_id = {u.id: u for u, _ in units}
    kept: list[tuple[Unit, int]] = []
    for unit, line in units:
        loc = Location(where, line, "parent")
        if unit.parent is not None and unit.parent not in by_id:
            diags.append(Diagnostic("U005", f"unit {unit.id}: unknown parent {unit.parent!r}", loc,
                                    suggestion=did_you_mean(unit.parent, by_id)))
            continue
        parent = by_id.get(unit.parent) if unit.parent is not None else None
        if unit.level is Level.COMMUNE and (parent is None or parent.level is not Level.DISTRICT):
            got = "no parent" if parent is None else f"parent {parent.id}, a {parent.level.value}"
            diags.append(Diagnostic("U006", f"commune {unit.id} needs a district as its parent ({got})", loc))
            continue
        if unit.level is not Level.COMMUNE and parent is not None:
            diags.append(Diagnostic("U006", f"unit {unit.id} is a {unit.level.value}: only communes have a parent",
                                    loc))
            continue
        kept.append((unit, line))
    names: dict[str, tuple[str, int]] = {}
    for unit, line in kept:
        key = normalize_name(unit.name_vi)
        if key in names:
            other, other_line = names[key]
            diags.append(Diagnostic("U007", f"units {other} (line {other_line}) and {unit.id} share the name "
                                    f"{unit.name_vi!r}", Location(where, line, "name_vi")))
        else:
            names[key] = (unit.id, line)
    return kept
