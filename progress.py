"""Progress of long work: a rich bar on a terminal, nothing at all otherwise.

Code that reads many files or many rows says how far it is with ``task``; it never knows whether
anybody is watching::

    with progress.task("Đọc tệp số liệu", total=len(files)) as advance:
        for f in files:
            ...
            advance(1)

Only ``cli.py`` turns the display on (``on_terminal``), and only when standard error is a terminal:
a piped or redirected run, a test and a library call print nothing extra. Even on a terminal the bar
appears only once a task has run for ``DELAY`` seconds, so a province audit (0.1 s of reading) shows
none. The bar is drawn on standard error and removed when the work is done.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import IO, Any, Protocol

__all__ = ["DELAY", "Reporter", "on_terminal", "task"]

DELAY = 0.5  # seconds a task runs before its bar appears

Advance = Callable[[int], None]


class Reporter(Protocol):
    def start(self, label: str, total: int) -> Advance: ...

    def finish(self) -> None: ...


_active: ContextVar[Reporter | None] = ContextVar("plancheck_progress", default=None)


def _nothing(n: int) -> None:
    return None


@contextmanager
def task(label: str, total: int) -> Iterator[Advance]:
    """An ``advance(n)`` for ``total`` steps of work, shown if a display is on."""
    reporter = _active.get()
    if reporter is None or total <= 0:
        yield _nothing
        return
    try:
        yield reporter.start(label, total)
    finally:
        reporter.finish()


@contextmanager
def reporting(reporter: Reporter) -> Iterator[None]:
    """Send the tasks of this block to ``reporter`` (``on_terminal`` does; tests may)."""
    token = _active.set(reporter)
    try:
        yield
    finally:
        _active.reset(token)


@contextmanager
def on_terminal(stream: IO[str] | None = None) -> Iterator[None]:
    """Show the tasks of this block as rich bars on ``stream`` (standard error), if it is a terminal."""
    out = stream if stream is not None else sys.stderr
    if not out.isatty():
        yield
        return
    bars = _RichBars(out)
    try:
        with reporting(bars):
            yield
    finally:
        bars.close()


class _RichBars:
    """One rich ``Progress`` display, started when a task has run for ``DELAY`` seconds."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.display: Any = None
        self.task_id: Any = None

    def start(self, label: str, total: int) -> Advance:
        started = time.monotonic()
        done = 0

        def advance(n: int) -> None:
            nonlocal done
            done += n
            if self.task_id is None and time.monotonic() - started >= DELAY:
                self._show(label, total, done)
            elif self.task_id is not None:
                self.display.update(self.task_id, completed=done)
        return advance

    def _show(self, label: str, total: int, done: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        if self.display is None:
            self.display = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                    TimeRemainingColumn(), console=Console(file=self.out), transient=True)
            self.display.start()
        self.task_id = self.display.add_task(label, total=total, completed=done)

    def finish(self) -> None:
        if self.task_id is not None:
            self.display.remove_task(self.task_id)
            self.task_id = None

    def close(self) -> None:
        if self.display is not None:
            self.display.stop()
            self.display = None
