"""A disclosure page's metadata table flattened a cell a line, above the document it publishes.

A government site's 政府信息公开 page sets the document under a table of fields, label cell then value
cell: 索引号, 文件名称, 公开目录, 公开责任部门, 公开形式 (主动公开), 文号, 成文日期, 有效性, 公开日期 …
A copy of the page keeps it a cell a line behind ` |` markers (an empty cell as a bare `||`):

    文件名称 |
    某市安委办关于印发《…任务清单》的通知 |
    索引号: |
    ABC/2021 |
    公开责任部门 |
    市应急管理局办公室 |
    公开形式 |
    主动公开 |

The table describes the page, not the plan: it is no clause, its office (`公开责任部门`) answers for
publishing the page and is no unit of the plan, its labels and values are no units or leaders, and its
dates (成文日期, 公开日期) are no deadlines. Only what names the document is kept, as the field lines the
header reads (`文件名称:…`, `name_fields`; `文号:…`); every other cell line becomes a blank line, so the
lines keep their numbers. A table whose cells are not such fields (a task table's `责任单位 |`) is left
to the task-table readers.

A copy may keep the table a row a line instead, its label and value cells side by side behind `|` (two
fields a row, an empty cell as `||`), as a 督查室 bulletin's page is stored (round 104):

    文件名称 | 2022年第八次县政府常务会议确定事项落实情况的通报 | ||
    公开责任部门 | 紫阳县政府办公室 | 公开形式: | 主动公开 |
    文号 | 督察通报第十七期 | 成文日期: | 2022年09月14日 |

It is the same furniture (`_row_fields`): a run of such rows, each opening with a field's label and every
other cell one, is read as the table a cell a line is.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .textutil import normalise

_FIELD_RE = lazy_compile(
    r"^(?:索\s*引\s*号|文件名称|名\s*称|标\s*题|发布机构|发文机关|发文单位|公开目录|公开责任部门|公开形式|公开方式|"
    r"公开范围|公开时限|文\s*号|发文字号|成文日期|发文日期|发布日期|公开日期|生成日期|有\s*效\s*性|效力状态|"
    r"内容概述|废止日期|失效日期|发布单位|主题分类|体裁分类|组配分类|信息分类|信息来源|关\s*键\s*词|所属主题|时\s*效)\s*[::]?$"
)
# The fields kept, as the lines the header reads: the document's name and its number.
_KEPT_RE = lazy_compile(r"^(?:文件名称|名\s*称|标\s*题|文\s*号|发文字号|成文日期|发文日期|发布日期)")
_EMPTY_CELLS_RE = re.compile(r"^\|+$")
# How many field labels make the table a page's metadata, not a task table with a 名称 column.
_LEAST_FIELDS = 3


def _cell(text: str) -> str | None:
    """The cell a line holds (`主动公开 |` → `主动公开`), `""` for a bare `||`, None for no cell line."""
    t = text.strip()
    if _EMPTY_CELLS_RE.match(t):
        return ""
    if t.endswith("|") and "|" not in t[:-1].strip():
        return t[:-1].strip()
    return None


def _label(cell: str) -> str | None:
    norm = normalise(cell).strip()
    return re.sub(r"\s+", "", norm).rstrip(":") if _FIELD_RE.match(norm) else None


def disclosure_fields(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """The lines with a flattened metadata table (see the module) turned into the header's field lines."""
    out = list(lines)
    i = 0
    while i < len(lines):
        found = _table(lines, i) or _row_table(lines, i)
        if found is None:
            i += 1
            continue
        end, pairs = found
        for k in range(i, end):
            out[k] = ("", lines[k][1])
        for at, label, value in pairs:
            if _KEPT_RE.match(label) and value and not out[at][0]:  # a row of fields keeps its first kept one
                out[at] = (f"{label}:{value}", lines[at][1])
        i = end
    return out


def _table(lines: list[tuple[str, bool]], i: int) -> tuple[int, list[tuple[int, str, str]]] | None:
    """Where a metadata table starting at line i ends, and its (line, label, value) fields; None when
    line i opens none."""
    if not lines[i][1] or (first := _cell(lines[i][0])) is None or _label(first) is None:
        return None
    pairs: list[tuple[int, str, str]] = []
    k = i
    while k < len(lines):
        if not lines[k][0].strip():
            k += 1
            continue
        cell = _cell(lines[k][0])
        if cell is None or not lines[k][1]:
            break
        label = _label(cell)
        if label is None:
            if cell and pairs and not pairs[-1][2]:
                pairs[-1] = (pairs[-1][0], pairs[-1][1], cell)  # the value of the label before
            elif cell:
                break  # a cell that is neither a field nor its value: the table has ended
        else:
            pairs.append((k, label, ""))
        k += 1
    if len(pairs) < _LEAST_FIELDS:
        return None
    return k, pairs


def _row_fields(text: str) -> list[tuple[str, str]] | None:
    """`公开责任部门 | 紫阳县政府办公室 | 公开形式: | 主动公开 |`: the (label, value) fields of a row whose cells
    pair a field's label with its value; None for any other line."""
    if "|" not in text:
        return None
    cells = [c.strip() for c in text.strip().split("|")]
    while cells and not cells[-1]:
        cells.pop()
    if not cells:
        return None
    fields = []
    for k in range(0, len(cells), 2):
        label = _label(cells[k]) if cells[k] else None
        value = cells[k + 1] if k + 1 < len(cells) else ""
        if label is None:
            if cells[k] or value:
                return None
            continue  # an empty pair of cells
        fields.append((label, value))
    return fields or None


def _row_table(lines: list[tuple[str, bool]], i: int) -> tuple[int, list[tuple[int, str, str]]] | None:
    """Where a metadata table written a row a line (`_row_fields`) starting at line i ends, and its
    (line, label, value) fields; None when line i opens none."""
    if not lines[i][1] or _row_fields(lines[i][0]) is None:
        return None
    pairs: list[tuple[int, str, str]] = []
    k = i
    while k < len(lines):
        if not lines[k][0].strip():
            k += 1
            continue
        fields = _row_fields(lines[k][0]) if lines[k][1] else None
        if fields is None:
            break
        pairs += [(k, label, value) for label, value in fields]
        k += 1
    if len(pairs) < _LEAST_FIELDS:
        return None
    return k, pairs
