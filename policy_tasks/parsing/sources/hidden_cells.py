"""Rows and columns a workbook's sender hid: not read, as hidden sheets are not.

An office hides what it keeps for itself in the list it sends: a helper column (old units, an
internal code, a formula's inputs), rows of tasks dropped or merged in a later draft. The list is
what Excel shows. A sheet with a filter set (`autoFilter` choosing values) is the exception: its
rows are hidden by that filter, a view of the whole list the sender happened to leave on, and are
all read (its hidden columns are still left out).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from xlrd.book import Book
    from xlrd.sheet import Sheet

_ROW_RE = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_COL_RE = re.compile(rb"<(?:\w+:)?col\b([^>]*?)/?>")
_ATTR_RE = re.compile(rb'\b(r|min|max|hidden)="([^"]*)"')
_FILTER_RE = re.compile(rb"<(?:\w+:)?filterColumn\b")
_MAX_COLUMN = 16384  # Excel's last column, XFD


def _attrs(raw: bytes) -> dict[bytes, bytes]:
    return dict(_ATTR_RE.findall(raw))


def _hidden(attrs: dict[bytes, bytes]) -> bool:
    return attrs.get(b"hidden", b"").lower() in (b"1", b"true")


def xlsx_hidden(sheet_xml: bytes) -> tuple[set[int], set[int]]:
    """Zero-based (rows, columns) hidden in a worksheet part; no rows where a filter is set."""
    rows: set[int] = set()
    if not _FILTER_RE.search(sheet_xml):
        for raw in _ROW_RE.findall(sheet_xml):
            attrs = _attrs(raw)
            if _hidden(attrs) and attrs.get(b"r", b"").isdigit():
                rows.add(int(attrs[b"r"]) - 1)
    columns: set[int] = set()
    for raw in _COL_RE.findall(sheet_xml):
        attrs = _attrs(raw)
        low, high = attrs.get(b"min", b""), attrs.get(b"max", b"")
        if _hidden(attrs) and low.isdigit() and high.isdigit():
            # A range to the sheet's last column hides what lies beyond the list: only its width counts.
            columns.update(range(int(low) - 1, min(int(high), _MAX_COLUMN, int(low) + 1000)))
    return rows, columns


def xls_hidden(book: Book, sheet: Sheet) -> tuple[set[int], set[int]]:
    """The same for an .xls sheet read with its formatting (else nothing is known hidden)."""
    filtered = any(
        name.name == "_FilterDatabase" and name.scope == sheet.number for name in getattr(book, "name_obj_list", [])
    )
    rows = set() if filtered else {r for r, info in sheet.rowinfo_map.items() if info.hidden}
    columns = {c for c, info in sheet.colinfo_map.items() if info.hidden}
    return rows, columns


def without_hidden(grid: list[list[str]], rows: set[int], columns: set[int]) -> list[list[str]]:
    if not rows and not columns:
        return grid
    return [[cell for c, cell in enumerate(row) if c not in columns] for r, row in enumerate(grid) if r not in rows]
