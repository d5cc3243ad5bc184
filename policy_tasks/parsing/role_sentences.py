"""Responsibility stated as the subject of a sentence, not in a bracket or a label.

Beside `由A牵头,B配合` (read in `units`), the genre writes who answers for an item in two more
prose forms, found where an item names no bracket of units and no label:

- `A为牵头单位` (or `牵头单位为A`): a sentence part whose subject is the unit(s), then `为`, possibly what they
  answer for (`A为该议案办理工作的牵头责任单位`, `A为此项工作牵头单位`), and a role noun closing the
  part, a 单位 or 部门 named by its role: 牵头 / 主办 / 主责 / 主要责任 lead, 责任 / 承办 / 实施 are
  responsible (the first listed leads), 协办 / 配合 / 参与 / 协同 / 协助 help
  (`B、C为协办单位,各单位要互相配合`), and so does a 门前三包 bulletin's 权属单位, the owner of the point
  inspected, beside the 责任单位 it answers to (`权属单位为A,责任单位为B`: B leads, A helps). Membership
  (`A、B为成员单位`) names no role, and a note on how a list reads (`列第一位的为牵头单位`, `首位单位为牵头单位`)
  has no units for its subject. After the role noun the frame says a unit is named, so a place standing for its
  body is one (`权属单位为王湾社区`).
- an item that names no responsibility at all whose text opens, at its start or right after its
  title (a line, a sentence of its own, or a stage's name closed by a colon), with a unit's name
  followed by `要` or `负责`, or by a colon as a 分工 list writes each unit's duties (`1.县发改局:负责…`)
  (`州政府督查室要将该议案办理工作纳入年度督查工作重点`): the item charges that unit. The opening
  must read as units by the parser's notion of a unit's name (`looks_like_units`, the first
  naming its place as `三、儋州市政府` does); a vague subject (`各地要`, `有关部门要`),
  persons (`市主要领导要`) and a body of persons set up for the work (`领导小组要`) charge no one,
  but a group of local governments of one level (`各乡镇人民政府要`) is one addressee (`group_openings`), and so
  is a group a notice's salutation names (`各地区、各部门要…`, `addressee_groups`);
  a list closed by `等部门` names units though they name no place (`stage_openings`), and so does
  a unit named by its city's short name (`莆田出入境检验检疫局`, `place_names`). An opening
  `由A负责,B配合,` names its helpers too, and later sentences opening `C负责` are clauses of their
  own (`opening_roles`).
- a 整改 list writes each problem as its item and the fix on a field line of its own after it, whose value
  names the units that must fix it as the subject of a `由X负责` / `由X督促` sentence (`整改措施:由县住建局督促
  商户更换。`; also `整改要求:`, `整改意见:`, `整改方案:`, `处理意见:`), possibly after a leading `按照…的要求,`
  part and with a role word before the names (`由包片单位县文广局督促…`, `由某某沿线包片单位A、B负责…`: the
  office holding the street section, no part of any name). Those units charge the item, the first listed
  leading (`fix_field_subject`); a field whose value does not open so (`整改措施:加强巡查`, a `由X负责` deep in
  its prose) names no one. An inspection notice's `整改建议:` is such a field, its value a paragraph that may
  start on the line after it (`整改建议:` / `县交通局负责督促指导,包保单位给予支持,…`).
"""

from __future__ import annotations

import re

from .group_openings import addressee_list, government_group, line_departments
from .lazy_patterns import lazy_compile
from .leader_divisions import after_division
from .mechanism_frames import after_mechanism_frames
from .own_offices import own_offices
from .person_names import is_person
from .place_names import named_by_city
from .role_groups import role_group
from .sector_departments import level_sector_group, level_sector_subject, sector_departments
from .society_addressees import society_list
from .stage_openings import closed_by_etc, colon_title_end
from .stopless_points import run_on_subject
from .textutil import normalise, split_top, strip_span
from .theme_phrases import theme_end
from .unit_labels import label_role
from .unit_names import PLACE_FIRST_RE, TRIM, VAGUE_RE, looks_like_units, names_units
from .work_topics import after_work_topic

_ROLE_NOUN = (
    r"(?:主要|第一)?(?:牵头|主办|主责|责任|承办|实施|协办|配合|参与|协同|协助|权属)[\u4e00-\u9fff]{0,2}?(?:单位|部门)"
)
_WEI_RE = re.compile(
    rf"^(?:同时|其中|另外|明确|确定|指定)?(?P<names>.{{2,120}}?)为(?P<what>[^,;。]{{0,24}}?)(?P<role>{_ROLE_NOUN})$"
)
# `列第一位的为牵头单位`, `首位单位为牵头单位`, `其余为配合单位`: how a list reads, no units.
_NOTE_SUBJECT_RE = lazy_compile(r"^(?:第一|首位|列|排|其他|其它|其余|以上|上述)")

_SENTENCE_RE = re.compile(r"[^。;\n]+")


# The same said the other way round: `牵头单位为A`, `责任单位是A、B`.
_ROLE_FIRST_RE = re.compile(rf"^(?:其中|同时|另外)?(?P<role>{_ROLE_NOUN})(?:为|是)(?P<names>.{{2,120}})$")


def role_noun_part(part: str) -> tuple[str, int, int] | None:
    """Public: a sentence part `A、B为…牵头单位` or `牵头单位为A、B`: (role, names start, names end), or None."""
    wei = _WEI_RE.match(part)
    m = wei or _ROLE_FIRST_RE.match(part)
    if m is None:
        return None
    names = m["names"].strip(TRIM)
    # `权属单位为王湾社区`: after the role noun the frame itself says a unit is named, so a place standing for its
    # body (a 社区, a 村) is one (`names_units`); before `为` only a unit's name reads as the subject.
    if _NOTE_SUBJECT_RE.match(names) or not (looks_like_units(names) or (wei is None and names_units(names))):
        return None
    return label_role(m["role"]), m.start("names"), m.end("names")


def role_noun_parts(norm: str) -> list[tuple[str, int, int, int, int]]:
    """Each `A、B为…牵头单位` part of `norm`: (role, names start, names end, part start, part end)."""
    found = []
    for sentence in _SENTENCE_RE.finditer(norm):
        for s, e in split_top(norm, ",", sentence.start(), sentence.end()):
            s, e = strip_span(norm, s, e, TRIM)
            if part := role_noun_part(norm[s:e]):
                found.append((part[0], s + part[1], s + part[2], s, e))
    return found


_TITLE_LINE_MAX = 30
# A title sentence may be a heading's run of short phrases (`高度重视,精心组织,科学制订办理方案。`).
# A longer one (`整治“三合一”“群租房”、老旧场所等突出风险。`, round 148) names no one charged (`…等部门负责…。`); a notice
# handing its breakdown down (`经省人民政府同意,现将…工作任务进行责任分解。`, round 149) is the notice's, no item's title.
_TITLE_SENTENCE_RE = re.compile(
    r"(?:[^。,;:\n]{2,8},){0,3}(?:[^。,;:\n]{2,20}|(?![^。,;:\n]*现将)[^。,;:\n负要]{21,24})。"
)
# A title line a copy joined to its text with a space where the line broke (`(一)道路交通领域 镇派出所强化…`): a short
# title, no stop or comma in it, then the text.
_SPACED_TITLE_RE = re.compile(r"[\u4e00-\u9fff“”、]{2,20}[ \u3000]+(?=[\u4e00-\u9fff])")
# The basis the work follows, opening the item before its subject (`按照县政府统一部署和工作要求,公安局…要…`).
# What the work centres on reads the same (`围绕《方案》的推进实施,市政府督考办要…`, round 99).
_BASIS_RE = re.compile(
    r"(?:(?:按照|根据|依据|依照)[^。,;:\n]{2,40}?(?:要求|部署|规定|安排|精神)|围绕[^。,;:\n]{2,30}),"
)
# So does the period it holds for (`在春节期间,各乡镇人民政府要…`, `防火期内,`, round 179).
_SINCE_RE = re.compile(r"(?:从|自)[^。,;:\n]{2,20}?(?:开始|起),|在?[^。,;:\n]{2,10}?(?:期间|期内),")
# The lead-in of a progress notice's next steps, before the sentence's subject (`next_steps`, round 150).
NEXT_STEP_RE = re.compile(r"(?:下一步|下步)(?:工作中)?,")
# `由A负责`: the 由 is no part of the name. `由A牵头,<task>` names the lead alone, as a meeting's order may
# (`由丹凤街道牵头,在12月底前完成…`): a part of its own, the comma after it.
# `要` as a charge, not the first character of a word (要求, 要素, 要点, 要件, 要务, 要员, 要领, 要闻, 要害).
CHARGING_YAO = r"要(?![求素点件务员领闻害])"
_SUBJECT_RE = re.compile(
    rf"由?(?P<names>[\u4e00-\u9fff()、]{{2,40}}?)(?P<verb>{CHARGING_YAO}|应当|负责(?![同人])|牵头(?=,)|:(?=\S))"
)
# Bodies of persons set up for the work, not units: `领导小组要定期研究`.
_PERSONS_BODY_RE = lazy_compile(r"(?:领导小组|工作小组|小组|专班|指挥部)$")
# Groups and vague subjects, no unit in particular: `各地`, `全市各部门`, `镇安委会有关成员单位`.
_NOT_SPECIFIC_RE = lazy_compile(r"各|相关|有关|成员单位|^(?:其他|其它|所有|全(?:省|市|县|区|州|盟|旗|镇|乡))")


# `整改措施:由包片单位A督促…`, `整改要求:按照…的要求,由A、B负责…`: the field line after a 整改 list's problem,
# or the same field run on after the problem's sentence where a copy's line breaks were lost. An inspection
# notice's `整改建议:` is the same field, its value often a paragraph of its own on the next line
# (`整改建议:` / `县交通局负责督促指导,…`).
_FIX_FIELD_RE = re.compile(
    r"(?:^|(?<=[。;!?]))(?:整改|处理)(?:措施|要求|意见|方案|建议):\n?(?:(?:按照|根据|依照)[^。;:\n]{1,40}?要求,)?由?"
    r"(?:[^,。;:、\n]{0,8}?(?:包片|包抓|包联|包保|挂包)单位)?(?P<names>[^,。;:\n]{2,80}?)(?:负责|督促)",
    re.M,
)


def fix_field_subject(norm: str) -> tuple[int, int] | None:
    """The span of the units a 整改 field line's value opens with (`整改措施:由A督促…`), or None."""
    for m in _FIX_FIELD_RE.finditer(norm):
        if reads_as_units(m["names"]):
            return m.start("names"), m.end("names")
    return None


def opening_subject(norm: str) -> tuple[int, int] | None:
    """The span of the units an item's text opens with before `要` / `负责`, or that its 整改 field
    line charges (`fix_field_subject`), or None."""
    if (field := fix_field_subject(norm)) is not None:
        return field
    m = _opening(norm)
    return (m.start("names"), m.end("names")) if m is not None else None


def charging_sentence_starts(text: str) -> list[int]:
    """Where each sentence that charges a unit with `负责` starts in an item that opens so (0 for
    the opening), the later ones opening with units and `负责` right after a `。`, or a `;` part so
    (`A负责…;B要负责…;C等…部门要…`, the duties divided among units, rounds 62 and 108); empty when the
    item does not open with `负责` (`opening_roles`)."""
    norm = normalise(text)
    first = _opening(norm)
    if first is None or first["verb"] != "负责":
        return []
    starts, demands = [0], []
    named = {first["names"]}
    for end in re.finditer(r"[。;]\s*", norm):
        if end.end() <= first.start():
            continue  # `加快农村公路建设。由A负责…`: the item's title sentence heads its own charge
        m = _SUBJECT_RE.match(norm, end.end())
        if m is None or not reads_as_units(m["names"]):
            continue
        part = end.group()[0] == ";"
        if part and norm.startswith("的", m.end()):
            continue  # `;B负责的工作要…`: what B answers for, an attribute, no charge (`charged_projects`)
        if m["verb"] == "负责" or (part and m["verb"] == "要" and norm.startswith("负责", m.end())):
            starts.append(end.end())
        elif part and m["verb"] == "要" and m["names"] not in named and not _HELPS_RE.match(norm, m.end()):
            demands.append(end.end())  # `;C等有…任务的部门要切实做好…`: a part of the division too
        named.add(m["names"])
    # A `;` part charging its unit with `要` divides the duties only among parts charged with `负责`; beside the
    # opening alone it is a demand on a helper (`A负责…;B要积极配合`), left in the item as before.
    return sorted(starts + demands) if len(starts) > 1 else starts


# `B要积极配合`, `B要全力支持`: a part that only helps.
_HELPS_RE = lazy_compile(r"(?:积极|主动|全力|密切|大力)?(?:配合|协助|支持|参与|协同)")


def _opening(norm: str) -> re.Match[str] | None:
    for start in opening_starts(norm):
        m = _SUBJECT_RE.match(norm, start) or level_sector_subject(norm, start)  # `…民政部 门要` (round 157)
        if m is None:
            continue
        if reads_as_units(m["names"]) or (m["verb"] == "要" and government_group(m["names"])):
            return m  # `各乡镇人民政府要…`: a group of governments is one addressee (`group_openings`)
        if m["verb"] in ("要", "应当") and society_list(m["names"]) is not None:
            return m  # `全县各企事业单位、学校、新闻媒体和其他社会组织应当…` (`society_addressees`)
        if m["verb"] in ("要", "应当") and role_group(m["names"]):
            return (
                m  # `各责任单位要…`: a breakdown's role taken together, its covering notice's addressee (`role_groups`)
            )
        if m["verb"] == "要" and (line_departments(m["names"]) or level_sector_group(m["names"])):
            return m  # `各级森林防火部门要…`: one line's departments at every level, one addressee
        if m["verb"] in ("要", "负责") and addressee_list(m["names"], reads_as_units):
            return m  # `各县(市、区)政府和市直有关部门要…`: the addressees the group leads
    return None


def opening_starts(norm: str) -> list[int]:
    """Where an item's subject may open: its start, or right after its title line, title sentence or stage name."""
    starts = [0]
    line_end = norm.find("\n")
    if 0 < line_end <= _TITLE_LINE_MAX and not re.search(r"[。;,!?]", norm[:line_end]):
        starts.append(line_end + 1)  # `三、实行跟踪督办` / `州政府督查室要…`
    elif m := _SPACED_TITLE_RE.match(norm):
        starts.append(m.end())  # `道路交通领域 镇派出所强化…`: the title's line joined to its text by a space
    elif m := _TITLE_SENTENCE_RE.match(norm):
        # `(二)加强督查。县政府督查室要…`, or the paragraph on the next line (`3.2预报。` / `市防火办要…`)
        starts.append(len(norm) - len(norm[m.end() :].lstrip()))
    elif (end := colon_title_end(norm)) is not None:
        starts.append(end)  # `1、排查梳理阶段:城建办、农办等部门要…`
    elif (end := theme_end(norm)) > 0:
        starts.append(end)  # `聚焦“绿色转型”,。由镇经济发展办负责的…` (`theme_phrases`, round 107)
    elif (end := run_on_subject(norm)) is not None:
        # `二、坚持统筹协调各责任单位要…`: a notice requirement's heading run into its subject with no stop (round 190,
        # as round 156's meeting points: `stopless_points`).
        starts.append(end)
    starts += [m.end() for start in starts if (m := _BASIS_RE.match(norm, start)) is not None]
    # `从2023年第一季度开始,各责任单位要…`: the time a duty starts comes before its subject (round 101).
    starts += [m.end() for start in starts if (m := _SINCE_RE.match(norm, start)) is not None]
    # `下一步,各牵头单位要…`: a progress notice's next steps, the subject after the lead-in (`next_steps`, round 150).
    starts += [m.end() for start in starts if (m := NEXT_STEP_RE.match(norm, start)) is not None]
    # `市政府领导按职责分工负责,…。各相关单位要…`: the leaders' sentence charges persons, the subject opens the next.
    starts += [end for start in starts if (end := after_division(norm, start)) is not None]
    # `(三)提升…水平。要加大…检查力度,…。街道文体站要加强…`: the plan's own demand, with no subject, comes before the
    # sentence naming who does the work (round 148).
    starts += [end for start in starts if (end := _after_demands(norm, start)) is not None]
    # `(一)强化…责任。构建…的联防联控机制。县(市、区)人民政府要…`: the mechanism built, no subject (round 157).
    starts += [end for start in starts if (end := after_mechanism_frames(norm, start)) is not None]
    # `专项行动由镇平安办牵头,…`: the work named before `由` is no part of the subject (`work_topics`, round 154).
    return [after_work_topic(norm, start) for start in starts]


# A sentence with no subject, opening with the plan's demand (`要加大…`), not a `要求` or `要点` heading.
_DEMAND_RE = re.compile(r"要(?![求点])[^。;\n]*。")


def _after_demands(norm: str, start: int) -> int | None:
    """Where the sentence after the run of subject-less demands at `start` opens, or None where none opens there."""
    end = start
    while (m := _DEMAND_RE.match(norm, end)) is not None:
        end = m.end()
    return end if end > start and end < len(norm) else None


def reads_as_units(names: str) -> bool:
    if not looks_like_units(names) or not (
        PLACE_FIRST_RE.match(names)
        or closed_by_etc(names)
        or named_by_city(names)
        or own_offices(names)
        or sector_departments(names)  # `宣传部负责…`, `教育行政部门负责…` (round 157)
    ):
        return False
    parts = [p.strip(TRIM) for p in names.split("、")]
    return all(
        p
        and not _NOT_SPECIFIC_RE.search(p)
        and not VAGUE_RE.search(p)
        and not _PERSONS_BODY_RE.search(p)
        and not is_person(p)
        for p in parts
    )
