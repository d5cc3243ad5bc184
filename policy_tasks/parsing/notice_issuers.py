"""A notice's own government as the subject of its requirement, and the leaders its requirements make answerable.

A city government's notice issuing a breakdown ends its requirements with what the government itself will do:
`四、严格督考,确保实效。市政府将重点民生实事完成情况列入年度考核的重要内容,…并严格组织考核验收。` The subject is the
issuer, which commits to the work as written and leads it, as a minute's own government does (round 89); nobody
else is charged (round 101). The issuer is the government whose own departments the salutation addresses
(`各县、区人民政府,…,市政府有关部门:` is sent by the 市政府) or that the title names as sending it
(`某市人民政府(办公室)关于…的通知`). Only the issuer's level written bare, as the notice writes itself (`市政府`,
`市人民政府`), opening the item (after its title) before `将` / `要` / `负责` charges it; `县政府将…` in a city's notice
names another government, and is left to the other readers. Either way the item names its doer: a notice to one
group of offices (`sole_addressees`) gives that group no item a government opens as its subject (`government_subject`).

The same requirements make persons answerable (round 101): the government's leaders by their division of work
(`市政府领导按职责分工负责,及时协调和督导推动`: persons by post, the clause's leaders, no unit), and a unit's head by post
(`各单位主要负责同志为抓落实第一责任人`, round 95's `role_groups.answerable_head`), a leader even where the units
whose heads they are are too vague to charge (`各单位`).
"""

from __future__ import annotations

import re

from .addressee_groups import bare_groups
from .lazy_patterns import lazy_compile
from .leader_divisions import division_leader
from .responsibility import Responsibility
from .role_groups import answerable_head
from .role_sentences import opening_starts
from .textutil import normalise
from .unit_labels import LEAD

_LEVELS = "省市县区州盟旗"
# `市政府有关部门`, `市人民政府各部门`, `县政府直属各单位`: the issuer's own departments among its addressees.
_OWN_DEPARTMENTS_RE = lazy_compile(rf"(?:^|[,、])(?P<level>[{_LEVELS}])(?:人民)?政府(?:各|有关|相关|直属)")
# `武汉市人民政府办公厅关于…`, `某县人民政府关于…`: the government sending the notice (or its office for it).
_TITLE_ISSUER_RE = lazy_compile(
    rf"^[\u4e00-\u9fff]{{2,12}}?(?P<level>[{_LEVELS}])人民政府(?:办公室|办公厅)?关于",
    needs="人民政府关于|人民政府办公室关于|人民政府办公厅关于",
)
_SENTENCE_END_RE = re.compile(r"[。;\n]")


def own_government(header: list[tuple[int, str]]) -> str | None:
    """The level (`市`, `县`) of the government issuing the notice, from its salutation or its title, or None."""
    for _, line in header:
        norm = normalise(line).replace(" ", "").strip()
        m = _TITLE_ISSUER_RE.match(norm)
        if m is None and norm.endswith(":"):
            m = _OWN_DEPARTMENTS_RE.search(norm)
        if m is not None:
            return m["level"]
    return None


def issuer_charge(text: str, level: str | None) -> Responsibility | None:
    """`市政府将…列入年度考核`: the issuing government opening the item as its subject leads it, or None."""
    if level is None:
        return None
    norm = normalise(text)
    subject = re.compile(rf"(?P<name>{level}(?:人民)?政府)(?:将|要(?![求点])|负责)")
    for start in opening_starts(norm):
        if (m := subject.match(norm, start)) is not None:
            found = Responsibility(origin="正文开头")
            found.roles[LEAD] = [text[m.start("name") : m.end("name")]]
            return found
    return None


# `市政府将…`, `县人民政府要…`, `镇政府负责…`: a government of any level, written bare, as a requirement's subject.
_ANY_GOVERNMENT_RE = lazy_compile(
    rf"[{_LEVELS}乡镇](?:人民)?政府(?:将|要(?![求点])|负责)", needs="政府将|政府要|政府负责"
)


def government_subject(text: str) -> bool:
    """Whether a government opens the item as its subject (`市政府将…列入年度考核`), the issuer or not: its own part
    of the work, named whether or not a reader takes the government as the item's unit."""
    norm = normalise(text)
    return any(_ANY_GOVERNMENT_RE.match(norm, start) for start in opening_starts(norm))


def answerable_leaders(text: str) -> list[str]:
    """The persons an item's sentences make answerable: a government's leaders by their division of work opening a
    sentence (`市政府领导按职责分工负责`), and a head by post (`各单位主要负责同志为…第一责任人`), in the text's order."""
    norm = normalise(text)
    starts = [0, *(m.end() for m in _SENTENCE_END_RE.finditer(norm)), *opening_starts(norm)]
    found: list[tuple[int, str]] = []
    for start in sorted(set(starts)):
        if (m := division_leader(norm, start)) is not None:
            found.append((m.start("who"), text[m.start("who") : m.end("who")]))
    # `各地、各部门主要领导是…第一责任人`: the groups' heads name the groups and no leader (rounds 96/97, 149).
    if (head := answerable_head(norm, opening_starts(norm))) is not None and not bare_groups(norm[slice(*head[1])]):
        found.append((head[0][0], text[head[0][0] : head[0][1]]))
    return [who for _, who in sorted(found)]
