"""A meeting report's requirements as a page stores them with their stops lost (round 156).

A 街道's news report of a work meeting closes its account with the meeting's verb and numbers the requirements below
it, each opening with its short heading:

    会上,主管领导对…进行了通报,…并对专项整治工作再安排再部署。会议要求
    一要靠实工作责任管理区区长、包村干部要亲自抓、亲自督,…
    二要广泛宣传动员各村要持续做好宣传引导工作,…

The page lost the colon after `会议要求` and the stop after each heading. `会议要求` closing the line above the first
point after a sentence end is the meeting's head over its decisions as `会议要求:` is (`minute_points.decisions_line`),
so the report is a minute. A heading of four to six characters run straight into a group as its subject (`广泛宣传
动员各村要…`) ends where the group starts: the subject is the point's first sentence's, as after `广泛宣传动员,`.
Near cases: `会议要求` inside a sentence (`按照会议要求,…`) or opening the line; a heading followed by no group, or by
a group with no `要` (`加强各村联系`).

A speaker's point numbered `一要…` may charge its group in the sentence after its short heading with no `要` of its own,
the point's `要` carrying over (`张俊超主任强调:一要迅速行动。各校园召开…专题班会,…。二要全域排查。各学校、幼儿园对照
标准开展…`, round 172), or after the circumstance of the duty (`三要对照整改工作方案,各县区(园区)认真抓好落实`, round
174): a group of institutions of one or two kinds under one `各` (`各学校`, `各学校、幼儿园`) or of places with the
zones in the document's own brackets (`各县区(园区)`) opening a sentence or a part, then its verb, is the point's
subject and one addressee (`bare_groups`). Near cases: such a group after a verb (`向各学校发放…`, the receivers), a
bare `各部门` / `各单位` (no one), a group followed by a noun (`各学校安全工作…`).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .textutil import normalise

_BARE_TAIL_RE = lazy_compile(r"[。;!?]\s*会议(?:强调|要求|决定|明确|议定|确定|商定)\s*$", needs="会议")
# `要广泛宣传动员各村要`: the heading after the point's 要 (or `是`), the group, its own 要.
_RUN_ON_RE = lazy_compile(
    r"^\s*(?:要|是)?(?P<h>[\u4e00-\u9fff]{4,6}?)(?=各[\u4e00-\u9fff]{1,6}?要(?![求点]))", needs="各"
)


# Institutions of one or two kinds under one 各 (`各学校`, `各校园`, `各学校、幼儿园`).
_KIND = r"(?:中小学校?|学校|校园|幼儿园|医院|卫生院|医疗机构|养老机构)"
_INSTITUTIONS_RE = lazy_compile(rf"^各{_KIND}(?:、{_KIND})?$", needs="各")
# Places with zones beside them in brackets (`各县区(园区)`, `各乡镇(开发区)`).
_ZONED_PLACES_RE = lazy_compile(r"^各(?:县区|区县|县市区|乡镇|镇街|县|区|镇)\((?:园区|开发区|管委会)\)$", needs="各")
# The group opening a sentence or a part, then the verb of a duty with no 要 (`各校园召开`, `各县区(园区)认真抓好`).
_BARE_GROUP_RE = lazy_compile(
    r"(?:^|(?<=[。;,:]))\s*(?P<g>各[\u4e00-\u9fff、()]{1,12}?)"
    r"(?=认真|切实|对照|按照|召开|开展|组织|立即|迅速|务必|全面|抓好|做好|加强)",
    needs="各",
)


def institution_group(names: str) -> bool:
    """`各学校`, `各学校、幼儿园`, `各县区(园区)`: one addressee (round 172/174)."""
    return bool(_INSTITUTIONS_RE.match(names) or _ZONED_PLACES_RE.match(names))


def bare_groups(norm: str) -> list[tuple[int, int]]:
    """The spans of the groups opening a part of a point with no `要` of their own (`。各校园召开…`)."""
    return [m.span("g") for m in _BARE_GROUP_RE.finditer(norm) if institution_group(m["g"])]


def bare_decisions_tail(text: str) -> bool:
    """`…再安排再部署。会议要求` over the first point: the meeting's head that lost its colon."""
    return bool(_BARE_TAIL_RE.search(normalise(text).strip()))


def run_on_subject(norm: str) -> int | None:
    """Where a group opens right after a point's heading with no stop (`要广泛宣传动员|各村要…`); None otherwise."""
    m = _RUN_ON_RE.match(norm)
    return None if m is None else m.end("h")
