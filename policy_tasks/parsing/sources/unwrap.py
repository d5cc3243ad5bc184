"""Text broken at a fixed width joined back into its paragraphs.

Text copied out of a PDF viewer, or saved by a tool that wraps, breaks every paragraph where the
page's line ended: inside a unit's name (`区发` / `改局`), a label, a date. Such text is told by
its lines: most end at one width (within a character, or one beyond where punctuation hangs) and
hardly any is longer. Then a line that ends there goes on in the next one, unless the next one
opens an item (an outline number), is indented as a paragraph's first line is, or follows a blank
line, as the PDF reader decides for placed lines. Text written a paragraph a line is left as it is.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from statistics import median

from ..lazy_patterns import lazy_compile
from ..named_item_lines import NAME_LABEL
from ..notice_closes import closing_formula, signer_line
from ..textutil import cn_to_int
from ..unit_names import ends_like_a_name

# Outline numbers of the genre (GB/T 9704: 一、 （一） 1. （1）, and ①, 第X条; a Roman area `Ⅱ、` and the serial
# carrying its place, `Ⅱ-3`, as the outline reads them; a project's number before its name field): such a line starts
# anew, however full the line before it ran. A figure before a domain (`63.com)`, an e-mail address the page broke
# after `…@1`) opens nothing.
OUTLINE_RE = re.compile(
    r"^(?:[一二三四五六七八九十百]+\s*[、.．]|[(（]\s*[一二三四五六七八九十百\d]+\s*[)）]"
    r"|\d{1,3}\s*(?:[.．](?![\da-z])|、)|[①-⑳]|第[一二三四五六七八九十百\d]+[条章节部分]"
    r"|[Ⅰ-Ⅻ]\s*(?:[、.．]|-\s*(?:\d|[①-⑳]))"
    # A project list's item whose line is its number and name field (`02 项目名称:X`, `named_item_lines`).
    rf"|\d{{1,3}}\s+{NAME_LABEL}\s*[:：])"
)
# `…按照精简、统` / `一、效能的原则`: a word ending in 一 (统一, 同一, 唯一, 单一, 逐一, 划一) that the width cut before
# its 一, a 、 after it, reads as a first section's `一、`; after the word's first character it is the line's rest.
_WORD_BEFORE_ONE_RE = re.compile(r"[统同唯单逐划]$")
# `…各村成立一、` / `二、三线民工抢险队…`: a run of ordinals naming ranks (`一、二、三线`) the width cut after a `、`.
# No line ends on a heading's number, and 、 never opens a line (避头尾), so the `二、` after it goes on the run.
_ORDINAL_RUN_RE = re.compile(r"[一二三四五六七八九十]、$")
# `…针对问题举一反` / `三、完善措施…`: an idiom ending in a numeral the width cut before it (round 178); the line's rest.
_IDIOM_BEFORE_NUMERAL = {"举一反": "三", "接二连": "三", "一分为": "二", "独一无": "二", "说一不": "二", "朝三暮": "四"}


def opens_item(previous: str, text: str) -> bool:
    """`text` opens with an outline number (`OUTLINE_RE`), not the `一` of a word the line before began nor the next
    of a run of ordinals the line before ended in."""
    tail = previous.rstrip()
    return bool(OUTLINE_RE.match(text)) and not (
        (text.startswith("一") and _WORD_BEFORE_ONE_RE.search(tail))
        or _ORDINAL_RUN_RE.search(tail)
        or any(tail.endswith(word) and text.startswith(n) for word, n in _IDIOM_BEFORE_NUMERAL.items())
    )


# A list's bullet (`●`, `■`, `◆`, `▲`, `•`; round 62's inspection findings) opens an item as a number does: a
# line starting with one is never the wrapped end of the line before, however full that line ran.
BULLET_RE = re.compile(r"^[●■◆▲•◇▪◦►▶◎]")
# The dashes a page's number is set between (`— 3 —`, `-3-`, GB/T 9704's folio); page_marks reads them too.
PAGE_DASHES = "-—–－"
# A page's number on a line of its own: `— 3 —`, `-3-`, `第3页 共9页`, or bare digits between blank lines.
PAGE_NUMBER_RE = re.compile(
    rf"^[{PAGE_DASHES}·\s]*\d{{1,4}}[{PAGE_DASHES}·\s]*$|^第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?$"
)
_DECORATED_NUMBER_RE = lazy_compile(r"[-—–－·]\s*\d|^第")
_CHAR = 2  # columns of one Chinese character
# A page holds 28 characters a line (GB/T 9704) or more; "full" lines narrower than this are a list
# of short items (cells a line, problems a line) whose longest items happen to be alike.
_NARROWEST = 25 * _CHAR
_MIN_LINES = 8
_FULL_SHARE = 0.1  # of the lines, at least this many end at the width
# and hardly any is longer (a line of text written a paragraph a line is, in one of ten lines or more)
_LONGER_SHARE, _LONGER_ANYWAY = 0.05, 2
_SENTENCE_ENDS = "。:;!?：；！？"
# A notice's salutation (`各乡镇人民政府,县直各单位:`) is a paragraph of its own: it never goes on
# from the title above it, however near the width that title ends; nor does its closing formula
# (`特此通知。`, `notice_closes`) from the last item's line above it, nor its 落款 over the date of writing.
_SALUTATION_RE = lazy_compile(r"^各[^。;:]{1,60}[:：]$")
# A table a page flattened a row a line starts each row with its serial and a space (`2 第一产业…`).
_ROW_SERIAL_RE = lazy_compile(r"^(\d{1,3})\s+\S")
# A cell of figures in such a row: a count, an amount, a share, or the dash of an empty cell.
_FIGURE_CELL_RE = lazy_compile(r"[-+]?\d[\d.,]*%?|[-—]+")
_SENTENCE_MARKS_RE = lazy_compile(r"[，。；：！？,;:!?]")
# A line of fields the office wrote whole (`整改责任单位:县市场监督管理局 整改时限:2021年8月13日前`): an inspection
# post closes each block of problems with one, all alike, so they end at one width though no page broke them.
# Only where every line at that width is such a line or ends a sentence is the text left as written.
_FIELDS_LINE_RE = lazy_compile(
    r"^\s*[\u4e00-\u9fff]{2,8}[:：]\S+(?:\s+[\u4e00-\u9fff]{2,8}[:：]\S+)+\s*$", needs=":|："
)
# A field's line or a unit's paragraph (`责任单位:A、B`, `检查范围:…`, `财政所:负责…`, `各村(社区):…`) opens with a
# short name and a colon; a project's paragraph with the project's name, however long (`老旧房屋安全隐患整治项目:对…`,
# `“人和基金”慈善项目:…`; round 116, `project_colon_items`).
_PARAGRAPH_ENDS = "。;!?；！？"
_FIELD_OPENING_RE = lazy_compile(
    r"^\s*(?:[\u4e00-\u9fff]{2,10}(?:[(（][\u4e00-\u9fff、]{1,6}[)）])?|[“”\u4e00-\u9fff]{4,30}?(?:项目|工程))[:：]"
)


class _Widths(dict[str, int]):
    """Columns of each character met, looked up once: every line of every text document is measured."""

    def __missing__(self, ch: str) -> int:
        width = self[ch] = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        return width


_WIDTHS = _Widths()


def columns(text: str) -> int:
    return len(text) if text.isascii() else sum(map(_WIDTHS.__getitem__, text))


# Punctuation a copy of a Chinese PDF turns half-width (`(`, `,`, `;`) or measures narrow (`“”`), each of which took a
# full character's width on the page: a line cut at the page's width (`(一)县级自查。各县(市、区)林长办组织开展2023年度`)
# looks short by one column for each, and would be left unjoined (round 119).
_NARROWED_RE = lazy_compile(r"[(),;“”‘’]")


def _mid_sentence(line: str) -> bool:
    """A line stopping inside a sentence: a line closing a sentence or a bracket is a paragraph's end as often as the
    page's."""
    return not line.isascii() and ("\u4e00" <= line[-1] <= "\u9fff" or line[-1] in "、,")


def _narrowed_copy(lines: list[str]) -> bool:
    """Whether the copy narrowed its punctuation, told by the whole document, not by a line: counted at a full
    character each, the lines stopping inside a sentence still fit the page that the lines without such punctuation
    show (the widest of them ending in a character, which no punctuation hangs past). Text wrapped with its
    half-width punctuation as it stands (a tool breaking at a count of columns) has a line cut at the width with a
    comma in it, which the full count carries past the page."""
    ended = [line.rstrip() for line in lines if line.strip()]
    narrowed = [line for line in ended if _mid_sentence(line) and _NARROWED_RE.search(line)]
    plain = [columns(line) for line in ended if "\u4e00" <= line[-1] <= "\u9fff" and not _NARROWED_RE.search(line)]
    return bool(narrowed and plain) and all(_page_columns(line) <= max(plain) for line in narrowed)


def _page_columns(line: str) -> int:
    """The columns a Chinese line took on the page: its narrowed punctuation counted at a character's full width."""
    width = columns(line)
    if not _mid_sentence(line):
        return width
    return width + len(_NARROWED_RE.findall(line))


def _indent(line: str) -> int:
    return columns(line[: len(line) - len(line.lstrip())])


def _broken_at_space(line: str) -> bool:
    """A copy that kept the spaces a PDF extraction left between words (`…行动计划工 作方案`) breaks a line at one of
    them, which then opens the next line: one space, not a paragraph's indent (two ideographic spaces, or more)."""
    return line.startswith(" ") and not line[1:2].isspace()


def wrap_width(lines: list[str]) -> float | None:
    """The width the text was broken at, in columns, or None when it was not.

    A line of broken text ends where the page's width fell, mostly inside a sentence; where every
    line at the width ends a sentence (`。`, `:`), the text was written a paragraph a line and its
    longest paragraphs happen to be alike (a short page: a notice, a table a cell a line)."""
    widths = sorted((columns(line.rstrip()), line.rstrip()) for line in lines if line.strip())
    ends = [width for width, _ in widths]
    if len(ends) < _MIN_LINES:
        return short_wrap_width(widths)
    for index in range(len(ends) - 1, 1, -1):
        furthest = ends[index]
        if furthest < _NARROWEST:
            return None
        if index - bisect_left(ends, furthest - _CHAR) + 1 < 3:
            continue
        first_near = bisect_left(ends, furthest - 2 * _CHAR)
        near = ends[first_near : index + 1]
        longer = len(ends) - bisect_right(ends, furthest + _CHAR)  # hanging punctuation aside
        if all(text[-1] in _SENTENCE_ENDS or _FIELDS_LINE_RE.match(text) for _, text in widths[first_near : index + 1]):
            return None
        if len(near) >= _FULL_SHARE * len(ends) and longer <= max(_LONGER_ANYWAY, _LONGER_SHARE * len(ends)):
            return float(median(near))
        return None
    return None


# A short page broken at a width (a news report of two paragraphs: 7 lines at 42 characters) has too few lines for the
# share above; it is told instead by every line but each paragraph's last ending at one column, most inside a sentence.
_SHORT_MIN_LINES, _SHORT_AT_WIDTH = 4, 3


def short_wrap_width(widths: list[tuple[int, str]]) -> float | None:
    """The width a page of fewer than `_MIN_LINES` lines was broken at, or None: at least three lines end within a
    character of the widest (no line longer, a page's width no narrower than `_NARROWEST`), more of them inside a
    sentence than at its end, and every other line is shorter and ends a sentence, as a paragraph's last line does. A
    short page written a paragraph a line ends its lines at sentences' ends, whatever their lengths."""
    if len(widths) < _SHORT_MIN_LINES:
        return None
    furthest = widths[-1][0]
    if furthest < _NARROWEST:
        return None
    near = [(width, text) for width, text in widths if width >= furthest - _CHAR]
    others = [text for width, text in widths if width < furthest - _CHAR]
    inside = sum(1 for _, text in near if _mid_sentence(text))
    if len(near) < _SHORT_AT_WIDTH or 2 * inside <= len(near):
        return None
    if not all(text[-1] in _PARAGRAPH_ENDS or text.endswith(("。”", "。）", "。)")) for text in others):
        return None
    return float(median(width for width, _ in near))


def glue(left: str, right: str) -> str:
    """Chinese and numbers wrap anywhere and join as they are; English wraps between words."""
    if left and right and left[-1].isascii() and left[-1].isalpha() and right[0].isascii() and right[0].isalpha():
        return f"{left} {right}"
    return left + right


def _is_page_number(lines: list[str], index: int) -> bool:
    text = lines[index].replace("\f", "").strip()
    if not text or not PAGE_NUMBER_RE.match(text):
        return False
    if "\f" in lines[index] or _DECORATED_NUMBER_RE.search(text):
        return True
    # Bare digits may be a paragraph's last line (`…投资1` / `23`): only a line set apart is a number.
    before = index == 0 or not lines[index - 1].strip() or "\f" in lines[index - 1]
    after = index + 1 == len(lines) or not lines[index + 1].strip() or "\f" in lines[index + 1]
    return before and after


def _without_page_numbers(lines: list[str]) -> list[str]:
    """Page numbers, form feeds and the blank lines around a number go: a paragraph that ran on to
    the next page is then broken as at any other line's end, and joins."""
    out: list[str] = []
    after_number = False
    for index, line in enumerate(lines):
        if _is_page_number(lines, index):
            while out and not out[-1].strip():
                out.pop()
            after_number = True
            continue
        line = line.replace("\f", "")
        if after_number and not line.strip():
            continue
        after_number = False
        out.append(line)
    return out


def unwrap(lines: list[str]) -> list[str]:
    width = wrap_width(lines)
    if width is None:
        return lines
    lines = _without_page_numbers(lines)
    # Where wrapped lines start: the smallest indent that several lines share.
    indents = sorted(_indent(line) for line in lines if line.strip())
    margin = indents[min(2, len(indents) - 1)]
    out: list[str] = []
    previous_end: int | None = None  # columns the previous line filled; None after a blank line
    serial = 0  # the last row serial a line started with (a `1 ` starts a run)
    measure = _page_columns if _narrowed_copy(lines) else columns
    for at, line in enumerate(lines):
        text = line.strip()
        # The previous line ran to the width: this line's first character did not fit on it.
        full = previous_end is not None and previous_end + (columns(text[:1]) or _CHAR) > width - _CHAR / 2
        row = _ROW_SERIAL_RE.match(text)
        # A row of a table written a row a line whose rows happen to be as long as a page's line
        # (`1 地区生产总值增长6%以上。 区发展改革委 …`): the next serial starts the next row.
        next_row = row is not None and serial >= 1 and int(row[1]) == serial + 1
        next_row = next_row or (bool(out) and _row_after_row(out[-1], text, row))
        if (
            full
            and text
            and not opens_item(out[-1], text)
            and not BULLET_RE.match(text)
            and not next_row
            and not _SALUTATION_RE.match(text)
            and not closing_formula(text)
            and not signer_line(text, next((n for n in lines[at + 1 :] if n.strip()), ""))
            and not opens_next_field(out[-1], text)
            and not _annex_note_after(out[-1], text)
            and not hands_down_after(out[-1], text)
            and not next_point_after(out[-1], text)
            and not closes_minute_after(out[-1], text)
            and "\t" not in line
            and (_indent(line) <= margin or _broken_at_space(line))
        ):
            out[-1] = glue(out[-1], text)
        else:
            out.append(line.rstrip())
        if row is not None and (next_row or int(row[1]) == 1):
            serial = int(row[1])
        previous_end = measure(line.rstrip()) if text else None
    return out


# A notice's attachment note (`附件:…清单`, `附件1:…`, GB/T 9704's 附件说明) after its last requirement, before the
# signature (rounds 114 and 117: 黔江's notice wrapped at 40 characters, 长治's at 28).
_ANNEX_NOTE_RE = lazy_compile(r"^附件\s*\d{0,2}\s*[:：]", needs="附件")


def _annex_note_after(paragraph: str, line: str) -> bool:
    """Whether `line` is the notice's attachment note after a paragraph that ended a sentence right at the page's
    width: the note stands on a line of its own, never the paragraph's go-on (joined, it hid the signature below)."""
    return paragraph.rstrip()[-1:] in _PARAGRAPH_ENDS and bool(_ANNEX_NOTE_RE.match(line))


# A notice's handing-down sentence (`经省人民政府同意,现将…责任分解。`, `经区政府同意,现就…通知如下:`) opens a paragraph of
# its own (GB/T 9704's 正文: the grounds, then the formula that hands the document down), after a paragraph that
# ended its sentence right at the page's width (round 149's notice wrapped at 28 characters).
HANDING_DOWN = r"经[^。;；,，:：]{2,30}(?:同意|批准)\s*[,，]\s*现(?:将|就|印发|下发|转发)"
_HANDING_DOWN_RE = lazy_compile("^" + HANDING_DOWN, needs="经")


def hands_down_after(paragraph: str, line: str) -> bool:
    """Whether `line` opens the notice's handing-down sentence after a paragraph that ended a sentence."""
    return paragraph.rstrip()[-1:] in _PARAGRAPH_ENDS and bool(_HANDING_DOWN_RE.match(line))


# A paragraph a point (`一是…。` then `二是…。`, a report's or a notice's points): the next point opens its own paragraph
# after one that ended its sentence right at the page's width; inside a sentence (`…,二是…`) it is the sentence's list.
# A meeting's points joined to 要 (`一要…。` then `二要…`, rounds 96/97) are such points as well.
_POINT_RE = lazy_compile(r"^([一二三四五六七八九十]{1,2})([是要])", needs="是|要")


def next_point_after(paragraph: str, line: str) -> bool:
    """Whether `line` opens the point after the one `paragraph` opened, `paragraph` ending a sentence."""
    own, nxt = _POINT_RE.match(paragraph.strip()), _POINT_RE.match(line.strip())
    if own is None or nxt is None or paragraph.rstrip()[-1:] not in _PARAGRAPH_ENDS:
        return False
    value = cn_to_int(own[1])
    return value is not None and cn_to_int(nxt[1]) == value + 1 and own[2] == nxt[2]


# A meeting report's closing account (`会上,县住建局局长…进行了安排部署。`) after the paragraph of the requirements counted
# by inline points (`X强调,一要…。二要…。三要…。`): a paragraph of its own, as such reports end, even where the points'
# last sentence ended right at the page's width.
_POINTS_RUN_RE = lazy_compile(r"一([是要])[^\n]*?[。;；,，]\s*二\1", needs="二")
_CLOSING_ACCOUNT_RE = lazy_compile(r"^会上[,，]", needs="会上")


def closes_minute_after(paragraph: str, line: str) -> bool:
    """Whether `line` opens a meeting report's closing account after its paragraph of counted requirements."""
    ended = paragraph.rstrip()[-1:] in _PARAGRAPH_ENDS
    return ended and bool(_CLOSING_ACCOUNT_RE.match(line)) and bool(_POINTS_RUN_RE.search(paragraph))


def opens_next_field(paragraph: str, line: str) -> bool:
    """Whether `line`, opening with a name and a colon, is the next of a run of such lines or paragraphs
    (`责任单位:A、B` then `检查范围:…`; `财政所:负责…` then `派出所:负责…`) after `paragraph`, one of the run,
    though the line before ran to the page's width: a unit list or a paragraph that happened to end
    there (at a sentence's end or a name's), not a line the page broke."""
    if not (_FIELD_OPENING_RE.match(line) and _FIELD_OPENING_RE.match(paragraph)):
        return False
    # The paragraph ended there: a sentence or a name closes it. A word the page cut (`配合` / `单位:B`) goes on.
    end = paragraph.rstrip()
    return end[-1:] in _PARAGRAPH_ENDS or ends_like_a_name(end)


def _row_after_row(before: str, text: str, row: re.Match[str] | None) -> bool:
    """Whether the line starts anew as a table's row after a table's line, however long that was: row
    1 after the header (`序号 考核指标 …`), or an item's further line of cells under its merged 序号
    (`农村危桥改造 座 12 9 75.0%` after `2 农村公路 公里 80 85 106.3% 县交通局`). Wrapped prose breaks a
    sentence, not a row of cells."""
    words = before.split()
    if len(words) < 4:
        return False
    if row is not None:
        return int(row[1]) == 1 and words[0] in ("序号", "编号")
    return (_ROW_SERIAL_RE.match(before.strip()) is not None or _cell_line(before)) and _cell_line(text)


def _cell_line(text: str) -> bool:
    """A line of a row's cells: its text first, then three cells or more, two of them figures, and no
    sentence's punctuation (a PDF's copied prose sets spaces around its figures too: `投资额 5000 万元，`)."""
    cells = text.split()
    if len(cells) < 3 or _SENTENCE_MARKS_RE.search(text):
        return False
    return sum(1 for c in cells[1:] if _FIGURE_CELL_RE.fullmatch(c) or re.search(r"\d", c)) >= 2
