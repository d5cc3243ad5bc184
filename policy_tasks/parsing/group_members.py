"""A working body's membership section: who sits on it, no measure (round 158).

A notice setting up a coordination mechanism or a working group divides its `成员单位及职责` section into the members and
their duties, each under a numbered sub-heading:

    二、成员单位及职责
    (一)成员单位
    协调机制由县委组织部、县委宣传部(县委网信办)、…、县科协等部门组成。
    协调机制召集人由县政府分管教育领导和县教育局主要负责同志担任,…协调机制办公室设在县教育局基础教育股,…
    (二)职责分工
    县委组织部:负责发挥党组织战斗堡垒作用,…

The members' sub-heading over the lines saying what the body is made of (`由…组成`), who convenes or heads it
(`召集人由…担任`, `组长:`) and where its office sits is the group's lines the corpus README (round 75) reads as no clause,
numbered or not: silent beside the duties that are clauses, it is no measure that forgot its unit. Only a sub-heading that
is nothing but the membership (`成员单位`, `组成单位`, `成员组成`, `组成人员`, `人员组成`, `机构组成`, `成员名单`) counts, over a
body that says how the group is made up; a heading of the members' duties (`成员单位职责`, `duty_headings`) is none.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .outline_node import Node
from .textutil import normalise

_MEMBERS_HEAD_RE = lazy_compile(
    r"^(?:(?:协调机制|领导小组|工作小组|工作专班|专班|指挥部)?(?:成员单位|组成单位|成员组成|组成人员|人员组成|机构组成|成员名单)"
    r"|(?:协调机制|领导小组|工作小组|工作专班|指挥部)(?:组成|成员))\s*[。:]?$"
)
# The body says how the group is made up: its members (`由…组成`), its head (`召集人由…担任`, `组长:`).
_MAKE_UP_RE = lazy_compile(r"组成|召集人|组长|担任")


def lists_members(node: Node) -> bool:
    """A silent item that only lists a working body's members and its set-up: no clause, even beside clauses."""
    if node.children or not node.pieces:
        return False
    if not _MEMBERS_HEAD_RE.match(normalise(node.pieces[0][1]).strip()):
        return False
    body = "\n".join(normalise(text) for _, text in node.pieces[1:])
    return bool(_MAKE_UP_RE.search(body))


def members_heading(head: str, body: str) -> bool:
    """`head` is a membership sub-heading alone and `body` says how the group is made up (`one_line_headings`: the
    heading run into its body on one line)."""
    return bool(_MEMBERS_HEAD_RE.match(normalise(head).strip())) and bool(_MAKE_UP_RE.search(normalise(body)))
