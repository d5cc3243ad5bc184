"""A task table flattened a cell a line with no 序号, its rows told apart by their persons.

A bureau's progress report on its share of a 政府工作报告 (`类别 / 工作内容 / 具体分解 / 当前工作进展 /
形象进度 / 进度状态 / 责任区领导 / 责任单位主要领导`), a web page's table stored a cell a line with blank
lines between cells, numbers none of its rows. Where its last columns name persons, a row ends at
them: the persons are the one kind of cell such a table can be counted by (`flat_tables` finds the
header; a header with a 序号 is read by its numbers instead).
"""

from __future__ import annotations

import re

from .column_meanings import LEADER, meaning
from .sources import Table
from .textutil import normalise
from .unit_names import is_person


def trailing_persons(kinds: list[str | None]) -> int:
    """How many of the header's last columns name persons (责任区领导, 责任单位主要领导)."""
    n = 0
    while n < len(kinds) and kinds[len(kinds) - 1 - n] == LEADER:
        n += 1
    return n


def _person_cell(text: str) -> bool:
    names = [n for n in re.split(r"[、,;和及\s]", normalise(text)) if n]
    return bool(names) and all(is_person(n) for n in names)


def person_rows(lines: list[tuple[str, bool]], j: int, header: list[str]) -> tuple[int, Table] | None:
    """Rows of a table flattened a cell a line with no 序号, whose last columns name persons
    (`类别 / 工作内容 / … / 责任区领导 / 责任单位主要领导`): a row ends at its persons, where the next
    cell names none (or the row has all its cells). A page may run a short cell into the one
    before it (`…进入国家库。100%`), so a row may hold up to two cells fewer than the header; its
    text cells fill the columns from the left and its persons the person columns. A row of more
    cells than the header, or too few, ends the table: where the rows cannot be told apart, none
    is guessed. None when no row holds."""
    width, persons = len(header), trailing_persons([meaning(h) for h in header])
    rows: list[tuple[str, ...]] = []
    current: list[str] = []
    end = j

    def complete() -> bool:
        return width - 2 <= len(current) <= width and all(_person_cell(c) for c in current[-persons:])

    def close() -> None:
        texts = current[:-persons]
        rows.append((*texts, *[""] * (width - persons - len(texts)), *current[-persons:]))
        current.clear()

    while j < len(lines):
        text = lines[j][0].strip()
        if text:
            if current and complete() and (len(current) == width or not _person_cell(text)):
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
