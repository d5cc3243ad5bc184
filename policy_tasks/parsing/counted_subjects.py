"""A counted point's body named right after its `是`, with no `要` (round 184).

A town's meeting report counts the meeting's demands inline (`会议要求,一是…;二是…`) and often writes a point's doer
straight after the numeral's `是`, then its work, the point's own `是` standing for the demand:

    会议要求,一是全面落实…责任制;二是城建专班对镇村街道进行巡逻,…;三是国土所对地质灾害点…进行山洪预警监测;
    四是各村(居)委会做好值班值守,…;六是对福利院…加强巡查,民兵应急队伍处于临战待命状态;七是各村各部门应对汛情时…

The name opening the point, when it reads as a body (an office, a town's own office or task force `专班`, its villages
under one `各`) and a verb of work or the `对` of its object follows, is the point's subject and leads, as `二是X要…`
would (README rounds 139/177: a point's first subject). A bare group beside it (`各村各部门`: the `各部门` names no one,
round 113) drops out. A standby team opening a later comma part with its state or work (`民兵应急队伍处于临战待命状态`)
leads a point that names no one before it (round 171's standby teams).

Near cases: a point opening with its work (`一是全面落实…`, `三是加强对…巡查`: the words before the verb are no body),
a body after a verb (`二是对福利院…加强巡查`: the places inspected), and a bare `各部门` alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .group_openings import government_group
from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .role_sentences import reads_as_units
from .textutil import normalise
from .unit_colon_items import office_names
from .unit_labels import LISTED
from .unit_lists import split_names

# The verbs of work (or the object's `对`) a point writes right after its body.
_WORK = (
    r"对|做好|进行|充分|立即|迅速|认真|切实|加强|开展|组织|全面|抓好|落实|及时|严格|持续|深入|应对|负责(?![同人])"
    r"|处于|随时|确保|督促|牵头"
)
_OPENING_RE = lazy_compile(
    rf"^\s*(?:[一二三四五六七八九十]{{1,2}}是)?(?P<names>[\u4e00-\u9fff()、]{{2,20}}?)(?={_WORK})"
)
# A township's task force named by its field (`城建专班`, `防汛专班`).
_TASK_FORCE_RE = re.compile(r"^[\u4e00-\u9fff]{2,6}专班$")
_BARE_GROUP_RE = re.compile(r"^各(?:有关|相关)?(?:部门|单位)$")
# A standby team opening a comma part, then its state or work.
_TEAM_RE = lazy_compile(
    r"[,;]\s*(?P<team>(?:民兵|村级|镇|乡)?(?:应急|抢险|突击|救援)(?:分)?(?:队伍|队))(?=处于|随时|做好|立即|迅速|待命)",
    needs="队",
)


def _body(name: str) -> bool:
    return bool(reads_as_units(name) or office_names(name) or government_group(name) or _TASK_FORCE_RE.match(name))


def counted_subject(text: str, norm: str) -> list[str]:
    """The bodies a counted point names right after its `是` with no `要` (`二是城建专班对…`), or the standby team of a
    later comma part in a point naming no one; empty where neither."""
    m = _OPENING_RE.match(norm)
    if m is not None:
        parts = split_names(text, norm, m.start("names"), m.end("names"))
        # `各村各部门`: the villages and the bare offices written with no stop between them.
        parts = [p for part in parts for p in re.split(r"(?<=.)(?=各)", part)]
        kept = [p for p in parts if not _BARE_GROUP_RE.match(p)]
        if kept and all(_body(p) for p in kept):
            return kept
    team = _TEAM_RE.search(norm)
    return [] if team is None else [text[team.start("team") : team.end("team")]]


def counted_charge(style: str, text: str, charged: Responsibility | None) -> Responsibility | None:
    """`charged` where it names a unit; else, for a minute's point counted `X是` (`style` "shi"), the bodies
    `counted_subject` reads leading, any leaders already read kept."""
    if style != "shi" or (charged is not None and charged.found):
        return charged
    names = counted_subject(text, normalise(text))
    if not names:
        return charged
    found = Responsibility(origin="正文开头") if charged is None else replace(charged, origin="正文开头")
    found.roles = {**found.roles, LISTED: names}
    return found
