"""YAML (and JSON) read with the line of every node, so errors can name ``file:line``."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .diagnostics import Diagnostic, Location


class YamlSyntaxError(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic


def read_plain(path: Path, display: str | None = None, code: str = "Y001") -> Any:
    """Parse a YAML or JSON file into plain data, fast (ruamel's C parser), without lines.
    Callers parse again with ``read_yaml`` only when they have something to locate.
    A syntax error raises ``YamlSyntaxError`` with a diagnostic of ``code``."""
    return _load(YAML(typ="safe"), path, display or str(path), code)


def read_yaml(path: Path, display: str | None = None, code: str = "Y001") -> Any:
    """Parse a YAML or JSON file into ruamel's commented nodes (which carry line numbers)."""
    return _load(YAML(typ="rt"), path, display or str(path), code)


def syntax_diagnostic(exc: YAMLError, name: str, code: str = "Y001") -> Diagnostic:
    """A YAML/JSON syntax error as a diagnostic: the problem, where it was found, and where the
    construct it breaks started ("... (while parsing a flow sequence started on line 4)")."""
    if not isinstance(exc, MarkedYAMLError):
        return Diagnostic(code, f"not valid YAML/JSON: {exc}", Location(name, 0))
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "invalid syntax"
    if exc.context and exc.problem:
        started = f" started on line {exc.context_mark.line + 1}" if exc.context_mark is not None else ""
        problem = f"{problem} ({exc.context}{started})"
    line = mark.line + 1 if mark is not None else 0
    return Diagnostic(code, f"not valid YAML/JSON: {problem}", Location(name, line))


def _load(yaml: YAML, path: Path, name: str, code: str) -> Any:
    try:
        with path.open(encoding="utf-8-sig") as fh:
            return yaml.load(fh)
    except YAMLError as exc:
        raise YamlSyntaxError(syntax_diagnostic(exc, name, code)) from exc
    except UnicodeDecodeError as exc:
        raise YamlSyntaxError(Diagnostic(code, f"cannot read: {exc}", Location(name, 0))) from exc


def to_plain(node: Any) -> Any:
    """ruamel nodes to plain dicts, lists and scalars."""
    if isinstance(node, dict):
        return {str(k): to_plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [to_plain(v) for v in node]
    if hasattr(node, "value") and type(node).__module__.startswith("ruamel"):
        return node.value  # pragma: no cover - scalar wrappers are rare with typ="rt"
    return node


def line_of(root: Any, path: Sequence[int | str]) -> int:
    """The 1-based line of the node at ``path`` (or of its nearest ancestor that has one)."""
    node = root
    line = 1
    for key in path:
        if isinstance(node, CommentedMap) and key in node:
            with contextlib.suppress(KeyError, TypeError):
                line = node.lc.key(key)[0] + 1
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
            with contextlib.suppress(KeyError, TypeError):
                line = node.lc.item(key)[0] + 1
            node = node[key]
        else:
            break
    return line
