"""Text that reaches a spreadsheet or a web page as text: formulas quoted, markup escaped."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from plancheck.audit import run_audit
from plancheck.render.flat import render_csv
from plancheck.safe_text import FORMULA_START, html_text, spreadsheet_text, unquote_spreadsheet_text


@given(st.text())
def test_quoting_round_trips_and_never_starts_a_formula(text: str) -> None:
    quoted = spreadsheet_text(text)
    assert not quoted.startswith(FORMULA_START)
    assert unquote_spreadsheet_text(quoted) == text


def test_formula_like_text_is_quoted_and_other_text_is_not() -> None:
    for cell in ("=1+1", "+84 912", "-5", "@SUM(A1)", "\t=x"):
        assert spreadsheet_text(cell) == "'" + cell
    for cell in ("Sở TT&TT", "33,4%", "", "'already"):
        assert spreadsheet_text(cell) == cell


def test_html_escapes_markup_and_quotes() -> None:
    assert html_text('<script>alert("x")</script> & \'') == \
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;"


def test_audit_csv_cells_never_start_a_formula() -> None:
    result = run_audit()
    verdicts = result.select("unit")
    v = verdicts[0]
    v.missing = ["=HYPERLINK(\"http://x.example\")"]  # as if a unit id came from a hostile registry
    rows = list(csv.reader(io.StringIO(render_csv(verdicts, "vi"))))
    cells = [c for row in rows for c in row]
    assert not [c for c in cells if c.startswith(("=", "+", "@"))]
    assert any(c.startswith("'=HYPERLINK") for c in cells)
