"""Web pages and the HTML that government systems export under an .xls or .doc name.

Many OA and 督办 systems "export to Excel" by writing an HTML table and calling it .xls, and
plans are often saved from the portal page they were published on. Such a file is read like a
document: block elements are paragraphs, tables are tables (rowspan/colspan repeated into
every cell they cover), scripts and styles are dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import Source, Table
from .grid import MAX_SPAN, bounded_count, one_line, table_blocks
from .text import decode_text

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_BLOCKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "br", "section", "article",
    "blockquote", "pre", "dt", "dd", "dl", "header", "footer", "center", "tr", "caption", "hr",
}  # fmt: skip
_SKIP = {"script", "style", "head", "title", "noscript", "template"}
# Wide spans are layout, not data; cap them so a colspan of 10000 cannot blow up the grid.


def looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or (
        head.startswith(b"<") and b"<table" in data[:65536].lower()
    )


def read_html(data: bytes, filename: str) -> Source:
    import lxml.html

    root = lxml.html.document_fromstring(decode_text(data))
    blocks: list[str | Table] = []
    line: list[str] = []

    def flush() -> None:
        text = one_line("".join(line))
        if text:
            blocks.append(text)
        line.clear()

    def walk(element: HtmlElement) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIP:
            return
        if tag == "table":
            flush()
            blocks.extend(table_blocks(_grid(element)))
            return
        if tag in _BLOCKS:
            flush()
        if element.text and tag:
            line.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                line.append(child.tail)
        if tag in _BLOCKS:
            flush()

    body = root.find("body")
    walk(body if body is not None else root)
    flush()
    return Source("html", filename, blocks)


def _grid(table: HtmlElement) -> list[list[str]]:
    rows = [tr for tr in table.iter("tr") if _owner(tr) is table]
    grid: list[list[str | None]] = []
    for r, tr in enumerate(rows):
        while len(grid) <= r:
            grid.append([])
        c = 0
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            while c < len(grid[r]) and grid[r][c] is not None:
                c += 1
            text = one_line(_inline_text(cell))
            rowspan = min(bounded_count(cell.get("rowspan"), MAX_SPAN), len(rows) - r)
            colspan = bounded_count(cell.get("colspan"), MAX_SPAN)
            for dr in range(rowspan):
                while len(grid) <= r + dr:
                    grid.append([])
                target = grid[r + dr]
                target.extend([None] * (c + colspan - len(target)))
                for dc in range(colspan):
                    target[c + dc] = text
            c += colspan
    return [[cell or "" for cell in row] for row in grid]


def _inline_text(element: HtmlElement) -> str:
    """An element's text with inline markup joined as it reads and block breaks as spaces."""
    pieces: list[str] = []

    def walk(node: HtmlElement) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _SKIP:
            return
        if tag in _BLOCKS:
            pieces.append(" ")
        if node.text and tag:
            pieces.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
        if tag in _BLOCKS:
            pieces.append(" ")

    walk(element)
    return "".join(pieces)


def _owner(tr: HtmlElement) -> HtmlElement | None:
    parent = tr.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent
