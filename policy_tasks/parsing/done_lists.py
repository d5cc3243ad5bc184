"""A report that states its list done: the figures of its items are work done, no targets.

A county's news article or 办理情况 report on its 为民办实事 says, before it goes through the projects, that
every one of them is done (`共征集议定为民办实事10项,…,这10项民心实事全部办理完成。`), then gives each
project's figures: `投资475.7万元`, `累计审核发放创业担保贷款1.16亿元`, `共为2.4万名老人…接种`. Each figure is
what the work came to; read as a plan's figure, it became a target due at the year's end, a reminder for
work finished.

So where the text before the items holds a sentence saying the counted items are all done (`N项…全部(办理)
完成`, `…均已完成`, `已全部建成`, `全部办结`), no milestone is read in the items, as in a notice of a task done
(`record_headings.done_record`). Not such a sentence (near cases):
- a word of intent or a time before the verb: `确保10项实事年底前全部完成` is a plan's target;
- a year other than the document's: `2023年10项实事全部完成` before a 2024 plan reports last year's list;
- a later sentence of that text announcing a list to do (`2024年确定以下实事:`, `将…`, `如下`): the list that
  follows is the new one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lazy_patterns import lazy_compile
from .textutil import normalise

# `这10项民心实事全部办理完成`, `上述15件实事均已完成`, `10个项目已全部建成`: a count, then all of it done.
_DONE_RE = lazy_compile(
    r"(?:\d+|[一二两三四五六七八九十]{1,3})\s*(?:项|件|个)[^,;。!?]{0,12}?"
    r"(?:已经?|均)?(?:全部|悉数|全面)?(?:已经?)?(?:办理|建设|实施)?(?:完成|办结|建成|竣工)了?$",
    needs="完成|办结|建成|竣工",
)
# A done verb needs a word of totality before it: `10项实事完成` alone may be a plan's figure.
_ALL_RE = lazy_compile(r"全部|均|悉数|全面|已")
_INTENT_RE = lazy_compile(r"确保|力争|争取|要|将|必须|务必|计划|预计|目标|[底末]|前|年内|月")
_ANNOUNCES_RE = lazy_compile(r"如下|以下|将|拟|计划|确定")
_YEAR_RE = re.compile(r"(\d{4})\s*年")


def _states_done(sentence: str, year: int) -> bool:
    if any(int(y) != year for y in _YEAR_RE.findall(sentence)):
        return False
    for part in re.split(r"[,;:]", sentence):
        m = _DONE_RE.search(part.strip())
        if m is not None and _ALL_RE.search(m[0]) and not _INTENT_RE.search(part.strip()[: m.end()]):
            return True
    return False


def reports_list_done(header: Sequence[tuple[int, str]], year: int) -> bool:
    """Whether the text before the items (`header`: numbered lines) says all the listed items are done."""
    sentences = [s for _, line in header for s in re.split(r"[。!?]", normalise(line)) if s.strip()]
    for i, sentence in enumerate(sentences):
        if _states_done(sentence, year):
            return not any(_ANNOUNCES_RE.search(later) for later in sentences[i + 1 :])
    return False
