"""Charts as inline SVG, drawn in Python: a report stays one file that needs no network, no script
and no font beyond the reader's own.

``bars``: one horizontal bar per row, each on its own scale (values of a plan's targets are in
different units), with a marker at the threshold, the range a value is known to lie in when units
are missing, and a label. ``sparkline``: a value across periods, with the threshold as a dashed
line. Every text is escaped here (``safe_text.html_text``); callers pass plain text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..safe_text import html_text as h

_LABEL_W = 210  # the row's label (a target id, with a level or part)
_LABEL_CHARS = 32  # a longer label is cut, with "…" (its hint says it all)
_TRACK_W = 330
_TEXT_W = 300  # the value and the threshold, after the track
_ROW_H = 24
_BAR_H = 12


@dataclass(frozen=True)
class Bar:
    label: str  # short: a target id, "CQS-04 · Cấp xã"
    hint: str  # a tooltip: the target's title
    value: float | None
    end: float  # the scale's end (> 0); the value, the range and the marker are drawn on 0..end
    colour: str  # hex RGB without "#"
    text: str  # after the track: "55,4% · ≥ 70%"
    marker: float | None = None  # the threshold
    low: float | None = None  # the range the value lies in, when it is not known
    high: float | None = None
    end_text: str = ""  # the scale's end, printed small at the track's end


def _cut(label: str) -> str:
    return label if len(label) <= _LABEL_CHARS else label[:_LABEL_CHARS - 1] + "…"


def _x(value: float, end: float) -> float:
    return _LABEL_W + _TRACK_W * max(0.0, min(value / end, 1.0))


def bars(title: str, rows: Sequence[Bar]) -> str:
    """A chart of one bar per row, as an ``<svg>`` element with its title for screen readers."""
    width = _LABEL_W + _TRACK_W + _TEXT_W
    height = _ROW_H * len(rows) + 8
    out = [f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" aria-label="{h(title)}"><title>{h(title)}</title>']
    for i, row in enumerate(rows):
        out.append(_row(row, 4 + i * _ROW_H))
    out.append("</svg>")
    return "".join(out)


def _row(row: Bar, top: int) -> str:
    mid = top + _ROW_H / 2
    bar_top = mid - _BAR_H / 2
    parts = [f"<g><title>{h(row.hint)}</title>",
             f'<text x="{_LABEL_W - 8}" y="{mid + 4:.1f}" text-anchor="end" class="lbl">{h(_cut(row.label))}</text>',
             f'<rect x="{_LABEL_W}" y="{bar_top:.1f}" width="{_TRACK_W}" height="{_BAR_H}" class="track"/>']
    if row.value is None and row.low is not None:
        x0 = _x(row.low, row.end)
        x1 = _x(row.high, row.end) if row.high is not None else _LABEL_W + _TRACK_W
        parts.append(f'<rect x="{x0:.1f}" y="{bar_top:.1f}" width="{max(x1 - x0, 1.5):.1f}" height="{_BAR_H}" '
                     f'fill="#{row.colour}" fill-opacity="0.35" stroke="#{row.colour}" stroke-dasharray="3 2"/>')
    elif row.value is not None:
        x1 = _x(row.value, row.end)
        parts.append(f'<rect x="{_LABEL_W}" y="{bar_top:.1f}" width="{max(x1 - _LABEL_W, 1.5):.1f}" '
                     f'height="{_BAR_H}" fill="#{row.colour}"/>')
    if row.marker is not None:
        xm = _x(row.marker, row.end)
        parts.append(f'<line x1="{xm:.1f}" x2="{xm:.1f}" y1="{top + 2}" y2="{top + _ROW_H - 2}" class="marker"/>')
    if row.end_text:
        parts.append(f'<text x="{_LABEL_W + _TRACK_W - 3}" y="{bar_top - 1:.1f}" text-anchor="end" '
                     f'class="end">{h(row.end_text)}</text>')
    parts.append(f'<text x="{_LABEL_W + _TRACK_W + 8}" y="{mid + 4:.1f}" class="val">{h(row.text)}</text></g>')
    return "".join(parts)


def sparkline(title: str, values: Sequence[float | None], colours: Sequence[str], marker: float | None,
              width: int = 160, height: int = 36) -> str:
    """A value across periods (``None``: no value that period, the line breaks), a dot per period in
    its verdict's colour, and the threshold as a dashed line."""
    known = [v for v in values if v is not None]
    top = max([*known, marker or 0.0, 0.0])
    bottom = min([*known, marker if marker is not None else top, 0.0])
    span = (top - bottom) or 1.0
    pad = 5
    step = (width - 2 * pad) / max(len(values) - 1, 1)

    def y(v: float) -> float:
        return height - pad - (v - bottom) / span * (height - 2 * pad)

    out = [f'<svg class="spark" xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" aria-label="{h(title)}"><title>{h(title)}</title>']
    if marker is not None:
        out.append(f'<line x1="{pad}" x2="{width - pad}" y1="{y(marker):.1f}" y2="{y(marker):.1f}" class="marker" '
                   f'stroke-dasharray="4 3"/>')
    segment: list[str] = []
    for i, v in enumerate([*values, None]):
        if v is not None:
            segment.append(f"{pad + i * step:.1f},{y(v):.1f}")
            continue
        if len(segment) > 1:
            out.append(f'<polyline points="{" ".join(segment)}" class="line"/>')
        segment = []
    for i, (v, colour) in enumerate(zip(values, colours, strict=True)):
        if v is not None:
            out.append(f'<circle cx="{pad + i * step:.1f}" cy="{y(v):.1f}" r="3.5" fill="#{colour}"/>')
    out.append("</svg>")
    return "".join(out)
