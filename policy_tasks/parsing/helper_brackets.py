"""`A(B配合)`, `A(张三)`: the units that help a unit, or the person who answers for it, in a bracket after its name.

A unit list may put a unit's helpers in a bracket right after it (`责任单位:县交通局(县财政局、县住建局配合)`,
`(县交通局(县财政局协助))`): the unit keeps the role its list gives it and the bracket's units help. A
bracket that is the unit's other name (`区经信局(商务局)`) or a mark of the lead (`(牵头)`) names no
role word with units before it, and stays as it is. A task list often names the unit's person in such a
bracket (`责任单位:县交通局(张三)、县财政局(李四)`, `县交通局(局长张三)`): the person is a leader.
"""

from __future__ import annotations

import re

from .textutil import normalise
from .unit_labels import CO, FREE_RE, LEAD, LISTED, free_role
from .unit_lists import split_names
from .unit_names import is_person, looks_like_units

_TRAILING_BRACKET_RE = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<inner>[^()]+)\)$")


def _helpers(name: str) -> tuple[str, list[str]] | None:
    """The name without its bracket and the units the bracket says help, or None."""
    m = _TRAILING_BRACKET_RE.match(normalise(name))
    if not m or not looks_like_units(m["name"]):
        return None
    role = FREE_RE.match(m["inner"].strip())
    if not role or free_role(role["role"]) != CO or not looks_like_units(role["names"]):
        return None
    inner = name[m.start("inner") : m.start("inner") + role.end("names")]
    return name[: m.end("name")].strip(), split_names(inner, normalise(inner), 0, len(inner))


# A bare two- or three-character bracket after a unit is as often the unit's short other name (`县人社局(医保)`,
# `市应急局(地震)`) as its person (`县交通局(张三)`): it is a person only when it opens with one of the common
# surnames (these cover most of the population); a bracket with a post (`局长张三`) is told by the post.
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
_BARE_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,3}")
# A bracket marking the unit's role (`(牵头)`, `(配合)`, `(主责)`) names no person.
_ROLE_MARK_RE = re.compile(r"牵头|配合|协同|主责|主办|协办|会办|参与|参加|协助|负责|单位|部门")


def _person(name: str) -> tuple[str, str] | None:
    """The name without its bracket and the person the bracket names, or None."""
    m = _TRAILING_BRACKET_RE.match(normalise(name))
    if (
        not m
        or not looks_like_units(m["name"])
        or _ROLE_MARK_RE.search(m["inner"])
        or not is_person(m["inner"].strip())
        or (_BARE_NAME_RE.fullmatch(m["inner"].strip()) and m["inner"].strip()[0] not in _SURNAMES)
    ):
        return None
    return name[: m.end("name")].strip(), name[m.start("inner") : m.end("inner")].strip()


def split_bracketed_helpers(roles: dict[str, list[str]]) -> list[str]:
    """Read each `A(B、C配合)` of a clause's roles in place: A keeps its place, B and C help. Each
    `A(张三)` keeps A in its place; the persons so named are returned (leaders)."""
    helpers: list[str] = []
    persons: list[str] = []
    for role in (LEAD, LISTED, CO):
        kept: list[str] = []
        for name in roles[role]:
            if (person := _person(name)) is not None:
                kept.append(person[0])
                persons.append(person[1])
                continue
            found = _helpers(name)
            if found is None:
                kept.append(name)
                continue
            kept.append(found[0])
            helpers += found[1]
        roles[role] = kept
    roles[CO] += [h for h in helpers if h not in roles[CO]]
    return persons
