"""The step library's own index: every step template in each language, and, for a step that is not
in the library, the closest one.

``steps.py`` defines each step once with a Vietnamese and an English template (``define``); the
templates are kept here so that a misspelt step can name the step it was probably meant to be,
in the feature's own language::

    Step "mục tieu "ATTT-03" có kết quả "ĐẠT"" is not in the step library;
    closest: Thì mục tiêu "{target}" có kết quả "{status}"

pytest-bdd raises ``StepDefinitionNotFoundError`` for such a step after calling the hook
``pytest_bdd_step_func_lookup_error`` with the exception; ``annotate_missing_step`` (called from
that hook) rewrites the exception's message, so the suggestion shows in a plain pytest run and in
``plancheck spec`` alike.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from pytest_bdd import parsers, step

Kind = Literal["given", "when", "then"]

KEYWORDS: dict[str, dict[str, str]] = {
    "vi": {"given": "Cho", "when": "Khi", "then": "Thì"},
    "en": {"given": "Given", "when": "When", "then": "Then"},
}

_MARK = "is not in the step library"
_QUOTED = re.compile(r'"[^"]*"')
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Template:
    """One way to write a step: its kind, language and text, ``{name}`` for a quoted value."""

    kind: Kind
    lang: str
    text: str

    @property
    def line(self) -> str:
        """The step as a spec writer writes it: ``Thì mục tiêu "{target}" có kết quả "{status}"``."""
        return f"{KEYWORDS[self.lang][self.kind]} {self.text}"


TEMPLATES: list[Template] = []


def pattern(template: str) -> parsers.re:
    """A step pattern: ``{name}`` stands for a quoted value, which may hold anything but a quote."""
    escaped = re.escape(template).replace("\\{", "{").replace("\\}", "}")
    return parsers.re("^" + _PLACEHOLDER.sub(r"(?P<\1>[^\"]*)", escaped) + "$")


def define(kind: Kind, vi: str, en: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register one step function under a Vietnamese and an English template.

    The step fixtures pytest-bdd creates go into the module that applies the decorator (``steps``),
    as with ``@given``; this is why ``stacklevel`` is 2."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        for lang, text in (("vi", vi), ("en", en)):
            TEMPLATES.append(Template(kind, lang, text))
            step(pattern(text), kind, stacklevel=2)(func)
        return func

    return decorate


def _shape(text: str) -> str:
    """A step's shape for comparison: quoted values and placeholders alike become ``""``."""
    return " ".join(_QUOTED.sub('""', _PLACEHOLDER.sub("", text)).casefold().split())


def closest(text: str, lang: str) -> Template | None:
    """The template of ``lang`` closest to a step's text (quoted values aside), or, when a template
    of another language is a much better match (a step written in the other language), that one."""

    def best(lang_filter: Callable[[str], bool]) -> tuple[float, Template | None]:
        shape = _shape(text)
        scored = [(difflib.SequenceMatcher(None, shape, _shape(t.text)).ratio(), t)
                  for t in TEMPLATES if lang_filter(t.lang)]
        return max(scored, key=lambda s: s[0], default=(0.0, None))

    own_score, own = best(lambda lang_of: lang_of == lang)
    other_score, other = best(lambda lang_of: lang_of != lang)
    if other is not None and (own is None or (other_score >= 0.8 and other_score > own_score + 0.15)):
        return other
    return own


def missing_step_message(text: str, lang: str, kind: str = "") -> str:
    """``kind`` is the step's own kind (given, when, then: set by its keyword, or the step an
    ``And`` follows): a step of the library written after the wrong keyword is told as such."""
    found = closest(text, lang)
    message = f'Step "{text}" {_MARK}'
    if found is None:
        return message
    message += f"; closest: {found.line}"
    if found.lang != lang:
        message += f" (a step in '{found.lang}', but this feature is in '{lang}')"
    elif kind and kind != found.kind and _shape(text) == _shape(found.text):
        words = KEYWORDS[lang]
        message += f" (a '{words[found.kind]}' step, written here as a '{words.get(kind, kind)}' step)"
    return message


def annotate_missing_step(exception: BaseException, text: str, lang: str, where: str, kind: str = "") -> None:
    """Rewrite pytest-bdd's "Step definition is not found" message (once) to name the closest step."""
    if exception.args and _MARK in str(exception.args[0]):
        return
    exception.args = (f"{missing_step_message(text, lang, kind)} ({where})",)
