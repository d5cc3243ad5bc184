"""OpenDocument text and spreadsheets (.odt, .ods: LibreOffice, and WPS or Yozo Office when asked
to save in the national standard's ODF), read from the package's `content.xml` with lxml.

Text: headings and paragraphs in document order (`text:s` is spaces, `text:tab` a tab, a line
break a space), lists item by item, tables as tables. Tables and sheets: a cell spanning
columns or rows (`table:number-columns-spanned`, `-rows-spanned`) has its text repeated in every
position it covers, as the other readers do; repeated rows and columns (`number-*-repeated`, a
sheet's million empty rows) are repeated only while they hold text.
"""

from __future__ import annotations

import zipfile
from typing import TYPE_CHECKING

from lxml import etree

from .base import CORRUPT_ARCHIVE, EMPTY_WORKBOOK, Source, SourceError, Table
from .grid import MAX_SPAN, SpanGrid, bounded_count, one_line, table_blocks

if TYPE_CHECKING:
    from lxml.etree import _Element

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
}
_TEXT, _TABLE = f"{{{_NS['text']}}}", f"{{{_NS['table']}}}"
_MAX_REPEAT = 1000  # a repeated row or column with text; more is layout, not a plan


def is_opendocument(names: set[str], archive: zipfile.ZipFile) -> bool:
    """A text or a spreadsheet; a presentation or a drawing is no plan."""
    if "mimetype" not in names or "content.xml" not in names:
        return False
    kind = archive.read("mimetype")[:100]
    return b"opendocument.text" in kind or b"opendocument.spreadsheet" in kind


def read_opendocument(data: bytes, filename: str, archive: zipfile.ZipFile) -> Source:
    spreadsheet = b"spreadsheet" in archive.read("mimetype")[:100]
    try:
        root = etree.fromstring(archive.read("content.xml"), etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        raise SourceError(CORRUPT_ARCHIVE) from exc
    body = root.find("office:body", _NS)
    if body is None:
        raise SourceError(CORRUPT_ARCHIVE)
    blocks: list[str | Table] = []
    _walk(body, blocks)
    if spreadsheet and not blocks:
        raise SourceError(EMPTY_WORKBOOK)
    return Source("ods" if spreadsheet else "odt", filename, blocks)


def _walk(element: _Element, blocks: list[str | Table]) -> None:
    for child in element:
        tag = child.tag
        if tag in (_TEXT + "h", _TEXT + "p"):
            text = one_line(_inline(child))
            if text:
                blocks.append(text)
        elif tag == _TABLE + "table":
            blocks.extend(table_blocks(_grid(child)))
        elif isinstance(tag, str) and not tag.startswith(_TABLE + "table-"):
            # office:text, office:spreadsheet, text:list, text:list-item, text:section, frames …
            _walk(child, blocks)


def _inline(element: _Element) -> str:
    parts = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == _TEXT + "s":
            parts.append(" " * int(child.get(_TEXT + "c", "1") or 1))
        elif tag == _TEXT + "tab":
            parts.append("\t")
        elif tag == _TEXT + "line-break":
            parts.append(" ")
        elif tag in (_TEXT + "note", _TEXT + "tracked-changes"):
            pass  # footnotes and deleted text are not the clause's words
        else:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _rows(table: _Element) -> list[_Element]:
    """The table's rows, also those inside row groups and header rows."""
    rows: list[_Element] = []
    for child in table:
        if child.tag == _TABLE + "table-row":
            rows.append(child)
        elif child.tag in (_TABLE + "table-header-rows", _TABLE + "table-rows", _TABLE + "table-row-group"):
            rows.extend(_rows(child))
    return rows


def _grid(table: _Element) -> list[list[str]]:
    grid = SpanGrid()
    r = 0
    for row in _rows(table):
        cells = _cells(row)
        repeat = _count(row, "number-rows-repeated", _MAX_REPEAT) if any(text for text, *_ in cells) else 1
        for _ in range(repeat):
            c = 0
            # Covered cells are written in the places a span covers: every cell written is one column.
            for text, columns, spans_right, spans_down in cells:
                for _ in range(columns):
                    grid.place(r, c, text, down=spans_down, across=spans_right)
                    c += 1
            r += 1
    return grid.rows()


def _cells(row: _Element) -> list[tuple[str, int, int, int]]:
    """(text, repeated columns, columns spanned, rows spanned) of each cell written in the row; a
    covered cell (under another's span) spans nothing: its place holds the spanner's text."""
    cells: list[tuple[str, int, int, int]] = []
    for cell in row:
        if cell.tag == _TABLE + "covered-table-cell":
            cells.append(("", _count(cell, "number-columns-repeated", _MAX_REPEAT), 0, 0))
        elif cell.tag == _TABLE + "table-cell":
            text = one_line(" ".join(_inline(p) for p in cell.iter(_TEXT + "p", _TEXT + "h")))
            repeat = _count(cell, "number-columns-repeated", _MAX_REPEAT) if text else 1
            right = _count(cell, "number-columns-spanned", MAX_SPAN)
            down = _count(cell, "number-rows-spanned", MAX_SPAN)
            cells.append((text, repeat, right, down))
    return cells


def _count(element: _Element, name: str, cap: int) -> int:
    return bounded_count(element.get(_TABLE + name), cap)
