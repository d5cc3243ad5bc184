"""A task cell that reads like a unit's name, in a task table whose rows kept only their cells' order.

Where a flattened table keeps a row's cells in order but not their columns (a cell a line under a
header, a stream of `|` markers), each cell is placed by what it reads as (`pipe_tables.align`). A
task may end in a word unit names end in (`培育规模以上工业企业`, `引进高新技术企业`, `新建乡镇卫生院`):
read as units, it took the lead column, the lead unit went on to the co column, and the task was
lost. A task table's task column is never merged away, and where its header puts the task column
before the unit columns, the row's task comes before its units: so a row whose first cell after its
序号 reads as units, with no text before it and more units after it, has that cell as its task.
"""

from __future__ import annotations

from collections.abc import Sequence


def task_read_as_units(
    typed: list[tuple[str, str]],
    kinds: Sequence[str | None],
    task_kinds: tuple[str, ...],
    unit_kinds: tuple[str, ...],
) -> int | None:
    """Where in a row's typed cells (`(cell, "number" | "units" | "person" | "text")`) the task
    stands that read as units, or None. `kinds` are the header's column meanings."""
    first_unit_column = next((i for i, k in enumerate(kinds) if k in unit_kinds), None)
    if first_unit_column is None or not any(k in task_kinds for k in kinds[:first_unit_column]):
        return None
    first = next((n for n, (_, kind) in enumerate(typed) if kind != "number"), None)
    if first is None or typed[first][1] != "units":
        return None
    if not any(kind == "units" for _, kind in typed[first + 1 :]):
        return None  # the row's only units: its lead unit, the task cell lost
    return first
