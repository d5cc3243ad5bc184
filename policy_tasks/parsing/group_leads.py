"""Projects in groups, each group closed by a line naming the lead of all of them: `上述项目由区商务委牵头负责。`

A 实事 plan (为民办实事项目) lists under a numbered section its projects as unnumbered paragraphs, each
with its own schedule (`改建标准化菜市场4家。项目具体实施进度为:第一季度…;第二季度…;第三季度…;第四季度…。`),
and after each group of projects a line whose subject is the projects above it and whose predicate
names who leads them (`上述项目由区商务委牵头负责。`); the next group follows with its own line
(`…由区体育局牵头负责。`). The section's first paragraph is its heading and often sums its projects up.

So, under a numbered item:
- each project paragraph is a clause of its own (`五-1`, `五-2`, …), its units those the group line after
  it names; its text is the paragraph and that line. The item's first line, unless it holds a schedule
  of its own, is its heading and no clause's text (`split_at_group_leads`);
- the paragraphs after a group line, up to the next group line, are still the item's: the item named its
  units, but the line closed a group, not the item (`held_lines`, for the outline).

A project ends with the sentence that ends its schedule: a copy broken at a page's width joins a paragraph
that ended at the margin to the next line, two projects on one line or a project and its group's line, and
reads the same. Read so only where every paragraph in a group gives a schedule of steps (`schedule_steps`),
each group has one at least, and two projects at least are read: a section's prose closed by `以上工作由A牵头,B配合。`
is one clause as it was (`work_sentences`). A group line no clause holds is marked on the review page
(`clause_doubts.unread_fields`): the paragraphs above it went unread.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

from .clause import Clause
from .deadlines import find_time_phrases
from .outline import line_marker
from .schedule_blocks import schedule_lines
from .schedule_steps import schedule_runs
from .textutil import normalise
from .unit_names import TRIM
from .work_sentences import work_assignments

_SUBJECTS = ("上述", "以上")


def is_group_lead(norm: str) -> bool:
    """`上述项目由区商务委牵头负责。`: a whole sentence that only assigns the items above it to units."""
    line = norm.strip().rstrip("。")
    if not line.startswith(_SUBJECTS) or "由" not in line or "。" in line or len(line) > 80:
        return False
    found = work_assignments(line)
    return bool(found) and found[0][3] == 0 and found[0][4] >= len(line.rstrip(TRIM))


def closing_lead(norm: str) -> int | None:
    """Where a line's closing group sentence starts: 0 when the line is nothing else, later when a copy that
    lost a line break ran it onto the project above it (`…验收使用。上述项目由区体育局牵头负责。`); None if none."""
    body = norm.rstrip().rstrip("。")
    start = body.rfind("。") + 1
    if not is_group_lead(body[start:]):
        return None
    return start if body[:start].strip() else 0


def _projects(norm: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """The projects of `norm[start:end]`, each up to the sentence that ends its schedule (a copy that lost a line
    break runs one onto the next); None unless the text is nothing but projects. The year is no matter: only the
    schedule's order is."""
    text = norm[start:end]
    if not text.strip():
        return []
    runs = schedule_runs(text, find_time_phrases(text, 2000))
    if not runs or line_marker(text.strip()) is not None:
        return None
    spans, begin = [], 0
    for run in runs:
        stop = text.find("。", run[-1].start)
        stop = len(text) if stop < 0 else stop + 1
        spans.append((start + begin, start + stop))
        begin = stop
    return None if text[begin:].strip(" 。\n") else spans


def held_lines(norms: list[str]) -> set[int]:
    """The numbers (1-based) of the lines after a group's line up to and including the next one, where the
    lines between are nothing but projects: a later group of the same item's projects; and a schedule's quarter
    lines under its label (`进度安排` / `第二季度:…`, `schedule_blocks`, round 132)."""
    held: set[int] = schedule_lines(norms)
    leads = [(i, at) for i, norm in enumerate(norms) if norm and (at := closing_lead(norm)) is not None]
    for (a, _), (b, at) in itertools.pairwise(leads):
        between = [_projects(norms[i], 0, len(norms[i])) for i in range(a + 1, b) if norms[i]]
        tail = _projects(norms[b], 0, at)
        if tail is not None and all(between) and (between or tail):
            held.update(range(a + 2, b + 2))
    return held


def split_at_group_leads(clause: Clause) -> list[Clause]:
    """The item's projects as clauses of their own, each with its group's line; or the clause as it is."""
    if "由" not in clause.text or not any(s in clause.text for s in _SUBJECTS):
        return [clause]
    norm = normalise(clause.text)
    bounds = [o for o, _ in clause.offsets] + [len(clause.text) + 1]
    pieces = [(line, start, bounds[i + 1] - 1) for i, (start, line) in enumerate(clause.offsets)]
    if len(pieces) < 2 or closing_lead(norm[pieces[-1][1] : pieces[-1][2]]) is None:
        return [clause]
    parts: list[Clause] = []
    group: list[tuple[int, int, int]] = []  # (line, start, end) of each project of the open group
    for k, (line, start, end) in enumerate(pieces):
        at = closing_lead(norm[start:end])
        projects = _projects(norm, start, end if at is None else start + at)
        if projects is None:
            if k == 0:
                continue  # the section's heading, summing its projects up
            return [clause]
        group += [(line, a, b) for a, b in projects]
        if at is None:
            continue
        if not group:
            return [clause]
        lead = clause.text[start + at : end].strip()
        for project_line, a, b in group:
            text = clause.text[a:b].strip()
            parts.append(
                replace(
                    clause,
                    text=f"{text}\n{lead}",
                    offsets=[(0, project_line), (len(text) + 1, line)],
                    label=f"{clause.label}-{len(parts) + 1}",
                )
            )
        group = []
    return parts if len(parts) >= 2 and not group else [clause]
