"""Word .docx: body paragraphs and tables in document order.

The body is walked as XML rather than through python-docx's `iter_inner_content`, which skips
content controls (`w:sdt`, common in templates) and leaves nested tables out of a cell's text.
Merged cells are laid on the table grid: a horizontal merge (`gridSpan`) repeats its text in
each column it spans, a vertical one (`vMerge`) in each row it covers. Word's automatic
numbering is written out in front of its paragraphs (see numbering.py), in the body and in cells.
A text box's paragraphs (a red-head, a 文号 or a whole notice laid out in boxes) are blocks of their
own before the paragraph that anchors the box (see text_boxes.py). The page headers stay out of the
body; their lines are handed over apart, for a 文号 set there (see page_headers.py).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .archive import open_zip
from .base import CORRUPT_DOCX, Source, SourceError, Table
from .grid import one_line, table_blocks
from .numbering import Numbering
from .page_headers import page_header_lines
from .text_boxes import box_contents
from .wordml import qn

if TYPE_CHECKING:
    from docx.oxml.xmlchemy import BaseOxmlElement

_P, _TBL, _SDT, _SDT_CONTENT, _TC = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent"), qn("w:tc")
_CUSTOM_XML, _BR = qn("w:customXml"), qn("w:br")
_TEXT = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
# Subtrees whose text is not the paragraph's: deleted revisions, text boxes (read in their own
# right by Word, and stored twice: the drawing and its VML fallback).
_SKIP = {qn("w:del"), qn("w:txbxContent"), "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}


def read_docx(data: bytes, filename: str, archive: zipfile.ZipFile | None = None) -> Source:
    import docx

    archive = archive or open_zip(data)
    try:
        document = docx.Document(io.BytesIO(_as_plain_docx(data, archive)))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors … for a damaged part
        raise SourceError(CORRUPT_DOCX) from exc
    numbering = Numbering(document)
    blocks: list[str | Table] = []
    for element in _block_elements(document.element.body):
        if element.tag == _P:
            for box in box_contents(element):
                blocks.extend(_box_blocks(box, numbering))
            blocks.append(_paragraph_text(element, numbering))
        else:
            blocks.extend(table_blocks(_grid(element, numbering)))
    return Source("docx", filename, blocks, page_headers=page_header_lines(document))


def _box_blocks(box: BaseOxmlElement, numbering: Numbering) -> list[str | Table]:
    blocks: list[str | Table] = []
    for element in _block_elements(box):
        if element.tag == _P:
            blocks.append(_paragraph_text(element, numbering))
        else:
            blocks.extend(table_blocks(_grid(element, numbering)))
    return blocks


_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# Same body, other package types: macro documents (.docm) and templates (.dotx/.dotm).
_OTHER_MAINS = (
    b"application/vnd.ms-word.document.macroEnabled.main+xml",
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)


def _as_plain_docx(data: bytes, archive: zipfile.ZipFile) -> bytes:
    """python-docx opens only the plain document type; a .docm or .dotx is re-labelled as one."""
    try:
        types = archive.read("[Content_Types].xml")
    except KeyError:
        return data
    if not any(main in types for main in _OTHER_MAINS):
        return data
    for main in _OTHER_MAINS:
        types = types.replace(main, _MAIN)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for member in archive.infolist():
            copy.writestr(member, types if member.filename == "[Content_Types].xml" else archive.read(member))
    return out.getvalue()


def _run_text(p: BaseOxmlElement) -> str:
    """The paragraph's text as Word shows it, wherever its runs sit: in tracked insertions, smart
    tags (Word 2003's `chsdate` around dates), simple fields, hyperlinks and inline content
    controls, which python-docx's `Paragraph.text` leaves out."""
    out: list[str] = []

    def walk(element: BaseOxmlElement) -> None:
        for child in element.iterchildren():
            if child.tag in _SKIP:
                continue
            if child.tag == _BR and child.get(qn("w:type")) in ("page", "column"):
                continue  # a page break is layout, not a line of text
            if child.tag in _TEXT:
                written = _TEXT[child.tag]
                out.append(child.text or "" if written is None else written)
            else:
                walk(child)

    walk(p)
    return "".join(out)


def _paragraph_text(p: BaseOxmlElement, numbering: Numbering, *, in_cell: bool = False) -> str:
    text = _run_text(p)
    label = numbering.label(p)
    if not text.strip() and in_cell:
        # A 序号 cell numbered by Word holds only its number: `1`, as a typed 序号 would be.
        return label.strip().rstrip(".．、")
    return label + text if text.strip() else text


def _block_elements(parent: BaseOxmlElement) -> Iterator[BaseOxmlElement]:
    for child in parent.iterchildren():
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _block_elements(content)
        elif child.tag == _CUSTOM_XML:
            yield from _block_elements(child)


def _grid(tbl: BaseOxmlElement, numbering: Numbering) -> list[list[str]]:
    rows: list[list[str]] = []
    for tr in tbl.tr_lst:
        row = [""] * tr.grid_before
        above = rows[-1] if rows else []
        for tc in tr.iterchildren(_TC):
            col = len(row)
            if tc.vMerge == "continue" and col < len(above):
                text = above[col]
            else:
                text = _cell_text(tc, numbering)
            row.extend([text] * max(tc.grid_span, 1))
        rows.append(row)
    return rows


def _cell_text(tc: BaseOxmlElement, numbering: Numbering) -> str:
    pieces: list[str] = []
    for element in _block_elements(tc):
        if element.tag == _P:
            pieces.append(_paragraph_text(element, numbering, in_cell=True))
        else:
            # A table inside a cell is read row by row, its cells in order, all on the cell's one line.
            pieces.extend(" ".join(row) for row in _grid(element, numbering))
    return one_line(" ".join(pieces))
