"""A sentence cut into commitment-sized parts, for the milestone reader (`milestones`).

Parts end at commas and colons outside brackets; inside a part a 、 starts a new part only when both
sides state a time or a quantity (`10月底前开工、全年完成投资2000万元`), so noun lists stay whole.

A step's deadline may carry, in a bracket after it, a later deadline of its own for part of the work
(`于9月底连同相关佐证材料(10月份的佐证材料可在10月20日前报送市林长办)一并报市林长办`): offices write an
allowance or a second batch so, its date written `X月X日前` and its act after it. The bracket's words
from that date on are a part of their own, read after the step's part, which keeps the step's date (the
first date of the part, written before the bracket). Not a bracket without a date before its act
(`(详见附件1)`), a date alone (`(10月20日前)`: the step's own deadline, read with it), a date that is not
a deadline (`(2023年10月20日印发)`), nor a bracket in a part no date dated before it: there the
bracket's date is the part's own and already read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .due_fields import PART_TRIM
from .respective_figures import continues_figures
from .text_marks import Marks
from .textutil import split_top, strip_span
from .time_phrase import PRECISE

_ASIDE_RE = re.compile(r"\(([^()]{4,80})\)")
_BY_DATE_RE = re.compile(r"(?:前|以前|之前)$")
# The act after the date: a verb of handing in or finishing, as the genre's schedules write them.
_ACT_RE = re.compile(r"[^,;。()]{0,4}?(?:报送|上报|报|提交|报备|完成|补报|补交|送)")


def sentence_parts(norm: str, start: int, end: int, marks: Marks, cue: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """The parts of `norm[start:end]`, each followed by its bracketed later deadline if it has one."""
    for part in _parts(norm, start, end, marks, cue):
        yield part
        if (aside := _dated_aside(norm, *part, marks)) is not None:
            yield aside


def _dated_aside(norm: str, start: int, end: int, marks: Marks) -> tuple[int, int] | None:
    """The bracket's own deadline and act, in a part a precise date before the bracket dates."""
    if "(" not in norm[start:end]:
        return None
    for m in _ASIDE_RE.finditer(norm, start, end):
        if not any(p.level == PRECISE and p.end <= m.start() for p in marks.phrases_in(start, m.start())):
            continue
        for p in marks.phrases_in(m.start(1), m.end(1)):
            if p.level == PRECISE and _BY_DATE_RE.search(p.text) and _ACT_RE.match(norm, p.end, m.end(1)):
                return strip_span(norm, p.start, m.end(1), PART_TRIM)
    return None


def _commits(norm: str, part: tuple[int, int], before: list[tuple[int, int]], cue: re.Pattern[str]) -> bool:
    """A part that names a commitment (`cue`) after words of its group that name one too."""
    return bool(cue.search(norm, *part)) and any(cue.search(norm, *p) for p in before)


def _parts(norm: str, start: int, end: int, marks: Marks, cue: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    for comma_start, comma_end in _joined_clocks(norm, split_top(norm, ",:", start, end), marks):
        group_start, group_time, group_qty = comma_start, False, False
        group: list[tuple[int, int]] = []  # the group's parts so far
        for s, e in split_top(norm, "、", comma_start, comma_end):
            time = bool(marks.phrases_in(s, e))
            qty = bool(marks.quantities_in(s, e))
            # A quantity closes its part (`达到80%以上、…保持在90%以上`); after a
            # time phrase only a new time or a new commitment does, so that
            # `年内完成A、B、C等3个项目` stays whole; a new commitment without a time
            # only where the words so far commit to something of their own: in
            # `全年在省、市、县等媒体完成上稿3篇` the 、 list places, and the year is the
            # commitment's after them. The commitment cues are looked for only where they
            # decide (every part was searched: 14,000 searches in a 300-row task list).
            if (
                s > group_start
                and (group_qty or (group_time and (time or (qty and _commits(norm, (s, e), group, cue)))))
                and not continues_figures(norm, group_start, s, e, marks)  # `分别减少9.2%、10.7%`
            ):
                yield strip_span(norm, group_start, s - 1, PART_TRIM)
                group_start, group_time, group_qty, group = s, False, False, []
            group_time, group_qty = group_time or time, group_qty or qty
            group.append((s, e))
        span = strip_span(norm, group_start, comma_end, PART_TRIM)
        if span[0] < span[1]:
            yield span


def _joined_clocks(norm: str, spans: list[tuple[int, int]], marks: Marks) -> list[tuple[int, int]]:
    """`6月20日18:00前报送`: the colon of an hour inside a day's phrase cuts no part (round 124)."""
    if len(spans) < 2 or not marks.phrases:
        return spans
    joined = [spans[0]]
    for s, e in spans[1:]:
        cut = s - 1
        if norm[cut] == ":" and any(p.start < cut < p.end for p in marks.phrases_in(joined[-1][0], cut)):
            joined[-1] = (joined[-1][0], e)
        else:
            joined.append((s, e))
    return joined
