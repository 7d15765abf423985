"""Shared setup of the engine tests.

The builders shared by the engine tests live in ``engine_builders.py`` (packs, registries and fact
sets from plain data; verdicts by key; the engine-versus-reference check) and the reference
evaluator in ``reference.py``, both next to this file. The suite runs in importlib mode, where a
test module cannot import its siblings, so this conftest puts the directory on ``sys.path``.
"""

from __future__ import annotations

import sys
from pathlib import Path

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
