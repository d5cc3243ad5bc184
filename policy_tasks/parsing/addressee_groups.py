"""A notice's group addressees as the subject of its items' sentences.

A notice charges the offices it is sent to taken together, and its items say so only as the subject of a sentence:
`各地区、各部门要高度重视…`, `各司局和直属单位要明确责任处室…`, `各地要切实落实好…`. Such a group is one addressee, as
`各有关单位` or `各乡镇(街道)` is (corpus README): the localities (`各地`, `各地区`), the departments (`各部门`), a
ministry's departments, a bureau's offices and the bodies under it (`各司局`, `各处室`, `(各)直属单位`), a level's governments (`各县(市、区)`,
`各乡镇`, `group_openings`), a locality's standing body (`各地疫情防控指挥部`) and the kind of enterprises the notice
regulates (`各生活保供类电商及快递企业`). Joined by `、` or `和`, the first leads and the others help; the heads of the
groups as subject (`各司局和直属单位主要负责人要…`) charge the groups, a post of every unit and no leader.

The subject opens the item (after its title line or sentence, `role_sentences.opening_starts`), or opens a later
sentence of an item whose opening names no one; a later group's sentence after the first helps. The verb is a charge:
`要`, `应当`, `(必)须`. A copy that lost its line breaks runs an item's short title straight into the subject
(`一、确保…企业正常运转各地要切实落实…`): the subject still opens the sentence when the words before it are a short
title (no punctuation, 4 to 24 characters, not a verb governing the group such as `督促`, `指导`).

Near cases that charge no one: `各地要素` and `各部门要求` (要素, 要求 are words), a group inside a quoted title or
quotation (`《关于各地要…的通知》`), a group with no charge (`各地经验表明`, `…,各地纷纷…`), a bare `各单位` or `有关部门`.
"""

from __future__ import annotations

import re

from .group_openings import government_group
from .lazy_patterns import lazy_compile

# The groups a notice is sent to, each one addressee.
_GROUP_RE = lazy_compile(
    r"^(?:各(?:地|地区|部门|司局|委办局|厅局|处室|科室|股室|直属单位|直属机构)|直属单位|直属机构)$"
)
# A locality's standing body (`各地疫情防控指挥部`, `各地区应急管理部门`).
_LOCAL_BODY_RE = lazy_compile(
    r"^各(?:地|地区)(?!有关|相关)[\u4e00-\u9fff]{2,12}?(?:指挥部|领导小组办公室|办公室|部门|机构)$"
)
# The kind of enterprises the notice regulates (`各生活保供类电商及快递企业`, `各类物流企业`).
_ENTERPRISES_RE = lazy_compile(r"^各(?!有关|相关)[\u4e00-\u9fff]{2,16}?企业$")
_HEADS = r"(?:主要负责人|主要负责同志|负责同志|主要领导)"
# The subject, then the charge: `要` (not 要求, 要素, 要点 …), `应当`, `(必)须`.
_SUBJECT_RE = lazy_compile(
    rf"(?P<names>[\u4e00-\u9fff()、]{{2,40}}?)(?P<heads>{_HEADS})?(?:要(?![求素点件务员领闻害])|应当|必须|须(?!知))"
)
# What a sentence may open with before its subject: the basis the work follows, then its time
# (`按照…相关要求,2018年年内,各司局和直属单位要…`, `今后,各地要…`).
_LEAD_IN_RE = lazy_compile(
    r"(?:(?:按照|根据|依据|依照)[^。,;:\n]{2,40}?(?:要求|部署|规定|安排|精神),)?"
    r"(?:(?:(?:\d{4}|今|明)年[^。,;:\n]{0,8}?|今后|同时|此外|另外|届时),)?"
)
_SENTENCE_END_RE = re.compile(r"[。;!\n]")
_TITLE_RE = lazy_compile(r"^[\u4e00-\u9fff]{4,24}$")
# A title ending in a verb that governs the group is a sentence of its own (`督促各地要…`).
_GOVERNING_RE = lazy_compile(
    r"(?:督促|指导|要求|鼓励|支持|推动|组织|帮助|引导|号召|动员|协调|通知|请|由|对|向|与|和|及)$"
)
_TITLE_MAX = 24
_QUOTES = (("《", "》"), ("“", "”"), ("「", "」"))


def one_group(name: str) -> bool:
    """Whether `name` is one group addressee (`各地`, `各司局`, `各县(市、区)`, `各地疫情防控指挥部`)."""
    return bool(
        _GROUP_RE.match(name) or _LOCAL_BODY_RE.match(name) or _ENTERPRISES_RE.match(name) or government_group(name)
    )


def _parts(norm: str, s: int, e: int) -> list[tuple[int, int]] | None:
    """The spans of the groups `norm[s:e]` joins by `、` or `和` (a group's own bracket kept whole), or None."""
    found, at, depth = [], s, 0
    for i in range(s, e + 1):
        ch = norm[i] if i < e else ""
        depth += ch == "("
        depth -= ch == ")"
        if i == e or (depth == 0 and ch in "、和"):
            found.append((at, i))
            at = i + 1
    if all(one_group(norm[a:b]) for a, b in found):
        return found
    # `各生活保供类电商及快递企业`: a group's own words may hold 和 (`…电商和快递企业`); read it whole.
    return [(s, e)] if one_group(norm[s:e]) else None


def group_subject(norm: str, start: int) -> tuple[list[tuple[int, int]], int] | None:
    """The groups a sentence opening at `start` charges (`各地区、各部门要…`) and where the charge's verb ends, or None."""
    if _quoted(norm, start):
        return None
    lead_in = _LEAD_IN_RE.match(norm, start)
    m = _SUBJECT_RE.match(norm, lead_in.end() if lead_in else start)
    if m is None:
        return None
    parts = _parts(norm, m.start("names"), m.end("names"))
    return (parts, m.end()) if parts else None


def glued_title_end(norm: str) -> int | None:
    """Where an item's short title run straight into its first sentence's group subject ends
    (`确保…企业正常运转各地要…`), or None."""
    for i in range(4, min(_TITLE_MAX + 1, len(norm))):
        if norm[i] not in "各直" or not _TITLE_RE.match(norm[:i]) or _GOVERNING_RE.search(norm[:i]):
            continue
        if group_subject(norm, i) is not None:
            return i
    return None


def later_groups(norm: str, after: int) -> list[tuple[list[tuple[int, int]], int]]:
    """The group subjects opening the sentences of `norm` after `after`, in order."""
    return [found for end in _SENTENCE_END_RE.finditer(norm, after) if (found := group_subject(norm, end.end()))]


def _quoted(norm: str, at: int) -> bool:
    before = norm[:at]
    return any(before.count(o) > before.count(c) for o, c in _QUOTES)
