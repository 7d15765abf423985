"""Reading YAML and JSON submissions (JSON is read as YAML 1.2): one submission per file, or a
list of them under ``submissions:``; every value keeps its line. Formats: see ``loaders``."""

from __future__ import annotations

import io
from decimal import Decimal, InvalidOperation

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..diagnostics import Diagnostic, Location, Severity, did_you_mean
from .loaders import RawRecord, RawScalar, ReadResult, SubmissionKey

__all__ = ["read_yaml"]

_SUBMISSION_KEYS = ("unit", "period", "submitted_by", "submitted_at", "note", "values")
_VALUE_KEYS = ("value", "note")
_TAG = "tag:yaml.org,2002:"


def read_yaml(text: str, where: str, out: ReadResult) -> None:
    """Read the submissions of one YAML or JSON text into ``out``."""
    try:
        root = YAML(typ="rt").compose(io.StringIO(text))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid syntax"
        if exc.context and exc.problem:
            started = f" started on line {exc.context_mark.line + 1}" if exc.context_mark is not None else ""
            problem = f"{problem} ({exc.context}{started})"
        line = mark.line + 1 if mark is not None else 0
        out.diagnostics.append(Diagnostic("F021", f"not valid YAML/JSON: {problem}", Location(where, line)))
        return
    except YAMLError as exc:
        out.diagnostics.append(Diagnostic("F021", f"not valid YAML/JSON: {exc}", Location(where)))
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
            head[key] = ("" if value_node.tag == _TAG + "null" else value_node.value, _loc(where, value_node, key))
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
        record = _read_value(metric, value_node, where, out)
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


def _read_value(metric: str, node: Node, where: str,
                out: ReadResult) -> tuple[RawScalar, str, bool, str, Location] | None:
    loc = _loc(where, node, metric)
    if isinstance(node, ScalarNode):
        return (*_scalar(node), "", loc)
    if not isinstance(node, MappingNode):
        out.diagnostics.append(Diagnostic("F022", "expected a value, or a mapping {value: ..., note: ...}", loc))
        return None
    value_node: Node | None = None
    note = ""
    ok = True
    for k, v in node.value:
        key = _scalar_text(k)
        if key == "value":
            value_node = v
        elif key == "note" and isinstance(v, ScalarNode):
            note = "" if v.tag == _TAG + "null" else str(v.value)
        else:
            out.diagnostics.append(Diagnostic("F026", f"unknown key {key!r} in a value mapping",
                                              _loc(where, k, metric), suggestion=did_you_mean(key, _VALUE_KEYS)))
            ok = False
    if not ok:
        return None
    if value_node is None or not isinstance(value_node, ScalarNode):
        out.diagnostics.append(Diagnostic("F022", "a value mapping needs `value:` with a single value", loc))
        return None
    return (*_scalar(value_node), note, _loc(where, value_node, metric))


def _scalar(node: ScalarNode) -> tuple[RawScalar, str, bool]:
    """The value as YAML types it, the text as written, and whether it was quoted."""
    text = str(node.value)
    if node.style is not None:
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


def _loc(where: str, node: Node, field_name: str = "") -> Location:
    return Location(where, node.start_mark.line + 1, field_name)
