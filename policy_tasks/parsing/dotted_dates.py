"""A day written month.day with a dot: `6.30前`, `6.30日前`, `12.31前完成`.

County offices type a deadline as a tally of month and day (`6.30前完成`, `9.15日前投入使用`,
`完成时限:12.31前`) as they type a table's month as `2023.12`. It is that day in the document's
year. The dot is read as a date only where nothing else can be meant:

- a `前` (`之前`, `以前`), or a `日`/`号` then `前`, follows the day: a decimal is followed by its
  unit (`增长6.5%`, `6.5亿元`, `1.2万亩`), never by 前;
- the month is 1-12 and the day 1-31 (a day the month lacks, `2.30前`, is unreadable);
- no figure or dot stands before the month (`2026.6.30` is a full date read elsewhere, and `1.6.30`
  is no tally of a day) and no dot or figure after the day;
- a clause number is not followed by 前 (`1.1 交通…`, `1.2完成…`): it stays the outline's. So a line
  opening with such a day (`6.30前完成主体工程`, under an item) goes on with the item above, and
  `1.6.30前完成…` is item 1 opening with its day (`outline`'s `BEFORE_AHEAD`, `DAY_AHEAD`).
"""

from __future__ import annotations

import re
from datetime import date

from .time_phrase import PRECISE, Read

DOTTED_DAY_RE = re.compile(
    r"(?<![\d.])(?P<m>1[0-2]|0?[1-9])\s*\.\s*(?P<d>3[01]|[12]\d|0?[1-9])(?![\d.])\s*[日号]?\s*(?P<before>之前|以前|前)"
)
# For the outline: what follows a dotted day's digits (`6.30` then `前` / `日前`), never a clause number's.
BEFORE_AHEAD = r"\s*[日号]?\s*(?:之前|以前|前(?![期置瞻沿列端提景台线]))"  # `1.1前期准备` is clause 1.1
# An item's number then a dotted day (`1.6.30前完成…`): the number is `1.`, the item opens with its day.
DAY_AHEAD = r"(?:1[0-2]|0?[1-9])\.(?:3[01]|[12]\d|0?[1-9])(?![\d.])" + BEFORE_AHEAD


def dotted_day(m: re.Match[str], year: int) -> Read:
    """`6.30前` → 30 June of the document's year (`date` raises for `2.30`: unreadable)."""
    return PRECISE, date(year, int(m["m"]), int(m["d"]))
