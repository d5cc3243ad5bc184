"""Time phrases and quantities of a text, looked up by position (`milestones`).

A quantity is a figure with its unit (`30公里`, `5亿元`, `80%`, `3篇`), not an ordinal (`第1项`) and
not a count of a proposal's authors (`proposal_authors`); a figure inside a time phrase is the
phrase's.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .proposal_authors import author_count_spans
from .time_phrase import TimePhrase

# Count words too: an office's own yearly targets count pieces written (`全年上稿2篇以上`, `报送信息10篇`).
# A greening plan measures land in hectares as others do in 亩 (`全年绿地建设不少于200公顷`) and counts the
# trees it plants and the flowers and beds it sets out (`植树50万株`, `摆花不低于2600万盆、立体花坛不少于62组`).
# A horizon's caps on water and energy (`用水总量控制在11.88亿立方米以内`, `控制在50亿吨标准煤以内`), its beds and teams
# (`养老床位数达到5.6万张`, `应急救援队伍达到15支`) and its life expectancy (`期望寿命超过80岁`;
# closing its words, not an age bound, `60岁以上老年人`, `3-6岁幼儿`, round 115). Cases an office must take up
# are counted in 例 (`年内全县查处非法捕捞案件10例以上`, round 119).
_UNITS = (
    "亿吨标准煤 万吨标准煤 吨标准煤 亿立方米 万立方米 立方米 亿吨 万张 支 万千瓦 千瓦 万平方米 平方米 万美元 美元 亿元 万元 元 万人次 人次 万人 人 "
    "个百分点 % 万公顷 公顷 万亩 亩 公里 千米 万吨 吨 家 个 项 所 张 套 间 台 名 户 件 例 条 座 处 批 场 次 辆 床 栋 幢 篇 "
    "万株 株 万棵 棵 万盆 盆 组"
).split()
# `第1项`, `第3批`: an ordinal names which one, no quantity to reach.
_QTY_RE = re.compile(
    r"(?<![A-Za-z0-9.+:/\-第])(?P<v>\d+(?:\.\d+)?)(?:\s*[-—~]\s*\d+(?:\.\d+)?)?\s*"
    r"(?P<u>(?:" + "|".join(map(re.escape, _UNITS)) + r"|岁(?![\u4e00-\u9fff]))(?:\((?!不?含\))[^()]{1,3}\))?)"
)


class Marks:
    """Time phrases and quantities of a text, looked up by position.

    Sorted starts and bisect keep a long wrapped clause linear rather than
    scanning every phrase for every part.
    """

    def __init__(self, norm: str, phrases: list[TimePhrase]):
        self.phrases = phrases  # sorted, never overlapping
        self._phrase_starts = [p.start for p in phrases]
        # `高军会等13名代表提出的…议案`: the count of a proposal's authors is no quantity (`proposal_authors`).
        authors = author_count_spans(norm)
        self.quantities = [
            m
            for m in _QTY_RE.finditer(norm)
            if not self._in_phrase(m.start(), m.end()) and not any(s <= m.start() < e for s, e in authors)
        ]
        self._quantity_starts = [m.start() for m in self.quantities]

    def _in_phrase(self, start: int, end: int) -> bool:
        i = bisect_left(self._phrase_starts, end)
        return i > 0 and self.phrases[i - 1].end > start

    def phrases_in(self, start: int, end: int) -> list[TimePhrase]:
        lo, hi = bisect_left(self._phrase_starts, start), bisect_left(self._phrase_starts, end)
        return self.phrases[lo:hi]

    def quantities_in(self, start: int, end: int) -> list[re.Match[str]]:
        lo, hi = bisect_left(self._quantity_starts, start), bisect_left(self._quantity_starts, end)
        return self.quantities[lo:hi]
