"""Rows of a table flattened a row a line with single spaces between cells, beyond that model.

Round 10 reads a web table a page wrote a row a line, with single spaces between cells, under a
header written the same way (`space_tables.space_table`; with a column of notes last,
`noted_space_tables`): the row's last words fill the header's unit, date and person columns, the
words before them are the task. Both readers take that header's shape from here (`space_header`,
`short_columns`) and a row's line by `SPACED_ROW_RE`. Two things the genre does to it:

- A department's excerpt of a larger table keeps the larger table's serials (33, 34, 35): the
  first row may start at any number, the rows after it follow on from it.
- A unit cell of several units may be written a unit a line, the row going on below its line:

      34 发挥拓展…提档升级。 区科技局
      区商务局(区药发中心)
      谯城经开区管委会
      区药投公司
      区发改委、区经信局、区农业农村局、等区政府有关部门,区农投公司。 2023年12月底

  A row whose line holds no more words than the header has trailing columns cannot hold its
  cells: each line after it that is one unit's name alone adds that unit to the cell the row last
  wrote, and a line of units (a date may close it) fills the cells still missing. With no date
  column after it, that line is one word: after a unit a line, a list of units (names between
  commas, or closed by `。`) is the one cell still missing, not one more name of the cell before
  (`区财政局` / `区税务局` / `区政府有关部门,各乡镇人民政府、街道办事处,谯城经开区管委会。`). Any
  other line is no part of the row.
- A unit cell of several units may be written with spaces between them on the row's line
  (`1 县道改造30公里 县交通局(牵头) 县财政局 县自然资源局 2026年10月底前`): the words right before the
  first unit column's word that each name a unit are that cell's too, as long as the task keeps a
  word of its own (`unit_cell_words`).
- A row that one merged cell fills across the table groups the rows below it (`一、经济发展`,
  `(二)民生保障`), whose serials may start again from 1: the page writes it as a line of its own,
  numbered as a heading and holding no cells (`heading_row`). It stays the table's, as in a .docx
  table, where the rows under it follow.
- A row may still not fill the trailing columns (a unit cell left empty on the page, dropped or
  kept as a second space): it stays a row, its short words in the columns whose kind they fit and
  the rest empty (`spaced_row_cells`; the first row only where it names a unit), and the rows
  after it are the table's still.
- A serial may run one or two past the next where a row was deleted (`skipped_to`).
- A cell broken across lines (a `<br>` in the web cell) puts its rest on a line that is no row,
  before the next serial's row: that line is the row's (`wrapped_lines`, `with_wrapped`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .broken_header_cells import rejoined_cells
from .column_meanings import CO, DUE, LEADER, NUMBER, TITLE, UNIT_KINDS, meaning
from .deadlines import is_time_part
from .lazy_patterns import lazy_compile
from .outline import line_marker
from .person_names import is_person
from .pipe_tables import empty_helping_columns
from .textutil import normalise
from .unit_names import names_units

# A row's line: its serial, then its cells after a space.
SPACED_ROW_RE = lazy_compile(r"\s*(?P<n>\d{1,4})\s+(?P<rest>\S.*)")
# The columns a row's last words fill, a word each: units, dates, persons. A text cell may hold
# spaces of its own; these rarely do.
_SHORT_KINDS = (*UNIT_KINDS, DUE, LEADER)


def space_header(line: str) -> tuple[list[str], list[str | None]] | None:
    """The column names of a header written with single spaces between them, and what each
    names; None unless there are four or more, all known, the first a 序号 and one naming units.
    A header written with single spaces between its cells and runs of spaces inside the cells the
    page broke is read with each cell's pieces joined (`broken_header_cells`), where they join
    into known header words; else as it stands."""
    words = line.split()
    # Asked of every line: most fail on their first word, before the rest are looked up.
    if len(words) < 4 or meaning(words[0]) != NUMBER:
        return None
    joined = rejoined_cells(line)
    return (joined and _known_header(joined)) or _known_header(words)


def _known_header(words: list[str]) -> tuple[list[str], list[str | None]] | None:
    kinds = [meaning(w) for w in words]
    if len(words) < 4 or None in kinds or not any(k in UNIT_KINDS for k in kinds):
        return None
    return words, kinds


def mid_row_header(
    line: str, shape: Callable[[list[str | None]], tuple[int, int] | None]
) -> tuple[list[str], list[str | None], int, int] | None:
    """The header on `line` of a table whose short columns stand mid-row, after the 序号 and the
    task's column (`middle_unit_tables`, `progress_space_tables`): its column names, what each
    names, and where its short columns start and end by the reader's `shape`. None where the
    line is no header, has fewer than five columns or opens with no 序号 and task, or `shape`
    finds none."""
    head = space_header(line)
    if head is None or len(head[1]) < 5 or head[1][:2] != [NUMBER, TITLE]:
        return None
    bounds = shape(head[1])
    return None if bounds is None else (*head, *bounds)


def short_columns(kinds: list[str | None]) -> tuple[int, int] | None:
    """How many of the header's last columns a row fills a word each (units, dates, persons),
    and the column the task's text fills: its 任务 column before them, else the one right before
    them. None where there are no such columns, or no text column after the 序号."""
    trailing = 0
    while trailing < len(kinds) - 1 and kinds[len(kinds) - 1 - trailing] in _SHORT_KINDS:
        trailing += 1
    text_col = kinds.index(TITLE) if TITLE in kinds[: len(kinds) - trailing] else len(kinds) - trailing - 1
    if trailing == 0 or text_col < 1:
        return None
    return trailing, text_col


def row_words(lines: list[tuple[str, bool]], j: int, words: list[str], trailing: int) -> tuple[list[str], int]:
    """The words of the row whose line is j (`words`: its words after the serial), and the line
    after the row. A row its line holds is returned as it is. A row that still cannot fill the
    trailing columns keeps the units written a unit a line below its last word where that word
    names units itself (its only cell, written a unit a line); else its line's words alone."""
    cells = list(words)
    k = j + 1
    while len(cells) <= trailing and len(cells) >= 2 and k < len(lines):
        text = normalise(lines[k][0]).strip()
        parts = text.split()
        if len(parts) == 1 and len(cells) == trailing and k > j + 1 and _unit_list(text):
            cells.append(text)  # after a unit a line, the one cell still missing: a list of units
        elif len(parts) == 1 and names_units(text):
            cells[-1] += "、" + text  # the cell the row last wrote, a unit a line
        elif len(parts) > 1 and len(cells) + len(parts) > trailing and all(names_units(p) for p in parts[:-1]):
            cells += parts  # the cells still missing, the last one perhaps a date
        else:
            break
        k += 1
    if len(cells) <= trailing and not (k > j + 1 and names_units(words[-1])):
        return words, j + 1
    return cells, k


# How far a serial may run past the next one and still continue a row-a-line table (rows
# deleted from a table whose serials were kept: 1, 2, 4).
SERIAL_SKIP = 3


def skipped_to(first_unit: str, serial: int, expected: int) -> bool:
    """A row whose serial runs a little past the next one (1, 2, 4: a row deleted, its serials
    kept) continues the table where it is well formed: its line fills its unit columns (the caller
    asks only of such a row), and the first of them names units."""
    return serial < expected + SERIAL_SKIP and names_units(first_unit)


# How many lines a break in a cell may carry below its row's line (a cell's `<br>`s).
_WRAP_LINES = 3


def wrapped_lines(lines: list[tuple[str, bool]], k: int, serial: int) -> tuple[list[str], int]:
    """The lines from k that a break in a cell (a `<br>` in the web cell) carried below the row
    before them, and the line after them: lines that are neither a row, a heading row, a header nor
    numbered as a heading, up to the row numbered `serial` (the next) or a heading row over a row.
    No lines, and k, where they reach no such row (the text after the table, which ends it)."""
    start, found = k, list[str]()
    while k < len(lines):
        text = normalise(lines[k][0]).strip()
        if not text:
            k += 1
            continue
        m = SPACED_ROW_RE.fullmatch(text)
        if m is not None:
            return (found, k) if found and int(m["n"]) == serial else ([], start)
        if heading_row(text) is not None:
            return (found, k) if found and _row_under_headings(lines, k, serial) else ([], start)
        if space_header(text) is not None or _numbered_as_heading(text) or len(found) == _WRAP_LINES:
            break  # a header, or a heading that holds a sentence (`一、各单位要…。`): no cell's rest
        found.append(text)
        k += 1
    return [], start


def _numbered_as_heading(text: str) -> bool:
    marker = line_marker(text)
    return marker is not None and marker.style in _HEADING_STYLES


def _row_under_headings(lines: list[tuple[str, bool]], k: int, serial: int) -> bool:
    """Whether the heading rows from line k stand over a row: the next serial, or a group's 1."""
    for text, _ in lines[k:]:
        norm = normalise(text).strip()
        if norm and heading_row(norm) is None:
            m = SPACED_ROW_RE.fullmatch(norm)
            return m is not None and int(m["n"]) in (1, serial)
    return False


def with_wrapped(cells: list[str], wrapped: list[str], trailing: int, kinds: list[str | None]) -> list[str]:
    """The row's words (`cells`) with the lines a break in a cell carried below its line. A line
    too short to fill the trailing columns goes on below: the lines' words are its next words, a
    word broken across the line end joined again where neither side names units. Below a row its
    line fills: words that all name units go to its last unit column, as a unit written a line
    does (`row_words`), where the trailing columns have one; anything else is the task's text."""
    words = [w for text in wrapped for w in text.split()]
    if len(cells) <= trailing:
        out = list(cells)
        for text in wrapped:
            parts = text.split()
            if not names_units(out[-1]) and not names_units(parts[0]):
                out[-1] += parts.pop(0)  # one word the break cut in two
            out += parts
        return out
    out = unit_cell_words(cells, trailing, kinds)
    columns = kinds[len(kinds) - trailing :]
    units = [c for c, kind in enumerate(columns) if kind in UNIT_KINDS]
    if units and all(names_units(w) for w in words):
        at = len(out) - trailing + units[-1]
        out[at] = "、".join([out[at], *words] if out[at] else words)
    else:
        out[len(out) - trailing - 1] += "".join(wrapped)
    return out


def short_row_cells(words: list[str], trailing: int, kinds: list[str | None]) -> list[str]:
    """The words of a row that cannot fill the header's trailing columns (a unit cell left empty
    on the page, a task with no unit written), as the task's words then one cell per trailing
    column, those it leaves empty. The task keeps its first word and every word before the first
    that opens the short cells; each short word goes to the next column whose kind it fits, by the
    tests the rest of the reader uses (a unit column: it names units, as in `unit_cell_words`; a
    date column: a time and little else, `deadlines.is_time_part`; a person column: `is_person`).
    A word that fits no column left is the task's, so no cell is filled with the task's last word."""
    columns = kinds[len(kinds) - trailing :]
    for start in range(1, len(words)):
        placed = placed_in_order(words[start:], columns, fits_short)
        if placed is not None:
            return [*words[:start], *placed]
    return [*words, *[""] * trailing]


def placed_in_order(
    short: list[str], columns: list[str | None], fits: Callable[[str, str | None], bool]
) -> list[str] | None:
    """One cell per column with each word in the next column it `fits`, in order; None when a word
    fits none left. An empty word ('') is a cell the page kept empty: its column stays empty.
    Where the page dropped its empty cells (no '' among the words) and the words fill fewer unit
    columns than there are, the cells dropped were helping ones, never the lead (every task has
    one): the words skip the helping columns a header puts before the lead's
    (`pipe_tables.empty_helping_columns`, as in a cell-a-line table)."""
    cells = _in_order(short, columns, fits, set())
    if cells is None or "" in short:
        return cells
    units = sum(1 for cell, kind in zip(cells, columns, strict=True) if cell and kind in UNIT_KINDS)
    skip = empty_helping_columns(units, columns, UNIT_KINDS, (CO,))
    return (_in_order(short, columns, fits, skip) or cells) if skip else cells


def _in_order(
    short: list[str], columns: list[str | None], fits: Callable[[str, str | None], bool], skip: set[int]
) -> list[str] | None:
    cells = [""] * len(columns)
    c = 0
    for word in short:
        if not word:
            c += 1
            if c > len(columns):
                return None
            continue
        while c < len(columns) and (c in skip or not fits(word, columns[c])):
            c += 1
        if c == len(columns):
            return None
        cells[c] = word
        c += 1
    return cells


def fits_short(word: str, kind: str | None) -> bool:
    """Whether a word fits a short column of its kind: names units, a date, a person."""
    if kind in UNIT_KINDS:
        return names_units(word)
    if kind == DUE:
        return is_time_part(word)
    return kind == LEADER and is_person(word)


# Between the names of a list of units: one name alone holds none of these outside brackets.
_LIST_SEPARATORS_RE = lazy_compile(r"[,，;；]")


def _unit_list(text: str) -> bool:
    """Whether a line is several units' names in a list (`A,各乡镇人民政府、街道办事处,B。`), not one
    name: a comma or semicolon between names, or a sentence's full stop closing it. A group written
    with `、` (`各县、市、区人民政府`) is one name."""
    body = re.sub(r"[(（][^)）]*[)）]", "", text)
    return bool(_LIST_SEPARATORS_RE.search(body) or body.endswith("。")) and names_units(text)


def unit_cell_words(cells: list[str], trailing: int, kinds: list[str | None]) -> list[str]:
    """The row's words with the units written before the first trailing unit column joined to its
    cell (`县交通局(牵头) 县财政局` then the column's `县自然资源局`); the task keeps its first word."""
    first = len(kinds) - trailing
    if kinds[first] not in UNIT_KINDS:
        return cells
    start = len(cells) - trailing
    while start > 1 and names_units(cells[start - 1]):
        start -= 1
    if start == len(cells) - trailing:
        return cells
    end = len(cells) - trailing
    return [*cells[:start], " ".join(cells[start : end + 1]), *cells[end + 1 :]]


# A heading row's text: short, one cell (no run of spaces between words), no sentence after it.
_HEADING_MAX = 40
# A section heading (`一、`, `(一)`) of a 工作要点 may pair two phrases with a comma and run past that
# (`一、全面学习宣传贯彻…思想,坚持…的正确政治方向`, 43 characters, 保定 2023, round 189); a `1.` line stays short.
_SECTION_HEADING_MAX = 60
# A heading closed by a colon introduces the rows below it (`(一)提升…。具体措施:`), whatever its
# length, as long as it is no paragraph.
_INTRODUCING_MAX = 200
# A heading's numbering: `一、`, `(一)`, `第一部分`, `Ⅰ.`; a row's own is a bare serial.
_HEADING_STYLES = frozenset({"chapter", "cn", "pcn", "roman"})


def heading_row(text: str) -> str | None:
    """The text of a line that is a heading row of a table flattened a row a line (`一、经济发展`),
    or None. Numbered as a heading (not with a bare serial, which opens a row), one cell, short,
    no sentence after it; or closed by a colon, which introduces the rows below it. A `1.` line
    is one too where it is short and holds no sentence, or closed by a colon (as between the rows
    of a tab-separated table, `flat_tables._merged_row`): a row's serial stands apart by a space."""
    norm = normalise(text).strip()
    if not norm or SPACED_ROW_RE.fullmatch(norm) or re.search(r"\s{2,}", norm):
        return None
    marker = line_marker(norm)
    if marker is None or marker.style not in (*_HEADING_STYLES, "num"):
        return None
    if norm.endswith((":", "：")) and len(norm) <= _INTRODUCING_MAX:
        return norm
    body = norm[marker.end :]
    longest = _HEADING_MAX if marker.style == "num" else _SECTION_HEADING_MAX
    if len(norm) > longest or "。" in (body if marker.style == "num" else body.rstrip("。")):
        return None
    return norm
