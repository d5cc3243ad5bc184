"""Figures a several-year plan gives for its years (round 115).

`2012~2015年,年均销售福利彩票30亿元以上,市本级年筹集公益金3亿元以上`, `2012－2015年,…城镇登记失业率控制在3.5%以内`:
under a span of years a figure for each year (an average, a yearly amount, a level kept within a cap) is due in
every year of the span, no deadline at its end: no dated milestone. A total over the span (`2012~2015年,共募集社会
捐赠5亿元以上`, `建设和筹集保障性住房95000套`) is still due at the span's end, as a horizon year's figure is
(`到2015年,参保人数达到780万人`).

A horizon year opening its sentence (`到2015年,A达到…;B达到…;C…。`) dates the figures of every `;` part up to the
sentence's full stop, as the plan writes one sentence of targets for that year. Its figures are targets, a verb
written or not (`小学适龄儿童入学率100%`), and their bounds the targets' (`辍学率1%以下`, `不低于50%`), no caps of a benefit.

`2012年,将廉租住房保障收入线标准由…9600元以下提高到15600元以下`: the `以下` closes the standard the plan raises,
the task's own figure, not a cap of a benefit (`补助不超过…`, `…元以下的部分`): the part is no benefit.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .textutil import normalise
from .time_phrase import YEAR, TimePhrase

_SPAN_RE = re.compile(r"\d{4}\s*年?\s*[-—~～－至到]\s*\d{4}\s*年")
# `年均`, `年平均`, `市本级年筹集` (a level's yearly amount), `控制在` / `保持在` (a level kept over the span).
_PER_YEAR_RE = lazy_compile(r"年均|年平均|(?<=[级市省县区])年(?=筹集|新增|开发|完成|销售|募集)|控制在|保持在")
# `由…以下提高到…以下`: the standard raised, from its old line to its new one.
_RAISED_LINE_RE = lazy_compile(r"(?:由[^,;。]{0,30}?以下)?(?:提高|上调|调整)(?:到|至|为)[^,;。]{0,20}?以下")


_HORIZON_RE = re.compile(r"^(?:到|至)?\s*\d{4}\s*年$")


def horizon_year(part: str, own: list[TimePhrase]) -> bool:
    """Whether `part` is nothing but a bare year opening its sentence (`到2015年`, `2012年`)."""
    return len(own) == 1 and own[0].level == YEAR and bool(_HORIZON_RE.match(part.strip()))


_BOUND_RE = re.compile(r"以下|不低于|不高于|不超过")


def horizon_bounds(part: str) -> str:
    """`part` without the bound words of a horizon's target (`辍学率1%以下`, `占比不低于50%`), no benefit's cap."""
    return _BOUND_RE.sub("", part)


def per_year_figure(part: str, dated_by: str | None) -> bool:
    """Whether `part` gives a figure for each year of the span of years (`dated_by`) that dates it."""
    return dated_by is not None and bool(_SPAN_RE.search(normalise(dated_by))) and bool(_PER_YEAR_RE.search(part))


def without_raised_lines(part: str) -> str:
    """`part` with a raised standard's `以下` taken out, so that it is read as the task's figure, not a cap."""
    return _RAISED_LINE_RE.sub(lambda m: m[0].replace("以下", ""), part) if "以下" in part else part
