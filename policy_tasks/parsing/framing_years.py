"""A year framed by what it means, the sentence a notice opens its requirements with: no time phrase in it.

A notice of the year's work says first what the year is: `2020年是决胜全面建成小康社会、决战脱贫攻坚和“十三五”规划收官
之年,也是全面落实强首府战略起步之年,做好2020年的政府工作意义重大。` (南宁经开区 2020), `2021年是中国共产党成立100周年和
“十四五”开局之年`, `2024年是…的关键一年`. The sentence commits no one to anything: its year, the plan period it closes
(`“十三五”规划收官之年`) and the year's work it calls important are the frame of the requirements after it, no deadline
(round 120). The year may first be named by the anniversary it falls on, `今年是中华人民共和国成立75周年,是实施“十四五”
规划的关键一年,…` (嘉鱼 2024, round 136): `…周年` after a figure frames it as `…之年` does, and so does `…之年` / `…一年` in a
later part that goes on calling the year (`,是…`, `,也是…`). Only a sentence opening with the year (`2020年是`, `今年是`) and
calling it so, in its first part or in such parts after it, is a frame, read up to its full stop. Near cases that stay
dated: a year opening a task (`2020年完成改造`), a year as the subject of a target (`2020年是目标年,要完成…`: no `之年`),
`今年是实施规划的第三年` (no anniversary), a sentence after the frame.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

# The frame opens a sentence (after a full stop, a line break or the text's start) and runs to the sentence's end; the
# parts before the one calling the year so each go on `,是…` (`,也是…`).
_FRAMING_RE = lazy_compile(
    r"(?:^|(?<=[。;!?\n]))[ \t]*(?:\d{4}年|今年)是(?:[^。;!?\n,]{2,60}?,(?:也|更|又|还)?是)*?[^。;!?\n,]{2,60}?"
    r"(?:之年|一年|(?<=[\d一二三四五六七八九十百])周年)[^。;!?\n]*",
    needs="之年|一年|周年",
)


def framing_spans(norm: str) -> list[tuple[int, int]]:
    """The spans of `norm`'s sentences that frame the year (`2020年是…收官之年,…。`)."""
    return [m.span() for m in _FRAMING_RE.finditer(norm)]
