"""What a page break leaves in a PDF's text: running heads and footers, and table rows cut in two.

- A running head or footer: the same line first (or last) on two pages or more, at least half the
  pages that hold text (`XX县人民政府办公室文件`, `XX市人民政府公报`, `XX县人民政府办公室印发`), and
  set apart from the page's text (further from it than a line's height and than half again the
  page's usual gap between lines), is page furniture, not the document's text: it is dropped.
  Figures in it may change from page to page (`2026年第3期  第5页`), so they are not compared. A
  paragraph's last line that happens to end two pages alike sits at the body's own spacing and
  stays. A single page has no running line.
- A table row cut by a page break (Word and WPS let a tall row break across pages): the first row
  of the table's part on the next page, under the repeated header, has no 序号 where the row
  before had one, holds text only in columns where that row holds text too, and leaves empty the
  columns of who leads and by when (a header naming 牵头 / 主责 / 时限 / 时间 / 期限), which the row
  before fills: the tail of a sentence, the last names of a co-unit list, while the row's lead and
  date ended on their page. Its cells are the ends of that row's cells. A row with its own 序号,
  or one that fills a column the row before left empty, or one with a lead or a date of its own (a
  sub-row under a merged 序号), is a row of its own; so is every row of a table whose header names
  neither.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from statistics import median
from typing import TYPE_CHECKING

from ..lazy_patterns import lazy_compile
from ..unit_names import ends_like_a_name
from .unwrap import glue

if TYPE_CHECKING:
    from pdfplumber._typing import T_obj

_FIGURES_RE = lazy_compile(r"[\d\s]+")
_LEAD_OR_WHEN_RE = lazy_compile(r"牵头|主责|时限|时间|期限")


def _key(item: T_obj) -> str:
    return _FIGURES_RE.sub("#", item["text"].strip())


def without_running_lines(items: list[T_obj]) -> list[T_obj]:
    """`items` (lines and tables, in page order) without the running heads and footers."""
    pages: dict[int, list[T_obj]] = {}
    for item in items:
        pages.setdefault(item["page"], []).append(item)
    if len(pages) < 2:
        return items
    drop: set[int] = set()
    for end in (0, -1):
        ends = [page[end] for page in pages.values() if page[end]["kind"] == "line" and _set_apart(page, end)]
        counts = Counter(_key(item) for item in ends)
        for item in ends:
            count = counts[_key(item)]
            if count >= 2 and 2 * count >= len(pages) and _key(item).strip("#"):
                drop.add(id(item))
    return [item for item in items if id(item) not in drop] if drop else items


def _set_apart(page: list[T_obj], end: int) -> bool:
    """The page's first (`end` 0) or last (-1) item lies further from the next one in than the text's lines do."""
    if len(page) < 2:
        return False
    outer, inner = page[end], page[1 if end == 0 else -2]
    gap = inner["top"] - outer["bottom"] if end == 0 else outer["top"] - inner["bottom"]
    lines = [item for item in page if item["kind"] == "line"]
    gaps = [b["top"] - a["bottom"] for a, b in pairwise(lines) if b["top"] > a["bottom"]]
    usual = median(gaps) if len(gaps) >= 3 else 0.0
    return bool(gap > max(outer["bottom"] - outer["top"], 1.5 * usual))


def _is_tail(row: list[str], above: list[str], header: list[str]) -> bool:
    if not row or len(row) != len(above) or len(header) != len(row) or row[0] or not above[0]:
        return False
    filled = {i for i, cell in enumerate(row) if cell}
    filled_above = {i for i, cell in enumerate(above) if cell and i}
    ended = {i for i in filled_above if _LEAD_OR_WHEN_RE.search(header[i])}
    return bool(filled) and bool(ended) and filled <= filled_above - ended


def join_cut_row(rows: list[list[str]], continued: list[list[str]]) -> list[list[str]]:
    """The rows of a table's next part, their first joined to `rows`' last if a page break cut it
    (`rows[0]` is the table's header)."""
    if len(rows) < 2 or not continued or not _is_tail(continued[0], rows[-1], rows[0]):
        return continued
    above = rows[-1]
    for i, piece in enumerate(continued[0]):
        if piece:
            # Names in a list cell are apart; a sentence goes on where it broke.
            above[i] = f"{above[i]} {piece}" if ends_like_a_name(above[i]) else glue(above[i], piece)
    return continued[1:]
