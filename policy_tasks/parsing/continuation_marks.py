"""A page's continuation mark is no text of the document.

Where a printed document, a gazette or a web mirror splits a text over pages, the page (or the web
page) that goes on says so at its top: `[接上页]`, `(接上页)`, `【续上页】`, `(续前页)`, `(承上页)`,
`(上接第3页)`, and a table carried over `(续表)` / `续表2`; the page before may close with
`(下转第5页)`, `[转下页]`, `(接下页)`. A copy keeps the mark where it stood: at the start of the
page's first line (`[接上页] (五) 切实加强…`, where it hides the item's number from the outline), at
the end of the page's last line, or on a line of its own. The mark goes; the line's own words stay
on their line (what came before the page broke is not in the copy, or is read as any wrapped line
is). A mark in brackets is read anywhere at a line's start or end; a bare one (`续表`, `接上页`) only
on a line of its own or set off by a space or colon, as `续表彰` or `接上页所述` are words of a sentence.
A mark alone on its line is passed over by the outline as a page's number is (`page_marks.is_page_line`).
"""

from __future__ import annotations

import re

_WORDS = (
    r"(?:接上页|续上页|承上页|接前页|续前页|上接第?\s*\d{1,4}\s*页|续表\s*\d{0,3}"
    r"|下转第?\s*\d{1,4}\s*页|转下页|接下页|续下页)"
)
_OPEN, _CLOSE = r"[\[【〔(（<〈《]", r"[\]】〕)）>〉》]"
_BRACKETED = rf"{_OPEN}\s*{_WORDS}\s*{_CLOSE}"
_OWN_LINE_RE = re.compile(rf"^\s*(?:{_BRACKETED}|{_WORDS})\s*$")
_START_RE = re.compile(rf"^(\s*)(?:{_BRACKETED}\s*|{_WORDS}(?:\s+|\s*[:：]\s*))(?=\S)")
_END_RE = re.compile(rf"(?<=\S)\s*{_BRACKETED}\s*$")


def is_continuation_line(text: str) -> bool:
    """`[接上页]`, `(续表)`, `下转第5页` on a line of its own."""
    return _OWN_LINE_RE.match(text) is not None


def drop_continuation_marks(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Each text line without the continuation mark at its start or end (a table's cells are left as read)."""
    out: list[tuple[str, bool]] = []
    for text, splittable in lines:
        if splittable and not is_continuation_line(text):
            text = _END_RE.sub("", _START_RE.sub(r"\1", text, count=1), count=1)
        out.append((text, splittable))
    return out
