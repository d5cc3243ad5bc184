"""A web table stored a cell a line behind `|` markers whose header the stored page lost.

A law mirror often keeps an annexed table alone, opening at its first row: no title, no header
(`1. 做好…预报(9分)` / `| 提高监测预报的准确率。(6分)` / `| 各省上传的…得1分` / `| 12月20日` / `| 预报司` / `|`).
With no header to name the columns (`pipe_tables` needs one), a clerk reads them by what they hold, as an
assessment or task table of the genre sets them out: the numbered item first, its text cells (a
sub-target, then its scoring rule or content), then its date and its unit, the last cells of the row.

- A row whose first cell carries the item's number starts an item. After its item cell, or in a row of
  its own, two text cells or more are a sub-target and its rule; a row of one text cell goes on with the
  sub-target above (its rule, the sub-target's cell merged down over it). Each sub-target of an item with
  two or more is a clause of its own under the item (round 58's register); an item with one is one clause,
  its item cell first (round 91).
- A date cell (one readable time phrase) and a unit cell (a name or list of units) written at a row's end
  are its deadline and the units that answer for it, the first leading (a table's sole unit column:
  round 67). A merged date or unit cell is written on the first row it covers only, so the cell written
  last above governs each row that writes none (round 78's `carried_cells`).

Only a stream that opens at a numbered row, holds two numbered items in order or more and writes a unit
cell on its first row is read so: a `|` stream with a header is `pipe_tables`'.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .deadlines import is_time_cell
from .outline import line_marker
from .pipe_tables import is_pipe_line, pipe_rows, stream_end
from .textutil import normalise
from .unit_names import names_units

_UNIT_CELL_MAX = 40


@dataclass
class _Part:
    words: list[str]
    due: str = ""
    units: str = ""


@dataclass
class _Item:
    cell: str
    parts: list[_Part] = field(default_factory=list)


def headless_stream(lines: list[tuple[str, bool]], i: int) -> tuple[int, list[str]] | None:
    """(the index after the stream, the table as the genre's text) where a headless stream starts at i."""
    first = lines[i][0].strip()
    if is_pipe_line(first) or not (i + 1 < len(lines) and lines[i + 1][0].strip().startswith("| ")):
        return None
    if line_marker(normalise(first)) is None:
        return None
    j = stream_end(lines, i)
    items = _items(pipe_rows([t for t, _ in lines[i:j]]))
    if items is None:
        return None
    return j, [line for item in items for line in _item_lines(item)]


def _unit_cell(cell: str) -> bool:
    return len(cell) <= _UNIT_CELL_MAX and "。" not in normalise(cell) and names_units(cell)


def _tail(row: list[str]) -> tuple[list[str], str, str]:
    """The row's text cells, and the date and unit cells written at its end (up to one each)."""
    cells, due, units = list(row), "", ""
    while len(cells) > 1:
        if not units and _unit_cell(cells[-1]):
            units = cells.pop()
        elif not due and is_time_cell(normalise(cells[-1])):
            due = cells.pop()
        else:
            break
    return cells, due, units


def _items(rows: list[list[str]]) -> list[_Item] | None:
    """The rows read by content (see the module), or None where they are no such table."""
    if len(rows) < 2:
        return None
    items: list[_Item] = []
    due = units = ""
    numbers: list[int] = []
    numbers_style = ""
    for n, row in enumerate(rows):
        texts, own_due, own_units = _tail(row)
        if n == 0 and not own_units:
            return None
        due, units = own_due or due, own_units or units
        marker = line_marker(normalise(texts[0]))
        if marker is not None:
            if numbers and (marker.value != numbers[-1] + 1 or marker.style != numbers_style):
                return None
            numbers_style = marker.style
            numbers.append(marker.value)
            items.append(_Item(texts.pop(0)))
            if not texts:
                continue
        if any(_unit_cell(t) or is_time_cell(normalise(t)) for t in texts) or not items:
            return None
        parts = items[-1].parts
        if len(texts) >= 2 or not parts:
            parts.append(_Part(texts, due, units))
        else:
            parts[-1].words.extend(texts)
            parts[-1].due, parts[-1].units = parts[-1].due or own_due, parts[-1].units or own_units
    return items if len(numbers) >= 2 else None


def _item_lines(item: _Item) -> list[str]:
    """An item as the genre's text: its sub-targets numbered under it where it has two or more."""
    if len(item.parts) <= 1:
        part = item.parts[0] if item.parts else _Part([])
        return [item.cell, *part.words, *_fields(part)]
    # The sub-targets' numbers in a style the item's own does not use.
    paren = (marker := line_marker(normalise(item.cell))) is not None and marker.style == "pnum"
    lines = [item.cell]
    for k, part in enumerate(item.parts, 1):
        number = chr(0x245F + k) if paren and k <= 20 else f"({k})"
        lines += [number + part.words[0], *part.words[1:], *_fields(part)]
    return lines


def _fields(part: _Part) -> list[str]:
    return [*([f"责任单位:{part.units}"] if part.units else []), *([f"完成时限:{part.due}"] if part.due else [])]
