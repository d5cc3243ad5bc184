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

Read so only where every paragraph in a group gives a schedule of steps (`schedule_steps`), each group
has one at least, and two projects at least are read: a section's prose closed by `以上工作由A牵头,B配合。`
is one clause as it was (`work_sentences`). A group line no clause holds is marked on the review page
(`clause_doubts.unread_fields`): the paragraphs above it went unread.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

from .clause import Clause
from .deadlines import find_time_phrases
from .outline import line_marker
from .schedule_steps import holds_schedule
from .textutil import normalise
from .unit_names import TRIM
from .work_sentences import work_assignments

_SUBJECTS = ("上述", "以上")


def is_group_lead(norm: str) -> bool:
    """`上述项目由区商务委牵头负责。`: a whole line that only assigns the items above it to units."""
    line = norm.strip().rstrip("。")
    if not line.startswith(_SUBJECTS) or "由" not in line or len(line) > 80:
        return False
    found = work_assignments(line)
    return bool(found) and found[0][3] == 0 and found[0][4] >= len(line.rstrip(TRIM))


def _project(norm: str) -> bool:
    """An unnumbered paragraph that gives its own schedule of steps (the year is no matter: only their order)."""
    return line_marker(norm) is None and holds_schedule(norm, find_time_phrases(norm, 2000))


def held_lines(norms: list[str]) -> set[int]:
    """The numbers (1-based) of the lines after a group line up to and including the next one, where
    every line between is a project paragraph: a later group of the same item's projects."""
    held: set[int] = set()
    leads = [i for i, norm in enumerate(norms) if norm and is_group_lead(norm)]
    for a, b in itertools.pairwise(leads):
        between = [i for i in range(a + 1, b) if norms[i]]
        if between and all(_project(norms[i]) for i in between):
            held.update(range(a + 2, b + 2))
    return held


def split_at_group_leads(clause: Clause) -> list[Clause]:
    """The item's projects as clauses of their own, each with its group's line; or the clause as it is."""
    if "由" not in clause.text or not any(s in clause.text for s in _SUBJECTS):
        return [clause]
    bounds = [o for o, _ in clause.offsets] + [len(clause.text) + 1]
    pieces = [(line, clause.text[start : bounds[i + 1] - 1].strip()) for i, (start, line) in enumerate(clause.offsets)]
    if len(pieces) < 3 or not is_group_lead(normalise(pieces[-1][1])):
        return [clause]
    first = pieces[0]
    body = pieces if _project(normalise(first[1])) else pieces[1:]
    parts: list[Clause] = []
    group: list[tuple[int, str]] = []
    for line, text in body:
        norm = normalise(text)
        if is_group_lead(norm):
            if not group:
                return [clause]
            for at, paragraph in group:
                parts.append(
                    replace(
                        clause,
                        text=f"{paragraph}\n{text}",
                        offsets=[(0, at), (len(paragraph) + 1, line)],
                        label=f"{clause.label}-{len(parts) + 1}",
                    )
                )
            group = []
        elif text and _project(norm):
            group.append((line, text))
        elif text:
            return [clause]
    return parts if len(parts) >= 2 else [clause]
