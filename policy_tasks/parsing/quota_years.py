"""The next year named as the year a quota applies: `作为下年度非农建设占用耕地规模上限`, `纳入下一年度预算`.

A plan ties this year's results to next year's allocation: `以稳定利用耕地净增加量作为下年度非农建设占用耕地规模上限控制`,
`考核结果与下年度资金分配挂钩`, `结余指标扣减次年用地计划`. The year word qualifies the quota (a 规模, 指标, 计划, 预算,
资金 or 额度) that a verb of allocation places it in; it says which year's quota, not when any unit's work is due, as
`年度计划投资` names the plan's annual figure (`time_patterns`): no deadline (round 181).

Only a next-year word between such a verb (`作为`, `纳入`, `列入`, `扣减`, `核减`, `抵扣`, `计入`, `与` … `挂钩`) and a quota
noun within the same part is so read. Near cases that stay dated: `明年底前完成`, `下年度完成改造` (no allocating verb),
`次年3月底前报送` (a day in that year), `纳入明年工作` (no quota noun).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

_QUOTA_YEAR_RE = lazy_compile(
    r"(?:(?<=作为|纳入|列入|扣减|核减|抵扣|计入|调减|调增|核定)|(?<=与))"
    r"(?:下一?年度?|次年度?|明年度?|来年)"
    r"(?=[^\s,,。;;、:()()\d]{0,14}?(?:规模|指标|计划|预算|资金|额度|上限))",
    needs="年",
)


def quota_year_spans(norm: str) -> list[tuple[int, int]]:
    """The spans of `norm`'s next-year words naming the year a quota applies."""
    return [m.span() for m in _QUOTA_YEAR_RE.finditer(norm)]
