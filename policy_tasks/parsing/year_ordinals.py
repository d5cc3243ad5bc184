"""A year naming which of its occurrences an action is: the action, not a deadline (round 158).

A meeting report or a plan tells its units to carry out the year's first (second, next) round of a recurring action:
`要迅速开展2022年的第一次联合执法`, `组织2023年首轮督查`, `开展2024年第二批…验收`. The year there counts the action among the
year's rounds, as the year in `召开2024年度河长制工作会议` names the meeting held (`held_events`) and the one in
`制定2024年工作要点` the plan drafted (`drafted_plans`): nothing says the round must be done by the year's end. A span is
such only right after a verb of carrying out (开展, 组织, 进行, 启动, 实施, 召开, 举办), its year bare (not `2022年底`,
`2022年6月`) and followed, perhaps after `的` or `度`, by an ordinal of rounds (`第一次`, `第二轮`, `第三批`, `首次`, `首轮`,
`首批`). A quarter (`2022年第一季度开展…`) is a period, no ordinal of rounds, and still dates; so does a year opening the
sentence (`2022年首次开展…`: the year the work is done in, read as before).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

_ORDINAL_RE = lazy_compile(
    r"(?:开展|组织|进行|启动|实施|召开|举办|举行)"
    r"(?P<name>(?:(?:19|20)\d{2}年|今年|本年|当年|明年)度?的?"
    r"(?:第[一二三四五六七八九十\d]{1,3}(?:次|轮|批)|首(?:次|轮|批)))",
    needs="次|轮|批",
)


def year_ordinal_spans(norm: str) -> list[tuple[int, int]]:
    """The spans of `norm` (normalised text) naming, with its year, which of the year's rounds an action is."""
    return [(m.start("name"), m.end("name")) for m in _ORDINAL_RE.finditer(norm)]
