"""Task tables a copy ran together whole: title, header and every row in one run of text.

A document-sharing site's text preview of a Word table can lose every boundary, rows as well as
cells: `…责任分工表序号工作内容目标任务责任单位备注1将…分类。2021年2月底前,…达90%以上。市委宣传部(市
文明办)、市城管委,市住建局…等部门,各区(市)县政府(管委会)2完善…`. It is read back by what the genre
writes in each place (`run_together` reads such a header, and rows a line each):

- the table's own title, if any, ends in `表` / `清单` / `台账` right before the header's `序号`;
- the header runs from `序号` to the first row's serial `1`, cut into column names as
  `run_together_header` cuts them;
- a row is its serial, its text up to the `。` after which a unit's name stands, the unit cell and
  the next serial. The unit cell lists names parted by `、` or `,` (a group after a comma,
  `…等部门,各区(市)县政府(管委会)`); `等部门` closes a name's list and is no name
  (`run_together_units`). Where the header has two text columns before the unit
  (`工作内容 | 目标任务`), the last sentence is the second
  (a target, `2021年2月底前,…达90%以上。`) and what comes before it the first. A last column after
  the units (`备注`) is empty where the next serial follows the units at once.
"""

from __future__ import annotations

import re

from .column_meanings import CONTENT, NUMBER, TITLE, UNIT_KINDS, meaning
from .lazy_patterns import lazy_compile
from .run_together import run_together_header
from .run_together_units import unit_list_end
from .sources import Table
from .textutil import normalise

_TITLE_END_RE = lazy_compile(r"(?:表|清单|台账)$")


def run_on_table(text: str) -> tuple[list[str], Table] | None:
    """The lines before the table (its title) and the table, or None."""
    line = normalise(text).strip()
    at = line.find("序号")
    if at < 0 or (at and not _TITLE_END_RE.search(line[:at])):
        return None
    first = re.search(r"(?<=[\u4e00-\u9fff])1(?!\d)", line[at:])
    if first is None:
        return None
    header = run_together_header(line[at : at + first.start()])
    if header is None:
        return None
    kinds = [meaning(h) for h in header]
    shape = _shape(kinds)
    if shape is None:
        return None
    rows, rest, serial = [], line[at + first.start() :], 1
    while rest:
        row = _row(rest, serial, *shape)
        if row is None:
            break
        cells, rest = row
        rows.append(tuple(cells))
        serial += 1
    if len(rows) < 2 or rest:
        return None
    return ([line[:at]] if at else []), Table((tuple(header), *rows))


def _shape(kinds: list[str | None]) -> tuple[int, int] | None:
    """How many text columns stand between the 序号 and the unit column, and how many after it."""
    if not kinds or kinds[0] != NUMBER:
        return None
    units = [k in UNIT_KINDS for k in kinds[1:]]
    if True not in units or units.count(True) != 1:
        return None
    texts = units.index(True)
    if texts not in (1, 2) or not all(k in (TITLE, CONTENT) for k in kinds[1 : 1 + texts]):
        return None
    tail = len(units) - texts - 1
    return (texts, tail) if tail <= 1 else None


def _row(rest: str, serial: int, texts: int, tail: int) -> tuple[list[str], str] | None:
    """Row `serial` at the start of `rest`: its cells and the text after it (the next row's)."""
    number = str(serial)
    if not rest.startswith(number) or rest[len(number) : len(number) + 1].isdigit():
        return None
    body = rest[len(number) :]
    for m in re.finditer("。", body):
        end = unit_list_end(body, m.end(), bare_groups=True)
        if end is None:
            continue
        after = body[end:]
        following = str(serial + 1)
        if after and not after.startswith(following):
            continue
        words = body[: m.end()]
        if texts == 2:
            cut = words.rfind("。", 0, len(words) - 1) + 1
            words_cells = [words[:cut], words[cut:]] if cut else [words, ""]
        else:
            words_cells = [words]
        return [number, *words_cells, body[m.end() : end], *([""] * tail)], after
    return None
