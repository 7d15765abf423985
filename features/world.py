"""One scenario's world: the rule pack and unit registry it uses, what its units report, and the
results of its audit or command-line run. The steps in ``steps.py`` read and change it.

The rule pack is the bundled one unless a step names another; ``PLANCHECK_SPEC_PACK`` (and
``PLANCHECK_SPEC_REGISTRY`` for the unit registry) replace the bundled one, which is how
``plancheck spec --pack`` runs the same features against a rule author's own pack. A relative
path in a step is looked for next to the feature file, then in the current directory, then among
plancheck's bundled files (``rules/packs/dak-nong-2022.yaml``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic, Location, Severity, did_you_mean, has_errors
from ..engine.evaluate import Evaluation, evaluate
from ..engine.verdicts import ScopeKind, Verdict
from ..facts import DEFAULT_REGISTRY
from ..facts.loaders import RawRecord, SubmissionKey
from ..facts.model import Registry, Unit
from ..facts.registry import find_unit, load_registry, suggest_unit
from ..facts.validate import Validation, validate_records
from ..rules import DEFAULT_PACK
from ..rules.loader import load_pack
from ..rules.model import Level, Pack

if TYPE_CHECKING:
    from .commands import CommandRun

PACK_ENV = "PLANCHECK_SPEC_PACK"
REGISTRY_ENV = "PLANCHECK_SPEC_REGISTRY"
_PACKAGE_ROOT = Path(__file__).resolve().parents[1]

# How a step may name a level. The plan's "cấp tỉnh" is the provincial departments (sở, ban,
# ngành), as the pack's own labels say; the province itself is "toàn tỉnh".
_LEVEL_WORDS: dict[str, Level] = {
    "province": Level.PROVINCE, "toàn tỉnh": Level.PROVINCE, "toan tinh": Level.PROVINCE,
    "department": Level.DEPARTMENT, "tỉnh": Level.DEPARTMENT, "tinh": Level.DEPARTMENT, "sở": Level.DEPARTMENT,
    "so": Level.DEPARTMENT, "sở, ban, ngành": Level.DEPARTMENT, "sở ban ngành": Level.DEPARTMENT,
    "district": Level.DISTRICT, "huyện": Level.DISTRICT, "huyen": Level.DISTRICT,
    "commune": Level.COMMUNE, "xã": Level.COMMUNE, "xa": Level.COMMUNE,
}
LEVEL_NAMES_VI: dict[Level, str] = {Level.PROVINCE: "toàn tỉnh", Level.DEPARTMENT: "sở, cấp tỉnh",
                                    Level.DISTRICT: "huyện", Level.COMMUNE: "xã"}


def parse_level(text: str) -> Level:
    word = " ".join(unicodedata.normalize("NFC", text).casefold().split()).removeprefix("cấp ")
    if word in _LEVEL_WORDS:
        return _LEVEL_WORDS[word]
    raise AssertionError(f"unknown level {text!r}: write one of province (toàn tỉnh), department (tỉnh, sở), "
                         "district (huyện), commune (xã)")


def level_text(level: Level) -> str:
    return f"{level.value} ({LEVEL_NAMES_VI[level]})"


def find_file(text: str, feature_dir: Path | None, what: str) -> Path:
    """A path a step names: absolute, or next to the feature file, in the current directory, or bundled."""
    path = Path(text)
    if path.is_absolute():
        candidates = [path]
    else:
        candidates = [d / path for d in (feature_dir, Path.cwd(), _PACKAGE_ROOT) if d is not None]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise AssertionError(f"{what} {text!r} not found; looked for " + ", ".join(str(c) for c in candidates))


@lru_cache(maxsize=16)
def _read_pack(path: Path, mtime: int) -> tuple[Pack | None, tuple[Diagnostic, ...]]:
    pack, diags = load_pack(path, str(path))
    return pack, tuple(diags)


@lru_cache(maxsize=16)
def _read_registry(path: Path, mtime: int) -> tuple[Registry, tuple[Diagnostic, ...]]:
    registry, diags = load_registry(path)
    return registry, tuple(diags)


def read_pack(path: Path) -> Pack:
    """A rule pack (loaded once per file and version: packs are immutable), or an error listing its diagnostics."""
    pack, diags = _read_pack(path, path.stat().st_mtime_ns if path.exists() else 0)
    if pack is None or has_errors(diags):
        raise AssertionError(f"rule pack {path} does not load:\n" + "\n".join(str(d) for d in diags))
    return pack


def read_registry(path: Path) -> Registry:
    registry, diags = _read_registry(path, path.stat().st_mtime_ns if path.exists() else 0)
    if has_errors(diags):
        raise AssertionError(f"unit registry {path} does not load:\n" + "\n".join(str(d) for d in diags))
    return registry


def default_pack_path() -> Path | None:
    """The pack of ``plancheck spec --pack`` (``PLANCHECK_SPEC_PACK``), or None for the bundled one."""
    given = os.environ.get(PACK_ENV)
    return Path(given) if given else None


def default_registry_path() -> Path | None:
    given = os.environ.get(REGISTRY_ENV)
    return Path(given) if given else None


@dataclass
class World:
    pack: Pack | None = None
    pack_path: Path | None = None  # None: the bundled pack
    registry: Registry | None = None
    registry_path: Path | None = None  # None: the bundled registry
    records: list[RawRecord] = field(default_factory=list)
    silent: set[str] = field(default_factory=set)  # the ids of units said not to report
    stated: bool = False  # a step stated what units report (or that one does not)
    validation: Validation | None = None
    evaluation: Evaluation | None = None
    command: CommandRun | None = None  # the last `plancheck` command a step ran
    feature_file: Path | None = None
    language: str = "vi"
    step_line: int = 0  # the line of the step running, in the feature file
    row_lines: list[int] = field(default_factory=list)  # the lines of its data table's rows
    _workdir: Path | None = None

    # --- pack and registry ---------------------------------------------------------------------

    @property
    def feature_dir(self) -> Path | None:
        return self.feature_file.parent if self.feature_file is not None else None

    def use_pack(self, path: Path | None) -> None:
        self.pack_path = path
        self.pack = read_pack(path or DEFAULT_PACK)

    def use_registry(self, path: Path | None) -> None:
        self.registry_path = path
        self.registry = read_registry(path or DEFAULT_REGISTRY)

    def ensure_loaded(self) -> tuple[Pack, Registry]:
        if self.pack is None:
            self.use_pack(default_pack_path())
        if self.registry is None:
            self.use_registry(default_registry_path())
        assert self.pack is not None and self.registry is not None
        return self.pack, self.registry

    def workdir(self) -> Path:
        """A temporary folder of this scenario (removed after it): submissions and registries written out."""
        if self._workdir is None:
            self._workdir = Path(tempfile.mkdtemp(prefix="plancheck-spec-"))
        return self._workdir

    def cleanup(self) -> None:
        if self._workdir is not None:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None

    # --- units ----------------------------------------------------------------------------------

    def unit(self, text: str, level: str | None = None) -> Unit:
        """A unit by id or Vietnamese name; with a level, it must be of that level."""
        _, registry = self.ensure_loaded()
        found = find_unit(registry, text)
        if found is None:
            hint = suggest_unit(registry, text)
            raise AssertionError(f"unknown unit {text!r}" + (f" ({hint})" if hint else ""))
        if level is not None:
            wanted = parse_level(level)
            if found.level is not wanted:
                raise AssertionError(f"unit {found.id} ({found.name_vi}) is of level {level_text(found.level)}, "
                                     f"not {level_text(wanted)}")
        return found

    def where(self, row: int | None = None) -> Location:
        """The feature file and line of the step (or of its table's row) that states a value."""
        line = self.step_line
        if row is not None and row < len(self.row_lines):
            line = self.row_lines[row]
        if self.feature_file is None or not line:
            return Location("scenario", len(self.records) + 1)
        return Location(str(self.feature_file), line)

    def report(self, unit: str, metric: str, value: str, period: str | None = None, row: int | None = None) -> None:
        pack, registry = self.ensure_loaded()
        found = find_unit(registry, unit)
        if found is not None and found.id in self.silent:
            raise AssertionError(f"unit {found.id} was said not to report in this scenario")
        here = self.where(row)
        at = Location(here.file, here.line, metric)
        self.stated = True
        period = period or pack.pack.period
        self.records.append(RawRecord(
            unit=unit, period=period, metric=metric, value=value, text=value, location=at,
            submission=self._submission(unit, period, here), unit_location=Location(here.file, here.line, "unit"),
            period_location=Location(here.file, here.line, "period")))

    def _submission(self, unit: str, period: str, here: Location) -> SubmissionKey:
        """One submission per unit and period, as the rows of a CSV file are: a unit named by its
        id in one step and by its name in another is one submission (validation joins them)."""
        for r in self.records:
            if r.unit.strip() == unit.strip() and r.period == period:
                return r.submission
        index = len({r.submission for r in self.records})
        return SubmissionKey(here.file or "scenario", index, here.line, rows=True)

    def does_not_report(self, text: str) -> None:
        unit = self.unit(text)
        _, registry = self.ensure_loaded()
        self.records = [r for r in self.records if getattr(find_unit(registry, r.unit), "id", r.unit) != unit.id]
        self.silent.add(unit.id)
        self.stated = True

    # --- audit ----------------------------------------------------------------------------------

    def submit(self) -> Validation:
        pack, registry = self.ensure_loaded()
        self.validation = validate_records(self.records, pack, registry)
        return self.validation

    def errors(self) -> list[Diagnostic]:
        assert self.validation is not None
        return [d for d in self.validation.diagnostics if d.severity is Severity.ERROR]

    def audit(self, period: str | None = None, unit: str | None = None) -> None:
        pack, registry = self.ensure_loaded()
        assert self.validation is not None
        focus = self.unit(unit).id if unit is not None else None
        self.evaluation = evaluate(pack, self.validation.facts, registry, period=period, focus_unit=focus)

    # --- verdicts -------------------------------------------------------------------------------

    def _verdicts(self, target: str) -> list[Verdict]:
        assert self.evaluation is not None, ("the audit has not run: add a step 'Khi chạy kiểm tra' "
                                             "(When the audit runs) before this one")
        pack, _ = self.ensure_loaded()
        ids = [t.id for t in pack.targets]
        if target not in ids:
            raise AssertionError(f"unknown target {target!r}" + (f" ({did_you_mean(target, ids)})"
                                                                 if did_you_mean(target, ids) else ""))
        return [v for v in self.evaluation.verdicts if v.target == target]

    def province(self, target: str) -> Verdict:
        for v in self._verdicts(target):
            if v.scope.kind is ScopeKind.PROVINCE and not v.part:
                return v
        raise AssertionError(f"no province verdict for target {target}")

    def at_level(self, target: str, level: str) -> Verdict:
        wanted = parse_level(level)
        mine = [v for v in self._verdicts(target) if v.scope.kind is ScopeKind.LEVEL and not v.part]
        for v in mine:
            if v.scope.id == wanted.value:
                return v
        have = ", ".join(level_text(Level(v.scope.id)) for v in mine) or "none: it is decided for the province only"
        raise AssertionError(f"target {target} has no verdict at level {level_text(wanted)}; its levels: {have}")

    def for_unit(self, target: str, text: str) -> Verdict:
        """A unit's verdict; for the province's own unit (TINH), the province verdict of a target it
        reports; for a compound target, the part the unit reports."""
        unit = self.unit(text)
        mine = [v for v in self._verdicts(target) if v.scope.id == unit.id]
        for kind, whole in ((ScopeKind.UNIT, True), (ScopeKind.PROVINCE, True), (ScopeKind.UNIT, False)):
            for v in mine:
                if v.scope.kind is kind and (not v.part or not whole):
                    return v
        raise AssertionError(f"target {target} has no verdict for unit {unit.id} ({unit.name_vi}, "
                             f"{level_text(unit.level)}): it does not apply to that level, or the unit is not "
                             "among its units")

    def describe(self) -> str:
        """What is wrong with the submitted values, one line each (for failure messages)."""
        return "\n".join(f"  {d}" for d in self.errors())

