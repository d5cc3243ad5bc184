"""The deadline a `完成时限:…` field (or a table's time cell) states: the clause's own
deadline, one per dated step where the field names several, and the date it sets for the
clause's undated commitments. Also the warnings shared with milestones.py."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from .deadlines import find_time_phrases, read_time_phrase
from .lazy_patterns import lazy_compile
from .month_before import month_before, month_before_message
from .result import ParsedMilestone, ParseWarning
from .textutil import normalise, split_top, strip_span
from .time_phrase import DATED, ONGOING, RELATIVE, UNREADABLE, TimePhrase

Warn = Callable[[int, str], None]

_BARE_YEARS = re.compile(r"^\s*(?:(?:19|20)\d{2}\s*[-—~至到]\s*)?(?P<last>(?:19|20)\d{2})\s*年?\s*$")
PART_TRIM = " \n、,:"


def unreadable_message(phrase: str) -> str:
    return f"无法识别的时间表述「{phrase}」，未设定期限 (unreadable time phrase, no due date set)"


def phrase_message(phrase: TimePhrase) -> str | None:
    """The check a phrase asks of the reviewer: unreadable, or `X月前` read as its month's end."""
    if phrase.level == UNREADABLE:
        return unreadable_message(phrase.text)
    return month_before_message(phrase.text) if month_before(phrase) else None


def year_message(where: str, phrase: str, named: int, year: int) -> str:
    """The warning for a phrase that states another year than the document's."""
    return (
        f"{where or '文中'}提到{named}年（「{phrase}」），与文件年度{year}不同，请核对"
        f" (names {named}, not the document's year {year}: please check)"
    )


_YEAR_MESSAGE_RE = lazy_compile(r"^(?P<where>.+?)提到(?P<named>\d{4})年（「.*?」），与文件年度(?P<year>\d{4})不同")
# Clauses naming one other year from which a document whose year was inferred gets one warning for them all.
_MANY = 3


def gather_year_warnings(warnings: list[ParseWarning], year: int) -> list[ParseWarning]:
    """A document that states no year (read in one inferred, or entered by a reviewer), with many
    clauses naming one other year (a plan period's `2010年` on every row of a 2006 分解): the year
    the document is read in is the thing to check; one warning for the document says so, in place of
    one on each clause. A year stated in the document keeps the warning on each clause that names
    another (the caller decides)."""
    named: dict[int, list[ParseWarning]] = {}
    for w in warnings:
        if w.task is not None and (m := _YEAR_MESSAGE_RE.search(w.message)) and int(m["year"]) == year:
            named.setdefault(int(m["named"]), []).append(w)
    many = {other: ws for other, ws in named.items() if len({w.task for w in ws}) >= _MANY}
    if not many:
        return warnings
    other_of = {id(w): other for other, ws in many.items() for w in ws}
    out: list[ParseWarning] = []
    for w in warnings:
        if id(w) not in other_of:
            out.append(w)
            continue
        ws = many.pop(other_of[id(w)], None)
        if ws is None:
            continue  # gathered into the warning at its first
        other = other_of[id(w)]
        wheres = list(dict.fromkeys(m["where"] for x in ws if (m := _YEAR_MESSAGE_RE.search(x.message))))
        n = len({x.task for x in ws})
        message = (
            f"文件未写明成文日期、文号年份或标题年度，按{year}年读取；{wheres[0]}至{wheres[-1]}共{n}条提到{other}年，请核对文件年度"
            f" (no year in the header, read in {year}; {n} clauses name {other}: please check the year)"
        )
        out.append(ParseWarning(None, w.line, message))
    return out


def due_field_milestone(
    text: str,
    field: tuple[int, int, int, int],
    *,
    year: int,
    warn: Warn,
    default_due: date | None = None,
    where: str = "",
) -> ParsedMilestone | None:
    """The milestone stated by a `完成时限:…` field (or cell): the clause's own deadline.

    `持续推进` / `长期` / `常态化` are "ongoing", due on `default_due` (the
    document's, else 31 December of its year); `每季度` / `每月10日前` are recurring
    deadlines; a date in another year is kept, with a warning.
    """
    start, end, value_start, value_end = field
    value = text[value_start:value_end]
    phrase = read_time_phrase(value, year)
    if (phrase is None or phrase.level == UNREADABLE) and (bare := _BARE_YEARS.match(normalise(value))):
        # A table's 建设时间 / 起止年限 cell (`2024`, `2022-2023`): the work is due when its last year ends.
        last_year = read_time_phrase(f"{bare['last']}年", year)  # a 19xx/20xx year always reads
        if last_year is not None:
            phrase = replace(last_year, start=0, end=len(value), text=value.strip())
    if phrase is None:
        return None
    if (message := phrase_message(phrase)) is not None:
        warn(value_start, message)
    if phrase.level != UNREADABLE and phrase.stated_year is not None and phrase.stated_year != year:
        warn(value_start + phrase.start, year_message(where, phrase.text, phrase.stated_year, year))
    kind = phrase.level if phrase.level in (RELATIVE, ONGOING) else "deadline"
    due = phrase.due
    if kind == ONGOING:
        due = default_due or date(year, 12, 31)
    milestone = ParsedMilestone(text[start:end], start, end, due, kind, phrase.text)
    if phrase.recurrence:
        milestone.recurrence, milestone.occurrences = phrase.recurrence, list(phrase.occurrences)
    return milestone


def due_field_milestones(
    text: str,
    field: tuple[int, int, int, int],
    *,
    year: int,
    warn: Warn,
    default_due: date | None = None,
    where: str = "",
) -> list[ParsedMilestone]:
    """The milestones of a `完成时限:…` field: one per dated step where it names several
    (`5月底前动工、12月底前`, `1月底前完成…;其它事项12月底前…`), else the field's one."""
    start, end, value_start, value_end = field
    norm = normalise(text)
    steps = []
    parts = split_top(norm, "、,;。", value_start, value_end)
    for s, e in [piece for part in parts for piece in numbered_steps(norm, *part)]:
        s, e = strip_span(norm, s, e, PART_TRIM + "。;")
        phrases = [p for p in find_time_phrases(norm[s:e], year) if p.level in DATED and p.due is not None]
        if s < e and (phrases or _BARE_YEARS.match(norm[s:e])):
            steps.append((s, e))
    if len(steps) == 1:
        # Cells of several columns under one 完成时限 (`2022、1800、建成`): the dated one is the deadline.
        field = (start, end, *steps[0])
    if len(steps) < 2:
        found = due_field_milestone(text, field, year=year, warn=warn, default_due=default_due, where=where)
        return [found] if found is not None else []
    # Each step is a field of its own: `(start, end, start, end)` keeps its text as the milestone's;
    # a step opened by its date (`①3月底前,召开…会议,明确2023年…目标。`) is the whole sentence.
    each = (
        due_field_milestone(text, step, year=year, warn=warn, default_due=default_due, where=where)
        for step in _opened_steps(norm, steps, value_start, value_end)
    )
    return [m for m in each if m is not None]


# A step's list number after a space (`1.2021年8月 2.2021年12月`): `2.`, `2、`, `(2)`, `②`.
_STEP_NUMBER = lazy_compile(r"\s+(?:(?P<n>\d{1,2})[.、]|\((?P<p>\d{1,2})\)|(?P<c>[①-⑳]))")


def numbered_steps(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """A time cell listing its dated steps a line each, numbered (`1.2021年8月` / `2.2021年12月`;
    a reader gives the cell's lines as spaces): one step a number, each its own milestone. Only a
    list that opens with its first number and counts on (1, 2, 3) is cut, so a space inside one
    step's words cuts nothing."""
    first = _STEP_NUMBER.match(" " + norm[start:end].lstrip())
    if first is None or _step_number(first) != 1:
        return [(start, end)]
    cuts, expected = [], 2
    for m in _STEP_NUMBER.finditer(norm, start, end):
        if m.start() > start and _step_number(m) == expected:
            cuts.append(m.start())
            expected += 1
    bounds = [start, *cuts, end]
    return list(itertools.pairwise(bounds))


def _step_number(m: re.Match[str]) -> int:
    if m["c"]:
        return ord(m["c"]) - 0x2460 + 1
    return int(m["n"] or m["p"])


# A schedule's step opened by its date, its number first (`①2月上旬前`, `(2)到6月底`, `3.年底前`).
_OPENING_STEP = lazy_compile(r"^(?:[①-⑳]|\(\d{1,2}\)|\d{1,2}[.、])?\s*(?:到|于|在|至)?\s*(?P<t>.+?)$")


def _opened_steps(
    norm: str, steps: list[tuple[int, int]], value_start: int, value_end: int
) -> list[tuple[int, int, int, int]]:
    """(text start, text end, date start, date end) of each step. A step that is nothing but its
    date standing before a comma (`①2月上旬前,完成设计招标。②3月底前,…`) dates what follows it to
    its sentence's end: that is the step's text, and a year inside it (`明确2023年金融指标增长目标`)
    names what is done, not another step."""
    sentences = list(split_top(norm, "。;", value_start, value_end))
    out: list[tuple[int, int, int, int]] = []
    covered = 0
    for s, e in steps:
        if s < covered:
            continue
        opening = _OPENING_STEP.match(norm[s:e])
        phrases = find_time_phrases(opening["t"], 2000) if opening else []
        sentence_end = next((se for ss, se in sentences if ss <= s < se), e)
        if (
            opening is not None
            and len(phrases) == 1
            and normalise(phrases[0].text).strip() == opening["t"].strip()
            and re.search(r"[底末]|前$", opening["t"])
            and norm[e : e + 1] == ","
        ):
            end_ = strip_span(norm, s, sentence_end, PART_TRIM + "。;")[1]
            out.append((s, end_, s, e))
            covered = end_
        else:
            out.append((s, e, s, e))
    return out


def clause_due(fixed: list[ParsedMilestone], default: date | None) -> date | None:
    """The date a clause's 完成时限 sets for its undated commitments.

    Only a one-off deadline does: a recurring field (`每季度`) dates reports,
    not the clause's targets, and ongoing work runs to the document's default.
    """
    # With several dated steps (`5月底前动工、12月底前`) the clause's work is due at the last.
    dates = [m.due_date for m in fixed if m.due_date and m.kind == "deadline" and not m.recurrence]
    return max(dates) if dates else default
