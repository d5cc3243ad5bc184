"""A month's deadline standing alone before its commitment dates that commitment, whatever the verb.

Provincial action plans (营商环境 / 创新 行动计划, round 190) open each measure's commitment with its deadline set off by a
comma: `6月底前,探索企业账户账号在线推送模式`, `6月底前,明确代位注销适用情形、程序、申请材料`, `9月底前,实现…`. The
date was already read as the sentence's opening (`milestones._is_opening_date`), but it dated the part after it only
where that part used one of the genre's deadline verbs (`_CUE`: 实现, 探索 … ), so a commitment to settle rules
(`明确`, `规范`, `厘清`) went undated. A date the work must be done *by* (a month's or quarter's end, or `前`) commits the
work it opens whatever the verb, as the same date inside the part already does (`12月底前取得明显成效`, `_due_by`).

Near cases that stay as they were: a horizon (`到2025年,`, `到2025年底,全市…`: a year, not a month's deadline) keeps
needing its verb; a date with no `前` / `底` / `末` (`6月,`) is when, not by when; a part the milestone reader excludes
(a benefit, a condition, a report's tally `截至6月底,已…`) stays excluded, since this only stands in for the verb.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .textutil import normalise
from .time_phrase import PRECISE, TimePhrase

# `6月底前`, `9月30日前`, `三季度末`: a month's, a day's or a quarter's end, or a `前` (the level is PRECISE: no year).
_BY_RE = lazy_compile(r"(?:前|以前|之前|[底末])$")


def deadline_opens(opening: TimePhrase | None) -> bool:
    """Whether the sentence's opening date is a precise deadline (`6月底前,`) that dates the part after it."""
    if opening is None or opening.level != PRECISE:
        return False
    text = normalise(opening.text).strip()
    return bool(_BY_RE.search(text))
