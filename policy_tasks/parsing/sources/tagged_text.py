"""A .txt that holds a web page's markup: a plan copied from a government site's page source.

Offices save the page (or paste its source) into a .txt, so the text arrives with `<p>`, `<br>`,
`<div>`, `<span style=…>`, entities (`&nbsp;`, `&lt;`, `&#12289;`) and a `<table>` of the plan's
tasks, often without the `<html>` that `markup.looks_like_html` looks for. Such a text is read as the
page shows it: a block element or a `<br>` ends a line, and so does a line break of the file
(outside tags, as the person who pasted it saw it); entities are their characters; a simple table
(`<tr>`/`<td>`, `colspan` and `rowspan` repeated into the cells they cover) is a table; scripts and
styles are dropped. The standard library's html.parser reads it: it is forgiving of the unclosed
tags such pastes hold.

A text is taken for markup when it holds a tag of the HTML a page's text is set in (`<p>`, `<br/>`,
`<td colspan="2">`) or a `&nbsp;`: a title written in ASCII angle brackets (`<某县交通条例>`), as
some offices write 《》, is text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .base import Table
from .grid import MAX_SPAN, bounded_count, one_line, table_blocks

_TAG_RE = re.compile(
    r"</?(?:p|br|div|span|font|table|tbody|thead|tr|td|th|strong|b|em|i|u|a|img|ul|ol|li|h[1-6]|center|section"
    r"|article|o:p)(?:\s[^<>]*)?/?>|&nbsp;",
    re.IGNORECASE,
)
_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "center", "section", "article",
    "blockquote", "pre", "hr", "caption", "dd", "dt", "header", "footer",
}  # fmt: skip
_SKIP = {"script", "style", "head", "title", "noscript", "template"}


def holds_markup(text: str) -> bool:
    """Whether a text file holds a page's markup: a tag of the HTML pages set text in, or `&nbsp;`."""
    return _TAG_RE.search(text) is not None


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str | Table] = []
        self._line: list[str] = []
        self._skip = 0
        # Open tables, innermost last: each a list of rows, a row a list of (text, colspan, rowspan).
        self._tables: list[list[list[tuple[str, int, int]]]] = []
        self._cell: list[str] | None = None
        self._cell_spans = (1, 1)
        self._outer_cells: list[tuple[list[str] | None, tuple[int, int]]] = []

    # --- text -----------------------------------------------------------------------------------
    def _flush(self) -> None:
        for piece in "".join(self._line).split("\n"):
            text = piece.replace("\xa0", " ").strip()
            if text:
                self.blocks.append(text)
        self._line.clear()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._cell is not None:
            self._cell.append(data)
        elif self._tables:
            return  # text between a table's cells is layout
        else:
            self._line.append(data)

    # --- tags -----------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip += 1
        elif tag == "table":
            if self._cell is not None:
                self._outer_cells.append((self._cell, self._cell_spans))
                self._cell = None
            else:
                self._flush()
            self._tables.append([])
        elif tag == "tr" and self._tables:
            self._end_cell()
            self._tables[-1].append([])
        elif tag in ("td", "th") and self._tables:
            self._end_cell()
            if not self._tables[-1]:
                self._tables[-1].append([])
            values = dict(attrs)
            self._cell = []
            self._cell_spans = (
                bounded_count(values.get("colspan"), MAX_SPAN),
                bounded_count(values.get("rowspan"), MAX_SPAN),
            )
        elif tag in _BLOCKS:
            if self._cell is not None:
                self._cell.append(" ")
            elif not self._tables:
                self._line.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in ("td", "th"):
            self._end_cell()
        elif tag == "table" and self._tables:
            self._end_cell()
            rows = _grid(self._tables.pop())
            if self._outer_cells:
                # A table inside a cell is read row by row into the cell's one line.
                self._cell, self._cell_spans = self._outer_cells.pop()
                if self._cell is not None:
                    self._cell.append(" " + " ".join(" ".join(row) for row in rows) + " ")
            else:
                self.blocks.extend(table_blocks(rows))
        elif tag in _BLOCKS and self._cell is None and not self._tables:
            self._line.append("\n")

    def _end_cell(self) -> None:
        if self._cell is not None and self._tables:
            self._tables[-1][-1].append((one_line("".join(self._cell)), *self._cell_spans))
        self._cell = None

    def close(self) -> None:
        super().close()
        while self._tables:
            self.handle_endtag("table")
        self._flush()


def _grid(rows: list[list[tuple[str, int, int]]]) -> list[list[str]]:
    """The cells laid on the grid, a spanned cell's text in every place it covers."""
    grid: list[list[str | None]] = []
    for r, row in enumerate(rows):
        while len(grid) <= r:
            grid.append([])
        c = 0
        for text, colspan, rowspan in row:
            while c < len(grid[r]) and grid[r][c] is not None:
                c += 1
            for dr in range(min(rowspan, len(rows) - r)):
                while len(grid) <= r + dr:
                    grid.append([])
                target = grid[r + dr]
                target.extend([None] * (c + colspan - len(target)))
                for dc in range(colspan):
                    target[c + dc] = text
            c += colspan
    return [[cell or "" for cell in row] for row in grid if any(row)]


def read_tagged_text(text: str) -> list[str | Table]:
    """The blocks of a text that holds a page's markup (see the module docstring)."""
    reader = _Reader()
    reader.feed(text)
    reader.close()
    return reader.blocks
