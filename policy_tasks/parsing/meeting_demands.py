"""A meeting report's demands written with no number after the meeting's verb, each part charging its own subject.

A bureau's, a city's or a town's news report of a work meeting numbers nothing: after the account of who met, one
paragraph gives the meeting's demands, opening with its verb (`会议要求,` / `会议强调,` / `会议指出,`) and running
on, a demand a `;`-separated part or a sentence, each with its own subject and `要` (rounds 162, 163):

    会议要求,统一思想,提高认识,各乡办、各有关部门思想上要高度重视,…;转变思路,强化责任,各乡办、各有关部门要强化责任
    担当,…;突出重点,狠抓落实,各乡办、各有关单位要按照…要求,持续抓好…。

    会议强调,各相关单位要高度重视…。各行业管理部门要严格落实…。市安委会办公室要充分发挥…。市住建、市监、消防、公安、
    商务、交通等部门要开展联合执法,…。各单位要加大…宣传力度,市融媒体中心要充分运用…。

    会议要求,全镇要按照…做好服务工作;各村要梳理…;农技站要做好…;春季是用种、用肥的高峰期,市场监督管理所要查清…。
    会议指出,高标准农田建设是…重要抓手和关键举措,…。各有关部门要…。相关设计单位要…。各相关部门要…。

Each demand is an order of its own (`charged_parts`, as round 62's `;`-separated orders and round 114's sentences
opening with their unit), numbered in order. A part opens a demand when it opens by charging its subject with `要`
(`思想上要`, `行动上要` too), after at most a paired heading of its own (`统一思想,提高认识,`) or one clause of reason
(`春季是…高峰期,X要…`). The opening statement between the verb and the first subject (`高标准农田建设是…`) charges
no one and is no part of the first; a later part with no subject of its own goes on with the one before it (the
report's next sentences too, where a copy ran its lines together). Two such parts at least make the list: a single
`会议要求,X要…` is a news item's sentence. A subject is:

- a group by `各` and a kind of body (`各乡办`, `各有关部门`, `各相关单位`, `各行业管理部门`): one addressee, as the corpus
  README keeps `各有关单位`; a bare `各单位` / `各部门` / `各地` opens a demand but names no one;
- departments by their short forms before `等部门` (`市住建、市监、消防、公安、商务、交通等部门要…`): each as written, the
  first leading; `等部门` is no part of a name (README; round 130 wrote the spelled-out names where a sentence followed);
- named units (`市安委会办公室`, `农技站`, `全镇`), never the speakers, the work or a time (`我们要`, `工作要`).

A demand naming groups, short forms or several subjects (`…,市融媒体中心要…`) charges them all, the first leading and
the later ones helping (`minute_subjects` reads named units; here the groups too); else its one body leads. A
paragraph after the demands telling what was done after the meeting and asking a body for more (`会后,…还走访农户,…,
要求农技站做好各项技术服务,各部门紧密配合,…`) is an order too: the body asked leads and the one told to work with it
(`…配合`) helps.

Near cases that stay as they were: a paragraph numbering its demands (`会议要求,一是…`, `minute_points`); a lone demand;
a meeting's `会议认为,…` (a finding) or a verb in another's sentence (`按照会议要求,`); a part that opens with a date
(`3月10日,…`), where the paragraph is a report, not demands; parts whose subjects are no units (`有关部门要…`,
`工作要…`, `我们要…`); a `会后,` paragraph with no demand in it, or in a report with no such demands.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .role_sentences import reads_as_units
from .textutil import normalise
from .unit_colon_items import office_names
from .unit_labels import CO, LISTED
from .unit_names import looks_like_units

_LEAST = 2
# The meeting's own verb over its demands: at a line's start, or after a sentence end or a space where a copy ran the
# report's lines together.
_HEAD_RE = lazy_compile(r"(?:^|(?<=[。!?\s]))\s*会议(?:要求|强调|指出|提出)\s*[,:]\s*", needs="会议")
# Numbered demands are `minute_points`' (`一是`, `一要`, `(一)`, `1.`).
_NUMBERED_RE = lazy_compile(r"[一1](?:是|要|、|\.)|\(一\)|①")
# A part: a `;`-separated one or a sentence.
_PART_RE = re.compile(r"[^。;!?]+[。;!?]?")
# The subject and its `要` (not `要求`, `要点`, `要素`); its frame of mind or action may stand before 要 (`思想上要`).
_SUBJECT = r"(?P<names>[\u4e00-\u9fff、()()]{2,40}?)(?:思想上|行动上)?要(?![求点素])"
# What may stand before the part's subject: nothing, a paired heading (`统一思想,提高认识,`) or a clause of reason.
_OPENINGS = [
    lazy_compile(rf"\s*{_SUBJECT}", needs="要"),
    lazy_compile(rf"\s*[\u4e00-\u9fff]{{2,6}},[\u4e00-\u9fff]{{2,6}},{_SUBJECT}", needs="要"),
    lazy_compile(rf"\s*[^,;。:要]{{2,40}},{_SUBJECT}", needs="要"),
]
# Any later subject in a demand (`…,市融媒体中心要…`).
_LATER_RE = lazy_compile(rf"[,;。]\s*{_SUBJECT}", needs="要")
# A group by 各 and a kind of body; the bare kinds name no one.
_GROUP_RE = lazy_compile(r"各[\u4e00-\u9fff]{1,6}(?:单位|部门|乡办|乡镇|街道|镇街|社区|村)")
_VAGUE_RE = lazy_compile(r"各(?:单位|部门|地|级|方)")
# Departments by short form closed by `等部门` (`市住建、市监、消防等部门`).
_SHORT_FORMS_RE = lazy_compile(r"(?P<list>[\u4e00-\u9fff]{2,6}(?:、[\u4e00-\u9fff]{2,6})+)等(?:有关)?(?:部门|单位)")
# Subjects that are no body: the speakers, the work itself, a time, a kind of body with no 各 (`有关部门`).
_NOT_BODY_RE = lazy_compile(
    r"^(?:我们|大家|干部|党员|工作|全体|今年|当前|下一步)|工作$|[是的]|^(?:有关|相关)(?:部门|单位)$"
)
# `会后,…要求农技站做好各项技术服务,各部门紧密配合,…`: the body asked after the meeting, and its helpers.
_AFTER_RE = lazy_compile(r"\s*会后\s*,", needs="会后")  # matched at its start
# The same paragraph run on after the demands (a copy that lost its breaks): it opens after a sentence end.
_RUN_ON_AFTER_RE = lazy_compile(r"(?<=[。!?])\s*(?=会后\s*,)", needs="会后")
_ASKED_RE = lazy_compile(
    r"要求(?P<names>[\u4e00-\u9fff()()]{2,20}?)"
    r"(?=做好|做实|抓好|加强|开展|落实|负责|及时|切实|全力|积极|认真|主动|进一步|确保|严格)",
    needs="要求",
)
_HELPER_RE = lazy_compile(
    r",(?P<names>[\u4e00-\u9fff()()]{2,20}?)(?:紧密|密切|积极|全力|主动)?(?:配合|协助|协作)", needs="配合|协"
)


def _body(names: str) -> bool:
    """One body named in full (`农技站`, `市场监督管理所`, `全镇`)."""
    return not _NOT_BODY_RE.search(names) and looks_like_units(names)


def _named(names: str) -> list[str] | None:
    """The groups, short forms and units a subject names (empty where it names no one), or None where it names none
    of them."""
    if (short := _SHORT_FORMS_RE.fullmatch(names)) is not None:
        return short["list"].split("、")
    parts = names.split("、")
    if all(_VAGUE_RE.fullmatch(p) for p in parts):
        return []
    if all(_GROUP_RE.fullmatch(p) or reads_as_units(p) or office_names(p) for p in parts):
        return parts
    return None


def _subject(part: str) -> re.Match[str] | None:
    """The subject a part opens by charging, read as a group, a short form, a unit or a body."""
    for pattern in _OPENINGS:
        if (m := pattern.match(part)) is not None and (_named(m["names"]) is not None or _body(m["names"])):
            return m
    return None


def demand_starts(norm: str) -> list[int]:
    """Where each demand of the paragraph `norm` starts (after its part's spaces), or nothing when the paragraph numbers
    its demands or gives fewer than two parts opening with their subjects."""
    head = _HEAD_RE.search(norm)
    if head is None or _NUMBERED_RE.search(norm, head.end()):
        return []
    found = [
        p.start() + len(p.group()) - len(p.group().lstrip())
        for p in _PART_RE.finditer(norm, head.end())
        if _subject(p.group()) is not None
    ]
    return found if len(found) >= _LEAST else []


def after_meeting_start(norm: str, start: int = 0) -> int | None:
    """`会后,…要求X做好…`: where the paragraph (from `start`) opens, when it asks a body for work after the meeting."""
    if _AFTER_RE.match(norm, start) is None:
        return None
    end = norm.find("。", start)
    asked = _ASKED_RE.search(norm, start, end if end >= 0 else len(norm))
    return start if asked is not None and _body(asked["names"]) else None


def demand_items(lines: list[tuple[str, bool]]) -> list[tuple[int, int]]:
    """Each demand's (line number, 1-based; start) in a report giving the meeting's demands unnumbered (see above), and
    the paragraph after them asking a body for work after the meeting, in its own line or run on after them."""
    found: list[tuple[int, int]] = []
    for number, (text, _) in enumerate(lines, 1):
        norm = normalise(text)
        if starts := demand_starts(norm):
            after = (after_meeting_start(norm, m.end()) for m in _RUN_ON_AFTER_RE.finditer(norm, starts[-1]))
            found += [(number, start) for start in starts + [at for at in after if at is not None][:1]]
        elif found and (start := after_meeting_start(norm)) is not None:
            found.append((number, start))
    return found


def demand_charge(text: str, *, reports: bool = True) -> Responsibility | None:
    """The bodies a demand charges: every subject it names as a group, a short form or a unit, the first leading and
    the later ones helping; else (in a report, `reports`) the one body its first part opens with, or the body asked
    after the meeting (lead) and the one told to work with it (co). None where it names no one."""
    norm = normalise(text)
    first = _PART_RE.match(norm)
    opening = _subject(first.group()) if first is not None else None
    found = Responsibility(origin="纪要正文")
    for m in ([opening] if opening is not None else []) + list(_LATER_RE.finditer(norm)):
        for name in _named(m["names"]) or []:
            if name not in found.roles[LISTED] + found.roles[CO]:
                found.roles[CO if found.roles[LISTED] else LISTED].append(name)
    if found.roles[LISTED] or not reports:
        return found if found.roles[LISTED] else None
    found = Responsibility(origin="正文开头")
    if _AFTER_RE.match(norm) is not None:
        asked = _ASKED_RE.search(norm)
        if asked is None or not _body(asked["names"]):
            return None
        found.roles[LISTED] = [text[asked.start("names") : asked.end("names")]]
        helper = _HELPER_RE.search(norm, asked.end())
        if helper is not None and _body(helper["names"]):
            found.roles[CO] = [text[helper.start("names") : helper.end("names")]]
        return found
    # A bare group (`各单位要…`) opens a demand but names no one.
    if opening is None or _named(opening["names"]) is not None or not _body(opening["names"]):
        return None
    found.roles[LISTED] = [text[opening.start("names") : opening.end("names")]]
    return found
