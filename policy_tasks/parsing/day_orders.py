"""A campaign report's unnumbered orders, each opening with its day: `4月7日,由A负责…;4月11日,由B负责…`.

A county news page reporting a campaign (a 信访 大接访 fortnight) numbers nothing; it gives the days it set, one
`;`-separated part a day, each opening with the day and then who organises it, as round 62's orders open with
`由A负责`:

    …共设立三个专题接访日。4月7日,由县国土资源局负责联系分管的县领导,在县国土局开展“土地问题”接访活动;4月11日,
    由县换届办负责联系分管的县领导,在县信访局一楼接访大厅开展“村居选举问题”接访活动;4月14日,由县委政法委负责…。

Each part is an order (`charged_parts`), the day its dated commitment; the day stays in the order's text (`start`
`4月7日,由县国土资源局`). Once two such day-led orders make the report a list of orders, its other sentences that charge
bodies are orders too, in their place (corpus README round 62, by order): the campaign's requirement on groups
(`此次大接访活动要求A和B既要…又要…`, after a reporter's `据了解,`) and the closing arrangement for the rest of the work
(`此外,其它接访活动(…)具体由A、B自行组织安排实施`, after `此外,`). Such a sentence ends with its `。`: the frame that
follows it (`具体安排如下:4月1日至3日为排查阶段,…`) names no doer and is no part of it.

The order's organiser brings in the county leader in charge of its field, who receives the petitioners that day
(`由X负责联系分管的县领导,在…开展…接访活动`): the post is the order's leader as written (`分管的县领导`, as round 106's
`县政府分管领导`), X leading. In the requirement the groups after `要求` answer, the first leading and the others
helping (`A和B`); in the closing arrangement the bodies after `由` do, the first leading (`A、B自行组织…`).

Near cases that stay as they were: one day-led order alone (a news item's sentence), a day opening a report's
account (`4月2日,记者获悉,…`: no `由A负责` after it), a span of days (`4月7日至15日为实施阶段`), and, with no day-led
orders, a requirement sentence in prose (left to the other readers).
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .textutil import normalise
from .unit_lists import split_names

# The day opening an order: `4月7日,`, `7日,`, `4月7日上午,`.
_DAY_RE = lazy_compile(r"(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚上|晚)?,(?=由)", needs="日")
# The campaign's requirement on groups: `此次…活动要求A和B既要…` (`要求` then the groups, then `既要` / `要` / `务必`).
_REQUIREMENT_RE = lazy_compile(
    r"(?:(?:据了解|据悉|另据了解|同时|另外),)?(?P<s>(?:此次|本次|这次)[^。;,:]{2,20}?要求"
    r"(?P<names>各[\u4e00-\u9fff()、和及]{2,40}?)(?:既要|要|务必|必须))",
    needs="要求",
)
# The closing arrangement for the rest of the work: `此外,<work>具体由A、B自行组织…实施`.
_REST_RE = lazy_compile(
    r"(?:此外|另外|同时|其余|其他),(?P<s>[^。;:]{2,60}?(?:具体)?由[\u4e00-\u9fff()、]{2,40}?"
    r"(?:自行|分别|负责)?(?:组织|安排|负责|实施)[^。;]*)",
    needs="由",
)
_SENTENCE_END_RE = re.compile(r"[。!?]")
# The leader the organiser brings in, by post: `负责联系分管的县领导`, `负责邀请分管县领导`.
_BROUGHT_IN_RE = lazy_compile(
    r"负责(?:联系|邀请|联络|协调)(?P<post>(?:分管|联系|挂点)的?[县市区镇乡]?(?:级)?领导)(?=[,。;、和及在])",
    needs="领导",
)
# An order's charge as it opens the item: the requirement's groups, or the bodies after `由` in the closing arrangement.
_OPENING_REQUIREMENT_RE = lazy_compile(
    r"^(?:此次|本次|这次)[^。;,:]{2,20}?要求(?P<names>各[\u4e00-\u9fff()、和及]{2,40}?)(?:既要|要|务必|必须)",
    needs="要求",
)
_OPENING_REST_RE = lazy_compile(
    r"^[^。;:]{2,60}?(?:具体)?由(?P<names>[\u4e00-\u9fff()、]{2,40}?)(?:自行|分别)(?:组织|安排|负责|实施)",
    needs="由",
)


def day_opening_end(norm: str, start: int) -> int | None:
    """Where the day opening a part at `start` ends (`4月7日,` before `由`), or None."""
    m = _DAY_RE.match(norm, start)
    return m.end() if m else None


def campaign_sentences(norm: str) -> list[tuple[int, int]]:
    """The spans (start, end after its `。`) of a report's sentences charging bodies beside its day-led orders: the
    campaign's requirement on groups and the closing arrangement for the rest (see the module)."""
    found = []
    for pattern in (_REQUIREMENT_RE, _REST_RE):
        for m in pattern.finditer(norm):
            if m.start() and norm[m.start() - 1] not in "。!?;:\n ":
                continue
            end = _SENTENCE_END_RE.search(norm, m.start("s"))
            found.append((m.start("s"), end.end() if end else len(norm)))
    return sorted(found)


def campaign_charge(text: str) -> Responsibility | None:
    """The units of a campaign report's requirement (`此次…活动要求A和B既要…`: A leads, B helps) or closing
    arrangement (`…具体由A、B自行组织安排实施`: the first leads), or None."""
    norm = normalise(text)
    m = _OPENING_REQUIREMENT_RE.match(norm) or _OPENING_REST_RE.match(norm)
    if m is None:
        return None
    s, e = m.span("names")
    names = [n for part in re.split(r"[和及]", text[s:e]) for n in split_names(part, normalise(part), 0, len(part))]
    names = names or [text[s:e]]
    return Responsibility.first_leading(names, "正文开头") if names else None


def brought_in_leaders(text: str) -> list[str]:
    """The leader posts an order's organiser brings in (`由X负责联系分管的县领导`), as written."""
    return list(dict.fromkeys(m["post"] for m in _BROUGHT_IN_RE.finditer(normalise(text))))
