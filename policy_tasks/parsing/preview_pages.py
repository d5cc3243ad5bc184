"""Text a document-sharing site's preview gives: its page counters and run-together openings.

Sites that preview an uploaded .docx or .pdf as text (`…由会员分享,可在线阅读`) lose the document's
line breaks and put each preview page in one line that opens with the site's counter, `1、`, `2、`,
`3、`… (or `1.`, as a copy that numbers it with a list writes it); a page ends where the preview cut it, often inside a word (`…个体工商` / `2、户提供…`). Such a
counter is no item: a line that opens with counter n+1 (n ≥ 1) right after the line that opens
with counter n, when that line is a page long (200 characters or more) and ends inside a sentence
(no 。:;!?) or closing bracket at its end), goes on in that line, and the first counter goes with the
rest. Short numbered lines (`1、总体要求` / `2、…`) and items that end their sentence are untouched.

The same loss runs the document's opening together: `…制定本实施方案。一、加强X支持(一)强化Y。…`. In
preview pages so found, a first part `一、` after a sentence's end whose short heading (no
punctuation) runs straight into its first sub-item `(一)` opens a line, and so does that `(一)`:
only this opening pair, whose numbers say where the outline starts, is split. Other run-together
lines are left to the readers of one-line documents.

A sharing site's preview hides part of the text behind a mark, `---此处隐藏931字,下载后查看---` (round 139): the mark
stands for lost lines, so what follows it opens a line of its own, as the text after a page cut does, and the mark is
a line of its own too; where a copy ran the lines together (`…巩固禁种铲毒工作成果。---此处隐藏931字…---(3)摸底排查`),
they are split there again (`split_hidden_marks`). Near case: a line that only mentions hiding (`隐藏…`) is untouched.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile

_COUNTER_RE = re.compile(r"^\s*(\d{1,3})[、.．]\s*")
_PAGE_LONG = 200
_OPEN_ENDS = tuple("。：；！？）:;!?)")
_HIDDEN_RE = lazy_compile(r"-{2,}\s*此处(?:已)?隐藏\s*\d+\s*字[^-\n]{0,20}-{2,}", needs="隐藏")
_OPENING_RE = lazy_compile(r"(?<=[。;;])\s*(一、[^。,;:,;:()()\s]{2,30}?)\s*([((]一[))])")


def rejoin_preview_pages(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Lines with preview page counters taken out, the pages joined, the opening split."""
    out: list[tuple[str, bool]] = []
    pages: set[int] = set()  # out indexes of lines joined from preview pages
    first: int | None = None  # out index of the line that opens with counter 1
    expected = 0
    for text, splittable in lines:
        m = _COUNTER_RE.match(text)
        if m and expected and int(m[1]) == expected and out and _cut_page(out[-1][0]):
            if expected == 2 and first is not None:
                out[first] = (_COUNTER_RE.sub("", out[first][0], count=1), out[first][1])
            out[-1] = (out[-1][0] + text[m.end() :], out[-1][1] and splittable)
            pages.add(len(out) - 1)
            expected += 1
            continue
        if m and int(m[1]) == 1:
            first, expected = len(out), 2
        elif text.strip():
            first, expected = None, 0
        out.append((text, splittable))
    if not pages:
        return lines
    return [
        part
        for i, (text, splittable) in enumerate(out)
        for part in (_split_opening(text, splittable) if i in pages else [(text, splittable)])
    ]


def _cut_page(text: str) -> bool:
    body = text.rstrip()
    return len(body) >= _PAGE_LONG and not body.endswith(_OPEN_ENDS)


def _split_opening(text: str, splittable: bool) -> list[tuple[str, bool]]:
    m = _OPENING_RE.search(text)
    if m is None or not splittable:
        return [(text, splittable)]
    return [(text[: m.start()].rstrip(), True), (m[1], True), (text[m.start(2) :], True)]


def split_hidden_marks(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Lines with a preview's hiding mark (`---此处隐藏931字,下载后查看---`) on a line of its own, the text after it
    opening the next."""
    out: list[tuple[str, bool]] = []
    for text, splittable in lines:
        m = _HIDDEN_RE.search(text) if splittable else None
        if m is None or (not text[: m.start()].strip() and not text[m.end() :].strip()):
            out.append((text, splittable))
            continue
        out += [(part, splittable) for part in (text[: m.start()], m.group(), text[m.end() :]) if part.strip()]
    return out
