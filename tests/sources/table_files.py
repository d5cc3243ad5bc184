"""How a plan rebuilt as a task table (tests/sources/table_swaps.py) is written as a file: its
columns as offices word and order them (`COLUMNS`), and the file layouts they send it in (`LAYOUTS`)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from policy_tasks.parsing.textutil import cn_numeral
from tests.sources.table_swaps import Row, TablePlan


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
    # How the 序号 cells are written: `3`, `3.`, `三`, `（三）`; `sparse`: the row's number in a
    # larger list it was taken from (a unit's report on the rows of the city's list it shares in:
    # 145, 249), increasing with gaps, whatever the plan's own numbering.
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
            elif field == "units-marked":
                out.append("、".join([*(f"{n}(牵头)" for n in row.lead_names), *row.co_names]))
            elif field == "units-labelled":
                lead, co = "、".join(row.lead_names), "、".join(row.co_names)
                out.append(f"牵头单位:{lead};配合单位:{co}" if co else f"牵头单位:{lead}")
            elif field == "number" and self.serial == "sparse":
                out.append(_sparse(plan.rows.index(row) + 1))
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


def _sparse(position: int) -> str:
    """The row's number in the larger list: 12, 26, 42, 60, … (gaps that grow)."""
    return str(position * (position + 11))


_SERIALS = {"digits": str, "dotted": lambda n: f"{n}.", "cn": cn_numeral, "paren-cn": lambda n: f"（{cn_numeral(n)}）"}
# No unit column: the task cell holds the clause's own bracket (`…。(责任单位:A、B)`).
COLUMNS["units-in-the-task"] = Columns((("序号", "number"), ("重点任务", "task"), ("完成时限", "due")))
# One 责任单位 column that says in words or labels who leads (`A牵头,B配合`, `牵头单位:A;配合单位:B`).
COLUMNS["units-in-words"] = Columns(
    (("序号", "number"), ("重点任务", "task"), ("责任单位", "units-in-words"), ("完成时限", "due"))
)
COLUMNS["units-labelled"] = Columns(
    (("序号", "number"), ("重点任务", "task"), ("责任单位", "units-labelled"), ("完成时限", "due"))
)
# One 责任单位 list that marks each lead after its name (`县发改局(粮食局)(牵头)、各镇人民政府`).
COLUMNS["units-marked"] = Columns(
    (("序号", "number"), ("主要任务", "task"), ("责任单位", "units-marked"), ("完成时限", "due"))
)
COLUMNS["dotted-serial"] = replace(COLUMNS["task-lead-co-due"], serial="dotted")
COLUMNS["cn-serial"] = replace(COLUMNS["task-lead-co-due"], serial="cn")
COLUMNS["paren-cn-serial"] = replace(COLUMNS["task-lead-co-due"], serial="paren-cn")
COLUMNS["sparse-serial"] = replace(COLUMNS["task-lead-co-due"], serial="sparse")
# No 序号 column at all: a table whose rows are told apart by their cells (not for a cell a line,
# where only the 序号 tells where a row starts).
COLUMNS["no-serial"] = Columns(tuple(f for f in COLUMNS["task-lead-co-due"].fields if f[1] != "number"))
COLUMNS["a-name-a-line"] = replace(COLUMNS["task-lead-co-due"], joiner="\n")
COLUMNS["one-list-a-name-a-line"] = replace(COLUMNS["one-unit-list"], joiner="\n")
# The units before the task (序号 / 牵头单位 / 配合单位 / 重点任务 / 完成时限), and the helping units
# before the lead (序号 / 重点任务 / 配合单位 / 牵头单位 / 完成时限): orders other offices use.
COLUMNS["units-first"] = Columns(
    (("序号", "number"), ("牵头单位", "lead"), ("配合单位", "co"), ("重点任务", "task"), ("完成时限", "due"))
)
COLUMNS["co-before-lead"] = Columns(
    (("序号", "number"), ("重点任务", "task"), ("配合单位", "co"), ("牵头单位", "lead"), ("完成时限", "due"))
)
DEFAULT = COLUMNS["task-lead-co-due"]


def table_rows(plan: TablePlan, columns: Columns = DEFAULT) -> list[list[str] | str]:
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
        rows = table_rows(plan, columns)
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
        for values in table_rows(plan, columns):
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
        for r in table_rows(plan, columns)
    ]
    return render([*plan.preamble, Table(tuple(rows))], landscape=True)


def pipe_text(plan: TablePlan, columns: Columns = DEFAULT) -> bytes:
    """A web page's table saved as text, a row a line with ` | ` between cells."""
    lines = list(plan.preamble)
    for values in table_rows(plan, columns):
        lines.append(values if isinstance(values, str) else " | ".join(v.replace("\n", " ") for v in values))
    return ("\n".join(lines) + "\n").encode("utf-8")


def tab_text(plan: TablePlan, columns: Columns = DEFAULT) -> bytes:
    """A sheet saved by Excel or WPS as 文本文件(制表符分隔): tabs between cells, GB18030."""
    lines = list(plan.preamble[-2:])
    for values in table_rows(plan, columns):
        lines.append(values if isinstance(values, str) else "\t".join(v.replace("\n", " ") for v in values))
    return ("\r\n".join(lines) + "\r\n").encode("gb18030")


def space_text(plan: TablePlan, columns: Columns = DEFAULT) -> bytes:
    """A web page's table as some stored pages hold it: a row a line, its cells set apart by a
    space, the empty cells gone."""
    lines = list(plan.preamble)
    for values in table_rows(plan, columns):
        lines.append(values if isinstance(values, str) else " ".join(v.replace("\n", " ") for v in values if v))
    return ("\n".join(lines) + "\n").encode("utf-8")


def space_kept_text(plan: TablePlan, columns: Columns = DEFAULT) -> bytes:
    """The same with the empty cells kept: two spaces where a cell is empty."""
    lines = list(plan.preamble)
    for values in table_rows(plan, columns):
        lines.append(values if isinstance(values, str) else " ".join(v.replace("\n", " ") for v in values).rstrip())
    return ("\n".join(lines) + "\n").encode("utf-8")


def cell_lines(plan: TablePlan, columns: Columns = DEFAULT) -> bytes:
    """A web page's table as a stored page's text holds it: a cell a line, the empty cells gone,
    a merged heading row one line."""
    lines = list(plan.preamble)
    for values in table_rows(plan, columns):
        if isinstance(values, str):
            lines.append(values)
        else:
            lines.extend(v.replace("\n", " ") for v in values if v)
    return ("\n".join(lines) + "\n").encode("utf-8")


def piped_cell_lines(plan: TablePlan, columns: Columns = DEFAULT) -> bytes:
    """A web page's table as some stored pages hold it: a cell a line, each closed by ` |`, the
    empty cells gone, a merged heading row one line."""
    lines = list(plan.preamble)
    for values in table_rows(plan, columns):
        if isinstance(values, str):
            lines.append(f"{values} |")
        else:
            lines.extend(f"{v.replace(chr(10), ' ')} |" for v in values if v)
    return ("\n".join(lines) + "\n").encode("utf-8")


def rtf_source(plan: TablePlan, columns: Columns = DEFAULT) -> bytes:
    from tests.sources.more_formats import rtf_table_of

    return rtf_table_of(list(plan.preamble), table_rows(plan, columns), gbk=True)


def mht_source(plan: TablePlan, columns: Columns = DEFAULT) -> bytes:
    from tests.sources.more_formats import mht_table_of

    return mht_table_of(list(plan.preamble), table_rows(plan, columns))


def odt_source(plan: TablePlan, columns: Columns = DEFAULT) -> bytes:
    from tests.sources.more_formats import odt_table_of

    return odt_table_of(list(plan.preamble), table_rows(plan, columns))


def ods_source(plan: TablePlan, columns: Columns = DEFAULT) -> bytes:
    """As the .xlsx: the plan's last two title lines merged across above the header."""
    from tests.sources.more_formats import ods_table_of

    return ods_table_of(list(plan.preamble[-2:]), table_rows(plan, columns))


def excel_xml_source(plan: TablePlan, columns: Columns = DEFAULT) -> bytes:
    """An OA system's "Excel" export: SpreadsheetML under an .xls name."""
    from tests.sources.more_formats import excel_xml_of

    return excel_xml_of(list(plan.preamble[-2:]), table_rows(plan, columns))


LAYOUTS = {
    "docx": docx_source,
    "xlsx": xlsx_source,
    "pdf": pdf_source,
    "txt": pipe_text,
    "tsv": tab_text,
    "spaced": space_text,
    "spaced-kept": space_kept_text,
    "cells": cell_lines,
    "piped-cells": piped_cell_lines,
    "rtf": rtf_source,
    "mht": mht_source,
    "odt": odt_source,
    "ods": ods_source,
    "excel-xml": excel_xml_source,
}
# The file name each layout is saved under (a tab-separated sheet is a .txt to the reader).
SUFFIX = {
    "docx": "docx",
    "xlsx": "xlsx",
    "pdf": "pdf",
    "txt": "txt",
    "tsv": "txt",
    "spaced": "txt",
    "spaced-kept": "txt",
    "cells": "txt",
    "piped-cells": "txt",
    "rtf": "rtf",
    "mht": "mht",
    "odt": "odt",
    "ods": "ods",
    "excel-xml": "xls",
}
