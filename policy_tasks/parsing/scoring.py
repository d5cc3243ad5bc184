"""How close the parser gets to a hand-checked annotation (tests/parsing/corpus/*/gold.json).

A gold clause is found by the start of its text (`start`, the first words after its number),
else by its reference among the parsed clauses no gold clause's start found. It is right when the parsed lead units and the parsed set of all units
both equal the annotation's. Parsed clauses that match no gold clause count against the
document too: a heading read as a clause is as wrong as a clause missed. A dated milestone is
right when the matched clause has a milestone with the same date (each parsed one used once).
That counts recall only; the other way, an *extra dated milestone* is a parsed milestone of a
matched clause with a date the text states (a time expression, not a recurring one) that matches
no gold milestone of the clause (each gold date used once): a clerk would get reminders for it.
Dates the parser gives without a time expression (the document's year-end default) are not
counted, as the gold by its rules leaves them out; nor is ongoing work (`持续推进`), whose date is
that same default (the gold marks the clause `ongoing` instead), nor a quantity due on that default
by a phrase naming the document's own year (`全年新增注册企业10000家`: the reminder is the default's).

A document is read as the import reads it, in the current year when it states none; where the
parser says it had to assume the year, the score uses the year a reviewer then enters (the
gold's), as the review page asks.

Leaders are scored apart from units (a clause's units can be right and its leaders wrong): right
when the clause's parsed persons are the gold's, each compared by the person (`leader_key`): the
post written beside a name (`孟学农省长`, `张盈军区政府党组成员`, `王平(县政协副主席)`) is no part
of who it is, and the gold writes it as the document does while the parser may keep the name alone.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TypedDict

from .clause_doubts import is_doubt, review_marked
from .document import parse_source
from .leader_headings import POST
from .result import ParsedDocument, ParsedTask, ParseError
from .sources import read_source
from .textutil import normalise
from .unit_names import unit_form


class GoldMilestone(TypedDict):
    date: str


class GoldClause(TypedDict, total=False):
    """One annotated clause of gold.json (the fields the score reads)."""

    ref: str
    start: str
    lead: list[str]
    co: list[str]
    leaders: list[str]
    milestones: list[GoldMilestone]
    recurring: list[dict[str, object]]


class Gold(TypedDict, total=False):
    id: str
    format: str
    province: str
    year: int
    clauses: list[GoldClause]


@dataclass
class DocumentScore:
    id: str
    format: str
    province: str
    clauses: int = 0
    clauses_right: int = 0
    extra: int = 0
    leaders: int = 0
    leaders_right: int = 0
    # Recurring duties the gold names (`每月10日前报送`: every month) and those read with that period.
    recurring: int = 0
    recurring_right: int = 0
    milestones: int = 0
    milestones_right: int = 0
    # Parsed milestones with a stated date that no gold milestone of their clause has.
    extra_milestones: int = 0
    refused: str = ""
    seconds: float = 0.0
    # The parse that was scored, for a caller that compares more of it than the score does (the source probes
    # compare a paged table's areas with the same table on one page, and need not parse the file again).
    parsed: ParsedDocument | None = field(default=None, repr=False, compare=False)
    wrong: list[str] = field(default_factory=list)
    extra_milestone_lines: list[str] = field(default_factory=list)
    leader_lines: list[str] = field(default_factory=list)
    recurring_lines: list[str] = field(default_factory=list)
    # The review page's signs of an unsure reading (clause_doubts) raised on the document.
    doubts: list[str] = field(default_factory=list)
    # Clauses found with the wrong units, and how many of them the review page marks 待核对 (a warning on the
    # clause or no lead unit, `clause_doubts.review_marked`), which the signs above do not count.
    units_wrong: int = 0
    units_wrong_marked: int = 0

    @property
    def clause_rate(self) -> float:
        total = self.clauses + self.extra
        return self.clauses_right / total if total else 1.0

    @property
    def milestone_rate(self) -> float:
        return self.milestones_right / self.milestones if self.milestones else 1.0


def _key(text: str) -> str:
    return "".join(normalise(text).split()).strip("。.;,:、")


# A post written before or after a person's name (`常务副县长`, `区政府党组成员`, `县委常委、`), as the
# parser's leader headings know it.
_POST_RE = re.compile(POST)


def leader_key(name: str) -> str:
    """Who a leader is: the name without its bracketed note and without a post before or after it."""
    key = re.sub(r"\([^()]*\)", "", _key(name))
    for _ in range(3):
        m = _POST_RE.search(key)
        if m is None or len(key) - len(m[0]) < 2 or m.start() not in (0, len(key) - len(m[0])):
            break
        key = key[: m.start()] + key[m.end() :]
    return key


def unit_key(name: str) -> str:
    form = unit_form(name)
    return _key(form.canonical if form else name)


def _find_by_start(gold: GoldClause, tasks: list[ParsedTask], used: set[int]) -> ParsedTask | None:
    start = _key(gold.get("start", ""))[:12]
    for i, task in enumerate(tasks):
        if i not in used and start and _key(task.text).startswith(start):
            used.add(i)
            return task
    for i, task in enumerate(tasks):
        if i not in used and start and start in _key(task.text)[:80]:
            used.add(i)
            return task
    return None


def _find_by_ref(gold: GoldClause, tasks: list[ParsedTask], used: set[int]) -> ParsedTask | None:
    ref = _key(str(gold.get("ref", "")))
    for i, task in enumerate(tasks):
        if i not in used and ref and _key(task.label or str(task.number)) == ref:
            used.add(i)
            return task
    return None


def _pair(clauses: list[GoldClause], tasks: list[ParsedTask], used: set[int]) -> list[ParsedTask | None]:
    """The parsed clause of each gold clause: by its opening words first, for every gold clause, and only then,
    for those still unpaired, by its reference among the parsed clauses left. A reference is the weaker key
    (a parse that lost one clause numbers the rest one lower): tried clause by clause, a gold clause whose
    words were not found took by its number the clause a later gold clause's words name, and every clause
    after one lost was paired with its neighbour's."""
    found = [_find_by_start(clause, tasks, used) for clause in clauses]
    return [task or _find_by_ref(clause, tasks, used) for clause, task in zip(clauses, found, strict=True)]


def score_document(parsed: ParsedDocument, gold: Gold) -> DocumentScore:
    result = DocumentScore(gold.get("id", ""), gold.get("format", ""), gold.get("province", ""))
    used: set[int] = set()
    marked = {id(parsed.tasks[i]) for i in review_marked(parsed)}
    for clause, task in zip(gold["clauses"], _pair(gold["clauses"], parsed.tasks, used), strict=True):
        result.clauses += 1
        ref = clause.get("ref", "?")
        gold_dates = [date.fromisoformat(m["date"]) for m in clause.get("milestones", [])]
        result.milestones += len(gold_dates)
        if task is None:
            result.wrong.append(f"{ref}: 未识别为条款")
            continue
        lead = {unit_key(n) for n in clause.get("lead", [])}
        every = lead | {unit_key(n) for n in clause.get("co", [])}
        got_lead = {unit_key(n) for n in task.lead_units}
        got_every = got_lead | {unit_key(n) for n in task.co_units}
        if got_lead == lead and got_every == every:
            result.clauses_right += 1
        else:
            result.units_wrong += 1
            result.units_wrong_marked += id(task) in marked
            result.wrong.append(
                f"{ref}: 牵头 {sorted(got_lead)} 应为 {sorted(lead)}; 全部 {sorted(got_every)} 应为 {sorted(every)}"
                + (" [复核页标待核对]" if id(task) in marked else "")
            )
        if clause.get("leaders") or task.leaders:
            result.leaders += 1
            got, want = {leader_key(n) for n in task.leaders}, {leader_key(n) for n in clause.get("leaders", [])}
            if got == want:
                result.leaders_right += 1
            else:
                result.leader_lines.append(
                    f"{ref}: 领导 {sorted(task.leaders)} 应为 {sorted(clause.get('leaders', []))}"
                )
        have = Counter(m.due_date for m in task.milestones if m.due_date)
        for d in gold_dates:
            if have[d] > 0:
                have[d] -= 1
                result.milestones_right += 1
            else:
                result.wrong.append(f"{ref}: 缺少 {d.isoformat()} 的里程碑")
        _count_extra_milestones(result, ref, task, gold_dates, parsed.default_due)
        _count_recurring(result, ref, task, clause)
    result.extra = len(parsed.tasks) - len(used)
    result.doubts = [w.message for w in parsed.warnings if is_doubt(w.message)]
    for i, task in enumerate(parsed.tasks):
        if i not in used:
            result.wrong.append(f"多出的条款 {task.label or task.number}: {task.title[:20]}")
    return result


# The gold's period (`"every": "month"`) as the parser names a milestone's recurrence; `half_year` is `每半年`
# (corpus README round 133), a period of its own as the parser reads it, not six months' interval.
_PERIODS = {
    "day": "daily",
    "week": "weekly",
    "month": "monthly",
    "quarter": "quarterly",
    "half_year": "half_yearly",
    "year": "yearly",
}


def _count_recurring(result: DocumentScore, ref: str, task: ParsedTask, clause: GoldClause) -> None:
    """Each recurring duty of the gold is right when the clause has a recurring milestone of its period."""
    have = Counter(m.recurrence for m in task.milestones if m.recurrence)
    for duty in clause.get("recurring", []):
        result.recurring += 1
        period = _PERIODS.get(str(duty.get("every", "")), "")
        if have[period] > 0:
            have[period] -= 1
            result.recurring_right += 1
        else:
            result.recurring_lines.append(
                f"{ref}: 缺少{period or duty.get('every')}的周期性里程碑 ({duty.get('text', '')})"
            )


def _count_extra_milestones(
    result: DocumentScore, ref: str, task: ParsedTask, gold_dates: list[date], default_due: date | None
) -> None:
    """Count the task's milestones with a stated date that no gold milestone of its clause has, each
    gold date used once: not recurring, not ongoing, nor a year's target on the document's default."""
    left = Counter(gold_dates)
    for m in task.milestones:
        if not m.due_date or m.time_expression is None or m.recurrence or m.kind == "ongoing":
            continue
        if m.kind == "target" and m.due_date == default_due:
            continue
        if left[m.due_date] > 0:
            left[m.due_date] -= 1
            continue
        result.extra_milestones += 1
        result.extra_milestone_lines.append(
            f"多出的里程碑 {ref}: {m.due_date.isoformat()} ({m.kind}, {m.time_expression}) {m.text[:30]}"
        )


def score_folder(folder: Path, *, current_year: int) -> DocumentScore:
    """`current_year` is the year the import assumes for a document that states none (the caller
    reads it from its clock, so tests can travel in time)."""
    gold: Gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    source = next(p for p in sorted(folder.iterdir()) if p.name.startswith("source."))
    return score_source(source.read_bytes(), source.name, gold, current_year=current_year, name=folder.name)


def score_source(data: bytes, filename: str, gold: Gold, *, current_year: int, name: str = "") -> DocumentScore:
    """score_folder for a file held in memory: the source probes score thousands of generated files,
    which written out and removed again cost more than their parse (the test machines' disks discard
    each freed block, some 6 ms a file). `name` stands for the folder's when the gold has no id."""
    import time

    # The parser's own work (CPU time), as the import's budget is stated: a wall clock would also
    # count whatever else the machine runs meanwhile (four test workers on two cores).
    started = time.process_time()
    try:
        # As the import reads it: a document that states no year is read in the current one.
        read = read_source(data, filename)
        parsed = parse_source(read, assume_year=current_year)
    except ParseError as exc:
        refused = DocumentScore(gold.get("id", name), gold.get("format", ""), gold.get("province", ""))
        refused.refused = str(exc)
        refused.clauses = len(gold["clauses"])
        refused.milestones = sum(len(c.get("milestones", [])) for c in gold["clauses"])
        return refused
    if parsed.year_assumed and gold.get("year") and gold["year"] != parsed.year:
        # The review page says the year was assumed and asks for it; scored as the reviewer
        # answers. A wrong year the parser did not flag is never corrected here. The file read
        # once is parsed again (parse_bytes is read_source, then parse_source).
        parsed = parse_source(read, year=gold["year"])
    score = score_document(parsed, gold)
    score.id = score.id or name
    score.seconds = time.process_time() - started
    score.parsed = parsed
    return score


def provinces(scores: list[DocumentScore]) -> set[str]:
    """The provinces the scored documents come from (`全国` for national ones); a page that names
    none counts as none."""
    return {s.province for s in scores if s.province}


def corpus_folders(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if (p / "gold.json").exists())
