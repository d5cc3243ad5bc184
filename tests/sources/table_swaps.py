"""The corpus's prose documents set as the task table (分工表, 任务清单) offices send the same plan as.

A 分工方案 arrives as prose (`1.任务……(责任单位:A、B)`) or as a table with one row a clause:
序号 / 重点任务 / 牵头单位 / 配合单位 (/ 责任领导), the task's text in its cell with the dates it
names, the preamble (title, 文号, date) above the table. The gold says who leads and who helps each
clause, so a table built from it has the same answer: only the reading of its columns differs.

A clause's text is its line from the words the gold starts it with, its responsibility bracket
taken out: a document is left out when a clause cannot be found so (its text over several
paragraphs, its units not in a labelled bracket on its line, a bracket left with words in it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policy_tasks.parsing.scoring import GoldClause, unit_key
from tests.parsing.convention_swaps import _close, _labelled_brackets, _top_level_split

# What in a clause's remaining text still says who is responsible: such a document is left out,
# since its table would hold the units twice.
_STILL_RESPONSIBLE = re.compile(r"牵头|配合|负责|责任单位|协办|主办|下同|不再")
_TRAILING = "。；;，, \u3000"
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+\s*[.．、]?)")
_LEVELS = [
    re.compile(r"^[一二三四五六七八九十]+、"),
    re.compile(r"^[(（][一二三四五六七八九十]+[)）]"),
    re.compile(r"^\d+\s*[.．、]"),
    re.compile(r"^[(（]\d+[)）]"),
]
_TIME = re.compile(r"\d{1,2}\s*月|\d{4}\s*年|季度|年底|年内|上半年|下半年|持续|长期|每月|每年")


@dataclass(frozen=True)
class Row:
    number: str
    task: str
    lead: str
    co: str
    leaders: str
    due: str
    headings: tuple[str, ...] = ()  # the plan's headings above the clause, a merged row each
    lead_names: tuple[str, ...] = ()
    co_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class TablePlan:
    preamble: list[str]  # the lines above the first clause (title, 文号, date, opening)
    rows: list[Row]
    with_leaders: bool


def _clause_line(text: str, start_words: str, after: int) -> tuple[int, str] | None:
    """(where, line) of the clause that starts with `start_words`, looked for from `after`: where a
    line starts with them after its number only (a heading may restate a clause's words)."""
    at = text.find(start_words, after)
    while at >= 0:
        line_start = text.rfind("\n", 0, at) + 1
        if _NUMBERED.fullmatch(text[line_start:at].strip()) or not text[line_start:at].strip():
            end = text.find("\n", at)
            return at, text[at : len(text) if end < 0 else end]
        at = text.find(start_words, at + 1)
    return None


def _responsibility_spans(line: str, names: list[str]) -> list[tuple[int, int]]:
    """(open, close) of the brackets that say who is responsible: every labelled one
    (`(责任单位:…)`), else the bracket closing the line when it names the clause's first unit."""
    spans = _labelled_brackets(line)
    if spans or not names:
        return spans
    stripped = line.rstrip(_TRAILING)
    if not stripped or stripped[-1] not in ")）〕]】":
        return []
    closer = stripped[-1]
    opener = {")": "(", "）": "（", "〕": "〔", "]": "[", "】": "【"}[closer]
    for start in range(len(stripped) - 1, -1, -1):
        if stripped[start] in (opener, "(" if opener == "（" else "（" if opener == "(" else opener):
            if _close(line, start) == len(stripped) - 1:
                inside = line[start + 1 : len(stripped) - 1]
                return [(start, len(stripped) - 1)] if unit_key(names[0]) in unit_key(inside) else []
    return []


def _bracket_says_gold(line: str, clause: GoldClause) -> bool:
    """Whether the line's own responsibility, read as a clause's bracket is, names the gold's
    lead and helping units (so that a table keeping it in the task cell keeps the same answer)."""
    from policy_tasks.parsing.units import read_responsibility

    lead, co = read_responsibility(line).lead_and_co()
    same = {unit_key(n) for n in lead} == {unit_key(n) for n in clause.get("lead", [])}
    return same and {unit_key(n) for n in co} == {unit_key(n) for n in clause.get("co", [])}


def _split_line(line: str, names: list[str]) -> tuple[str, str] | None:
    """(task, deadline) of a clause's line: the line with its responsibility bracket(s) taken out,
    and what those brackets said of time (`…,6月底前完成)` → `6月底前完成`). None without one."""
    spans = _responsibility_spans(line, names)
    if not spans:
        return None
    out, last, due = [], 0, []
    for start, end in spans:
        out.append(line[last:start])
        last = end + 1
        for piece in _top_level_split(line[start + 1 : end], ";；,，"):
            # A piece of time (`6月底前完成`, `完成时限:2023年底`), not a unit field (`责任单位:…`).
            piece = re.sub(r"^(?:完成时限|时限要求|完成时间)[:：]", "", piece.strip())
            if _TIME.search(piece) and not re.search(r"[:：]", piece):
                due.append(piece)
    out.append(line[last:])
    return "".join(out).rstrip(_TRAILING) + "。", "；".join(due)


def _level(line: str) -> int | None:
    """The rank of a line's number in GB/T 9704's order: `一、` 0, `(一)` 1, `1.` 2, `(1)` 3."""
    for rank, pattern in enumerate(_LEVELS):
        if pattern.match(line):
            return rank
    return None


def _headings(text: str, between: tuple[int, int], own: str) -> list[str]:
    """The numbered lines just above a clause's line of a higher rank than its own number (`一、…`
    over `(一)…`): the headings it sits under; a sub-item of the clause before is of a lower rank."""
    lines = [line.strip() for line in text[between[0] : between[1]].splitlines() if line.strip()]
    below = _level(own.strip())
    if below is None:
        below = len(_LEVELS)
    found: list[str] = []
    for line in reversed(lines):
        rank = _level(line)
        if rank is None or rank >= below or _labelled_brackets(line):
            break
        found.insert(0, line)
        below = rank
    return found


def table_plan(text: str, gold: list[GoldClause], *, keep_brackets: bool = False) -> TablePlan | None:
    """The document as a task table, or None when a clause's text cannot be told apart (above).
    `keep_brackets`: the task cell keeps the clause's line as written, its responsibility bracket
    in it (a table of 序号 / 重点任务 / 完成时限 only), where no heading above names units itself."""
    rows: list[Row] = []
    own_levels: set[int | None] = set()
    after, first = 0, None
    for n, clause in enumerate(gold, start=1):
        start_words = clause.get("start", "")
        found = _clause_line(text, start_words, after) if start_words else None
        if found is None:
            return None
        at, line = found
        line_start = text.rfind("\n", 0, at) + 1
        headings = _headings(text, (after, line_start), text[line_start:at])
        own_levels.add(_level(text[line_start:at].strip()))
        if first is None:
            # The preamble ends above the first clause's headings.
            first = line_start
            for heading in reversed(headings):
                first = text.rfind(heading, 0, first)
        split = _split_line(line, [*clause.get("lead", []), *clause.get("co", [])])
        if split is None or _STILL_RESPONSIBLE.search(split[0]) or len(split[0]) < 6:
            return None
        task, due = split
        if keep_brackets:
            if not _bracket_says_gold(line, clause):
                return None  # the line found is not the clause's own (a heading restating it)
            task, due = line.strip(), ""
        after = at + len(line)
        rows.append(
            Row(
                number=str(n),
                task=task,
                lead="、".join(clause.get("lead", [])),
                co="、".join(clause.get("co", [])),
                leaders="、".join(clause.get("leaders", [])),
                due=due,
                headings=tuple(headings),
                lead_names=tuple(clause.get("lead", [])),
                co_names=tuple(clause.get("co", [])),
            )
        )
    if not rows or first is None:
        return None
    # A heading numbered as the clauses are (`17.…` over `(2)…` beside clauses `5.` and `18.`) would be
    # a row of its own in any table an office made; as a merged row it is no layout offices use.
    if any(_level(h) in own_levels for row in rows for h in row.headings):
        return None
    preamble = [line.strip() for line in text[:first].splitlines() if line.strip()]
    return TablePlan(preamble=preamble, rows=rows, with_leaders=any(row.leaders for row in rows))
