"""The sample generator: deterministic, generic over the pack, and wrong only where it says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from plancheck.facts import DEFAULT_FACTS
from plancheck.facts.generate import GenerationSummary, generate, main
from plancheck.facts.load import FactLoad, load_facts
from plancheck.facts.model import Registry
from plancheck.facts.registry import load_registry
from plancheck.rules import DEFAULT_PACK
from plancheck.rules.loader import load_pack
from plancheck.rules.model import Level, Pack


@pytest.fixture(scope="module")
def full_pack() -> Pack:
    pack, _ = load_pack(DEFAULT_PACK)
    assert pack is not None
    return pack


@pytest.fixture(scope="module")
def units() -> Registry:
    registry, diagnostics = load_registry()
    assert diagnostics == []
    return registry


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory, full_pack: Pack,
           units: Registry) -> tuple[Path, GenerationSummary, FactLoad]:
    out = tmp_path_factory.mktemp("sample")
    summary = generate(full_pack, units, 2022, out)
    return out, summary, load_facts([out], full_pack, units)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_seed_2022_reproduces_the_bundled_sample(sample: tuple[Path, GenerationSummary, FactLoad]) -> None:
    out, summary, _ = sample
    generated, bundled = _tree(out), _tree(DEFAULT_FACTS)
    assert sorted(generated) == sorted(bundled)
    assert [name for name in generated if generated[name] != bundled[name]] == []
    assert sorted(summary.files) == sorted(generated)


def test_another_seed_gives_other_files(tmp_path: Path, full_pack: Pack, units: Registry,
                                        sample: tuple[Path, GenerationSummary, FactLoad]) -> None:
    generate(full_pack, units, 7, tmp_path)
    other, ours = _tree(tmp_path), _tree(sample[0])
    assert other != ours
    assert [n for n in set(other) & set(ours) if other[n] == ours[n]] == []


def test_regenerating_replaces_its_own_files_only(tmp_path: Path, full_pack: Pack, units: Registry) -> None:
    (tmp_path / "mine.txt").write_text("keep me", encoding="utf-8")
    generate(full_pack, units, 7, tmp_path)
    summary = generate(full_pack, units, 2022, tmp_path)
    assert (tmp_path / "mine.txt").read_text(encoding="utf-8") == "keep me"
    assert sorted(_tree(tmp_path)) == sorted([*summary.files, "mine.txt"])


def test_the_sample_loads_with_one_warning_and_no_error(sample: tuple[Path, GenerationSummary, FactLoad]) -> None:
    _, summary, load = sample
    assert load.ok
    assert [d.code for d in load.diagnostics] == ["F012"]
    assert load.rejected_values == load.blank_values == load.superseded_values == 0
    assert load.accepted_values == summary.values + summary.baseline_values
    assert summary.baseline_period == "2021" and summary.baseline_values > 0


def test_parts_never_above_wholes_but_the_one_deliberate_break(
        sample: tuple[Path, GenerationSummary, FactLoad], full_pack: Pack) -> None:
    _, summary, load = sample
    breaks = []
    for v in load.facts:
        for whole_id in full_pack.metric(v.metric).not_above:
            whole = load.facts.get(v.unit, v.period, whole_id)
            if whole is not None and v.value > whole.value:
                breaks.append((v.unit, v.period, v.metric, whole_id, int(v.value), int(whole.value)))
    assert summary.broken is not None
    unit, part, whole_id, part_value, whole_value = summary.broken
    assert breaks == [(unit, "2022", part, whole_id, part_value, whole_value)]
    assert set(load.facts.inconsistent) == {(unit, "2022", part), (unit, "2022", whole_id)}


def test_missing_units_and_the_omitted_figure_are_absent(
        sample: tuple[Path, GenerationSummary, FactLoad], full_pack: Pack, units: Registry) -> None:
    _, summary, load = sample
    assert 2 <= len(summary.missing_units) <= 3
    assert all(units.get(u) is not None and units.get(u).level is Level.COMMUNE  # type: ignore[union-attr]
               for u in summary.missing_units)
    submitted = load.facts.units("2022")
    assert not submitted & set(summary.missing_units)
    assert submitted == set(units.ids()) - set(summary.missing_units)
    assert summary.omitted is not None
    unit, metric = summary.omitted
    assert units.get(unit).level is Level.DEPARTMENT  # type: ignore[union-attr]
    assert load.facts.get(unit, "2022", metric) is None
    # every other unit reports every metric of its level
    for u in units:
        if u.id in summary.missing_units:
            continue
        wanted = {m.id for m in full_pack.metrics if u.level in m.levels} - ({metric} if u.id == unit else set())
        got = {k[2] for k in load.facts.values if k[0] == u.id and k[1] == "2022"}
        assert got == wanted, u.id


def test_the_generator_is_generic_over_the_pack(tmp_path: Path, pack: Pack, units: Registry) -> None:
    """The small pack of the facts tests: other metrics, other kinds, one target."""
    summary = generate(pack, units, 11, tmp_path)
    load = load_facts([tmp_path], pack, units)
    assert load.ok, [str(d) for d in load.diagnostics]
    assert summary.baseline_period is None
    assert load.accepted_values == summary.values > 0


def test_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--seed", "5", "--out", str(tmp_path / "out")]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("seed 5, period 2022:")
    assert "missing units:" in printed and "constraint broken:" in printed
    assert (tmp_path / "out" / "README.md").is_file()


def test_the_bundled_audit_shows_every_kind_of_verdict() -> None:
    from plancheck.audit import run_audit
    from plancheck.engine.verdicts import Status

    result = run_audit()
    statuses = {v.status for v in result.select("province")}
    assert {Status.MET, Status.NOT_MET, Status.INSUFFICIENT_DATA, Status.MANUAL,
            Status.INCONSISTENT_DATA} <= statuses
    assert not result.invalid_input
