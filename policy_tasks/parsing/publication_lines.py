"""A page's publication line after the article: the page's record, no part of the last item.

A government site's article page states when and by whom it was put out in one line of fields:
`索引号:20230425-095005-528 时间:2020-05-11 来源:甘谷县融媒体中心`, `发布时间:2024-03-28 信息来源:…`. Most
copies keep it above the article, where the header reads its date (`header._PUBLISHED_RE`). A copy that
stores the article first puts the page's heading block after the body: the column the page is filed
under (`政府信息公开`), the article's title, then the publication line, then the site's footer. Read as
text, it ran into the last item: `来源:` read as a unit label (`11来源:甘谷县融媒体中心`, the day's digits glued
on), the date as the item's deadline, the title's year as a target.

The line is the page's, as the footer is (`page_tail`): a line holding a dated time field (`时间:`,
`发布日期:`) and the page's source or index (`来源:`, `信息来源:`, `索引号:`) starts the tail where only the site's
footer follows it (a few lines with no sentence: above the article, the article follows it), and the heading block right above it (up to three short lines with no sentence in them: the
title, the column, a bare `|` of the stored page) goes with it. Its date is the page's date of
publication, which the year falls back on when the header states none, as a `发布日期` line above the
article gives it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from .lazy_patterns import lazy_compile
from .textutil import normalise

# Each a field of its own, not a word's end: `完成时间:`, `资金来源:` are a clause's.
_DATED_RE = lazy_compile(
    r"(?<![\u4e00-\u9fff])(?:发布|发表|信息|更新)?(?:时间|日期)\s*[:：]\s*"
    r"(?P<y>\d{4})\s*[-年/.]\s*(?P<m>\d{1,2})\s*[-月/.]\s*(?P<d>\d{1,2})",
    needs="时间|日期",
)
_SOURCE_RE = lazy_compile(r"(?<![\u4e00-\u9fff])(?:(?:信息|文章)?来源|索\s*引\s*号)\s*[:：]")
_MAX_LINE = 120  # characters: a line of fields, not a paragraph
# A line of the heading block above the publication line: the title or the column, with no sentence.
_SENTENCE_RE = lazy_compile(r"[。;,!?:]")
_MAX_HEADING = 60
_MAX_BLOCK = 3
_SENTENCE_END_RE = lazy_compile(r"[。;!?]")


def publication_line(text: str) -> bool:
    """Whether `text` is a page's line of publication fields (a dated time field and a source or index)."""
    norm = normalise(text).strip()
    return len(norm) <= _MAX_LINE and bool(_DATED_RE.search(norm)) and bool(_SOURCE_RE.search(norm))


def ends_page(texts: Sequence[str], line: int, footer_mark: Callable[[str], bool]) -> bool:
    """Whether the publication line `texts[line]` comes after the article: only the site's footer follows it (a
    few lines with no sentence, or lines `footer_mark` knows). Above the article, the article follows it."""
    rest = [t for t in texts[line + 1 :] if t.strip() and not footer_mark(t)]
    return len(rest) <= _MAX_BLOCK and not any(_SENTENCE_END_RE.search(normalise(t)) for t in rest)


def heading_block_start(texts: Sequence[str], line: int, floor: int, outline_re: re.Pattern[str]) -> int:
    """Where the page's heading block above the publication line `texts[line]` starts (no higher than
    `floor`): the short lines with no sentence just above it, and blank lines and bare `|` markers."""
    start, headings = line, 0
    while start > floor:
        above = normalise(texts[start - 1]).strip()
        if above and above.strip("|").strip():
            if headings == _MAX_BLOCK or len(above) > _MAX_HEADING or _SENTENCE_RE.search(above):
                break
            if outline_re.match(above):
                break
            headings += 1
        start -= 1
    return start


def published_date(blocks: Sequence[object], tail: set[int]) -> date | None:
    """The date of the first publication line among the page's tail (`tail`, indexes of `blocks`)."""
    for text in (line for i in sorted(tail) if isinstance(b := blocks[i], str) for line in b.splitlines()):
        if publication_line(text) and (m := _DATED_RE.search(normalise(text))):
            try:
                return date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                return None
    return None
