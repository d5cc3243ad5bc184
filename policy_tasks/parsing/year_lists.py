"""A year's own list of tasks in a plan: `2023年重点任务:…`, `2020年任务:一是4月底前…`.

A several-year plan (and a plan that schedules the years it spans, `二、工作安排`) lists what is to be
done each year under a label that is the year and the kind of list, closed by a colon: `2022年任务:`,
`2023年重点任务:`, `2024年主要工作任务:`, `2025年工作目标:`, `2021年安排:`. The label is a
commitment of the plan's, never a reference point, whatever the document's year: a plan published in
its last year still schedules its earlier years (`deadlines` keeps such a year as a deadline, and the
review page warns that it differs from the document's). Its months are that year's (`deadlines`
carries the year to them); a list that names no time of its own is due at that year's end, one
milestone running from the label to the list's first sentence end (`milestones`), as a schedule entry
labelled by its time (`4月:制定方案`) is due on its label.
"""

from __future__ import annotations

import re

# The kind of list after the year, then its colon (text already normalised: `:` is ASCII).
YEAR_LIST_LABEL = re.compile(r"\s*度?(?:重点|主要)?(?:工作)?(?:任务|目标|计划|安排)\s*:")


def labels_year_list(norm: str, end: int) -> bool:
    """Whether the year phrase of normalised text `norm` ending at `end` labels a year's task list."""
    return YEAR_LIST_LABEL.match(norm, end) is not None
