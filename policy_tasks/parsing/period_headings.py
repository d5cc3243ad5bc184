"""A heading naming a five-year plan's period over the plan's targets: they are due at its end.

A notice that divides a five-year plan among the offices lists the plan's targets under a heading
that names the period they are set for: `(一)“十二五”时期主要规划指标` / `1.约束性指标` /
`⑴九年义务教育巩固率达到97%`, `“十四五”期间主要目标`. A target there that states no time of its own
is the period's, due at its last year's end (十二五 → 2015-12-31, 十三五 → 2020-12-31, 十四五 →
2025-12-31, as `time_patterns` reads a period named in a sentence), not at the end of the year
the notice was written in. Only a heading that names the period as the time of its targets or
indicators (`时期` / `期间` … `指标` / `目标`) does so; one that only names the plan
(`(三)加快“十四五”规划重大项目建设`) dates nothing, and a period already over in the document's
year is no default.
"""

from __future__ import annotations

from datetime import date

from .lazy_patterns import lazy_compile
from .outline_node import Node
from .textutil import cn_number, normalise

_PERIOD_TARGETS_RE = lazy_compile(
    r"^[^。;\n]{0,12}?“?十(?P<n>[一二三四五六七八九])五”?(?:规划)?(?:时期|期间)[^。;\n]{0,12}?(?:指标|目标)\s*[。:]?\s*$",
    needs="时期|期间",
)


def period_due(node: Node, year: int) -> date | None:
    """The end of the period the nearest heading over `node` (or its own heading line) sets its
    targets for, or None."""
    for item in [node, *node.ancestors()[::-1]]:
        if not item.pieces:
            continue
        m = _PERIOD_TARGETS_RE.match(normalise(item.pieces[0][1]).strip())
        if m is None:
            continue
        end = 1955 + 5 * (10 + cn_number(m["n"]))
        return date(end, 12, 31) if end >= year else None
    return None
