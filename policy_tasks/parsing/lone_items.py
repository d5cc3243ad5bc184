"""A plan of one numbered item, flattened into a paragraph: `…制定本方案。1.完善…。(责任单位:A、B)`.

Inside a paragraph a number starts an item where it goes on with a list, or starts one that the
same line goes on with (`outline.split_inline`). A plan that has one clause only has no `2.` to go
on to; its `1.` (`一、`, `(一)`) is still the item's number when it stands after a finished sentence
and the text it opens names the units that answer for it, in a bracket or a label
(`(责任单位:A、B)`, `(A牵头,B配合)`), as a clause does. A number in prose that no responsibility
follows stays prose, and so does a number that lists others (`一、二季度`, `1、2月`).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .units import read_responsibility

_SENTENCE_END = ("。", ";", ":", "!", "?")
# `一、二季度`, `1、2月份`, `(一)(二)`: the number is one of several listed, not an item's.
_LISTS_NUMBERS_RE = lazy_compile(r"^\s*[(]?\s*(?:\d|[一二三四五六七八九十])")


def is_lone_item(before: str, item: str, body: int, *, time_led: bool = False) -> bool:
    """`before`: the paragraph's text before the number; `item`: the text from the number on,
    its own words starting at `body`; `time_led`: they open with the item's deadline
    (`1.10月底前完成…`, `time_led_items`), a figure that lists no numbers."""
    listed = not time_led and _LISTS_NUMBERS_RE.match(item[body:])
    if not before.rstrip().endswith(_SENTENCE_END) or listed:
        return False
    found = read_responsibility(item)
    return found.found and found.origin != "正文" and found.spans[0][0] > body
