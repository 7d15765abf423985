"""The one entry point for facts: read the files, validate the records, count what happened.

``load_facts`` never raises on bad input: a missing path, an unreadable file or a wrong value
is a diagnostic, and every value that passes is in ``FactLoad.facts``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, has_errors, sorted_diagnostics
from ..rules.model import Pack
from .loaders import read_paths
from .model import FactSet, Registry
from .validate import validate_records

__all__ = ["FactLoad", "load_facts"]


@dataclass
class FactLoad:
    facts: FactSet
    diagnostics: list[Diagnostic]
    files: list[str]
    submissions: int  # submissions read (including those with errors; CSV rows of one resolved unit are one)
    accepted_values: int  # values in ``facts``
    rejected_values: int  # values dropped for an error
    superseded_values: int = 0  # valid values of a submission a later one replaced
    blank_values: int = 0  # metrics named without a value (not reported, not zero)
    records: int = field(default=0)  # values read from the files

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def load_facts(paths: Sequence[Path], pack: Pack, registry: Registry) -> FactLoad:
    """Read submission files and directories and check them against ``pack`` and ``registry``."""
    read = read_paths(paths)
    checked = validate_records(read.records, pack, registry)
    return FactLoad(
        facts=checked.facts,
        diagnostics=sorted_diagnostics([*read.diagnostics, *checked.diagnostics]),
        files=read.files,
        submissions=read.submissions - checked.merged,
        accepted_values=len(checked.facts),
        rejected_values=checked.rejected,
        superseded_values=checked.superseded,
        blank_values=checked.blank,
        records=len(read.records),
    )
