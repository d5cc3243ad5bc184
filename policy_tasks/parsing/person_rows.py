"""A task table flattened a cell a line with no 序号, its rows told apart by their persons.

A bureau's progress report on its share of a 政府工作报告 (`类别 / 工作内容 / 具体分解 / 当前工作进展 /
形象进度 / 进度状态 / 责任区领导 / 责任单位主要领导`), a web page's table stored a cell a line with blank
lines between cells, numbers none of its rows. Where its last columns name persons, a row ends at
them: the persons are the one kind of cell such a table can be counted by (`flat_tables` finds the
header; a header with a 序号 is read by its numbers instead).
"""

from __future__ import annotations

import re

from .column_meanings import AREA, CONTENT, FIGURE_COLUMN_RE, LEADER, NOTE, TITLE, meaning
from .lazy_patterns import lazy_compile
from .person_names import is_person
from .sources import Table
from .textutil import normalise


def trailing_persons(kinds: list[str | None]) -> int:
    """How many of the header's last columns name persons (责任区领导, 责任单位主要领导)."""
    n = 0
    while n < len(kinds) and kinds[len(kinds) - 1 - n] == LEADER:
        n += 1
    return n


def _person_cell(text: str) -> bool:
    names = [n for n in re.split(r"[、,;和及\s]", normalise(text)) if n]
    return bool(names) and all(is_person(n) for n in names)


# A column of figures (`形象进度` 75%, `数量` 12, `完成率`): its cell is a figure, never a sentence.
_FIGURE_COLUMN_RE = lazy_compile(f"形象进度|{FIGURE_COLUMN_RE.pattern}")
_FIGURE_RE = lazy_compile(r"^(?:约|共|计)?\d+(?:\.\d+)?\s*(?:%|[个所处家户人套座台项条公里万亿元]*)$")
_SENTENCE_RE = lazy_compile(r"[。;;!?]")


def _misfit(header: str, cell: str) -> bool:
    """A cell that cannot be what its column holds, by its content: a category (类别, 领域) names a
    field in a few words, with no figure and no sentence (`民生保障`, never `新建口袋公园8个`); a
    figure column holds a figure, never a sentence; a text column (task, content, progress) holds
    words, never a bare figure (`60%`); any other cell fits."""
    text = normalise(cell).strip()
    if not text:
        return False
    kind = meaning(header)
    if kind == AREA:
        return len(text) > 12 or bool(re.search(r"\d|[,,。;;!?]", text))
    if kind == NOTE and _FIGURE_COLUMN_RE.search(normalise(header)):
        return bool(_SENTENCE_RE.search(text))
    return kind in (TITLE, CONTENT, NOTE) and bool(_FIGURE_RE.match(text))


def _placed(header: list[str], texts: list[str]) -> tuple[list[str], int]:
    """A short row's text cells under the text columns, and how many of them misfit there. By
    position they fill the columns from the left (the row's last cells were the empty ones, or ran
    into the cell before). A group cell merged down the first column (类别, 领域) is written on the
    group's first row only, so the group's later rows lack their FIRST cell: the row's cells are
    placed one column on, with the group cell empty, where that fits their content better (fewer
    cells read as what their columns cannot hold, `_misfit`); where the content does not tell,
    from the left."""
    n = len(header)

    def misfits(cells: list[str]) -> int:
        return sum(_misfit(h, c) for h, c in zip(header, cells, strict=False))

    left = [*texts, *[""] * (n - len(texts))]
    if len(texts) >= n or meaning(header[0]) != AREA:
        return left, misfits(left)
    shifted = ["", *texts, *[""] * (n - 1 - len(texts))]
    return (shifted, misfits(shifted)) if misfits(shifted) < misfits(left) else (left, misfits(left))


def person_rows(lines: list[tuple[str, bool]], j: int, header: list[str]) -> tuple[int, Table] | None:
    """Rows of a table flattened a cell a line with no 序号, whose last columns name persons
    (`类别 / 工作内容 / … / 责任区领导 / 责任单位主要领导`): a row ends at its persons, where the next
    cell names none (or the row has all its cells). A page may run a short cell into the one
    before it (`…进入国家库。100%`), and a group cell merged down the first column is written on
    its group's first row only, so a row may hold up to two cells fewer than the header; its
    persons fill the person columns and its text cells the others, by their content where it
    tells and else from the left (`_placed`). A cell that reads as a person after a row's persons
    (a two-character group cell such as `卫生` may) starts the next row where the row fits its
    columns better without it. A row of more cells than the header, or too few, ends the table:
    where the rows cannot be told apart, none is guessed. None when no row holds."""
    width, persons = len(header), trailing_persons([meaning(h) for h in header])
    rows: list[tuple[str, ...]] = []
    current: list[str] = []
    end = j

    def complete() -> bool:
        return width - 2 <= len(current) <= width and all(_person_cell(c) for c in current[-persons:])

    def misfits(cells: list[str]) -> int:
        return _placed(header[: width - persons], cells[:-persons])[1]

    def close() -> None:
        rows.append((*_placed(header[: width - persons], current[:-persons])[0], *current[-persons:]))
        current.clear()

    def ends_before(text: str) -> bool:
        if len(current) == width or not _person_cell(text):
            return True
        return misfits(current) < misfits([*current, text])

    while j < len(lines):
        text = lines[j][0].strip()
        if text:
            if current and complete() and ends_before(text):
                close()
                end = j
            current.append(text)
            if len(current) > width:
                break  # the rows no longer hold: the table ends after the last one that did
        j += 1
    else:
        if current and complete():
            close()
            end = j
    if not rows:
        return None
    return end, Table((tuple(header), *rows))
