"""An unnumbered notice's paragraphs charging its salutation's groups: one item each.

A bureau handing the year's indicators down to the districts (`…关于下达2025年民心工程和为民办实事项目任务指标的通知`)
may number nothing: the salutation names the groups (`各区民政局,市养老服务发展中心:`), a paragraph or two state the
programme, and one paragraph charges the groups, asking them (`请各区按照…要求,…。请各区于2月20日前…上报…,并从3月起
每月20日前上报…`) or charging them with `要` (`各区要…`, `addressee_groups`). That paragraph carries what a supervisor
tracks (a report date, a monthly report): it is the notice's requirement, a clause, `ref` by order as round 69's
unnumbered paragraphs take theirs (round 132). With nothing numbered, the site's comment box note
(`(注:1.…;2.…)`, `comment_boxes`) had been read as the items instead.

Only paragraphs after the salutation count, and only those in which a sentence opens with the salutation's groups as
its subject or the ones asked (of a kind the salutation names, as `addressee_groups` reads them); the paragraphs
stating the programme (`纳入本市2025年民心工程的项目有:…`) charge no one and are none. A notice with no salutation of
groups is left to the other readers. It is only a fallback, for a document in which nothing numbered holds the
clauses (`unnumbered_items`); the items are numbered in order, as `label_items` numbers its lines.

A chief system's notice to its chiefs by level (`镇、村两级河长及相关单位:`) asks persons, not groups: its paragraphs
that ask the chiefs or make them the doers (`要求镇、村两级河长按照…`, `请镇、村两级河长务必…`, `chief_posts`) are its
clauses so too (round 147). Near case: a salutation of chiefs with no level (`各位河长:`) is left to the other readers.

A province's notice handing down its 政府工作报告's breakdown in the same page (湖北 2017, round 149) numbers nothing
of its own either: `全省各地各部门务必…` charges the salutation's groups, and `…进行责任分解。各牵头单位要切实履行牵头责任,
各责任单位要…,于3月10日前将落实措施报省政府` the breakdown's roles (round 101's requirements, round 95's roles): a
paragraph charging the roles is a clause as well. Where the page stops before any item of the breakdown names a unit,
its headings only group the cut items, and the notice's paragraphs are the clauses (`unnumbered_items.cut_list_notice`).
"""

from __future__ import annotations

from .addressee_groups import group_subject, later_groups, notice_groups
from .chief_posts import chief_leaders
from .outline import line_marker, numbered_in_order
from .role_groups import later_role_groups
from .textutil import normalise

# A paragraph, not a heading or a field: it ends a sentence.
_SENTENCE_ENDS = "。;!"


def number_charged_paragraphs(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]] | None:
    """The lines with each paragraph charging the salutation's groups numbered in order, or None when none does."""
    groups: frozenset[str] = frozenset()
    chiefs = False  # the salutation names chiefs by level (`镇、村两级河长…:`)
    items: list[int] = []
    for k, (text, _) in enumerate(lines):
        norm = normalise(text).strip()
        if not norm:
            continue
        if not groups and not chiefs:
            if norm.endswith(":"):
                groups = notice_groups([(k + 1, norm)])
                chiefs = not groups and bool(chief_leaders(norm.split(",", 1)[0]))
            continue
        if line_marker(norm) is not None or not any(ch in norm for ch in _SENTENCE_ENDS):
            continue
        if chiefs and chief_leaders(norm):
            items.append(k)
        elif (
            groups and (group_subject(norm, 0, groups) is not None or later_groups(norm, 0, groups))
        ) or _roles_charged(norm):
            items.append(k)
    return numbered_in_order(lines, items) if items else None


def _roles_charged(norm: str) -> bool:
    """`各牵头单位要切实履行牵头责任`: a sentence opening with a breakdown's role charges it (round 149)."""
    return bool(later_role_groups("。" + norm, 0))  # the paragraph's first sentence opens after a stop too
