"""A task table (tests/sources/table_swaps.py) that runs over several pages, as offices' files hold it.

A printed table repeats its header row at each page's top (Word's 重复标题行, a sheet's 打印标题); a
file made from the print keeps the repeat: a PDF, the PDF's text copied out (a page number line,
`— 3 —`, `-3-` with pdftotext's form feed or `第3页 共5页`, between the pages), a .docx whose table an
office split into one table a page with the header typed again, or one table with the header typed
again where a page turns. A continuation may be marked by a `续表` line above it (`续表`, `（续表）`,
`续表1`), and a tall row that Word let break across the page goes on in the next page's first row,
its 序号 cell empty, the rest of its task text in the task cell.

`pages` cuts the table's rows into pages of `every` rows; the LAYOUTS write them. The gold is the
plan's own: only the paging differs.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from tests.sources.table_files import DEFAULT, Columns, table_rows
from tests.sources.table_swaps import TablePlan

Row = list[str] | str  # a row's cells, or a heading row one merged cell fills
# The marks offices put above a table's continuation, and the page numbers a printed page carries.
MARKS = ("续表", "（续表）", "续表{n}")
FOLIOS = ("— {n} —", "-{n}-", "第{n}页 共{total}页")


@dataclass(frozen=True)
class Paging:
    every: int  # rows a page (a heading row counts as one)
    mark: str | None = None  # a line above each continuation; `{n}` its number
    cut: bool = False  # the row at each page's foot goes on in the next page's first row
    folio: str = FOLIOS[0]  # the page number between pages, in the text layouts


def pages(plan: TablePlan, columns: Columns, paging: Paging) -> tuple[list[str], list[list[Row]]]:
    """The header and the body's rows a page."""
    rows = table_rows(plan, columns)
    header, body = rows[0], rows[1:]
    assert isinstance(header, list)
    chunks = [body[i : i + paging.every] for i in range(0, len(body), paging.every)]
    if paging.cut:
        task_at = [f for _, f in columns.fields if f != "leaders" or plan.with_leaders].index("task")
        for before, after in pairwise(chunks):
            last = before[-1]
            if isinstance(last, str) or len(last[task_at]) < 12:
                continue
            head, tail = _cut(last[task_at])
            before[-1] = [*last[:task_at], head, *last[task_at + 1 :]]
            after.insert(0, ["" if i != task_at else tail for i in range(len(last))])
    return header, chunks


def _cut(text: str) -> tuple[str, str]:
    """The text where a cell's line ends about half way, not inside a run of figures or letters."""
    at = len(text) // 2
    while at < len(text) - 1 and text[at].isascii() and text[at].isalnum():
        at += 1
    return text[:at], text[at:]


def _mark(paging: Paging, n: int) -> str | None:
    return paging.mark.format(n=n) if paging.mark else None


def docx_source(plan: TablePlan, paging: Paging, columns: Columns = DEFAULT, *, one_table: bool = False) -> bytes:
    """A table a page, each under the header typed again (a page break before it, a mark above it);
    `one_table`: one table with the header typed again where a page turns."""
    from tests.sources.builders import docx_bytes

    header, chunks = pages(plan, columns, paging)
    width = len(header)

    def fill(table, values: Row) -> None:
        row = table.add_row()
        if isinstance(values, str):
            row.cells[0].merge(row.cells[width - 1]).text = values
            return
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value

    def build(document) -> None:
        for line in plan.preamble:
            document.add_paragraph(line)
        table = None
        for n, chunk in enumerate(chunks):
            if table is None or not one_table:
                if n:
                    document.add_page_break()
                    if mark := _mark(paging, n):
                        document.add_paragraph(mark)
                table = document.add_table(rows=0, cols=width)
            for values in [header, *chunk]:
                fill(table, values)

    return docx_bytes(build)


def xlsx_source(plan: TablePlan, paging: Paging, columns: Columns = DEFAULT) -> bytes:
    """A sheet whose header row is written again where each printed page turns, a mark above it."""
    from tests.sources.builders import xlsx_bytes

    header, chunks = pages(plan, columns, paging)
    width = len(header)

    def build(book) -> None:
        sheet = book.active
        sheet.title = "任务清单"

        def merged(line: str) -> None:
            sheet.append([line])
            sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width)

        for line in plan.preamble[-2:]:
            merged(line)
        for n, chunk in enumerate(chunks):
            if n and (mark := _mark(paging, n)):
                merged(mark)
            for values in [header, *chunk]:
                if isinstance(values, str):
                    merged(values)
                else:
                    sheet.append([int(values[0]) if values[0].isdigit() else values[0], *values[1:]])

    return xlsx_bytes(build)


def pdf_source(plan: TablePlan, paging: Paging, columns: Columns = DEFAULT) -> bytes:
    """Ruled, landscape, the header repeated at each page's top (reportlab's repeatRows, Word's
    重复标题行), the page's number at its foot."""
    from policy_tasks.parsing.sources import Table
    from tests.sources.pdf_tables import PAGE_BREAK, render

    header, chunks = pages(plan, columns, paging)
    width = len(header)
    blocks: list[str | Table] = list(plan.preamble)
    for n, chunk in enumerate(chunks):
        if n:
            blocks.append(PAGE_BREAK)
            if mark := _mark(paging, n):
                blocks.append(mark)
        rows = [
            tuple([r] * width) if isinstance(r, str) else tuple(c.replace("\n", " ") for c in r)
            for r in [header, *chunk]
        ]
        blocks.append(Table(tuple(rows)))
    return render(blocks, landscape=True, folios=True)


def _text_lines(plan: TablePlan, paging: Paging, columns: Columns, row_lines) -> list[str]:
    header, chunks = pages(plan, columns, paging)
    lines: list[str] = []
    for n, chunk in enumerate(chunks):
        if n:
            folio = paging.folio.format(n=n, total=len(chunks))
            # pdftotext ends a page with its number and starts the next with a form feed.
            lines += [folio, "\f"] if folio.startswith("-") else ["", folio, ""]
        for values in [header, *chunk]:
            lines += [values] if isinstance(values, str) else row_lines([v.replace("\n", " ") for v in values])
    text = "\n".join(lines).replace("\f\n", "\f")
    return text.split("\n")


def pipe_text(plan: TablePlan, paging: Paging, columns: Columns = DEFAULT) -> bytes:
    """` | ` rows, as a web page's or a PDF's table saved as text."""
    lines = _text_lines(plan, paging, columns, lambda cells: [" | ".join(cells)])
    return ("\n".join([*plan.preamble, *lines]) + "\n").encode("utf-8")


def tab_text(plan: TablePlan, paging: Paging, columns: Columns = DEFAULT) -> bytes:
    """Tab-separated GB18030, as a sheet printed with its 打印标题 and saved as text."""
    lines = _text_lines(plan, paging, columns, lambda cells: ["\t".join(cells)])
    return ("\r\n".join([*plan.preamble[-2:], *lines]) + "\r\n").encode("gb18030")


def cell_lines(plan: TablePlan, paging: Paging, columns: Columns = DEFAULT) -> bytes:
    """A cell a line, the empty cells gone."""
    lines = _text_lines(plan, paging, columns, lambda cells: [c for c in cells if c])
    return ("\n".join([*plan.preamble, *lines]) + "\n").encode("utf-8")


LAYOUTS = {
    "docx-tables": docx_source,
    "docx-one-table": lambda plan, paging, columns=DEFAULT: docx_source(plan, paging, columns, one_table=True),
    "xlsx": xlsx_source,
    "pdf": pdf_source,
    "txt": pipe_text,
    "tsv": tab_text,
    "cells": cell_lines,
}
SUFFIX = {"docx-tables": "docx", "docx-one-table": "docx", "xlsx": "xlsx", "pdf": "pdf"}
