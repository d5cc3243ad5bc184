"""Web pages, the HTML that government systems export under an .xls or .doc name, and a .txt
that holds a page's markup.

Many OA and 督办 systems "export to Excel" by writing an HTML table and calling it .xls, and
plans are often saved from the portal page they were published on. Such a file is read like a
document: block elements are paragraphs, tables are tables (rowspan/colspan repeated into
every cell they cover), scripts and styles are dropped.

Offices also save a page (or paste its source) into a .txt, so the text arrives with `<p>`, `<br>`,
`<span style=…>`, entities (`&nbsp;`, `&#12289;`) and a `<table>` of the plan's tasks, often without
the `<html>` that `looks_like_html` looks for. Such a text is read the same way, except that a line
break of the file also ends a line, as the person who pasted it saw it. It is taken for markup when
it holds a tag of the HTML a page's text is set in (`<p>`, `<br/>`, `<td colspan="2">`) or a
`&nbsp;`: a title written in ASCII angle brackets (`<某县交通条例>`), as some offices write 《》, is text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .base import Source, Table
from .decoding import decode_text
from .grid import MAX_SPAN, bounded_count, one_line, table_blocks

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_BLOCKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "br", "section", "article",
    "blockquote", "pre", "dt", "dd", "dl", "header", "footer", "center", "tr", "caption", "hr",
}  # fmt: skip
_SKIP = {"script", "style", "head", "title", "noscript", "template"}
_TAG_RE = re.compile(
    r"</?(?:p|br|div|span|font|table|tbody|thead|tr|td|th|strong|b|em|i|u|a|img|ul|ol|li|h[1-6]|center|section"
    r"|article|o:p)(?:\s[^<>]*)?/?>|&nbsp;",
    re.IGNORECASE,
)


def holds_markup(text: str) -> bool:
    """Whether a text file holds a page's markup: a tag of the HTML pages set text in, or `&nbsp;`."""
    return _TAG_RE.search(text) is not None


def looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or (
        head.startswith(b"<") and b"<table" in data[:65536].lower()
    )


def read_html(data: bytes, filename: str) -> Source:
    return Source("html", filename, read_markup_text(decode_text(data), keep_line_breaks=False))


def read_markup_text(text: str, *, keep_line_breaks: bool) -> list[str | Table]:
    """The blocks of a page's markup; with `keep_line_breaks`, the text's own line breaks end lines."""
    import lxml.html

    root = lxml.html.document_fromstring(text)
    blocks: list[str | Table] = []
    line: list[str] = []

    def flush() -> None:
        pieces = "".join(line).split("\n") if keep_line_breaks else ["".join(line)]
        blocks.extend(piece for piece in map(one_line, pieces) if piece)
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
    return blocks


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
