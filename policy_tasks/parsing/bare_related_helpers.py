"""A breakdown's notice asking the units concerned, written without `各`, to help: `相关单位要履职担责、积极配合`.

In a breakdown's own notice `各相关单位` (`各有关单位`) is a role as `各责任单位` is, every unit the breakdown names
beside the ones answering (`notice_roles`, round 99). A county's notice may write the same role bare, in a later
sentence of the requirement charging the answering role, and give it only the helping part: `各责任单位要对照任务分解
清单,…。相关单位要履职担责、积极配合,共同推动…` (round 150): the helping role, co, as round 99 reads `各相关单位要加强配合`.

Near cases that name no one: a bare `相关单位` outside a breakdown's notice (a caller's check), or given a duty of its
own rather than help (`相关单位要迅速落实整改措施`: the units an inspection concerns, round 123's closing paragraph), or
as an object (`列入相关单位年度目标责任考核`); a bare `有关部门` / `相关部门` stays no unit (corpus README).
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .notice_roles import helps_only

_SENTENCE_END_RE = re.compile(r"[。;!\n]")
# The bare role and its charge; what follows must only ask for help (`notice_roles.helps_only`), possibly after the
# role's own duty phrase (`要履职担责、积极配合`).
_BARE_RE = lazy_compile(r"(?P<names>(?:相关|有关)单位)(?=要)")
_DUTY_RE = lazy_compile(r"要(?:[\u4e00-\u9fff]{2,6}、)?")


def later_bare_related(norm: str, after: int) -> list[tuple[int, int]]:
    """The spans of the bare `相关单位` opening the sentences of `norm` after `after` with only a helping part."""
    found = []
    for end in _SENTENCE_END_RE.finditer(norm, after):
        if (m := _BARE_RE.match(norm, end.end())) is None:
            continue
        duty = _DUTY_RE.match(norm, m.end())
        if (duty is not None and helps_only(norm, duty.end())) or helps_only(norm, m.end()):
            found.append(m.span("names"))
    return found
