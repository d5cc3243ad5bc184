"""Whether a line without a number still belongs to the open item (`outline_lines`): its wrapped text, a body paragraph
before its responsibility, a field line, a heading's lines that each end in a bracket of their own, a flattened table's
next measure; and a fields line after an enumeration of sub-items, which is the heading's.
"""

from __future__ import annotations

import re

from .charged_projects import charged_project_parts
from .closing_roles import closes_with_roles
from .finished_items import field_line, finished
from .outline_node import Node
from .principle_headings import grouping_heading
from .project_roles import next_role
from .report_closings import reported_closing
from .responsibility import Responsibility
from .role_sentences import fix_field_subject
from .textutil import normalise
from .unit_lines import is_unit_line
from .units import peek_responsibility

_STOPPED_TITLE_RE = re.compile(r"[^\s,,;;:。、()]{2,12}。")  # round 116's `1.属地管理责任。`


def continues(node: Node, norm: str, blank: bool) -> bool:
    if field_line(norm):
        return True
    if reported_closing(norm):
        return False  # `会上,某某就…进行了安排部署。(政府办综合三科)`: the report's account (`report_closings`)
    resp = peek_responsibility(norm)
    if resp.spans and resp.spans[0][0] <= 0 and norm.startswith(("(", "[", "〔")):
        return True  # `(市国土房管局牵头)主要污染物…`: the bracket closes the sentence before the break
    if listed_under_heading(node, norm, resp) or measure_after_unit_line(node, norm):
        return True
    if finished(node):
        return False
    if not blank:
        return True
    # After a blank line a paragraph still belongs to an item whose text so far is a heading, or that ends with the
    # responsibility the item has not given yet, or is its 整改 field line (`整改措施:由A督促…`), a 督办 list charging it
    # (`A负责的…项目;…`, `charged_projects`) or a key-project notice's next role (`各…承办单位务必…`, `project_roles`).
    own = normalise(node.own_text).strip()  # a short title closed by `。` is a heading too (`1.属地管理责任。`)
    if "。" not in own or _STOPPED_TITLE_RE.fullmatch(own) or resp.assigns or fix_field_subject(norm) is not None:
        return True
    return next_role(own, norm) or (bool(charged_project_parts(norm)) and not peek_responsibility(node.own_text).found)


def listed_under_heading(node: Node, norm: str, resp: Responsibility) -> bool:
    """`(一)约束性指标` over unnumbered lines that each end in a bracket of their own
    (`耕地保有量保持在2000.9万亩。(市国土局牵头)`, or the run's `——一般公共预算收入增长12%;(牵头部门:市财政局)`), or each closed by their own role-noun part
    (`…增长8%,责任单位为区经信局;`, `closing_roles`): the heading's lines, a clause a bracket or target (document.py)."""
    heading = normalise(node.pieces[0][1]).strip() if node.pieces else ""
    if not grouping_heading(heading):  # a topic, or a sentence of principle (round 149)
        return False
    if closes_with_roles(norm):
        return True
    if not resp.found or resp.origin not in ("括号", "无标注括号"):
        return False
    # `——地区生产总值增长7.5%;(牵头部门:市发改委)`: a target of a run closed by `;` before its bracket (round 117).
    if "。" not in norm and not norm[: resp.spans[-1][0]].rstrip().endswith(";"):
        return False
    return resp.spans[-1][1] >= len(norm.rstrip("。;. "))


def closes_enumeration(node: Node, norm: str) -> bool:
    """A line of responsibility fields after the last of a heading's sub-items that run as one
    enumeration (`(1)…;` `(2)…;` `(3)…。`, a 整改 list's problems at one place): it names who
    answers for them all, so it is the heading's, not the last sub-item's."""
    parent = node.parent
    if parent is None or parent.style == "root" or len(parent.children) < 2 or parent.children[-1] is not node:
        return False
    heading = normalise(parent.own_text).strip()
    if not heading or len(heading) > 30 or re.search(r"[。;!?]", heading) or peek_responsibility(heading).found:
        return False
    if len(node.pieces) != 1 or not normalise(node.own_text).rstrip().endswith("。"):
        return False
    if not all(normalise(k.own_text).rstrip().endswith(";") and not k.children for k in parent.children[:-1]):
        return False
    resp = peek_responsibility(norm)
    return bool(resp.spans) and resp.spans[0][0] <= 0 and resp.origin not in ("括号", "无标注括号")


def measure_after_unit_line(node: Node, norm: str) -> bool:
    """A heading cell (`(一)加强预期引导`) over measures each followed by its unit cell
    (`市发改委牵头落实`), a table flattened a cell a line: the next measure is the heading's too
    (document.py gives each measure and its unit line a clause)."""
    heading = normalise(node.pieces[0][1]).strip() if node.pieces else ""
    if not heading or len(heading) > 30 or re.search(r"[。;!?]", heading) or len(node.pieces) < 3:
        return False
    return "。" in norm and is_unit_line(node.pieces[-1][1])
