"""A scenario's world and the command-line step: levels, files named by steps, the pack of
``plancheck spec --pack``, units that do not report, and what a command is given."""

from __future__ import annotations

from pathlib import Path

import pytest

from plancheck.features.commands import complete_args, contains, run_command
from plancheck.features.files import write_registry
from plancheck.features.world import PACK_ENV, World, default_pack_path, find_file, parse_level
from plancheck.rules import DEFAULT_PACK
from plancheck.rules.model import Level


@pytest.mark.parametrize(("text", "level"), [
    ("province", Level.PROVINCE), ("toàn tỉnh", Level.PROVINCE), ("department", Level.DEPARTMENT),
    ("sở", Level.DEPARTMENT), ("tỉnh", Level.DEPARTMENT), ("cấp tỉnh", Level.DEPARTMENT),
    ("Sở, ban, ngành", Level.DEPARTMENT), ("huyện", Level.DISTRICT), ("cấp huyện", Level.DISTRICT),
    ("district", Level.DISTRICT), ("xã", Level.COMMUNE), ("Cấp Xã", Level.COMMUNE), ("commune", Level.COMMUNE),
])
def test_levels_in_vietnamese_and_english(text: str, level: Level) -> None:
    assert parse_level(text) is level


def test_an_unknown_level_lists_the_levels() -> None:
    with pytest.raises(AssertionError, match=r"unknown level 'phường'.*commune \(xã\)"):
        parse_level("phường")


def test_files_are_found_next_to_the_feature_then_here_then_bundled(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "p.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "q.yaml").write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert find_file("p.yaml", tmp_path / "features", "rule pack") == tmp_path / "features" / "p.yaml"
    assert find_file("q.yaml", tmp_path / "features", "rule pack") == tmp_path / "q.yaml"
    assert find_file("rules/packs/dak-nong-2022.yaml", tmp_path, "rule pack").resolve() == DEFAULT_PACK.resolve()
    with pytest.raises(AssertionError, match=r"rule pack 'nope\.yaml' not found; looked for .*features/nope\.yaml"):
        find_file("nope.yaml", tmp_path / "features", "rule pack")


def test_the_bundled_pack_step_uses_the_pack_of_plancheck_spec(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    pack = tmp_path / "own.yaml"
    pack.write_text(DEFAULT_PACK.read_text("utf-8").replace("id: dak-nong-2022", "id: own-pack", 1), encoding="utf-8")
    monkeypatch.setenv(PACK_ENV, str(pack))
    world = World()
    world.use_pack(default_pack_path())
    assert world.pack is not None and world.pack.pack.id == "own-pack" and world.pack_path == pack
    broken = tmp_path / "broken.yaml"
    broken.write_text(DEFAULT_PACK.read_text("utf-8").replace('threshold: ">= 70%"', 'threshold: "> 70%"'),
                      encoding="utf-8")
    monkeypatch.setenv(PACK_ENV, str(broken))
    with pytest.raises(AssertionError, match=r"does not load:\n.*R109"):
        World().use_pack(default_pack_path())


def test_a_unit_of_another_level_is_refused() -> None:
    world = World()
    assert world.unit("Sở Thông tin và Truyền thông", "sở").id == "SO-TTTT"
    with pytest.raises(AssertionError, match=r"SO-TTTT .* is of level department \(sở, cấp tỉnh\), not commune \(xã\)"):
        world.unit("SO-TTTT", "xã")
    with pytest.raises(AssertionError, match=r"unknown unit 'SO-TTTX' \(did you mean `SO-TTTT`\?\)"):
        world.unit("SO-TTTX")


def test_a_unit_that_does_not_report_loses_its_values_and_reports_no_more() -> None:
    world = World()
    world.report("SO-TTTT", "info_systems_total", "10")
    world.report("H-CU-JUT", "info_systems_total", "10")
    world.does_not_report("Sở Thông tin và Truyền thông")
    assert [r.unit for r in world.records] == ["H-CU-JUT"]
    with pytest.raises(AssertionError, match="SO-TTTT was said not to report"):
        world.report("SO-TTTT", "info_systems_total", "10")


def test_values_of_one_unit_are_one_submission_and_units_apart() -> None:
    world = World()
    world.report("TINH", "population", "650.000")
    world.report("SO-TTTT", "info_systems_total", "10")
    world.report("TINH", "mobile_broadband_subscriptions", "455.000")
    keys = [r.submission for r in world.records]
    assert keys[0] == keys[2] != keys[1]
    facts = world.submit().facts
    assert {(f.unit, f.metric) for f in facts} == {("TINH", "population"), ("SO-TTTT", "info_systems_total"),
                                                   ("TINH", "mobile_broadband_subscriptions")}


def test_a_command_gets_the_scenario_files_unless_it_names_its_own(tmp_path: Path) -> None:
    world = World()
    assert complete_args(world, ["audit"]) == ["audit"]  # nothing stated: the command as typed
    world.report("SO-TTTT", "info_systems_total", "10")
    args = complete_args(world, ["audit", "--fail-on", "not_met"])
    assert args[:3] == ["audit", "--fail-on", "not_met"] and args[3] == "--facts"
    assert Path(args[4]).read_text("utf-8").splitlines()[1] == "SO-TTTT,2022,info_systems_total,10"
    assert complete_args(world, ["audit", "--facts", "mine/"]) == ["audit", "--facts", "mine/"]
    assert complete_args(world, ["validate"])[1].endswith("scenario.csv")
    assert complete_args(world, ["validate", "x.csv"]) == ["validate", "x.csv"]
    assert complete_args(world, ["rules", "list"]) == ["rules", "list"]  # the bundled pack: nothing to add
    world.use_pack(DEFAULT_PACK)
    assert complete_args(world, ["rules", "list"]) == ["rules", "list", "--pack", str(DEFAULT_PACK)]
    assert complete_args(world, ["rules", "check"]) == ["rules", "check"]  # no --pack option
    world.cleanup()


def test_a_command_runs_with_the_registry_of_a_units_table() -> None:
    world = World()
    table = [["id", "tên", "cấp", "thuộc"], ["TINH", "Tỉnh Thử", "toàn tỉnh", ""], ["SO-A", "Sở A", "sở", ""],
             ["H-A", "UBND huyện A", "huyện", ""], ["X-A", "UBND xã A", "xã", "H-A"]]
    world.registry_path, world.registry = write_registry(table, world.workdir(), [])
    world.report("Sở A", "info_systems_total", "4")
    world.report("SO-A", "info_systems_classified", "3")
    run = run_command(world, "plancheck audit --unit SO-A --format csv")
    assert run.exit_code == 0, run.output
    assert "--registry" in run.args and contains(run.output, "ATTT-03")
    folder = world.workdir()
    world.cleanup()
    assert not folder.exists()


def test_a_units_table_with_errors_names_the_rows() -> None:
    world = World()
    table = [["id", "tên", "cấp", "thuộc"], ["SO-A", "Sở A", "sở", ""], ["X-A", "UBND xã A", "phường", ""],
             ["X-B", "UBND xã B", "xã", "H-NONE"]]
    with pytest.raises(AssertionError, match=r"(?s)row 2: unknown level 'phường'.*row 3: U005: unit X-B: "
                                             r"unknown parent 'H-NONE'"):
        write_registry(table, world.workdir(), [])
    world.cleanup()


def test_a_command_must_be_plancheck() -> None:
    with pytest.raises(AssertionError, match="must start with 'plancheck'"):
        run_command(World(), "pytest -q")
