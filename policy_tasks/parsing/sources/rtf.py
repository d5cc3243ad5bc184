"""RTF, which Word, WPS and many OA systems still save ("另存为 RTF") and mail as the plan.

The text comes from striprtf, which resolves the destinations, the `\\'hh` bytes in the file's
code page (`\\ansicpg936` for GBK, the usual one for Chinese; GB18030 when none is named) and the
`\\uN` characters. striprtf writes a table's cells as text and loses where a row starts, so the
three table words are first replaced by control characters that striprtf passes through:
`\\trowd` (a row's properties, written before its cells), `\\cell` (a cell ends) and `\\row`
(the row ends). Text outside a row is paragraphs; a cell's paragraphs are one line.
"""

from __future__ import annotations

from collections.abc import Callable

from ..lazy_patterns import lazy_compile
from .base import Source, Table
from .grid import one_line, table_blocks

_CELL, _ROW, _ROW_START = "\x01", "\x02", "\x03"
# A control word ends at its first non-letter; one space after it is its delimiter, not text. The
# markers are written as bytes (`\'01`), which every code page reads as the same control
# character, rather than as `\uN` characters, whose fallback count (`\ucN`) the file sets.
_TABLE_WORDS = (
    (lazy_compile(r"\\cell(?![a-z])(?: )?"), r"\\'01"),
    (lazy_compile(r"\\row(?![a-z])(?: )?"), r"\\'02"),
    (lazy_compile(r"\\trowd(?![a-z])(?: )?"), r"\\'03"),
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
    rows: list[list[str]] = []
    row: list[str] | None = None
    cell: list[str] = []
    line: list[str] = []

    def end_table() -> None:
        if rows:
            blocks.extend(table_blocks(rows))
            rows.clear()

    for char in text:
        if char == _ROW_START:
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
                rows.append(row)
            row, cell = None, []
        elif row is not None:
            cell.append(char)
        else:
            line.append(char)
    if row:
        rows.append(row)
    _paragraphs("".join(line), blocks, end_table)
    end_table()
    return blocks


def _paragraphs(text: str, blocks: list[str | Table], end_table: Callable[[], None]) -> None:
    lines = [one_line(part) for part in text.split("\n")]
    lines = [part for part in lines if part]
    if lines:
        end_table()
        blocks.extend(lines)
