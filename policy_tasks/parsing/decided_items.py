"""A 督查室 bulletin on how the items a meeting decided are carried out (常务会议确定事项落实情况的通报).

A county government's 督查室 reports on the items its executive meeting decided: a section of counts
(`一、总体情况` / `确定事项43件,截至6月10日,已完成16件,占37%`), then the items that lag, named by the unit in
charge of each, as round 82's 督办 list of projects names them (`charged_projects`). The bulletin writes the
lagging items two ways:

- the decided item quoted, a report after it, the parts after a lead-in (`…需要加快推进落实事项3件,如`) and
  separated by `;`:

      …如A负责的“严格落实…,提高项目成熟度。”截至目前,30个项目已完成…;B、C负责的“紧盯…6月底前开工、
      12月底前完工的时间节点…。”截至目前,…;D负责的“切实抓好…。”截至目前,…。

  The quote is the decision, its `。` no end of the part (`quoted_spans`), and its dates the part's; what follows
  it from `截至目前` reports work done and dates nothing (`report_spans`). An example's `如` after a comma leads
  in to the list as a colon does (`EXAMPLE_LEAD_RE`);
- the items by their number only, the items themselves in the bulletin's attachment, the parts joined by `、` in
  one sentence (`numbered_item_parts`):

      其中,由A负责的第1件、B负责的第4件、C负责的第17、18件确定事项进展滞后,请以上责任单位加快…

  Each part is the unit's clause (two items of one unit, `第17、18件`, one clause); the sentence's order to
  `以上责任单位` and its lead-in are none.

The counts section assigns nothing: silent, headed `总体情况` (`基本情况`, `总体进展`), it is no clause
(`counts_only`), and the tallies before the list (`持续推进事项25件`) are the lead-in's, no part's milestones.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING

from .lazy_patterns import lazy_compile
from .textutil import normalise

if TYPE_CHECKING:
    from .outline_node import Node

# Quotes that hold a decided item's own sentences: a separator inside one ends no part. A quote left open
# on its line is a stray mark, no quote.
_QUOTES = {"“": "”", "「": "」", "『": "』"}

# `…3件,如A负责的…`: an example's `如` leads in to the list, as a colon does.
EXAMPLE_LEAD_RE = lazy_compile(r"[,:]\s*(?:例如|比如|诸如|如)\s*")

# `由A负责的第1件`, `C负责的第17、18件`: a unit's lagging items by their number.
_NUMBERED_RE = lazy_compile(
    r"由?(?P<names>[\u4e00-\u9fff()]{2,30}?)(?:牵头)?负责的第\s*\d+\s*(?:[、,和及]\s*(?:第\s*)?\d+\s*)*(?:件|项|条)"
)

# After the quoted decision: how far the unit has got, which sets nothing due.
_REPORT_RE = lazy_compile(r"[”」』]\s*(?:截至|截止|截到|到)\s*(?:目前|当前|现在|\d{1,2}月\d{1,2}日|[^,。;]{0,12}?),")

# `一、总体情况` over the bulletin's counts.
_COUNTS_HEADING_RE = lazy_compile(r"^(?:总体情况|基本情况|总体进展情况|总体进展)\s*(?:[。:\n]|$)")


def quoted_spans(norm: str) -> list[tuple[int, int]]:
    """The spans inside each quote closed on its own line (`“…。…”`)."""
    spans, i = [], 0
    while i < len(norm):
        close = _QUOTES.get(norm[i])
        if close is None:
            i += 1
            continue
        end = norm.find(close, i + 1)
        line_end = norm.find("\n", i + 1)
        if end < 0 or 0 <= line_end < end:
            i += 1
            continue
        spans.append((i + 1, end))
        i = end + 1
    return spans


def numbered_item_parts(norm: str, start: int, end: int, is_owner: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The parts of `norm[start:end]` (one sentence's part up to its separator) that each name a unit's items
    by their number, `A负责的第1件、B负责的第4件`, two at least, each from its unit's name (a leading `由` is the
    sentence's) to the `、` before the next; the last ends at its comma. `is_owner` tells a unit's name."""
    found = []
    for m in _NUMBERED_RE.finditer(norm, start, end):
        names = [n.strip() for n in m["names"].split("、")]
        if not all(is_owner(n) for n in names):
            return []
        found.append((m.start("names"), m.end()))
    if len(found) < 2:
        return []
    # The parts follow one another, joined by `、` alone (`A负责的第1件、B负责的第4件`).
    for (_, b), (a, _) in pairwise(found):
        if norm[b:a].strip() not in ("、", ",", "和", "及", "以及"):
            return []
    # The last part runs on to its comma (`第17、18件确定事项进展滞后`); the sentence's order after it is all the parts'.
    last_start, last_end = found[-1]
    comma = norm.find(",", last_end, end)
    return [*found[:-1], (last_start, comma if comma >= 0 else end)]


def report_spans(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The report after a part's quoted decision (`”截至目前,已完成…`) up to the part's end: work done, nothing due."""
    m = _REPORT_RE.search(norm, start, end)
    return [(m.start() + 1, end)] if m else []


def counts_only(node: Node) -> bool:
    """`一、总体情况` / `确定事项43件,…已完成16件`: a silent section of the bulletin's counts is no clause (the
    caller asks only of items naming no unit)."""
    if node.children:
        return False
    return bool(_COUNTS_HEADING_RE.match(normalise(node.own_text).strip())) and bool(
        re.search(r"\d+\s*(?:件|项|个)", normalise(node.own_text))
    )
