"""A key-work register page for one task: its number on a line of its own, the task in a field, a quarter schedule.

A city's register of its year's key work (`重点工作落实情况`) gives each task a page of its own. Unlike round 132's
民生实事 page, the task is numbered on a line alone (`任务163`) and named in a label field of its own, and the
schedule's label is the register's own (`年度阶段性工作目标:`), run on to its first quarter:

    任务163
    重点工作: 全面推行林长制。
    牵头单位: 市林业园林局
    年度阶段性工作目标: 第一季度:成立…专项工作小组,…工作全面启动。
    第二季度:总结梳理…试点经验,…。
    …
    进展情况、存在问题
    及下一步工作建议:
    已完成。至2021年12月31日,…

The page is one clause (round 147): `ref` the number the page prints, `start` the task field's value, the fields
its units, each quarter's work a milestone at the quarter's end (the schedule read as `register_pages` reads it), and
the progress block (`进展情况…`, its label broken over two lines or not) work done, not read. Before, the page numbered
nothing the outline reads, and was refused.

Only such a page: a number line (a bare number, or one after `任务` / `事项` / `序号`), a portal's chrome above it, the
task field next, a lead or answering label among the fields, a schedule label, two quarter lines at least, and nothing
else numbered. A number line over prose, or a task field with no schedule, is left to the other readers.

A copy that removed the page's breaks (a dataset's cell, a mirror's paragraph) runs it onto one line:
`任务163重点工作: 全面推行林长制。牵头单位: 市林业园林局年度阶段性工作目标: 第一季度:…。第二季度:…`. The labels
stay, and they are where the page broke: where the number runs straight into the task field's label, the line is
cut before the task label, each unit label up to the schedule's, the schedule label, each quarter label after its
first, and the progress block's label (`…情况…:`), and the cut lines are read as the page's own. A `任务163` in a
sentence, not run into a task field's label, cuts nothing, and a cut page still needs all the above.
"""

from __future__ import annotations

import itertools
import re

from .lazy_patterns import lazy_compile
from .outline import line_marker
from .schedule_blocks import QUARTER, QUARTER_LINE
from .textutil import bracket_depths, normalise
from .unit_labels import LABEL_RE, LABEL_WORDS, LEAD, LISTED, find_labels, label_role

Lines = list[tuple[str, bool]]

_LABEL_WORDS = frozenset(LABEL_WORDS)

_TASK_LABEL = r"(?:重点工作|重点任务|工作任务|任务名称|任务内容|工作事项)\s*:"
_NUMBER_RE = lazy_compile(r"^(?:任务|事项|序号|编号)\s*(?:编号|序号)?\s*:?\s*(\d{1,4})$|^(\d{1,4})$")
_TASK_RE = lazy_compile(rf"^{_TASK_LABEL}\s*(\S.*)$", needs="工作|任务|事项")
# Run on: the number word and its number straight into the task field's label (a bare number only opening the line).
_RUN_ON_NUMBER_RE = lazy_compile(
    rf"(?:(?:任务|事项|序号|编号)\s*(?:编号|序号)?\s*:?\s*\d{{1,4}}|^\d{{1,4}})\s*(?={_TASK_LABEL})",
    needs="工作|任务|事项",
)
_TASK_LABEL_RE = lazy_compile(_TASK_LABEL, needs="工作|任务|事项")
_RUN_ON_SCHEDULE_RE = lazy_compile(
    r"(?:年度)?(?:阶段性?)?(?:工作)?(?:目标|进度)(?:安排|计划)?\s*:|(?:进度安排|进度计划|时间安排|实施进度|工作进度)\s*:",
    needs="目标|进度|安排",
)
# A quarter's label inside the run-on schedule (not a month's digit inside a longer number: `12月底前`).
_RUN_ON_QUARTER_RE = lazy_compile(rf"(?<!\d){QUARTER}\s*:", needs="季度|月底")
# Run on, the progress block's label is known by its colon (`进展情况、存在问题及下一步工作建议:`).
_RUN_ON_REPORT_RE = lazy_compile(r"(?:落实|进展|推进|完成|办理|实施)情况(?:[、及和][^。;:,]{0,16})?:", needs="情况")
_SCHEDULE_RE = lazy_compile(
    r"^(?:年度)?(?:阶段性?)?(?:工作)?(?:目标|进度)(?:安排|计划)?\s*:\s*(.*)$|"
    r"^(?:进度安排|进度计划|时间安排|实施进度|工作进度)\s*:?\s*(.*)$",
    needs="目标|进度|安排",
)
_QUARTER_RE = lazy_compile(QUARTER_LINE, needs="季度|月底")
# The progress block's label, whole or broken at the page's width (`进展情况、存在问题` / `及下一步工作建议:`).
_REPORT_RE = lazy_compile(r"^(?:落实|进展|推进|完成|办理|实施)情况(?:$|[、::\s及和])", needs="情况")


def _label(norm: str) -> tuple[str, str] | None:
    m = LABEL_RE.match(norm)
    return (m.group(1).strip(), norm[m.end() :].strip()) if m is not None else None


def task_register_page(lines: Lines) -> Lines:
    """The lines rewritten as the one numbered task where they are such a page (see the module), else unchanged."""
    read = _read(lines)
    return read if read is not None else lines


def cut_run_on_task_page(lines: Lines) -> Lines:
    """The lines with a run-on page's line cut where its breaks were (see the module), where the cut lines are such a
    page, else unchanged. Before labels glued to words are split (`run_on_fields`), which would cut a label run into
    the value before it where its longest reading starts (`…建设某某平台牵头单位:`), not where the page broke."""
    for k, (text, splittable) in enumerate(lines):
        cuts = _run_on_cuts(normalise(text))
        if cuts:
            bounds = [0, *cuts, len(text)]
            pieces = [(text[a:b].strip(), splittable) for a, b in itertools.pairwise(bounds)]
            cut = [*lines[:k], *(piece for piece in pieces if piece[0]), *lines[k + 1 :]]
            return cut if _read(cut) is not None else lines
    return lines


def _run_on_cuts(norm: str) -> list[int]:
    """Where the page's breaks were in a line that ran it on (see the module), or none where it is no such line."""
    number = _RUN_ON_NUMBER_RE.search(norm)
    if number is None:
        return []
    task = _TASK_LABEL_RE.match(norm, number.end())
    assert task is not None
    schedule = _RUN_ON_SCHEDULE_RE.search(norm, task.end())
    if schedule is None:
        return []
    depths = bracket_depths(norm)
    units = [_label_start(norm, m) for m in find_labels(norm, task.end(), schedule.start()) if depths[m.start()] == 0]
    first = len(norm) - len(norm[schedule.end() :].lstrip())  # the first quarter, run on after the schedule label
    report = _RUN_ON_REPORT_RE.search(norm, schedule.end())
    end = report.start() if report is not None else len(norm)
    quarters = [m.start() for m in _RUN_ON_QUARTER_RE.finditer(norm, first, end) if m.start() > first]
    cuts = [number.start(), number.end(), *units, schedule.start(), *quarters]
    if report is not None:
        cuts.append(report.start())
    return sorted({cut for cut in cuts if 0 < cut < len(norm)})


def _label_start(norm: str, label: re.Match[str]) -> int:
    """Where a label run into the value before it starts: its longest tail that is a label word of the genre
    (`…某某平台牵头单位:` is `牵头单位:`), else where the match starts."""
    words = label.group(1).strip()
    at = next((k for k in range(len(words)) if words[k:] in _LABEL_WORDS), 0)
    return label.start() + at


def _read(lines: Lines) -> Lines | None:
    plain = [normalise(text).strip() for text, _ in lines]
    filled = [k for k, norm in enumerate(plain) if norm]
    # The number line, the task field next (a portal's chrome may stand above them).
    at = next((i for i in range(len(filled) - 1) if _NUMBER_RE.match(plain[filled[i]])), None)
    if at is None or len(filled) - at < 5:
        return None
    filled = filled[at:]
    number = _NUMBER_RE.match(plain[filled[0]])
    task = _TASK_RE.match(plain[filled[1]])
    if number is None or task is None:
        return None
    ref = number.group(1) or number.group(2)
    schedule = next((k for k in filled[2:] if _SCHEDULE_RE.match(plain[k])), None)
    if schedule is None:
        return None
    fields = [k for k in filled if filled[1] < k < schedule]
    roles = [label_role(found[0]) for k in fields if (found := _label(plain[k])) is not None]
    if not any(role in (LEAD, LISTED) for role in roles) or len(roles) != len(fields):
        return None
    report = next((k for k in filled if k > schedule and _REPORT_RE.match(plain[k])), len(lines))
    m = _SCHEDULE_RE.match(plain[schedule])
    assert m is not None
    first = (m.group(1) or m.group(2) or "").strip()
    quarters = [k for k in filled if schedule < k < report]
    if first:
        if not _QUARTER_RE.match(first):
            return None
        quarters = [schedule, *quarters]
    if len(quarters) < 2 or not all(_QUARTER_RE.match(plain[k]) or k == schedule for k in quarters):
        return None
    if any(line_marker(plain[k]) is not None for k in filled[1:] if k < report):
        return None
    out = list(lines)
    out[filled[0]] = ("", out[filled[0]][1])
    out[filled[1]] = (f"{ref}、{task.group(1).strip()}", out[filled[1]][1])
    for k in fields:
        out[k] = (plain[k], out[k][1])
    # The register's own schedule label, spelt as the schedule reader knows it (`schedule_blocks`).
    out[schedule] = (f"进度安排:{first}" if first else "进度安排", out[schedule][1])
    for k in quarters:
        if k != schedule:
            out[k] = (plain[k], False)
    for k in range(report, len(lines)):
        out[k] = ("", out[k][1])  # what was done: not read
    return out
