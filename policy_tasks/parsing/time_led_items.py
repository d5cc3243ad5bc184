"""Items whose text opens with their deadline: `1.10月底前完成…`, `2.5年内实现…`, `1、10月底前完成…`.

An office that puts an item's deadline first writes the item's dot straight before the month or
the count of years, so the number reads like a decimal (`1.10`, `2.5`). A month is a whole number
from 1 to 12 (no decimal is followed by `月`), and a span `N年内` counts whole years; so at a line's
start, or right after a sentence's end in a flattened paragraph, `N.` before `M月` or `K年内` is item
N's number wherever the numbering makes it one: it starts a list (1) or goes on with the open one
(its last number + 1). Before a count of years the item must also follow a finished sentence, a
heading or the title, not a sentence cut by a line break (`计划用` / `1.5年内…`). Anywhere else the
figure is a decimal (`增长1.5%`, `1.5亿元`, `1.2万亩`, `用1.5年时间`). An item numbered `1、` has no
decimal to be taken for, but `1、2月` lists two months: after a 、 the month must close a deadline of
its own (`1、10月底前`, `2、6月15日前`), which a list of months never does.
"""

from __future__ import annotations

import re

# After a 、 a month is an item's deadline only with its end or its day before 前 (`1、10月底前`,
# `2、6月前`, `3、9月15日前`): `1、2月`, `10、11月份` list months.
_BY_MONTH = r"(?:份)?(?:(?:底|末|[上中下]旬)(?:之前|以前|前)?|\d{1,2}\s*[日号]\s*(?:之前|以前|前)|之前|以前|前)"
_LED = (
    r"(?P<n>\d{1,2})\s*(?:\.\s*(?=(?P<month>(?:1[0-2]|[1-9])\s*月)|\d{1,2}\s*年(?:之|以)?内)"
    rf"|、\s*(?=(?P<listed>(?:1[0-2]|[1-9])\s*月{_BY_MONTH})))"
)
_START_RE = re.compile("^" + _LED)
# Inside a paragraph only after a sentence's end or a closing bracket, as `outline` cuts lists.
_INLINE_RE = re.compile(r"(?<=[。;:!?)\]〕】])\s*(?P<m>" + _LED + ")")
_ENDED = ("。", ";", ":", "!", "?", ")", "]", "〕", "】")
# An activity plan's item opening with the day (or days) it is held, then a comma (round 143): `2、5月12日,在…开展…`,
# `3、5月7-13日,组织开展…`, `4、5月8日左右,邀请…`. A list of months (`1、2月`, `10、11月份`) names no day.
_HELD_ON_RE = re.compile(
    r"^\d{1,2}\s*、\s*(?:1[0-2]|[1-9])\s*月\s*\d{1,2}\s*日?(?:\s*[-—~至]\s*\d{1,2}\s*日)?\s*日?(?:左右|前后)?\s*,"
)


def held_on_start(norm: str) -> bool:
    """A line opening `N、` and the day its item is held (`2、5月12日,…`): the item's number, no date column."""
    return bool(_HELD_ON_RE.match(norm))


def time_led_start(norm: str) -> tuple[int, int, bool] | None:
    """(number, where the item's text starts, whether a month follows) of a line opening so."""
    m = _START_RE.match(norm)
    return (int(m["n"]), m.end(), bool(m["month"] or m["listed"])) if m else None


def time_led_inline(norm: str) -> list[tuple[int, int, int]]:
    """(where the number stands, number, where the item's text starts) inside a paragraph."""
    return [(m.start("m"), int(m["n"]), m.end("m")) for m in _INLINE_RE.finditer(norm)]


def starts_item(value: int, open_value: int | None, before: str, by_month: bool) -> bool:
    """Whether the numbering makes `value` an item: the first of a list where none is open, or the
    open list's next. `before` is the text the number follows (the open item's, the line before)."""
    if value != (1 if open_value is None else open_value + 1):
        return False
    if by_month:
        return True
    tail = before.rstrip()
    return not tail or tail.endswith(_ENDED) or ("。" not in tail and len(tail) <= 30)
