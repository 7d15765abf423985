"""Text that reaches a spreadsheet or a web page as text, never as a formula or as markup.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by Excel,
LibreOffice and Google Sheets as a formula ("CSV injection"): a submitted ``=HYPERLINK(...)`` in a
unit's note would run in the inspector's spreadsheet. ``spreadsheet_text`` puts an apostrophe in
front, which spreadsheets show as nothing and keep the text as typed. Numbers are written as numbers
by the writers, not through this function; the CSV reader takes the apostrophe off again
(``unquote_spreadsheet_text``). ``html_text`` escapes everything submitted for HTML.
"""

from __future__ import annotations

import html

__all__ = ["FORMULA_START", "html_text", "spreadsheet_text", "unquote_spreadsheet_text"]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(cell: str) -> str:
    """A cell that a spreadsheet would read as a formula, quoted with a leading apostrophe."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def unquote_spreadsheet_text(cell: str) -> str:
    """The text ``spreadsheet_text`` quoted, as it was: a file plancheck exported reads back the same."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_START) else cell


def html_text(text: object) -> str:
    """Any text for an HTML element or attribute: ``<``, ``>``, ``&`` and both quotes escaped."""
    return html.escape(str(text), quote=True)
