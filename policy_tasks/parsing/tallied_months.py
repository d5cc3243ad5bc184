"""A tally of the year's months so far reports what was done; it dates nothing.

A progress report (进展情况, 完成情况, a 督查 bulletin) states the figures of the months gone, counted
from January: `1-6月,我区数字经济完成产值1175亿元,同比增长仅为1.2%`, `1-9月份全市有课后服务需求的学生
32402人`. The work is done (or not), nothing is committed by the period's end. A plan commits by a
period's end (`6月底前`, `上半年`, `一季度`) or labels a step of its schedule with its months (`1-3月:摸底
调查`, `2024年1-3月:…` from a period column, `period_columns`): those date their work. So a span of months
from January (`1-6月`, `1—9月份`, `1至11月`) dates nothing unless a colon makes it a schedule's label,
and the figures its sentence states from it on are no targets (`milestones`).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

_TALLY_RE = lazy_compile(r"(?<![\d.年])1\s*(?:月份?)?\s*[-—–~至到]\s*(?:[2-9]|1[01])\s*月份?(?!\s*[:底末前])")


def tallied_month_spans(norm: str) -> list[tuple[int, int]]:
    """The spans of `norm` (normalised text) that tally the months from January (see the module)."""
    if "月" not in norm:
        return []
    return [(m.start(), m.end()) for m in _TALLY_RE.finditer(norm)]
