"""The cells of a row a web page flattened with spaces between cells, told apart by their kind.

A web table stored as text keeps a row a line, its cells set apart by a space (round 10,
`space_tables.space_table`). A text cell may hold spaces of its own; the short cells after it
(units, dates, persons) rarely do. A page writes an empty cell one of two ways:

- dropped: nothing is left of it, so a row whose 配合单位 is empty holds one word fewer than its
  header (`1 推进… 市发改委 2025年底前` under `序号 重点任务 牵头单位 配合单位 完成时限`);
- kept: the space before it stays, so two spaces stand where it was (`1 推进… 市发改委  2025年底前`),
  and an empty last cell leaves nothing at the line's end, where pages trim the spaces.

Either way the header gives the columns and a row's words fill them by kind: the serial first,
then the task's text, then each short word in the next column whose kind it fits (a unit column:
it names units; the time column: a time phrase and little else; a leader column: persons). An
empty cell kept as two spaces holds its column, so the word after it goes to the column after.
Where the row's last words fit the header's last columns one to one, they are those cells (a
full row, as the reader took it before); else the words are placed by kind, the task keeping
its first word and every word before the first that opens the short cells.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .column_meanings import DUE, LEADER, UNIT_KINDS
from .deadlines import read_time_phrase
from .lazy_patterns import lazy_compile
from .person_names import is_person
from .pipe_tables import task_like
from .space_rows import placed_in_order, short_row_cells, unit_cell_words
from .textutil import cn_to_int, normalise
from .time_phrase import UNREADABLE
from .unit_names import names_units
from .units import roles_in_words


class SpacedRow(NamedTuple):
    n: int  # the serial's value
    written: str  # the serial as written (`3`, `3.`, `三`, `(三)`)
    rest: str  # the row's words after it


# A row's line: its 序号 as offices write it (`3`, `3.`, `三`, `(三)`), then its cells after a space.
# A heading row's number runs into its words (`一、经济发展`, `(一)提升…`, `1.专项整改问题`).
_ROW_RE = lazy_compile(
    r"\s*(?P<n>\d{1,4}[.、]?|[一二三四五六七八九十]{1,3}|\([一二三四五六七八九十\d]{1,3}\))\s+(?P<rest>\S.*)"
)


def spaced_row(text: str) -> SpacedRow | None:
    """A line that is a row of a table flattened with spaces between cells, or None."""
    m = _ROW_RE.fullmatch(normalise(text).rstrip())
    if m is None:
        return None
    digits = m["n"].strip("().、")
    n = int(digits) if digits.isdigit() else cn_to_int(digits)
    return SpacedRow(n, m["n"], m["rest"]) if n else None


def row_cells(
    tokens: list[str],
    cells: list[str],
    trailing: int,
    kinds: list[str | None],
    *,
    first: bool,
    short_ok: bool,
    fill: bool = True,
) -> list[str] | None:
    """The task's words then the row's trailing cells, or None where the words are no row of the
    table. `tokens`: the row's words with any empty cell kept as ''; `cells`: its words as read
    with the lines below it (`space_rows.row_words`). `first`: the table's first row, which must
    name a unit to start it; `short_ok`: a row that fills fewer cells than the trailing columns
    is a row (its serial follows on). `fill`: a row whose words are more than the trailing columns
    fills them by position where nothing fits them by kind; not where its units came before its
    task (`spaced_front_cells`), whose last words are then the task's."""
    if by_position(tokens, trailing, kinds):
        return unit_cell_words([*[t for t in tokens[:-trailing] if t], *tokens[-trailing:]], trailing, kinds)
    placed = by_kind(tokens, trailing, kinds)
    full = len(cells) > trailing
    if placed is not None and (holds_units(placed[-trailing:], kinds) if first else full or short_ok):
        # Names before a filled first unit cell are that cell's, written a name a line.
        return unit_cell_words(placed, trailing, kinds) if placed[-trailing] else placed
    if full and fill:
        return unit_cell_words(cells, trailing, kinds)
    return short_row_cells(cells, trailing, kinds) if short_ok and not first else None


def kept_tokens(rest: str, header: str) -> list[str]:
    """A row's words after its serial, an empty cell kept as a second space written as ''; only
    under a header written with single spaces between its cells (a page that sets its cells
    apart by runs of spaces, or broke a header cell with one, keeps no empty cell so)."""
    line = normalise(header).strip()
    if " ".join(line.split()) != line:
        return rest.split()
    return rest.strip().split(" ")


def by_position(tokens: list[str], trailing: int, kinds: list[str | None]) -> bool:
    """Whether the row's last `trailing` words fit the header's last columns one to one (an empty
    cell, '', fits any), with a word of the task's before them."""
    if len([t for t in tokens if t]) <= trailing or len(tokens) <= trailing:
        return False
    columns = kinds[len(kinds) - trailing :]
    return all(not t or fits(t, kind) for t, kind in zip(tokens[-trailing:], columns, strict=True))


def by_kind(tokens: list[str], trailing: int, kinds: list[str | None]) -> list[str] | None:
    """The task's words then one cell per trailing column, each short word in the next column
    its kind fits (an empty cell, '', holding its own); None where no split places every word
    after the task's. The task keeps its first word."""
    columns = kinds[len(kinds) - trailing :]
    for start in range(1, len(tokens)):
        if not tokens[start - 1]:
            continue  # the task's last word is a word, not an empty cell
        placed = placed_in_order(tokens[start:], columns, fits)
        if placed is not None:
            return [*[t for t in tokens[:start] if t], *placed]
    return None


def fits(word: str, kind: str | None) -> bool:
    """Whether a short word can be a cell of the column: a unit column's names units, a time
    column's is a time phrase and little else (`2025年底前`, `长期坚持`), a leader column's names
    persons (`张三、李四`)."""
    if kind in UNIT_KINDS:
        # A cell may say the roles in words (`A牵头,B配合`, `A负责`), as a clause's bracket does.
        return names_units(word) or roles_in_words(word) is not None
    if kind == DUE:
        return is_time_cell(word)
    return kind == LEADER and all(is_person(p) for p in word.split("、") if p)


def is_time_cell(word: str) -> bool:
    """A time phrase with little else, read or not to a date (`长期坚持`, `持续推进`: ongoing); or a date for each of
    the task's targets, `;` between them (`2015年12月底前;2015年12月底前`, round 115)."""
    parts = [p for p in re.split(r"[;；]", word) if p.strip()]
    if len(parts) > 1:
        return all(is_time_cell(p) for p in parts)
    phrase = read_time_phrase(word, 2000)
    return phrase is not None and phrase.level != UNREADABLE and len(phrase.text) * 3 >= len(word.strip())


def holds_units(cells: list[str], kinds: list[str | None]) -> bool:
    """Whether a row's trailing cells name a unit in a unit column."""
    columns = kinds[len(kinds) - len(cells) :]
    return any(cell and kind in UNIT_KINDS for cell, kind in zip(cells, columns, strict=True))


def larger_list_row(cells: list[str], trailing: int, kinds: list[str | None], *, led: bool = False) -> bool:
    """A row whose serial runs further past the next than a deleted row leaves (12, 26, 42: an
    office's extract keeps the larger list's numbers, as in a table a cell a line,
    `cell_serials.skips_to`) goes on with the table where it is well formed: its task's words a
    task's (`pipe_tables.task_like`), a unit in its unit columns (`led`: those before its task)."""
    return (led or holds_units(cells[-trailing:], kinds)) and task_like(" ".join(cells[:-trailing]))
