"""Task tables (分工方案 / 任务清单) read into the genre's text form.

A table row becomes a clause line followed by `表头:值` field lines for its responsibility and
deadline columns, which the clause reader then handles like any label lines.
"""

from __future__ import annotations

import re

from .sources import Table

FIELD_HEADERS = {
    "责任领导",
    "牵头领导",
    "牵头单位",
    "牵头部门",
    "责任单位",
    "责任部门",
    "配合单位",
    "配合部门",
    "协办单位",
    "完成时限",
    "完成时间",
}


def table_lines(table: Table) -> list[str]:
    rows = [list(row) for row in table.rows]
    if len(rows) < 2:
        return [" ".join(c for c in row if c) for row in rows]
    header = [re.sub(r"\s+", "", h) for h in rows[0]]
    lines: list[str] = []
    for row in rows[1:]:
        body = [v for h, v in zip(header, row, strict=False) if v and h not in FIELD_HEADERS]
        if body and body[0].isdigit() and len(body) > 1:
            body = [f"{body[0]}. {body[1]}", *body[2:]]
        fields = [f"{h}:{v}" for h, v in zip(header, row, strict=False) if v and h in FIELD_HEADERS]
        lines.append(" ".join(body))
        if fields:
            lines.append(" ".join(fields))
    return lines
