"""Every exit code of the ``plancheck`` command, in one place.

0  OK: the command ran and nothing reached the ``--fail-on`` status.
1  FAILED: the command ran and at least one verdict is at or above ``--fail-on``; for ``spec``,
   a scenario failed; for ``validate --strict``, warnings were found.
2  INVALID: invalid input (a rule pack or a submission with errors) or wrong usage.
3  ENGINE: the engine refused or lost a fact (the ledger did not balance): a defect of plancheck,
   never a verdict; nothing it printed before can be relied on.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FAILED = 1
    INVALID = 2
    ENGINE = 3


def audit_exit(statuses: list[str], fail_on: str, invalid_input: bool) -> ExitCode:
    """The exit code of a run that produced verdicts.

    ``fail_on`` is a status name or ``never``; a run fails if any verdict's status is at or above
    it in the severity order of ``engine.verdicts.SEVERITY``. Invalid input wins over both.
    """
    if invalid_input:
        return ExitCode.INVALID
    if fail_on == "never":
        return ExitCode.OK
    from .engine.verdicts import Status

    bar = Status(fail_on).severity
    return ExitCode.FAILED if any(Status(s).severity >= bar for s in statuses) else ExitCode.OK
