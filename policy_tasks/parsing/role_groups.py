"""A breakdown's roles as the subjects of its covering notice's sentences, and the heads it makes answerable.

A notice issuing a 任务分解 or 分工方案 (`…目标任务责任分解方案的通知`) has no units of its own to name: the table does
that. Its requirements charge the table's roles, each taken together: `各责任单位要逐项…研究`, `各牵头单位于2月10日前将…报…`,
`牵头单位适时向市政府报告`. Such a role group is one addressee, as `各有关单位` is in a bracket (corpus README), and the
subject of a requirement's sentence is charged by it: the first leading, the later sentences' subjects helping
(round 85's rule for subjects). The groups are the roles a breakdown assigns (责任, 牵头, 配合, 协同, 协办, 承办, 主办,
实施, 会办, 参与, 协作 单位 or 部门, with or without `各`); a vague `各单位`, `有关部门` or `成员单位` is none. In a breakdown's
own notice `各相关单位` (`各有关单位`), every unit the breakdown names, is one of them too (`notice_roles`, round 99).

The same notices make a unit's head answerable by name of post, `各责任单位主要负责人切实履行第一责任人职责`,
`各乡镇人民政府主要负责同志为第一责任人`, `各责任单位的主要负责同志要对承办的工作负总责、负首责` (round 106): the head is the item's leader (a person, by post), and the unit whose head it is,
a unit, a group of governments or a role group, answers for the item; a vague one (`各地`, `各单位`) charges no one.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .textutil import normalise

# `项目实施主体` (`项目实施单位`): the bodies a fund allocation gives its projects to, its breakdown's role (round 105).
# `主要责任单位` / `其他责任单位`: a breakdown whose columns split the answering units into the main one and the others
# (round 106), the main leading as a `主要责任单位` column does, the others helping.
# `相关责任单位` (`有关责任单位`): the 责任单位 a matter concerns, the same role named for a case (`对于…涉及面广的责任事项,相关
# 责任单位要及时报告…`, round 120).
# The words a unit's role is named by before its `单位` / `部门`: a breakdown's (here), a proposal notice's handling roles
# (`会办`, `proposal_roles`) and a section's unit fields (`参与单位:`, `协作单位:`, `section_fields`), one list for all three.
ROLE_WORD = r"(?:责任|牵头|配合|协同|协办|承办|主办|实施|会办|参与|协作)"
# `各协同部门和单位`: one role word over the kinds of body it takes in, joined by `和`, one addressee (round 182).
_ROLE = rf"(?:主要责任|其[他它]责任|牵头责任|相关责任|有关责任|{ROLE_WORD})(?:部门和单位|单位|部门)"
# `各责任事项牵头单位(责任单位)` (round 128): the role of the breakdown's items, its other name in the document's bracket.
# `市局各责任部门要…` (上海市场监管 2023, round 189): the issuing body's own level written before the one `各` (`市局`, `省直`,
# `县直`, `局机关`) narrows the role to its own departments; it is part of the addressee's name, as round 90's `省直有关部门`.
_OWN_LEVEL = r"(?:(?:市|省|县|区)局|(?:省|市|县|区|旗|州)直|局机关)(?=各)"
ROLES = rf"(?:{_OWN_LEVEL})?各?(?:(?:责任事项|任务|事项|项目)?{_ROLE}(?:\({_ROLE}\))?|(?:项目)?实施主体|项目实施单位)"
# `各相关单位`, `各有关单位`: the units concerned, a role only in the breakdown's own notice (`notice_roles`).
RELATED = r"各(?:相关|有关)单位"
_ROLE_GROUP_RE = lazy_compile(rf"^(?:{ROLES})$")
# A later sentence opening with a role group, possibly after the case it governs (`对涉及面广…的责任事项,`) or a
# moment (`届时,`), then the group's own words (`于2月10日前将…`, `适时向…报告`, `要…`).
_LATER = (
    r"(?:(?:对|针对|凡)[^。;,\n]{2,30}?,|(?:届时|同时|此外|另外),)?"
    r"(?P<names>%s)(?!主要|负责人|负责同志|领导|的|和|及(?!时)|、|\()"
)
_LATER_RE = lazy_compile(_LATER % ROLES)
_LATER_RELATED_RE = lazy_compile(_LATER % f"{ROLES}|{RELATED}")
# `X主要负责人切实履行第一责任人职责`, `X主要负责同志为第一责任人`, `X主要领导是第一责任人`; the same made answerable
# for the work itself, `X的主要负责同志要对承办的工作负总责、负首责` (round 106): the head holds the overall responsibility.
_HEAD_RE = lazy_compile(
    # The unit holds no charge (`各责任单位要建立主要负责人负总责…的机制`: a mechanism the role sets up, no head named).
    r"(?P<person>(?P<unit>(?:(?!要|建立)[\u4e00-\u9fff()、]){2,20}?)的?(?:主要负责人|主要负责同志|主要领导|一把手))"
    r"(?:(?:要|是|为|作为|切实|认真|亲自|必须|须|应当|履行|担任){1,4}[^。;\n]{0,6}?第一责任人"
    r"|(?:要|必须|须|应当)?(?:对[^。;,\n]{1,20}?)?(?:负总责|负首责|负全责|总负责))"
)
# `各责任单位主要负责人要进一步树立目标导向,…` (谯城 2020): a role's heads by post as the sentence's subject, charged with
# `要`, and nothing more said of their answering; the role's heads are the item's leader and the role answers, as round
# 114 reads the heads named right after the role (`role_heads`). Only a breakdown's role: the heads of a group of
# governments or departments (`各地区、各部门主要负责人要…`) name the groups and no leader (rounds 96/97).
_ROLE_HEAD_RE = lazy_compile(
    rf"(?P<person>(?P<unit>{ROLES})的?(?:主要负责人|主要负责同志|主要领导同志|主要领导|一把手))"
    r"(?:要(?![求点])|必须|须|应当|务必|切实|亲自)"
)
_SENTENCE_END_RE = re.compile(r"[。;\n]")


def role_group(names: str) -> bool:
    """Whether `names` is one of a breakdown's role groups (`各责任单位`, `牵头单位`)."""
    return bool(_ROLE_GROUP_RE.match(normalise(names).replace(" ", "")))


def later_role_groups(norm: str, after: int, related: bool = False) -> list[tuple[int, int]]:
    """The spans of the role groups opening the sentences of `norm` after `after` (`related`: in the breakdown's own
    notice, where `各相关单位` is one too, `notice_roles`)."""
    found = []
    pattern = _LATER_RELATED_RE if related else _LATER_RE
    for sentence in _SENTENCE_END_RE.finditer(norm, after):
        if (m := pattern.match(norm, sentence.end())) is not None:
            found.append((m.start("names"), m.end("names")))
    return found


def answerable_head(norm: str, starts: list[int]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The head a sentence opening at one of `starts`, or after a sentence's end, makes answerable by post
    (`X主要负责人…第一责任人`): (the person's span, the unit's span), or None."""
    for start in [*starts, *(m.end() for m in _SENTENCE_END_RE.finditer(norm))]:
        if (m := _HEAD_RE.match(norm, start) or _ROLE_HEAD_RE.match(norm, start)) is not None:
            return (m.start("person"), m.end("person")), (m.start("unit"), m.end("unit"))
    return None
