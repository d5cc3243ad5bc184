"""Which items of the outline are clauses: the level that carries the responsibilities.

Starting from the top, the reader descends into an item's children while two or more of them
name responsible units of their own (or one does under a heading that names its own lead, or
under a heading over a single item, or in a style that is the clause style elsewhere); an item
whose children do not is a clause, and its children are part of its text. Silent items beside
clauses are clauses that forgot their units, unless they only set up an organisation
(`成立领导小组`) or state the plan's targets or principles (`主要目标`, `指导思想`) or a 督查 bulletin's counts
(`一、总体情况`, `decided_items`); silent sections
(总体要求, 保障措施) beside sections with clauses are not clauses, and a 保障措施 (工作要求) item that
only opens with an office's name (`县政府督查室要加强督查`) charges it with no measure; one charging the groups a
notice's salutation names (`局机关各部门:` / `三、有关要求` / `各部门根据附件格式,细化…`) charges them, as any item does.
A notice's purpose, scope and time (`一、公示目的`, `二、公示范围、方式和时间`, `plan_frames`) are no measures either.
Below a heading that is a unit's name (`三、儋州市政府`), or an office's alone in a 分工 section
(`五、责任分工` / `(一)党政办`, `duty_headings`), every level is that unit's, so the clauses are
the lowest items; so is every level of a 责任清单 whose opening sentence names its addressee
(`区政府要…主要承担以下工作:`, `list_owners`). Where no item names a unit in a notice to one group
of offices (`各派出所:`, `sole_addressees`), its measures are the leaves outside its targets and scope.
"""

from __future__ import annotations

from .addressed_requirements import addressed_to_all
from .addressee_groups import group_kind
from .area_counts import counts_an_area
from .carried_units import carried_units
from .clause_points import points_closed_by_last
from .criterion_items import criterion_only, sanction_only
from .decided_items import counts_only
from .division_items import holds_division_paragraphs
from .duty_headings import duty_heading
from .duty_passages import holds_duty_passages
from .group_members import lists_members
from .heading_charges import heading_charge
from .inspection_points import inline_demands
from .lazy_patterns import lazy_compile
from .leader_colon_items import leader_colon_charge
from .lost_openers import lost_section_items
from .made_lists import bare_step, charges_bare_group
from .measure_reports import MEASURES, charges_own_measure
from .minute_points import decisions_heading, reports_work
from .minute_subjects import minute_charge
from .notice_requirements import charges_roles, notice_charges_roles, vaguely_addressed
from .opening_charges import opening_charge
from .outline_node import Node
from .plan_frames import frames_a_section, frames_the_notice, frames_the_plan
from .proposal_roles import charges_own_role
from .responsibility import Responsibility
from .role_groups import role_group
from .section_fields import only_names_section_units
from .sole_addressees import heads_rows, informs_only
from .supervising_offices import supervising_office
from .textutil import normalise
from .township_subjects import TOWNSHIP
from .unit_colon_items import holds_colon_duties
from .unit_work_headings import unit_work_clause
from .units import peek_responsibility

# `三、保障措施` / `(一)加强组织领导。各乡镇要…` / `(二)强化督查考核。县政府督查室要…`: the section that
# backs the plan up asks its offices in prose, as every plan does; a unit its item's text opens with
# charges no measure there (a bracket or a label still does).
# `五、工作措施和要求` joins the measures' section to its requirements: the same closing section.
_BACKING_RE = lazy_compile(
    r"^(?:保障措施|组织保障|工作保障|保障机制|工作要求|组织实施|实施保障|有关要求|(?:工作)?措施[和及与]要求)"
    r"\s*(?:[。:\n]|$)"
)


def _backs_the_plan(node: Node) -> bool:
    return bool(node.pieces) and bool(_BACKING_RE.match(normalise(node.pieces[0][1]).strip()))


def _in_backing_section(node: Node) -> bool:
    """Below such a heading, or the heading's own paragraph: `五、保障措施` / `各县(市、口岸)要认真贯彻落实…` (a section
    cut before its measures, or one that only exhorts) urges the plan's addressees, as its measures do."""
    return any(_backs_the_plan(a) for a in [*node.ancestors(), node])


def _has_resp(
    node: Node, prose_charges: bool = True, minute: bool = False, groups: frozenset[str] = frozenset()
) -> bool:
    """`prose_charges`: whether a unit an item's text opens with charges it (not in the covering
    notice's own requirements before an annexed plan); `minute`: the document is a meeting minute,
    whose decisions name their units as their sentences' subjects (`minute_subjects`); `groups`: the kinds of group
    the notice's salutation names, charged as subjects (`addressee_groups`)."""
    own = node.own_text
    found = peek_responsibility(own)
    if found.found or (node.children and carried_units(own) is not None) or duty_heading(node) is not None:
        return True
    if holds_duty_passages(own) or holds_colon_duties(own) or holds_division_paragraphs(own):
        # `…如下:县环保局。负责…。县农委。负责…`, `具体职责如下:` over `政治处:负责…`: the passages' or lines' units;
        # `受理单位` over `A按照…要求,…。B负责…;C负责…` (`division_items`, round 181)
        return True
    if unit_work_clause(node) is not None:
        return True  # `(一)省监察厅牵头的工作` over its one paragraph: the heading is the clause
    if not node.children and (found.assigns or leader_colon_charge(own) is not None):
        # `(牵头责任人:A,具体责任人:B)`, `副省长付建华:负责…`: an item assigned to persons only is assigned too
        return True
    charge = None if node.children else opening_charge(own, groups)
    if charge is not None and _in_backing_section(node) and not _charges_addressees(charge, groups):
        charge = None
    if charge is not None and charge.found:  # persons alone (`township_subjects`) assign no unit
        # `州政府督查室要…`: the unit the item opens with; in a covering notice before its plan only the
        # breakdown's roles taken together (`各牵头单位要…`, `请各牵头单位和责任单位于…前…`) and, once it charges them,
        # its other named units (`notice_requirements`, round 101).
        named = [n for names in charge.roles.values() for n in names]
        if prose_charges or (named and all(role_group(n) for n in named)):
            return True
    if not node.children and minute and minute_charge(own) is not None:
        return True  # `考虑到…,区交通建设局负责解决…`: a minute's decision and who carries it
    return any(_has_resp(c, prose_charges, minute, groups) for c in node.children)


def _charges_addressees(charge: Responsibility, groups: frozenset[str]) -> bool:
    """`三、有关要求` / `各部门根据附件格式,细化…`: in a notice whose salutation names the groups, its requirements charge
    them as any item does (rounds 96/97; round 137): only the groups, no office its text opens with."""
    named = [n for names in charge.roles.values() for n in names]
    return bool(named) and all(group_kind(normalise(n)) in groups for n in named)


# `一、成立领导小组` / `成立…工作领导小组,由副州长任组长,…领导小组办公室设在州交通运输局`: the item
# sets up the body that steers the work (its head, members, the bureau hosting its office) and
# assigns the work to no unit; a title of its own may come first (`(一)加强组织领导。成立…`), and a report says who set
# it up, itself (`一是强化领导,明确责任,实行领导责任制。我镇成立了…指挥部`, round 152: work done, round 89).
_SETS_UP_RE = lazy_compile(
    r"^(?:[^。;\n]{1,20}[。\n])?(?:我(?:镇|乡|街道?|县|区|市))?(?:成立|组建|设立)[^。;\n]{0,40}?(?:领导小组|工作小组|工作专班|专班|指挥部|工作组|委员会)"
)


def _sets_up_organisation(node: Node) -> bool:
    """A silent item that only sets up an organisation is no clause, even beside clauses."""
    return not node.children and bool(_SETS_UP_RE.match(normalise(node.own_text).strip()))


def _frames_the_plan(node: Node) -> bool:
    return frames_the_plan(node.own_text)  # `(二)主要目标。…`, `一、指导思想` (`plan_frames`)


def _names_whole_section(node: Node) -> bool:
    if node.style == "root":
        return False
    carried = heading_charge(node)
    return carried is not None and carried.whole_section


def _ends_in_semicolon(node: Node) -> bool:
    return not node.children and normalise(node.own_text).rstrip().endswith(";")


def _names_own_units(node: Node, root: Node) -> bool:
    """An item with sub-items that still names units of its own, below its heading line (a
    table's numbered row above a second task of its own) or anywhere below the top level. A
    top-level heading's `(由区发改局牵头实施)` is its area's lead, not a clause's."""
    if node.parent is not root:
        return peek_responsibility(node.own_text).found
    if node.style in ("cn", "chapter", "roman"):
        return False  # `一、` over clauses is an area (GB/T 9704's first level): its units lead the area
    return peek_responsibility("\n".join(text for _, text in node.pieces[1:])).found


def choose_clauses(
    root: Node,
    *,
    owned: bool = False,
    addressed: bool = False,
    issuing: bool = False,
    minute: bool = False,
    groups: frozenset[str] = frozenset(),
) -> list[Node]:
    """`owned`: the sentence before the first item names the units that answer for every item
    (`list_owners`); `addressed`: the notice's salutation names one group of offices
    (`sole_addressees`), whose measures, where no item names a unit, are the leaves outside the
    sections that frame them (`工作目标`, `整治范围`); `issuing`: the text before the first item issues
    a plan (`关于印发…的通知`, `现将…印发给你们`), so the items before the plan's part are the notice's;
    `minute`: a meeting minute, its decisions charged by their sentences' subjects (`minute_subjects`); `groups`: the
    kinds of group the notice's salutation names, which charge the notice's own items as subjects (`addressee_groups`;
    not an annexed plan's)."""
    memo: dict[int, bool] = {}

    # A plan annexed to its covering notice: the notice's own requirements (`二、强化督查考核。县河长办要
    # 加强督查`) ask offices in prose, as a 保障措施 section does; the plan's items are the measures.
    annexed = issuing and any(_has_resp(k) for k in root.children if k.part > 0)
    # Unless they charge the breakdown's roles: then they are clauses, and so is one charging another named unit
    # (`notice_requirements`, round 101); one charging no one is none, even beside them.
    roles_asked = annexed and notice_charges_roles(root, groups)
    # A page that stops before the breakdown it issues (黔江 2025, round 114): beside requirements charging the roles,
    # one addressed to everyone vaguely (`各单位要高度重视…`) is no clause (`notice_requirements.vaguely_addressed`).
    roles_unprinted = issuing and not annexed and notice_charges_roles(root, groups)
    alone = not issuing and not minute  # a notice whose requirements are the work itself (round 160)

    def has(node: Node) -> bool:
        if id(node) not in memo:
            own_groups = groups if node.part == 0 else frozenset()
            memo[id(node)] = _has_resp(
                node, prose_charges=roles_asked or not (annexed and node.part == 0), minute=minute, groups=own_groups
            )
        return memo[id(node)]

    def covered(kids: list[Node], parent: Node) -> list[bool]:
        """Which items name units, directly or through `下同` / a heading's `以下…不再列出`."""
        if parent.style != "root" and heading_charge(parent) is not None:
            return [True] * len(kids)
        # Below `三、儋州市政府` every level is that unit's: the clauses are the lowest items.
        if owned or any(_names_whole_section(a) for a in parent.ancestors()):
            return [True] * len(kids)
        flags, carrying = [], False
        for kid in kids:
            if has(kid):
                carrying = carrying or peek_responsibility(kid.own_text).carries
                flags.append(True)
            else:
                flags.append(carrying)
        # `2.…完工;` `3.…完成;` `4.…封顶。责任单位:A`: one enumeration, closed by the item that names
        # its units (document.py gives them theirs).
        for i in range(len(kids) - 2, -1, -1):
            if not flags[i] and flags[i + 1] and kids[i + 1].style == kids[i].style and _ends_in_semicolon(kids[i]):
                flags[i] = True
        return flags

    clause_styles: set[str] = set()
    measure_lists: set[int] = set()  # headings over measures, one charged by its sentence's subject

    def descend(node: Node, strict: bool) -> bool:
        if points_closed_by_last(node) and (strict or node.children[0].style not in clause_styles):
            # `(1)…;(2)…。(责任单位:A)`: the item's points, its units closing them (where the points'
            # style numbers clauses elsewhere in the plan, a `;` run of clauses instead).
            return False
        flags = covered(node.children, node)
        if minute and any(flags) and decisions_heading(node):
            measure_lists.add(id(node))  # `三、会议强调` / `1、` `2、`: the meeting's decisions (`minute_points`)
        if sum(flags) >= 2:
            return True
        kids = [k for k, f in zip(node.children, flags, strict=True) if f]
        if len(kids) != 1:
            return False
        if peek_responsibility(node.pieces[0][1] if node.pieces else "").found:
            return True  # `一、调整能源结构(省发改委总牵头)` over a clause naming its own units
        # A closing section naming no unit (`(二)有关要求` after a table's last group, nested under it as the
        # outline has no place above it) is the plan's, not the heading's: it leaves a heading over one clause.
        # So is a silent item framing the plan (`(一)指导思想` beside `(二)主要目标` whose targets each name their
        # lead, round 117): the section is a heading over the charged item, no clause of its own.
        closing = sum(
            1
            for k, f in zip(node.children, flags, strict=True)
            if not f and (_backs_the_plan(k) or (not k.children and _frames_the_plan(k)))
        )
        if len(node.children) - closing == 1:
            return True  # a heading over a single clause (a table's 领域 with one row)
        if not kids[0].children and not peek_responsibility(kids[0].own_text).found:
            # `1、…。各乡镇在…时,要…` beside silent items: a sentence's subject charges its own item, never the
            # heading's other items as a bracket closing the last point does (`points_closed_by_last`); the
            # items are the heading's measures, the silent ones too.
            measure_lists.add(id(node))
            return True
        # A heading with one sub-heading above the clauses (`一、` → `(一)` → `1.` `2.`).
        if kids[0].children and descend(kids[0], strict):
            return True
        return not strict and kids[0].style in clause_styles and node.style not in clause_styles

    def pick(node: Node, strict: bool) -> list[Node]:
        kids = node.children
        flags = covered(kids, node)
        going_down = [bool(k.children) and f and descend(k, strict) for k, f in zip(kids, flags, strict=True)]
        here = [f and not d for f, d in zip(flags, going_down, strict=True)]
        # Where most siblings are clauses the silent rest forgot their units (and are warned);
        # where few are (总体要求, 保障措施 beside 重点任务), the silent ones are not clauses.
        # The covering notice and each annex are parts of their own (`Node.part`): the notice's
        # silent requirements (`一、提高思想认识`) are not counted with the plan's clauses.
        # A page opening inside a section (`(九)`…`(十三)` before `三、`, `lost_openers`): that run is one
        # section beside the later ones, so `三、重点整治内容` is weighed against it, not against its items.
        lost = lost_section_items(kids)
        parts: dict[int, list[bool]] = {}
        for i, (kid, is_here) in enumerate(zip(kids, here, strict=True)):
            if not is_here and not kid.children and frames_the_plan(kid.own_text, run_in=False):
                continue  # `一、指导思想` frames the plan: no measure that forgot its unit, nor one beside them
            if 0 < i < lost and kid.part == kids[0].part:
                parts[kid.part][-1] = parts[kid.part][-1] or is_here
                continue
            # A division of work run into one paragraph is the heading over its units' passages it would be on lines.
            passages = holds_duty_passages(kid.own_text) or holds_colon_duties(kid.own_text)
            parts.setdefault(kid.part, []).append(is_here and not passages)
        # A township's notice charging its items by their sentences' subjects (`街道指挥中心在…公布`): its other items
        # are its measures too, as a heading's are beside one item charged so (`township_subjects`).
        # So are the measures a report's title counts (`五项举措…`, `measure_reports`), each a clause charged or not.
        by_subjects = (TOWNSHIP in groups or MEASURES in groups) and not any(
            h and peek_responsibility(k.own_text).found for k, h in zip(kids, here, strict=True)
        )
        silent_in = {
            part: (sum(v) * 2 >= len(v) or id(node) in measure_lists or (by_subjects and part == 0))
            and any(v)
            and not (roles_asked and part == 0)
            for part, v in parts.items()
        }
        # A notice's requirements that charge the breakdown's roles (`项目实施主体应…`) beside ones charging no one
        # (`要认真贯彻…`): those are no clauses, as in a covering notice before its plan (round 101; round 105).
        for part in parts:
            charged = [k for k, h in zip(kids, here, strict=True) if h and k.part == part]
            own_groups = groups if part == 0 else frozenset()
            if charged and all(not k.children and charges_roles(k.own_text, own_groups) for k in charged):
                silent_in[part] = False
        # `[接上页] (2)…` then `2.…` `3.…` that are clauses themselves: the run is the points of the clause the page
        # before held (its `1.`), silent, no clauses of their own.
        points_of_lost = lost and any(
            h for k, h in zip(kids[lost:], here[lost:], strict=True) if k.style == kids[lost].style
        )
        found: list[Node] = []
        # `(二)协办单位:A、B` beside `(四)主要措施:` over measures naming their own units: a field framing the
        # section, no clause (`section_fields`, round 138).
        measures_below = any(going_down)
        for i, (kid, flag, down) in enumerate(zip(kids, flags, going_down, strict=True)):
            silent_are_clauses = silent_in[kid.part] and not (points_of_lost and i < lost)
            if measures_below and only_names_section_units(kid):
                continue
            if down:
                # A sub-heading that names its own units above clauses that name theirs is a
                # clause too (a 分工 table's group row); a top-level heading's are the area's.
                if (
                    _names_own_units(kid, root)
                    or charges_own_role(kid.own_text, groups)
                    or charges_own_measure(kid.own_text, groups)  # `三是…各村成立…` over `1、` (`measure_reports`)
                ):
                    found.append(kid)  # `二、尽快办理…。各承办单位要…` over `(一)…` (`proposal_roles`, round 142)
                found.extend(pick(kid, strict))
            # A penalty term a list's owner is held to names no target (`四、严格责任追究,…`, round 171).
            elif (flag and (has(kid) or not sanction_only(kid.own_text))) or (
                silent_are_clauses
                and not _sets_up_organisation(kid)
                and not lists_members(kid)  # `(一)成员单位` / `协调机制由…组成` (`group_members`, round 158)
                and not supervising_office(kid)  # `区政府办公室将…加强跟踪督查` (`supervising_offices`)
                and not _frames_the_plan(kid)
                and not frames_the_notice(kid.own_text)  # `一、公示目的` (round 137)
                and not criterion_only(kid.own_text)  # `属于…的问题,不列为建议提案素材` (`criterion_items`, round 142)
                and not _backs_the_plan(kid)
                and not counts_only(kid)  # `一、总体情况`: a 督查 bulletin's counts (`decided_items`)
                and not counts_an_area(kid)  # `1.在“…”方面(分解任务15项)。`: a breakdown's area (`area_counts`)
                and not (roles_unprinted and kid.part == 0 and vaguely_addressed(kid.own_text))
                and not (minute and reports_work(kid))
            ):
                found.append(kid)
            elif alone and not kid.children and kid.part == 0 and addressed_to_all(kid.own_text, groups):
                found.append(kid)  # `各单位要…` in a notice that issues nothing (`addressed_requirements`, round 160)
        return found

    if minute and inline_demands(root):
        measure_lists.add(id(root))  # `督导组指出:一是…;二是…`: the head's demands, the silent ones too (round 154)
    first = pick(root, strict=True)
    clause_styles = {n.style for n in first}
    chosen = pick(root, strict=False)
    # Stages naming who does their steps (`第一阶段。2月20日,镇政府…`, `ordinal_stages`) are the campaign's
    # timetable: the plan's measures beside them are read as if no stage named a unit.
    # A notice to one group of its own offices: its measures are its lowest items, the group's where they name no one.
    if chosen and not all(n.style == "stage" for n in chosen) and not addressed:
        return chosen
    # No item names a unit: the measures are the most common kind of leaf item.
    # `一、总体情况` beside `二、工作要求` holding a 督办 list by units (`decided_items`): the counts are no measure.
    leaves = [n for n in root.walk() if not n.children]
    leaves = [n for n in leaves if not counts_only(n)] or leaves
    # `一、公示目的`, `一、指导思想`: framing the work, no measure (`plan_frames`, round 137).
    leaves = [n for n in leaves if not (_frames_the_plan(n) or frames_the_notice(n.own_text))] or leaves
    # `1.在“…”方面(分解任务15项)。`: a 解读's list of the breakdown's areas is no measure (`area_counts`, round 114).
    leaves = [n for n in leaves if not counts_an_area(n)] or leaves
    # `四、严格责任追究,…的,对村主要责任人进行诫勉谈话`: a 责任书's penalty term is no target (`criterion_items`, round 171).
    leaves = [n for n in leaves if not sanction_only(n.own_text)] or leaves
    # `五、下步工作` / `(一)加强领导,落实责任。`: a 解读's bare step headings hold no measure (`made_lists`, round 125).
    leaves = [n for n in leaves if not bare_step(n)] or leaves
    # `六、有关要求` / `(一)提高思想认识。各部门要…`: in a plan a bare `各部门` names no one, so the requirement that charges
    # it alone is none beside those naming their doers (README rounds 96-98; round 125).
    leaves = [n for n in leaves if not (_in_backing_section(n) and charges_bare_group(n.own_text))] or leaves
    if addressed:
        leaves = [n for n in leaves if not any(frames_a_section(a) for a in [*n.ancestors(), n])] or leaves
        leaves = [n for n in leaves if not informs_only(n.own_text)] or leaves  # `领取地点为:…,联系电话:…`
        leaves = [n for n in leaves if not heads_rows(n, has)] or leaves  # a task table's `1.…主要工作目标:` row
        # The addressee's measures are the lowest items, whatever their level: `一、责任到位` with its paragraph
        # beside `二、宣传到位:` over its points `1.`–`4.` (round 143).
        if leaves and not any(n.style == "stage" for n in leaves):
            return leaves
        if chosen and not all(n.style == "stage" for n in chosen):
            return chosen
    if not leaves:
        return []
    styles = [n.style for n in leaves if n.style != "stage"] or ["stage"]
    # Ties go to the style met last: the plan follows its covering notice.
    common = max(dict.fromkeys(reversed(styles)), key=styles.count)
    # A campaign's stages named by their ordinals are its steps beside the measures, whichever are more.
    return [n for n in leaves if n.style in (common, "stage")]
