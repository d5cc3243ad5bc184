"""A meeting's demand charged to places beside a bare group, to bodies by their premises, or to a sector's organs.

A news report's demands (a meeting's `会议强调,一要…` points, a leader's `县委书记某某强调,一要…;二要…`) name who
answers as the subject of a sentence's part, in three ways a plain unit list does not cover (round 178):

- places under one 各 joined to a bare group (`各街镇、各部门要坚决克服…`): read with no salutation the bare `各部门`
  (`各单位`, `各地`) names no one (README rounds 96/97/98, 113), the places are the addressee (`各街镇` leads);
- bodies named by their premises (`各乡镇驻地、县直各单位办公场所要做好值班登记、消毒消杀工作`): the bodies answering
  for the seat or office (`各乡镇`, `县直各单位`), as a supervision officer charges bodies, not buildings;
- a sector's organs named by their kind (`同时,公安机关要聚焦打击…`): one addressee, helping the first subject as
  any later subject does (`minute_subjects`); so is a group of checkpoints (`各交通卡口要严格做好体温检测`).

A speaker's point may charge its addressee by hope rather than by `要` (`三是希望各联动单位积极作为,…`): the group
under one 各 right after the point's `希望` is its subject, one addressee (`hoped_group`).

A city's places under one 各 set off by a comma before a bare group (`全市各镇街片区,各部门单位要统一思想…`, round 176)
open the demand and lead it (`comma_places`); the bare `各部门单位` names no one.

Near cases: `希望各部门…` (a bare group: no one), `希望广大群众…` (no group under 各), a bare group alone (`各部门要…`: no one), premises with no body (`办公场所要…`), a place with a bare
group and a named unit (`各街镇、各部门和区公安分局要…`: left to the unit readers).
"""

from __future__ import annotations

from .group_openings import government_group
from .lazy_patterns import lazy_compile
from .textutil import normalise

# Bare groups that name no one where no salutation names them (rounds 96/97/98); `speaker_demands` reads them too.
# `各部门单位` (round 184) is the two bare groups written as one.
BARE_GROUPS = ("各部门", "各单位", "各部门单位", "各地", "各地区", "各有关部门", "各相关部门")
# The seat or the office of a body (`各乡镇驻地`, `县直各单位办公场所`).
_PREMISES_RE = lazy_compile(r"(?:驻地|办公场所|办公区域?|机关大院)$", needs="驻地|办公|大院")
# The county's (city's, district's) own units as one group (`县直各单位`, `市直各部门`).
_LEVEL_GROUP_RE = lazy_compile(r"^(?:县|市|区|旗)直(?:各|有关|相关)?(?:单位|部门)$", needs="直")
# A sector's organs named by kind, and the checkpoints of a control (`公安机关`, `各交通卡口`).
_ORGANS_RE = lazy_compile(
    r"^(?:各级)?(?:公安|检察|审判|司法行政)机关$|^各(?:交通)?(?:卡口|检查站)$", needs="机关|卡口|检查站"
)


def placed_parts(parts: list[str]) -> list[int] | None:
    """The indexes of the parts of a subject (split at `、`/`和`) that answer for the demand, or None where the subject
    is not one of the three forms above."""
    if len(parts) == 1 and _ORGANS_RE.match(parts[0]):
        return [0]
    bodies = [_PREMISES_RE.sub("", p) for p in parts]
    if any(b != p for b, p in zip(bodies, parts, strict=True)):
        if all(government_group(b) or _LEVEL_GROUP_RE.match(b) for b in bodies):
            return list(range(len(parts)))
        return None
    places = [i for i, p in enumerate(parts) if government_group(p)]
    if places and len(parts) > len(places) and all(p in BARE_GROUPS for i, p in enumerate(parts) if i not in places):
        return places
    return None


# `三是希望各联动单位积极作为`: the group hoped of, opening the point.
_HOPED_RE = lazy_compile(
    r"^\s*(?:[一二三四五六七八九十]{1,2}[是要])?希望(?P<g>各(?!有关|相关)[\u4e00-\u9fff]{1,6}?(?:单位|部门))"
    r"(?=[\u4e00-\u9fff])",
    needs="希望",
)


def hoped_group(norm: str) -> tuple[int, int] | None:
    """The span of the group a point hopes of (`希望各联动单位…`), or None."""
    m = _HOPED_RE.match(norm)
    return None if m is None or m["g"] in BARE_GROUPS else m.span("g")


# `全市各镇街片区,各部门单位要…`: a city's places under one 各 set off by a comma before the bare group (round 176).
_PLACES = r"(?:全(?:市|县|区|旗))?各(?:镇街片区|镇街区|镇街园区|镇街|乡镇街道|乡镇|县市区|县区|区县|街道|镇|乡|村|社区)"
_COMMA_PLACES_RE = lazy_compile(
    rf"^\s*(?P<p>{_PLACES})\s*,\s*(?:各部门单位|各部门|各单位|各有关部门(?:单位)?)要(?![求点])", needs="要"
)
_PLACES_PART_RE = lazy_compile(rf"^\s*{_PLACES}\s*,\s*$", needs="各")


def comma_places(text: str) -> str | None:
    """`全市各镇街片区,各部门单位要…`: the places leading a demand whose bare group names no one, as written."""
    m = _COMMA_PLACES_RE.match(normalise(text))
    return None if m is None else text[m.start("p") : m.end("p")]


def places_part(part: str) -> bool:
    """A comma part that is only a group of places (`全市各镇街片区,`), the subject of the charged part after it."""
    return bool(_PLACES_PART_RE.match(part))


def sector_organs(name: str) -> bool:
    """`公安机关`, `各交通卡口`: a sector's organs or a control's checkpoints, one addressee (no doubt mark)."""
    return bool(_ORGANS_RE.match(name.strip()))


def without_premises(name: str) -> str:
    """`各乡镇驻地` -> `各乡镇`: the body answering for its premises."""
    return _PREMISES_RE.sub("", name)
