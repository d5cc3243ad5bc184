"""A meeting report's demands written with no number: each `;`-part or sentence that opens by charging its subject.

A bureau's or a city's news report of a work meeting often gives the meeting's demands in one paragraph after
`会议要求,` / `会议强调,` and numbers none of them (round 162):

    会议要求,统一思想,提高认识,各乡办、各有关部门思想上要高度重视,…;转变思路,强化责任,各乡办、各有关部门要强化责任
    担当,…;突出重点,狠抓落实,各乡办、各有关单位要按照…要求,持续抓好…。

    会议强调,各相关单位要高度重视…。各行业管理部门要严格落实…。市安委会办公室要充分发挥…。市住建、市监、消防、公安、
    商务、交通等部门要开展联合执法,…。各单位要加大…宣传力度,市融媒体中心要充分运用…。

Each demand is a clause, as round 62's `;`-separated orders and round 114's sentences opening with their unit are: the
parts where the paragraph writes `;` between them, else its sentences; `ref` by order. A part opens by charging its
subject with `要`, after at most a paired heading of its own (`统一思想,提高认识,`); the first part that does not ends
the demands (the report's next sentences, run on in a copy with no breaks), and fewer than two leave the paragraph whole
as a news item's prose. The subjects are the part's units, the first leading, the later ones
helping (`minute_subjects` reads named units; here the groups too):

- a group by `各` and a kind of body (`各乡办`, `各有关部门`, `各相关单位`, `各行业管理部门`): one addressee, as the corpus
  README keeps `各有关单位`; a bare `各单位` / `各部门` / `各地` opens a demand but names no one;
- departments by their short forms before `等部门` (`市住建、市监、消防、公安、商务、交通等部门要…`): each as written, the
  first leading; `等部门` is no part of a name (README; round 130 wrote the spelled-out names where a sentence followed).

Near cases: a paragraph numbering its demands (`会议要求,一是…`, `minute_points`); a head over one sentence; a part that
opens with a date or a reason (`3月10日,…`), where the paragraph is a report, not demands.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .role_sentences import reads_as_units
from .textutil import normalise
from .unit_colon_items import office_names
from .unit_labels import CO, LISTED

# The meeting's own verb over its demands, opening the paragraph.
# At a line's start, or after a sentence end or a space where a copy ran the report's lines together.
_HEAD_RE = lazy_compile(r"(?:^|(?<=[。!?\s]))\s*会议(?:要求|强调|指出|提出)\s*[,:]\s*", needs="会议")
# Numbered demands are `minute_points`' (`一是`, `一要`, `(一)`, `1.`).
_NUMBERED_RE = lazy_compile(r"[一1](?:是|要|、|\.)|\(一\)|①")
# A part's opening: at most a paired heading (`统一思想,提高认识,`), then the subject and its `要`; the subject's frame
# of mind or action may stand before 要 (`思想上要`, `行动上要`).
_OPENING = r"(?:[\u4e00-\u9fff]{2,6},[\u4e00-\u9fff]{2,6},)?"
_SUBJECT = r"(?P<names>[\u4e00-\u9fff、]{2,40}?)(?:思想上|行动上)?要(?![求点])"
_OPENS_RE = lazy_compile(rf"^{_OPENING}{_SUBJECT}")
# Any later part of a sentence charging its own subject (`…,市融媒体中心要…`).
_LATER_RE = lazy_compile(rf"(?:^{_OPENING}|[,;。])\s*{_SUBJECT}")
# A group by 各 and a kind of body; the bare kinds name no one.
_GROUP_RE = lazy_compile(r"各[\u4e00-\u9fff]{1,6}(?:单位|部门|乡办|乡镇|街道|镇街|社区|村)")
_VAGUE_RE = lazy_compile(r"各(?:单位|部门|地|级|方)")
# Departments by short form closed by `等部门` (`市住建、市监、消防等部门`).
_SHORT_FORMS_RE = lazy_compile(r"(?P<list>[\u4e00-\u9fff]{2,6}(?:、[\u4e00-\u9fff]{2,6})+)等(?:有关)?(?:部门|单位)")


def _names(names: str) -> list[str] | None:
    """The units a demand's subject names (empty where it names no one), or None where it is no subject at all."""
    if (short := _SHORT_FORMS_RE.fullmatch(names)) is not None:
        return short["list"].split("、")
    parts = names.split("、")
    if all(_VAGUE_RE.fullmatch(p) for p in parts):
        return []
    if all(_GROUP_RE.fullmatch(p) or reads_as_units(p) or office_names(p) for p in parts):
        return parts
    return None


def _parts(body: str) -> list[tuple[int, str]]:
    """The paragraph's parts after its head: `;`-separated where it writes `;`, else its sentences."""
    sep = ";" if ";" in body else "。"
    parts, at = [], 0
    for m in re.finditer(re.escape(sep), body):
        parts.append((at, body[at : m.start()]))
        at = m.end()
    if body[at:].strip():
        parts.append((at, body[at:]))
    return parts


def demand_starts(norm: str) -> list[int]:
    """Where each demand of a `会议要求,` paragraph numbering none starts in `norm` (see above); none if any part does
    not open by charging its subject."""
    head = _HEAD_RE.search(norm)
    if head is None or _NUMBERED_RE.search(norm, head.end()):
        return []
    body = norm[head.end() :]
    starts = []
    # The demands are the run of parts opening so; a part that does not ends it (the report's next sentences, where
    # a copy ran its lines together: `副市长某某出席会议并讲话。`).
    for at, part in _parts(body):
        stripped = len(part) - len(part.lstrip())
        m = _OPENS_RE.match(part.lstrip())
        if m is None or _names(m["names"]) is None:
            break
        starts.append(head.end() + at + stripped)
    return starts if len(starts) >= 2 else []


def demand_charge(text: str) -> Responsibility | None:
    """The units a demand's subjects name: the groups and short forms `minute_subjects` does not read, the first
    leading and the later ones helping; None where it names no one."""
    norm = normalise(text)
    found = Responsibility(origin="纪要正文")
    for m in _LATER_RE.finditer(norm):
        for name in _names(m["names"]) or []:
            if name not in found.roles[LISTED] + found.roles[CO]:
                found.roles[CO if found.roles[LISTED] else LISTED].append(name)
    return found if found.roles[LISTED] else None
