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
from dataclasses import dataclass, replace
from pathlib import Path

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
    after, first = 0, None
    for n, clause in enumerate(gold, start=1):
        start_words = clause.get("start", "")
        found = _clause_line(text, start_words, after) if start_words else None
        if found is None:
            return None
        at, line = found
        line_start = text.rfind("\n", 0, at) + 1
        headings = _headings(text, (after, line_start), text[line_start:at])
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
    preamble = [line.strip() for line in text[:first].splitlines() if line.strip()]
    return TablePlan(preamble=preamble, rows=rows, with_leaders=any(row.leaders for row in rows))


@dataclass(frozen=True)
class Columns:
    """A task table's columns as one office names and orders them: `fields` in order, each a
    (header, field of Row) pair; `one_list` writes the lead and the helping units in one
    `责任单位` cell, lead first, as the genre reads such a cell (only where one unit leads)."""

    fields: tuple[tuple[str, str], ...]
    one_list: bool = False
    # Between the names of a unit cell: `、`, or a line break (Alt+Enter in Excel, a paragraph a
    # name in Word), which text saved from the table writes as a space.
    joiner: str = "、"
    # How the 序号 cells are written: `3`, `3.`, `三`, `（三）`.
    serial: str = "digits"

    def fits(self, plan: TablePlan) -> bool:
        return not self.one_list or all(len(row.lead_names) == 1 for row in plan.rows)

    def header(self, plan: TablePlan) -> list[str]:
        return [name for name, field in self.fields if field != "leaders" or plan.with_leaders]

    def cells(self, plan: TablePlan, row: Row) -> list[str]:
        out = []
        for _, field in self.fields:
            if field == "leaders" and not plan.with_leaders:
                continue
            if field == "units":
                out.append(self.joiner.join([*row.lead_names, *row.co_names]))
            elif field == "units-in-words":
                lead, co = "、".join(row.lead_names), "、".join(row.co_names)
                # `A负责` names one leader; several lead `A、B牵头` (`A、B负责` is A leading, B helping).
                alone = f"{lead}负责" if len(row.lead_names) == 1 else f"{lead}牵头"
                out.append(f"{lead}牵头,{co}配合" if co else alone)
            elif field == "units-labelled":
                lead, co = "、".join(row.lead_names), "、".join(row.co_names)
                out.append(f"牵头单位:{lead};配合单位:{co}" if co else f"牵头单位:{lead}")
            elif field == "number":
                out.append(_SERIALS[self.serial](int(row.number)))
            elif field in ("lead", "co"):
                out.append(self.joiner.join(getattr(row, f"{field}_names")))
            else:
                out.append(getattr(row, field))
        return out


# Header wordings and orders from the corpus's own tables (docs/parsing.md, "Tables").
COLUMNS = {
    "task-lead-co-due": Columns(
        (
            ("序号", "number"),
            ("重点任务", "task"),
            ("牵头单位", "lead"),
            ("配合单位", "co"),
            ("责任领导", "leaders"),
            ("完成时限", "due"),
        )
    ),
    "work-lead-responsible-time": Columns(
        (("序号", "number"), ("工作任务", "task"), ("牵头单位", "lead"), ("责任单位", "co"), ("完成时间", "due"))
    ),
    "measure-department": Columns(
        (("编号", "number"), ("具体措施", "task"), ("牵头部门", "lead"), ("协办部门", "co"), ("时间节点", "due"))
    ),
    "leader-first": Columns(
        (
            ("序号", "number"),
            ("任务内容", "task"),
            ("责任领导", "leaders"),
            ("牵头单位", "lead"),
            ("配合单位", "co"),
            ("时限要求", "due"),
        )
    ),
    "one-unit-list": Columns(
        (("序号", "number"), ("主要任务", "task"), ("责任单位", "units"), ("完成时限", "due")), one_list=True
    ),
}
_CN_DIGITS = "一二三四五六七八九"


def _cn(n: int) -> str:
    tens, ones = divmod(n, 10)
    return ("" if tens < 2 else _CN_DIGITS[tens - 1]) + ("十" if tens else "") + (_CN_DIGITS[ones - 1] if ones else "")


_SERIALS = {"digits": str, "dotted": lambda n: f"{n}.", "cn": _cn, "paren-cn": lambda n: f"（{_cn(n)}）"}
# No unit column: the task cell holds the clause's own bracket (`…。(责任单位:A、B)`).
COLUMNS["units-in-the-task"] = Columns((("序号", "number"), ("重点任务", "task"), ("完成时限", "due")))
# One 责任单位 column that says in words or labels who leads (`A牵头,B配合`, `牵头单位:A;配合单位:B`).
COLUMNS["units-in-words"] = Columns(
    (("序号", "number"), ("重点任务", "task"), ("责任单位", "units-in-words"), ("完成时限", "due"))
)
COLUMNS["units-labelled"] = Columns(
    (("序号", "number"), ("重点任务", "task"), ("责任单位", "units-labelled"), ("完成时限", "due"))
)
COLUMNS["dotted-serial"] = replace(COLUMNS["task-lead-co-due"], serial="dotted")
COLUMNS["cn-serial"] = replace(COLUMNS["task-lead-co-due"], serial="cn")
COLUMNS["paren-cn-serial"] = replace(COLUMNS["task-lead-co-due"], serial="paren-cn")
# No 序号 column at all: a table whose rows are told apart by their cells (not for a cell a line,
# where only the 序号 tells where a row starts).
COLUMNS["no-serial"] = Columns(tuple(f for f in COLUMNS["task-lead-co-due"].fields if f[1] != "number"))
COLUMNS["a-name-a-line"] = replace(COLUMNS["task-lead-co-due"], joiner="\n")
COLUMNS["one-list-a-name-a-line"] = replace(COLUMNS["one-unit-list"], joiner="\n")
DEFAULT = COLUMNS["task-lead-co-due"]


def header(plan: TablePlan, columns: Columns = DEFAULT) -> list[str]:
    return columns.header(plan)


def cells(plan: TablePlan, row: Row, columns: Columns = DEFAULT) -> list[str]:
    return columns.cells(plan, row)


def _table_rows(plan: TablePlan, columns: Columns = DEFAULT) -> list[list[str] | str]:
    """The header, then each clause's row after its headings (a str: a row one merged cell fills)."""
    out: list[list[str] | str] = [columns.header(plan)]
    for row in plan.rows:
        out.extend(row.headings)
        out.append(columns.cells(plan, row))
    return out


def docx_source(plan: TablePlan, columns: Columns = DEFAULT) -> bytes:
    from tests.sources.builders import docx_bytes

    def build(document) -> None:
        for line in plan.preamble:
            document.add_paragraph(line)
        rows = _table_rows(plan, columns)
        width = len(columns.header(plan))
        table = document.add_table(rows=len(rows), cols=width)
        for row, values in zip(table.rows, rows, strict=True):
            if isinstance(values, str):
                merged = row.cells[0].merge(row.cells[width - 1])
                merged.text = values
                continue
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value

    return docx_bytes(build)


def xlsx_source(plan: TablePlan, columns: Columns = DEFAULT) -> bytes:
    from tests.sources.builders import xlsx_bytes

    def build(book) -> None:
        sheet = book.active
        sheet.title = "任务清单"
        width = len(columns.header(plan))
        # A sheet carries the plan's title lines in merged rows above the header, not the notice.
        for line in plan.preamble[-2:]:
            sheet.append([line])
            sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width)
        for values in _table_rows(plan, columns):
            if isinstance(values, str):
                sheet.append([values])
                sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width)
            else:
                sheet.append([int(values[0]) if values[0].isdigit() else values[0], *values[1:]])

    return xlsx_bytes(build)


def pdf_source(plan: TablePlan, columns: Columns = DEFAULT) -> bytes:
    """Ruled, landscape, as Word exports a task table (tests/sources/pdf_tables.py); a merged row
    is read back as every cell holding its text."""
    from policy_tasks.parsing.sources import Table
    from tests.sources.pdf_tables import render

    width = len(columns.header(plan))
    # The renderer breaks a cell's lines where it holds a space.
    rows = [
        tuple([r] * width) if isinstance(r, str) else tuple(c.replace("\n", " ") for c in r)
        for r in _table_rows(plan, columns)
    ]
    return render([*plan.preamble, Table(tuple(rows))], landscape=True)


def pipe_text(plan: TablePlan, columns: Columns = DEFAULT) -> bytes:
    """A web page's table saved as text, a row a line with ` | ` between cells."""
    lines = list(plan.preamble)
    for values in _table_rows(plan, columns):
        lines.append(values if isinstance(values, str) else " | ".join(v.replace("\n", " ") for v in values))
    return ("\n".join(lines) + "\n").encode("utf-8")


def tab_text(plan: TablePlan, columns: Columns = DEFAULT) -> bytes:
    """A sheet saved by Excel or WPS as 文本文件(制表符分隔): tabs between cells, GB18030."""
    lines = list(plan.preamble[-2:])
    for values in _table_rows(plan, columns):
        lines.append(values if isinstance(values, str) else "\t".join(v.replace("\n", " ") for v in values))
    return ("\r\n".join(lines) + "\r\n").encode("gb18030")


def cell_lines(plan: TablePlan, columns: Columns = DEFAULT) -> bytes:
    """A web page's table as a stored page's text holds it: a cell a line, the empty cells gone,
    a merged heading row one line."""
    lines = list(plan.preamble)
    for values in _table_rows(plan, columns):
        if isinstance(values, str):
            lines.append(values)
        else:
            lines.extend(v.replace("\n", " ") for v in values if v)
    return ("\n".join(lines) + "\n").encode("utf-8")


LAYOUTS = {
    "docx": docx_source,
    "xlsx": xlsx_source,
    "pdf": pdf_source,
    "txt": pipe_text,
    "tsv": tab_text,
    "cells": cell_lines,
}
# The file name each layout is saved under (a tab-separated sheet is a .txt to the reader).
SUFFIX = {"docx": "docx", "xlsx": "xlsx", "pdf": "pdf", "txt": "txt", "tsv": "txt", "cells": "txt"}


def write_case(folder: Path, into: Path, source: bytes, suffix: str) -> Path:
    case = into / f"{folder.name}-{suffix}"
    case.mkdir()
    (case / f"source.{suffix}").write_bytes(source)
    (case / "gold.json").write_bytes((folder / "gold.json").read_bytes())
    return case
