"""A task table that runs over several pages: its header repeated, its parts marked, a row cut in two.

A printed table repeats its header row at each page's top (Word's 重复标题行, a sheet's 打印标题),
and what is made from the print keeps the repeat: a PDF, its text copied out with each page's
number on a line between the pages (`— 3 —`, `-3-`, `第3页 共5页`), a .docx whose table an office
split into a table a page, the header typed again above each. An office may mark a continuation
with a line above it (`续表`, `（续表）`, `续表1`). A tall row that Word let break across the page goes
on in the next page's first row: its 序号 cell empty, only the cells the row above fills still
holding words (the rest of a task's sentence, the last names of a list), the lead and date cells
empty, since those ended on their page. That row is the row above's, as `sources/page_breaks`
already reads it in a PDF's ruled tables.

- `joined_after_repeats`: in one table's rows, the row right under a repeated header that is such a
  tail joins the row above the header; a merged row that is only a 续表 mark is no heading row.
- `carried_on`: a table flattened a cell a line drops the empty 序号, so the tail is a line right
  under the repeated header where the next 序号 belongs: the rest of the row's task cell (a unit
  list's tail is left as it is: which unit cell it ends cannot be told).
- `joined_tables`: two tables with nothing between them but blank lines, a page's number or a
  续表 mark, the second under the first's header, are one table's parts (a .docx split a table a
  page): read as one table, so that a row cut at the first's foot joins (above), and a heading row
  at a page's foot heads the rows on the next page.

The mark is recognised here only between a table's parts; a mark left in running text is another
convention's.
"""

from __future__ import annotations

import re

from .page_marks import is_page_line
from .sources import Table
from .sources.page_breaks import join_cut_row
from .sources.unwrap import glue
from .unit_names import names_units

# `续表`, `（续表）`, `续表1`, `续表一`, `(续上表)`: the whole line, nothing else on it.
CONTINUATION_MARK_RE = re.compile(r"^\s*[(（【\[]?\s*续(?:上)?表\s*[\d一二三四五六七八九十]*\s*[)）】\]]?\s*$")


def is_continuation_mark(text: str) -> bool:
    return CONTINUATION_MARK_RE.match(text) is not None


def _repeats(row: list[str], header: list[str]) -> bool:
    return len(row) == len(header) and all(a == b for a, b in zip(row, header, strict=True)) and any(header)


def _mark_row(row: list[str]) -> bool:
    """A row one merged cell fills with a 续表 mark (the readers give a merged row in every cell)."""
    filled = {c for c in row if c}
    return len(filled) == 1 and is_continuation_mark(next(iter(filled)))


def joined_after_repeats(rows: list[list[str]], start: int) -> list[list[str]]:
    """`rows` (the header at `start`) with each row a page break cut joined to the row it goes on,
    and the 续表 marks right above a repeated header dropped."""
    header = rows[start]
    out = rows[: start + 1]
    i = start + 1
    while i < len(rows):
        row = rows[i]
        if _mark_row(row) and i + 1 < len(rows) and _repeats(rows[i + 1], header):
            i += 1
            continue
        out.append(row)
        i += 1
        if _repeats(row, header) and i < len(rows) and len(out) >= start + 3:
            joined = _joined(header, out[-2], rows[i])
            if joined is not None:
                out[-2] = joined
                i += 1
    return out


def _joined(header: list[str], above: list[str], row: list[str]) -> list[str] | None:
    """`above` with `row` joined to it where `row` is what a page break cut from it, else None. A
    row saved as text may have lost its trailing empty cells: both are read at the header's width."""
    width = len(header)
    if len(above) > width or len(row) > width:
        return None
    whole = [*above, *[""] * (width - len(above))]
    if join_cut_row([header, whole], [[*row, *[""] * (width - len(row))]]):
        return None
    while len(whole) > len(above) and not whole[-1]:
        whole.pop()
    return whole


def _between(block: str) -> bool:
    return all(not line.strip() or is_page_line(line) or is_continuation_mark(line) for line in block.splitlines())


def joined_tables(blocks: list[str | Table]) -> list[str | Table]:
    """`blocks` (text and tables) with a table's parts made one table (see the module): the later
    part's rows after the earlier's, its header kept as the repeat it is; the part left empty and
    the marks and page numbers between left blank, so that the blocks keep their lines' count."""
    out = list(blocks)
    last: tuple[int, Table] | None = None  # the last table, while only page furniture follows it
    between: list[tuple[int, str]] = []
    for i, block in enumerate(out):
        if isinstance(block, Table):
            if last is not None and _continues(last[1], block):
                merged = Table((*last[1].rows, *block.rows))
                out[last[0]], out[i], last = merged, Table(()), (last[0], merged)
                for k, text in between:
                    out[k] = "\n".join([" "] * len(text.splitlines() or [""]))
            elif block.rows:
                last = (i, block)
            between = []
        elif last is not None and _between(block):
            between.append((i, block))
        else:
            last, between = None, []
    return out


def _continues(earlier: Table, later: Table) -> bool:
    return len(earlier.rows) >= 2 and len(later.rows) >= 2 and list(earlier.rows[0]) == list(later.rows[0])


def carried_on(current: list[str], text: str, task_at: int) -> list[str] | None:
    """The open row `current` (a cell a line, its 序号 first) with `text`, the first line under a
    repeated header, as the rest of its task cell `task_at` cells in; None if `text` is no such rest."""
    if not 0 < task_at < len(current) or names_units(text):
        return None
    return [*current[:task_at], glue(current[task_at], text), *current[task_at + 1 :]]
