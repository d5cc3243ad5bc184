"""A breakdown's roles told to claim their tasks, and its leader post acting (round 151).

A meeting approving a 政府工作报告 breakdown (or a notice issuing one) names the roles the plan fixes for every task,
then tells them to take the tasks up, the roles the subject of the demand:

    《方案》明晰了每一项任务的牵头领导、牵头单位、责任单位,要逐一认领、抓好落实。

The roles are charged as the notice's `各牵头单位要…,各责任单位要…` are (corpus README, round 95): the unit roles in
their order, the first leading (`牵头单位`) and the others helping (`责任单位`), each one addressee; the leader posts
among them (`牵头领导`, `责任领导`, `包抓领导`) are the point's leaders, never units. A later point charging the plan's
leader post alone (`要坚持目标引领,牵头领导带头,…`) has it as its leader and no unit (round 65's clause with a
leader only).

Near cases: the roles listed with no demand after them (`《方案》明确了每项任务的牵头单位和责任单位。`, a plan's
description), a bare `分管领导要…` (no post a breakdown assigns: corpus README, no one), a post receiving the work
(`报牵头领导审定`), and `牵头领导小组` (a group, `headed_groups`).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import CO, LISTED

# The posts a breakdown assigns to each task, and the unit roles beside them.
_POST = r"(?:牵头|责任|包抓|包联|包保)领导"
_UNIT = r"(?:牵头|责任|主办|协办|配合|参与)单位"
_ROLE = rf"(?:{_POST}|{_UNIT})"
# `明晰了每一项任务的A、B、C,要逐一认领`: what the plan fixes for every task, then the demand on them.
_CLAIMED_RE = lazy_compile(
    r"(?:明确|明晰|确定|列明|细化)了?(?:每一?项|各项)(?:任务|工作)(?:的|所涉)"
    rf"(?P<roles>{_ROLE}(?:[、和及与]{_ROLE})+)\s*[,,]\s*(?:要|须|必须|务必)",
    needs="领导|单位",
)
_ROLE_SPLIT_RE = lazy_compile(_ROLE)
# `牵头领导带头`, `牵头领导要…`, `责任领导亲自抓`: the plan's leader post as a part's subject, acting.
_POST_ACTS_RE = lazy_compile(
    rf"(?:^|[,;。:])\s*(?P<post>{_POST})(?!小组)(?:要(?![求点])|带头|亲自|负责(?![同人]))",
    needs="领导",
)


def claimed_roles(text: str) -> Responsibility | None:
    """The breakdown's roles a point tells to claim their tasks, or None (see above)."""
    m = _CLAIMED_RE.search(normalise(text))
    if m is None:
        return None
    found = Responsibility(origin="正文开头")
    for role in _ROLE_SPLIT_RE.finditer(m["roles"]):
        name = role.group()
        if name.endswith("领导"):
            found.leaders.append(name)
        else:
            found.roles[CO if found.roles[LISTED] else LISTED].append(name)
    return found if found.roles[LISTED] else None


def acting_posts(text: str) -> list[str]:
    """`牵头领导带头`: the breakdown's leader posts a point charges as its sentences' subjects."""
    found: list[str] = []
    for m in _POST_ACTS_RE.finditer(normalise(text)):
        if m["post"] not in found:
            found.append(m["post"])
    return found
