"""RTF, which Word, WPS and many OA systems still save ("另存为 RTF") and mail as the plan.

The text comes from striprtf, which resolves the destinations, the `\\'hh` bytes in the file's
code page (`\\ansicpg936` for GBK, the usual one for Chinese; GB18030 when none is named) and the
`\\uN` characters. striprtf writes a table's cells as text and loses where a row starts, so the
three table words are first replaced by control characters that striprtf passes through:
`\\trowd` (a row's properties, written before its cells), `\\cell` (a cell ends) and `\\row`
(the row ends). Text outside a row is paragraphs; a cell's paragraphs are one line.

Word writes cells merged across a row as one cell as wide as those it covers: a row's properties give each cell's
right edge (`\\cellxN`), and a heading row merged across the table is a single cell whose edge is the table's. The
edges are kept (`\\cellx` replaced by a marker around its figure), and a row of fewer cells than the table's is laid
over the table's columns by them, a merged cell's text in every column it covers, as the .docx, OpenDocument and
SpreadsheetML readers give a merged cell: otherwise the heading would stand in the 序号 column alone.
"""

from __future__ import annotations

from collections.abc import Callable

from ..lazy_patterns import lazy_compile
from .base import Source, Table
from .grid import one_line, table_blocks

_CELL, _ROW, _ROW_START, _EDGE, _EDGE_END = "\x01", "\x02", "\x03", "\x04", "\x05"
# A control word ends at its first non-letter; one space after it is its delimiter, not text. The
# markers are written as bytes (`\'01`), which every code page reads as the same control
# character, rather than as `\uN` characters, whose fallback count (`\ucN`) the file sets.
_TABLE_WORDS = (
    (lazy_compile(r"\\cell(?![a-z])(?: )?"), r"\\'01"),
    (lazy_compile(r"\\row(?![a-z])(?: )?"), r"\\'02"),
    (lazy_compile(r"\\trowd(?![a-z])(?: )?"), r"\\'03"),
    (lazy_compile(r"\\cellx(-?\d{1,6})(?: )?"), r"\\'04\1\\'05"),
)
_CODE_PAGE_RE = lazy_compile(r"\\ansicpg(\d+)")
# A picture's bytes as hex (a seal or a logo pasted into the plan: megabytes). striprtf skips the
# picture, but reads it a character at a time; dropped first, it costs nothing.
_HEX_RUN_RE = lazy_compile(r"[0-9a-fA-F\r\n]{512,}")


def looks_like_rtf(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf")


def read_rtf(data: bytes, filename: str) -> Source:
    from striprtf.striprtf import rtf_to_text

    # RTF is 7-bit text whose escapes carry the bytes; latin-1 keeps any stray 8-bit byte as is.
    raw = _HEX_RUN_RE.sub("", data.decode("latin-1"))
    for pattern, marker in _TABLE_WORDS:
        raw = pattern.sub(marker, raw)
    text: str = rtf_to_text(raw, encoding=_encoding(raw), errors="replace")  # type: ignore[no-untyped-call]
    return Source("rtf", filename, _blocks(text))


def _encoding(raw: str) -> str:
    match = _CODE_PAGE_RE.search(raw[:4096])
    if match is None or match.group(1) in ("936", "54936", "0"):
        return "gb18030"  # a superset of GBK (936); files with no code page are most often Chinese
    name = f"cp{match.group(1)}"
    try:
        "".encode(name)
    except LookupError:
        return "gb18030"
    return name


def _blocks(text: str) -> list[str | Table]:
    blocks: list[str | Table] = []
    rows: list[tuple[list[str], list[int]]] = []
    row: list[str] | None = None
    cell: list[str] = []
    line: list[str] = []
    edges: list[int] = []  # the right edges of the row's cells, as its properties give them
    edge: list[str] | None = None  # the figure of a `\cellx` being read

    def end_table() -> None:
        if rows:
            blocks.extend(table_blocks(spread_by_edges(rows)))
            rows.clear()

    for char in text:
        if edge is not None:
            if char == _EDGE_END:
                figure = "".join(edge)
                edges.append(int(figure) if figure.lstrip("-").isdigit() else -1)
                edge = None
            else:
                edge.append(char)
            continue
        if char == _EDGE:
            edge = []
        elif char == _ROW_START:
            edges = []  # written again before `\row`: the same edges, read afresh
            if row is None:
                # Text since the last row ended, before this row's first cell, is a paragraph.
                _paragraphs("".join(line), blocks, end_table)
                line.clear()
                row = []
        elif char == _CELL:
            if row is None:  # a cell with no row properties before it: a row starts here
                row = []
                cell, line = line, []
            row.append(one_line("".join(cell)))
            cell = []
        elif char == _ROW:
            if row is not None:
                rows.append((row, edges))
            row, cell, edges = None, [], []
        elif row is not None:
            cell.append(char)
        else:
            line.append(char)
    if row:
        rows.append((row, edges))
    _paragraphs("".join(line), blocks, end_table)
    end_table()
    return blocks


def _paragraphs(text: str, blocks: list[str | Table], end_table: Callable[[], None]) -> None:
    lines = [one_line(part) for part in text.split("\n")]
    lines = [part for part in lines if part]
    if lines:
        end_table()
        blocks.extend(lines)


def spread_by_edges(rows: list[tuple[list[str], list[int]]]) -> list[list[str]]:
    """Each row's cells over the table's columns: those of its row with the most cells (the first such), whose edges
    are the columns' right edges. A row of fewer cells, each with its edge, puts a cell's text in every column whose
    right edge it reaches (within half the narrowest column, for edges a hand-drawn table set a little apart); a
    row that cannot be laid so is left as written."""
    widest_cells, columns = max(rows, key=lambda r: len(r[0]))
    if len(columns) != len(widest_cells) or len(columns) < 2 or columns != sorted(columns):
        return [cells for cells, _ in rows]
    slack = min(b - a for a, b in zip([0, *columns], columns, strict=False)) / 2
    out = []
    for cells, edges in rows:
        if len(cells) >= len(columns) or len(edges) != len(cells) or edges != sorted(edges):
            out.append(cells)
            continue
        spread = [next((i for i, e in enumerate(edges) if e >= right - slack), None) for right in columns]
        # Each cell in at least one column, or the row does not fit the table's columns.
        if None in spread or len(set(spread)) != len(cells):
            out.append(cells)
            continue
        out.append([cells[i] for i in spread if i is not None])
    return out
