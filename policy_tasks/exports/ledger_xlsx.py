"""The ledger as an Excel workbook in the layout supervision offices keep by hand.

Title row, styled header row (frozen, with an auto-filter), one row per milestone,
the clause columns merged across the clause's rows, light fills on the milestone
columns, widths sized for Chinese text, landscape A3 printing with the header
repeated on every page.

Written by xlsx_stream (the sheet XML streamed to a temporary file), not a spreadsheet
library: XlsxWriter's per-cell work took 17 s of a 100,000-milestone export and openpyxl's
write-only mode cannot merge cells (docs/decisions.md). openpyxl reads the workbook back in
the tests.
"""

from __future__ import annotations

from itertools import groupby
from operator import attrgetter
from typing import IO

from policy_tasks.exports.ledger import CLAUSE_COLUMNS, LEDGER_COLUMNS, Ledger
from policy_tasks.exports.xlsx_stream import SheetWriter, Style
from policy_tasks.selectors.lights import GREEN, GREY, RED, YELLOW

# Excel's own "good / neutral / bad" tints, which offices read as green / yellow / red.
FILLS = {RED: "FFC7CE", YELLOW: "FFEB9C", GREEN: "C6EFCE", GREY: "E7E6E6"}
FONT = "宋体"
# Widths in Excel character units; a Chinese character takes about two.
WIDTHS = [6, 18, 24, 42, 14, 26, 12, 12, 44, 16, 10, 10, 9]
CENTERED = {0, 4, 6, 7, 9, 10, 11, 12}
DATE_COLUMNS = {6, 7}
LIGHT_COLUMNS = {3, 6, 7, 8, 9, 10, 11, 12}

TITLE_ROW, HEADER_ROW, FIRST_ROW = 0, 1, 2  # zero-based
_BORDER = "808080"


def _cell_style(col: int, light: str | None) -> Style:
    return Style(
        font=FONT,
        size=10,
        border=_BORDER,
        wrap=True,
        vertical="center",
        horizontal="center" if col in CENTERED else "",
        date=col in DATE_COLUMNS,
        fill=FILLS[light] if light and col in LIGHT_COLUMNS else "",
    )


def write_ledger_xlsx(ledger: Ledger, target: str | IO[bytes]) -> None:
    """Write the workbook to `target` (a path or a binary file). Every cell's text comes from an
    imported document or a user and is written as a string, never as a formula or a link."""
    ncols = len(LEDGER_COLUMNS)
    sheet = SheetWriter("台账", WIDTHS)
    styles = sheet.styles
    title = styles.index(Style(font=FONT, size=16, bold=True, horizontal="center", vertical="center"))
    header = styles.index(
        Style(font=FONT, size=11, bold=True, color="FFFFFF", fill="1F4E78", border=_BORDER, wrap=True,
              horizontal="center", vertical="center")
    )  # fmt: skip
    sheet.row([(ledger.title, title)] + [(None, title)] * (ncols - 1), height=30)
    sheet.merge(TITLE_ROW, 0, TITLE_ROW, ncols - 1)
    sheet.row([(name, header) for name in LEDGER_COLUMNS], height=32)

    # Each clause's rows are written whole: its merged columns hold the value on the first row
    # and styled blanks below. The rows come a clause at a time from the ledger's generator.
    clause_looks = [styles.index(_cell_style(col, None)) for col in range(ncols)]
    by_light: dict[str, list[int]] = {}
    first = FIRST_ROW
    for _group, members in groupby(ledger.iter_rows(), key=attrgetter("group")):
        r = first - 1
        for offset, member in enumerate(members):
            r = first + offset
            looks = by_light.get(member.light)
            if looks is None:
                looks = by_light[member.light] = [styles.index(_cell_style(col, member.light)) for col in range(ncols)]
            values = member.values()
            if offset:
                for col in CLAUSE_COLUMNS:
                    values[col] = None
            sheet.row(
                [
                    (value, clause_looks[col] if col in CLAUSE_COLUMNS else looks[col])
                    for col, value in enumerate(values)
                ]
            )
        if r > first:
            for col in CLAUSE_COLUMNS:
                sheet.merge(first, col, r, col)
        first = r + 1

    sheet.freeze_rows = FIRST_ROW
    sheet.filter_row = HEADER_ROW
    sheet.print_title_row = HEADER_ROW
    sheet.landscape = True
    sheet.paper = 8  # A3
    sheet.fit_width = True
    sheet.close(target)
