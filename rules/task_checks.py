"""Cross-reference checks of a pack's tasks that the schema alone cannot make.

``check_tasks`` needs the pack only (``rules.checks`` calls it with the pack's other checks): ids
unique across the pack, groups that exist, timelines that read, a lead that names no one twice.
``check_task_leads`` needs the unit registry too, which a pack does not name: the lead unit ids
must be the registry's (with a suggestion), and a body the registry has must be named by its id.

Codes (the rest of the R codes are in ``rules.loader`` and ``rules.checks``):

    R100  a duplicate id (a task's id is also unique against targets and checks) or group id
    R130  an unknown group, or an unknown parent of a group (with a suggestion)
    R131  a timeline that cannot be read: not '2022', '2022-2025' or 'Hàng năm' (with a suggestion)
    R132  a lead that names a unit, a level or a body twice
    R133  a lead unit that is not in the unit registry (with a suggestion)
    R134  (warning) a lead body under ``others`` that the registry has: name it by its id
    R135  (warning) a lead of every unit of a level the registry has no unit of
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic, Location, Severity, did_you_mean
from .model import Pack
from .task_model import Task, TaskGroup, Timeline, TimelineError

if TYPE_CHECKING:
    from ..facts.model import Registry

Locate = Callable[..., Location]


def check_tasks(pack: Pack, at: Locate) -> list[Diagnostic]:
    if not pack.tasks.items and not pack.tasks.groups:
        return []
    try:
        at("tasks", "items", 0)
    except (KeyError, IndexError, TypeError):
        # The loader re-checks a pack with schema errors through a locator that knows only its
        # other sections; those errors are reported, and the tasks are checked once they are fixed.
        return []
    out: list[Diagnostic] = []
    out += _unique(pack, at)
    out += _groups(pack, at)
    groups = {g.id for g in pack.tasks.groups}
    for i, task in enumerate(pack.tasks.items):
        if task.group not in groups:
            out.append(Diagnostic("R130", f"unknown task group `{task.group}`", at("tasks", "items", i, "group"),
                                  suggestion=did_you_mean(task.group, groups)))
        try:
            Timeline.parse(task.timeline)
        except TimelineError as exc:
            out.append(Diagnostic("R131", str(exc), at("tasks", "items", i, "timeline"), suggestion=exc.suggestion))
        out += _twice(task, i, at)
    return out


def check_task_leads(pack: Pack, registry: Registry, at: Locate) -> list[Diagnostic]:
    """The lead units against the unit registry the tasks are judged with."""
    from ..facts.registry import find_unit, unit_index  # the registry's own name matching

    out: list[Diagnostic] = []
    index = unit_index(registry)
    for i, task in enumerate(pack.tasks.items):
        for j, unit_id in enumerate(task.lead.units):
            if unit_id in registry:
                continue
            named = find_unit(registry, unit_id, index)
            hint = f"write its id `{named.id}`" if named else did_you_mean(unit_id, registry.ids())
            out.append(Diagnostic("R133", f"unknown lead unit `{unit_id}`: not in the unit registry",
                                  at("tasks", "items", i, "lead", "units", j), suggestion=hint))
        for j, name in enumerate(task.lead.others):
            named = find_unit(registry, name, index)
            if named is not None:
                out.append(Diagnostic("R134", f"{name!r} is a unit of the registry, not an outside body",
                                      at("tasks", "items", i, "lead", "others", j), Severity.WARNING,
                                      suggestion=f"list it under `units` as `{named.id}`"))
        for j, level in enumerate(task.lead.every):
            if not registry.at_level(level):
                out.append(Diagnostic("R135", f"the unit registry has no {level.value} unit: no one leads this part",
                                      at("tasks", "items", i, "lead", "every", j), Severity.WARNING))
    return out


def _unique(pack: Pack, at: Locate) -> Iterator[Diagnostic]:
    others = {t.id: ("targets", i) for i, t in enumerate(pack.targets)}
    others.update({c.id: ("checks", i) for i, c in enumerate(pack.checks)})
    for section, ids in (("groups", [g.id for g in pack.tasks.groups]),
                         ("items", [t.id for t in pack.tasks.items])):
        seen: dict[str, int] = {}
        for i, item_id in enumerate(ids):
            if item_id in seen:
                first = at("tasks", section, seen[item_id]).line
                yield Diagnostic("R100", f"duplicate id `{item_id}` (first at line {first})",
                                 at("tasks", section, i, "id"))
            elif section == "items" and item_id in others:
                kind, j = others[item_id]
                yield Diagnostic("R100", f"duplicate id `{item_id}`: a {kind[:-1]} has it (line {at(kind, j).line})",
                                 at("tasks", section, i, "id"))
            else:
                seen[item_id] = i


def _groups(pack: Pack, at: Locate) -> Iterator[Diagnostic]:
    index = {g.id: g for g in pack.tasks.groups}
    for i, g in enumerate(pack.tasks.groups):
        if g.parent is None:
            continue
        if g.parent not in index:
            yield Diagnostic("R130", f"unknown parent group `{g.parent}`", at("tasks", "groups", i, "parent"),
                             suggestion=did_you_mean(g.parent, index))
            continue
        seen = {g.id}
        here: TaskGroup | None = index[g.parent]
        while here is not None:
            if here.id in seen:
                yield Diagnostic("R130", f"group `{g.id}` is its own ancestor", at("tasks", "groups", i, "parent"))
                break
            seen.add(here.id)
            here = index.get(here.parent) if here.parent else None


def _twice(task: Task, i: int, at: Locate) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for field, items in (("units", task.lead.units), ("every", [lv.value for lv in task.lead.every]),
                         ("others", [" ".join(o.split()).casefold() for o in task.lead.others])):
        seen: set[str] = set()
        for j, item in enumerate(items):
            if item in seen:
                shown = getattr(task.lead, field)[j]
                out.append(Diagnostic("R132", f"the lead names {shown!r} twice",
                                      at("tasks", "items", i, "lead", field, j)))
            seen.add(item)
    return out
