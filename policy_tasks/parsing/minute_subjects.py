"""A meeting minute's decisions: the units each names as the subject of its sentence.

A 会议纪要 records what a meeting found and decided, and names who carries each decision as the
grammatical subject of `负责` / `要…`, often after the meeting's finding or the reason for the decision
rather than at the item's start:

    一、会议认为,…关系到居民群众实际利益和社会大局稳定,各有关单位要主动配合,积极支持,某街道办事处要组织专门班子强力推进。
    (一)考虑到…的实际情况,区交通建设局负责解决水改经费30万元。

In a minute (its title says 纪要, or an item opens with the meeting's own verb: `会议认为`, `会议明确`,
`会议决定`, `会议就以下事项进行了明确`), an item that names no responsibility otherwise is charged by the units
that open a part of its sentences (its start, or after a comma, a semicolon or a sentence end) with `要` or
`负责`. A unit whose part only helps (`要主动配合`, `要积极支持`, `要协助`) is a helper; the others answer for
the decision, the first named leading, so a helper named first (`各有关单位要主动配合,…,A要组织…`) does not
lead. `各有关单位` (`各相关单位`) helps as one addressee (corpus README); as a subject that answers, it, a vague
subject (`各地要`) and persons (`张副区长负责`) charge no one, and an item with helpers alone names no lead.
Outside a minute a unit named deep in an item's prose is too often a demand on someone the item's own
bracket or label already names, so only the item's opening subject charges it there (`role_sentences`).
"""

from __future__ import annotations

import re

from .arrangement_heads import arrangement_head
from .cadre_posts import body_before_cadres, village_team
from .group_openings import government_group
from .inspected_groups import inspected_group
from .inspected_parties import inspected_charge
from .inspection_points import inspection_head
from .lazy_patterns import lazy_compile
from .minute_funds import other_frames
from .minute_points import decisions_line, inline_head, speaker_head
from .minute_posts import post_charge
from .named_speakers import named_head_line
from .notice_roles import played_roles
from .outline_node import Node
from .person_names import is_person
from .placed_subjects import hoped_group, placed_parts, without_premises
from .relied_bodies import relied_charge
from .responsibility import Responsibility
from .role_groups import role_group
from .role_sentences import reads_as_units
from .sector_authorities import sector_authorities
from .stopless_points import bare_decisions_tail, bare_groups, institution_group, run_on_subject
from .textutil import normalise
from .unit_colon_items import office_names
from .unit_labels import CO, LISTED
from .unit_lists import split_names

# Its title, or its opening's formula over the decisions (`现将会议形成的一致意见纪要如下:`, round 123).
_TITLE_RE = lazy_compile(r"纪要(?:如下\s*:?)?\s*$", needs="纪要")
_MEETING_VERB_RE = lazy_compile(r"^会议(?:认为|指出|强调|明确|决定|要求|同意|原则同意|议定|研究|确定|就)")
# A part's subject and its verb: `区交通建设局负责…`, `由区财政局负责…`, `吕仙亭街道办事处要…`.
# A helper may help with no `要` before its verb (`综治办配合做好矛盾调处`).
# An inline point's numeral before it (`。二是各村委会要…`, round 139) is no part of the name. The circumstance of
# the duty may stand between the subject and its `要` (`镇属中小学在“6·26”国际禁毒日到来之际,要…`, round 139), as in
# a notice's item (`subject_sentences`).
_SUBJECT_RE = lazy_compile(
    r"(?:[一二三四五六七八九十]{1,2}是)?由?(?P<names>[\u4e00-\u9fff()、]{2,40}?)"
    r"(?:,?在[^,。;:\n]{1,30}?(?:时|中|期间|之际),)?(?:要(?![求点])|负责(?![同人])|(?=(?:主动|积极|全力|密切)?(?:配合|协助)))"
)
_HELPS_RE = lazy_compile(r"(?:主动|积极|全力|密切|大力|做好)?(?:配合|支持|协助|协同)")
_GROUP_HELPER_RE = lazy_compile(r"各(?:有关|相关)(?:单位|部门)")
_PART_START_RE = lazy_compile(r"(?:^|[,;。:!?\n])\s*")
# `以争取资金、政府和信用社三方负责`: the parties sharing the work, counted after their list; only those that
# are bodies are its units (`争取资金`, the money to be sought, is none).
_PARTIES_RE = lazy_compile(r"(?P<list>[\u4e00-\u9fff、]{2,40}?)(?:[两二三四五六双多]方|各方)(?:共同)?$")
_PARTY_SPLIT_RE = lazy_compile(r"、|和|与|及")
# The minute's own government written without its place, as a town's or a 街道's minute names itself.
_OWN_GOVERNMENT_RE = lazy_compile(r"(?:镇|乡|街道)?(?:人民)?政府|街道(?:办事处|办)?")
_LAST_SENTENCE_RE = re.compile(r"(?<=[。!?])")
# `成立…领导小组,某某镇长任组长`: the person (or the post a page left) heading the group set up for the decision
# leads it as its leader (`redacted_names` keeps the post of a redacted name).
_HEAD_RE = lazy_compile(r"(?:^|[,;。:])\s*由?(?P<who>[^,;。:()]{1,12}?)(?:担任|任)(?:组长|指挥长|总指挥)")


def is_minute(header: list[tuple[int, str]], root: Node) -> bool:
    """A meeting minute: its title (a line before the first item) says 纪要 (or `…纪要如下:`), or an item opens with the
    meeting's own verb (`会议认为`, `会议明确`), or the line right above the first item is the meeting's own heading
    over its decisions (`会议确定:`, round 151)."""
    if any(_TITLE_RE.search(normalise(text)) for _, text in header):
        return True
    # A news report's `会上,某某…对下一步工作进行了安排部署:` cut before its `一是…` points (`minute_points`, round 139):
    # the speaker's arrangements are the meeting's decisions, as a minute's `会议要求,一是…` are.
    if named_head_line(header):  # `乔新光强调,` over `一要…`: a leader named earlier by his post (round 156)
        return True
    # So is a meeting's `会议要求,` cut from its inline points, the line above them (round 156).
    # Its last sentence where a re-wrapped copy joined the head to the account before it (`…主持会议。俞建君在会上提出
    # 三点要求:`, round 178).
    if any(
        _heads(text)
        or inline_head(text)
        or inline_head(_LAST_SENTENCE_RE.split(text.strip())[-1])
        or bare_decisions_tail(text)
        for _, text in header[-1:]
    ) or any(speaker_head(text) or inspection_head(text) for node in root.walk() for _, text in node.pieces[1:]):
        return True
    return any(_MEETING_VERB_RE.match(normalise(node.own_text).strip()) for node in root.walk())


def _heads(text: str) -> bool:
    """The line right above the first point heads the meeting's decisions: a speaker's, the meeting's own (`会议确定:`),
    an inspection group's `督导组指出:` (`inspection_points`) or the meeting's arrangements (`arrangement_heads`, both
    round 154)."""
    return speaker_head(text) or decisions_line(text) or inspection_head(text) or arrangement_head(text)


def minute_charge(text: str) -> Responsibility | None:
    """The units a minute's item names as the subjects of its sentences' parts, or None when no unit
    answers for it (helpers alone charge no one)."""
    norm = normalise(text)
    found = Responsibility(origin="纪要正文")
    starts = [part.end() for part in _PART_START_RE.finditer(norm)]
    if (run_on := run_on_subject(norm)) is not None:
        starts.insert(1, run_on)  # `要广泛宣传动员各村要…`: a heading run into its subject (`stopless_points`)
    for start in starts:
        m = _SUBJECT_RE.match(norm, start)
        if m is None:
            continue
        names = m["names"]
        helps = _HELPS_RE.match(norm, m.end()) is not None
        if (body := body_before_cadres(names)) is not None and reads_as_units(body):
            named = [
                text[m.start("names") : m.start("names") + len(body)]
            ]  # `镇交通劝导站及各村两委干部要…`: the cadres are leaders (`cadre_posts`, round 166)
        elif inspected_group(names) or institution_group(names):
            # `各镇、部门要…`: one 各 over the towns and offices inspected (round 154); `各学校要…` (round 172)
            named = [text[m.start("names") : m.end("names")]]
        # A breakdown's roles taken together (`各责任单位要…`) are one addressee in a speech's points too (round 162).
        elif (
            reads_as_units(names)
            or office_names(names)
            or _groups(names)
            or sector_authorities(names)
            or role_group(names)
            or village_team(names)  # `村级两委班子要…` (`cadre_posts`, round 166)
        ):
            named = split_names(text, norm, m.start("names"), m.end("names"))
        elif (kept := placed_parts(parts := split_names(text, norm, m.start("names"), m.end("names")))) is not None:
            # `各街镇、各部门要`, `各乡镇驻地、县直各单位办公场所要`, `公安机关要` (`placed_subjects`, round 178)
            named = [without_premises(parts[i]) for i in kept]
        elif helps and _GROUP_HELPER_RE.fullmatch(names):
            named = [text[m.start("names") : m.end("names")]]
        elif (parties := _parties(names)) is not None:
            named = parties
        else:
            continue
        role = CO if helps else LISTED
        found.roles[role] += [n for n in named if n not in found.roles[LISTED] + found.roles[CO]]
    if not found.roles[LISTED] and not found.roles[CO]:
        # `一要迅速行动。各校园召开…`: the point's 要 carried to its group (`stopless_points`, rounds 172/174)
        found.roles[LISTED] += [text[a:b] for a, b in bare_groups(norm)]
    if not found.roles[LISTED] and not found.roles[CO] and (hoped := hoped_group(norm)) is not None:
        found.roles[LISTED].append(text[hoped[0] : hoped[1]])  # `三是希望各联动单位积极作为` (`placed_subjects`)
    if not found.roles[LISTED] and (framed := other_frames(text)) is not None:
        found = framed  # `…由X提出具体方案`, `县财政安排Y…经费50万元` (`minute_funds`)
    # `各被巡察党组织(单位)负责人要…`, `督促各被巡察党组织(单位)建立…` (`inspected_parties`, round 166)
    if not found.roles[LISTED] and (inspected := inspected_charge(text)) is not None:
        return inspected
    # `发挥牵头单位统筹协调作用,…;配合单位要…`: the role brought into play leads the roles charged after it
    # (`notice_roles`, round 166).
    if (played := played_roles(text)) is not None and set(found.roles[LISTED] + found.roles[CO]) <= set(
        played.roles[LISTED] + played.roles[CO]
    ):
        return played
    if not found.roles[LISTED] and (relied := relied_charge(text)) is not None:
        return relied  # `X将联合A、B对…`, `依托各镇街便民服务中心做好…` (`relied_bodies`, round 166)
    if not found.roles[LISTED] and (posts := post_charge(text)) is not None:
        return posts  # `由禁毒办专干对…进行规范指导`: the posts lead, their bodies answer (`minute_posts`)
    if found.roles[LISTED]:
        heads = [text[m.start("who") : m.end("who")].strip() for m in _HEAD_RE.finditer(norm)]
        found.leaders += [who for who in heads if is_person(who)]
    return found if found.roles[LISTED] else None


def _groups(names: str) -> bool:
    """A town meeting's groups as the subject (`各村委会要…`, `各(中心)站所、各有关单位、各村委会要…`, round 139): its
    villages and its stations (`group_openings`), with `各有关单位` and named units beside them, each one addressee."""
    parts = split_names(names, names, 0, len(names))
    return (
        bool(parts)
        and any(government_group(p) for p in parts)
        and all(government_group(p) or _GROUP_HELPER_RE.fullmatch(p) or reads_as_units(p) for p in parts)
    )


def _parties(names: str) -> list[str] | None:
    """`…以争取资金、政府和信用社三方负责`: the bodies among the parties counted (`政府`, the minute's own
    government; `信用社`), or None where the subject counts no parties or names no body."""
    m = _PARTIES_RE.search(names)
    if m is None:
        return None
    listed = re.split(r"[以由]", m["list"])[-1]  # `整个治理工程以…`: the work named before the parties
    pieces = _PARTY_SPLIT_RE.split(listed)
    bodies = [p for p in pieces if p and (_OWN_GOVERNMENT_RE.fullmatch(p) or office_names(p) or reads_as_units(p))]
    return bodies or None
