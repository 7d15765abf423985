"""Every exit code of the ``plancheck`` command, in one place.

0  OK: the command ran and nothing reached the ``--fail-on`` status.
1  FAILED: the command ran and at least one verdict is at or above ``--fail-on``
   (or, for ``rules check``/``validate``, nothing is wrong but warnings were asked to fail).
2  INVALID: invalid input (a rule pack or a submission with errors) or wrong usage.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FAILED = 1
    INVALID = 2
