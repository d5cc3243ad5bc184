"""Header cells a web page broke with runs of spaces, in a table flattened a row a line.

A page that flattens a table a row a line writes single spaces between its cells; a header cell
the page's own layout broke over two lines (a narrow column: `牵头<br>领导`, or a justified cell)
keeps the break as a run of spaces inside the cell:

    序号 2023年重点工作任务 牵头  领导 牵头         责任单位 主体          责任单位 配合         责任单位 …

Split at every space, the header falls into half-cells (`主体`, `责任单位`), some no header word
at all, or each a header word of its own (`牵头`, `领导`: a column too many, every column after
it off by one). Read with single spaces between cells and the runs kept inside them, the pieces
join into the cells the page meant (`牵头领导`, `主体责任单位`). The joined reading is taken only
where the line mixes single spaces and longer runs and every joined cell is a known header word
(`column_meanings.meaning`); a header whose cells stand apart by runs throughout is read as it
stands.
"""

from __future__ import annotations

from .column_meanings import meaning
from .lazy_patterns import lazy_compile
from .textutil import normalise

# A cell separator: one space between two non-spaces. A longer run is a cell's own break.
_CELL_GAP_RE = lazy_compile(r"(?<=\S) (?=\S)")
_RUN_IN_CELL_RE = lazy_compile(r"\S {2,}\S")


def rejoined_cells(line: str) -> list[str] | None:
    """The cells of a header line written with single spaces between cells and runs of spaces
    inside broken cells, each cell's pieces joined; None where the line holds no such run or a
    joined cell is no known header word."""
    text = normalise(line).strip().replace("\t", " ")
    if not _RUN_IN_CELL_RE.search(text):
        return None
    cells = _CELL_GAP_RE.split(text)
    joined = ["".join(c.split()) for c in cells]
    for raw, cell in zip(cells, joined, strict=True):
        if raw.strip() != cell and meaning(cell) is None:
            return None
    return joined


def single_spaced_cells(text: str) -> list[str]:
    """A row's cells written as its rejoined header is: single spaces between cells, a run of
    spaces kept inside its cell (`汪  峰   吴蓓蓓`, a leader cell of padded names)."""
    return [c.strip() for c in _CELL_GAP_RE.split(normalise(text).strip()) if c.strip()]
