"""Dates listed after 分别: one deadline each for the reports or steps the sentence names.

A schedule may give one verb several dates in a row after 分别 (respectively): `分别于6月底和7月底报送阶段性报告`,
`分别在2016年6月10日、8月10日前将A和B报…` (README round 77: each is a milestone of its own). The milestone reader
dates a part by one phrase, so the list's other dates are added here, each from its own date to the part's end.
A list of recurring days (`分别在每月10日、20日前`) is one recurring report, read as it is.

A recurring report whose bracket writes its days out (`各部门各单位要在每季度末(分别在6月、9月和12月底),将…报区督查组`,
三水 2007) is both: the duty recurs, and each day the bracket names is a date a supervisor tracks. The milestone reader
dates the part by the bracket's first day; the recurring duty is added here as well, its occurrences the days written
(the notice may come after the year's first ones), as a recurring milestone (round 120).

Without 分别, three days or more in a row before one 前 (`各季度及全年完成情况4月8日、7月8日、10月8日及12月8日前…报送`,
round 128) are the days of as many reports, each a milestone of its own as after 分别 (`listed_days`). Two days
(`6月8日和7月8日前`) may be a span's ends or a choice: left as the reader dates them.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lazy_patterns import lazy_compile
from .result import ParsedMilestone
from .time_phrase import PRECISE, TimePhrase

_RESPECTIVELY_RE = lazy_compile(r"分别(?:在|于|到)?")
_JOINER_RE = lazy_compile(r"^(?:、|和|及|与)$")
_PART_END_RE = lazy_compile(r"[,。;\n]")
_DAY_RE = lazy_compile(r"[日号]", needs="日|号")
_LISTED_DAYS = 3


def respective_dates(
    text: str, norm: str, phrases: Sequence[TimePhrase], found: Sequence[ParsedMilestone]
) -> list[ParsedMilestone]:
    """The milestones of a `分别…A、B` date list's dates that `found` lacks."""
    added: list[ParsedMilestone] = []
    ordered = sorted(phrases, key=lambda p: p.start)
    for m in _RESPECTIVELY_RE.finditer(norm):
        listed = [p for p in ordered if p.start == m.end()]
        while listed:
            after = next((p for p in ordered if p.start > listed[-1].end), None)
            if after is None or not _JOINER_RE.match(norm[listed[-1].end : after.start]):
                break
            listed.append(after)
        if len(listed) < 2 or any(p.level != PRECISE or p.recurrence for p in listed):
            continue
        stop = _PART_END_RE.search(norm, listed[-1].end)
        end = stop.start() if stop else len(norm)
        added += _written_duty(text, norm, ordered, m.start(), end, listed, [*found, *added])
        dates = {x.due_date for x in [*found, *added] if not x.recurrence}
        for p in listed:
            if p.due not in dates:
                added.append(ParsedMilestone(text[p.start : end], p.start, end, p.due, "deadline", p.text))
                dates.add(p.due)
    return added


def _written_duty(
    text: str,
    norm: str,
    ordered: Sequence[TimePhrase],
    at: int,
    end: int,
    listed: Sequence[TimePhrase],
    found: Sequence[ParsedMilestone],
) -> list[ParsedMilestone]:
    """The recurring duty right before a bracket `(分别…)` at `at` whose dates are its occurrences, as a milestone, unless
    `found` has it."""
    if norm[at - 1 : at] != "(":
        return []
    duty = next((p for p in ordered if p.recurrence and p.end == at - 1), None)
    if duty is None or not {p.due for p in listed} <= set(duty.occurrences):
        return []
    if any(m.recurrence == duty.recurrence and m.start <= duty.start < m.end for m in found):
        return []
    days = [p.due for p in listed if p.due is not None]
    milestone = ParsedMilestone(text[duty.start : end], duty.start, end, days[0], "deadline", duty.text)
    milestone.recurrence, milestone.occurrences = duty.recurrence, days
    return [milestone]


def listed_days(
    text: str, norm: str, phrases: Sequence[TimePhrase], found: Sequence[ParsedMilestone]
) -> list[ParsedMilestone]:
    """The milestones of a run of three days or more closed by one 前 (`4月8日、7月8日、10月8日及12月8日前`) that
    `found` lacks, each from its own day to the part's end."""
    ordered = [p for p in sorted(phrases, key=lambda p: p.start) if p.level == PRECISE and not p.recurrence]
    added: list[ParsedMilestone] = []
    run: list[TimePhrase] = []
    for p in [*ordered, None]:
        if p is not None and run and _JOINER_RE.match(norm[run[-1].end : p.start]) and _DAY_RE.search(p.text):
            run.append(p)
            continue
        if len(run) >= _LISTED_DAYS and (run[-1].text.endswith("前") or norm.startswith("前", run[-1].end)):
            stop = _PART_END_RE.search(norm, run[-1].end)
            end = stop.start() if stop else len(norm)
            dates = {x.due_date for x in [*found, *added]}
            for q in run:
                if q.due not in dates:
                    added.append(ParsedMilestone(text[q.start : end], q.start, end, q.due, "deadline", q.text))
                    dates.add(q.due)
        run = [p] if p is not None and _DAY_RE.search(p.text) else []
    return added
