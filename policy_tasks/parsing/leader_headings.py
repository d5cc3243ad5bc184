"""A heading that names the government leader in charge of the items below it.

A province's or a city's 责任分解 of its government work report groups the items by the leader who
answers for them, one section a leader: `一、王浩省长牵头重点工作`, `二、张三常务副省长主抓重点工作`,
`(三)副市长李四分管工作(12项)`, `四、李丹常委、常务副区长牵头重点工作`, `一、孟学农省长负责的工作`. A line
under the heading may state the leader's remit (`全面负责省人民政府工作任务的落实。`, `协助省长抓好…`): it
is no task and does not hide the heading's leader. The person, by name without the
post, is the leader (`leaders`) of every clause below the heading that names no leader of its own; the
units each item's label line or bracket names are still its units. A heading that names a post with
no person (`一、省长牵头重点工作`) names no leader, and a heading about work (`一、加快重点工作落实`) is
none of these. So is a heading whose bracket or label names the leaders in charge
(`一、工业经济(牵头领导:张三副县长)`, `(二)农业农村(分管领导:李四)`): they lead every clause below it that
names no leader of its own, as written there. The label may stand on a line of its own right under the
heading (`一、工业经济` then `牵头领导:张三`, `责任领导:李四副县长`), before the section's first item: it
leads that section's items as the bracket does. Under an item the same line is that item's own.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .item_person_lines import with_item_person_lines
from .lazy_patterns import lazy_compile
from .textutil import normalise
from .unit_labels import LABEL_RE, LEADER, label_role
from .units import peek_responsibility, read_responsibility

if TYPE_CHECKING:
    from .outline_node import Node
    from .responsibility import Responsibility

# Public: a government leader's post (`scoring` compares persons without it). A leader's other posts may
# come first (`李丹常委、常务副区长`); a government's 党组成员 leads as a deputy does.
POST = (
    r"(?:(?:[省市县区]委)?常委、)?"
    r"(?:(?:常务)?副?(?:省长|市长|县长|区长|州长|盟长|旗长|镇长|乡长|主席)|副?秘书长|(?:[省市县区]政府)?党组成员)"
)
_NAME = r"[\u4e00-\u9fff]{1,4}?(?:·[\u4e00-\u9fff]{1,6}?)?"
_DUTY = r"(?:牵头|主抓|负责|分管|领衔|联系)(?:的|负责的|落实的)?(?:重点)?(?:工作|任务|事项)?"
_COUNT = r"(?:\((?:共|计)?\d{1,3}项\))?"
_NAME_FIRST_RE = re.compile(rf"^(?P<name>{_NAME})(?:{POST}){_DUTY}{_COUNT}$")
# What the post or the duty left over when no person is named (`常务副省长牵头…`, `副省长分管负责…`).
_NOT_A_NAME_RE = lazy_compile(r"^(?:常务)?副?$|牵头|主抓|负责|分管|领衔|联系")
_POST_FIRST_RE = re.compile(rf"^(?:{POST})(?P<name>{_NAME}){_DUTY}{_COUNT}$")


def heading_leader(text: str) -> str | None:
    """`王浩省长牵头重点工作` / `副省长李四分管工作`: the person leading the section's items."""
    norm = "".join(normalise(text).split()).rstrip("。:")
    m = _NAME_FIRST_RE.match(norm) or _POST_FIRST_RE.match(norm)
    if m is None or not 2 <= len(m["name"]) <= 12 or _NOT_A_NAME_RE.search(m["name"]):
        return None
    return m["name"]


def _heading_leaders(node: Node) -> list[str]:
    heading = node.pieces[0][1] if node.pieces else ""
    # The heading's line, with the leader's remit written under it (`全面负责省人民政府工作任务的落实。`),
    # or the heading wrapped over its lines.
    named = heading_leader(heading) or heading_leader(node.own_text)
    if named:
        return [named]
    return list(peek_responsibility(heading).leaders) or _label_line_leaders(node)


def _label_line_leaders(node: Node) -> list[str]:
    """`牵头领导:张三` on the lines right under the heading, each a leader's label and nothing more."""
    leaders: list[str] = []
    for _, line in node.pieces[1:]:
        m = LABEL_RE.match(normalise(line).strip())
        resp = read_responsibility(line) if m is not None and label_role(m[1]) == LEADER else None
        if resp is None or resp.found or not resp.leaders:
            break  # the section's prose, or a line naming units too: no label line of the heading
        leaders += [n for n in resp.leaders if n not in leaders]
    return leaders


def with_heading_leaders(
    nodes: list[Node], found: list[tuple[Responsibility, str]]
) -> list[tuple[Responsibility, str]]:
    """Each clause that names no leader takes the one its nearest heading names."""
    out = []
    # `(2)…` / `责任人:A` closing item 2: its earlier sub-items carry A too (`item_person_lines`).
    found = with_item_person_lines(nodes, found)
    for node, (resp, origin) in zip(nodes, found, strict=True):
        leaders = next((p for p in (_heading_leaders(a) for a in node.ancestors()[::-1]) if p), [])
        out.append((replace(resp, leaders=leaders), origin) if leaders and not resp.leaders else (resp, origin))
    return out
