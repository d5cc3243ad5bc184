"""A numbered item whose line is its name field: `01 项目名称:提升县域生态环境`.

A list of projects (a 为民办实事 or 民生实事 list, or a progress report on one) may write each item as its
number and the project's name field on one line, the rest as label blocks below it:

    01 项目名称:提升县域生态环境
    项目内容:
    连通城区河道水系,…
    责任单位:
    水务局、城管局、自然资源局
    进展与成效:
    …

The number opens the item (zero-padded as a form prints it, `01`, and set off by a space alone, or by
the usual `、` / `.`), and the name field is the item's own line: its value is the item's name, what
a reviewer knows the task by, and the label is no part of it. So the line is rewritten as the
numbered line the outline reads (`01、提升县域生态环境`), its number as written (the clause's ref is
`01`); the label blocks below are the item's body, as any item's lines are.

A name label alone (`项目名称:X`, a one-project record's field) and a number before any other words
(`20 个项目`, `2021 年`) are left as they are: only a number of one to three figures before a name
field's label makes an item.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .textutil import normalise

# The name fields of a project list's item: 项目名称, 实事名称, 事项名称, 任务名称, 工程名称.
NAME_LABEL = r"(?:项目|实事|事项|任务|工程)名称"
# `01 项目名称:X`, `1、项目名称:X`, `1.项目名称:X`: a number of one to three figures, then a space or a
# separator, then the field's label and its colon, then the name.
_NAMED_ITEM_RE = lazy_compile(
    rf"^\s*(?P<n>\d{{1,3}})(?:\s+|\s*[、.．]\s*){NAME_LABEL}\s*[:]\s*(?P<name>\S.*)$", needs="名称"
)


def named_item_lines(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """The lines with each `NN 项目名称:X` line written `NN、X`; other lines unchanged."""
    out: list[tuple[str, bool]] = []
    for text, splittable in lines:
        m = _NAMED_ITEM_RE.match(normalise(text))
        out.append((f"{m['n']}、{m['name'].strip()}", splittable) if m is not None else (text, splittable))
    return out
