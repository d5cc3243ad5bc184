"""Task tables flattened into text, turned back into tables.

A .txt saved from Excel keeps a row a line with tab-separated cells (`Source.text` does the
same); a web page keeps a row a line with ` | ` between cells, or a cell a line behind `|`
markers (`pipe_tables`); a web page or a PDF may put a cell a line under a header written a word
a line. `text_tables` finds each and hands the rebuilt table to `tables.table_lines`.
"""

from __future__ import annotations

from .carried_cells import carry_merged_cells
from .cell_serials import heading_note, row_next, serial_of, skips_to
from .closing_unit_cells import unit_last_table
from .column_meanings import (
    AREA,
    CO,
    CONTENT,
    DUE,
    LEADER,
    NOTE,
    NUMBER,
    OTHER,
    TITLE,
    UNIT_KINDS,
    bare_header,
    header_row,
    meaning,
)
from .continued_tables import carried_on
from .counted_headings import counts_its_items
from .group_cells import lead_group_cells
from .headless_streams import headless_stream
from .lazy_patterns import lazy_compile
from .merged_item_rows import item_parts
from .merged_row_cells import line_cells, place_lost_cells
from .middle_unit_tables import middle_unit_table
from .noted_space_tables import noted_space_table
from .outline import line_marker
from .padded_streams import padded_stream
from .page_marks import is_page_line
from .person_rows import person_rows, trailing_persons
from .pipe_tables import align, is_pipe_line, pipe_rows, stream_end
from .place_figure_tables import place_figure_table
from .progress_space_tables import progress_space_table
from .record_tables import vertical_lines
from .remark_units import remark_unit_rows
from .run_on_tables import run_on_table
from .run_together import run_together_header, run_together_rows
from .sources import Table
from .space_tables import space_table
from .spread_cells import unspread
from .tables import table_lines
from .textutil import normalise
from .unheaded_serials import unheaded_serial_table
from .unnumbered_rows import unnumbered_rows
from .wrapped_headers import repeats_header, wrapped_cell


def text_tables(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Lines with any flattened task table turned back into the clause form."""
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(lines):
        text, splittable = lines[i]
        stream = (padded_stream(lines, i) or _pipe_stream(lines, i)) if splittable else None
        if stream is not None:
            j, table = stream
            out.extend((line, False) for line in table_lines(table, above=_above(out)))
            i = j
            continue
        headless = headless_stream(lines, i) if splittable else None
        if headless:  # a `|` stream whose header the page lost: columns by content (`headless_streams`)
            i, rebuilt_lines = headless
            out.extend((line, False) for line in rebuilt_lines)
            continue
        sep = _separator(text) if splittable else None
        if sep and (
            _tab_header(text, sep) or vertical_lines([line_cells(text, sep)]) is not None or _label_cell(text, sep)
        ):
            j = i + 1
            rows = [line_cells(text, sep)]
            while j < len(lines):
                line = lines[j][0]
                # A page's number between a printed table's pages (`— 3 —`) is no row, nor its end.
                if sep in line or not line.strip() or is_page_line(line):
                    if line.strip() and not is_page_line(line):
                        rows.append(line_cells(line, sep))
                elif _merged_row(line, lines, j, sep, len(rows[0])):
                    # A heading row one merged cell fills, saved with no separator: as the
                    # table readers give a merged row, its text in every cell.
                    rows.append([line.strip()] * len(rows[0]))
                else:
                    break
                j += 1
            out.extend(
                (line, False)
                for line in table_lines(Table(tuple(map(tuple, place_lost_cells(rows, sep)))), above=_above(out))
            )
            i = j
            continue
        spaced = (
            (
                space_table(lines, i)
                or noted_space_table(lines, i)
                or progress_space_table(lines, i)
                or middle_unit_table(lines, i)
            )
            if splittable
            else None
        )
        if spaced:
            j, table = spaced
            out.extend((line, False) for line in table_lines(table, above=_above(out)))
            i = j
            continue
        remarked = remark_unit_rows(lines, i) if splittable else None
        if remarked:  # a register whose departments stand in its 备注 column
            i, rebuilt_lines = remarked
            out.extend((line, False) for line in rebuilt_lines)
            continue
        run_on = run_on_table(text) if splittable else None
        if run_on:
            before, table = run_on
            out.extend((line, False) for line in [*before, *table_lines(table)])
            i += 1
            continue
        header = run_together_header(text) if splittable else None
        together = run_together_rows(lines, i, header) if header else None
        if together:
            j, table = together
            out.extend((line, False) for line in table_lines(table, above=_above(out)))
            i = j
            continue
        placed = (place_figure_table(lines, i) or unheaded_serial_table(lines, i)) if splittable else None
        if placed:  # a figure column per place and no 序号; or serials no header cell names (`unheaded_serials`)
            j, table = placed
            out.extend((line, False) for line in table_lines(table, above=_above(out)))
            i = j
            continue
        closed = unit_last_table(lines, i) if splittable else None
        if closed:  # a row's unit cell after its measures, the unit column last (`closing_unit_cells`)
            i, rebuilt_lines = closed
            out.extend((line, False) for line in rebuilt_lines)
            continue
        found = _cell_header(lines, i) if splittable else None
        rebuilt = None
        if found:
            numbered = NUMBER in map(meaning, found[1])
            rebuilt = (
                (unnumbered_rows(lines, *found) or _cell_rows(lines, *found))
                if numbered
                else person_rows(lines, *found)
            )
        if rebuilt:
            j, table = rebuilt
            out.extend((line, False) for line in table_lines(table, above=_above(out)))
            i = j
            continue
        out.append((text, splittable))
        i += 1
    return out


def _above(out: list[tuple[str, bool]]) -> str:
    # The document's last line before a table, as a .docx table's paragraph above it (`tables`).
    return next((text for text, _ in reversed(out) if text.strip()), "")


def _pipe_stream(lines: list[tuple[str, bool]], i: int) -> tuple[int, Table] | None:
    """A web table stored a cell a line behind `|` markers (see pipe_tables), from line i."""
    if not is_pipe_line(lines[i][0]):
        # A first cell written before the first `| ` marker (the leading style) starts the table;
        # a title line before a `序号 |` one does not.
        if not (i + 1 < len(lines) and lines[i + 1][0].strip().startswith("|")):
            return None
    window = [t for t, _ in lines[i : i + 12] if t.strip()]
    single = sum(1 for t in window if is_pipe_line(t) and t.count("|") <= 2 and " | " not in t.strip(" |"))
    if single < 4 or single * 2 < sum(1 for t in window if "|" in t):
        return None
    j = stream_end(lines, i)
    rows = lead_group_cells(pipe_rows([t for t, _ in lines[i:j]]))
    if len(rows) < 2:
        return None
    kinds = [meaning(h) for h in rows[0]]
    known = [k for k in kinds if k]
    if len(set(known)) < 2 or not any(k in UNIT_KINDS for k in known):
        return None
    units, texts = UNIT_KINDS, (TITLE, CONTENT, NOTE, DUE, AREA)
    body = align(rows[1:], kinds, units, texts, LEADER, NUMBER, task=(TITLE, CONTENT), helping=(CO,))
    return j, Table((tuple(rows[0]), *(tuple(r) for r in body)))


def _separator(text: str) -> str | None:
    if "\t" in text:
        return "\t"
    if text.count(" | ") >= 1 or text.rstrip().endswith(" |"):
        return "|"
    return None


def _merged_row(line: str, lines: list[tuple[str, bool]], j: int, sep: str, width: int) -> bool:
    """A numbered heading on a line of its own between a table's rows, the table going on after it
    (further headings may come first)."""
    if width < 3 or not _heading(line, short=False, numbered_too=True):
        return False
    for text, _ in lines[j + 1 :]:
        if text.strip() and not is_page_line(text):  # a page's number is no line of the table's
            if sep in text:
                return True
            if not _heading(text, short=False, numbered_too=True):
                return False
    return False


def _heading(text: str, *, short: bool, numbered_too: bool = False) -> bool:
    """`二、…` or `(一)…` on a line of its own between a table's rows: a heading, not a cell's text.
    `short`: only a short one of a sentence at most is (`(一)规范精简审批,进一步提高行政效能。`), as
    right after a row's 序号 and task in a table a cell a line. `numbered_too`: a `1.` line is one
    too where it is short and no sentence (a cell's own `1.` list goes on), or closed by a colon that
    introduces the rows below it; not in a table a cell a line, whose rows start at such numbers."""
    norm = normalise(text.strip())
    marker = line_marker(norm)
    if marker is None:
        return False
    if marker.style in ("chapter", "cn", "pcn"):
        return not short or (len(norm) <= 40 and "。" not in norm.rstrip().rstrip("。"))
    # A `1.` line closed by a colon (`1.巩固基本医保覆盖面。主要工作目标:`) introduces the rows below it.
    return numbered_too and marker.style == "num" and len(norm) <= 40 and ("。" not in norm or _introduces(norm))


def _introduces(norm: str) -> bool:
    """A line closed by a colon: it introduces what follows (`主要工作目标:`), as a heading does."""
    return norm.rstrip().endswith((":", "："))


def _tab_header(text: str, sep: str) -> bool:
    return header_row([line_cells(text, sep)]) is not None


def _label_cell(text: str, sep: str) -> bool:
    first = line_cells(text, sep)[0]
    return meaning(first) is not None and len(first) <= 10


def _cell_header(lines: list[tuple[str, bool]], i: int) -> tuple[int, list[str]] | None:
    """The header of a table flattened a cell a line, from line i: consecutive one-word lines
    (blank lines between allowed) naming its columns, with something that tells its rows apart: a
    序号 among them (rows start at their numbers), or, with none, person columns last after a
    task column in a header of four or more (rows end at their persons, see `person_rows`).
    Returns where the rows start, and the header."""
    header: list[str] = []
    j = i
    words = lines[i][0].split()
    if len(words) >= 3 and all(len(w) <= 8 and meaning(w) is not None for w in words) and NUMBER in map(meaning, words):
        # `序号 涉及部门 职责分工`: the header written on one line over cells written a line each.
        header, j = words, i + 1
    while j < len(lines):
        text = unspread(lines[j][0])  # `目   标   与   任   务`: a justified cell's word
        if not text:
            if not header:
                return None
            j += 1
            continue
        after = next((k for k in range(j + 1, len(lines)) if lines[k][0].strip()), None)
        joined = wrapped_cell(text, lines[after][0]) if after is not None else None
        if joined and after is not None:  # `牵头` / `部门`: one cell the printed column wrapped
            header.append(joined)
            j = after + 1
            continue
        if len(bare_header(text)) > 8 or meaning(text) is None:
            break
        # `二、主要任务` under the header, right above the first row's 序号, is the first heading row, though its words
        # name a column (round 115). Not after a numbered line the header took already (`一、整改内容` /
        # `1.专项整改问题` / `1`: both headings read as header cells, as before).
        numbered = line_marker(normalise(text)) is not None
        if numbered and header and row_next(lines, j) and not any(line_marker(normalise(h)) for h in header):
            break
        header.append(text)
        j += 1
    kinds = [meaning(h) for h in header]
    if len(header) >= 3 and NUMBER in kinds and any(k in UNIT_KINDS for k in kinds):
        return j, header
    persons = trailing_persons(kinds)
    if len(header) >= 4 and persons and any(k in (TITLE, CONTENT) for k in kinds[: len(kinds) - persons]):
        return j, header
    return None


def _after_header(lines: list[tuple[str, bool]], j: int, header: list[str]) -> int:
    """Where the lines from j that spell `header` (its wrapped cells over two lines) end."""
    spelled, goal = "", "".join(header)
    while j < len(lines) and spelled != goal and goal.startswith(spelled):
        spelled += unspread(lines[j][0])
        j += 1
    return j


def _cell_rows(lines: list[tuple[str, bool]], j: int, header: list[str]) -> tuple[int, Table]:
    """Rows of a table flattened a cell a line: a row starts at its 序号 (the next number); its
    cells go under the columns that can hold them (merged and empty cells were dropped). A
    numbered heading between rows (`二、…`, `(一)…`, a `1.` line closed by a colon that introduces
    the rows below it) is a row one merged cell fills."""
    kinds = [meaning(h) for h in header]
    # How far after its 序号 a row's task cell stands: right after it in most headers, after the
    # unit columns where a header puts them first (序号 / 牵头单位 / 配合单位 / 重点任务). A row's
    # cells come in the header's order, so its long or heading-like task cell comes at most so far in.
    number_at = kinds.index(NUMBER) if NUMBER in kinds else 0
    task_at = next((n - number_at for n in range(number_at + 1, len(kinds)) if kinds[n] in (TITLE, CONTENT)), 1)
    rows: list[list[str]] = []
    headings: dict[int, list[str]] = {}  # the heading rows that come before rows[i]
    current: list[str] = []
    heading_lines: list[int] = []  # where the heading rows not yet followed by a row start
    expected = 1
    turned, row_at = False, 0  # a repeated header just passed under an open row; where its 序号 is
    while j < len(lines):
        text = lines[j][0].strip()
        if not text or is_page_line(text):
            j += 1  # a page's number where a printed page turned is no cell
            continue
        again = _cell_header(lines, j) if text == header[0] else None
        if repeats_header(again, header) and again is not None:
            # The header again where a printed page turned; a short first cell of the row under it
            # (`投资增长10%。`) may have been read as one more header cell.
            j = again[0] if len(again[1]) <= len(header) else _after_header(lines, j, header)
            turned = bool(current)
            continue
        serial = serial_of(text)
        if turned and serial is None and line_marker(normalise(text)) is None:
            # The row above going on where a page break cut it, its empty 序号 dropped.
            carried = carried_on(current, text, row_at + task_at)
            if carried is not None:
                current, turned = carried, False
                j += 1
                continue
        turned = False
        # Rows grouped under heading rows may be numbered again from 1 under each (`一、经济发展` over
        # 1, 2, 3; `二、民生保障` over 1, 2): a 1 right after a heading row starts its group's first row.
        after_heading = bool(rows) and not current and bool(headings.get(len(rows)))
        if serial == 1 and after_heading:
            expected = 1
        if serial is not None and (serial == expected or skips_to(serial, expected, current, lines, j)):
            if current and (rows or expected > 1):
                rows.append(current)
                current = []
            # Text before the first 序号 is that row's merged group cell (考核项目): it leads the row.
            row_at = len(current)
            current, expected = [*current, str(serial)], serial + 1  # `三`, `(3)`: its number
        elif _heading(
            text, short=bool(current) and len(current) <= task_at + 1, numbered_too=_introduces(normalise(text))
        ) or counts_its_items(text):
            if current:
                rows.append(current)
                current = []
            if not headings.get(len(rows)):
                heading_lines = [j]
            headings.setdefault(len(rows), []).append(text)
        elif (len(text) > 200 and not 1 <= len(current) <= task_at) or (current and len(current) > 3 * len(header)):
            break  # a paragraph after the table: a long cell is a task, where a row's task stands
        elif _CLOSING_RE.match(normalise(text)):
            break  # the notice's closing line after its table (`(此件公开发布)`, `…2023年3月1日印发`)
        elif after_heading and normalise(text).rstrip().endswith(("。", ";", "；")) and not row_next(lines, j):
            # A sentence after a heading where a row's 序号 belongs, no row after it: the table has
            # ended, and the headings after its last row are the text's again (`三、组织保障` /
            # `各单位要…。`).
            j = heading_lines[0]
            headings.pop(len(rows))
            break
        elif headings.get(len(rows)) and not current and heading_note(text, lines, j):
            # The group's note, part of its heading: it neither starts a row nor fills a cell.
            headings[len(rows)][-1] += " " + text
        else:
            current.append(text)
        j += 1
    if current:
        rows.append(current)
    # An item's 序号 and 项目 merged over the rows of its parts: a row a part (`merged_item_rows`).
    rows = [part for row in rows for part in item_parts(row, kinds)]
    body = align(
        rows,
        kinds,
        UNIT_KINDS,
        (TITLE, CONTENT, NOTE, DUE, AREA),
        LEADER,
        NUMBER,
        others=(OTHER,),
        merged=(AREA,),
        task=(TITLE, CONTENT),
        helping=(CO,),
        timed=(DUE,),
    )
    body = carry_merged_cells(body, kinds, {n for n, found in headings.items() if found})
    out: list[tuple[str, ...]] = []
    for i, row in enumerate(body):
        out.extend(tuple([h] * len(header)) for h in headings.get(i, []))
        out.append(tuple(row))
    return j, Table((tuple(header), *out))


_CLOSING_RE = lazy_compile(r"\s*(?:\(此件[^()]{0,12}\)|.{0,40}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发)\s*$")
