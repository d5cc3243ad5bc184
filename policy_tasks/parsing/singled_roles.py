"""A breakdown's role singled out, in a later part of the sentence its notice charges the roles with, helps.

A covering notice's requirement charges the breakdown's roles taken together, then singles one out for a duty of its
own in the same sentence: `各责任单位要系统谋划所承办的各项任务,特别是牵头单位要统筹相关单位科学制定具体工作方案,…` (湖州's
2024 责任分解 notice, round 153). The role after `特别是` / `尤其是` is charged as a later sentence's subject is
(`role_groups.later_role_groups`): one addressee, helping the subject that opened the sentence (round 95's rule, the
first subject leading). The bare `相关单位` it works with names no one.

Near cases read otherwise: a role singled out with a bracket of its own after it (`特别是牵头单位(无牵头单位的,责任单位即为
牵头单位,下同)要统筹…`: the note on who the role is stands between it and its `要`), a unit's own name after `特别是` (`特别是
市发改委要…`: a subject's name, left to `subject_sentences`), and `特别是` before anything that is no role charged with
`要` / `应当` / `须` (`特别是牵头单位的主要负责人`, `特别是重点项目`).

Round 190 (武汉's 2022 notice): the role singled out may open a sentence of its own and stand off its charge with a comma,
`…责任部门。特别是牵头单位,要强化责任担当,统筹相关责任单位…`: the same role singled out, helping. A comma followed by
another subject (`特别是牵头单位,责任单位要…`) is no charge of the role and stays unread here.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .role_groups import ROLES
from .role_sentences import CHARGING_YAO

_SINGLED_RE = lazy_compile(
    rf"[,。;](?:特别是|尤其是)(?P<names>{ROLES}),?(?:也|还|更)?(?:{CHARGING_YAO}|应当|须|务必)",
    needs="特别是|尤其是",
)


def singled_out_roles(norm: str, after: int) -> list[tuple[int, int]]:
    """The spans of the roles `norm` (normalised text) singles out after `after` (`,特别是牵头单位要…`)."""
    return [m.span("names") for m in _SINGLED_RE.finditer(norm, after)]
