"""When a date in a year before the document's is the plan's deadline, not a reference point.

Most past years in the genre are what the plan measures or states against: `比2015年下降`,
`较2010年降低`, `在2007年的基础上`, `不高于2017年征收标准`, `截至2022年底已完成`. They date nothing
(`deadlines` reads them as PAST). But a plan reaches its reader some time after it was written, and a
several-year plan schedules each of its years: a plan issued in the first days of January names last
December's start (`预计2022年12月开工建设`), one published in its last year names the steps of the
earlier years (`2023年底前完成视频监控全覆盖`, `2023年重点任务:…`). Such a date commits the work to
it, in its own year (the review page warns that the year differs from the document's), as a
完成时限 field's past date already does.

A past date is a deadline of the plan when
- it closes a period and is written as a deadline: `2023年底前`, `2024年6月底前`, `2022年一季度前`,
  `2023年12月31日前`, `2023年内` (a year alone, `2024年前`, reads both "by" and "before" that year and stays a reference);
- it names a month or a period's end that a verb of work follows at once, as the genre writes a
  deadline without `前` (`2023年12月底建成`, `2024年6月完成验收`), and no `截至` / `比` / `较` stands
  before it (`截至2022年6月底完成…` reports);
- a word of intent stands right before it: `预计`, `计划`, `力争`, `确保`, `争取`, `拟`;
- it labels a year's own task list (`2023年重点任务:`, `year_lists`);
and a report of work done does not follow it (`2022年底前已完成`). A bare past year before a verb
(`2022年完成投资5亿元`) is the year under review, no deadline.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .year_lists import labels_year_list

# A deadline closing a period: `底前`, `末前`, a month's, quarter's or half-year's `前`, and `年内`.
_BY_PERIOD_END = lazy_compile(r"(?:(?:[底末]|月|季度|半年|\d\s*日)\s*(?:之前|以前|前)|年度?内)$")
# A month or a period's end (`2023年12月底`, `2024年6月`, `2023年三季度末`), then at once a verb of work.
_PERIOD = lazy_compile(r"(?:[底末]|月|月份|季度|半年)$")
_WORK_AFTER = lazy_compile(
    r"\s*(?:全面|基本|全部|顺利)?(?:完成|建成|开工|动工|竣工|完工|投用|投入使用|投产|投运|启动|实现|上线|通车|交付|验收)"
)
_REPORTED_BEFORE = lazy_compile(r"(?:截至|截止|截止到|比|较|与|同|自|从)\s*$")
_INTENT_BEFORE = lazy_compile(r"(?:预计|计划|力争|确保|争取|拟)\s*$")
_DONE_AFTER = lazy_compile(r"\s*(?:已经|已)")


def commits_past_date(norm: str, start: int, end: int) -> bool:
    """Whether the past-year phrase `norm[start:end]` (normalised text) dates a commitment of the plan."""
    if _DONE_AFTER.match(norm, end):
        return False
    before = norm[max(0, start - 4) : start]
    worked = _PERIOD.search(norm, start, end) and _WORK_AFTER.match(norm, end) and not _REPORTED_BEFORE.search(before)
    return bool(
        _BY_PERIOD_END.search(norm, start, end)
        or worked
        or _INTENT_BEFORE.search(before)
        or labels_year_list(norm, end)
    )
