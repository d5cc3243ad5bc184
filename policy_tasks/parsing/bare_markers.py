"""Web tables stored a cell a line with each `|` marker on a line of its own.

Some pages write an HTML table's cell borders as bare `|` lines: one between the cells of a row,
two between rows (the row's closing border and the next row's opening one), the cells' text on the
lines between them (`|` / `序号` / `|` / `工作任务` / `|` / … / `|` / `|` / `1` / `|` / …). An empty
cell is two borders too, so the borders alone cannot tell a row's end: the cells are read as one
stream and a row starts at its 序号, as in the ` |`-closed style (`pipe_tables`).
"""

from __future__ import annotations


def only_bare_markers(lines: list[str]) -> bool:
    """Every marker of the stream stands alone on its line, and some cell text lies between them."""
    marked = [line.strip() for line in lines if "|" in line]
    return bool(marked) and all(t == "|" for t in marked) and len(marked) < len(lines)


def cells_between_markers(lines: list[str]) -> list[str]:
    """The text between markers, a cell's broken lines joined; empty cells dropped."""
    cells: list[str] = []
    cell: list[str] = []
    for line in lines:
        t = line.strip()
        if t == "|":
            if cell:
                cells.append("".join(cell))
            cell = []
        elif t:
            cell.append(t)
    if cell:
        cells.append("".join(cell))
    return cells
