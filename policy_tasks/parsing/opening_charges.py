"""An item naming no responsibility, no bracket and no label, charged by the subjects of its sentences.

The readers of those subjects are `role_sentences` (`A要…`, `由A负责,B配合`), `subject_sentences` (wider subjects and
the later sentences' helpers), `dated_subjects` (a step opening with its deadline) and `role_groups` (a breakdown's
roles and the heads it makes answerable); this puts their readings together as the item's responsibility.
"""

from __future__ import annotations

from .addressee_groups import DEPARTMENTS, comma_groups, glued_title_end, group_subject, later_groups
from .answerable_posts import answerable_posts
from .bare_related_helpers import later_bare_related
from .cadre_posts import headed_body_charge
from .concerned_helpers import later_concerned_helpers
from .dated_subjects import dated_subject
from .discipline_bodies import discipline_charge
from .duty_subjects import duty_subjects_charge
from .fee_holders import fee_charge
from .group_openings import government_group, town_list_bare_group
from .group_role_subjects import later_group_roles
from .handled_proposals import proposal_handler
from .later_leads import later_leads
from .later_posts import later_posts
from .lazy_patterns import lazy_compile
from .leadership_subjects import leadership_charge
from .measure_reports import measure_charge
from .notice_roles import BREAKDOWN, helper_first_after, role_charge
from .opening_roles import helping_spans
from .ordinal_stages import stage_charge
from .procedure_steps import step_charge
from .project_roles import project_role_charge
from .proposal_roles import proposal_charge
from .responsibility import Responsibility
from .role_groups import RELATED, ROLES, answerable_head, later_role_groups, role_group
from .role_requests import request_charge
from .role_sentences import CHARGING_YAO, fix_field_subject, opening_starts, opening_subject, reads_as_units
from .run_on_sentences import joined_lines
from .school_groups import later_school_groups, school_group
from .sector_departments import level_sector_group
from .set_up_groups import set_up_group_charge
from .singled_roles import singled_out_roles
from .society_addressees import society_list
from .standby_teams import called_team_charge
from .subject_sentences import later_subjects, opening_subjects, with_units
from .textutil import normalise
from .town_offices import town_office_charge
from .township_subjects import township_charge
from .unit_labels import CO, LEAD, LISTED, find_label
from .unit_lists import split_names
from .units import peek_responsibility
from .village_subjects import village_charge
from .work_lead_frames import lead_frame_helpers

# `…负总责,各相关单位要积极配合`, `…督办事项,各责任单位要每月研究…`: a role charged in a part after a comma (round 128).
_PART_ROLE_RE = lazy_compile(
    rf",(?P<names>{ROLES}|{RELATED})(?:也|还|都)?(?:{CHARGING_YAO}|应当|须)", needs="单位|部门|主体"
)


def opening_charge(text: str, groups: frozenset[str] = frozenset()) -> Responsibility | None:
    """An item naming no responsibility, no label either, that opens with a unit's name and
    `要` / `负责` (`州政府督查室要…`) charges that unit (`role_sentences.opening_subject`); an
    opening `由A负责,B、C配合,` names its helping units too (`opening_roles`). A 整改 list's field line
    (`整改措施:由A督促…`) charges its item the same way; the review page names it as the units' source. A schedule's
    step opening with its deadline (`2016年3月10日前,省教育厅负责完成…`) charges the subject after it (`dated_subjects`).
    `groups`: the kinds of group the notice's salutation names (`addressee_groups.notice_groups`), which charge as
    subjects (`各地区、各部门要…`). An allocation's line naming a fee by its holder (`双定镇项目管理费,计划投入20万元`)
    charges the holder (`fee_holders`)."""
    norm = normalise(text)
    if peek_responsibility(text).found or find_label(norm):
        return None
    span = opening_subject(norm)
    if span is None:
        return (
            measure_charge(text, norm, groups)  # `二是…各村按照…`: a town's reported measure (`measure_reports`)
            or stage_charge(text)  # `第一阶段。2月20日,镇政府成立…` (`ordinal_stages`)
            or step_charge(text, norm, groups)  # `(三)省财政厅根据…进行审核`: a procedure's step (`procedure_steps`)
            or proposal_charge(text, norm, groups)  # `各承办单位要…`: a proposal notice's roles (`proposal_roles`)
            or _dated_charge(text, norm)
            or _subjects_charge(text, norm)
            or _head_charge(text, norm)
            # `各县(市)区、各部门、各单位主要负责同志要…。牵头单位要…`: the salutation's groups opening the item lead,
            # before the roles later sentences charge (round 128).
            or _group_charge(text, norm, groups, opening=True)
            or project_role_charge(text, norm, groups)  # `各重点项目业主单位务必…` (`project_roles`)
            or _roles_or_groups(text, norm, groups)
            or request_charge(text)  # `请各牵头单位和责任单位于…前…`: a breakdown's roles asked (`role_requests`)
            or fee_charge(text)  # `双定镇项目管理费,计划投入20万元;`: the fee's holder (`fee_holders`)
            or proposal_handler(text)  # `1.X承办的“关于…的建议”`: the proposal's handler (`handled_proposals`)
            or township_charge(text, norm, groups)  # `街道指挥中心在每周例会上…公布` (`township_subjects`)
            or town_office_charge(text, norm)  # `镇派出所强化执法力度,…。联合交通部门…` (`town_offices`, round 148)
            or discipline_charge(text, norm)  # `对…的,县纪委监委将严肃追责问责` (`discipline_bodies`)
            or leadership_charge(text, norm)  # `乡党委,政府每月至少召开…` (`leadership_subjects`, round 185)
            or set_up_group_charge(text, norm)  # `成立…领导组。组长:X…。领导组协调…` (`set_up_groups`)
            or duty_subjects_charge(text)  # `A和B为…总协调机构`, `卫生、执法等部门负责…。卫生局要…` (`duty_subjects`)
            or called_team_charge(text)  # `…警戒水位时,一线民工抢险队上堤巡逻` (`standby_teams`, round 152)
            or headed_body_charge(text)  # `管理区区长、包村干部要…`, `街道主要领导组建…` (`cadre_posts`, round 156)
            or village_charge(
                text, norm
            )  # `村居每月向镇平安办报送…`: a town's villages (`village_subjects`, round 154)
        )
    found = Responsibility(origin="整改字段" if span == fix_field_subject(norm) else "正文开头")
    # `由A、B牵头,…`: every unit before 牵头 leads, as in a bracket; `A负责` / `A要`: the first listed leads.
    names = society_list(norm[span[0] : span[1]]) or split_names(text, norm, *span)  # `…和其他社会组织`: no one
    if level_sector_group(norm[span[0] : span[1]]):  # `各级政法、教育…部门要`: one addressee (`sector_departments`)
        names = [text[span[0] : span[1]].replace(" ", "")]  # written without a copy's stray space
    if DEPARTMENTS not in groups:
        names = town_list_bare_group(names)  # `各社区、各部门要…`: the bare group names no one (round 148)
    found.roles[LEAD if norm.startswith("牵头", span[1]) else LISTED] = names
    for s, e in helping_spans(norm, span[1]):  # `由A负责,B、C配合,…`
        found.roles[CO] += split_names(text, norm, s, e)
    for s, e in lead_frame_helpers(norm, span[1]):  # `由A牵头,B和各村居要…` (`work_lead_frames`, round 154)
        found.roles[CO] += [text[s:e]] if text[s:e] not in found.roles[CO] else []
    if norm.startswith("负责会同", span[1]):  # `A负责会同B抓好…`: B works with A, and helps
        _add_helpers(text, norm, with_units(norm, span[1] + 2), found)
    if norm.startswith(("要", "应当"), span[1]):  # `A要协同B…`, `…;C要…`: the units working with A help
        roles = sorted(later_role_groups(norm, span[1], related=BREAKDOWN in groups) + singled_out_roles(norm, span[1]))
        helpers = later_subjects(norm, span[1] + 1) + roles
        if concerned := later_concerned_helpers(norm, span[1]):  # `。各有关部门…协同配合,` (`concerned_helpers`)
            helpers = sorted(set(helpers + concerned))  # in the text's order (round 157)
        if addressed := later_group_roles(norm, span[1], groups):  # `各市县及项目实施单位要…` (round 150)
            helpers = sorted(set(helpers + addressed))
        _add_helpers(text, norm, helpers, found)
        posts, urged = later_posts(norm, span[1])  # `,值班领导及人员还要督促各行政村…` (`later_posts`, round 179)
        found.leaders += [text[s:e] for s, e in posts if text[s:e] not in found.leaders]
        found.roles[CO] += [text[s:e] for s, e in urged if text[s:e] not in found.roles[CO] + found.roles[LISTED]]
        # `相关单位要…积极配合`: the helping role written bare, kept as written (`split_names` drops it, round 150).
        bare = later_bare_related(norm, span[1]) if BREAKDOWN in groups else []
        found.roles[CO] += [text[s:e] for s, e in bare if text[s:e] not in found.roles[CO]]
        if leads := later_leads(norm, span[1]):  # `…。由A、B等部门牵头完成…`: they lead beside the subject
            named = found.roles[LISTED][:1] + found.roles[LEAD]
            found.roles[LEAD] = named + [n for s, e in leads for n in split_names(text, norm, s, e) if n not in named]
            found.roles[LISTED] = found.roles[LISTED][1:]
        if role_group(norm[span[0] : span[1]]):  # `各责任单位要积极配合,…。牵头单位要…`: the role that answers leads
            found = helper_first_after(found, norm, [span, *roles])
    return found if found.found else None


def _head_charge(text: str, norm: str) -> Responsibility | None:
    """`各责任单位主要负责人切实履行第一责任人职责`: the head is the leader, the unit whose head it is answers
    (`role_groups`); the role groups opening later sentences help."""
    head = answerable_head(norm, opening_starts(norm))
    if head is None:
        return None
    (ps, pe), (us, ue) = head
    unit = norm[us:ue]
    if not (role_group(unit) or government_group(unit) or reads_as_units(unit) or school_group(unit)):
        return None
    found = Responsibility(origin="正文开头")
    found.roles[LISTED] = split_names(text, norm, us, ue)
    found.leaders.append(text[ps:pe])
    found.leaders += answerable_posts(text, norm, pe)  # `,分片包村领导为主要责任人,下乡干部具体实施` (round 185)
    _add_helpers(text, norm, later_role_groups(norm, pe), found)
    for s, e in later_school_groups(norm, pe):  # `各学校、幼儿园要…`: one addressee, helping (`school_groups`)
        found.roles[CO] += [text[s:e]] if text[s:e] not in found.roles[LISTED] + found.roles[CO] else []
    return found


def _roles_or_groups(text: str, norm: str, groups: frozenset[str]) -> Responsibility | None:
    """`各相关单位要…`, in a breakdown's notice (`notice_roles`), or the notice's group addressees (`各地区、各部门要…`).
    Where both are charged, the subject written first leads and the other's units help: `经开区各级各部门要…。牵头单位要
    发挥主导作用,…。责任单位要积极配合…` (南宁经开区 2020) charges the groups, the roles helping (round 120)."""
    roles = role_charge(text, norm, groups)
    addressed = _group_charge(text, norm, groups)
    if roles is None or addressed is None:
        return roles or addressed
    first, other = (addressed, roles) if _first_at(norm, addressed) < _first_at(norm, roles) else (roles, addressed)
    _add_names(first, [*other.roles[LEAD], *other.roles[LISTED], *other.roles[CO]])
    return first


def _first_at(norm: str, found: Responsibility) -> int:
    """Where the first unit `found` lists is written first in `norm` (its length where it is not found)."""
    name = normalise((found.roles[LEAD] or found.roles[LISTED] or [""])[0])
    at = norm.find(name) if name else -1
    return at if at >= 0 else len(norm)


def _add_names(found: Responsibility, names: list[str]) -> None:
    named = found.roles[LISTED] + found.roles[LEAD] + found.roles[CO]
    found.roles[CO] += [n for n in dict.fromkeys(names) if n not in named]


def _group_charge(text: str, norm: str, groups: frozenset[str], *, opening: bool = False) -> Responsibility | None:
    """`各地区、各部门要…`, `各司局和直属单位主要负责人要…`: the notice's group addressees (`addressee_groups`), opening
    the item (after its title, or its short title glued to them) or, unless `opening`, a later sentence of it; later
    groups help, and so do the breakdown's roles later sentences charge (`各牵头单位要…;各责任单位要…`, round 128)."""
    if not groups:
        return None
    starts = opening_starts(norm)
    if (glued := glued_title_end(norm, groups)) is not None:
        starts.append(glued)
    first = next((subject for start in starts if (subject := group_subject(norm, start, groups)) is not None), None)
    if first is None and (opening or not (later := later_groups(norm, 0, groups))):
        return None
    first = first or later[0]
    found = Responsibility(origin="正文开头")
    found.roles[LISTED] = [text[s:e] for s, e in first[0]]
    helping = [spans for spans, _ in later_groups(norm, first[1], groups)] + comma_groups(norm, first[1], groups)
    for spans in sorted(helping):  # in the text's order, a comma-parted clause's group too (`,市直各部门要…`)
        found.roles[CO] += [text[s:e] for s, e in spans if text[s:e] not in found.roles[LISTED] + found.roles[CO]]
    roles = later_role_groups(norm, first[1], related=BREAKDOWN in groups)
    roles += [m.span("names") for m in _PART_ROLE_RE.finditer(norm, first[1])]
    _add_helpers(text, norm, sorted(later_subjects(norm, first[1]) + roles), found)
    return found


def _subjects_charge(text: str, norm: str) -> Responsibility | None:
    """`各乡镇在制定…时,要`, `列入…的A、B,…以及…的C,要…`: the wider subjects `subject_sentences` reads."""
    opening = opening_subjects(norm, opening_starts(norm))
    if opening is None:
        return None
    found = Responsibility(origin="正文开头")
    for role, s, e in opening[0]:
        found.roles[role] += split_names(*joined_lines(text, norm, s, e))  # a name a line break cut is one
    _add_helpers(text, norm, later_subjects(norm, opening[1]), found)
    return found


def _add_helpers(text: str, norm: str, spans: list[tuple[int, int]], found: Responsibility) -> None:
    named = found.roles[LISTED] + found.roles[LEAD] + found.roles[CO]
    for s, e in spans:
        found.roles[CO] += [n for n in split_names(text, norm, s, e) if n not in named + found.roles[CO]]


def _dated_charge(text: str, norm: str) -> Responsibility | None:
    """`2016年3月10日前,省教育厅负责完成…`: the subject after the step's leading deadline (`dated_subjects`)."""
    found = Responsibility(origin="正文开头")
    for role, s, e in dated_subject(norm):
        found.roles[role] += [
            n for n in split_names(text, norm, s, e) if n not in found.roles[LISTED] + found.roles[CO]
        ]
    return found if found.found else None
