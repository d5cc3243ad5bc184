"""The last reading before a document is refused: each of its paragraphs that names units is an item.

A document of the genre assigns work to units; the readers before this one find its items by their
numbering or by a layout the genre uses (label lines, closing brackets, `由A牵头` orders, a table). A
layout none of them knows would be refused with `未找到编号条款`, and the reviewer would have nothing
to correct. Read instead as its paragraphs that name units, one item each, with a warning on the
document, the reviewer corrects what is wrong on the review page and imports. Two such paragraphs at
least: a single one is a page's prose that happens to name a unit.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .outline import line_marker, numbered_in_order
from .textutil import normalise
from .units import peek_responsibility

# A field line (`发布单位:…`, `成员单位:…`, `联系人:…`): a page's or a group's field, no item.
_FIELD_LINE_RE = lazy_compile(r"^\s*\S{1,8}?\s*[:：]")
WARNING = "未找到编号条款,已把写有责任单位的{count}段各读作一条,请逐条核对 (no numbered clauses: paragraphs naming units read as items)"


def number_assigned_lines(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]] | None:
    """The lines with each paragraph that names units numbered in order, or None when fewer than two do."""
    items = []
    for k, (text, _) in enumerate(lines):
        norm = normalise(text).strip()
        if not norm or norm.endswith((":", "：")) or _FIELD_LINE_RE.match(norm) or line_marker(norm) is not None:
            continue
        if peek_responsibility(norm).found:
            items.append(k)
    if len(items) < 2:
        return None
    return numbered_in_order(lines, items)
