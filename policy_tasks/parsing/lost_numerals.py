"""A section heading whose numeral the page lost: `、项目管理要求` after `一、资金分配`.

A web page that set a heading's numeral apart (an image, a span the copy dropped) keeps only the
pause mark that followed it: the line opens with `、` and holds the section's short title alone. The
heading still ends the section before it and opens the next one, as `二、` would: the items numbered
under it (`(一)`, `(二)`) are its, not the last item's of the section above. Its number is the one
the sequence goes on with (`二` after `一、`).

Only a short title, with no sentence in it, after a first-level section still open (`一、`, `第一部分`,
`Ⅰ、`), whose style it goes on with: a line opening `、` in running text (`、` left over where a list
wrapped) or in a document with no such section is text.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .outline import Marker, written_marker
from .outline_node import Node
from .textutil import cn_numeral

# The styles of a plan's first level (`一、`, `第一部分`, `Ⅰ、`): a lost numeral goes on with the open one.
_SECTIONS = ("cn", "chapter", "roman")
_ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"
_LOST_RE = lazy_compile(r"^、\s*(?=[\u4e00-\u9fff])[^。;,:!?()]{2,20}$")


def lost_numeral_marker(norm: str, stack: list[Node]) -> Marker | None:
    """The marker of a `、X` heading line (see above) under an open `一、` section, else None."""
    if _LOST_RE.match(norm.strip()) is None:
        return None
    section = next((n for n in stack[1:] if n.style in _SECTIONS), None)
    if section is None:
        return None
    value = section.value + 1
    if section.style == "roman":
        if value > len(_ROMAN):
            return None
        written = written_marker("roman", _ROMAN[value - 1])
    else:
        written = written_marker(section.style, cn_numeral(value))
    return Marker(section.style, value, written, len(norm) - len(norm.lstrip()) + 1)
