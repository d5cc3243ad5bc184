"""A list of a breakdown's areas with their task counts: a description of the breakdown, no clause list.

A 政策解读 (or a covering notice) summing up a breakdown says what it holds before its requirements: `《分工方案》将…
分解为五个方面79项重点工作任务`, then a numbered list of the areas, each item only the area's name and its count,
`1.在“聚焦深化对外开放,着力打造…桥头堡”方面(分解任务15项)。`. Such an item charges no one and asks for nothing: the
tasks it counts are the breakdown's, not on the page (round 114, 二连浩特). An item is read so when its whole text is an
area (`…方面`, `…领域`, `…板块`, possibly quoted, after `在`) closed by a bracketed count of tasks (`(分解任务15项)`,
`(共9项)`, `(任务16项)`), nothing after it but its stop. A task counted in a bracket (`完成老旧小区改造(共15项)`), an
area with a verb of its own (`在…方面,要…(3项)`) and a count outside a bracket stay items.
"""

from __future__ import annotations

import re

from .outline_node import Node
from .textutil import normalise

_AREA_COUNT_RE = re.compile(
    r"^(?:在|围绕)?[“\"「『]?[^。;:\n]{2,60}?[”\"」』]?(?:等)?(?:方面|领域|板块)"
    r"\((?:分解|共|含|涉及|包括|细化)?(?:重点)?(?:工作)?(?:任务|事项|工作)?\s*\d+\s*(?:项|条|个)(?:重点)?(?:任务|事项|工作)?\)"
    r"[。;]?$"
)
_VERB_RE = re.compile(r"要(?![求点])|负责|牵头|完成|推进|确保")


def counts_an_area(node: Node) -> bool:
    """Whether the silent leaf `node` only names an area of the breakdown and its count of tasks."""
    if node.children:
        return False
    text = normalise(node.own_text).strip()
    m = _AREA_COUNT_RE.match(text)
    # The verbs are asked only of the area's name outside any quotation: `着力推动…` inside the quoted title is its name.
    return m is not None and not _VERB_RE.search(re.sub(r"“[^”]*”|\"[^\"]*\"", "", text))
