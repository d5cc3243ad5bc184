"""A group an item sets up with its heads named in the sentence, and the bodies the rest of that sentence charges.

A town's campaign plan (round 148, `消防安全“遏较大”百日攻坚行动方案`) writes its organising item as one long sentence:

    为加强对…的组织领导,镇政府成立由金志敏镇长为组长,常务副镇长胡建伟为副组长,镇消安委其他有关单位为成员(应急中心、
    …)的桥头镇…领导小组,镇应急管理服务中心负责日常运行工作,镇政府成立督查专班开展督查工作,各村(社区)参照成立相应组织机构。

As with the head named after the group (`镇政府成立…领导小组,组长由镇长担任`, round 139, `set_up_charge` below), the
body setting the group up leads, the group helps and the posts heading it are the clause's leaders, as written with their holders
(`金志敏镇长`, `常务副镇长胡建伟`). The members in brackets after `为成员` make up the group and are charged by no part.
The later parts of the sentence charge bodies too: an office before `负责` (`镇应急管理服务中心负责…`), a group the
body sets up and sets to work (`镇政府成立督查专班开展督查工作`: the 专班), the town's villages told to follow
(`各村(社区)参照成立…`, round 139): each helps, in order.

Near cases: a group set up by no named body (`成立由…为组长的领导小组`), heads given as members only (`…为成员`), a
group whose heads are persons with no post (`由张三为组长`: no leader), and the same sentence outside the item's set-up
(`各部门成立…`: a vague body sets up nothing the clause can charge).
"""

from __future__ import annotations

import re

from .department_paragraphs import _department
from .group_openings import government_group
from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .role_sentences import reads_as_units
from .textutil import normalise
from .unit_labels import CO, LISTED
from .unit_lists import split_names
from .work_holders import held_names

# `镇政府成立由…为组长,…为副组长,…的<group>`: the body, the heads' run and the group after its last `的`.
_SET_UP_RE = lazy_compile(
    r"(?:^|(?<=[。;,\n]))\s*(?P<unit>[\u4e00-\u9fff]{1,12}?(?:政府|党委|局|委|办))成立由"
    r"(?P<heads>[^。;]{2,160}?为副?组长[^。;]*?)的(?P<group>[^的,。;()]{2,40}?(?:领导小组|工作小组|指挥部))",
    needs="成立由 & 组长",
)
# One head: the words between a comma (or the run's start) and `为组长` / `为副组长`.
_HEAD_RE = re.compile(r"(?:^|,)(?P<head>[^,()]{2,16}?)为副?组长")
# A post the head is named with (`镇长`, `常务副镇长`, `书记`, `主任`): a person with no post leads nothing here.
_POST_RE = re.compile(r"(?:镇长|乡长|县长|区长|市长|书记|主任|局长|站长|所长)")
_PARTS_RE = re.compile(r"(?<=[,])[^,。;]+")
# The later parts: an office before `负责`, a group a body sets up and sets to work, the villages told to follow.
_PART_RE = lazy_compile(
    r"(?P<office>[\u4e00-\u9fff()]{2,20}?)负责(?![同人])"
    r"|[\u4e00-\u9fff]{1,12}?(?:政府|党委|局|委|办)成立(?P<group>[\u4e00-\u9fff]{2,10}?(?:专班|小组|工作组|督查组|督导组))"
    r"(?=开展|负责|进行|对|,|。)"
    r"|(?P<towns>各[\u4e00-\u9fff()]{1,10}?)参照"
)


def headed_group_charge(text: str) -> Responsibility | None:
    """The body setting up a group whose heads the sentence names leading, the group and the bodies the sentence's later
    parts charge helping, the heads' posts as leaders; None where the item sets up no such group."""
    norm = normalise(text)
    m = _SET_UP_RE.search(norm)
    if m is None or not reads_as_units(m["unit"]):
        return None
    found = Responsibility(origin="正文开头")
    found.roles[LISTED] = split_names(text, norm, m.start("unit"), m.end("unit"))
    found.roles[CO] = [text[m.start("group") : m.end("group")].strip()]
    heads = m["heads"].split("为成员")[0]
    found.leaders = [h["head"].strip() for h in _HEAD_RE.finditer(heads) if _POST_RE.search(h["head"])]
    end = norm.find("。", m.end())
    for part in _PARTS_RE.finditer(norm, m.end(), end if end >= 0 else len(norm)):
        p = _PART_RE.match(norm, part.start(), part.end())
        if p is None:
            continue
        kind = next(k for k in ("office", "group", "towns") if p[k])
        if (kind == "office" and not reads_as_units(p[kind])) or (kind == "towns" and not government_group(p[kind])):
            continue
        name = text[p.start(kind) : p.end(kind)]
        if name not in found.roles[CO]:
            found.roles[CO].append(name)
    return found


# The head named after the group: `镇政府成立…领导小组,组长由镇长担任` (round 139).
_HEAD_AFTER_RE = lazy_compile(
    r"(?:^|(?<=[。;\n]))\s*(?:组织机构|组织领导|机构设置|加强领导)?\s*"
    r"(?P<unit>[\u4e00-\u9fff]{1,12}?(?:政府|党委|局|委|办))成立(?P<group>[\u4e00-\u9fff()]{2,40}?(?:领导小组|工作小组|指挥部))"
    r"\s*,\s*组长由(?P<post>[\u4e00-\u9fff]{1,10}?(?:长|书记|主任))担任",
    needs="成立 & 组长由",
)


def group_set_up_charge(text: str) -> Responsibility | None:
    """A body setting up a group with its heads named, in any of the three forms below: the body leads."""
    return set_up_charge(text) or headed_group_charge(text) or roster_charge(text)


def _body_leading(text: str, norm: str, m: re.Match[str] | None) -> Responsibility | None:
    """The body (`unit`) setting up the group `m` found, leading; None where nothing was found or no department sets it up."""
    if m is None or not _department(m["unit"]):
        return None
    found = Responsibility(origin="正文开头")
    found.roles[LISTED] = split_names(text, norm, m.start("unit"), m.end("unit"))
    return found


def set_up_charge(text: str) -> Responsibility | None:
    """`镇政府成立…领导小组,组长由镇长担任`: the body leads, its group helps, the post heads it; or None."""
    norm = normalise(text)
    found = _body_leading(text, norm, m := _HEAD_AFTER_RE.search(norm))
    if found is None or m is None:
        return None
    found.roles[CO] = split_names(text, norm, m.start("group"), m.end("group"))
    found.leaders = [text[m.start("post") : m.end("post")]]
    return found if found.found else None


# The heads listed after the group in a roster of their own (`镇政府成立13人防汛指挥所。所长:江海彬;副所长:江锐锋、陈伟生;
# 成员:…`, round 177): the body leads, the group helps, the head and deputies named are leaders, the members none.
_ROSTER_RE = lazy_compile(
    r"(?:^|(?<=[。;,\n]))\s*(?P<unit>[\u4e00-\u9fff]{1,12}?(?:政府|党委|局|委|办))成立(?:\d{1,3}人)?"
    r"(?P<group>[\u4e00-\u9fff]{2,20}?(?:指挥所|指挥部|领导小组|工作小组))。"
    r"(?P<roster>(?:副?(?:组长|所长|指挥长|总指挥)[::][\u4e00-\u9fff、() ]{2,40};)+)",
    needs="成立 & 长|总指挥",
)
# The names may carry their posts (`江海彬(副镇长)`, `副镇长江海彬`, `江海彬 副镇长`: `work_holders.held_names`).
_ROSTER_HEAD_RE = re.compile(r"副?(?:组长|所长|指挥长|总指挥)[::](?P<names>[\u4e00-\u9fff、() ]{2,40});")
# `各村委会要成立…小组`: a later sentence's group of the level below, charged beside the body (round 95's later subject).
_LATER_GROUP_RE = lazy_compile(r"(?<=[。;])(?P<towns>各[\u4e00-\u9fff()]{1,10}?)(?:要|应当|必须)", needs="各")


def roster_charge(text: str) -> Responsibility | None:
    """`X成立…指挥所。所长:A;副所长:B、C;成员:…`: X leads, the group and the later groups charged help, A, B, C lead."""
    norm = normalise(text)
    found = _body_leading(text, norm, m := _ROSTER_RE.search(norm))
    if found is None or m is None:
        return None
    found.roles[CO] = [text[m.start("group") : m.end("group")]]
    for h in _ROSTER_HEAD_RE.finditer(norm, m.start("roster"), m.end("roster")):
        names = held_names(text, norm, h.start("names"), h.end("names"))
        found.leaders += [n for n in names if n not in found.leaders]
    for later in _LATER_GROUP_RE.finditer(norm, m.end()):
        if government_group(later["towns"]) and later["towns"] not in found.roles[CO]:
            found.roles[CO].append(text[later.start("towns") : later.end("towns")])
    return found
