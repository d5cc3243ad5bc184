"""The corpus's prose documents followed by the 重点任务分工表 offices annex to the same plan.

A notice often prints the plan's prose, then, as `附件`, a division-of-work table titled
`XX重点任务分工表` whose rows restate the same measures with their units (序号 / 重点任务 / 牵头单位 /
配合单位 / 完成时限). The prose may keep its responsibility brackets (`…(牵头单位:A;配合单位:B)`),
so that bracket and row say the same, or drop them and leave the units to the table. The gold of
the prose document is the answer for both: one task a clause, its units those of the gold.

The table is built from the gold (tests/sources/table_swaps.py): a row a clause, its task cell the
clause's first words as the gold starts it (`short`) or its whole line without the bracket (`full`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from policy_tasks.parsing.scoring import GoldClause
from tests.sources import table_files
from tests.sources.table_swaps import TablePlan, _clause_line, _responsibility_spans, table_plan

_TRAILING = "。；;，, \u3000"
# The plan's title line with what a title ends with, so that `XX` of `XX重点任务分工表` is the plan's name.
_TITLE_END = re.compile(r"(?:的通知|实施方案|工作方案|行动方案|方案|工作要点|要点|计划)$")


@dataclass(frozen=True)
class Annexed:
    body: str  # the prose as printed above the annex
    plan: TablePlan  # the annex's rows (preamble: `附件` and the table's title)


def _title(title: str) -> str:
    """`XX` of `XX重点任务分工表`: the plan's name, less what a title ends with (`实施方案`, `的通知`)."""
    if re.search(r"[“(（]", title):
        return ""  # a gold title that describes the page (`…中“(十)…”一节`) is no plan's name
    title = re.sub(r"^.*?关于(?:印发)?", "", title) or title
    return _TITLE_END.sub("", _TITLE_END.sub("", title)) or title


def _without_brackets(text: str, clauses: list[GoldClause]) -> str | None:
    """The prose with each clause's responsibility bracket taken out (`…。(责任单位:A)` → `…。`)."""
    after, out, last = 0, [], 0
    for clause in clauses:
        found = _clause_line(text, clause.get("start", ""), after)
        if found is None:
            return None
        at, line = found
        spans = _responsibility_spans(line, [*clause.get("lead", []), *clause.get("co", [])])
        if not spans:
            return None
        pieces, cut = [], 0
        for start, end in spans:
            pieces.append(line[cut:start])
            cut = end + 1
        pieces.append(line[cut:])
        kept = "".join(pieces).rstrip(_TRAILING) + "。"
        out.append(text[last:at])
        out.append(kept)
        last = after = at + len(line)
    out.append(text[last:])
    return "".join(out)


def annexed(
    text: str, clauses: list[GoldClause], *, brackets: bool, task: str = "short", title: str = ""
) -> Annexed | None:
    """The document with its 分工表 annexed, or None where table_swaps cannot build the table."""
    plan = table_plan(text, clauses)
    if plan is None:
        return None
    body = text if brackets else _without_brackets(text, clauses)
    if body is None:
        return None
    rows = [
        replace(row, task=clause["start"], due=_dates(clause), headings=())
        if task == "short"
        else replace(row, headings=())
        for row, clause in zip(plan.rows, clauses, strict=True)
    ]
    preamble = ["附件", f"{_title(title)}重点任务分工表"]
    return Annexed(body=body.rstrip() + "\n", plan=TablePlan(preamble=preamble, rows=rows, with_leaders=False))


def _dates(clause: GoldClause) -> str:
    """The 完成时限 cell of a row whose task cell holds only the clause's first words: the gold's dates
    (`2021年12月底前`, `2021年6月15日前`), since the words that stated them are not in the cell."""
    out = []
    for milestone in clause.get("milestones", []):
        year, month, day = (int(part) for part in milestone["date"].split("-"))
        last = day >= 28 and (date(year, month, day) + timedelta(days=1)).day == 1
        out.append(f"{year}年{month}月底前" if last else f"{year}年{month}月{day}日前")
    return "；".join(out)


COLUMNS = table_files.DEFAULT


def _text_rows(doc: Annexed, layout: str) -> bytes:
    table = table_files.LAYOUTS[layout](doc.plan, COLUMNS).decode("utf-8")
    return (doc.body + "\n" + table).encode("utf-8")


def cells_text(doc: Annexed) -> bytes:
    return _text_rows(doc, "cells")


def pipe_text(doc: Annexed) -> bytes:
    return _text_rows(doc, "txt")


def docx_source(doc: Annexed) -> bytes:
    """The prose a paragraph a line, then `附件`, the table's title and a real table."""
    from tests.sources.builders import docx_bytes

    def build(document) -> None:
        for line in doc.body.splitlines():
            if line.strip():
                document.add_paragraph(line.strip())
        for line in doc.plan.preamble:
            document.add_paragraph(line)
        rows = table_files.table_rows(doc.plan, COLUMNS)
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for row, values in zip(table.rows, rows, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value

    return docx_bytes(build)


def pdf_source(doc: Annexed) -> bytes:
    from policy_tasks.parsing.sources import Table
    from tests.sources.pdf_tables import render

    rows = [tuple(r) for r in table_files.table_rows(doc.plan, COLUMNS) if not isinstance(r, str)]
    lines = [line.strip() for line in doc.body.splitlines() if line.strip()]
    return render([*lines, *doc.plan.preamble, Table(tuple(rows))], landscape=True)


LAYOUTS = {"cells": cells_text, "txt": pipe_text, "docx": docx_source, "pdf": pdf_source}
SUFFIX = {"cells": "txt", "txt": "txt", "docx": "docx", "pdf": "pdf"}
