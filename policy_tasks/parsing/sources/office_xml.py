"""Office 2003 XML: Word's "XML 文档" (WordprocessingML) and Excel's "XML 表格" (SpreadsheetML).

Many OA and 督办 systems export a task list as a SpreadsheetML file named .xls (Excel opens it
with a warning), and older offices saved plans as Word 2003 XML. Both are one XML file, read
with lxml:
- Word: paragraphs (`w:p`, their runs' `w:t`, a tab or a break a space) in document order, also
  inside `wx:sect` sections; a list paragraph's number as Word rendered it (`wx:t wx:val="1."`)
  leads its text, as the .docx reader writes out automatic numbers; tables (`w:tbl`) with
  `w:gridSpan` and `w:vmerge` repeated into the positions they cover.
- Excel: each `Worksheet`'s `Table`: rows and cells at their `ss:Index` (1-based, skipping
  empty ones), `ss:MergeAcross` / `ss:MergeDown` repeated into the positions they cover.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from .base import EMPTY_WORKBOOK, UNREADABLE, Source, SourceError, Table
from .grid import MAX_SPAN, SpanGrid, bounded_count, one_line, table_blocks

if TYPE_CHECKING:
    from lxml.etree import _Element

_W = "{http://schemas.microsoft.com/office/word/2003/wordml}"
_WX = "{http://schemas.microsoft.com/office/word/2003/auxHint}"
_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
_MAX_INDEX = 10000  # a row or column index beyond this is no task list


def office_xml_kind(data: bytes) -> str | None:
    """ "word" or "excel" for Office 2003 XML, else None."""
    head = data[:4096]
    if b"<?xml" not in head[:200] and b"<?mso-application" not in head:
        return None
    if b'progid="Word.Document"' in head or b"schemas.microsoft.com/office/word/2003/wordml" in head:
        return "word"
    if b'progid="Excel.Sheet"' in head or b"urn:schemas-microsoft-com:office:spreadsheet" in head:
        return "excel"
    return None


def read_office_xml(data: bytes, filename: str, kind: str) -> Source:
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, recover=False))
    except etree.XMLSyntaxError as exc:
        raise SourceError(UNREADABLE) from exc
    blocks: list[str | Table] = []
    if kind == "word":
        body = root.find(f"{_W}body")
        _word_blocks(body if body is not None else root, blocks)
        return Source("word-xml", filename, blocks)
    for table in root.iter(f"{_SS}Table"):
        blocks.extend(table_blocks(_sheet_grid(table)))
    if not blocks:
        raise SourceError(EMPTY_WORKBOOK)
    return Source("excel-xml", filename, blocks)


# --- Word ----------------------------------------------------------------------------------------


def _word_blocks(element: _Element, blocks: list[str | Table]) -> None:
    for child in element:
        if child.tag == f"{_W}p":
            text = one_line(_paragraph(child))
            if text:
                blocks.append(text)
        elif child.tag == f"{_W}tbl":
            blocks.extend(table_blocks(_word_grid(child)))
        elif child.tag in (f"{_WX}sect", f"{_WX}sub-section", f"{_W}sdt", f"{_W}sdtContent"):
            _word_blocks(child, blocks)


def _paragraph(p: _Element) -> str:
    parts: list[str] = []
    number = p.find(f"{_W}pPr/{_W}listPr/{_WX}t")
    if number is not None and number.get(f"{_WX}val"):
        parts.append(number.get(f"{_WX}val", "") + " ")
    for node in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        parts.append((node.text or "") if node.tag == f"{_W}t" else " ")
    return "".join(parts)


def _word_grid(table: _Element) -> list[list[str]]:
    rows: list[list[str]] = []
    merged_above: dict[int, str] = {}
    for tr in table.iter(f"{_W}tr"):
        row: list[str] = []
        for tc in tr.findall(f"{_W}tc"):
            props = tc.find(f"{_W}tcPr")
            span, vmerge = 1, None
            if props is not None:
                grid_span = props.find(f"{_W}gridSpan")
                if grid_span is not None:
                    span = bounded_count(grid_span.get(f"{_W}val"), MAX_SPAN)
                merge = props.find(f"{_W}vmerge")
                if merge is not None:
                    vmerge = merge.get(f"{_W}val", "continue")
            column = len(row)
            text = one_line(" ".join(_paragraph(p) for p in tc.findall(f".//{_W}p")))
            if vmerge == "continue":
                text = merged_above.get(column, text)
            elif vmerge == "restart":
                merged_above[column] = text
            row.extend([text] * span)
        rows.append(row)
    return rows


# --- Excel ---------------------------------------------------------------------------------------


def _sheet_grid(table: _Element) -> list[list[str]]:
    grid = SpanGrid()
    r = -1
    for row in table.iter(f"{_SS}Row"):
        r = bounded_count(row.get(f"{_SS}Index"), _MAX_INDEX) - 1 if row.get(f"{_SS}Index") else r + 1
        c = -1
        for cell in row.findall(f"{_SS}Cell"):
            c = bounded_count(cell.get(f"{_SS}Index"), _MAX_INDEX) - 1 if cell.get(f"{_SS}Index") else c + 1
            data = cell.find(f"{_SS}Data")
            text = one_line("".join(data.itertext())) if data is not None else ""
            across = bounded_count(cell.get(f"{_SS}MergeAcross"), MAX_SPAN, low=0)
            down = bounded_count(cell.get(f"{_SS}MergeDown"), MAX_SPAN, low=0)
            grid.place(r, c, text, down=down + 1, across=across + 1)
            c += across
    return grid.rows()
