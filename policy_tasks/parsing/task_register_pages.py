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
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .outline import line_marker
from .schedule_blocks import QUARTER_LINE
from .textutil import normalise
from .unit_labels import LABEL_RE, LEAD, LISTED, label_role

Lines = list[tuple[str, bool]]

_NUMBER_RE = lazy_compile(r"^(?:任务|事项|序号|编号)\s*(?:编号|序号)?\s*:?\s*(\d{1,4})$|^(\d{1,4})$")
_TASK_RE = lazy_compile(
    r"^(?:重点工作|重点任务|工作任务|任务名称|任务内容|工作事项)\s*:\s*(\S.*)$", needs="工作|任务|事项"
)
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
    plain = [normalise(text).strip() for text, _ in lines]
    filled = [k for k, norm in enumerate(plain) if norm]
    # The number line, the task field next (a portal's chrome may stand above them).
    at = next((i for i in range(len(filled) - 1) if _NUMBER_RE.match(plain[filled[i]])), None)
    if at is None or len(filled) - at < 5:
        return lines
    filled = filled[at:]
    number = _NUMBER_RE.match(plain[filled[0]])
    task = _TASK_RE.match(plain[filled[1]])
    if number is None or task is None:
        return lines
    ref = number.group(1) or number.group(2)
    schedule = next((k for k in filled[2:] if _SCHEDULE_RE.match(plain[k])), None)
    if schedule is None:
        return lines
    fields = [k for k in filled if filled[1] < k < schedule]
    roles = [label_role(found[0]) for k in fields if (found := _label(plain[k])) is not None]
    if not any(role in (LEAD, LISTED) for role in roles) or len(roles) != len(fields):
        return lines
    report = next((k for k in filled if k > schedule and _REPORT_RE.match(plain[k])), len(lines))
    m = _SCHEDULE_RE.match(plain[schedule])
    assert m is not None
    first = (m.group(1) or m.group(2) or "").strip()
    quarters = [k for k in filled if schedule < k < report]
    if first:
        if not _QUARTER_RE.match(first):
            return lines
        quarters = [schedule, *quarters]
    if len(quarters) < 2 or not all(_QUARTER_RE.match(plain[k]) or k == schedule for k in quarters):
        return lines
    if any(line_marker(plain[k]) is not None for k in filled[1:] if k < report):
        return lines
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
