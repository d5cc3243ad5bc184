"""Two units written as one: joined by 和 / 及, or a place's party committee with its government.

`财政局和市直各单位` is two units, `人力资源和社会保障局` one: the part before the joiner must end as
a unit's name does (`unit_names.ends_like_a_name`). `省有关部门和单位` widens one addressee, and a
place's `党委和人民政府` / `党工委和管委会` is one addressee however it is joined (`is_party_pair`).

Two groups of places of different levels joined with nothing after them (`各市州及县市区`: every city
and prefecture, and every county, county-level city and district) are two addressees, the README's group
and the unit after the joiner; with a body after the second (`各市州及县市区财政部门`) the
places share it, one addressee, as places sharing one suffix are (`海东市、兰州市、临夏州发展改革部门`).
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .textutil import is_han, normalise
from .unit_names import ends_like_a_name

# A category of units (`省有关部门`), which a bare kind after the joiner widens.
_CATEGORY_END_RE = lazy_compile(r"(?:单位|部门|机构|企业|组织)$")

# The government half of a place's `党委和人民政府` / `党工委和管委会` pair; a prefecture's is its 行署
# (行政公署), written with the city's alternative after it where the places are of both kinds (`行署(政府)`).
PARTY_PAIR_RE = lazy_compile(r"(?:(?:人民)?政府|管委会|管理委员会|行署|行政公署)(?:\((?:人民)?政府\))?")
# The party half: `党委`, `党工委`, or the place's level before `委` (`地委`, `各地(市)委`, `县委`).
_PARTY_RE = lazy_compile(r"(?:党(?:工)?|[地市县区州盟旗](?:\([地市县区州盟旗、]{1,5}\))?)委$")


def is_party_pair(before: str, piece: str) -> bool:
    """A place's party committee and its government are one addressee however they are joined:
    `高新区党工委和管委会`, and written as a list, `宿马园区党工委、管委会`, `各县(区)党委、政府` — the
    government half alone after a name ending 党委 / 党工委 is no unit of its own."""
    return bool(_PARTY_RE.search(normalise(before))) and bool(PARTY_PAIR_RE.fullmatch(normalise(piece)))


def _joined_at(part: str, joiner: str) -> int:
    r"""Where `(?<=[\u4e00-\u9fff)>])和(?=[\u4e00-\u9fff]{2})` would match: a joiner between a name's
    end and two Chinese characters; -1 where there is none."""
    at = part.find(joiner, 1)
    while at >= 0:
        if at + 3 <= len(part) and (is_han(part[at - 1]) or part[at - 1] in ")>") and is_han(part[at + 1 : at + 3]):
            return at
        at = part.find(joiner, at + 1)
    return -1


# `各市州及县市区`: two bare groups of levels joined by 及 / 和, no body after them.
_LEVELS = r"(?:(?:县级市|市州|乡镇|县|市|区|乡|镇|旗|州|盟|街道)(?:\((?:县级市|县|市|区|乡|镇|旗|街道)(?:、(?:县级市|县|市|区|乡|镇|旗|街道))*\))?)+"
_TWO_LEVEL_GROUPS_RE = re.compile(rf"^(?P<a>各{_LEVELS})[及和](?P<b>各?{_LEVELS})$")


def and_split(piece: str) -> list[str]:
    """`财政局和市直各单位`, `市级各有关部门及各县市区政府`: two units joined by 和 / 及, where the
    part before is a whole unit name (`人力资源和社会保障局` is one); `各市州及县市区`: two groups of places."""
    if (groups := _TWO_LEVEL_GROUPS_RE.match(normalise(piece).strip())) is not None:
        return [piece.strip()[: groups.end("a")], piece.strip()[groups.start("b") :]]
    parts = [piece]
    for joiner in ("及", "和"):
        out = []
        for part in parts:
            at = _joined_at(part, joiner)
            m = at >= 0
            left = part[:at] if m else ""
            right = normalise(part[at + 1 :]) if m else ""
            # `省有关部门和单位`: a bare kind after the joiner widens the one addressee. Qualified
            # (`有关部门`) after a name that is no category of units (`各经济开发区和有关部门`), it is
            # the README's bare 有关部门 of its own, which names no one.
            kind = re.fullmatch(r"(?P<q>有关|相关|其他|其它)?(?:单位|部门|机构|企业|组织|个人)", right)
            generic = kind is not None and not (kind["q"] and not _CATEGORY_END_RE.search(normalise(left)))
            # `各县(市、区)党委和人民政府`: a place's party committee and its government, one addressee.
            generic = generic or is_party_pair(left, part[at + 1 :])
            if m and len(left) >= 2 and ends_like_a_name(left) and not generic:
                out += [left, part[at + 1 :]]
            else:
                out.append(part)
        parts = out
    return parts
