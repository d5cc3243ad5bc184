"""A section heading run straight into its first item: `…:一、优服务、提效能1.加快…(责任单位:A)2.…`.

A copy that removed every line break (a dataset's cell, a page's text pasted as one paragraph) leaves a
heading's short title with no space or stop before the number of its first item. Inside a line a number
otherwise starts an item only after a sentence end, a bracket or a space (`outline.split_inline`), so the
first item became the heading's text and its bracket the heading's units. The number glued to the title
is that item's where the heading says so and the numbering does: the text since the heading's own
number is a short title (no sentence), the number's style is one the heading opens below it, and it is
the list's 1 that the same line (or, where the line holds no more of the list, the next line) goes on to 2
in, or the number after the one the previous section's list closed at (`二、扶实体、保经营7.…`, measures
counted on across sections). A number that belongs to the
title's words stays there: a figure (`规划1年来`, `3.5万`), a year, a list of numbers (`3、4月份`), or a
number that neither starts nor continues a list.
"""

from __future__ import annotations

import re
from typing import Protocol

# A number right after a title's last character: a Chinese character or a closing quotation mark.
# Nearly every line is searched (a heading opens most plans' lines), so it is compiled at import.
GLUED_RE = re.compile(
    r"(?<=[\u4e00-\u9fff”」》〞])(?P<m>\d{1,2}(?:\.(?!\d)|、)|\(\s*\d{1,2}\s*\)|\(\s*[一二三四五六七八九十]{1,3}\s*\))"
    r"(?=[\u4e00-\u9fff“])"
)
GLUED_STYLES = ("num", "pnum", "pcn")
# A page number a document-sharing site's extraction ran in right before a heading's glued first item
# (`…一岗双责〞21、乡党委…2、…`, round 185): the last digit may be the item's 1 with the page's digit before it.
_PAGE_THEN_ONE_RE = re.compile(r"\d(?=1(?:\.(?!\d)|、))")


def glued_numbers(norm: str) -> list[int]:
    """Where numbers glued to the word before them start, and where a glued `1` after a page's digit starts (the
    heading's first item, read only where the list goes on to 2, `glued_heading_item`)."""
    found = []
    for m in GLUED_RE.finditer(norm):
        found.append(m.start("m"))
        if _PAGE_THEN_ONE_RE.match(norm, m.start("m")):
            found.append(m.start("m") + 1)
    return found


# What a short title holds no more of: a sentence end or a field's colon.
_SENTENCE_RE = re.compile(r"[。;:!?]")
_TITLE_MAX = 24


class _Marker(Protocol):
    style: str
    value: int
    end: int


def glued_heading_item(
    head: str,
    heading: _Marker | None,
    marker: _Marker,
    expected: dict[str, int],
    closed: dict[str, int],
    goes_on: bool,
) -> bool:
    """True when `marker`, glued to the text `head` (from the heading's own number on), numbers the heading's
    first item. `expected`: the styles open with their last values; `closed`: those the heading closed, with
    the values they had; `goes_on`: the line goes on to the marker's next number in its style."""
    if heading is None or heading.style == marker.style or marker.style in expected:
        return False
    if expected.get(heading.style) != heading.value:
        return False  # the text is no heading that was just opened
    title = head[heading.end :].strip()
    if not title or len(title) > _TITLE_MAX or _SENTENCE_RE.search(title):
        return False
    continues = marker.style in closed and marker.value == closed[marker.style] + 1
    return continues or (marker.value == 1 and goes_on)
