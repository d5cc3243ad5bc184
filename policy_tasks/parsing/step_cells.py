"""A task table whose schedule column breaks each task down into dated steps, a row a step.

An office's yearly key-task table (`工作任务 | 任务分解/时序进度 | 考核要点`) merges a task's cell over the rows of
its steps, and each step's cell writes the step's work after its time: `做好党风廉政建设责任制考核` over `3月 组织各
党总支学习领会…`, `1月至4月 修改…考核办法`, `5月至12月 对…进行抽查及年终考核`. The column's header names both the
breakdown and the time (`任务分解/时序进度`, `工作内容及进度安排`), which is why it reads as a schedule column; but its
cells are the task's parts, each with its own work and date. So each step is a clause of its own, dated by its time,
and the merged task cell only groups them (a heading over its steps), as round 58 reads a project cell merged over
sub-task rows (round 124).

Read only where the column's header names the work beside the time, every filled cell of it opens with a time
phrase and goes on with the step's words (`全年 做好…`, `3月,在…公布…`), and the task column's cells repeat down the
rows (a merged cell over its steps). Near cases stay as they were: a schedule column of bare times (`3月`, `年底前`),
or of sentences a merged task spreads over its rows with no breakdown named in the header (`完成时限` cells written
as sentences, the task's progress), and a task column whose every row is a task of its own.
"""

from __future__ import annotations

import itertools
import re

from .column_meanings import AREA, CONTENT, DUE, TITLE
from .deadlines import find_time_phrases
from .lazy_patterns import lazy_compile
from .textutil import normalise

# The header names the task's parts or work beside its time: `任务分解/时序进度`, `工作内容及进度安排`.
_WORK_HEADER_RE = lazy_compile(r"分解|内容|措施|步骤|举措")
_STEP_WORDS_RE = re.compile(r"[\u4e00-\u9fff]{4}")


def _opens_with_time(cell: str) -> bool:
    norm = normalise(cell).strip()
    phrases = find_time_phrases(norm, 2000)
    if not phrases or phrases[0].start != 0:
        return False
    return bool(_STEP_WORDS_RE.search(norm, phrases[0].end))


def step_kinds(kinds: list[str | None], header: list[str], rows: list[list[str]]) -> list[str | None] | None:
    """The kinds with the task column a group heading (AREA) and the schedule column the rows' text (CONTENT), where
    the schedule column breaks a merged task into dated steps; else None."""
    if kinds.count(DUE) != 1 or kinds.count(TITLE) != 1 or CONTENT in kinds or AREA in kinds:
        return None
    due, title = kinds.index(DUE), kinds.index(TITLE)
    if title > due or not _WORK_HEADER_RE.search(normalise(header[due])):
        return None
    steps = [r[due] for r in rows if due < len(r) and r[due]]
    tasks = [r[title] for r in rows if title < len(r) and r[title]]
    if len(steps) < 2 or not all(_opens_with_time(s) for s in steps):
        return None
    # The task cell merged over its steps: most rows repeat the one above.
    if sum(1 for a, b in itertools.pairwise(tasks) if a == b) * 2 < len(tasks):
        return None
    return [AREA if i == title else CONTENT if i == due else k for i, k in enumerate(kinds)]
