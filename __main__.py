"""``python -m plancheck``: the same as the ``plancheck`` command."""

from .cli import main

main()
