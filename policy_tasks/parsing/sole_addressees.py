"""A notice to one group of offices whose measures name no unit: the group answers for each.

A bureau, a brigade or a township sends its own offices a notice of what they are to do, addressed
to them alone on the salutation line (`各派出所:`, `各中队:`, `各村(社区):`, `局机关各科室:`), and
lists the measures without naming anyone: the addressee is who does them (`现结合…职责,明确如下:`),
as the sentence before a 责任清单 names its owner (`list_owners`). The group is one addressee, as
`各乡镇(街道)` is, and so is one with a bare kind of body after the level under its one `各` (`各村(社区)、企事业
单位:`, README round 154). Only a salutation of one group of offices counts: `各单位:` or `各有关部门:`
charges no office in particular, and a notice to several (`各乡镇人民政府,县政府各部门:`) divides
its work item by item or not at all.

Such a notice frames its measures with sections that are no measures: its targets
(`一、工作目标`) and the area or the objects it covers (`二、整治范围`): `plan_frames.frames_a_section`. Where
no item names a unit, the measures are the lowest items outside those sections, and each is the addressee's.

A township's notice may name the group in its lead-in instead of a salutation (round 143): the preamble's last
sentence, closing on the colon that opens the items, charges it as its subject (`…,经乡党政联系会议研究,决定…,
各村(居)委会要高度重视森林防火工作、认真贯彻落实…:`). That sentence addresses the group as a salutation does. The
same kinds of office only; a group charging no office in particular (`各单位要…:`), a sentence that does not open the
items (no closing colon) or one naming two groups (`各村、各站所要…:`) charges no one. A point under it that opens
with a group of institutions of its own as its subject, doing the work at its own times (`4.各学校每周上好一堂森林防火
宣传课。`), is that group's: the lead-in's villages do not run the schools. Near cases: `各村民小组…`, `各项工作要…`
(no institutions), a group inside the sentence (`督促各学校…`).

Where some items name their own unit (`5、镇环卫中心要…`), those keep it and the items naming no one are still the
group's (round 170: the README's rule read item by item), however few they are beside the charged ones: each item of a
notice to its own offices is their work. An item a government opens as its subject (`市政府将…列入年度考核`) names its
doer, the issuer or not (round 101): a government's notice states its own part beside the offices', which is not theirs. An item fixing the day of a step (`1、秋季灭鼠领购灭鼠毒饵时间为9月10日;`) is a
measure dated that day; one only telling what is handed out, where and whom to call (`3、本次灭鼠毒饵为…,领取地点为:
镇社会事务办213室,联系电话:…`), charging no one and fixing no day, is information, no measure. A task table's
heading row set among its rows (a web page's cells a line: `1.巩固扩大基本医保制度覆盖面。主要工作目标:` then `1 |`
`新型农村…` `基层卫生管理处 |`) groups the rows under it: no item of the addressee (`heads_rows`).

A meeting report's head may close on that colon too, its aim charging the places a higher meeting addressed before its
points (`会议要求,各地要紧紧围绕…,确保全面完成…任务:一是…`, round 166): `各地` answers for every point that names no
one, as the lead-in's group does, and for the same meeting's later points (`会议强调:一是强化责任落实;…`, round 114's
subject going on).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .notice_issuers import government_subject
from .outline_node import Node
from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import LISTED
from .unit_lists import split_names
from .unit_names import looks_like_units

# `各派出所:` alone on its line: `各` and a kind of office, a bracket of the kind it also covers.
_SALUTATION_RE = re.compile(
    r"^\s*(?P<name>(?:[\u4e00-\u9fff]{1,4}?)?各[\u4e00-\u9fff]{0,4}?"
    r"(?:派出所|所|中队|大队|站|科室|股室|科|股|处室|村委会|居委会|村|社区|乡镇|镇|街道)"
    r"(?:\([\u4e00-\u9fff、]{1,6}\))?"
    # `各村(社区)、企事业单位`: a bare kind of body after the level under the one `各` (round 154's `各镇、部门`; round 170).
    r"(?:、(?:企事业单位|企业|单位|部门|站所))?)\s*:\s*$"
)

_LEAD_IN = "主送(导语)"
# The lead-in's last sentence (after its last full stop and its last comma), its subject one such group, `要`, and
# the colon that opens the items.
# `会议要求,各地要…任务:`: the places a higher meeting charges before its points (round 166).
# `…确保全面完成三年行动各项目标任务:`: `各项` (every task) opens no second group (round 166).
_LEAD_IN_RE = re.compile(
    r"(?:^|[。,;])\s*(?P<name>各地|各[\u4e00-\u9fff]{0,4}?"
    r"(?:派出所|中队|大队|站|科室|股室|处室|村委会|居委会|村|社区)"
    r"(?:\([\u4e00-\u9fff、]{1,6}\)(?:委会)?)?)\s*要[^。;:、,]*(?:[、,](?:[^。;:、,各]|各项)*)*:\s*$"
)
# A point's own subject: a group of institutions opening it, then its charge or the times it does the work.
_OWN_GROUP_RE = re.compile(
    r"^\s*(?P<name>各[\u4e00-\u9fff]{0,4}?(?:学校|院校|医院|卫生院|企业|商户|景区))\s*(?=要|应|须|每|定期|于)"
)


# A charge of any kind, or a day fixed: what makes a silent item of such a notice a measure.
_MEASURE_RE = re.compile(
    r"要|应|须|务必|负责|做好|做到|确保|开展|组织|落实|加强|严禁|不得|禁止|及时|[0-9零〇○一二三四五六七八九十]{1,2}月[0-9一二三四五六七八九十]{1,3}日"
)
# What only informs: a thing's description, a place, a phone, a contact.
_INFORMS_RE = re.compile(r"地点|地址|电话|联系人|咨询")


def informs_only(text: str) -> bool:
    """Whether a silent item of a notice to one group only informs (`领取地点为:…,联系电话:…`): no measure."""
    norm = normalise(text)
    return bool(_INFORMS_RE.search(norm)) and not _MEASURE_RE.search(norm)


def heads_rows(node: Node, names_units: Callable[[Node], bool]) -> bool:
    """Whether a silent leaf heads the task rows after it, read as its siblings: it opens them with a colon
    (`…主要工作目标:`) or the next, naming its units, numbers afresh (`1.…` then the row's serial `1`)."""
    siblings = node.parent.children if node.parent is not None else []
    at = next((i for i, k in enumerate(siblings) if k is node), len(siblings))
    if node.children or at + 1 >= len(siblings) or names_units(node):
        return False
    row = siblings[at + 1]
    if not names_units(row):
        return False
    opens = normalise(node.own_text).rstrip("。 \n").endswith(":")
    return opens or (row.style == node.style and row.value <= node.value)


def addressed(
    addressee: tuple[Responsibility, str], found: list[tuple[Responsibility, str]], texts: list[str]
) -> list[tuple[Responsibility, str]]:
    """Each clause's responsibility in a notice to one group: where no measure names a unit the addressee answers for
    every one, save a point that opens with its own group of institutions (`各学校每周…`) when the lead-in, not a
    salutation, named the addressee; where some do (`5、镇环卫中心要…`), for each measure naming no one."""
    if any(resp.found or resp.assigns or origin for resp, origin in found):
        return [
            (addressee[0].without_due(), addressee[1])
            if not (resp.found or resp.assigns or resp.leaders or origin or government_subject(text))
            else (resp, origin)
            for (resp, origin), text in zip(found, texts, strict=True)
        ]
    answered = []
    for (resp, origin), text in zip(found, texts, strict=True):
        if government_subject(text):  # `市政府将…`: the government's own part, never the group's (round 101)
            answered.append((resp, origin))
            continue
        norm = normalise(text)
        m = _OWN_GROUP_RE.match(norm) if addressee[0].origin == _LEAD_IN else None
        if m is None:
            answered.append((addressee[0].without_due(), addressee[1]))
            continue
        own = Responsibility(origin="主语")
        own.roles[LISTED] = split_names(text, norm, m.start("name"), m.end("name"))
        answered.append((own, "主语"))
    return answered


def _lead_in_group(header: list[tuple[int, str]]) -> tuple[str, str, re.Match[str]] | None:
    """The group the preamble's last sentence charges before the items (`…,各村(居)委会要…:`)."""
    for _, text in reversed(header):
        norm = normalise(text)
        if not norm.strip():
            continue
        m = _LEAD_IN_RE.search(norm)
        return (text, norm, m) if m is not None and looks_like_units(m["name"]) else None
    return None


def sole_addressee(header: list[tuple[int, str]]) -> tuple[Responsibility, str] | None:
    """The one group of offices the notice's salutation names (`各派出所:`), or None."""
    found: list[tuple[str, str, re.Match[str]]] = []
    for _, text in header:
        norm = normalise(text)
        m = _SALUTATION_RE.match(norm)
        if m is not None and looks_like_units(m["name"]):
            found.append((text, norm, m))
    origin = "主送"
    if not found and (lead_in := _lead_in_group(header)) is not None:
        found.append(lead_in)
        origin = _LEAD_IN
    if len(found) != 1:
        return None
    text, norm, m = found[0]
    resp = Responsibility(origin=origin)
    if "、" in m["name"] and origin == "主送":  # `各村(社区)、企事业单位`: one addressee, as written
        resp.roles[LISTED] = [text[m.start("name") : m.end("name")].strip()]
    else:
        resp.roles[LISTED] = split_names(text, norm, m.start("name"), m.end("name"))
    return (resp, "主送") if resp.found else None
