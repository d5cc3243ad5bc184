"""A clause's milestones: its deadline fields', its text's, and those read from the document's date.

The deadline fields (`完成时限:6月底`, a table's 完成时限 column, a row's 整改时限 stated above its
measures) date the clause's undated commitments; the text's commitments are read with the
responsibility, a progress report (`推进情况:…`), a 督办 list's project counts and a done task's
fault masked, as none of them is anything due. A field restating the day of a dated commitment of
the text is that commitment's deadline written again: one commitment, one milestone, the text's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from .charged_projects import charged_project_spans
from .due_fields import clause_due, due_field_milestones
from .issue_counts import issue_dated
from .milestones import find_milestones
from .plan_targets import plan_target_spans
from .progress_lists import progress_spans
from .quoted_slogans import slogan_spans
from .relative_periods import relative_milestones
from .responsibility import Responsibility
from .restated_deadlines import unrestated_fields
from .result import ParsedMilestone
from .supervising_offices import supervision_spans
from .textutil import normalise


def clause_milestones(
    text: str,
    own: Responsibility,
    *,
    year: int,
    due: date,
    warn: Callable[[int, str], None],
    where: str,
    field_above: str | None = None,
    done: bool = False,
    dated: date | None = None,
) -> list[ParsedMilestone]:
    """`own`: the responsibility read in `text` itself; `field_above`: a deadline field stated above
    the clause's measures that governs it (`整改时限:…` of a row); `done`: the task is a done record;
    `dated`: the document's date (`本周完成`, `本月底前`)."""
    fixed = [
        m
        for f in own.due_fields
        for m in due_field_milestones(text, f, year=year, warn=warn, default_due=due, where=where)
    ]
    if not own.due_fields and field_above:
        # The row's 整改时限 above its measures dates each of them; it is no part of the
        # measure's text, so its span is empty (nothing to highlight there).
        colon = normalise(field_above).index(":")
        span = (0, len(field_above), colon + 1, len(field_above))
        each = due_field_milestones(field_above, span, year=year, warn=warn, default_due=due, where=where)
        fixed += [replace(m, start=0, end=0) for m in each]
    milestones = find_milestones(
        text,
        year=year,
        default_due=clause_due(fixed, due),
        warn=warn,
        # `推进情况:1.…`: what was done, nothing due; a done task's fault (`done_record`) neither
        # `A负责的B和C2个项目`: the projects a 督办 list names and counts, nothing due (`charged_projects`)
        masked=[
            *own.spans,
            *progress_spans(text),
            *charged_project_spans(text),
            *plan_target_spans(text),  # `到2027年,全市工业、农业、建筑…等领域…`: the plan's, under an action
            *slogan_spans(text),  # `“年初公布、年中检查、年底兑现”的原则`: a system's name (`quoted_slogans`)
            *supervision_spans(text),  # `市政府办公室将…建立“逐月盘点、按季通报”的督导机制` (`supervising_offices`)
            *([(0, len(text))] if done else []),
        ],
        where=where,
    )
    milestones += relative_milestones(text, dated, own.spans)
    milestones = issue_dated(text, milestones, dated)  # `本工作要点印发后30日内` (`issue_counts`, round 189)
    # `6月底前完成…` in the text and `完成时限:6月底` in its bracket: one commitment, one milestone (the text's).
    return sorted(milestones + unrestated_fields(fixed, milestones), key=lambda m: m.start)
