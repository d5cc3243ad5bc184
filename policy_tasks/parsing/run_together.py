"""Task tables a copy stored a row a line with nothing at all between the cells.

A page's table copied as plain text can lose its cell boundaries altogether: the header becomes
one word (`类别序号重点督办内容牵头单位全年完成情况`) and each row one run of text
(`经济社会发展主要预期目标1地区生产总值增长6%左右。区发展改革委西城区地区生产总值增速…`). Both are read
back here by what the genre's columns hold:

- the header is cut into column names, each of which names a column (`column_meanings.meaning`)
  and ends as such names end (`…号`, `…内容`, `…单位`, `…情况`); the first name is made as short as
  the rest of the line still allows. It must name a 序号, a task column and a unit column.
- a row is its first text cell (a group cell such as 类别, written on a group's first row only),
  its serial (the next number), the task (a sentence, up to a `。` after which a unit's name
  stands), the unit cell (names that end as a body's name ends, `、` between them, a second name
  in brackets kept, as `run_together_units` reads them), and the last column's text after it.

The rows are handed on as a table (`tables.table_lines`), read as any other.
"""

from __future__ import annotations

import functools
import re

from .column_meanings import AREA, CONTENT, DUE, NOTE, NUMBER, TITLE, UNIT_KINDS, meaning
from .run_together_units import unit_list_end
from .sources import Table
from .textutil import normalise

_HEAD_END_RE = re.compile(
    r"(?:号|类别|类|内容|单位|部门|科室|股室|处室|情况|时限|时间|期限|节点|领导|责任人|负责人|任务|事项|措施"
    r"|目标|要求|备注|名称|项目|指标|领域|标准|进度|计划|安排|举措|说明|成效|结果)$"
)
_HEADER_LINE_RE = re.compile(r"[\u4e00-\u9fff]{8,80}")


def run_together_header(text: str) -> list[str] | None:
    """The column names of a header line written as one word, or None."""
    line = normalise(text).strip()
    if not _HEADER_LINE_RE.fullmatch(line):
        return None
    names = _cut(line)
    if names is None or len(names) < 4:
        return None
    kinds = [meaning(n) for n in names]
    if NUMBER not in kinds or not any(k in UNIT_KINDS for k in kinds) or not any(k in (TITLE, CONTENT) for k in kinds):
        return None
    return names


# Two words that name one text column (`目标任务`, `进度安排`), each a column's name by itself.
_TEXT_KINDS = (TITLE, CONTENT, DUE, NOTE)


def _one_name(line: str) -> bool:
    """`line` opens with a column name of two two-character words that each name a text column
    too (`目标`, `任务`): one name, not two columns."""
    first, second, whole = line[:2], line[2:4], line[:4]
    return len(line) >= 4 and all(_HEAD_END_RE.search(w) and meaning(w) in _TEXT_KINDS for w in (first, second, whole))


@functools.lru_cache(maxsize=256)
def _cut(line: str) -> list[str] | None:
    if not line:
        return []
    if _one_name(line) and (rest := _cut(line[4:])) is not None:
        return [line[:4], *rest]
    for end in range(2, min(len(line), 12) + 1):
        name = line[:end]
        if _HEAD_END_RE.search(name) and meaning(name) is not None:
            rest = _cut(line[end:])
            if rest is not None:
                return [name, *rest]
    return None


def run_together_rows(lines: list[tuple[str, bool]], i: int, header: list[str]) -> tuple[int, Table] | None:
    """The rows under `header` (line i) up to the first line that does not read as one; the
    table and the line after it, or None when no row does."""
    kinds = [meaning(h) for h in header]
    rows, j, expected = [], i + 1, 1
    while j < len(lines):
        text = lines[j][0]
        if not text.strip():
            j += 1
            continue
        row = _row(normalise(text).strip(), kinds, expected)
        if row is None:
            break
        rows.append(tuple(row))
        j, expected = j + 1, expected + 1
    if not rows:
        return None
    return j, Table((tuple(header), *rows))


def _row(line: str, kinds: list[str | None], serial: int) -> list[str] | None:
    at = kinds.index(NUMBER)
    if at > 1 or (at == 1 and kinds[0] not in (AREA, TITLE)):
        return None  # only a group cell before the 序号
    number = str(serial)
    pos = line.find(number)
    if pos < 0 or (at == 0 and pos) or re.search(r"\d", line[:pos]) or len(line[:pos]) > 30:
        return None
    rest = line[pos + len(number) :]
    after = kinds[at + 1 :]
    units = [k in UNIT_KINDS for k in after]
    if not after or units[0] or True not in units:
        return None
    text_cols = units.index(True)
    unit_cols = next((n for n, u in enumerate(units[text_cols:]) if not u), len(units) - text_cols)
    tail = len(after) - text_cols - unit_cols
    if text_cols != 1 or unit_cols != 1 or tail > 1:
        return None
    for m in re.finditer("。", rest):
        end = unit_list_end(rest, m.end())
        if end is None or (tail == 0 and end != len(rest)):
            continue
        cells = [rest[: m.end()], rest[m.end() : end]] + ([rest[end:]] if tail else [])
        return [line[:pos], number, *cells] if at else [number, *cells]
    return None
