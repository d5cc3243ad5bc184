"""Where a document numbers no item: the layouts of unnumbered items the genre uses, tried in order."""

from __future__ import annotations

from .assigned_lines import number_assigned_lines
from .charged_paragraphs import number_charged_paragraphs
from .charged_parts import charged_parts_outline
from .clauses import choose_clauses
from .counted_lists import counted_outline
from .label_items import assigning_paragraphs, number_label_led_items
from .leader_colon_items import number_leader_colon_paragraphs
from .meeting_demands import meeting_demands
from .next_steps import number_next_step_paragraphs
from .notice_kinds import notice_kinds
from .notice_roles import BREAKDOWN
from .outline_lines import Outline
from .outline_node import Node
from .project_colon_items import project_colon_outline
from .speaker_demands import speaker_demand, speaker_demands_outline
from .subject_runs import run_charge
from .target_rows import number_target_rows
from .textutil import normalise
from .unit_colon_items import number_unit_colon_paragraphs
from .units import peek_responsibility

# How the items were found: their own label lines (or brackets, or closing role sentences, or a unit
# and a colon opening each paragraph, or a leader and a colon, or a task-and-target header over its rows); a
# meeting's orders, each given by its opening (`task_first_orders`); or, no layout known, each
# paragraph naming units (`assigned_lines`, with a warning on the document); or projects by name, a colon after
# each (`project_colon_items`: the lead-in above them says who does them and may date them).
LABELLED, ORDERS, GUESSED, PROJECTS = "labelled", "orders", "guessed", "projects"


def unnumbered_clauses(
    lines: list[tuple[str, bool]], read: Outline | None = None
) -> tuple[Outline, list[Node], str] | None:
    """The outline and clauses of a document numbering no item; given the outline `read` whose items were chosen,
    only a notice whose own paragraphs are unnumbered before a breakdown cut before any unit (`cut_list_notice`)."""
    if read is not None:
        return cut_list_notice(lines, read)
    if (counted := counted_outline(lines, assigning_paragraphs(lines))) is not None:
        # `有3项由A牵头,分别是X;Y;Z`: a digest's tasks counted by their lead, beside its retold brackets (`counted_lists`).
        if clauses := choose_clauses(counted.root):
            return counted, clauses, LABELLED
    if (numbered := number_label_led_items(lines)) is not None:
        outline = Outline.read(numbered)
        if clauses := choose_clauses(outline.root):
            return outline, clauses, LABELLED
    if (numbered := number_unit_colon_paragraphs(lines)) is not None:
        # `财政所:负责…` a paragraph a unit, no number: each paragraph is a clause (`unit_colon_items`).
        outline = Outline.read(numbered)
        if clauses := choose_clauses(outline.root):
            return outline, clauses, LABELLED
    if (numbered := number_leader_colon_paragraphs(lines)) is not None:
        # `副省长付建华:负责…` a paragraph a leader, naming no unit (`leader_colon_items`).
        outline = Outline.read(numbered)
        if clauses := choose_clauses(outline.root):
            return outline, clauses, LABELLED
    if (projects := project_colon_outline(lines)) is not None:
        # `农村黑臭水体整治项目:对…` a paragraph a project, no number (`project_colon_items`).
        if clauses := choose_clauses(projects.root):
            return projects, clauses, PROJECTS
    meeting = meeting_demands(lines)
    if meeting.outline is not None and meeting.first:
        # `会议要求,全县上下要…。要强化…。各镇要…。各部门要…`: the frames read each demand the subjects alone miss.
        return meeting.outline, list(meeting.outline.root.children), LABELLED
    if (charged := charged_parts_outline(lines)) is not None:  # `由A牵头,…;由B牵头,…`
        # A run's part opening with its unit and deadline (`市机场建管公司12月中旬…`, `subject_runs`) is charged by it;
        # a meeting's demands numbering none are each a clause, a silent one too, as its numbered points are
        # (`meeting_demands`, rounds 162 and 163).
        chosen = set(map(id, choose_clauses(charged.root)))
        demand_lines = {n for n, _ in meeting.starts}
        if clauses := [
            k
            for k in charged.root.children
            if id(k) in chosen or run_charge(k.own_text) is not None or k.line in demand_lines
        ]:
            # `X要求,要…。A、B要…。要…`: a leader's speech read whole where the subjects alone found only some (round 173).
            if (speech := _speech_reading_more(lines, clauses)) is not None:
                return speech
            return charged, clauses, ORDERS
    if (numbered := number_target_rows(lines)) is not None:
        # `工作任务 | 目标及质量要求` over unnumbered rows a line: each row an item (`target_rows`).
        outline = Outline.read(numbered)
        if clauses := choose_clauses(outline.root):
            return outline, clauses, LABELLED
    if (numbered := number_charged_paragraphs(lines)) is not None:
        # `请各区于2月20日前上报…`: a notice numbering nothing charges its salutation's groups (`charged_paragraphs`).
        outline = Outline.read(numbered)
        if clauses := choose_clauses(outline.root):
            return outline, clauses, LABELLED
    if (numbered := number_next_step_paragraphs(lines)) is not None:
        # `下一步,各牵头单位要…`: a progress notice's closing requirement charging the list's roles (`next_steps`).
        outline = Outline.read(numbered)
        if clauses := choose_clauses(outline.root):
            return outline, clauses, LABELLED
    if (demands := speaker_demands_outline(lines)) is not None:
        # `林琦志强调,各部门、各乡镇(区)要压实责任,…。要强化领导,…`: a leader's unnumbered demands (`speaker_demands`);
        # each is a clause, a silent one beside one naming units too, as a meeting's demands are (rounds 167, 173).
        chosen = set(map(id, choose_clauses(demands.root)))
        if clauses := [k for k in demands.root.children if id(k) in chosen or speaker_demand(k)]:
            return demands, clauses, LABELLED
    if meeting.outline is not None:
        # `会议要求,A要…。` `会议强调,B要…。`: the meeting's demands a frame each, a silent one too (`meeting_demands`).
        return meeting.outline, list(meeting.outline.root.children), LABELLED
    if (numbered := number_assigned_lines(lines)) is not None:
        outline = Outline.read(numbered)
        if clauses := choose_clauses(outline.root):
            return outline, clauses, GUESSED
    return None


def _opening(node: Node) -> tuple[int, str]:
    return node.line, normalise(node.pieces[0][1] if node.pieces else node.own_text).strip()[:8]


def _speech_reading_more(lines: list[tuple[str, bool]], read: list[Node]) -> tuple[Outline, list[Node], str] | None:
    """A leader's unnumbered demands (`speaker_demands`) where they hold every item `read` holds and more."""
    if (demands := speaker_demands_outline(lines)) is None:
        return None
    clauses = list(demands.root.children)
    if set(map(_opening, read)) < set(map(_opening, clauses)):
        return demands, clauses, LABELLED
    return None


# A heading or a topic line of a breakdown: short, no sentence of work (`(一)坚定不移保持经济平稳健康发展`, `精准扩大有效投资。`).
_HEADING_MAX = 30


def cut_list_notice(lines: list[tuple[str, bool]], numbered: Outline) -> tuple[Outline, list[Node], str] | None:
    """A notice numbering nothing of its own, over the breakdown it hands down in the same page, cut before any of the
    list's items names a unit: its items read are only headings and topic lines grouping the cut items, and the
    notice's paragraphs charging its salutation's groups or the breakdown's roles are the clauses (round 149,
    `charged_paragraphs`). A list whose items carry work of their own, or name anyone, is read as numbered."""
    nodes = list(numbered.root.walk())
    if not nodes or any(peek_responsibility(n.own_text).found for n in nodes):
        return None
    chosen = choose_clauses(numbered.root)
    if not chosen or any(len(normalise(t).strip()) > _HEADING_MAX for n in chosen for _, t in n.pieces):
        return None
    head = lines[: min(n.line for n in nodes) - 1]
    if (charged := number_charged_paragraphs(head)) is None:
        return None
    notice = Outline.read(charged)
    notice.header = numbered.header  # its paragraphs say what it hands down (`现将…进行责任分解`, `notice_kinds`)
    # The list below is the one the notice hands down, whatever it is called (a breakdown, or a 工作要点 whose items
    # name their 责任部门, 上海市场监管 2023, round 189): the paragraph's roles (`市局各责任部门要…`) are its roles.
    notice.kinds = frozenset({BREAKDOWN})
    clauses = choose_clauses(notice.root, groups=notice_kinds(notice))
    return (notice, clauses, LABELLED) if clauses else None
