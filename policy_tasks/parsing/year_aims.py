"""The year's aims named as a whole (`确保全年目标任务完成`) date nothing: `全年` names whose targets, not when.

A covering notice or a plan closes a paragraph with the purpose its measures serve: `…已出台的政策早落地,全力消除疫情
不利影响,确保全年目标任务完成。` (round 106), `确保圆满完成全年各项目标任务`. There `全年` is an attribute of the targets
(the year's targets, all of them), not the time the paragraph's work is due by: the paragraph sets no deadline of its
own, and the year's end is the document's horizon (its default), as a report's year is (round 91). `全年` before the
work and its figure (`全年完成投资2000万元`, `全年新增注册企业10000家`) is the genre's yearly quantity target and stays
a deadline (`milestones`), and so does the year's aims with a figure of their own (`全年目标任务完成率达到95%`).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

# `全年目标任务`, `全年各项目标任务`, `2020年全年重点工作任务`, `全年目标`: the year's targets as a noun.
_AIMS_RE = lazy_compile(
    r"(?:(?:19|20)\d{2}年)?全年(?=(?:的)?(?:各项)?(?:重点|主要)?(?:工作)?(?:目标任务|目标|任务)(?P<rest>[^,;。\n]*))"
)
_FIGURE_RE = lazy_compile(r"\d|[一二三四五六七八九十百千万]+(?:个|项|%|成)")


def year_aim_spans(norm: str) -> list[tuple[int, int]]:
    """The spans of `norm` (normalised text) where `全年` names the year's targets as a whole, with no figure after."""
    if "全年" not in norm:
        return []
    return [(m.start(), m.end()) for m in _AIMS_RE.finditer(norm) if not _FIGURE_RE.search(m["rest"])]
