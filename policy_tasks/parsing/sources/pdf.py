"""PDF with a text layer, through pdfplumber (pdfminer.six underneath).

A PDF has no paragraphs, only placed lines, so they are rebuilt: a line that runs to the right
edge of the text continues on the next one (across a page break too) unless the next line opens
with an outline number. Page numbers (`— 3 —`, `第3页`) at a page's top or bottom are dropped, and
so are running heads and footers (page_breaks.py).
Ruled tables (drawn cell borders, as Word and WPS export them) are read as tables; a table that
goes on at the top of the next page with the same columns is one table (also where the break
carried its last row over alone), a row a page break cut in two one row. Unruled layouts are
read as text lines.
"""

from __future__ import annotations

import io
import logging
import re
from bisect import bisect_left
from collections import Counter
from itertools import pairwise
from statistics import median
from typing import TYPE_CHECKING

from ..unit_names import continues_group, ends_like_a_name
from .base import (
    CORRUPT_PDF,
    ENCRYPTED_PDF,
    MAX_PDF_PAGES,
    PDF_NO_UNICODE,
    PDF_TOO_LONG,
    SCANNED_PDF,
    Source,
    SourceError,
    Table,
)
from .grid import one_line, table_blocks
from .page_breaks import join_cut_row, without_running_lines
from .unwrap import BULLET_RE, PAGE_NUMBER_RE, glue, next_point_after, opens_item, opens_next_field

if TYPE_CHECKING:
    # pdfplumber's own names: its objects (chars, text lines) are dicts of mixed values.
    from pdfplumber._typing import T_bbox, T_obj
    from pdfplumber.page import FilteredPage, Page
    from pdfplumber.table import Table as PdfTable

# pdfminer logs a warning for every font quirk it works around; the file is still read, and a
# command's output must stay the one line people act on.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

_CID_RE = re.compile(r"\(cid:\d+\)")
_FIRST_WORD_RE = re.compile(r"[A-Za-z0-9][\w.,;:%/-]*")
# A gap between two characters smaller than this share of their size is no space: justified lines
# and letter-spaced ones (`实 施 方 案`, a line stretched around a long number) spread their
# characters apart. pdfplumber's default, 3 points whatever the size, cut `区 发 改 局` apart.
_GAP_IN_A_WORD = 0.5
_TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
# Below this many letters the "text" is page numbers or a scanner's stamp, not a document.
_MIN_LETTERS = 10


def read_pdf(data: bytes, filename: str) -> Source:
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise SourceError(PDF_TOO_LONG)
            found: list[T_obj] = []
            for page in pdf.pages:
                found += _page_items(page, _table_width(found))
            items = without_running_lines(found)
    except SourceError:
        raise
    except Exception as exc:  # pdfminer raises its own, struct, zlib, key and value errors on damage
        raise SourceError(ENCRYPTED_PDF if _encrypted(exc) else CORRUPT_PDF) from exc
    text = "".join(
        item["text"] if item["kind"] == "line" else "".join(c for row in item["rows"] for c in row) for item in items
    )
    # A glyph without a Unicode mapping comes out as `(cid:123)`: never text anyone wrote.
    unmapped = len(_CID_RE.findall(text))
    letters = sum(1 for ch in _CID_RE.sub("", text) if ch.isalpha())
    if unmapped and unmapped >= letters / 2:
        raise SourceError(PDF_NO_UNICODE)
    if letters < _MIN_LETTERS:
        raise SourceError(SCANNED_PDF)
    return Source("pdf", filename, _strip_unmapped(layout_blocks(items)))


def _strip_unmapped(blocks: list[str | Table]) -> list[str | Table]:
    if not any(
        _CID_RE.search(b) if isinstance(b, str) else any(_CID_RE.search(c) for r in b.rows for c in r) for b in blocks
    ):
        return blocks
    return [
        _CID_RE.sub("", b) if isinstance(b, str) else Table(tuple(tuple(_CID_RE.sub("", c) for c in r) for r in b.rows))
        for b in blocks
    ]


def _carried_row(page: Page | FilteredPage, table: PdfTable, cut_width: int | None) -> bool:
    """A one-row table the previous page's table goes on into: as wide, with no text above it."""
    if cut_width is None or len(table.rows) != 1:
        return False
    above = [c for c in page.chars if c["bottom"] <= table.bbox[1] and c["text"].strip()]
    return not above and len(_table_rows(page, table)[0]) == cut_width


def _encrypted(exc: BaseException | None) -> bool:
    from pdfminer.pdfdocument import PDFEncryptionError

    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, PDFEncryptionError) or any(isinstance(a, PDFEncryptionError) for a in exc.args):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def _center_in(obj: T_obj, bbox: T_bbox) -> bool:
    x0, top, x1, bottom = bbox
    return bool(x0 <= (obj["x0"] + obj["x1"]) / 2 <= x1 and top <= (obj["top"] + obj["bottom"]) / 2 <= bottom)


class _Chars(list["T_obj"]):
    """A page's characters whose `index` is a lookup: pdfplumber's `dedupe_chars` puts the kept
    characters back in order with `sorted(key=chars.index)`, a linear search per character (a
    dense page of 4,000 characters took seconds). The kept characters are the page's own objects,
    so their identity gives the same order."""

    def __init__(self, chars: list[T_obj]) -> None:
        super().__init__(chars)
        self._at = {id(char): at for at, char in enumerate(chars)}

    def index(self, char: T_obj, *_: object) -> int:
        return self._at[id(char)]


def _deduped(page: Page) -> FilteredPage:
    """`page.dedupe_chars()`, without its quadratic reordering."""
    from pdfplumber.page import FilteredPage
    from pdfplumber.utils import dedupe_chars

    kept = FilteredPage(page, lambda _: True)
    kept._objects = dict(page.objects)
    kept._objects["char"] = dedupe_chars(_Chars(page.chars))
    return kept


def _table_width(items: list[T_obj]) -> int | None:
    """The row width of the table that ends the pages read so far, if one does."""
    return len(items[-1]["rows"][0]) if items and items[-1]["kind"] == "table" else None


def _page_items(original: Page, cut_width: int | None = None) -> list[T_obj]:
    """The page's lines and tables in order. A ruled box of one row is no table (a framed title), except
    at the page's top right after a table of its width ended the page before (`cut_width`): the
    table's last row, which the page break carried over alone."""
    page = _deduped(original)
    tables = [
        t
        for t in page.find_tables(_TABLE_SETTINGS)
        if len(t.columns) >= 2 and (len(t.rows) >= 2 or _carried_row(page, t, cut_width))
    ]
    boxes = [t.bbox for t in tables]
    body = page.filter(lambda obj: obj.get("object_type") != "char" or not any(_center_in(obj, b) for b in boxes))
    lines = [
        {"kind": "line", "page": page.page_number, "page_width": round(float(page.width)), **line}
        for line in body.extract_text_lines(return_chars=True, x_tolerance_ratio=_GAP_IN_A_WORD)
        if line["text"].strip()
    ]
    # A page number is the first or last line of its page.
    for index in (-1, 0):
        if lines and PAGE_NUMBER_RE.match(lines[index]["text"].strip()):
            lines.pop(index)
    items = lines + [
        {"kind": "table", "page": page.page_number, "top": t.bbox[1], "bottom": t.bbox[3], "rows": _table_rows(page, t)}
        for t in tables
    ]
    return sorted(items, key=lambda item: item["top"])


def _table_rows(page: Page, table: PdfTable) -> list[list[str]]:
    """Each cell's text on the table's grid (every distinct cell edge), a merged cell's text
    repeated into every grid position it covers."""
    # Each cell looks only at the table's characters, not at every object of the page.
    inside = page.filter(lambda obj: obj.get("object_type") == "char" and _center_in(obj, table.bbox))
    texts = {bbox: _cell_text(inside, bbox) for bbox in table.cells}
    xs = sorted({round(x, 1) for x0, _, x1, _ in texts for x in (x0, x1)})
    ys = sorted({round(y, 1) for _, top, _, bottom in texts for y in (top, bottom)})
    rows: list[list[str]] = []
    for top, bottom in pairwise(ys):
        cy = (top + bottom) / 2
        row: list[str] = []
        for left, right in pairwise(xs):
            cx = (left + right) / 2
            row.append(next((t for (x0, y0, x1, y1), t in texts.items() if x0 <= cx <= x1 and y0 <= cy <= y1), ""))
        rows.append(row)
    return rows


def _cell_text(page: Page, bbox: T_bbox) -> str:
    lines = page.filter(lambda obj: obj.get("object_type") == "char" and _center_in(obj, bbox)).extract_text_lines(
        x_tolerance_ratio=_GAP_IN_A_WORD
    )
    # A short full line in a narrow column that ends as a name is more often one unit name of a list
    # than a wrapped sentence; one cut inside a word or a date (`2022-` / `2023`) goes on.
    return one_line(_join_lines(lines, right=bbox[2] - 2, min_chars=8))


def _line_size(line: T_obj) -> float:
    chars = line.get("chars") or []
    return max((c.get("size", 0) for c in chars), default=0) or (line["bottom"] - line["top"]) or 10


# GB/T 9704's annex label, on a line of its own at the annex's top left (`附件`, `附件2`, `附件1:`): never
# the end of the paragraph above, however far that paragraph's last line ran.
_ANNEX_LABEL_RE = re.compile(r"^附件\s*\d{0,2}\s*[:：]?$")
# A place's branch of a body (`余姚分局`, `城区分中心`): the rest of the name `生态环境局余姚分局`, never a name alone.
_BRANCH_RE = re.compile(r"[\u4e00-\u9fff]{1,6}(?:分局|分中心|分公司|分院)")
# A name's last character and its body's suffix (`省人力社` / `保厅`, `县民` / `政局`): no unit alone, since a
# two-character unit opens with its level or its party (`市委`, `县委`, `团委`, `党委`), never with a word's middle.
_CUT_REST_RE = re.compile(r"[^省市县区州镇乡村旗团党各]\s*(?:厅|局|委|办)")
# `…领导小组各成员单位` / `市国家创新型城市建设工作领导小组各成员单位`: a full line ending in a body's suffix, then a
# name opening with its own level (never `市场…`; the line may wrap it again), is two names of a list; a wrapped name's rest names no level
# first (`中国铁路呼和浩特局` / `集团有限公司`). Round 115.
_BODY_END_RE = re.compile(r"(?:单位|局|委|办|厅|中心|部门)$")
# A name opening with its own level (`市发改委`), or a group of a level's bodies (`各县(市、区)政府`, round 134): no
# name closed by `局` goes on with `各`.
_OWN_LEVEL_RE = re.compile(r"^(?:[省市县区](?!场|级|直)|各(?:县|市|区|乡|镇|街道|部门|单位|有关|相关))")


# `社会` (society) ends no body, though its `会` ends a 委员会's or 协会's name: a cell's line ending there was cut inside
# the name (`市人力资源社会` / `保障局`, the 人社局's full name; `民政局社会` / `事务科`), as a narrow PDF cell wraps it.
_MID_NAME_END_RE = re.compile(r"社会$")


def _ends_a_name(text: str) -> bool:
    return ends_like_a_name(text) and not _MID_NAME_END_RE.search(text)


def _next_name(previous: str, piece: str) -> bool:
    """`piece`, a cell's line, opens a name of its own after the full line `previous` that closed one."""
    return bool(_BODY_END_RE.search(previous) and _OWN_LEVEL_RE.match(piece) and len(piece) >= 3)


def _continues(previous: T_obj, line: T_obj, left: float | None, right: float, min_chars: int = 0) -> bool:
    """`line` carries on `previous` when its first word would not have fitted on `previous` (so
    the break was the line's width, not the end of a paragraph), and `line` neither opens a new
    item nor is indented as a paragraph's first line is. Chinese wraps after any character: its
    first "word" is one character."""
    text = line["text"].strip()
    if opens_item(previous["text"], text) or BULLET_RE.match(text) or _ANNEX_LABEL_RE.match(text):
        return False
    if len(previous["text"].strip()) < min_chars and _ends_a_name(previous["text"].strip()):
        # In a narrow cell, a full line that ends as a name is one name of a list, unless the
        # next goes on with the levels of one addressee (`各相关乡镇` / `街道`), or with one
        # character, which names no unit of a list alone (`区人社` / `局`: the name's rest), or with a place's
        # branch of the unit before it (`生态环境局` / `余姚分局`), which a bare `分局` never names alone, or with
        # a name's last character and its suffix (`省人力社` / `保厅`, round 102).
        piece = re.split(r"[、,，\s]", text, maxsplit=1)[0]
        branch = _BRANCH_RE.fullmatch(piece) is not None or _CUT_REST_RE.fullmatch(piece) is not None
        if len(piece) > 1 and not continues_group(previous["text"].strip(), piece) and not branch:
            return False
    if min_chars and _next_name(previous["text"].strip(), re.split(r"[、,，\s]", text, maxsplit=1)[0]):
        return False
    if "\t" in previous["text"] or "\t" in text:
        return False  # a table's row (cells apart, as the OFD reader marks them) is a row of its own
    size = _line_size(previous)
    width = (line["x1"] - line["x0"]) / max(len(line["text"]), 1)
    word = _FIRST_WORD_RE.match(text)
    first = len(word.group(0)) + 1 if word else 1  # an English word needs its space too
    if previous["x1"] + width * first <= right - 0.5 * size:
        return False
    # The margin is rounded to a point, and a line the copy broke at a space (`…行动计划工 作方案`, a PDF extraction's
    # spaces kept) opens half a character in, after the space, which is not drawn: no paragraph's indent.
    return left is None or line["x0"] <= left + 0.5 * size + 1.0


def _join_lines(lines: list[T_obj], right: float, left: float | None = None, min_chars: int = 0) -> str:
    text, previous = "", None
    for line in lines:
        piece = line["text"].strip()
        if previous is not None:
            joins = _continues(previous, line, left, right, min_chars)
            # `责任单位:…` then `检查范围:…`: the next field or unit's paragraph (`unwrap.opens_next_field`); `一是…。`
            # then `二是…`: the next point's (`unwrap.next_point_after`).
            paragraph = text.rsplit("\n", 1)[-1]
            joins = joins and not opens_next_field(paragraph, piece) and not next_point_after(paragraph, piece)
            text = glue(text, piece) if joins else f"{text}\n{piece}"
        else:
            text = piece
        previous = line
    return text


def _edges(lines: list[T_obj]) -> tuple[float | None, float]:
    """The text's left margin (where wrapped lines start; a paragraph's first line is indented) and
    its right margin, where full lines end.

    Justified text ends its full lines at one x; ragged-right text (a web page printed, a plain
    export) within a character of the margin; with punctuation allowed to hang (Word's and WPS's
    default for Chinese), some lines end up to a character beyond it; and the most common end is
    often that of short lines of one length (`牵头单位:…` label lines). So the margin is the median
    end of the lines that reach within two characters of the furthest end several lines share (three,
    else two) and that lies where a page's text can end: with margins about equal on both sides, not
    short of the right margin by more than a few characters. With no such end, no line is full."""
    if not lines:
        return None, 0.0
    starts = Counter(round(line["x0"]) for line in lines)
    left = min((float(x) for x, count in starts.items() if count >= 2), default=None)
    size = median(_line_size(line) for line in lines)
    ends = sorted(line["x1"] for line in lines)
    width = lines[0].get("page_width")
    least = width - left - 3 * size if width and left is not None else 0.0
    for shared in (3, 2):
        for index in range(len(ends) - 1, shared - 2, -1):
            if ends[index] < least:
                break
            if index - bisect_left(ends, ends[index] - size) + 1 >= shared:
                return left, float(median(ends[bisect_left(ends, ends[index] - 2 * size) : index + 1]))
    return left, ends[-1] + 1


def layout_blocks(items: list[T_obj], edges: tuple[float | None, float] | None = None) -> list[str | Table]:
    """Text lines joined into paragraphs, and tables. Margins are found per page size: a landscape
    annex has lines of its own width, and a paragraph does not go on from one kind of page to the other."""
    by_width: dict[object, list[T_obj]] = {}
    for item in items:
        if item["kind"] == "line":
            by_width.setdefault(item.get("page_width"), []).append(item)
    margins = {width: edges or _edges(lines) for width, lines in by_width.items()}
    blocks: list[str | list[list[str]]] = []  # a table's rows until the next page can no longer extend it
    run: list[T_obj] = []  # consecutive text lines, joined into paragraphs together
    last_table: list[list[str]] | None = None

    def flush() -> None:
        if run:
            left, right = margins[run[0].get("page_width")]
            blocks.extend(_join_lines(run, right, left).split("\n"))
            run.clear()

    for item in items:
        if item["kind"] == "line":
            if run and run[-1].get("page_width") != item.get("page_width"):
                flush()
            run.append(item)
            last_table = None
            continue
        rows = item["rows"]
        if last_table is not None and not run and len(rows[0]) == len(last_table[0]):
            # The same table going on over a page break; a repeated header row is dropped.
            last_table.extend(join_cut_row(last_table, rows[1:] if rows[0] == last_table[0] else rows))
            continue
        flush()
        last_table = [list(row) for row in rows]
        blocks.append(last_table)
    flush()
    out: list[str | Table] = []
    for block in blocks:
        out.extend(table_blocks(block) if isinstance(block, list) else [block])
    return out
