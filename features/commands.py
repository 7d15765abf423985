"""A ``plancheck`` command run from a scenario, in-process (click's ``CliRunner``).

The scenario's submissions are written to a CSV file in a temporary folder and given to the command as
``--facts`` (to ``validate`` as its path) unless the command names its own; likewise the
scenario's rule pack (``--pack``) and unit registry (``--registry``) when they are not the bundled
ones. Without any submission step, the command runs as typed (on the bundled sample submissions
for ``audit``). The output read by the Then-steps is standard output and standard error together,
as a terminal shows them, 200 columns wide and without colours.
"""

from __future__ import annotations

import shlex
import traceback
from dataclasses import dataclass

import click
from click.testing import CliRunner

from .files import write_submissions
from .world import World


@dataclass(frozen=True)
class CommandRun:
    command: str
    args: tuple[str, ...]
    exit_code: int
    output: str


def _command(args: list[str]) -> click.Command | None:
    """The click command the arguments name (``rules check`` walks into the group), or None."""
    from ..cli import main

    cmd: click.Command = main
    for word in args:
        if not isinstance(cmd, click.Group) or word.startswith("-"):
            break
        found = cmd.commands.get(word)
        if found is None:
            return None
        cmd = found
    return None if isinstance(cmd, click.Group) else cmd


def _given(cmd: click.Command, args: list[str]) -> dict[str, object]:
    """The parameters the arguments give the command (nothing runs: resilient parsing)."""
    words = args[args.index(cmd.name) + 1:] if cmd.name in args else []
    try:
        with cmd.make_context(cmd.name, words, resilient_parsing=True) as ctx:
            return dict(ctx.params)
    except click.ClickException:
        return {}  # a usage error: the command itself will say so


def complete_args(world: World, args: list[str]) -> list[str]:
    """The arguments with the scenario's submissions, pack and registry added where the command
    takes them and does not name its own."""
    cmd = _command(args)
    if cmd is None:
        return args
    params = _given(cmd, args)
    out = list(args)
    if world.stated:
        csv_file = write_submissions(world.records, world.workdir() / "submissions")
        if "fact_paths" in params and not params["fact_paths"]:
            out += ["--facts", str(csv_file)]
        elif cmd.name == "validate" and not params.get("paths"):
            out.append(str(csv_file))
    if world.pack is not None and world.pack_path is not None and "pack_path" in params \
            and params["pack_path"] is None:
        out += ["--pack", str(world.pack_path)]
    if world.registry is not None and world.registry_path is not None and "registry_path" in params \
            and params["registry_path"] is None:
        out += ["--registry", str(world.registry_path)]
    return out


def run_command(world: World, command: str) -> CommandRun:
    """Run ``plancheck …`` as typed; a crash of plancheck (not an exit code) fails the step."""
    from ..cli import main

    try:
        words = shlex.split(command)
    except ValueError as exc:
        raise AssertionError(f"cannot read the command {command!r}: {exc}") from exc
    if not words or words[0] != "plancheck":
        raise AssertionError(f"the command must start with 'plancheck': {command!r}")
    if world.stated or world.pack_path is not None or world.registry_path is not None:
        world.ensure_loaded()
    args = complete_args(world, words[1:])
    runner = CliRunner(env={"COLUMNS": "200", "NO_COLOR": "1", "FORCE_COLOR": None, "TERM": "dumb"})
    result = runner.invoke(main, args, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        trace = "".join(traceback.format_exception(result.exception))
        raise AssertionError(f"plancheck {shlex.join(args)} crashed:\n{trace}")
    return CommandRun(command, tuple(args), result.exit_code, result.output)


def contains(output: str, text: str) -> bool:
    """Whether the output holds ``text``, spaces and line breaks compared loosely."""
    return " ".join(text.split()) in " ".join(output.split())


def show(run: CommandRun, lines: int = 12) -> str:
    """The command and the end of its output (where the summary and the errors are), for a failure message."""
    printed = [line.rstrip() for line in run.output.rstrip().splitlines()]
    tail = printed[-lines:]
    skipped = f"[… {len(printed) - lines} lines before …]\n" if len(printed) > lines else ""
    return f"plancheck {shlex.join(run.args)} (exit code {run.exit_code}) printed:\n{skipped}" + "\n".join(tail)
