"""The heads of a breakdown's roles made answerable by post in a sentence or a part of their own.

A covering notice (or a 政策解读's requirements) charges a breakdown's role and then, right after, the role's heads by
their post alone, the role being the subject just named: `各责任单位要增强全局意识,…。主要负责同志要坚持质量导向,…`
(黔江 2025), `各责任单位要切实加强组织领导,主要领导要亲自研究部署。` (二连浩特 2024). The post is the heads of the units
the sentence before charged, as `各责任单位的主要负责同志要…负总责` writes it in one (round 106, `role_groups`): the
item's leader (a person by post), the role still leading (round 114). Read only where the item is led by the roles
alone and the sentence or part right before the post opens with a role group as its subject. Near cases: a group of
governments or a vague subject before the post (`各乡镇要高度重视,主要领导要亲自抓`, round 106's reading: no leader),
a post with no charge before it, and a post as an object (`报主要领导审定`) stay no leader.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .role_groups import ROLES, role_group
from .textutil import normalise

# The post opening a sentence or a part, with the charge on it.
_POST_RE = lazy_compile(
    r"(?P<post>主要负责同志|主要负责人|主要领导同志|主要领导|一把手)(?:要(?![求点])|必须|须|应当|亲自|切实|务必)"
)
# The role group opening the sentence or part before it as its subject.
_ROLE_SUBJECT_RE = lazy_compile(rf"(?P<names>{ROLES})(?:要(?![求点])|必须|须|应当|务必)")
_BREAK_RE = re.compile(r"[。;!?,\n]")
_SENTENCE_END_RE = re.compile(r"[。;!?\n]")


def role_heads(text: str, leads: list[str]) -> list[str]:
    """The posts (as written) the item `text`, led by `leads`, makes answerable right after charging a role group."""
    if not leads or not all(role_group(n) for n in leads):
        return []
    norm = normalise(text)
    if not any(p in norm for p in ("主要负责", "主要领导", "一把手")):
        return []
    found: list[str] = []
    for brk in _BREAK_RE.finditer(norm):
        post = _POST_RE.match(norm, brk.end())
        if post is None:
            continue
        # The sentence the post's part belongs to, or the one before it for a post opening a sentence.
        opened = max((m.end() for m in _SENTENCE_END_RE.finditer(norm, 0, brk.start())), default=0)
        if _ROLE_SUBJECT_RE.match(norm, opened) is None:
            continue
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
