"""A progress report's table flattened a row a line, its unit column between text columns.

A bureau's monthly report on its share of a 政府工作报告's tasks keeps the breakdown's columns (序号,
the task, its 目标要求, the 责任单位) and adds what it plans and what it did after them (工作举措,
完成情况, 备注). A web page flattening it writes a row a line with single spaces between cells, and a
cell holding several paragraphs goes on over the lines below:

    序号 重点工作 目标要求 责任单位 工作举措 完成情况 备注
    1 协调做好自然灾害防范应对工作 最大限度地降低…损失 县应急局 1.督促完成森林防灭火演练…;
    2.协同做好低温雨雪冰冻灾害天气防范应对工作。
    1.10月18日下午,…综合演练在万佛湖镇成功举行,…。
    2.11月28日印发《…通知》…。
    2 做好冬春救助工作 杜绝…发生 县应急局 按照…的工作程序,做好…等工作; 11月5日完成…,12月20日印发 《关于…资金
    的通知》分配救助金额,…。

The row-a-line readers (`space_tables`, `noted_space_tables`, `progress_space_tables`) find the
short cells last or right after the task; here text columns stand on both sides of them. A row is
its serial, its text cells, then the short cells (units, persons, dates) standing between spaces
mid-line, each fitting its column, then the long cells. The long cells are read as offices write
them: on the row's line a space separates one cell from the next; below it, each line is a
paragraph of the cell being written, and a cell's numbered paragraphs (`1.` `2.`) starting again
from `1.` open the next cell (the 完成情况 after the 工作举措). Such sub-numbers are no rows: a row's
line is the next serial followed by a space, with its short cells in place. The header must close
with a note column (完成情况, 备注), so what the page writes after the last row falls in the report,
which names no one.
"""

from __future__ import annotations

from .column_meanings import CONTENT, DUE, LEADER, NOTE, TITLE, UNIT_KINDS
from .lazy_patterns import lazy_compile
from .outline import line_marker
from .sources import Table
from .space_rows import SPACED_ROW_RE, fits_short, mid_row_header, space_header
from .textutil import normalise

_SHORT = (*UNIT_KINDS, LEADER, DUE)
_TEXT = (TITLE, CONTENT)
# Lines a row's cells may run over below its line.
_ROW_LINES = 12
# A paragraph's own number in a cell (`1.督促…`, `2、…`, `(1)…`), not a figure (`1.5亿元`).
_PARAGRAPH_NUMBER_RE = lazy_compile(
    r"^(?:(?P<a>\d{1,2})[、.](?!\d+(?:\.\d+)?[亿万千百十元%个倍米吨项户人])|\((?P<b>\d{1,2})\))"
)
# A heading's numbering (`一、`, `(一)`, `第一部分`): the text after the table.
_HEADING_STYLES = frozenset({"chapter", "cn", "pcn", "roman"})
# A paragraph that goes on from the line before: no sentence closed there.
_CLOSED = ("。", ";", "!", "?", ":")


def middle_unit_table(lines: list[tuple[str, bool]], i: int) -> tuple[int, Table] | None:
    """The table whose header is line i, and the line after it; None where line i is no such
    header or no row follows."""
    head = mid_row_header(lines[i][0], _shape)
    if head is None:
        return None
    header, kinds, start, end = head
    rows: list[tuple[str, ...]] = []
    j, expected = i + 1, 0
    while j < len(lines) and not lines[j][0].strip():
        j += 1
    while j < len(lines):
        row = _row_line(lines[j][0], kinds, start, end, expected)
        if row is None:
            break
        serial, cells, rest = row
        body = [rest] if rest else []
        k = j + 1
        while k < len(lines) and k - j <= _ROW_LINES:
            text = normalise(lines[k][0]).strip()
            if not text:
                if not _row_ahead(lines, k, kinds, start, end, serial + 1):
                    break  # the text after the table
                k += 1
                continue
            if _row_line(text, kinds, start, end, serial + 1) or _ends_table(text):
                break
            body.append(text)
            k += 1
        rows.append((str(serial), *cells, *_long_cells(body, len(kinds) - end)))
        j, expected = k, serial + 1
        while j < len(lines) and not lines[j][0].strip():
            j += 1
    if not rows:
        return None
    return j, Table((tuple(header), *rows))


def _shape(kinds: list[str | None]) -> tuple[int, int] | None:
    """Where the short columns start and end: after the task's column and at least one more text
    column, before text and note columns closing with a note; None where the header has no such
    shape. The header opens with the 序号 and the task (`mid_row_header` saw to it)."""
    start = 2
    while start < len(kinds) and kinds[start] in _TEXT:
        start += 1
    end = start
    while end < len(kinds) and kinds[end] in _SHORT:
        end += 1
    if start < 3 or not any(k in UNIT_KINDS for k in kinds[start:end]) or end == len(kinds):
        return None
    long = kinds[end:]
    return (start, end) if all(k in (*_TEXT, NOTE) for k in long) and long[-1] == NOTE else None


def _row_line(
    line: str, kinds: list[str | None], start: int, end: int, expected: int
) -> tuple[int, list[str], str] | None:
    """A row's line: its serial (the one expected, any for the first row), its text and short
    cells, and the words after them; None where the line is no such row (a cell's paragraph)."""
    m = SPACED_ROW_RE.fullmatch(normalise(line).strip())
    if m is None or (expected and int(m["n"]) != expected):
        return None
    tokens = m["rest"].split()
    short = kinds[start:end]
    for p in range(1, len(tokens) - len(short) + 1):
        if all(fits_short(tokens[p + n], kind) for n, kind in enumerate(short)):
            return (
                int(m["n"]),
                [*_text_cells(tokens[:p], start - 1), *tokens[p : p + len(short)]],
                " ".join(tokens[p + len(short) :]),
            )
    return None


def _text_cells(words: list[str], width: int) -> list[str]:
    """The text columns' cells: a word each, the last taking the words left (a cell's own spaces)."""
    cells = [*words[: width - 1], " ".join(words[width - 1 :])]
    return cells + [""] * (width - len(cells))


def _row_ahead(lines: list[tuple[str, bool]], k: int, kinds: list[str | None], start: int, end: int, n: int) -> bool:
    """Whether the next line with words after line k is the row numbered n."""
    for text, _ in lines[k + 1 :]:
        if text.strip():
            return _row_line(text, kinds, start, end, n) is not None
    return False


def _ends_table(text: str) -> bool:
    marker = line_marker(text)
    return (marker is not None and marker.style in _HEADING_STYLES) or space_header(text) is not None


def _paragraph_number(text: str) -> int | None:
    m = _PARAGRAPH_NUMBER_RE.match(text)
    return int(m["a"] or m["b"]) if m else None


def _long_cells(body: list[str], width: int) -> list[str]:
    """The long columns' cells from the words after the short cells (on the row's line, a space
    between cells) and the lines below (a paragraph each; numbering starting again opens the next
    cell; a line that goes on from an unclosed one joins it)."""
    cells = [""] * width
    numbered = [False] * width
    c = 0
    for n, text in enumerate(body):
        pieces = text.split(" ") if n == 0 else [text]
        for p, piece in enumerate(pieces):
            number = _paragraph_number(piece)
            opens_next = p > 0 or (number == 1 and numbered[c])
            if opens_next and cells[c] and c < width - 1:
                c += 1
            if number is not None:
                numbered[c] = True
            if not cells[c]:
                cells[c] = piece
            elif p > 0 or number is not None or cells[c].endswith(_CLOSED):
                cells[c] += (" " if p > 0 else "\n") + piece
            else:
                cells[c] += piece  # a word the line's end cut in two
    return cells
