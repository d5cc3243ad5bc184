"""The heads of a breakdown's roles made answerable by post in a sentence or a part of their own.

A covering notice (or a 政策解读's requirements) charges a breakdown's role and then, right after, the role's heads by
their post alone, the role being the subject just named: `各责任单位要增强全局意识,…。主要负责同志要坚持质量导向,…`
(黔江 2025), `各责任单位要切实加强组织领导,主要领导要亲自研究部署。` (二连浩特 2024). The post is the heads of the units
the sentence before charged, as `各责任单位的主要负责同志要…负总责` writes it in one (round 106, `role_groups`): the
item's leader (a person by post), the role still leading (round 114). Read only where the item is led by the roles
alone and the sentence or part right before the post opens with a role group as its subject. Near cases: a group of
governments or a vague subject before the post (`各乡镇要高度重视,主要领导要亲自抓`, round 106's reading: no leader),
a post with no charge before it, and a post as an object (`报主要领导审定`) stay no leader.

Round 120 reads two more ways of writing the same heads. The heads' division of the work, `主要领导亲自抓、分管领导具体抓`
(武汉 2020, after `各责任单位要加强组织领导,…`): the head in charge of the line (`分管领导`, `分管负责同志`) is named with the
main head, after `、`, and is a leader too. The role's own heads written with `单位` and made answerable
(`牵头单位要发挥主导作用,单位主要负责人作为第一责任人,对责任事项的落实负总责`, 南宁经开区 2020): a leader, as written. The
role charged before the post must be among the item's units, though a group of the salutation may lead the item
(`经开区各级各部门要…。牵头单位要…,单位主要负责人作为第一责任人`). Round 149 reads the heads as the object the role puts
into effect, `各责任单位要高度重视,认真落实单位主要负责人负总责的要求` (武汉 2019): a leader, as written.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .role_groups import ROLES, role_group
from .textutil import normalise

# The post opening a sentence or a part, with the charge on it.
_POST_RE = lazy_compile(
    r"(?P<post>(?:本?单位)?(?:主要负责同志|主要负责人|主要领导同志|主要领导|一把手|分管(?:领导同志|领导|负责同志|负责人)))"
    r"(?:要(?![求点])|必须|须|应当|亲自|切实|务必|具体|直接|(?:作为|为|是)第一责任人|对[^。;,\n]{1,20}?负[总首全]责)"
)
# `各责任单位要高度重视,认真落实单位主要负责人负总责的要求`: the heads made answerable as what the role puts into effect
# (round 149), the post the object of `落实`; a mechanism set up (`建立主要负责人负总责…机制`) names no one.
_CARRIED_POST_RE = lazy_compile(
    r"(?:认真|切实|严格)?(?:落实|执行)(?P<post>(?:本?单位)?(?:主要负责同志|主要负责人|主要领导同志|主要领导|一把手))"
    r"(?:对[^。;,\n]{1,20}?)?负[总首全]责"
)
# The role group opening the sentence or part before it as its subject.
_ROLE_SUBJECT_RE = lazy_compile(rf"(?P<names>{ROLES})(?:要(?![求点])|必须|须|应当|务必)")
_BREAK_RE = re.compile(r"[。;!?,、\n]")
_SENTENCE_END_RE = re.compile(r"[。;!?\n]")
_PART_END_RE = re.compile(r"[。;!?,、\n]")


def role_heads(text: str, leads: list[str], units: list[str] | None = None) -> list[str]:
    """The posts (as written) the item `text`, led by `leads` (its units all `units`), makes answerable right after
    charging a role group: the item led by roles alone, or the role charged before the post among `units`."""
    roles = [normalise(n).replace(" ", "") for n in units or leads if role_group(n)]
    if not leads or not roles:
        return []
    alone = all(role_group(n) for n in leads)
    norm = normalise(text)
    if not any(p in norm for p in ("主要负责", "主要领导", "一把手", "分管")):
        return []
    found: list[str] = []
    paired = -1  # where the part after the last post read ends: a `、` there joins the next post to it
    for brk in _BREAK_RE.finditer(norm):
        post = _POST_RE.match(norm, brk.end()) or _CARRIED_POST_RE.match(norm, brk.end())
        # `、分管领导具体抓` only beside a head read just before it (`主要领导亲自抓、…`), not in a list of the work's
        # mechanism (`建立主要负责人负总责、分管负责人具体抓…的工作机制`, whose first post opens no part).
        if post is None or (brk.group() == "、" and brk.start() != paired):
            continue
        # The sentence the post's part belongs to, or the one before it for a post opening a sentence.
        opened = max((m.end() for m in _SENTENCE_END_RE.finditer(norm, 0, brk.start())), default=0)
        subject = _ROLE_SUBJECT_RE.match(norm, opened)
        if subject is None or not (alone or subject["names"] in roles):
            continue
        part_end = _PART_END_RE.search(norm, post.end())
        paired = part_end.start() if part_end else -1
        name = text[post.start("post") : post.end("post")]
        if name not in found:
            found.append(name)
    return found


# `坚持主要负责人亲自抓、分管领导具体抓`: the charged roles' heads paired by post, each with his own part of the work
# (round 128's 洪山, round 114's reading of a role's heads). After salutation groups or named units
# (`各地各部门各单位要…,主要负责同志亲自抓、分管负责同志具体抓`) the heads name the groups and no leader (rounds 96/97).
_PAIRED_POSTS_RE = lazy_compile(
    r"(?P<main>主要负责同志|主要负责人|主要领导同志|主要领导|一把手)(?:要)?亲自抓[,、]"
    r"(?P<deputy>分管负责同志|分管负责人|分管领导同志|分管领导)(?:要)?(?:具体|直接|协助)抓",
    needs="亲自抓",
)


def paired_heads(text: str, leads: list[str]) -> list[str]:
    """The posts an item led by a breakdown's roles alone pairs (`主要负责人亲自抓、分管领导具体抓`): its leaders, as
    written. One post alone (`主要领导要亲自抓`, round 106) stays none."""
    if not leads or not all(role_group(n) for n in leads):
        return []
    m = _PAIRED_POSTS_RE.search(normalise(text))
    return [] if m is None else [text[m.start("main") : m.end("main")], text[m.start("deputy") : m.end("deputy")]]
