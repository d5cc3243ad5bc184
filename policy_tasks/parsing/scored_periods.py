"""The year a scoring rule measures dates nothing: it says over what the points are counted.

An assessment table's 评分标准 awards or takes points for the year's work (`完成全年全国天气会商,在会商中
不出现故障或差错的得1分`, `全年完成预警信号及时发布工作,…不漏报得3分;每漏报1次扣1分`). There `全年` is the
period the score counts over, the assessment year, not a date the work is due by: the target's deadline is
its own 完成时间 cell, and a year-end reminder read from the rule would come after it. A point within the
year in such a rule (`6月底前报送的得2分`) still dates the work, and `全年` outside a scoring sentence
(`全年完成造林1万亩`) is read as before (`milestones`). So is `年内` (round 103): a township assessment's
`推进不达标河库治理,年内无不达标河库,得4分` sets the condition the points are counted on over the year, no work due at
its end; `年内完成…` outside a scoring sentence is still a deadline.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

# A sentence that scores: points given or taken (`得1分`, `扣0.5分`, `加2分`, `不得分`, `得满分`).
_SCORES_RE = lazy_compile(r"[得扣加减]\s*\d+(?:\.\d+)?\s*分|不得分|得满分")
_WHOLE_YEAR_RE = lazy_compile(r"全年|年内")
_SENTENCE_RE = lazy_compile(r"[^;。!?]+")


def scored_period_spans(norm: str) -> list[tuple[int, int]]:
    """The spans of `norm` (normalised text) where `全年` (`年内`) names the period a scoring sentence counts."""
    if ("全年" not in norm and "年内" not in norm) or "分" not in norm:
        return []
    return [
        (m.start(), m.end())
        for sentence in _SENTENCE_RE.finditer(norm)
        if _SCORES_RE.search(sentence.group())
        for m in _WHOLE_YEAR_RE.finditer(norm, sentence.start(), sentence.end())
    ]
