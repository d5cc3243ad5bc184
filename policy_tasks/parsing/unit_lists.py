"""A run of names in a responsibility field split into the names it holds, as written.

Groups keep their inner `、` (`各县、市、区人民政府`), also when 及 / 和 joins another unit right after
the group (`各区、县(市)政府及开发区管委会`: the group, then 开发区管委会), places sharing one suffix are one addressee,
marks of the lead (`(牵头)`, `★`) and notes (`下同`) are read off, persons grouped with their
party titles. `units` calls these on the spans it has found.
"""

from __future__ import annotations

import re

from .joined_names import and_split, is_party_pair
from .lazy_patterns import lazy_compile
from .quantified_kinds import office_kinds
from .spaced_posts import with_spaced_posts
from .textutil import normalise, split_top, strip_span
from .unit_labels import NAME_SEPS
from .unit_names import (
    LEAD_BRACKET,
    LEAD_MARKS,
    NOTE_RE,
    VAGUE_RE,
    continues_group,
    names_units,
    organisation,
    space_split,
    without_note,
)
from .unit_names import TRIM as _TRIM
from .zone_committees import is_place_zone_committee

# `A(牵头)`, `A〔牵头〕`, `A[牵头]`, `A★`, `A△`: a mark of the lead after the name.
_MARKED_LEAD_RE = re.compile(r"^(?P<name>.+?)\s*(?:" + LEAD_BRACKET + "|[" + re.escape(LEAD_MARKS) + "])$")


_PARTY_TITLE_RE = re.compile(r"(?:常委|委员|党组成员|党组书记|党委书记|党工委书记)$")


# `责任领导:按《市委工作要点》分工(蒋永根、俞福才)`: the field defers to another document's
# division of work and names the persons in the bracket after it.
_DEFERRED_LEADERS_RE = re.compile(r"^(?:按|依|根据)[^()]*?分工[^()]*\((?P<names>[^()]+)\)$")
# The same with the persons' posts in the bracket (`分工(蒋永根(副县长)、俞福才(副县长))`, `(副县长蒋永根、…)`,
# `(蒋永根 副县长、…)`): each name keeps its post, the bracket's own brackets kept whole.
_DEFERRED_POSTED_RE = re.compile(r"^(?:按|依|根据)[^()]*?分工[^()]*\((?P<names>(?:[^()]|\([^()]*\))+)\)$")


def deferred_leaders(value: str) -> list[str] | None:
    """The persons a leader field deferring to another document's division names in its bracket
    (`按《市委工作要点》分工(A、B)`), None for any other field."""
    m = _DEFERRED_POSTED_RE.match(normalise(value).strip(" ;,。"))
    if m is None:
        return None
    pieces = [(g[1], g[0]) for g in re.findall(r"([、,\s]*)((?:[^、,\s()]|\([^()]*\))+)", m["names"])]
    return with_spaced_posts(pieces) or None


def one_person_per_name(names: list[str]) -> list[str]:
    """`县委常委、常务副县长张三` is one person: a party title before 、 goes with the office after it."""
    out: list[str] = []
    expanded: list[str] = []
    for name in names:
        m = _DEFERRED_LEADERS_RE.match(normalise(name).strip())
        expanded += [n.strip() for n in re.split(r"[、,]", m["names"]) if n.strip()] if m else [name]
    for name in expanded:
        if out and _PARTY_TITLE_RE.search(normalise(out[-1])) and not _is_name_only(out[-1]):
            out[-1] = f"{out[-1]}、{name}"
        else:
            out.append(name)
    return out


def _is_name_only(name: str) -> bool:
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,3}", name)) and not _PARTY_TITLE_RE.search(name)


def _lead_mark_first(name: str) -> str:
    """`县财政局、县发改局(牵头)`, `县发改局★`: a mark after a name leads like a star before it."""
    m = _MARKED_LEAD_RE.match(name)
    return "★" + m["name"] if m else name


# A kind of unit with no owner of its own (`单位`, `有关直属单位`): after 、 it can only be read under the
# qualifier of the category before it (`市直有关部门、单位`, `县政府有关部门、有关直属单位`: the 县政府's
# departments and its directly affiliated units concerned), as one addressee. A kind opened by 各
# (`省政府各部门、各直属机构`) is a group of its own and stays a unit of its own.
_BARE_KIND_RE = re.compile(r"(?:有关|相关|其他|其它)?(?:直属|所属|下属)?(?:单位|部门|机构|企业)")
# The name before it is itself a category of units (`县政府有关部门`), not one unit (`县发改委`) or a
# group of places (`各乡镇`): there the bare kind is the README's bare 有关部门, no unit.
_CATEGORY_END_RE = lazy_compile(r"(?:单位|部门|机构|企业)$")
_BARE_PLACE_RE = re.compile(r"[\u4e00-\u9fff]{1,5}?(?:市|州|县|区|盟|旗)")
_PLACE_WITH_SUFFIX_RE = lazy_compile(
    r"^[\u4e00-\u9fff]{1,5}?(?:市|州|县|区|盟|旗)(?:人民政府|政府|[\u4e00-\u9fff]{1,10}(?:部门|局|委|办))$"
)


# A city's or county's government (`绥芬河市政府`, `佳木斯市人民政府`).
_PLACE_GOVERNMENT_RE = re.compile(r"^[\u4e00-\u9fff]{1,5}?(?:市|州|县|区|盟|旗)(?:人民政府|政府)$")
# A place's name written without its level (`哈尔滨`, `黑河`), or a title (`副市长`), which is no place.
_UNSUFFIXED_RE = re.compile(r"[\u4e00-\u9fff]{2,4}")
_TITLE_END_RE = lazy_compile(r"(?:长|书记|主任|主席|委员|领导)$")


def _bare_places_before(names: list[str], government: bool = False) -> int:
    """How many places end the list: written with their level (`海东市`), or, before a place's
    government (`哈尔滨、黑河、绥芬河市政府`), also without it, as the shared suffix's places."""
    count = 0
    for name in reversed(names):
        norm = normalise(name).strip()
        unsuffixed = government and _UNSUFFIXED_RE.fullmatch(norm) and not _TITLE_END_RE.search(norm)
        if not (_BARE_PLACE_RE.fullmatch(norm) or unsuffixed) or organisation(name):
            break
        count += 1
    return count


# A company named by its short name and one suffix (`电信公司`, `建设银行`), and a short name alone
# (`移动`, `联通`): the short names before such a company share its suffix, one addressee, as places
# sharing one suffix are (an inspection notice's `监督责任:移动、联通、电信公司`).
_COMPANY_RE = re.compile(r"[\u4e00-\u9fff]{2,4}(?:公司|集团|银行)")
_SHORT_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _brands_before(names: list[str], piece: str) -> int:
    """How many short names end the list before a company with a suffix (`移动、联通` before `电信公司`)."""
    if not _COMPANY_RE.fullmatch(normalise(piece).strip()):
        return 0
    count = 0
    for name in reversed(names):
        norm = normalise(name).strip()
        if not _SHORT_NAME_RE.fullmatch(norm) or organisation(name) or _TITLE_END_RE.search(norm):
            break
        count += 1
    return count


_LONG_PLACE_RE = lazy_compile(r"[\u4e00-\u9fff]{1,10}?(?:市|州|县|区|盟|旗)")
_PAIRED_PLACE_RE = re.compile(
    r"[\u4e00-\u9fff]{1,10}?(?:市|州|县|区|盟|旗)党(?:工)?委和(?:人民政府|政府|管委会|管理委员会)"
)

_SUBSET_RE = re.compile(r"或(?:部分|个别)[市县区旗乡镇州]{1,2}(?=(?:人民)?政府)")
# `涉及到的地级以上市人民政府`, `所涉及的县(区)政府`: a clause saying which of a group the work concerns,
# some of the group, written as the group (as `或部分市` is); `相关`/`有关` written into a name stay.
_CONCERNED_RE = re.compile(r"^所?涉及(?:到)?的(?=\S{2,}(?:政府|部门|单位|局|委|办)$)")


def split_names(text: str, norm: str, start: int, end: int) -> list[str]:
    names: list[str] = []
    for s, e in split_top(norm, NAME_SEPS.replace(" ", ""), start, end):
        s, e = strip_span(norm, s, e, _TRIM)
        if s >= e:
            continue
        for piece in space_split(text[s:e]):
            if re.fullmatch(r"[\d.]+", piece.strip()):
                continue  # a stray figure in a unit cell (`经管站\n2`) names no one
            # `各县、市、区人民政府` is one addressee: its 、 parts are levels, not units.
            if names and continues_group(names[-1], normalise(piece)):
                names[-1] = names[-1] + "、" + piece
                continue
            # `市直有关部门、单位`: a bare kind after 、 widens the category before it.
            if (
                names
                and norm[s - 1 : s] == "、"
                and _BARE_KIND_RE.fullmatch(normalise(piece).strip())
                # `各科室、单位`: a bureau's offices under one 各 are a category too (round 189).
                and (_CATEGORY_END_RE.search(normalise(names[-1]).strip()) or office_kinds(normalise(names[-1])))
            ):
                names[-1] = names[-1] + "、" + piece
                continue
            # `宿马园区党工委、管委会`, `各县(区)党委、政府`: the pair written with 、 is one addressee too.
            if names and norm[s - 1 : s] == "、" and is_party_pair(names[-1], piece):
                names[-1] = names[-1] + "、" + piece
                continue
            # `城乡一体化示范区、高新区党工委和管委会`: places sharing one party-and-government pair.
            if names and norm[s - 1 : s] == "、" and _PAIRED_PLACE_RE.fullmatch(normalise(piece).strip()):
                if _LONG_PLACE_RE.fullmatch(normalise(names[-1]).strip()):
                    names[-1] = names[-1] + "、" + piece
                    continue
            # `海东市、兰州市、临夏州发展改革部门`: places sharing the suffix of the last are one addressee.
            # Cities written without 市 before the last share its government: `哈尔滨、黑河、绥芬河市政府`.
            # Zones written by their places before one zone's committee share it too: `临汾、侯马、
            # 洪洞经济开发区管委会` (`zone_committees`).
            zone = is_place_zone_committee(normalise(piece))
            places = _bare_places_before(names, zone or bool(_PLACE_GOVERNMENT_RE.match(normalise(piece).strip())))
            if places >= 2 and (zone or _PLACE_WITH_SUFFIX_RE.match(normalise(piece))):
                names[-places:] = ["、".join([*names[-places:], piece])]
                continue
            # `移动、联通、电信公司`: companies written by their short names share the suffix of the last.
            if norm[s - 1 : s] == "、" and (brands := _brands_before(names, piece)) >= 2:
                names[-brands:] = ["、".join([*names[-brands:], piece])]
                continue
            wholes = and_split(piece)
            # `各区、县(市)政府及开发区管委会`: the group's last level ends where 及 / 和 joins the
            # next unit; the group stays one addressee and the unit after the joiner is another.
            if names and len(wholes) > 1 and continues_group(names[-1], normalise(wholes[0])):
                names[-1] = names[-1] + "、" + wholes[0]
                wholes = wholes[1:]
            for part in [p for whole in wholes for p in _run_together(whole) for p in _with_agent(p)]:
                part = _lead_mark_first(part.strip(_TRIM))
                part = without_note(part)
                # `四市或部分市人民政府`: the group, or some of it, is the group.
                part = _CONCERNED_RE.sub("", _SUBSET_RE.sub("", part))
                if part and not NOTE_RE.search(part) and not VAGUE_RE.fullmatch(part) and len(part) <= 40:
                    names.append(part)
    return names


# `市行政审批局市司法局`: two units of one level run together where a page lost the line break
# between them in a table cell; each starts with the level's prefix and ends in a bureau's suffix.
_RUN_TOGETHER_RE = re.compile(
    r"^(?P<a>(?P<p>[省市区县])[\u4e00-\u9fff]{2,12}?(?:局|委|办|厅))(?P<b>(?P=p)(?!场)[\u4e00-\u9fff]{2,12}?(?:局|委|办|厅|院|中心|政府))$"
)


# `派出所工商质监所`: a township's own offices carry no place prefix; two run together are told
# apart by the first one's ending (所, 站). The second is an office of the same kind and of four or
# more characters, so a post named for where it sits (`火车站派出所`, `客运站管理所`) stays one.
_OFFICES_RUN_TOGETHER_RE = re.compile(r"^(?P<a>[\u4e00-\u9fff]{2,6}?(?:所|站))(?P<b>[\u4e00-\u9fff]{3,8}(?:所|站|院))$")


# `文化宣传股文化馆`: a bureau's section (`…股`, `…科`, named without the bureau's place) and an office or
# unit of the bureau a table cell ran together. 科 inside a word (`科学`, `科技`, `科研`) ends no section,
# nor does 股 in `股份`, `股权`; a unit of three characters or more follows.
_SECTION_RUN_TOGETHER_RE = re.compile(
    r"^(?P<a>[\u4e00-\u9fff]{2,6}?(?:股|科))(?![学技研普份权东])(?P<b>[\u4e00-\u9fff]{2,8}(?:股|科|室|馆|站|所|院|队|中心))$"
)


def _run_together(name: str) -> list[str]:
    norm = normalise(name).strip()
    m = _RUN_TOGETHER_RE.match(norm) or _OFFICES_RUN_TOGETHER_RE.match(norm) or _SECTION_RUN_TOGETHER_RE.match(norm)
    return [name.strip()[: m.end("a")], name.strip()[m.end("a") :]] if m else [name]


# `区教体局(区国资公司代建)`: a project's owner and, in a bracket, the unit building it as the owner's
# agent (代建); both answer for the project, the agent after the owner.
_AGENT_RE = lazy_compile(
    r"^(?P<owner>[^()（）]+?)\s*[(（](?P<agent>[^()（）]{2,20}?)(?:代建|代管|代为建设|代为实施)[)）]$",
    needs="代建|代管|代为建设|代为实施",
)


def _with_agent(name: str) -> list[str]:
    m = _AGENT_RE.match(normalise(name).strip())
    if m is None or not names_units(m["agent"]) or not names_units(m["owner"]):
        return [name]
    return [m["owner"], m["agent"]]
