"""A year inside a project's name names the project, not a deadline.

Project lists name each project by its place, its year and its work (`洋县2024年老旧小区改造项目`,
`叶城县2026年洛克乡种植业基地配套建设(少数民族发展任务)项目`): the year is the one the project is
funded or listed in, as the year in a 《title》 names a document. What dates the project is its own
time field (`建设时间`, `项目实施时间:2026年1月-2026年10月`) or the plan's year. A name is such only
where it opens the item, a line or a cell, holds no verb of doing (`2023年建成…项目` commits) and
ends in 项目 / 工程 before a bracket, a colon, a full stop or the line's end.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile

# A bare year (`2024年`, `2024年度`), not a point in it (`2024年底`, `2024年6月`, `2024年上半年`).
_YEAR = r"(?:19|20)\d{2}年度?(?![底末内前初中上下半全1-9一二三四])"
_NAME_RE = re.compile(
    r"(?:^|(?<=[\n|]))[ \t]*(?P<name>[\u4e00-\u9fff]{0,12}?" + _YEAR + r"[\u4e00-\u9fff()]{2,50}?(?:项目|工程))"
    r"(?=[ \t]*(?:[(:。\n|]|$))"
)
# Verbs of doing: `2023年建成农贸市场项目` says what is done that year, a commitment it dates.
_DOING_RE = lazy_compile(r"完成|建成|开工|启动|推进|实施|开展|投用|投入使用|竣工|确保|力争|争取|新建|新增|改造完成")


def project_name_spans(norm: str) -> list[tuple[int, int]]:
    """The spans of `norm` (normalised text) that name a project with its year in the name."""
    return [(m.start("name"), m.end("name")) for m in _NAME_RE.finditer(norm) if not _DOING_RE.search(m["name"])]
