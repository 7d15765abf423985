"""Progress of long work: reported to whoever listens, drawn only on a terminal."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from plancheck import progress
from plancheck.audit import load_rule_pack, load_unit_registry
from plancheck.cli import main
from plancheck.facts import DEFAULT_FACTS
from plancheck.facts.bulk import load_fact_table


class Recorder:
    def __init__(self) -> None:
        self.tasks: list[tuple[str, int]] = []
        self.done: list[int] = []

    def start(self, label: str, total: int) -> progress.Advance:
        self.tasks.append((label, total))
        self.done.append(0)

        def advance(n: int) -> None:
            self.done[-1] += n
        return advance

    def finish(self) -> None:
        return None


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_without_a_display_a_task_does_nothing() -> None:
    with progress.task("x", 10) as advance:
        advance(5)  # nobody listens: no error, no output


def test_reading_files_reports_every_file() -> None:
    pack, _ = load_rule_pack(None)
    registry = load_unit_registry(None)
    recorder = Recorder()
    with progress.reporting(recorder):
        load = load_fact_table([Path(DEFAULT_FACTS)], pack, registry)
    label, total = recorder.tasks[0]
    assert label == "Đọc tệp số liệu" and total == len(load.files) == recorder.done[0]


def test_the_file_loader_reports_every_file_of_a_folder() -> None:
    from plancheck.facts.load import load_facts

    pack, _ = load_rule_pack(None)
    registry = load_unit_registry(None)
    recorder = Recorder()
    with progress.reporting(recorder):
        load = load_facts([Path(DEFAULT_FACTS)], pack, registry)
    assert sum(total for _, total in recorder.tasks) == sum(recorder.done) == len(load.files)


def test_a_bar_is_drawn_on_a_terminal_once_the_work_takes_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.0)
    screen = FakeTerminal()
    with progress.on_terminal(screen), progress.task("Đọc tệp số liệu", 3) as advance:
        for _ in range(3):
            advance(1)
    assert "Đọc tệp số liệu" in screen.getvalue()


def test_nothing_is_drawn_when_the_output_is_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.0)
    piped = io.StringIO()
    with progress.on_terminal(piped), progress.task("Đọc tệp số liệu", 3) as advance:
        advance(3)
    assert piped.getvalue() == ""
    result = CliRunner().invoke(main, ["audit", "--format", "json"], catch_exceptions=False)
    assert "Đọc tệp" not in result.stderr and result.stdout.lstrip().startswith("{")
