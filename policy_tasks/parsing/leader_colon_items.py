"""A paragraph opening with a leader's post and name and a colon gives that leader's remit.

A government divides its work report (or a bureau its work) among its leaders, and a newspaper or the
government's page often reports the division as paragraphs with no number, each opening with one leader:

    常务副省长高建民:负责省人民政府常务工作,主要负责抓好发展改革…等方面工作的落实。
    副省长付建华:负责抓好工业经济运行、交通运输…等方面工作的落实。
    秘书长某某:负责协助省长处理省政府日常工作……

The person before the colon (post first, `副省长付建华`, or name first, `付建华副省长`; other posts before
it joined by `、`, `省委常委、常务副省长高建民`) is the paragraph's leader, written as the text writes him; the
paragraph names no unit, so the clause has none and the review page marks it 待核对 (a unit stated once
for the whole list still leads each, as for `由副省长X领办` orders). Two such paragraphs or more are the
list, one clause each in order (`number_leader_colon_paragraphs`, a fallback for a document with no
numbered item), as `unit_colon_items` reads `财政所:负责…`; a single one is a report's aside.

The words after the colon must give a remit (`负责`, `分管`, `主持`, `协助省长负责…`): a leader addressed
by a letter (`李明副市长:` then `现将…报告如下`), a speaker quoted (`副市长王明:我讲三点意见`) and a group's
roles (`组 长:张某镇长`, the role before the colon and no name) are none.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .leader_headings import POST
from .outline import line_marker, numbered_in_order
from .responsibility import Responsibility
from .textutil import normalise
from .titled_names import titled_name

_OPENING_RE = lazy_compile(r"^\s*(?P<person>[^\s:：,，。;；()（）]{3,30})\s*[:：]\s*(?=\S)")
# A leader's other posts written before the one the name follows (`省委常委、`, `省委副书记、`).
_OTHER_POST_RE = lazy_compile(r"(?:[省市县区州]委)?(?:常委|副书记|书记)|(?:[省市县区]政府)?党组(?:副书记|成员)")
# Name first: a person's name of two or three characters, then a government leader's post.
_NAME_FIRST_RE = lazy_compile(rf"[\u4e00-\u9fff]{{2,3}}(?:{POST})")
# What opens a leader's remit (`负责…`, `分管…`, `协助省长负责…`, `主持全面工作`).
_REMIT_RE = lazy_compile(
    r"(?:协助[\u4e00-\u9fff]{1,4}?)?(?:全面)?(?:负责|分管|主管|主抓|抓好|主持|牵头|联系|领办|统筹|协调)"
)


def _person(name: str) -> bool:
    *others, last = name.split("、")
    if not all(_OTHER_POST_RE.fullmatch(p) for p in others):
        return False
    return titled_name(last) or bool(_NAME_FIRST_RE.fullmatch(last))


def leader_colon_charge(text: str) -> Responsibility | None:
    """The leader a paragraph opens with before a colon (`副省长付建华:负责…`), naming no unit, or None."""
    norm = "".join(normalise(text).split())  # a name padded to two characters' width (`杨 剑`) is written whole
    m = _OPENING_RE.match(norm)
    if m is None or not _person(m["person"]) or not _REMIT_RE.match(norm, m.end()):
        return None
    return Responsibility(leaders=[m["person"]], origin="领导冒号")


def number_leader_colon_paragraphs(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]] | None:
    """The lines with each unnumbered paragraph that opens with a leader and a colon numbered in order,
    or None when fewer than two do."""
    items = [
        k
        for k, (text, _) in enumerate(lines)
        if text.strip() and line_marker(normalise(text).strip()) is None and leader_colon_charge(text) is not None
    ]
    if len(items) < 2:
        return None
    return numbered_in_order(lines, items)
