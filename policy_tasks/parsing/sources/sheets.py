"""Excel task lists (.xlsx through openpyxl, .xls through xlrd): every visible sheet with data.

Hidden sheets are left out: they hold the lookup lists behind drop-downs, not tasks; so are hidden
rows and columns (hidden_cells.py), unless a filter hid the rows. A merged
cell's text is repeated into every cell it covers. Cells read as people see them: `1` not `1.0`,
`15%` for a percentage, and a date in the genre's own form, `2023年6月30日` (`2023年6月` when the
cell's format shows no day), which the deadline reader reads like any date in prose.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from .archive import open_zip
from .base import CORRUPT_XLS, CORRUPT_XLSX, EMPTY_WORKBOOK, ENCRYPTED_OFFICE, Source, SourceError, Table
from .grid import table_blocks
from .hidden_cells import without_hidden, xls_hidden, xlsx_hidden

if TYPE_CHECKING:
    from xlrd.book import Book
    from xlrd.sheet import Sheet

_MERGE_RE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+\d+(?::[A-Z]+\d+)?)"')
# Literal text ("年") and [colour]/[$-locale] parts of a format code are not date fields.
_FORMAT_NOISE_RE = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


def render(value: object, number_format: str | None = None) -> str:
    fmt = _FORMAT_NOISE_RE.sub("", number_format or "").lower()
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        day = _date_text(value.date(), fmt)
        return day if value.time() == time(0, 0) else f"{day} {value:%H:%M}"
    if isinstance(value, date):
        return _date_text(value, fmt)
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, int | float):
        return _number_text(float(value), fmt)
    return str(value)


def _date_text(day: date, fmt: str) -> str:
    shows_year, shows_day = "y" in fmt, "d" in fmt
    if shows_year and not shows_day:
        return f"{day.year}年{day.month}月"
    if shows_day and not shows_year:
        return f"{day.month}月{day.day}日"
    return f"{day.year}年{day.month}月{day.day}日"


def _number_text(value: float, fmt: str) -> str:
    if "%" in fmt:
        return f"{round(value * 100, 10):g}%"
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    decimals = re.search(r"\.(0+)", fmt)
    if decimals:
        return f"{value:.{len(decimals.group(1))}f}"
    return f"{value:.10g}"


def _fill_merges(grid: list[list[str]], merges: Iterable[tuple[int, int, int, int]]) -> None:
    """Repeat each merged range's top-left text into its cells, within the extent that has data."""
    height, width = len(grid), max((len(row) for row in grid), default=0)
    for row in grid:
        row.extend([""] * (width - len(row)))
    for min_row, max_row, min_col, max_col in merges:  # zero-based, inclusive
        if min_row >= height or min_col >= width:
            continue
        text = grid[min_row][min_col]
        for r in range(min_row, min(max_row, height - 1) + 1):
            for c in range(min_col, min(max_col, width - 1) + 1):
                grid[r][c] = text


def _sheet_source(kind: str, filename: str, sheets: list[list[list[str]]]) -> Source:
    blocks: list[str | Table] = []
    for grid in sheets:
        blocks.extend(table_blocks(grid))
    if not blocks:
        raise SourceError(EMPTY_WORKBOOK)
    return Source(kind, filename, blocks)


def read_xlsx(data: bytes, filename: str, archive: zipfile.ZipFile | None = None) -> Source:
    import openpyxl
    from openpyxl.utils.cell import range_boundaries

    archive = archive or open_zip(data)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises KeyError, ValueError, InvalidFileException, XML errors …
        raise SourceError(CORRUPT_XLSX) from exc
    sheets = []
    try:
        for sheet in book.worksheets:
            if sheet.sheet_state != "visible":
                continue
            # The stored dimension is often wrong (many generators write A1): read every row.
            sheet.reset_dimensions()
            grid = [[render(cell.value, cell.number_format) for cell in row] for row in sheet.iter_rows()]
            merges = []
            sheet_xml = archive.read(sheet._worksheet_path)
            for ref in _MERGE_RE.findall(sheet_xml):
                min_col, min_row, max_col, max_row = range_boundaries(ref.decode())
                merges.append((min_row - 1, max_row - 1, min_col - 1, max_col - 1))
            _fill_merges(grid, merges)
            sheets.append(without_hidden(grid, *xlsx_hidden(sheet_xml)))
    except SourceError:
        raise
    except Exception as exc:
        raise SourceError(CORRUPT_XLSX) from exc
    finally:
        book.close()
    return _sheet_source("xlsx", filename, sheets)


def read_xls(data: bytes, filename: str) -> Source:
    import xlrd

    # xlrd writes its warnings to stdout by default, which would corrupt `parse_policy --format json`.
    quiet = io.StringIO()
    try:
        try:
            book = xlrd.open_workbook(file_contents=data, formatting_info=True, logfile=quiet)
        except NotImplementedError:  # formats xlrd reads only without their formatting records
            book = xlrd.open_workbook(file_contents=data, logfile=quiet)
    except xlrd.XLRDError as exc:
        raise SourceError(ENCRYPTED_OFFICE if "encrypt" in str(exc).lower() else CORRUPT_XLS) from exc
    except Exception as exc:  # xlrd raises struct, index and assertion errors on damaged files
        raise SourceError(CORRUPT_XLS) from exc
    try:
        sheets = [_xls_grid(book, sheet) for sheet in book.sheets() if not sheet.visibility]
    except Exception as exc:
        raise SourceError(CORRUPT_XLS) from exc
    finally:
        book.release_resources()
    return _sheet_source("xls", filename, sheets)


def _xls_grid(book: Book, sheet: Sheet) -> list[list[str]]:
    import xlrd

    grid = []
    for r in range(sheet.nrows):
        row = []
        for c in range(sheet.ncols):
            cell = sheet.cell(r, c)
            fmt_str = None
            if cell.xf_index is not None and cell.xf_index < len(book.xf_list):  # empty without formatting_info
                fmt = book.format_map.get(book.xf_list[cell.xf_index].format_key)
                fmt_str = fmt.format_str if fmt is not None else None
            if cell.ctype == xlrd.XL_CELL_DATE:
                value = xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
            elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                value = bool(cell.value)
            elif cell.ctype in (xlrd.XL_CELL_TEXT, xlrd.XL_CELL_NUMBER):
                value = cell.value
            else:
                value = None
            row.append(render(value, fmt_str))
        grid.append(row)
    _fill_merges(grid, [(rlo, rhi - 1, clo, chi - 1) for rlo, rhi, clo, chi in sheet.merged_cells])
    return without_hidden(grid, *xls_hidden(book, sheet))
