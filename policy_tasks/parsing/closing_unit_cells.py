"""A table flattened a cell a line whose unit column comes last: each row's unit cell closes its measures.

An organ's own division of work among its offices (清廉机关建设任务分工, a 考评 checklist) is a table
`考评项目 / 具体内容 / 考评标准 / 责任科室` with no 序号. A copy of it keeps a cell a line, in column order:
the row's group cell (`强化组织领导` / `(5分)`, or `一、突出政治引领(25分)` over `1.持续深化理论武装(8分)`:
the area and its points, a score in brackets), then its measures (`1.…,2分。未…的,每项扣0.5分。`, two
sometimes on one line), then its 责任科室 cell (`机关纪委`), written once after them:

    考评项目 / 具体内容 / 考评标准 / 责任科室
    强化组织领导 / (5分) / 1.认真学习… / 2.结合实际… 3.制定… / 机关纪委
    一、突出政治引领(25分) / 1.持续深化理论武装(8分) / 1.把学习… / … / 机关党委

The unit cell closes the row: every measure since the row's group cell is that unit's (as its field,
`责任科室:机关纪委`). The group cells are no unit (the header's unit label must not take the first of them
as its value, `field_cells`) and no clause: they become the row's heading, one line, its number kept
(`一、突出政治引领(25分) 1.持续深化理论武装(8分)`), so the measures are its items. The header must have three
to six cells, the last a unit column, a task column among them and no 序号 (a numbered table starts its
rows at its numbers, `flat_tables._cell_rows`); every row must end in a unit cell.
"""

from __future__ import annotations

import re

from .column_meanings import CONTENT, NUMBER, TITLE, UNIT_KINDS, meaning
from .lazy_patterns import lazy_compile
from .outline import line_marker, split_inline
from .textutil import normalise
from .unit_names import looks_like_units

# A group cell: a short name of an area, possibly numbered, possibly with its score (`(25分)`), or the score alone.
_SCORE_RE = lazy_compile(r"\(\s*\d{1,3}(?:\.\d)?\s*分\s*\)$")
_CELL_SPACE_RE = re.compile(r"(?<=[\u4e00-\u9fff)、.])\s+(?=[\u4e00-\u9fff(\d])")
_GROUP_MAX = 24


def _header(lines: list[tuple[str, bool]], i: int) -> tuple[int, list[str]] | None:
    header: list[str] = []
    j = i
    while j < len(lines):
        text = lines[j][0].strip()
        if not text:
            j += 1
            continue
        if len(text) > 8 or meaning(text) is None or not lines[j][1]:
            break
        header.append(text)
        j += 1
        if meaning(text) in UNIT_KINDS:
            break  # the unit column is the last: a row's group cell follows (`强化组织领导` reads like a column)
    kinds = [meaning(h) for h in header]
    if not 3 <= len(header) <= 6 or NUMBER in kinds or kinds[-1] not in UNIT_KINDS:
        return None
    if not any(k in (TITLE, CONTENT) for k in kinds) or any(k in UNIT_KINDS for k in kinds[:-1]):
        return None
    return j, header


def _unit_cell(norm: str) -> bool:
    return len(norm) <= 30 and "。" not in norm and line_marker(norm) is None and looks_like_units(norm)


def _group_cell(norm: str) -> bool:
    plain = _CELL_SPACE_RE.sub("", norm)
    if _SCORE_RE.fullmatch(plain):
        return True  # `(5分)`: the group's score, its own line
    return (
        len(plain) <= _GROUP_MAX
        and not re.search(r"[。;,]", plain)
        and (_SCORE_RE.search(plain) is not None or line_marker(plain) is None)
    )


def unit_last_table(lines: list[tuple[str, bool]], i: int) -> tuple[int, list[str]] | None:
    """From line i, such a table's end and the lines it reads as (headings, then measures with their
    unit field), each at its cell's line where it can be, so the lines keep their numbers; None where
    line i starts none."""
    found = _header(lines, i)
    if found is None:
        return None
    j, header = found
    label = header[-1]
    out: list[tuple[int, str]] = []  # (the line the text comes from, the text)
    group: list[tuple[int, str]] = []
    measures: list[tuple[int, str]] = []
    rows = row_width = 0
    k = j
    while k < len(lines):
        text = lines[k][0].strip()
        if not text:
            k += 1
            continue
        norm = normalise(text).strip()
        if not measures and _group_cell(norm) and not _unit_cell(norm):
            group.append((k, _CELL_SPACE_RE.sub("", text)))
        elif _unit_cell(norm):
            if not measures:
                more = _more_units(lines, k) if out and not group else None
                if more is None:
                    break  # a unit cell with no measure before it: not this kind of row
                # The unit cell written a unit a line (`区科委` / `区金融办` / `区商务委`): one cell, the
                # first unit leading, as a unit cell so written is everywhere (round 78); it goes on the
                # row's fields, and the table goes on after it.
                names = "、".join(normalise(lines[n][0]).strip() for n in more)
                out = out[:-row_width] + [(at, f"{t[:-1]}、{names})") for at, t in out[-row_width:]]
                k = more[-1] + 1
                continue
            out += _heading(group) + [(at, f"{m}({label}:{text})") for at, m in measures]
            row_width = len(measures)
            group, measures, rows = [], [], rows + 1
        elif (marker := line_marker(norm)) is not None and marker.style == "num":
            # `…扣1分。 3.制定…`: two cells on a line
            measures += [(k, m) for m in split_inline(text, {"num": marker.value})]
        elif measures:
            measures[-1] = (measures[-1][0], measures[-1][1] + text)  # a measure's cell the copy broke over lines
        else:
            break
        k += 1
    if rows == 0:
        return None  # no row closed by its unit cell
    out += _heading(group) + measures  # the last row, its unit cell lost (a page cut off): its measures name no unit
    return k, _laid_out(out, i, k)


def _more_units(lines: list[tuple[str, bool]], k: int) -> list[int] | None:
    """The lines from k that go on the unit cell just closed, one unit a line, where the table goes on
    after them (a row's measure, or its group cells and then a measure) or the text ends; None where
    it does not (an office signing below the table, its date after it)."""
    more: list[int] = []
    n = k
    while n < len(lines):
        norm = normalise(lines[n][0]).strip()
        if not norm:
            n += 1
            continue
        if not _unit_cell(norm):
            break
        more.append(n)
        n += 1
    groups = 0
    while n < len(lines):
        norm = normalise(lines[n][0]).strip()
        if not norm:
            n += 1
            continue
        if (marker := line_marker(norm)) is not None and marker.style == "num":
            return more
        if groups >= 2 or not _group_cell(norm) or _unit_cell(norm):
            return None
        groups += 1
        n += 1
    return more if groups == 0 else None


def _heading(group: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A row's group cells as its one heading line (`一、突出政治引领(25分) 1.持续深化理论武装(8分)`)."""
    return [(group[0][0], " ".join(text for _, text in group).replace(" (", "("))] if group else []


def _laid_out(texts: list[tuple[int, str]], start: int, end: int) -> list[str]:
    """The lines `start`..`end` become: each text at its cell's line, or the next one left free."""
    slots = [""] * (end - start)
    extra: list[str] = []
    at = 0
    for line, text in texts:
        at = max(at, line - start)
        while at < len(slots) and slots[at]:
            at += 1
        if at < len(slots):
            slots[at] = text
        else:
            extra.append(text)
    return slots + extra
