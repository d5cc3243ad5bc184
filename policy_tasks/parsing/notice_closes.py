"""The close of a notice after its last item: no part of that item (`outline_lines`).

GB/T 9704-2012 closes a 通知 in a fixed order after its body: the closing formula (`特此通知。`), the
附件说明 (`附件:2026年…推进情况表`, or `附件:1.…` a line an attachment), the 落款 (the issuing office) and
the date of writing, then perhaps a contact line (`(联系人:…,联系电话:…)`) and `(此件公开发布)`. None of
these is the last item's text: the attachment's title is no task (a year in it dates nothing), the
office is no unit and the date of writing no deadline. The closing formula ends the notice's items
wherever it stands; a 附件说明 line does so once the item's sentence has closed, as a 落款 does. A web
page often drops the 落款 (a seal, an image) and may drop the formula's `特` (`此通知`), so each line
ends the items on its own. What follows (the plan the notice issues, with or without a bare `附件`
line) is a part of its own.
"""

from __future__ import annotations

import re

from .outline import line_marker
from .outline_node import Node
from .textutil import normalise
from .unit_names import looks_like_units
from .units import peek_responsibility

# `特此通知。`, `特此函告`, `此复`: a line that is nothing but the formula. A copy that lost the 特
# (`此通知`) still closes the notice.
_FORMULA_RE = re.compile(r"^(?:特此(?:通知|通报|函告|函复|批复|报告|公告|说明)|此(?:通知|通报|复))\s*[。.!]?$")
# The 附件说明: `附件:` and an attachment's name (`附件:2026年…情况表`, `附件1:…`, `附件:1.…`).
# A bare `附件` line is the annex's own heading, read elsewhere (`outline_lines._ANNEX_RE`).
_ANNEX_NOTE_RE = re.compile(r"^附件\s*\d{0,2}\s*:\s*\S")
# A day's date: `2023年10月20日`, as a notice's date of writing is written under its issuer. A page that stored
# the date without its 年, 月 and 日 (`2020118`, the characters an image or a font dropped) keeps the digits: a year of
# this century or the last and three or four more, alone on the line under the 落款 (round 107).
_DAY_RE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
_BARE_DAY_RE = re.compile(r"^(?:19|20)\d{2}(?:1[0-2]|0?[1-9])(?:3[01]|[12]\d|0?[1-9])$")
_SENTENCE_ENDS = ("。", ";", "!", "?")


def closing_formula(norm: str) -> bool:
    """`特此通知。` on a line of its own: the notice's body has ended."""
    return _FORMULA_RE.match(norm.strip()) is not None


def signer_line(text: str, next_text: str) -> bool:
    """`盘锦市人民政府办公室` over `2021年1月25日`: the 落款, one office's name alone on its line over the date of writing.
    A copy broken at a page's width never runs it on from the line above (`sources/unwrap`, round 99), however near the
    width that line ends (a contact line closing the last item)."""
    signer = normalise(text).strip()
    return (
        _DAY_RE.match(normalise(next_text).strip()) is not None
        and 0 < len(signer) <= 20
        and re.fullmatch(r"[\u4e00-\u9fff()]+", signer) is not None
        and looks_like_units(signer)
    )


def annex_note(norm: str, node: Node) -> bool:
    """`附件:2026年…推进情况表` right after an item whose sentence has closed: the notice's 附件说明,
    which follows its body, so the item has ended (its text is no cell or sentence of the item)."""
    if node.style == "root" or not _ANNEX_NOTE_RE.match(norm.strip()):
        return False
    own = normalise(node.own_text).rstrip()
    return own[-1:] in _SENTENCE_ENDS or closing_bracket(own)


def signed(norm: str, node: Node) -> bool:
    """`治安大队` / `2023年10月20日` after the last item: the notice's 落款 and its date of writing
    (GB/T 9704-2012, 7.3.5), no deadline. The line before the day is one office's name alone, after
    the item's text has closed its sentence; a table's date cell follows its task or a unit field. A page may
    have stored the day as bare digits (`东明镇人民政府` / `2020118`): still the date of writing."""
    if not (_DAY_RE.match(norm.strip()) or _BARE_DAY_RE.match(norm.strip())) or len(node.pieces) < 2:
        return False
    signer = normalise(node.pieces[-1][1]).strip()
    before = normalise(node.pieces[-2][1]).rstrip()
    return (
        0 < len(signer) <= 20
        and re.fullmatch(r"[\u4e00-\u9fff()]+", signer) is not None
        and looks_like_units(signer)
        and not peek_responsibility(signer).found
        and (before[-1:] in _SENTENCE_ENDS or closing_bracket(before))
    )


def dated_alone(norm: str, node: Node, later: list[str]) -> bool:
    """`2019年4月21日` alone on its line after the last item, with no office's name over it (a page's own date
    line under its table or list, the day of the inspection it reports or of the notice): the date of
    writing, no deadline of the item above. A deadline word with the day (`2019年4月21日前`) makes it one, and
    so does a table flattened a cell a line whose rows fill a deadline cell: where another item has a
    deadline field of its own, or an item is numbered after the line, the day is read as a cell as before.
    The item above has named its units (a row's day before its unit cell is its deadline cell), or it is a paragraph
    of prose that has closed its sentence (`…及时将本单位办理工作情况函告牵头单位。` / `2022年3月14日`, a covering
    notice whose requirements charge by their subjects, round 142): a table's cell is no such paragraph."""
    if not _DAY_RE.match(norm.strip()) or node.style == "root":
        return False
    if not (peek_responsibility(node.own_text).found or _closed_paragraph(node)):
        return False
    if any(line_marker(line) is not None for line in later if line):
        return False
    root = node
    while root.parent is not None:
        root = root.parent
    return not any(peek_responsibility(item.own_text).due_fields for item in root.walk() if item is not node)


# A paragraph of prose, not a table's cell: long, several parts, its last sentence closed.
_PARAGRAPH_AT_LEAST = 60


def _closed_paragraph(node: Node) -> bool:
    last = normalise(node.pieces[-1][1]).strip() if node.pieces else ""
    return len(last) >= _PARAGRAPH_AT_LEAST and last[-1:] == "。" and last.count(",") >= 2


def closing_bracket(text: str) -> bool:
    """`…(责任单位:县住建局)` or `(联系人:王五,联系电话:…)` closes the text before a 落款 as a full stop does."""
    if text[-1:] not in (")", "]", "〕"):
        return False
    return peek_responsibility(text).found or re.search(r"[(\[〔](?:联系人|联系电话|联系方式)", text) is not None
