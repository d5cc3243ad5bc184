"""Round 115's readings of years in a several-year plan: a yearly duty, and a year `前` left to the reviewer.

`市、区政府每年安排一定数量公共租赁住房`, `坚持市委每年确定一至两项重要工作…`, `“一府两院”在每年年底提出…议题`,
`每年根据年度工作重点…研究确定…年度计划`, `每年为65周岁以上的…老年人提供1次…体检`: a `每年` standing before the
duty's own verb, after the subject that owes it or opening the clause, is a yearly duty as `每年定期公布` is, though
it names no quantity (a bare `每年` before a figure, `每年新增100亩`, dates that figure as ever). The verbs are the
genre's for work an office does once a year (arranging, deciding, proposing, holding, providing); a `每年` before
anything else (`每年的6月5日`, `每年增长10%`) is read as before.

`2014年前建成…系统` (before, or by, 2014): the corpus leaves `X年前` undated (README), since "before 2014" may mean
by the end of 2013 as well as of 2014, a whole year apart; the phrase is unreadable, so the task gets no date and
the review page asks for one. A count after it (`2010年前三季度`, `2023年前10个月`) is no deadline at all.
"""

from __future__ import annotations

import re

# After `每年` (and a `年底` / `年初` it names, `每年年底提出`): the duty's verb, or an adverbial leading to it.
YEARLY_DUTY_RE = re.compile(
    r"(?:年底|年初)?(?:都|要|均)?"
    r"(?:安排|确定|提出|召开|组织|开展|举办|制定|评选|表彰|根据[^;。]{0,40}?确定|为[^,;。]{0,40}?提供)"
)

# `2014年前`, `2020年以前`: the bare year before 前 (no 底 / 末 / 内), no count of months or quarters after it.
_YEAR_BEFORE_RE = re.compile(r"\d{4}\s*年(?:之前|以前|前)$")
_COUNT_AFTER_RE = re.compile(r"[一二三四五六七八九十两\d]")


def year_before(match: re.Match[str]) -> bool:
    """Whether a numbered year's match is `X年前`, which dates nothing the reviewer need not check."""
    return bool(_YEAR_BEFORE_RE.search(match[0])) and not _COUNT_AFTER_RE.match(match.string, match.end())
