"""The ledger as an Excel workbook in the layout supervision offices keep by hand.

Title row, styled header row (frozen, with an auto-filter), one row per milestone,
the clause columns merged across the clause's rows, light fills on the milestone
columns, widths sized for Chinese text, landscape A3 printing with the header
repeated on every page.

Written with XlsxWriter, not openpyxl: openpyxl checks every new merged range
against all earlier ones, so a 10,000-milestone ledger (12,500 merged ranges)
took 52 s there against about 1 s here (bench/ledger_bench.py, docs/exports.md).
XlsxWriter's constant_memory mode streams the rows to a temporary file, which is
what openpyxl's write_only mode would do, without its merge checks. openpyxl still
reads the workbook back in the tests.
"""

from __future__ import annotations

from itertools import groupby
from operator import attrgetter
from typing import IO

import xlsxwriter

from policy_tasks.exports.ledger import CLAUSE_COLUMNS, LEDGER_COLUMNS, Ledger
from policy_tasks.selectors.lights import GREEN, GREY, RED, YELLOW

# Excel's own "good / neutral / bad" tints, which offices read as green / yellow / red.
FILLS = {RED: "#FFC7CE", YELLOW: "#FFEB9C", GREEN: "#C6EFCE", GREY: "#E7E6E6"}
FONT = "宋体"
# Widths in Excel character units; a Chinese character takes about two.
WIDTHS = [6, 18, 24, 42, 14, 26, 12, 12, 44, 16, 10, 10, 9]
CENTERED = {0, 4, 6, 7, 9, 10, 11, 12}
DATE_COLUMNS = {6, 7}
LIGHT_COLUMNS = {3, 6, 7, 8, 9, 10, 11, 12}

TITLE_ROW, HEADER_ROW, FIRST_ROW = 0, 1, 2  # zero-based, as XlsxWriter counts


class _Formats:
    """One Format object per distinct look; XlsxWriter wants them shared, not one per cell."""

    def __init__(self, wb: xlsxwriter.Workbook):
        self.wb = wb
        self.cache: dict[tuple, object] = {}
        base = {"font_name": FONT, "font_size": 10, "border": 1, "border_color": "#808080", "text_wrap": True}
        self.base = base
        self.title = wb.add_format({"font_name": FONT, "font_size": 16, "bold": True, "align": "center", "valign": "vcenter"})  # fmt: skip
        self.header = wb.add_format(
            {**base, "font_size": 11, "bold": True, "font_color": "#FFFFFF", "bg_color": "#1F4E78",
             "align": "center", "valign": "vcenter"}
        )  # fmt: skip

    def cell(self, col: int, light: str | None):
        key = (col in CENTERED, col in DATE_COLUMNS, light if col in LIGHT_COLUMNS else None)
        fmt = self.cache.get(key)
        if fmt is None:
            props = {**self.base, "valign": "vcenter"}
            if key[0]:
                props["align"] = "center"
            if key[1]:
                props["num_format"] = "yyyy-mm-dd"
            if key[2]:
                props["bg_color"] = FILLS[key[2]]
            fmt = self.cache[key] = self.wb.add_format(props)
        return fmt


def _write(ws, fmts: _Formats, r: int, col: int, value, fmt) -> None:
    # The typed calls `write` would dispatch to (with formulas and URLs off, as set below):
    # 1.3 million cells make the dispatch worth skipping.
    if value is None or value == "":
        ws.write_blank(r, col, None, fmt)
    elif col in DATE_COLUMNS:
        ws.write_datetime(r, col, value, fmt)
    elif isinstance(value, str):
        ws.write_string(r, col, value, fmt)
    else:
        ws.write(r, col, value, fmt)


def write_ledger_xlsx(ledger: Ledger, target: str | IO[bytes]) -> None:
    # Every cell's text comes from an imported document or a user: `write` must never turn a
    # clause titled =HYPERLINK(...) into a formula or a URL into a link (spreadsheet injection).
    wb = xlsxwriter.Workbook(
        target,
        {
            # Rows go to a temporary file as they are written, not into a sheet held whole in
            # memory (issue 18: 100,000 milestones took 200 MB there); strings are inline.
            "constant_memory": True,
            "default_date_format": "yyyy-mm-dd",
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    try:
        _fill(wb, ledger)
    finally:
        wb.close()


def _fill(wb: xlsxwriter.Workbook, ledger: Ledger) -> None:
    ws = wb.add_worksheet("台账")
    fmts = _Formats(wb)
    ncols = len(LEDGER_COLUMNS)
    ws.merge_range(TITLE_ROW, 0, TITLE_ROW, ncols - 1, ledger.title, fmts.title)
    ws.set_row(TITLE_ROW, 30)
    ws.write_row(HEADER_ROW, 0, LEDGER_COLUMNS, fmts.header)
    ws.set_row(HEADER_ROW, 32)
    for col, width in enumerate(WIDTHS):
        ws.set_column(col, col, width)

    # constant_memory writes a row once, in order: each clause's rows are written whole, its
    # merged columns as the value on the first row and formatted blanks below, and the merges
    # are recorded on the sheet afterwards (merge_range would write ahead into later rows).
    # The rows come a clause at a time from the ledger's generator: none is kept once written.
    clause_looks = [fmts.cell(col, None) for col in range(ncols)]
    by_light: dict[str, list] = {}
    first = FIRST_ROW
    for _group, members in groupby(ledger.iter_rows(), key=attrgetter("group")):
        r = first - 1
        for offset, member in enumerate(members):
            r = first + offset
            looks = by_light.get(member.light) or by_light.setdefault(
                member.light, [fmts.cell(col, member.light) for col in range(ncols)]
            )
            for col, value in enumerate(member.values()):
                if col in CLAUSE_COLUMNS:
                    if offset == 0:
                        _write(ws, fmts, r, col, value, clause_looks[col])
                    else:
                        ws.write_blank(r, col, None, clause_looks[col])
                else:
                    _write(ws, fmts, r, col, value, looks[col])
        if r > first:
            # What merge_range records; clause ranges never overlap, so its overlap check is moot.
            ws.merge.extend([first, col, r, col] for col in CLAUSE_COLUMNS)
        first = r + 1

    last_row = max(HEADER_ROW, first - 1)
    ws.freeze_panes(FIRST_ROW, 0)
    ws.autofilter(HEADER_ROW, 0, last_row, ncols - 1)
    ws.repeat_rows(HEADER_ROW)
    ws.set_landscape()
    ws.set_paper(8)  # A3
    ws.fit_to_pages(1, 0)
