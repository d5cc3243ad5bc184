"""A year framed by what it means, the sentence a notice opens its requirements with: no time phrase in it.

A notice of the year's work says first what the year is: `2020年是决胜全面建成小康社会、决战脱贫攻坚和“十三五”规划收官
之年,也是全面落实强首府战略起步之年,做好2020年的政府工作意义重大。` (南宁经开区 2020), `2021年是中国共产党成立100周年和
“十四五”开局之年`, `2024年是…的关键一年`. The sentence commits no one to anything: its year, the plan period it closes
(`“十三五”规划收官之年`) and the year's work it calls important are the frame of the requirements after it, no deadline
(round 120). Only a sentence opening with the year (`2020年是`, `今年是`) and calling it `…之年` or `…一年` before its
first comma is such a frame, read up to its full stop. Near cases that stay dated: a year opening a task
(`2020年完成改造`), a year as the subject of a target (`2020年是目标年,要完成…`: no `之年`), a sentence after the frame.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

# The frame opens a sentence (after a full stop, a line break or the text's start) and runs to the sentence's end.
_FRAMING_RE = lazy_compile(
    r"(?:^|(?<=[。;!?\n]))[ \t]*(?:\d{4}年|今年)是[^。;!?\n,]{2,60}?(?:之年|一年)[^。;!?\n]*",
    needs="之年|一年",
)


def framing_spans(norm: str) -> list[tuple[int, int]]:
    """The spans of `norm`'s sentences that frame the year (`2020年是…收官之年,…。`)."""
    return [m.span() for m in _FRAMING_RE.finditer(norm)]
