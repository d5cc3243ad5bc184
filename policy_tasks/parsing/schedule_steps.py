"""A schedule written as steps each opening with its own time: `第一季度…;第二季度…;第三季度…`.

A 实事 plan gives each project its schedule as a run of steps, a quarter (or a month) a step, after a
lead-in (`项目具体实施进度为:第一季度制定方案;第二季度按市商务委统一招投标备选厂家;第三季度…;第四季度…。`).
Each step is what must be done by its time, whatever its verb: the schedule says so, as a `4月:…`
entry's label does (`schedule_entries`). A step's verb is often none the commitment words know
(`招投标`, `备选`), so such a step, read only by its cue words, dated nothing.

A step opens its sentence (`;`- or `。`-separated), or follows the lead-in's colon, with a day,
month, quarter or half-year; two steps at least, one after another, their dates rising: a run of
such steps is a schedule. A single sentence opening with a time (`二季度按要求推进`) is no schedule and
still needs its cue word; nor are times out of order (`第四季度…;第一季度…`), which list, not schedule.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .textutil import split_top
from .time_phrase import PRECISE, TimePhrase

# What may stand before a step's time in its sentence: nothing, or the schedule's lead-in ending in
# a colon (`项目具体实施进度为:`), with no comma or other colon in it.
_LEAD_IN_RE = re.compile(r"^\s*(?:[^,:]{0,20}:)?\s*$")


def schedule_runs(norm: str, phrases: Sequence[TimePhrase]) -> list[list[TimePhrase]]:
    """Each schedule of `norm` (see the module): the time phrases opening its steps, in order."""
    precise = sorted((p for p in phrases if p.level == PRECISE and p.due is not None), key=lambda p: p.start)
    steps: list[TimePhrase | None] = []  # each sentence's opening time, or None
    for start, end in split_top(norm, "。;!?"):
        opening = next((p for p in precise if start <= p.start < end), None)
        if opening is not None and not _LEAD_IN_RE.match(norm[start : opening.start]):
            opening = None
        steps.append(opening)
    runs: list[list[TimePhrase]] = []
    run: list[TimePhrase] = []
    for step in [*steps, None]:
        if step is not None and run and run[-1].due is not None and step.due is not None and step.due > run[-1].due:
            run.append(step)
            continue
        if len(run) >= 2:
            runs.append(run)
        run = [step] if step is not None else []
    return runs


def step_phrases(norm: str, phrases: Sequence[TimePhrase]) -> set[int]:
    """The starts of the time phrases in `norm` that open the steps of a schedule."""
    return {p.start for run in schedule_runs(norm, phrases) for p in run}
