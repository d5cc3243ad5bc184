"""`X月前`: a month's deadline written without its 底, read as the month's end, with a check.

`6月前完成`, `2026年6月前`, `11月份前` are written in the genre for the deadline `6月底前` as often as
for "before June": a county's 完成时限 column runs `3月前`, `6月前`, `12月前` where `12月前` can only
mean the year's end, and the corpus's annotators read `2022年11月份前` as 30 November. Read as
the month's end, like `X月底前`, in prose and in a 完成时限 field alike, the task gets the date
the office most likely meant; the review page still asks for a check (`month_before_message`),
since a stricter reader would take the month before's end. A month in Chinese numerals
(`三月前`, as `三个月前` is "three months ago") stays unreadable.
"""

from __future__ import annotations

import re

from .textutil import normalise
from .time_phrase import PRECISE, TimePhrase

_MONTH_BEFORE_RE = re.compile(r"\d\s*月份?(?:之前|以前|前)$")


def month_before(phrase: TimePhrase) -> bool:
    """Whether a dated phrase is a month's deadline written `X月前` (read as its end)."""
    return phrase.level == PRECISE and _MONTH_BEFORE_RE.search(normalise(phrase.text)) is not None


def month_before_message(phrase: str) -> str:
    return (
        f"「{phrase}」按该月月底读取，请核对是否指该月之前"
        " (X月前 read as the month's end; please check it does not mean the month before)"
    )
