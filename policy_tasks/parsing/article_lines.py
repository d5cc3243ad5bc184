"""Rules numbered as articles (`第一条`, `第二条` …) under parts or chapters (`第一部分 总则`, `第一章 总则`), run onto one line.

A county's 规定 or 办法 sets each article at a line's start, its parts' and chapters' headings on lines of their own.
A copy that removed every line break (a dataset's cell, a page's text pasted as one paragraph) runs them together:
`…若干规定第一章 总则第一条 为…,特制定本规定。第二章 推进…第二条 推进…。(牵头责任单位:A;责任单位:B)第三条 …`.
Where the breaks are gone:
- an article or a part starts inside a line after a sentence end, a bracket or a space after a word, as the other
  numbers do (`outline.split_inline`), and an article also right after its part's short title (`总则第一条`), as a
  heading's first item glued to it does (`glued_items`);
- the rules' first part or article starts the body right after the title that names the rules' kind
  (`…若干规定第一章`), where its second follows on the line (`one_line`).
A number the text cites is no article's start: `按照本办法第二条规定`, `依照本规定 第三条 所称`, `第二条、第三条`,
`第五条的规定` (a citing word before it, or the cited article's sentence going on after it).
"""

from __future__ import annotations

import re

_NUMERAL = "一二三四五六七八九十百"
# After the number, a cited article's sentence goes on: `第二条规定`, `第二条的`, `第二条、第三条`, `第二条第一款`.
# A part or an article may open with any other word (`第二章 规范执法`, `第三条 中小企业…`).
_CITED_AFTER = r"(?!\s*(?:[的之、,，和及与至或第款项]|规定|所[称列述指规]|中[的所]|以外|以下|以上))"
# Before it, a word that cites: `本办法第二条`, `依照第二条`, `及第二条`.
_CITES_BEFORE = re.compile(
    r"(?:本(?:办法|规定|条例|细则|规则|章程|准则|章|部分|决定)|依照|按照|根据|依据|参照|对照|违反|适用|[按依见及和与至、])\s*$"
)
# Inside a line: after a sentence end or a closing bracket, or after a word and a space.
_INLINE_RE = re.compile(
    r"(?:(?<=[。;:!?)\]〕】])\s*|(?<=[\u4e00-\u9fff)\d])\s+)"
    rf"(?P<m>第[{_NUMERAL}\d]+条|第[{_NUMERAL}]+(?:章|部分|篇))" + _CITED_AFTER
)
# Glued to the short title of its part (`总则第一条`, `改革高效落地第二条`).
_GLUED_RE = re.compile(
    rf"(?<=[\u4e00-\u9fff”」》])(?P<m>第[{_NUMERAL}\d]+条)" + _CITED_AFTER + r"(?=\s|[\u4e00-\u9fff“])"
)
# The rules' title names their kind, and their first part or article follows it with no stop (`…若干规定第一章`).
RULES_FIRST_RE = re.compile(
    r"(?<![本该此][\u4e00-\u9fff]{2})(?<=规定|办法|条例|细则|规则|章程|准则)\s*第一(?:章|部分|条)" + _CITED_AFTER
)


def _cited(norm: str, at: int) -> bool:
    return _CITES_BEFORE.search(norm[max(0, at - 8) : at]) is not None


def inline_starts(norm: str) -> list[int]:
    """Where an article or a part may start inside the (normalised) line, after a stop or a space."""
    return [m.start("m") for m in _INLINE_RE.finditer(norm) if not _cited(norm, m.start("m"))]


def glued_starts(norm: str) -> list[int]:
    """Where an article may start glued to the word before it: its part's title, as `split_inline` then checks."""
    return [m.start("m") for m in _GLUED_RE.finditer(norm) if not _cited(norm, m.start("m"))]
