"""A notice's later sentences charging its group addressees and a list's roles together, as helpers of the item.

A covering notice that issues a list of projects (`关于印发《2025年省级民生实事项目》的通知`) charges, item by item, the
list's roles and the groups its salutation names, each sentence with its own subject: `项目牵头部门要…。各市县及项目
实施单位要…。省财政厅要…。各有关部门要…` (round 150). The first subject leads (`role_sentences`, `role_groups`); each later
subject helps, in the text's order, whether it is a group of a kind the salutation names (`各市县`, `各有关部门`,
`addressee_groups`), a role of the list (`项目实施单位`, `role_groups`) or the two joined by `、`, `和` or `及` (the group
and the role after it, each one addressee, round 95's `及`).

Near cases that help no one: a group of a kind the salutation does not name (`各司局要…` in a notice to the counties),
a vague group joined to a role (`各单位及项目实施单位要…`: `各单位` alone names no one), and a subject with no charge
(`各市县及项目实施单位已完成…`).
"""

from __future__ import annotations

import re

from .addressee_groups import group_kind, group_subject
from .lazy_patterns import lazy_compile
from .role_groups import role_group
from .role_sentences import CHARGING_YAO

_SENTENCE_END_RE = re.compile(r"[。;!\n]")
_SUBJECT_RE = lazy_compile(rf"(?P<names>[\u4e00-\u9fff()、]{{2,40}}?)(?:也|还|都|均)?(?:{CHARGING_YAO}|应当|必须|务必)")


def later_group_roles(norm: str, after: int, groups: frozenset[str]) -> list[tuple[int, int]]:
    """The spans of the groups and roles opening the sentences of `norm` after `after`, each one addressee, in order;
    `groups`: the kinds of group the salutation names (`addressee_groups.notice_groups`), none if it names none."""
    if not groups:
        return []
    found: list[tuple[int, int]] = []
    for end in _SENTENCE_END_RE.finditer(norm, after):
        if (subject := group_subject(norm, end.end(), groups)) is not None:
            found += subject[0]
        elif (m := _SUBJECT_RE.match(norm, end.end())) is not None:
            found += _mixed(norm, m.start("names"), m.end("names"), groups)
    return found


def _mixed(norm: str, s: int, e: int, groups: frozenset[str]) -> list[tuple[int, int]]:
    """`各市县及项目实施单位`: the spans of the groups and roles `norm[s:e]` joins, each a salutation's group or a
    role, and at least one of each (a list of groups alone is `group_subject`'s, of roles alone `role_groups`')."""
    parts = [(m.start(), m.end()) for m in re.finditer(r"[^、和及]+", norm[s:e])]
    spans = [(s + a, s + b) for a, b in parts]
    kinds = [group_kind(norm[a:b]) for a, b in spans]
    roles = [role_group(norm[a:b]) for a, b in spans]
    if len(spans) < 2 or not any(roles) or not any(kinds):
        return []
    if all((kind is not None and kind in groups) or role for kind, role in zip(kinds, roles, strict=True)):
        return spans
    return []
