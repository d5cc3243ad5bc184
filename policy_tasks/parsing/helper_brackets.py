"""`A(B配合)`, `A(张三)`: the units that help a unit, or the person who answers for it, in a bracket after its name.

A unit list may put a unit's helpers in a bracket right after it (`责任单位:县交通局(县财政局、县住建局配合)`,
`(县交通局(县财政局协助))`): the unit keeps the role its list gives it and the bracket's units help. A
bracket that is the unit's other name (`区经信局(商务局)`) or a mark of the lead (`(牵头)`) names no
role word with units before it, and stays as it is. A task list often names the unit's person in such a
bracket (`责任单位:县交通局(张三)、县财政局(李四)`, `县交通局(局长张三)`): the person is a leader, and
so are those a leader's label names there (`牵头单位:县交通局(责任人:张三)`, `(责任领导:李四副县长)`).

Prose writes the same after a role word: `…县道改造30公里,县交通局负责(县财政局配合)。`, `由县交通局牵头(县财政局、
县住建局参与)`. The bracket names the helpers of the unit the words before it charge, which answers (`负责`) or leads
(`牵头`) as it would without the bracket (`charged_before`).
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .person_names import is_person
from .textutil import normalise
from .unit_labels import CO, FREE_RE, LABEL_RE, LEAD, LEADER, LISTED, free_role, label_role
from .unit_lists import one_person_per_name, split_names
from .unit_names import looks_like_units

_PART_START_RE = lazy_compile(r"[^,;。:\n]*$")


def charged_before(norm: str, bracket: int) -> tuple[int, int] | None:
    """The span of `A负责` / `由A牵头` written right before the bracket opening at `bracket`, its part of
    the sentence naming units and a role that leads or answers; None otherwise."""
    part = _PART_START_RE.search(norm, 0, bracket)
    if part is None or part.start() == bracket:
        return None
    m = FREE_RE.match(norm[part.start() : bracket])
    if m is None or free_role(m["role"]) == CO or not looks_like_units(m["names"].strip()):
        return None
    return part.start(), bracket


# The unit's name may carry a bracket of its own before it (`自治区农牧厅(乡村振兴局)(负责人:张三)`, `各乡镇(街道)(张三)`).
_TRAILING_BRACKET_RE = re.compile(r"^(?P<name>(?:[^()]|\([^()]*\))+?)\s*\((?P<inner>[^()]+)\)$")


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
_BARE_NAME_RE = lazy_compile(r"[\u4e00-\u9fff]{2,3}")
# A bracket marking the unit's role (`(牵头)`, `(配合)`, `(主责)`) names no person.
_ROLE_MARK_RE = re.compile(r"牵头|配合|协同|主责|主办|协办|会办|参与|参加|协助|负责|单位|部门")


def _labelled_persons(name: str) -> tuple[str, list[str]] | None:
    """`县交通局(责任人:张三)`: the name without its bracket and the persons the bracket's leader label
    names, or None. The label says the bracket names persons, so the name before it stays whatever its list
    read it as (a place standing for its government too, `魏都区(负责人:张三)`)."""
    m = _TRAILING_BRACKET_RE.match(normalise(name))
    if not m:
        return None
    label = LABEL_RE.match(m["inner"].strip())
    if label is None or label_role(label[1]) != LEADER:
        return None
    start = m.start("inner") + len(m["inner"]) - len(m["inner"].lstrip()) + label.end()
    persons = split_names(name, normalise(name), start, m.end("inner"))
    return name[: m.end("name")].strip(), one_person_per_name(persons)


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


_SPACED_PERSON_RE = re.compile(r"(?P<unit>\S+)[ \t\u3000]+(?P<person>[^\s、,;]+)(?=$|[、,;])")


def without_spaced_persons(names: str) -> str:
    """`县交通局 张三、县财政局 李四` as `县交通局、县财政局`: a task list writes each unit's person after it with a
    space between (a bare bracket `(县交通局 张三)` as a cell of two columns would); the person is a leader, read so
    wherever a list's names are (`unit_names.is_person_among`), and the list is a list of units without them."""

    def unit_alone(m: re.Match[str]) -> str:
        person = m["person"]
        bare = _BARE_NAME_RE.fullmatch(person) is not None
        if not looks_like_units(m["unit"]) or not is_person(person) or (bare and person[0] not in _SURNAMES):
            return m[0]
        return m["unit"]

    return _SPACED_PERSON_RE.sub(unit_alone, names)


def split_bracketed_helpers(roles: dict[str, list[str]]) -> list[str]:
    """Read each `A(B、C配合)` of a clause's roles in place: A keeps its place, B and C help. Each
    `A(张三)` keeps A in its place; the persons so named are returned (leaders)."""
    helpers: list[str] = []
    persons: list[str] = []
    for role in (LEAD, LISTED, CO):
        kept: list[str] = []
        for name in roles[role]:
            if (labelled := _labelled_persons(name)) is not None:
                kept.append(labelled[0])
                persons += labelled[1]
                continue
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
