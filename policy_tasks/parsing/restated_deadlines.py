"""A deadline field that restates the day of a dated commitment in its clause's own text.

Offices close an item with its deadline field (`(责任单位:A;完成时限:6月底)`, a `时限要求:` label line,
a 完成时限 column's cell) even where the item's words already date the work
(`6月底前完成…编制工作`). The field is then the same commitment's deadline restated, not a second
commitment: a clerk wants one milestone and one set of reminders for it. So a field (or one dated step
of it) whose day a dated commitment of the text falls on adds no milestone; the text's milestone, with
its words, stays. A bare `今年…` / `年内…` the text states (the year's focus, `今年重点针对…`) beside a
field naming the year's end is the same deadline too; with no field, it stays as read.

Not restated:
- a field on another day than every dated commitment of the text (both stay);
- a field step with words of its own (`计划10月底完成新增墓地建设`): a commitment, not a bare date;
- two commitments of the text on one day (`3月底前新建成2家`, `3月底前新增100个以上托位`): the text's
  milestones are never dropped here;
- a text milestone the field itself dates (a quantity with no time phrase of its own), ongoing work
  (`持续推进`) and recurring duties (`每月10日前`): none is a dated commitment of the text.
"""

from __future__ import annotations

import re

from .result import ParsedMilestone
from .textutil import normalise

# What a bare deadline says besides its time: its label (`完成时限:`), a step's number (`1.`, `①`),
# and the words that only mark a deadline (`前`, `底`, `完成`, `计划`, `以前`).
_LABEL = re.compile(r"^[^:]{1,8}:")
_BARE_REST = re.compile(r"^(?:[\s\d.、,;。()①-⑳]|前|底|末|止|内|之前|以前|完成|计划|左右|截至|到|至|于|在)*$")


def _dated_commitment(m: ParsedMilestone) -> bool:
    """A milestone of the text whose own time phrase dates it (not ongoing, not recurring)."""
    return (
        m.due_date is not None
        and m.time_expression is not None
        and not m.recurrence
        and m.kind in ("deadline", "target")
    )


def _bare(field: ParsedMilestone) -> bool:
    """The field (or step) states its date and nothing else: no words of a commitment of its own."""
    rest = _LABEL.sub("", normalise(field.text).strip(), count=1)
    if field.time_expression:
        rest = rest.replace(normalise(field.time_expression), "", 1)
    return bool(_BARE_REST.match(rest))


def unrestated_fields(fields: list[ParsedMilestone], text_found: list[ParsedMilestone]) -> list[ParsedMilestone]:
    """The deadline field's milestones less those restating a dated commitment of the clause's text."""
    days = {m.due_date for m in text_found if _dated_commitment(m)}
    return [f for f in fields if not (f.kind == "deadline" and not f.recurrence and f.due_date in days and _bare(f))]
