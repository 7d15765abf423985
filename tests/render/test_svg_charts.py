"""Inline SVG charts: bars on their own scale with a threshold marker, a range when a value is only
bounded, text escaped; sparklines that break where a period has no value."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from fractions import Fraction

import pytest

from plancheck.render import svg_charts as charts
from plancheck.render.html_report import scale_end

SVG = "{http://www.w3.org/2000/svg}"


def _bar(**kw: object) -> charts.Bar:
    fields: dict[str, object] = {"label": "ATTT-03", "hint": "t", "value": 0.5, "end": 1.0, "colour": "A40E26",
                                 "text": "50% · ≥ 70%", "marker": 0.7}
    fields.update(kw)
    return charts.Bar(**fields)  # type: ignore[arg-type]


def test_a_bar_and_its_threshold_marker_on_the_scale() -> None:
    svg = ET.fromstring(charts.bars("Giá trị", [_bar()]))
    track, bar = svg.findall(f".//{SVG}rect")
    assert float(bar.get("width", "")) == pytest.approx(float(track.get("width", "")) * 0.5)
    marker = svg.find(f".//{SVG}line")
    assert marker is not None
    x0 = float(track.get("x", ""))
    assert float(marker.get("x1", "")) == pytest.approx(x0 + float(track.get("width", "")) * 0.7)
    assert svg.get("role") == "img" and svg.findtext(f"{SVG}title") == "Giá trị"


def test_a_value_past_the_end_stops_at_the_end_and_a_bounded_one_is_a_range() -> None:
    svg = ET.fromstring(charts.bars("x", [_bar(value=3.0), _bar(value=None, low=0.2, high=0.4)]))
    rects = svg.findall(f".//{SVG}rect")
    track, full, _, bounded = rects
    assert float(full.get("width", "")) == pytest.approx(float(track.get("width", "")))
    assert bounded.get("stroke-dasharray") and float(bounded.get("width", "")) == pytest.approx(
        float(track.get("width", "")) * 0.2)
    unknown = ET.fromstring(charts.bars("x", [_bar(value=None)]))
    assert len(unknown.findall(f".//{SVG}rect")) == 1  # the track only


def test_a_long_label_is_cut_and_its_hint_kept() -> None:
    svg = ET.fromstring(charts.bars("x", [_bar(label="XHS-06 · " + "v" * 60, hint="the whole title")]))
    label = svg.find(f".//{SVG}text")
    assert label is not None and label.text is not None and len(label.text) == 32 and label.text.endswith("…")
    assert svg.findtext(f"{SVG}g/{SVG}title") == "the whole title"


def test_every_text_is_escaped() -> None:
    out = charts.bars('<b>"x"</b>', [_bar(label="<script>", hint="a & b", text="<img src=x>")])
    assert "<script>" not in out and "<img" not in out and "<b>" not in out
    root = ET.fromstring(out)  # still well-formed XML
    assert "<script>" in "".join(root.itertext())


def test_a_sparkline_breaks_where_a_period_has_no_value() -> None:
    out = charts.sparkline("t", [0.2, None, 0.5, 0.6], ["116329"] * 4, marker=0.7)
    svg = ET.fromstring(out)
    lines = svg.findall(f"{SVG}polyline")
    assert len(lines) == 1 and len(lines[0].get("points", "").split()) == 2
    assert len(svg.findall(f"{SVG}circle")) == 3
    assert svg.find(f"{SVG}line") is not None  # the threshold
    ys = [float(c.get("cy", "")) for c in svg.findall(f"{SVG}circle")]
    assert ys[0] > ys[1] > ys[2]  # higher values higher up
    assert re.search(r"<circle[^>]*fill=\"#116329\"", out)


@pytest.mark.parametrize(("x", "end"), [(Fraction(7, 10), Fraction(1)), (Fraction(24, 10000), Fraction(25, 10000)),
                                        (Fraction(120), Fraction(200)), (Fraction(1), Fraction(1)),
                                        (Fraction(3), Fraction(5)), (Fraction(0), Fraction(1))])
def test_scales_end_on_a_round_number(x: Fraction, end: Fraction) -> None:
    assert scale_end(x) == end
