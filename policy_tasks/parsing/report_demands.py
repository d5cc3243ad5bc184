"""A meeting report's demands written inline and unnumbered, each charging its own subject with `要`.

A town's or county's news report of a work meeting (a 干部大会 on spring sowing, a county head's 专题办公会) numbers
nothing: after the account of who met, one paragraph gives the meeting's demands, opening with its verb and running
on, a demand a `;`-separated part or a sentence, each with its own subject and `要` (round 163):

    会议要求,全镇要按照…做好服务工作;各村要梳理…;农技站要做好…;春季是用种、用肥的高峰期,市场监督管理所要查清…。
    会议指出,高标准农田建设是…重要抓手和关键举措,…。各有关部门要…。相关设计单位要…。各相关部门要…。

Each part that opens with its subject and `要` (or with a clause of reason before its subject, `春季是…高峰期,X要…`)
is an order of its own (`charged_parts`, as round 62's parts and round 136's inline points), numbered in order; a
part with no subject of its own goes on with the one before it. The opening statement between the verb and the first
subject (`高标准农田建设是…`) charges no one and is no part of the first. Two such parts at least make the list: a
single `会议要求,X要…` is a news item's sentence. A paragraph after the demands telling what was done after the meeting
and asking a body for more (`会后,…还走访农户,…,要求农技站做好各项技术服务,各部门紧密配合,…`) is an order too: the
body asked leads and the one told to work with it (`…配合`) helps.

Near cases that stay as they were: a lone demand; a meeting's `会议认为,…` (a finding); parts whose subjects are no
units (`工作要…`, `我们要…`); a `会后,` paragraph with no demand in it, or in a report with no such demands.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import CO, LISTED
from .unit_names import looks_like_units

_LEAST = 2
# The meeting's demanding verb opening the run: at the paragraph's start or after a sentence end.
_HEAD_RE = lazy_compile(r"(?:^|(?<=[。!?]))\s*会议(?:要求|指出|强调|提出)\s*[,:]", needs="会议")
_PART_RE = re.compile(r"[^。;!?]+[。;!?]?")
_NAMES = r"[\u4e00-\u9fff()()]{2,20}?"
# The part's subject before `要` (not `要求`, `要点`), at its start or after one clause of reason with no `要` in it.
_SUBJECT_RE = lazy_compile(rf"\s*(?P<names>{_NAMES})要(?![求点素])", needs="要")
_REASONED_RE = lazy_compile(rf"\s*[^,;。:要]{{2,40}},(?P<names>{_NAMES})要(?![求点素])", needs="要")
# Subjects that are no body: the speakers, the work itself, a time.
_NOT_BODY_RE = lazy_compile(r"^(?:我们|大家|干部|党员|工作|全体|今年|当前|下一步)|工作$|[是的]")
# `会后,…要求农技站做好各项技术服务,各部门紧密配合,…`: the body asked after the meeting, and its helpers.
_AFTER_RE = lazy_compile(r"\s*会后\s*,", needs="会后")  # matched at its start
# The same paragraph run on after the demands (a copy that lost its breaks): it opens after a sentence end.
_RUN_ON_AFTER_RE = lazy_compile(r"(?<=[。!?])\s*(?=会后\s*,)", needs="会后")
_ASKED_RE = lazy_compile(
    rf"要求(?P<names>{_NAMES})(?=做好|做实|抓好|加强|开展|落实|负责|及时|切实|全力|积极|认真|主动|进一步|确保|严格)",
    needs="要求",
)
_HELPER_RE = lazy_compile(rf",(?P<names>{_NAMES})(?:紧密|密切|积极|全力|主动)?(?:配合|协助|协作)", needs="配合|协")


def _body(names: str) -> bool:
    return not _NOT_BODY_RE.search(names) and looks_like_units(names)


def _subject(part: str) -> re.Match[str] | None:
    for pattern in (_SUBJECT_RE, _REASONED_RE):
        if (m := pattern.match(part)) is not None and _body(m["names"]):
            return m
    return None


def report_demand_starts(norm: str) -> list[int]:
    """Where each demand of the paragraph `norm` starts (its part's start), or nothing when the paragraph gives the
    meeting's demands fewer than two parts opening with their subjects."""
    head = _HEAD_RE.search(norm)
    if head is None:
        return []
    found = [p.start() for p in _PART_RE.finditer(norm, head.end()) if _subject(p.group()) is not None]
    if found and found[0] == head.end():
        # The first demand runs on from the verb: its part starts after the comma, where its subject opens.
        found[0] = head.end() + len(norm[head.end() :]) - len(norm[head.end() :].lstrip())
    return found if len(found) >= _LEAST else []


def after_meeting_start(norm: str, start: int = 0) -> int | None:
    """`会后,…要求X做好…`: where the paragraph (from `start`) opens, when it asks a body for work after the meeting."""
    if _AFTER_RE.match(norm, start) is None:
        return None
    end = norm.find("。", start)
    asked = _ASKED_RE.search(norm, start, end if end >= 0 else len(norm))
    return start if asked is not None and _body(asked["names"]) else None


def _run_on_after(norm: str, start: int) -> list[int]:
    """`…防止供应不足的情况发生。会后,…要求X…`: the paragraph after the meeting, run on after the demands."""
    found = (after_meeting_start(norm, m.end()) for m in _RUN_ON_AFTER_RE.finditer(norm, start))
    return [at for at in found if at is not None][:1]


def report_demand_items(lines: list[tuple[str, bool]]) -> list[tuple[int, int]]:
    """Each demand's (line number, 1-based; start) in a report giving the meeting's demands inline (see above), and
    the paragraph after them asking a body for work after the meeting."""
    found: list[tuple[int, int]] = []
    for number, (text, _) in enumerate(lines, 1):
        norm = normalise(text)
        if starts := report_demand_starts(norm):
            found += [(number, start) for start in starts + _run_on_after(norm, starts[-1])]
        elif found and (start := after_meeting_start(norm)) is not None:
            found.append((number, start))
    return found


def report_demand_charge(text: str) -> Responsibility | None:
    """The body a demand charges: its subject before `要` (after a clause of reason, if any), leading; or the body asked
    after the meeting (lead) and those told to work with it (co)."""
    norm = normalise(text)
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
    first = _PART_RE.match(norm)
    m = _subject(first.group()) if first is not None else None
    if m is None:
        return None
    found.roles[LISTED] = [text[m.start("names") : m.end("names")]]
    return found
