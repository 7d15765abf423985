"""The one entry point: load_facts reads, validates and counts, and never raises on bad input."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from plancheck.facts.load import FactLoad, load_facts
from plancheck.facts.model import Registry
from plancheck.rules.model import Pack

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def load(pack: Pack, registry: Registry) -> Callable[..., FactLoad]:
    def _load(*paths: Path) -> FactLoad:
        return load_facts(list(paths), pack, registry)

    return _load


def test_counts_and_sorted_diagnostics(load: Callable[..., FactLoad]) -> None:
    result = load(FIXTURES / "submissions.yaml", FIXTURES / "communes.csv", FIXTURES / "dir")
    assert result.files == [str(FIXTURES / n) for n in (
        "submissions.yaml", "communes.csv", "dir/2022/communes.csv", "dir/2022/so-tttt.yaml", "dir/a.json")]
    assert result.submissions == 6 + 3 + 4
    # submissions.yaml: 13 values read, 8 rejected; communes.csv: 5 read, 1 rejected, 1 blank;
    # dir: 4 values, one of them (SO-TTTT, no submitted_at) superseded by the dated SO-TTTT
    # submission of submissions.yaml.
    assert result.records == 13 + 5 + 4
    assert result.rejected_values == 8 + 1
    assert result.blank_values == 1
    assert result.superseded_values == 1
    assert result.accepted_values == len(result.facts) == 22 - 9 - 1 - 1
    assert result.diagnostics == sorted(result.diagnostics, key=lambda d: d.sort_key())
    assert not result.ok
    [superseded] = [d for d in result.diagnostics if d.code == "F011"]
    assert superseded.location.file == str(FIXTURES / "dir" / "2022" / "so-tttt.yaml")
    assert "no submitted_at" in superseded.message and "submissions.yaml:3" in superseded.message
    total = result.facts.get("SO-TTTT", "2022", "info_systems_total")
    assert total is not None and total.source.file == str(FIXTURES / "submissions.yaml")


def test_missing_path_is_a_diagnostic(tmp_path: Path, load: Callable[..., FactLoad]) -> None:
    result = load(tmp_path / "nope", FIXTURES / "dir" / "a.json")
    assert [(d.code, d.location.file) for d in result.diagnostics] == [("F020", str(tmp_path / "nope"))]
    assert result.accepted_values == 1 and result.files == [str(FIXTURES / "dir" / "a.json")]


def test_clean_input_is_ok(load: Callable[..., FactLoad]) -> None:
    result = load(FIXTURES / "dir")
    assert result.ok and [d.code for d in result.diagnostics] == ["F028"]  # dir/notes.txt is not read
    assert result.accepted_values == 4 and result.rejected_values == 0
