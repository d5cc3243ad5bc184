"""Blocks (paragraphs and tables) set as a PDF with ruled tables, the way Word or WPS exports a
分工方案: cell text wrapped to its column, a name per line where the cell lists them, a row that
carries one heading across the table drawn as one merged cell, rows moved whole to the next page.
Portrait, or landscape as task tables often are."""

from __future__ import annotations

import math

from policy_tasks.parsing.sources import Table
from tests.sources.builders import pdf_document
from tests.sources.pdf_layouts import FONT

_SIZE, _PITCH, _PAD, _MARGIN = 9, 12, 4, 50


def _advance(char: str) -> float:
    return _SIZE / 2 if " " <= char <= "~" else _SIZE


def _wrap(text: str, width: float) -> list[str]:
    lines, line, used = [], "", 0.0
    for char in text:
        if line and used + _advance(char) > width:
            lines.append(line)
            line, used = "", 0.0
        line += char
        used += _advance(char)
    return [*lines, line] if line else lines or [""]


def _cell_lines(text: str, width: float) -> list[str]:
    # A space in a cell read back is where the cell broke its names into lines.
    return [line for part in text.split(" ") if part for line in _wrap(part, width)] or [""]


def _text(x: float, y: float, line: str) -> str:
    return f"BT /F1 {_SIZE} Tf 0 Tc {x:.1f} {y:.1f} Td <{line.encode('utf-16-be').hex()}> Tj ET"


def _box(x0: float, y0: float, x1: float, y1: float) -> list[str]:
    return [
        f"{x0} {y0} m {x1} {y0} l S",
        f"{x0} {y1} m {x1} {y1} l S",
        f"{x0} {y0} m {x0} {y1} l S",
        f"{x1} {y0} m {x1} {y1} l S",
    ]


# A block that starts a new page, as a page break set before a table's continuation does.
PAGE_BREAK = "\f"


def render(blocks: list[str | Table], *, landscape: bool = False, folios: bool = False) -> bytes:
    """`folios`: each page's number `— N —` centred at its foot, as GB/T 9704 sets it."""
    page_width, page_height = (842, 595) if landscape else (595, 842)
    width, top = page_width - 2 * _MARGIN, page_height - 60
    pages: list[list[str]] = []
    ops: list[str] = []
    y = top

    def room(height: float) -> None:
        nonlocal ops, y
        if y - height < 60:
            pages.append(ops)
            ops, y = [], top

    for block in blocks:
        if block == PAGE_BREAK:
            pages.append(ops)
            ops, y = [], top
            continue
        if isinstance(block, str):
            for line in _wrap(block, width):
                room(_PITCH)
                ops.append(_text(_MARGIN, y - _SIZE, line))
                y -= _PITCH
            continue
        columns = max(len(row) for row in block.rows)
        longest = [max(sum(map(_advance, row[i])) for row in block.rows if i < len(row)) for i in range(columns)]
        weights = [max(math.sqrt(length), 3) for length in longest]
        xs = [_MARGIN + width * sum(weights[:i]) / sum(weights) for i in range(columns + 1)]
        for row in block.rows:
            if columns > 1 and len(set(row)) == 1 and row[0]:
                # A heading merged across the row (read back repeated into every cell).
                lines = _wrap(row[0], width - 2 * _PAD)
                height = len(lines) * _PITCH + 2 * _PAD
                room(height)
                ops += _box(_MARGIN, y, _MARGIN + width, y - height)
                ops += [_text(_MARGIN + _PAD, y - _PAD - _SIZE - i * _PITCH, line) for i, line in enumerate(lines)]
                y -= height
                continue
            cells = [_cell_lines(row[i] if i < len(row) else "", xs[i + 1] - xs[i] - 2 * _PAD) for i in range(columns)]
            height = max(map(len, cells)) * _PITCH + 2 * _PAD
            room(height)
            for i, lines in enumerate(cells):
                ops += _box(xs[i], y, xs[i + 1], y - height)
                ops += [
                    _text(xs[i] + _PAD, y - _PAD - _SIZE - j * _PITCH, line) for j, line in enumerate(lines) if line
                ]
            y -= height
        y -= _PITCH
    pages.append(ops)
    if folios:
        for number, page in enumerate(pages, start=1):
            page.append(_text(page_width / 2 - 2 * _SIZE, 30, f"— {number} —"))
    data = pdf_document(pages, font=FONT)
    return data.replace(b"/MediaBox [0 0 595 842]", b"/MediaBox [0 0 842 595]") if landscape else data
