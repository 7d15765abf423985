"""A headless Chromium driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``):
no WebDriver, no websocket, no package beyond the standard library.

Chromium reads commands from its file descriptor 3 and writes replies and events to 4, each a JSON
message ended by a NUL byte. ``Browser.open`` loads a page and records what a test asks about: the
console messages and log entries (with their level), the uncaught exceptions and every request.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "/usr/bin/chromium")


def find_chromium() -> str | None:
    """``PLANCHECK_CHROMIUM``, or the first Chromium or Chrome on the PATH."""
    wanted = os.environ.get("PLANCHECK_CHROMIUM")
    if wanted:
        return wanted if Path(wanted).is_file() else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass
class PageLog:
    """What happened while a page loaded."""

    console: list[tuple[str, str]] = field(default_factory=list)  # (level, text): console.* and the browser's log
    exceptions: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # every URL the page asked for, the page's own first

    def problems(self) -> list[tuple[str, str]]:
        """Console messages and log entries of level error or warning, and uncaught exceptions."""
        bad = [(level, text) for level, text in self.console if level in ("error", "warning", "assert")]
        return bad + [("exception", text) for text in self.exceptions]


class Browser:
    """One headless Chromium with one page; use as a context manager."""

    def __init__(self, executable: str, timeout: float = 30.0) -> None:
        self.timeout = timeout
        self._profile = tempfile.TemporaryDirectory(prefix="plancheck-chromium-")
        to_child, self._send_fd = os.pipe()
        self._recv_fd, from_child = os.pipe()

        def on_fds_3_and_4() -> None:  # in the child, before exec: the pipe ends as fds 3 and 4
            os.dup2(to_child, 3)
            os.dup2(from_child, 4)

        self._process = subprocess.Popen(
            [executable, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-default-apps", "--disable-extensions", "--disable-sync",
             "--no-first-run", "--no-default-browser-check", "--mute-audio", "--hide-scrollbars",
             "--remote-debugging-pipe", f"--user-data-dir={self._profile.name}", "about:blank"],
            pass_fds=(3, 4), preexec_fn=on_fds_3_and_4, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        os.close(to_child)
        os.close(from_child)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self._session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Runtime", "Log", "Network", "Page"):
            self.call(f"{domain}.enable", session=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.call("Browser.close")
            self._process.wait(timeout=10)
        except (OSError, TimeoutError, EOFError, subprocess.TimeoutExpired):
            self._process.kill()
            self._process.wait()
        finally:
            os.close(self._send_fd)
            os.close(self._recv_fd)
            self._profile.cleanup()

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._recv_fd], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._recv_fd, 1 << 16)
            if not chunk:
                raise EOFError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        parsed: dict[str, Any] = json.loads(message)
        return parsed

    def call(self, method: str, params: dict[str, Any] | None = None, session: bool = False) -> dict[str, Any]:
        """Send a command and wait for its reply (events that come meanwhile are kept)."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self._session
        os.write(self._send_fd, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self._events.append(reply)

    def open(self, url: str, settle: float = 0.3) -> PageLog:
        """Load ``url``, wait for its load event and ``settle`` seconds more, and say what happened."""
        self._events.clear()
        self.call("Page.navigate", {"url": url}, session=True)
        deadline = time.monotonic() + self.timeout
        while not any(e.get("method") == "Page.loadEventFired" for e in self._events):
            self._events.append(self._read(deadline))
        quiet_until = time.monotonic() + settle
        while True:
            try:
                self._events.append(self._read(quiet_until))
            except TimeoutError:
                break
        return _log(self._events)

    def evaluate(self, expression: str) -> Any:
        reply = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=True)
        if "exceptionDetails" in reply:
            raise RuntimeError(f"{expression}: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def screenshot(self, width: int = 1280) -> bytes:
        """The whole page as PNG."""
        height = int(self.evaluate("document.documentElement.scrollHeight"))
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": min(height, 16000), "deviceScaleFactor": 1, "mobile": False},
                  session=True)
        data = self.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, session=True)
        return base64.b64decode(data["data"])


def _log(events: list[dict[str, Any]]) -> PageLog:
    log = PageLog()
    for e in events:
        method, params = e.get("method"), e.get("params", {})
        if method == "Runtime.consoleAPICalled":
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            log.console.append((params.get("type", ""), text))
        elif method == "Log.entryAdded":
            entry = params.get("entry", {})
            log.console.append((entry.get("level", ""), f"{entry.get('source', '')}: {entry.get('text', '')}"))
        elif method == "Runtime.exceptionThrown":
            log.exceptions.append(json.dumps(params.get("exceptionDetails", {}), ensure_ascii=False))
        elif method == "Network.requestWillBeSent":
            log.requests.append(params.get("request", {}).get("url", ""))
    return log
