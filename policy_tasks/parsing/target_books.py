"""A 目标责任书: the party the book is signed with answers for every target; the office assessing each target helps.

A town (a county, a bureau) hands its villages (townships, sections) the year's targets in a target-responsibility
book (目标管理责任书, 目标责任状). The sentence before the list says with whom it is signed, once for the whole list,
and each target closes by naming the office that assesses it:

    镇党委与各村(社区)签订年度目标管理责任书。具体内容、分数构成及考核部门如下:
    1、招商引资项目建设及全民创业25分,…。由镇工办负责考核。
    2、党建工作20分。…,具体考核细则由镇组织办、纪检办、宣传办负责。

The party signed with (`各村(社区)`, one addressee) is held to each target: it leads every item that names no unit of
its own, as a list's owner stated before its items does (`list_owners`, corpus README round 72). The office that
assesses a target checks the others' work: it is co, as an office that 考核 a campaign stage's subjects is (README
round 77). Where a target table names only its examiner (`监考单位`, README round 67), that column is the units held
(`main_unit_column`); here the held party is written, so the examiner stays what it is (README round 87).

A target may make the held party's posts answerable (`村(社区)支书是第一责任人,包地块村干部是直接责任人`, round 171): the
posts are its leaders as written, the party still leading (README rounds 106/139's posts).

Read only from the text before the list (the book's own preamble); `与…签订…责任书` inside an item is a measure
(a town signing books with its villages as part of its work), not this book's parties.
"""

from __future__ import annotations

import re

from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import CO, LISTED
from .unit_lists import split_names
from .unit_names import looks_like_units

# `镇党委与各村(社区)签订年度目标管理责任书`, `县政府与各乡镇(街道)签定2026年度安全生产目标责任状`: the issuer, `与`,
# the party held, the signing verb, then (within a few words: the year, the field) the book; or the book itself right
# after the verb, under a title that names it (`镇政府与各村(社区)签定本责任书。`, round 171).
_SIGNED_RE = re.compile(
    r"与(?P<names>[\u4e00-\u9fff()、]{2,30}?)(?:签订|签定|签署|签)(?:了|本)?"
    r"(?:[^。,;:]{0,16}?目标(?:管理)?责任(?:书|状)|责任(?:书|状)(?=[。,;:]))"
)
# `由镇工办负责考核`, `由市二医院、党政办负责考核`, `具体考核细则由镇组织办、纪检办、宣传办负责`, `由镇农办考核`.
_ASSESSED_BY_RE = re.compile(
    r"(?:考核|考评)[^。;,]{0,6}?由(?P<a>[\u4e00-\u9fff()、]{2,40}?)负责(?=[。;,]|$)"
    r"|由(?P<b>[\u4e00-\u9fff()、]{2,40}?)(?:负责)?(?:考核|考评)(?:评分|打分)?(?=[。;,]|$)"
)
# `村(社区)支书是第一责任人`, `包地块村干部是直接责任人`: a post, opening a sentence or a part of one, made answerable.
_ANSWERABLE_RE = re.compile(
    r"(?:^|(?<=[,;。:]))\s*(?P<post>[\u4e00-\u9fff()]{1,12}?(?:书记|支书|主任|干部|负责人|领导|[镇乡村组]长))"
    r"(?:是|为)(?:第一|直接|主要|具体)?责任人"
)
ORIGIN = "责任书签订方"


def book_holder(header: list[tuple[int, str]]) -> Responsibility | None:
    """The party the book's preamble says it is signed with (`…与各村(社区)签订年度目标管理责任书`), or None."""
    for _, text in header:
        norm = normalise(text)
        for m in _SIGNED_RE.finditer(norm):
            if looks_like_units(m["names"]):
                found = Responsibility(origin=ORIGIN)
                found.roles[LISTED] = split_names(text, norm, m.start("names"), m.end("names"))
                if found.found:
                    return found
    return None


def with_assessors(holder: Responsibility, text: str) -> Responsibility:
    """The holder leading the item, the offices `text` names as assessing it co, in order."""
    resp = holder.without_due()
    norm = normalise(text)
    for m in _ANSWERABLE_RE.finditer(norm):
        if (post := text[m.start("post") : m.end("post")]) not in resp.leaders:
            resp.leaders.append(post)
    for m in _ASSESSED_BY_RE.finditer(norm):
        group = "a" if m["a"] else "b"
        if not looks_like_units(m[group]):
            continue
        named = [n for names in resp.roles.values() for n in names]
        resp.roles[CO] += [n for n in split_names(text, norm, m.start(group), m.end(group)) if n not in named]
    return resp
