"""Table rows numbered by a bare serial cell that no clause reads, for the review page's 待核对 mark.

A table flattened a cell a line numbers its rows by a line that is nothing but the number (`1`, `2`, … the 序号
column). `list_doubts` follows the clauses' own numbers, and such a row's number is no clause's: where the parse cut
the table wrongly (a catalogue's rows run into the first one, round 97; a breakdown's rows read as its header, round
90) the rows left behind bore no mark. The serial cells give the rows: from one serial to the next (the serials may
go on from clauses read with the numbers before, `1.` `2.` then a bare `3`). A row in which no clause starts is a row
the parse did not read as a clause of its own, unless a clause above the table holds its words and no other row's (a
table restating the prose's points, merged into them; a clause holding several rows ran them together) or the row
names no unit (a table of figures charging no one). Consecutive such rows are one warning.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from .outline import line_marker
from .result import ParsedDocument, ParseWarning
from .textutil import normalise
from .unit_names import looks_like_units

SIGN = "table rows numbered as no clause"

_SERIAL = re.compile(r"[0-9]{1,3}")  # ASCII digits: `①` and `²` are digits to str.isdigit, not to int()
_FIELD = re.compile(r"(?:责任|牵头|主办|配合|主体)(?:单位|部门|科室)?\s*[:：]")


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _serials(norms: list[str], read: dict[int, int]) -> list[list[int]]:
    """Runs of serial cells: lines that are only a number, 1, 2, 3 … in order (a repeated number, a second numbered
    column, is passed over; a 1 after the run reached 3 starts another table). A run may go on from clauses read
    with numbers 1 … n (`read`: number -> line), the rows the parse did read, when n + 1 stands below the n-th.
    Runs of fewer than three rows, counting those read, are no table's rows."""
    runs: list[tuple[int, list[int]]] = []  # (rows read before it, its serial lines)
    run: list[int] = []
    before = 0
    for at, line in enumerate(norms):
        if not _SERIAL.fullmatch(line):
            continue
        value = int(line)
        if value == before + len(run) + 1:
            run.append(at)
        elif value == 1 and len(run) >= 2:
            runs.append((before, run))
            before, run = 0, [at]
        elif not run and value > 1 and all(n in read for n in range(1, value)) and read[value - 1] < at:
            before, run = value - 1, [at]
    runs.append((before, run))
    return [run for before, run in runs if run and before + len(run) >= 3]


def _row_end(start: int, norms: list[str], limit: int) -> int:
    """Where a table's last row ends: at the first numbered line (the next heading) or `limit`."""
    for at in range(start + 1, limit):
        if line_marker(norms[at]) is not None and not _SERIAL.fullmatch(norms[at]):
            return at
    return limit


def _names_units(lines: list[str]) -> bool:
    return any(_FIELD.search(line) or (len(line) <= 20 and looks_like_units(line)) for line in lines)


def serial_rows(lines: Sequence[tuple[str, bool]], parsed: ParsedDocument) -> list[ParseWarning]:
    """One warning for each stretch of rows in which no clause starts (see the module's note)."""
    return [_warning(start, first, last) for start, _, first, last in unread_stretches(lines, parsed)]


def unread_stretches(lines: Sequence[tuple[str, bool]], parsed: ParsedDocument) -> list[tuple[int, int, int, int]]:
    """Each stretch of consecutive rows no clause reads: (its first line, the line after it, both as indices;
    its first and last serial numbers)."""
    norms = [normalise(text).strip() for text, _ in lines]
    starts = sorted(t.line - 1 for t in parsed.tasks)
    texts = [_compact(normalise(t.text)) for t in parsed.tasks]
    out: list[tuple[int, int, int, int]] = []
    read = {int(t.label): t.line - 1 for t in parsed.tasks if _SERIAL.fullmatch(t.label)}
    for run in _serials(norms, read):
        bounds = [*run, _row_end(run[-1], norms, len(norms))]
        cells = [[line for line in norms[start + 1 : end] if line] for start, end in pairwise(bounds)]
        # The clauses above the table holding each row's words.
        above = [t.line - 1 < run[0] for t in parsed.tasks]
        holders = [{i for i, text in enumerate(texts) if above[i] and _holds(text, row)} for row in cells]
        unread: list[tuple[int, int]] = []  # (row, its end) of the rows no clause reads
        for k, start in enumerate(run):
            end = bounds[k + 1]
            if any(start <= at < end for at in starts) or not _names_units(cells[k]):
                continue
            # A clause above the table holding this row's words alone restates it (an annexed table merged into the
            # prose); one holding other rows' too ran the rows together.
            if any(all(i not in other for j, other in enumerate(holders) if j != k) for i in holders[k]):
                continue
            unread.append((k, end))
        first = int(norms[run[0]])  # the run's first number (after the rows read with their numbers)
        for group in _stretches(unread):
            out.append((run[group[0][0]], group[-1][1], first + group[0][0], first + group[-1][0]))
    return out


def _holds(text: str, cells: list[str]) -> bool:
    """A cell of the row, long enough to be its own words, is in the clause's text."""
    return any(_compact(cell)[:20] in text for cell in cells if len(_compact(cell)) >= 8)


def _stretches(rows: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Consecutive rows gathered, so a table left unread is one warning."""
    groups: list[list[tuple[int, int]]] = []
    for row in rows:
        if groups and groups[-1][-1][0] == row[0] - 1:
            groups[-1].append(row)
        else:
            groups.append([row])
    return groups


def _warning(at: int, first: int, last: int) -> ParseWarning:
    numbers = f"“{first}”" if first == last else f"“{first}”至“{last}”"
    return ParseWarning(None, at + 1, f"第{at + 1}行起序号为{numbers}的表格行未单独读作条款,请核对 ({SIGN})")
