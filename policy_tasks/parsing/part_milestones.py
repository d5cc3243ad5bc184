"""The milestone one part of a sentence makes, if any (`milestones` cuts the sentence into parts).

A quantity with its own time phrase is a commitment even without a cue word; a bare 年度/每年 only
dates what a cue word commits to; a recurring phrase is an obligation by itself; a relative or
ongoing phrase is one of its kind; an unreadable phrase gives a deadline without a date.
"""

from __future__ import annotations

import re
from datetime import date

from .result import ParsedMilestone
from .time_phrase import (
    DATED,
    ONGOING,
    PLAN,
    PRECISE,
    RECURRING,
    RELATIVE,
    UNREADABLE,
    WEAK_YEAR,
    TimePhrase,
)


def part_milestone(
    text: str,
    start: int,
    end: int,
    own: list[TimePhrase],
    time: TimePhrase | None,
    qty: re.Match[str] | None,
    own_cue: bool,
    any_cue: bool,
) -> tuple[ParsedMilestone | None, TimePhrase | None]:
    """The part's milestone, if it is one, and the time phrase that dates it."""
    own_levels = {p.level for p in own}
    unreadable = next((p for p in own if p.level == UNREADABLE), None)
    value = float(qty["v"]) if qty else None
    unit = text[qty.start("u") : qty.end("u")] if qty else None

    def make(
        kind: str, phrase: TimePhrase | None, due: date | None = None
    ) -> tuple[ParsedMilestone, TimePhrase | None]:
        due = phrase.due if phrase is not None and phrase.level in DATED else due
        expression = phrase.text if phrase is not None else None
        milestone = ParsedMilestone(text[start:end], start, end, due, kind, expression, value, unit)
        if phrase is not None and phrase.recurrence:
            milestone.recurrence, milestone.occurrences = phrase.recurrence, list(phrase.occurrences)
        return milestone, phrase

    own_time = time if time in own else None
    if own_time is not None:
        # A quantity with its own time phrase is a commitment even without a cue
        # word; a bare 年度/每年 only dates what a cue word commits to; a
        # recurring phrase (`每月10日前报送`) is an obligation by itself.
        dates_a_task = own_time.level != WEAK_YEAR
        if (qty and (any_cue or dates_a_task)) or (own_cue and dates_a_task) or own_time.level == RECURRING:
            return make(_kind(own_time, qty is not None), own_time)
    for level in (RELATIVE, ONGOING):
        if level in own_levels and not own_time:
            return make(level, next(p for p in own if p.level == level))
    if unreadable and (qty or own_cue):
        return make("deadline", unreadable)
    if qty and any_cue:
        return make(_kind(time, True), time)
    return None, None


def _kind(time: TimePhrase | None, has_quantity: bool) -> str:
    if time is not None and time.level in (PRECISE, PLAN, RECURRING):
        return "deadline"
    return "target" if has_quantity else "deadline"
