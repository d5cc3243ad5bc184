"""A task record whose fields are numbered headings, each over its value.

A campaign's task list is often published one task at a time, as the task is signed off
(`整改验收销号公示`): the record's fields are the notice's numbered headings, each a field's name
alone on its line with its value below it::

    一、整改问题          (一)<the problem>  (二)<another>
    二、整改实施主体      <who answers for it>
    三、重点措施          (一)<a measure>
    四、目标任务          <the target>
    五、完成时限          <the deadline>
    六、整改完成情况      <how it was done, the notice's objection period>

The headings are no items: the record is one task. Its subject heading (`整改问题`, `整改任务`) is
the clause, its text the subject's lines and then the other fields before the deadline, each after
its name (`重点措施:…`); the unit field names its owner, the deadline field its 完成时限. What follows the
deadline field (a completion report, the period for objections) is the notice's, not the task's.
A record is told by a subject heading first, a unit heading and a deadline heading among four or
more such headings; anything else is left as it was. A 公示 of one funded project is such a record
(round 105): `一、项目名称` / `二、建设单位` / `三、建设地点` / `四、建设内容` / … / `六、建设期限`, the project its one clause
(its name the clause's first words, round 84), the 建设单位 its units, the 建设期限 its span, dated at its end. A notice of the task done may state no deadline:
`一、整改任务` / `二、整改责任单位` / `三、整改完成情况` is a record too, three headings or more with a
completion report among them, the report and what follows it the notice's. Its task is then the fault
as the inspection wrote it, which dates what went wrong (`到2015年底分别完成规划目标81%`), not what is
due: no milestone is read in it (`done_record`).
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .textutil import normalise
from .unit_labels import DUE, LABEL_RE, label_role

# Numbered as a plan numbers its parts: `一、`, `第一部分`, `第一章`, `Ⅰ、`.
_HEADING_RE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,2}、|第[一二三四五六七八九十]{1,2}(?:部分|章)|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ]、)"
    r"\s*([\u4e00-\u9fff]{2,8})\s*$"
)
_SUBJECT_RE = lazy_compile(r"(?:问题|任务|事项)$|^项目名称$")
_OWNER_RE = lazy_compile(r"(?:实施|责任)主体$|(?:责任|牵头|实施|建设)单位$")
_MARK_RE = lazy_compile(r"^\s*[(（][一二三四五六七八九十\d]{1,2}[)）]\s*")
_REPORT_RE = lazy_compile(r"(?:完成|落实|进展|推进)情况$|成效$")
# A line of the notice's own after the record's last field: a short label and its colon (`公示期限:`, `监督举报电话:`).
_NOTICE_LINE_RE = lazy_compile(r"^\s*[\u4e00-\u9fff]{2,8}:")


def _is_due(word: str) -> bool:
    return bool(LABEL_RE.fullmatch(word + ":")) and label_role(word) == DUE


def _record(lines: list[tuple[str, bool]]) -> tuple[list[tuple[int, str]], bool] | None:
    """The record's headings and whether it is a notice of the task done with no deadline, or None."""
    heads = [(i, m.group(1)) for i, (text, _) in enumerate(lines) if (m := _HEADING_RE.match(normalise(text)))]
    words = [w for _, w in heads]
    if len(heads) < 3 or not _SUBJECT_RE.search(words[0]) or not any(_OWNER_RE.search(w) for w in words):
        return None
    if any(_is_due(w) for w in words):
        return (heads, False) if len(heads) >= 4 else None
    return (heads, True) if any(_REPORT_RE.search(w) for w in words) else None


def done_record(lines: list[tuple[str, bool]]) -> bool:
    """A notice of a task done, stating no deadline: its task's text dates nothing (see above)."""
    record = _record(lines)
    return record is not None and record[1]


def record_fields(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Rewrite a record of numbered field headings as one item with its field lines (see above)."""
    if (record := _record(lines)) is None:
        return lines
    heads, done = record
    out = list(lines)
    due_seen = False
    for k, (at, word) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else len(lines)
        if due_seen or (done and _REPORT_RE.search(word)):
            # The completion report, the objection period, the notice's date: no part of the task.
            out[at:] = [("", splittable) for _, splittable in out[at:]]
            break
        if k + 1 == len(heads):
            # The last field's value ends where the notice's own lines start (`公示期限:…`, `监督举报电话:…`).
            end = next((j for j in range(at + 2, end) if _NOTICE_LINE_RE.match(normalise(lines[j][0]))), end)
        body = [_MARK_RE.sub("", lines[j][0]).strip() for j in range(at + 1, end) if lines[j][0].strip()]
        for j in range(at + 1, end):
            out[j] = ("", out[j][1])
        if k + 1 == len(heads) and end < len(lines):
            out[end:] = [("", splittable) for _, splittable in out[end:]]
        if k == 0:
            out[at] = ("1." + "".join(body), out[at][1])
        elif _OWNER_RE.search(word):
            out[at] = ("责任单位:" + "、".join(body), out[at][1])
        elif _is_due(word):
            out[at] = ("完成时限:" + "".join(body), out[at][1])
            due_seen = True
        else:
            # `重点措施` / `目标任务`: the task's text, after its subject (a field line of their own
            # between the unit and deadline lines would part them).
            first = heads[0][0]
            # A project's name closes with no stop: the field after it is a sentence of its own.
            stop = "" if re.search(r"[。;:!?.]$", normalise(out[first][0])) else "。"
            out[first] = (out[first][0] + stop + f"{word}:" + "".join(body), out[first][1])
            out[at] = ("", out[at][1])
    # The record's lines are one item: the emptied value lines go, lest a blank line part its fields.
    return [line for i, line in enumerate(out) if line[0] or (not lines[i][0].strip() and i < heads[0][0])]
