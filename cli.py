"""The ``plancheck`` command line. Thin: parse options, call one function, render.

Exit codes are defined in ``exit_codes.py``: 0 OK, 1 a verdict at or above ``--fail-on``,
2 invalid input or usage.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from .exit_codes import ExitCode

if TYPE_CHECKING:
    from rich.console import Console

# The severity order of engine.verdicts.SEVERITY (kept literal so that --help imports no engine).
STATUSES = ["met", "not_applicable", "waived", "manual", "not_met", "insufficient_data", "inconsistent_data"]

_pack_option = click.option("--pack", "pack_path", type=click.Path(path_type=Path),
                            help="Rule pack (YAML). Default: the bundled Đắk Nông 2022 pack.")
_registry_option = click.option("--registry", "registry_path", type=click.Path(path_type=Path),
                                help="Unit registry (YAML). Default: the bundled Đắk Nông registry.")
_lang_option = click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True,
                            help="Language of labels and titles.")
_waivers_option = click.option("--waivers", "waiver_paths", multiple=True, type=click.Path(path_type=Path),
                               help="Waiver files (YAML) to apply: a waived verdict shows MIỄN TRỪ with its "
                                    "justification; an expired waiver no longer applies. Repeatable.")
_as_of_option = click.option("--as-of", "as_of", metavar="DATE",
                             help="The day the audit is made, for waivers and deadlines (2023-01-15 or "
                                  "15/01/2023). Default: today in Vietnam.")


def _day(text: str | None) -> date | None:
    """A date from --as-of (ISO or dd/mm/yyyy), or a usage error."""
    if text is None:
        return None
    from datetime import datetime

    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise click.BadParameter(f"{text!r} is not a date: write 2023-01-15 or 15/01/2023", param_hint="--as-of")


_db_option = click.option("--db", "db_url", envvar="PLANCHECK_DB", metavar="URL",
                          help="The fact store: a SQLite file path (default ./plancheck.db, created on first use) "
                               "or postgresql://user@host/db. Also $PLANCHECK_DB.")


_period_option = click.option("--period", help="Period to audit (2022, 2022-Q3, 2022-07). Default: the pack's period.")
_scope_option = click.option("--scope", type=click.Choice(["province", "level", "unit"]), default="province",
                             show_default=True, help="One verdict per target for the province, per level, or per unit.")
_unit_option = click.option("--unit", help="Only this unit's verdicts (id or Vietnamese name); targets of other levels "
                                           "show as not applicable.")
_facts_option = click.option("--facts", "fact_paths", multiple=True, type=click.Path(path_type=Path),
                             help="Submission files or folders (YAML, JSON, CSV, Excel .xlsx). Repeatable. "
                                  "Default: the bundled 2022 sample submissions.")


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    console = Console(stderr=stderr, highlight=False, soft_wrap=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = 140  # piped to a file or a pager: wide enough for the verdict table
    return console


@contextmanager
def _errors_exit() -> Iterator[None]:
    """Invalid input (a pack, a file, a store, an option) exits 2 with its diagnostics; an engine
    error exits 3. Nothing else is caught. Meanwhile long work shows its progress on a terminal
    (``progress``), cleared before anything is printed."""
    from . import progress
    from .diagnostics import DiagnosticsError
    from .engine.durable import EngineError

    try:
        with progress.on_terminal():
            yield
    except DiagnosticsError as exc:
        _fail_input(exc.diagnostics)
    except EngineError as exc:
        _fail_engine(exc)


def _fail_engine(exc: Exception) -> NoReturn:
    from rich.text import Text

    _console(stderr=True).print(Text(f"plancheck: engine error, no verdict can be trusted: {exc}", style="bold red"))
    sys.exit(ExitCode.ENGINE)


def _fail_input(diagnostics: list[Any]) -> NoReturn:
    from .render.diagnostics import render_diagnostics

    render_diagnostics(diagnostics, _console(stderr=True))
    sys.exit(ExitCode.INVALID)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="plancheck")
def main() -> None:
    """Check a plan's numeric targets against the figures reporting units submit.

    Exit codes: 0 nothing at or above --fail-on; 1 something is; 2 invalid input or usage;
    3 an engine error (a defect of plancheck, never a verdict).
    """


@main.command()
@_pack_option
@_facts_option
@_registry_option
@_period_option
@_scope_option
@_unit_option
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "markdown"]), default="table",
              show_default=True)
@_lang_option
@click.option("--fail-on", type=click.Choice([*STATUSES, "never"]), default="never", show_default=True,
              help="Exit 1 if any verdict is at or above this status (order: " + " < ".join(STATUSES) + ").")
@_waivers_option
@_as_of_option
@_db_option
@click.option("--engine", type=click.Choice(["auto", "per-unit", "aggregated"]), default="auto", show_default=True,
              help="per-unit: every unit's verdict, every figure cited; aggregated: province and levels from sums "
                   "(DuckDB), for national registries; auto: aggregated from 1,000 units when no unit, waiver, "
                   "--as-of or --compare needs the figures one by one.")
@click.option("--compare", "compare_period", metavar="PERIOD",
              help="Show what changed since PERIOD (new failures, recoveries, value deltas), audited on the "
                   "same facts.")
def audit(pack_path: Path | None, fact_paths: tuple[Path, ...], registry_path: Path | None, period: str | None,
          scope: str, unit: str | None, fmt: str, lang: str, fail_on: str, waiver_paths: tuple[Path, ...],
          as_of: str | None, db_url: str | None, compare_period: str | None, engine: str) -> None:
    """Audit the submitted figures against every target of the rule pack (from files, or --db)."""
    from .audit import run_audit
    from .exit_codes import audit_exit

    day = _day(as_of)
    with _errors_exit():
        if db_url and fact_paths:
            raise click.UsageError("give --facts or --db, not both")
        result = run_audit(pack_path, fact_paths, registry_path, period, unit, waiver_paths, day, db_url, engine,
                           unit_view=scope == "unit", per_figure=bool(day or compare_period))
        before = (run_audit(pack_path, fact_paths, registry_path, compare_period, unit, waiver_paths, day, db_url)
                  if compare_period else None)
    if day is not None:
        from .engine.projection import project_audit

        project_audit(result, day)  # mid-period: marks the verdicts at risk of missing, with the method
    verdicts = result.select(scope)
    if before is not None:
        from .engine.comparison import compare
        from .render.compare import render_compare, render_compare_json

        comparison = compare(result, before)
        if fmt == "json":
            click.echo(render_compare_json(comparison, result.pack.pack.id))
        else:
            render_compare(comparison, lang, _console())
        sys.exit(audit_exit([v.status.value for v in verdicts], fail_on, result.invalid_input))
    shown_scope = "unit" if unit else scope
    if fmt == "json":
        from .render.json_out import render_json

        click.echo(render_json(result, verdicts, shown_scope))
    elif fmt == "csv":
        from .render.flat import render_csv

        click.echo(render_csv(verdicts, lang), nl=False)
    elif fmt == "markdown":
        from .render.flat import render_markdown

        click.echo(render_markdown(result, verdicts, lang), nl=False)
    else:
        from .render.table import render_table

        render_table(result, verdicts, lang, _console())
    if result.diagnostics and fmt != "json":
        from .render.diagnostics import render_diagnostics

        render_diagnostics(result.diagnostics, _console(stderr=True))
    sys.exit(audit_exit([v.status.value for v in verdicts], fail_on, result.invalid_input))


@main.command()
@_pack_option
@_facts_option
@_registry_option
@_period_option
@_scope_option
@_unit_option
@click.option("--format", "fmt", type=click.Choice(["html", "xlsx", "md", "junit"]), default="html",
              show_default=True, help="html: one self-contained page; xlsx: a sheet per area and per unit; "
                                      "md: for pasting into a document; junit: one test case per verdict.")
@click.option("--output", "-o", type=click.Path(path_type=Path), help="The report file. Default: "
              "bao-cao-<period>.<html|xlsx|md|xml> in the current folder.")
@click.option("--trend", "trend_periods", multiple=True, metavar="PERIOD",
              help="An earlier period to show as a trend (repeatable): audited from the same facts or store.")
@_lang_option
@_waivers_option
@_as_of_option
@_db_option
def report(pack_path: Path | None, fact_paths: tuple[Path, ...], registry_path: Path | None, period: str | None,
           scope: str, unit: str | None, fmt: str, output: Path | None, trend_periods: tuple[str, ...], lang: str,
           waiver_paths: tuple[Path, ...], as_of: str | None, db_url: str | None) -> None:
    """Write the audit as a report to hand over: HTML, Excel, Markdown or JUnit XML."""
    from .audit import run_audit
    from .exit_codes import audit_exit
    from .render.report import write_report

    day = _day(as_of)
    with _errors_exit():
        if db_url and fact_paths:
            raise click.UsageError("give --facts or --db, not both")
        result = run_audit(pack_path, fact_paths, registry_path, period, unit, waiver_paths, day, db_url,
                           "auto", unit_view=scope == "unit", per_figure=bool(day))
        history = [run_audit(pack_path, fact_paths, registry_path, p, unit, waiver_paths, day, db_url,
                             "auto", unit_view=scope == "unit", per_figure=bool(day)) for p in trend_periods]
        path = output or Path(f"bao-cao-{result.period}.{'xml' if fmt == 'junit' else fmt}")
        size = write_report(result, fmt, path, lang, history, "unit" if unit else scope)
    click.echo(f"{path} ({size:,} bytes)")
    if result.diagnostics:
        from .render.diagnostics import render_diagnostics

        render_diagnostics(result.diagnostics, _console(stderr=True))
    sys.exit(audit_exit([], "never", result.invalid_input))


@main.command()
@click.argument("unit_or_level", metavar="UNIT_OR_LEVEL")
@_pack_option
@_registry_option
@click.option("--period", help="The period the form is for (2022, 2022-Q3, 2022-07). Default: the pack's period.")
@click.option("--format", "fmt", type=click.Choice(["xlsx", "csv", "yaml"]), default="xlsx", show_default=True)
@click.option("--output", "-o", type=click.Path(path_type=Path),
              help="The form file. Default: bieu-mau-<unit or level>-<period>.<format> in the current folder.")
def template(unit_or_level: str, pack_path: Path | None, registry_path: Path | None, period: str | None, fmt: str,
             output: Path | None) -> None:
    """Write the form a unit (an id or name), or every unit of a level, fills in: exactly its metrics."""
    from .audit import load_rule_pack, load_unit_registry
    from .facts.template import write_template

    with _errors_exit():
        pack, _ = load_rule_pack(pack_path)
        registry = load_unit_registry(registry_path)
        chosen = period or pack.pack.period
        path = output or Path(f"bieu-mau-{unit_or_level}-{chosen}.{fmt}".replace(" ", "-"))
        form = write_template(pack, registry, unit_or_level, chosen, fmt, path)
    click.echo(f"{path}: {form.who_vi}, {form.period}, {len(form.rows)} chỉ tiêu")


@main.command()
@click.argument("target_id")
@_pack_option
@_facts_option
@_registry_option
@click.option("--period", help="Period to audit. Default: the pack's period.")
@click.option("--scope", type=click.Choice(["province", "level", "unit"]), default="province", show_default=True)
@click.option("--unit", help="Explain the verdict of this unit.")
@click.option("--level", help="With --scope level: which level (department, district, commune).")
@_lang_option
def explain(target_id: str, pack_path: Path | None, fact_paths: tuple[Path, ...], registry_path: Path | None,
            period: str | None, scope: str, unit: str | None, level: str | None, lang: str) -> None:
    """Why a target's verdict is what it is: the numbers, the threshold, the gap, the units."""
    from .audit import find_rule, run_audit
    from .diagnostics import Diagnostic, Location
    from .render.explain import render_explain

    with _errors_exit():
        result = run_audit(pack_path, fact_paths, registry_path, period, unit)
        target = find_rule(result.pack, target_id)
    candidates = [v for v in result.select("unit" if unit else scope)
                  if v.target == target.id and (level is None or v.scope.id == level)]
    if not candidates:
        _fail_input([Diagnostic("O004", f"target {target.id} has no verdict at that scope", Location("--scope"))])
        return
    console = _console()
    for v in candidates:
        render_explain(result, target, v, lang, console)
        console.print()
    sys.exit(ExitCode.INVALID if result.invalid_input else ExitCode.OK)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@_pack_option
@_registry_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
def validate(paths: tuple[Path, ...], pack_path: Path | None, registry_path: Path | None, fmt: str,
             strict: bool) -> None:
    """Check submission files: every error, with file, row or line, and field."""
    from .audit import load_rule_pack, load_unit_registry
    from .diagnostics import has_errors
    from .facts import DEFAULT_FACTS
    from .facts.load import load_facts

    with _errors_exit():
        pack, _ = load_rule_pack(pack_path)
        registry = load_unit_registry(registry_path)
        load = load_facts(list(paths) or [DEFAULT_FACTS], pack, registry)
    from .render.validation import render_validation

    render_validation(load, fmt, _console())
    if has_errors(load.diagnostics):
        sys.exit(ExitCode.INVALID)
    sys.exit(ExitCode.FAILED if strict and load.diagnostics else ExitCode.OK)


@main.command()
@click.argument("target_id", required=False)
@_pack_option
@_facts_option
@_registry_option
@click.option("--period", help="Period to audit. Default: the pack's period.")
@_waivers_option
@_as_of_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_lang_option
def gap(target_id: str | None, pack_path: Path | None, fact_paths: tuple[Path, ...], registry_path: Path | None,
        period: str | None, waiver_paths: tuple[Path, ...], as_of: str | None, fmt: str, lang: str) -> None:
    """For every target not met (or TARGET_ID): how much is missing, and which units close it fastest."""
    import json

    from .audit import run_audit
    from .engine.gap_analysis import gap_analysis
    from .render.gap import gap_dict, render_gap

    with _errors_exit():
        result = run_audit(pack_path, fact_paths, registry_path, period, None, waiver_paths, _day(as_of))
        reports = gap_analysis(result, target_id)
    if fmt == "json":
        click.echo(json.dumps(gap_dict(result, reports, target_id), ensure_ascii=False, indent=2))
    else:
        render_gap(reports, lang, _console())
    sys.exit(ExitCode.INVALID if result.invalid_input else ExitCode.OK)


@main.command()
@click.argument("target_id", required=False)
@_pack_option
@_facts_option
@_registry_option
@click.option("--period", help="Period to audit. Default: the pack's period.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_lang_option
def coverage(target_id: str | None, pack_path: Path | None, fact_paths: tuple[Path, ...],
             registry_path: Path | None, period: str | None, fmt: str, lang: str) -> None:
    """Who reported and who must still report, per target and unit ("64/71 communes reported")."""
    from .audit import run_audit
    from .render.coverage import coverage_report, render_coverage, render_coverage_json

    with _errors_exit():
        result = run_audit(pack_path, fact_paths, registry_path, period)
        report = coverage_report(result, target_id)
    if fmt == "json":
        click.echo(render_coverage_json(result, report, target_id))
    else:
        render_coverage(result, report, lang, _console())
    sys.exit(ExitCode.INVALID if result.invalid_input else ExitCode.OK)


@main.command()
@_pack_option
@click.option("--status", "status_paths", multiple=True, type=click.Path(path_type=Path),
              help="Task status files or folders (YAML, CSV). Default: the bundled 2022 samples.")
@_registry_option
@_as_of_option
@click.option("--period", help="Judge one year only (e.g. 2022).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_lang_option
@click.option("--fail-on-overdue", is_flag=True, help="Exit 1 if any task is overdue.")
def tasks(pack_path: Path | None, status_paths: tuple[Path, ...], registry_path: Path | None, as_of: str | None,
          period: str | None, fmt: str, lang: str, fail_on_overdue: bool) -> None:
    """The plan's tasks (Appendix 2) by lead unit: done, on track, overdue, no report."""
    import json

    from .render.tasks import render_tasks, tasks_json
    from .tasks_report import run_tasks

    with _errors_exit():
        report = run_tasks(pack_path, status_paths, registry_path, _day(as_of), period)
    if fmt == "json":
        click.echo(json.dumps(tasks_json(report), ensure_ascii=False, indent=2))
    else:
        render_tasks(report, lang, _console())
    if report.diagnostics and fmt != "json":
        from .render.diagnostics import render_diagnostics

        render_diagnostics(report.diagnostics, _console(stderr=True))
    if report.invalid_input:
        sys.exit(ExitCode.INVALID)
    overdue = any(v.status.value.startswith("overdue") for v in report.verdicts)
    sys.exit(ExitCode.FAILED if fail_on_overdue and overdue else ExitCode.OK)


def _scaffold(pack_path: Path | None, registry_path: Path | None, target_ids: list[str] | None, lang: str,
              out_dir: Path | None) -> None:
    from typing import Literal, cast

    from .audit import find_target, load_rule_pack, load_unit_registry
    from .features.scaffold import scaffold, write_scaffold

    with _errors_exit():
        pack, _ = load_rule_pack(pack_path)
        registry = load_unit_registry(registry_path)
        ids = [find_target(pack, t).id for t in target_ids] if target_ids is not None else None
    language = cast(Literal["vi", "en"], lang)
    if out_dir is None:
        for text in scaffold(pack, registry, ids, language).values():
            click.echo(text, nl=False)
    else:
        for path in write_scaffold(out_dir, pack, registry, ids, language):
            click.echo(str(path))
    sys.exit(ExitCode.OK)


@main.group()
def db() -> None:
    """The fact store: import submissions once, keep their history, audit from it (docs/store.md)."""


@db.command("init")
@_db_option
def db_init(db_url: str | None) -> None:
    """Create the store or bring its schema up to date."""
    from .store.commands import init_store

    with _errors_exit():
        info = init_store(db_url)
    click.echo(f"{info.url}: schema version {info.version}" + (f" (applied {info.applied})" if info.applied else ""))


@db.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_db_option
@_pack_option
@_registry_option
def db_import(paths: tuple[Path, ...], db_url: str | None, pack_path: Path | None,
              registry_path: Path | None) -> None:
    """Import submission files, each atomically: a file with one bad row imports nothing."""
    from .audit import load_rule_pack, load_unit_registry
    from .diagnostics import has_errors
    from .render.store import render_import
    from .store.commands import import_files

    with _errors_exit():
        pack, _ = load_rule_pack(pack_path)
        registry = load_unit_registry(registry_path)
        result = import_files(db_url, paths, pack, registry)
    render_import(result, _console())
    sys.exit(ExitCode.INVALID if has_errors(result.all_diagnostics()) else ExitCode.OK)


@db.command("ls")
@_db_option
@click.option("--period")
@click.option("--unit")
@click.option("--current", is_flag=True, help="Only the submissions in force.")
def db_ls(db_url: str | None, period: str | None, unit: str | None, current: bool) -> None:
    """The submissions in the store."""
    from .render.store import render_submissions
    from .store.commands import list_submissions

    with _errors_exit():
        rows = list_submissions(db_url, period=period, unit=unit, current_only=current)
    render_submissions(rows, _console())


@db.command("export")
@_db_option
@click.option("--period", required=True)
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
def db_export(db_url: str | None, period: str, fmt: str) -> None:
    """The values in force for a period, as CSV submissions (re-importable) or JSON."""
    from typing import Literal, cast

    from .store.commands import export_facts

    with _errors_exit():
        text = export_facts(db_url, period, cast(Literal["csv", "json"], fmt))
    click.echo(text, nl=False)


@db.command("history")
@click.argument("unit")
@_db_option
@click.option("--period", required=True)
@click.option("--metric")
@_registry_option
def db_history(unit: str, db_url: str | None, period: str, metric: str | None, registry_path: Path | None) -> None:
    """Every submission of a unit for a period: who, when, from which file, and what changed."""
    from .audit import load_unit_registry
    from .facts.registry import find_unit
    from .render.store import render_history
    from .store.commands import history

    with _errors_exit():
        registry = load_unit_registry(registry_path)
        found = find_unit(registry, unit)
        entries = history(db_url, found.id if found is not None else unit, period, metric)
    render_history(entries, _console())


@main.group()
def rules() -> None:
    """List, show and check rule packs."""


@rules.command("list")
@_pack_option
@_lang_option
def rules_list(pack_path: Path | None, lang: str) -> None:
    """Every target of the pack: id, area, shape, title."""
    from .audit import load_rule_pack

    with _errors_exit():
        pack, _ = load_rule_pack(pack_path)
    from .render.rules import render_rules_list

    render_rules_list(pack, lang, _console())


@rules.command("show")
@click.argument("target_id")
@_pack_option
def rules_show(target_id: str, pack_path: Path | None) -> None:
    """One target as the pack states it: its lines of the rule file, as written."""
    from .audit import find_target, load_rule_pack
    from .rules import DEFAULT_PACK
    from .rules.loader import target_source

    with _errors_exit():
        pack, _ = load_rule_pack(pack_path)
        target = find_target(pack, target_id)
    click.echo(target_source(pack_path or DEFAULT_PACK, pack.targets.index(target)), nl=False)


@rules.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def rules_check(paths: tuple[Path, ...]) -> None:
    """Check rule packs: every error as file:line: code: message, sorted."""
    from .diagnostics import has_errors
    from .render.diagnostics import render_diagnostics
    from .rules import DEFAULT_PACK
    from .rules.loader import load_pack

    failed = False
    console = _console()
    for path in paths or (DEFAULT_PACK,):
        pack, diags = load_pack(path)
        render_diagnostics(diags, console)
        if pack is not None and not has_errors(diags):
            console.print(f"{path}: OK, {len(pack.targets)} targets, {len(pack.checks)} consistency checks, "
                          f"{len(pack.metrics)} metrics")
        failed = failed or has_errors(diags) or pack is None
    sys.exit(ExitCode.INVALID if failed else ExitCode.OK)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@_pack_option
@_registry_option
@click.option("--format", "fmt", type=click.Choice(["table", "junit"]), default="table", show_default=True,
              help="A table per feature, or JUnit XML (for CI of a rule pack).")
@click.option("--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the report to FILE instead of standard output (with --format junit, the table "
                   "is still printed).")
@_lang_option
@click.option("-k", "keyword", metavar="EXPR",
              help="Only the scenarios whose names (or tags) match EXPR: words joined with and/or/not.")
@click.option("--scaffold", "scaffold_ids", multiple=True, is_flag=False, flag_value="*", metavar="TARGET_ID",
              help="Instead of running specs, write boundary scenarios for this target (repeatable; "
                   "`--scaffold --all` for every target): at the threshold, one smallest step on the other "
                   "side, no data.")
@click.option("--all", "scaffold_all", is_flag=True, help="With --scaffold: for every target of the pack.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              help="With --scaffold: the folder to write feature files into (default: print them).")
def spec(paths: tuple[Path, ...], pack_path: Path | None, registry_path: Path | None, fmt: str,
         output: Path | None, lang: str, keyword: str | None, scaffold_ids: tuple[str, ...], scaffold_all: bool,
         out_dir: Path | None) -> None:
    """Run feature files (Gherkin specs, Vietnamese or English) against the rule pack.

    PATHS are feature files or folders (default: the bundled features). Exit codes: 0 every
    scenario passed; 1 a scenario failed; 2 invalid input (no feature file, a file that does not
    parse, a rule pack that does not load); 3 an engine error in a scenario. See docs/specs.md.
    """
    if scaffold_ids or scaffold_all:
        asked = [t for t in scaffold_ids if t != "*"]
        if not asked and not scaffold_all:
            raise click.UsageError("--scaffold needs a TARGET_ID, or --all")
        _scaffold(pack_path, registry_path, None if scaffold_all else asked, lang, out_dir)
        return
    from .features.runner import run_specs
    from .render.spec import render_junit, render_spec_table

    with _errors_exit():
        run = run_specs(paths, pack_path, registry_path, keyword)
    if fmt == "junit":
        xml = render_junit(run)
        if output is None:
            click.echo(xml, nl=False)
        else:
            output.write_text(xml, encoding="utf-8")
            render_spec_table(run, lang, _console())
    elif output is not None:
        from rich.console import Console

        with output.open("w", encoding="utf-8") as handle:
            render_spec_table(run, lang, Console(file=handle, width=140, no_color=True, highlight=False))
    else:
        render_spec_table(run, lang, _console())
    sys.exit(run.exit_code)
