"""The outline's marker of a campaign stage at a line's start (`outline`, style `stage`).

A campaign plan names its stages by their ordinals. One closed by a full stop (`第一阶段。2月20日,…`) is an item
(`ordinal_stages`); so is one closed by its span and a full stop before the stage's work, with no numeral before it
(`第一阶段(2019年12月-2020年3月)。各乡镇要…`, `第三阶段:巩固深化(2021年12月底前)。`, round 181), a clause as round 77's
stages are, dated at its span's end. The name stays the item's first words, as the plan cites the stage by it
(`第一阶段`). A bracket with no figure (`第一阶段(准备工作)。`) is no span, and a stage named in a sentence (`完成第一阶段
(…)任务`) opens no line: neither is an item.
"""

from __future__ import annotations

STAGE_MARK = (
    r"(?=第(?P<n>[一二三四五六七八九十]{1,2})阶段(?:[。.]|(?::[^\s。,;()]{1,12})?\([^()]{,30}\d[^()]{,30}\)[。.]))"
)
