"""An item whose paragraph opens with a group of local governments as the subject of `要`.

A county's 意见 or 方案 often names no bracket and no label: each measure's paragraph opens with who
must do it, and that is the governments of one level taken together, `各乡镇人民政府要严格执行…`,
`各县(市、区)政府要…`, `各镇(街道)要…` (after the item's title line or title sentence, as
`role_sentences` reads `州政府督查室要…`). Such a group is one addressee (as `各乡镇(街道)` is in a
bracket), and the item charges it. The group must be `各` and levels of local government (乡镇, 县,
市, 区, 街道…, with the levels it also covers in brackets), optionally closed by the government
(`人民政府`, `政府`, `党委和政府`, `街道办事处`); a vague subject (`各地`, `各部门`, `各单位`, `有关部门`)
names no addressee and charges no one, unless a notice's salutation names the groups it stands for
(`addressee_groups`: `各地区、各部门要…` in a notice to `各苏木乡镇人民政府,旗政府各部门`).

The group may lead a list of addressees joined by `、` / `和` / `及` (`各县(市、区)政府和市直有关部门要…`,
`各县(市、区)、市直各有关单位要…`, `各县(市、区)政府、各产业集聚区(专业园区)和有关部门要…`): after it, a
level's offices concerned (`市直有关部门`, `县直各有关单位`: one addressee each, README round 5), a group of
zones (`各产业集聚区(专业园区)`), or a unit; a bare `有关部门` among them names no one. Each is charged, the
group first. A list whose first part is no group of governments (`有关部门和各乡镇`) is not read so, nor is a
level's offices alone (`市直有关部门要`, the plan's reader rather than a measure's owner).
"""

from __future__ import annotations

from collections.abc import Callable

from .lazy_patterns import lazy_compile
from .textutil import normalise
from .unit_lists import split_names
from .unit_names import VAGUE_RE

_LEVEL = r"(?:县级市|乡镇|县|市|区|乡|镇|旗|州|街道|街)"
_GOVERNMENTS_RE = lazy_compile(
    rf"^各(?:{_LEVEL}(?:\({_LEVEL}(?:、{_LEVEL})*\))?、?)+"
    r"(?:人民政府|政府|党委和政府|党委、政府|党委政府|街道办事处|办事处)?$"
)


# A town's own groups, the level below it that its documents charge as a county's charge `各乡镇` (round 139): its
# villages (`各村`, `各村委会`, `各村(社区)`, `各村(居)委会`, `各社区`) and its stations and offices (`各站所`,
# `各(中心)站所`, the town's departments by the name its members use). Not `各村民` (villagers, persons) nor a
# `各村民小组` (a village's own groups, below the town's charge).
_TOWNSHIP_GROUPS_RE = lazy_compile(
    r"^各(?:(?:行政)?村(?:\((?:社区|居)\))?(?:委会|民委员会|居委会|党组织)?|社区(?:居委会)?|(?:\(?中心\)?)?站所|管(?:理)?区)$"
)


def government_group(names: str) -> bool:
    """Whether `names` is one group of local governments (`各乡镇人民政府`, `各县(市、区)政府`), or a town's own
    villages, stations or wards (`各村委会`, `各(中心)站所`, `各管区`: a town's level over its villages, round 156)."""
    norm = normalise(names).replace(" ", "")
    return bool(_GOVERNMENTS_RE.match(norm) or _TOWNSHIP_GROUPS_RE.match(norm))


# One line's departments at every level (`各级森林防火部门`, `各级林业主管部门`, `各级应急管理机构`): an
# emergency plan's or a standing rule's addressee, one group as a group of governments is; `各级有关部门`
# and `各级各部门` name no line, and no one.
_LINE_DEPARTMENTS_RE = lazy_compile(
    r"^各级(?!各|有关|相关|其他|其它)[\u4e00-\u9fff]{2,10}?(?:主管部门|部门|机构|管理机构)$"
)


def line_departments(names: str) -> bool:
    """Whether `names` is one line's departments at every level (`各级森林防火部门`)."""
    return bool(_LINE_DEPARTMENTS_RE.match(normalise(names).replace(" ", "")))


# A level's offices concerned (`市直有关部门`, `县直各有关单位`, `区级各部门`): one addressee.
_OFFICES_RE = lazy_compile(
    r"^(?:省|市|县|区|州|盟|旗)(?:直|级|属|政府)?各?(?:有关|相关)?(?:部门|单位|部门和单位|单位和部门|部门、单位)$"
)
# A plan's bare group of departments or units, which names no one (`各部门`, `各单位`).
_BARE_GROUP_RE = lazy_compile(r"^各(?:部门|单位|部门和单位|单位和部门)$")
# The bodies concerned, one addressee (`各有关单位`, `各相关部门`).
_CONCERNED_RE = lazy_compile(r"^各(?:有关|相关)(?:单位|部门)$")
# A group of zones (`各产业集聚区(专业园区)`, `各经济开发区管委会`): one addressee.
_ZONES_RE = lazy_compile(
    r"^各[\u4e00-\u9fff]{0,6}?(?:开发区|园区|集聚区|新区|示范区)(?:\([^()]{1,8}\))?(?:管委会|管理委员会)?$"
)


def town_list_bare_group(names: list[str]) -> list[str]:
    """`names` without a bare `各部门` / `各单位` after a town's own villages or communities that lead them
    (`各社区、各部门要…`, round 148): in the town's plan that group names no one (README rounds 96-98)."""
    if len(names) < 2 or not _TOWNSHIP_GROUPS_RE.match(normalise(names[0]).replace(" ", "")):
        return names
    return [n for n in names if not _BARE_GROUP_RE.match(normalise(n).replace(" ", ""))]


def addressee_list(names: str, is_unit: Callable[[str], bool]) -> bool:
    """Whether `names` is a list of addressees a group of governments leads (`各县(市、区)政府和市直有关部门`);
    `is_unit` tells a unit's name (`role_sentences.reads_as_units`)."""
    norm = normalise(names).replace(" ", "")
    parts = split_names(norm, norm, 0, len(norm))
    if len(parts) < 2 or not norm.startswith(parts[0]) or not government_group(parts[0]):
        return False
    # Only the joiners and a bare 有关部门 are left out of the parts: nothing else goes unread.
    rest = norm
    for part in parts:
        rest = rest.replace(part, "", 1)
    if VAGUE_RE.sub("", rest).strip("、和及"):
        return False
    # A bare `各部门` / `各单位` after a town's own villages or communities names no one (README rounds 96-98):
    # `各社区、各部门要…` charges the communities (round 148); after a county's `各乡镇政府` they are its departments.
    town = bool(_TOWNSHIP_GROUPS_RE.match(parts[0]))
    named = [p for p in parts[1:] if not (town and _BARE_GROUP_RE.match(p))]
    # `各村、各有关单位`: beside a town's villages the bodies concerned are one addressee (round 139).
    named = [p for p in named if not (town and _CONCERNED_RE.match(p))]
    return all(government_group(p) or _OFFICES_RE.match(p) or _ZONES_RE.match(p) or is_unit(p) for p in named)
