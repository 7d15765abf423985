"""Load a rule pack: YAML → pydantic schema → cross-reference checks.

Every problem comes back as a ``Diagnostic`` located at ``file:line``, all of them, sorted;
a pack with errors is not returned.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..diagnostics import Diagnostic, Location, did_you_mean, has_errors, sorted_diagnostics
from ..yamlsource import YamlSyntaxError, line_of, read_plain, read_yaml, to_plain
from .checks import check_pack
from .model import Pack


def load_pack(path: Path, display: str | None = None) -> tuple[Pack | None, list[Diagnostic]]:
    name = display or str(path)
    if not path.is_file():
        return None, [Diagnostic("R000", "rule pack not found", Location(name))]
    try:
        data = read_plain(path, name)
        pack, diagnostics = _load(data, None, name)
        if diagnostics:  # something to report: parse again, keeping every node's line
            root = read_yaml(path, name)
            pack, diagnostics = _load(to_plain(root), root, name)
    except YamlSyntaxError as exc:
        return None, [exc.diagnostic]
    if has_errors(diagnostics):
        return None, sorted_diagnostics(diagnostics)
    return pack, sorted_diagnostics(diagnostics)


def target_source(path: Path, index: int) -> str:
    """The lines of the rule file that state target number ``index``, as written (comments
    inside it included), for ``plancheck rules show``."""
    root = read_yaml(path)
    lines = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    start = line_of(root, ["targets", index])
    targets = root["targets"]
    if index + 1 < len(targets):
        end = line_of(root, ["targets", index + 1]) - 1
    else:  # the last target: up to the next top-level key, or the end of the file
        later = [line_of(root, [k]) for k in root if line_of(root, [k]) > start]
        end = min(later) - 1 if later else len(lines)
    block = lines[start - 1 : end]
    while block and (not block[-1].strip() or block[-1].lstrip().startswith("#")):
        block.pop()
    return "".join(block)


def _load(data: Any, root: Any, name: str) -> tuple[Pack | None, list[Diagnostic]]:
    """Validate plain data; ``root`` (ruamel nodes) locates errors, or None on the fast path."""
    if not isinstance(data, dict):
        return None, [Diagnostic("R001", "a rule pack is a mapping with pack, areas, metrics, targets",
                                 Location(name, 1))]
    def at(*path: int | str) -> Location:
        return Location(name, line_of(root, path) if root is not None else 0)

    try:
        pack = Pack.model_validate(data)
    except ValidationError as exc:
        return None, _schema_errors(exc, root, name) + _check_the_rest(data, exc, at)
    return pack, check_pack(pack, at)


_SECTIONS = ("metrics", "areas", "targets", "checks")
_OPTIONAL = ("checks",)


def _check_the_rest(data: dict[str, Any], exc: ValidationError, at: Callable[..., Location]) -> list[Diagnostic]:
    """With schema errors in some metrics, areas, targets or checks, still check every other one, so the
    author sees all the errors at once: the broken items are left out, the rest checked where
    they stand in the file."""
    broken: dict[str, set[int]] = {s: set() for s in _SECTIONS}
    for err in exc.errors():
        loc = err["loc"]
        if len(loc) < 2 or loc[0] not in broken or not isinstance(loc[1], int):
            return []  # the pack's header or a whole section is wrong: nothing to check against
        broken[str(loc[0])].add(loc[1])
    kept: dict[str, list[int]] = {}
    repaired = dict(data)
    for section in _SECTIONS:
        items = data.get(section)
        if items is None and section in _OPTIONAL:
            kept[section] = []
            continue
        if not isinstance(items, list):
            return []
        kept[section] = [i for i in range(len(items)) if i not in broken[section]]
        repaired[section] = [items[i] for i in kept[section]]
    try:
        partial = Pack.model_validate(repaired)
    except ValidationError:
        return []
    dropped = {str(data[s][i].get("id")) for s in ("metrics", "areas") for i in broken[s]
               if isinstance(data[s][i], dict)}

    def at_original(section: str, index: int, *rest: int | str) -> Location:
        return at(section, kept[section][index], *rest)

    return [d for d in check_pack(partial, at_original)
            if not (d.code in ("R101", "R102") and any(f"`{i}`" in d.message for i in dropped))]


def _schema_errors(exc: ValidationError, root: Any, name: str) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for err in exc.errors():
        loc = [p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-"))]
        # pydantic adds the union member or validator name to the path; keep real keys only
        path = [p for p in loc if isinstance(p, int) or not str(p)[0].isupper()]
        field = ".".join(str(p) for p in path)
        line = line_of(root, path) if root is not None else 0
        suggestion = ""
        if err["type"] == "extra_forbidden" and path:
            suggestion = did_you_mean(str(path[-1]), _allowed_keys(path[:-1]))
        message = err["msg"]
        if err["type"] == "missing":
            message = "is required"
        elif err["type"] == "extra_forbidden":
            message = "is not a key of the rule language here"
        out.append(Diagnostic(_code(err["type"]), message, Location(name, line, field), suggestion=suggestion))
    return out


_CODES = {"missing": "R002", "extra_forbidden": "R003", "enum": "R004", "literal_error": "R004",
          "string_pattern_mismatch": "R005", "value_error": "R006"}


def _code(kind: str) -> str:
    return _CODES.get(kind, "R007")


def _allowed_keys(parent: list[int | str]) -> list[str]:
    """The keys the schema allows beside a misspelt one, found from the model of its parent."""
    from .check_model import Check, PartOf, Per100Of, PercentOf, SameAs, SumOf
    from .model import Area, Measure, Metric, PackInfo, Part, Rate, Ratio, Target
    from .task_model import Lead, Task, TaskGroup, TaskPlan

    top = {"pack": PackInfo, "areas": Area, "metrics": Metric, "targets": Target, "checks": Check,
           "tasks": TaskPlan}
    nested: dict[str, Any] = {"measure": Measure, "ratio": Ratio, "rate": Rate, "all_of": Part,
                              "percent_of": PercentOf, "sum_of": SumOf, "part_of": PartOf, "per_100_of": Per100Of,
                              "same_as": SameAs, "items": Task, "groups": TaskGroup, "lead": Lead}
    model: Any = Pack
    for key in parent:
        if isinstance(key, int):
            continue
        if model is Pack:
            model = top.get(str(key))
        elif key in nested:
            model = nested[str(key)]
        if model is None:
            return []
    return list(model.model_fields)
