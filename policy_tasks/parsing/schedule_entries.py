"""A schedule entry labelled by its time (`4月:制定并下发工作方案`, `第一季度:完成
工作任务20%以上`) is one milestone due on its label, cue word or not: it runs
to the next label on its line, and the line's last entry to its sentence end. So is
a year's own task list that names no time of its own (`2023年重点任务:完成普查;…`,
due at that year's end; `year_lists`). A table's step cell opening with its time before a space
(`3月 组织…`, `1月至4月 修改…`, `全年 做好…`) or a month's before a comma (`3月至12月,对…`) is labelled
so too: the schedule column's time heads the step's work (`step_cells`, round 124). Only at the text's
very start, and a year it names (`2023年 全市…`) is no such label. An entry's numbered steps (`第一季度:1.…。2.…。`)
are a milestone each (`entry_steps`, round 132).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .due_fields import PART_TRIM
from .entry_steps import entry_steps
from .lazy_patterns import lazy_compile
from .result import ParsedMilestone
from .text_marks import Marks
from .textutil import strip_span
from .time_phrase import DATED, PRECISE, RECURRING, YEAR, TimePhrase
from .year_lists import YEAR_LIST_LABEL

# A schedule entry is labelled by its time: `4月:制定方案`, `第一季度:完成20%以上`,
# `3月底前:完成招标`. The label starts the text, a line or a sentence.
_LABEL_BEFORE = re.compile(r"(?:^|[\n。;!?\s])\s*$")
_LABEL_AFTER = lazy_compile(r"\s*:")
_ENTRY_END = lazy_compile(r"[。;!?]")
_BY_DATE = lazy_compile(r"(?:前|底|末)$")
# A heading's title on a line of its own above the paragraph the time opens (`举行一场应急管理、防灾减灾的知识专题报告会` /
# `5月8日左右,邀请…`, round 143): the title is no sentence of the paragraph's, so the time still opens the text. Short,
# no stop nor comma: a line a page wrapped mid-sentence, or a sentence closed before the time, is no title.
# A PDF's reader may run the title into the paragraph (`…专题报告会5月8日左右,…`): a title ending in no word that
# governs a time (`要在`, `于`, `到`) is one still.
_TITLE_ABOVE = lazy_compile(r"[^\S\n]*[\u4e00-\u9fff“”、]{4,30}(?<![在于到至从自前后])(?:[^\S\n]*\n\s*|[^\S\n]*)")
_OPENING_AFTER = lazy_compile(r"(?P<space> +)(?=[\u4e00-\u9fff《])|,(?=[\u4e00-\u9fff])")


def _opening_label(norm: str, p: TimePhrase) -> re.Match[str] | None:
    """`3月 组织…`, `全年 做好…`, `3月至12月,对…`: a step's time opening the text (see the module docstring)."""
    before = norm[: p.start]
    if (before.strip() and not _TITLE_ABOVE.fullmatch(before)) or not (m := _OPENING_AFTER.match(norm, p.end)):
        return None
    if m["space"]:
        return m if p.level == PRECISE or (p.level == YEAR and p.stated_year is None) else None
    # `6月底前,` opening a sentence dates it already (`milestones`); a bare span before a comma labels the step.
    return m if p.level == PRECISE and not _BY_DATE.search(p.text) else None


def schedule_entries(norm: str, marks: Marks) -> list[tuple[TimePhrase, int, int]]:
    """(label, start, end) of each `时间:事项` entry; see `entry_milestone`."""
    opening = _opening_label(norm, marks.phrases[0]) if marks.phrases else None
    if ":" not in norm and opening is None:
        return []
    labels = []
    for p in marks.phrases:
        if not _LABEL_BEFORE.search(norm, max(0, p.start - 8), p.start) and not (opening and p is marks.phrases[0]):
            continue  # (the text's opening time may follow a title run into it)
        after = _LABEL_AFTER.match(norm, p.end) if p.level in (PRECISE, RECURRING, YEAR) else None
        after = after or (opening if p is marks.phrases[0] else None)
        if after is None and p.level == YEAR and p.stated_year is not None:
            # `2023年重点任务:完成普查;…`: a year's own task list is labelled by its year (`year_lists`).
            after = YEAR_LIST_LABEL.match(norm, p.end)
        if after is not None:
            labels.append((p, after.end()))
    entries = []
    for i, (label, content) in enumerate(labels):
        line_end = norm.find("\n", content)
        line_end = len(norm) if line_end < 0 else line_end
        following = labels[i + 1][0].start if i + 1 < len(labels) else None
        limit = following if following is not None and following < line_end else line_end
        # A year's task list, not a time's entry (nor a step's opening time).
        listed = not _LABEL_AFTER.match(norm, label.end) and not (i == 0 and label is marks.phrases[0] and opening)
        if limit < line_end and not listed:
            end = limit  # the entry runs to the next label
        else:
            # The line's last entry ends with its sentence: what follows a schedule is often
            # another column's text (进展情况 …). A year's list is one milestone as far as its first
            # task: the tasks after it keep their own quantities and dates.
            stop = _ENTRY_END.search(norm, content, limit)
            end = stop.start() if stop else limit
        if not listed and (steps := entry_steps(norm, content, limit)) is not None:
            # `第一季度:1.…。2.…。`: a milestone a step, each at the label's time (`entry_steps`, round 132).
            for k, (step_start, step_end) in enumerate(steps):
                start, end = strip_span(norm, label.start if k == 0 else step_start, step_end, PART_TRIM + "。;")
                entries.append((label, start, end))
            continue
        start, end = strip_span(norm, label.start, end, PART_TRIM + "。;")
        if listed and any(p.level in DATED for p in marks.phrases_in(content, end)):
            continue  # `2020年任务:一是4月底前…`: the list's own months date it (`deadlines` carries the year)
        if end > content:
            entries.append((label, start, end))
    return entries


def entry_milestone(text: str, label: TimePhrase, start: int, end: int, marks: Marks) -> ParsedMilestone:
    """A schedule entry is a commitment by construction: due on its label, cue word or not."""
    qty = next(iter(marks.quantities_in(start, end)), None)
    value = float(qty["v"]) if qty else None
    unit = text[qty.start("u") : qty.end("u")] if qty else None
    milestone = ParsedMilestone(text[start:end], start, end, label.due, "deadline", label.text, value, unit)
    if label.recurrence:
        milestone.recurrence, milestone.occurrences = label.recurrence, list(label.occurrences)
    return milestone


class Spans:
    """Whether an offset falls in one of some sorted, disjoint spans."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans, self._starts = spans, [s for s, _ in spans]

    def __call__(self, offset: int) -> bool:
        i = bisect_left(self._starts, offset + 1) - 1
        return i >= 0 and self.spans[i][0] <= offset < self.spans[i][1]
