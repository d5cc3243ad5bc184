"""The corpus's prose documents set as a task table that runs over several pages (tests/sources/
paged_tables.py): a page every 3 or 5 rows, the header repeated at each page's top, in a .docx as a
table a page or one table with the header typed again, an .xlsx with the header row written again,
a ruled PDF with each page's number at its foot, and the PDF's text as ` | ` rows, tab-separated
rows and a cell a line with the page's number between the pages; a `续表` mark above each
continuation where the table readers see it (a paragraph, a merged row, a PDF's line); a row Word
let break across the page going on in the next page's first row, its 序号 empty. Scored against the
unchanged gold; the areas must be those of the same table on one page. No database.

Then made-up plans, each convention in more than one layout, and the near-misses."""

from __future__ import annotations

import functools

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.result import ParsedDocument
from tests.sources import paged_tables, table_files
from tests.sources.builders import docx_bytes, xlsx_bytes
from tests.sources.corpus_prose import score_bytes
from tests.sources.pdf_layouts import settable
from tests.sources.test_table_swaps import data_text, plans

# The same table on one page, to compare the areas with.
_ONE_PAGE = {"docx-tables": "docx", "docx-one-table": "docx", "xlsx": "xlsx", "pdf": "pdf", "txt": "txt"}
_ONE_PAGE |= {"tsv": "tsv", "cells": "cells"}
FEATURES = {
    "header": tuple(paged_tables.LAYOUTS),
    # Only where the table readers see the mark; in text a mark is `continuation_marks`' (another branch).
    "mark": ("docx-tables", "xlsx", "pdf"),
    # Not in a sheet (a cell is never cut) nor in one .docx table (Word keeps a broken row one row).
    "cut": ("docx-tables", "pdf", "txt", "tsv", "cells"),
}
CASES = [(layout, feature, every) for every in (3, 5) for feature, layouts in FEATURES.items() for layout in layouts]


def _reading(data: bytes, suffix: str) -> tuple[list[str], list[tuple[str, int | None]]]:
    """The areas, and each task's label and area."""
    return _outline(parse_bytes(data, filename=f"source.{suffix}", assume_year=2026))


def _outline(parsed: ParsedDocument) -> tuple[list[str], list[tuple[str, int | None]]]:
    return [a.title for a in parsed.areas], [(t.label, t.area) for t in parsed.tasks]


@functools.cache
def _one_page(layout: str, index: int) -> tuple[list[str], list[tuple[str, int | None]]]:
    plan = plans()[index][1]
    return _reading(table_files.LAYOUTS[layout](plan, table_files.DEFAULT), table_files.SUFFIX[layout])


@pytest.mark.parametrize(("layout", "feature", "every"), CASES, ids=[f"{a}-{b}-{c}" for a, b, c in CASES])
def test_the_corpus_prose_as_a_table_over_several_pages_reads_as_annotated(layout, feature, every):
    wrong, made, clauses = [], 0, 0
    for index, (folder, plan) in enumerate(plans()):
        if layout == "pdf" and not set(data_text(plan, table_files.DEFAULT) + "续表（）0123456789") <= settable():
            continue  # a character the PDF font's encoding lacks would be lost
        paging = paged_tables.Paging(
            every=every,
            mark=paged_tables.MARKS[index % 3] if feature == "mark" else None,
            cut=feature == "cut",
            folio=paged_tables.FOLIOS[index % 3],
        )
        data = paged_tables.LAYOUTS[layout](plan, paging)
        suffix = paged_tables.SUFFIX.get(layout, "txt")
        made += 1
        score = score_bytes(folder, data, f"source.{suffix}")
        clauses += score.clauses
        if score.refused or score.extra or score.clauses_right < score.clauses or score.milestone_rate < 1:
            wrong.append(f"{folder.name}: {score.refused or ''} +{score.extra} {score.wrong[:3]}")
        elif feature != "cut":
            # The parse scored, not the file parsed again: areas and labels do not hang on the year it was read in.
            assert score.parsed is not None
            if _outline(score.parsed) != _one_page(_ONE_PAGE[layout], index):
                wrong.append(f"{folder.name}: areas differ from the table on one page")
    # 77 documents (74 as PDF), 222 clauses (204) on 2026-12-06.
    assert made >= (70 if layout == "pdf" else 74)
    assert clauses >= 200
    assert wrong == []


# --- made-up plans -------------------------------------------------------------------------------

HEADER = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
TITLE = ["测区2024年重点任务分工方案"]


def _file(layout: str, parts: list[list[list[str] | str]], *, mark: str | None = None, folio: str = "— {n} —"):
    """(data, file name) of the table's parts, the header above each, as `layout` writes them."""
    width = len(HEADER)
    if layout == "docx":

        def build(document) -> None:
            document.add_paragraph(TITLE[0])
            for n, part in enumerate(parts):
                if n:
                    document.add_page_break()
                    if mark:
                        document.add_paragraph(mark.format(n=n))
                table = document.add_table(rows=0, cols=width)
                for values in [HEADER, *part]:
                    cells = table.add_row().cells
                    if isinstance(values, str):
                        cells[0].merge(cells[-1]).text = values
                    else:
                        for cell, value in zip(cells, values, strict=True):
                            cell.text = value

        return docx_bytes(build), "plan.docx"
    if layout == "xlsx":

        def fill(book) -> None:
            sheet = book.active
            sheet.append(TITLE)
            for n, part in enumerate(parts):
                if n and mark:
                    sheet.append([mark.format(n=n)])
                    sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width)
                for values in [HEADER, *part]:
                    sheet.append([values] if isinstance(values, str) else values)
                    if isinstance(values, str):
                        sheet.merge_cells(
                            start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width
                        )

        return xlsx_bytes(fill), "plan.xlsx"
    row_lines = {
        "txt": lambda cells: [" | ".join(cells)],
        "tsv": lambda cells: ["\t".join(cells)],
        "cells": lambda cells: [c for c in cells if c],
    }[layout]
    lines = list(TITLE)
    for n, part in enumerate(parts):
        if n:
            number = folio.format(n=n, total=len(parts))
            lines += [number, "\f"] if number.startswith("-") else ["", number, ""]
        for values in [HEADER, *part]:
            lines += [values] if isinstance(values, str) else row_lines(values)
    return "\n".join(lines).replace("\f\n", "\f").encode("utf-8"), "plan.txt"


def _tasks(data_and_name):
    data, name = data_and_name
    return parse_bytes(data, filename=name, assume_year=2026).tasks


# A row Word let break across the page: the task's sentence goes on, the 序号 and the other cells
# ended on the first page. A long tail, and one short enough to pass for a header cell (`投资增长10%。`).
CUTS = {
    "sentence": ("加快推进产业园建设,完善园区道路、供水、供电等基础", "设施配套,提升园区承载能力。"),
    "short": ("全社会固定资产", "投资增长10%。"),
}
LAYOUTS = [("docx", None), ("docx", "续表{n}"), ("txt", None), ("tsv", None), ("cells", None)]
FOLIOS = ["— {n} —", "-{n}-", "第{n}页 共{total}页"]


@pytest.mark.parametrize("cut", CUTS)
@pytest.mark.parametrize(("layout", "mark"), LAYOUTS)
@pytest.mark.parametrize("folio", FOLIOS)
def test_a_row_a_page_break_cut_goes_on_under_the_repeated_header(layout, mark, folio, cut):
    head, tail = CUTS[cut]
    first = ["一、产业发展", ["1", head, "区发改局", "区财政局、区住建局", "2024年6月底前"]]
    second = [["", tail, "", "", ""], ["2", "新建幼儿园2所。", "区教育局", "区住建局", "2024年12月底前"]]
    tasks = _tasks(_file(layout, [first, second], mark=mark, folio=folio))
    assert [(t.label, t.lead_units, t.co_units) for t in tasks] == [
        ("1", ["区发改局"], ["区财政局", "区住建局"]),
        ("2", ["区教育局"], ["区住建局"]),
    ]
    assert tasks[0].text.startswith(head + tail)
    assert {m.due_date.isoformat() for m in tasks[0].milestones if m.due_date} == {"2024-06-30"}


@pytest.mark.parametrize("layout", ["docx", "txt", "tsv"])
def test_a_first_row_with_no_serial_but_a_lead_of_its_own_is_no_tail(layout):
    # A sub-row under a merged 序号 names its own lead: it is a row, not the rest of the row above.
    first = [["1", "加快推进产业园建设,完善园区基础设施。", "区发改局", "区财政局", "2024年6月底前"]]
    second = [["", "推进园区道路提级改造。", "区交通局", "", "2024年9月底前"]]
    tasks = _tasks(_file(layout, [first, second]))
    assert tasks[0].text.startswith("加快推进产业园建设,完善园区基础设施。")
    assert "道路提级" not in tasks[0].text
    assert "区交通局" in [u for t in tasks for u in t.lead_units]


def test_a_tables_first_row_after_text_of_its_own_joins_no_table_above():
    # Two tables with a sentence between are two tables: the second's first row stays its own.
    def build(document) -> None:
        document.add_paragraph(TITLE[0])
        for n, rows in enumerate(
            [
                [["1", "加快推进产业园建设,完善园区基础", "区发改局", "区财政局", "2024年6月底前"]],
                [["", "设施配套,提升园区承载能力。", "", "", ""], ["2", "新建幼儿园2所。", "区教育局", "", ""]],
            ]
        ):
            if n:
                document.add_paragraph("二、民生保障任务由区教育局统筹推进,各单位按分工落实。")
            table = document.add_table(rows=0, cols=len(HEADER))
            for values in [HEADER, *rows]:
                for cell, value in zip(table.add_row().cells, values, strict=True):
                    cell.text = value

    tasks = _tasks((docx_bytes(build), "plan.docx"))
    assert tasks[0].text.startswith("加快推进产业园建设,完善园区基础") and "承载能力" not in tasks[0].text


def test_a_unit_line_under_the_repeated_header_of_a_cell_a_line_table_is_no_task_text():
    # A cell a line drops the empty 序号: a list of units there may end a unit cell, not the task.
    first = [["1", "加快推进产业园建设。", "区发改局", "区财政局、", "2024年6月底前"]]
    second = [["", "", "", "区住建局", ""], ["2", "新建幼儿园2所。", "区教育局", "区住建局", "2024年12月底前"]]
    tasks = _tasks(_file("cells", [first, second]))
    assert tasks[0].text.splitlines()[0] == "加快推进产业园建设。"
    assert tasks[0].co_units == ["区财政局", "区住建局"]


@pytest.mark.parametrize("layout", ["xlsx", "docx"])
@pytest.mark.parametrize("mark", ["续表", "（续表）", "续表1", "(续上表)"])
def test_a_continuation_mark_above_the_repeated_header_is_no_area(layout, mark):
    first = ["一、产业发展", ["1", "加快推进产业园建设。", "区发改局", "区财政局", "2024年6月底前"]]
    second = [["2", "推进园区道路提级改造。", "区交通局", "", "2024年9月底前"], "二、民生保障"]
    second.append(["3", "新建幼儿园2所。", "区教育局", "区住建局", "2024年12月底前"])
    parsed = parse_bytes(*_file(layout, [first, second], mark=mark)[:1], filename=f"plan.{layout}", assume_year=2026)
    assert [a.title for a in parsed.areas] == ["产业发展", "民生保障"]
    assert [(t.label, t.area) for t in parsed.tasks] == [("1", 1), ("2", 1), ("3", 2)]
