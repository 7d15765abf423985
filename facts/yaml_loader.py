"""Reading YAML and JSON submissions (JSON is read as YAML 1.2): one submission per file, or a
list of them under ``submissions:``; every value keeps its line. Formats: see ``loaders``.

Files are composed into nodes, not loaded into Python values, so that every value keeps its
exact text, its tag and its line (an unquoted ``3.128`` must stay ``3.128``, with its line). The
nodes come from ruamel's C composer (libyaml, about seven times faster than the pure-Python
one); the pure-Python round-trip composer reads only what the C one cannot read the same way
(tabs, directives, anchors and aliases, tags, unusual line breaks) and every file with a syntax
error, so that error messages and their lines are the pure-Python parser's.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal, InvalidOperation
from typing import Final, cast

import ruamel.yaml.main
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..diagnostics import Diagnostic, Location, Severity, did_you_mean
from ..yamlsource import syntax_diagnostic
from .loaders import RawRecord, RawScalar, ReadResult, SubmissionKey

__all__ = ["read_yaml"]

_SUBMISSION_KEYS = ("unit", "period", "submitted_by", "submitted_at", "note", "values")
_VALUE_KEYS = ("value", "note")
_TAG = "tag:yaml.org,2002:"
# What libyaml reads differently from ruamel's pure-Python parser (found by comparing both on
# mutated copies of the samples): tabs (libyaml accepts some that ruamel refuses), a %YAML 1.1
# directive (libyaml keeps 1.2 typing), anchors, aliases and tags (libyaml accepts names ruamel
# refuses; a lone '!' types a value differently), and NEL, LS, PS or a BOM inside the text (lines
# are counted differently). Text holding any of them is read by the pure-Python composer.
_PURE_ONLY = re.compile(r"[\t\x85\u2028\u2029\ufeff]|(?:^|[\s,\[\]{}])[&!*%]", re.MULTILINE)
_NOT_COMPOSED: Final = object()
_C_COMPOSER = getattr(ruamel.yaml.main, "CParser", None) is not None  # ruamel.yaml.clib is installed


def read_yaml(text: str, where: str, out: ReadResult) -> None:
    """Read the submissions of one YAML or JSON text into ``out``."""
    try:
        root = _compose(text)
    except YAMLError as exc:
        out.diagnostics.append(syntax_diagnostic(exc, where, code="F021"))
        return
    if root is None:
        out.diagnostics.append(Diagnostic("F027", "empty file: no submissions", Location(where),
                                          Severity.WARNING))
        return
    items: list[Node]
    if isinstance(root, SequenceNode):
        items = list(root.value)
    elif isinstance(root, MappingNode) and _get(root, "submissions") is not None:
        subs = _get(root, "submissions")
        others = [k for k, _ in root.value if _scalar_text(k) != "submissions"]
        for k in others:
            out.diagnostics.append(Diagnostic("F026", f"unknown key {_scalar_text(k)!r} beside `submissions:`",
                                              _loc(where, k, _scalar_text(k))))
        if not isinstance(subs, SequenceNode):
            out.diagnostics.append(Diagnostic("F022", "`submissions:` must be a list", _loc(where, subs or root)))
            return
        items = list(subs.value)
    else:
        items = [root]
    for index, item in enumerate(items):
        _read_submission(item, where, index, out)


def _compose(text: str) -> Node | None:
    root = _compose_c(text)
    return _compose_pure(text) if root is _NOT_COMPOSED else cast("Node | None", root)


def _compose_c(text: str) -> object:
    """The nodes of ``text`` from ruamel's C composer, or ``_NOT_COMPOSED`` when it is not
    installed, when the text holds something it reads differently, or on a syntax error."""
    if not _C_COMPOSER or _PURE_ONLY.search(text):
        return _NOT_COMPOSED
    try:
        return YAML(typ="safe", pure=False).compose(io.StringIO(text))
    except YAMLError:
        return _NOT_COMPOSED  # parsed again by the pure-Python composer, which words the error


def _compose_pure(text: str) -> Node | None:
    return cast("Node | None", YAML(typ="rt").compose(io.StringIO(text)))


def _read_submission(node: Node, where: str, index: int, out: ReadResult) -> None:
    out.submissions += 1
    if not isinstance(node, MappingNode):
        out.diagnostics.append(Diagnostic("F022", "expected a submission (a mapping with unit, period, values)",
                                          _loc(where, node)))
        return
    head: dict[str, tuple[str, Location]] = {}
    values: Node | None = None
    for key_node, value_node in node.value:
        key = _scalar_text(key_node)
        if key not in _SUBMISSION_KEYS:
            out.diagnostics.append(Diagnostic("F026", f"unknown key {key!r} in a submission",
                                              _loc(where, key_node, key),
                                              suggestion=did_you_mean(key, _SUBMISSION_KEYS)))
        elif key == "values":
            values = value_node
        elif isinstance(value_node, ScalarNode):
            head[key] = ("" if value_node.tag == _TAG + "null" else _text(value_node),
                         _at(where, key_node, value_node, key))
        else:
            out.diagnostics.append(Diagnostic("F022", f"`{key}` must be a single value", _loc(where, value_node, key)))
    missing = [k for k in ("unit", "period") if not head.get(k, ("", None))[0].strip()]
    if values is None or (isinstance(values, ScalarNode) and values.tag == _TAG + "null"):
        missing.append("values")
    for key in missing:
        out.diagnostics.append(Diagnostic("F023", f"the submission has no `{key}`", _loc(where, node, key)))
    if missing:
        return
    assert values is not None
    if not isinstance(values, MappingNode):
        out.diagnostics.append(Diagnostic("F022", "`values:` must map metric ids to values",
                                          _loc(where, values, "values")))
        return
    if not values.value:
        out.diagnostics.append(Diagnostic("F027", "the submission has no values", _loc(where, values, "values"),
                                          Severity.WARNING))
    sub_key = SubmissionKey(where, index, node.start_mark.line + 1)
    at_text, at_loc = head.get("submitted_at", ("", Location()))
    for metric_node, value_node in values.value:
        metric = _scalar_text(metric_node)
        record = _read_value(metric, metric_node, value_node, where, out)
        if record is None:
            continue
        value, text, quoted, note, loc = record
        out.records.append(RawRecord(
            unit=head["unit"][0].strip(), period=head["period"][0].strip(), metric=metric,
            value=value, text=text, location=loc, submission=sub_key,
            unit_location=head["unit"][1], period_location=head["period"][1], note=note,
            submitted_by=head.get("submitted_by", ("", Location()))[0].strip(),
            submitted_at=at_text.strip(), submitted_at_location=at_loc, quoted=quoted,
        ))


def _read_value(metric: str, key_node: Node, node: Node, where: str,
                out: ReadResult) -> tuple[RawScalar, str, bool, str, Location] | None:
    loc = _at(where, key_node, node, metric)
    if isinstance(node, ScalarNode):
        return (*_scalar(node), "", loc)
    if not isinstance(node, MappingNode):
        out.diagnostics.append(Diagnostic("F022", "expected a value, or a mapping {value: ..., note: ...}", loc))
        return None
    value_node: Node | None = None
    value_key = node
    note = ""
    ok = True
    for k, v in node.value:
        key = _scalar_text(k)
        if key == "value":
            value_node, value_key = v, k
        elif key == "note" and isinstance(v, ScalarNode):
            note = "" if v.tag == _TAG + "null" else _text(v)
        else:
            out.diagnostics.append(Diagnostic("F026", f"unknown key {key!r} in a value mapping",
                                              _loc(where, k, metric), suggestion=did_you_mean(key, _VALUE_KEYS)))
            ok = False
    if not ok:
        return None
    if value_node is None or not isinstance(value_node, ScalarNode):
        out.diagnostics.append(Diagnostic("F022", "a value mapping needs `value:` with a single value", loc))
        return None
    return (*_scalar(value_node), note, _at(where, value_key, value_node, metric))


def _scalar(node: ScalarNode) -> tuple[RawScalar, str, bool]:
    """The value as YAML types it, the text as written, and whether it was quoted."""
    text = _text(node)
    if node.style:  # quoted or a block scalar ('' or None for a plain one, by composer)
        return text, text, True
    tag = str(node.tag)
    if tag == _TAG + "null":
        return None, text, False
    if tag == _TAG + "bool":
        return text.lower() == "true", text, False
    if tag == _TAG + "int":
        try:
            return int(text.replace("_", ""), 0 if text[:2].lower() in ("0x", "0o", "0b") else 10), text, False
        except ValueError:
            return text, text, False
    if tag == _TAG + "float":
        try:
            return Decimal(text.replace("_", "")), text, False
        except InvalidOperation:
            return text, text, False
    return text, text, False


def _get(node: MappingNode, key: str) -> Node | None:
    for k, v in node.value:
        if _scalar_text(k) == key:
            return v  # type: ignore[no-any-return]
    return None


def _scalar_text(node: Node) -> str:
    return str(node.value).strip() if isinstance(node, ScalarNode) else "<not a name>"


def _text(node: ScalarNode) -> str:
    """The scalar's text; a folded block scalar without the BEL marks that ruamel's round-trip
    scanner leaves where it folded lines (the C composer leaves none)."""
    text = str(node.value)
    return text.replace("\a", "") if node.style == ">" else text


def _loc(where: str, node: Node, field_name: str = "") -> Location:
    return Location(where, node.start_mark.line + 1, field_name)


def _at(where: str, key: Node, node: Node, field_name: str) -> Location:
    """Where a value is: its own line, or its key's when it is empty (``applications_total:``),
    since the pure-Python parser marks an empty value where the next token starts."""
    empty = isinstance(node, ScalarNode) and not node.style and node.value == ""
    return _loc(where, key if empty else node, field_name)
