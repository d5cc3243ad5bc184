"""Sentences that run on across a line break that comes mid-sentence.

A copy taken out of a PDF may keep each of the page's lines a paragraph of its own (an indented copy, a
pdftotext copy), so a sentence is cut wherever its line ended: `考核工作由A(以下简\n称“A办”)组织实施,B…参加`.
A reader that takes sentences a line at a time then sees no subject and no role in one piece. Offices end a
sentence with 。 or ; (or ! ? :), so a line break after any other character, before a line that opens no item
of its own (`二、`, `(三)`, `1.`, `第五条`), is inside a sentence, and the sentence runs on past it. A line of a
heading's length with no punctuation (`考核组织`) is a heading: a sentence does not run on from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_PIECE_RE = re.compile(r"[^。;\n]+")
_SENTENCE_ENDS = "。;!?:"
_ITEM_RE = re.compile(
    r"[^\S\n]*(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十\d]{1,3}\)|\d{1,2}[.、]|第[一二三四五六七八九十\d]{1,4}[条章节])"
)
_HEADING_RE = re.compile(r"[^\S\n]*[^,、。;:!?()“”\s]{1,16}[^\S\n]*")


def runs_on(norm: str, at: int) -> bool:
    """Whether the line break at `at` is inside a sentence (see the module docstring)."""
    line_start = norm.rfind("\n", 0, at) + 1
    before = norm[line_start:at].rstrip()
    if not before or before[-1] in _SENTENCE_ENDS or _HEADING_RE.fullmatch(norm, line_start, at):
        return False
    return not _ITEM_RE.match(norm, at + 1) and bool(norm[at + 1 : at + 2].strip())


def sentences(norm: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of `norm[start:end]`: to 。 or ;, or a line break that ends one."""
    end = len(norm) if end is None else end
    covered = start
    for piece in _PIECE_RE.finditer(norm, start, end):
        if piece.start() < covered:
            continue  # a line the sentence before ran on into
        s, e = piece.span()
        while e < end and norm[e] == "\n" and runs_on(norm, e) and (more := _PIECE_RE.match(norm, e + 1, end)):
            e = more.end()
        covered = e
        yield s, e


def joined_lines(text: str, norm: str, start: int, end: int) -> tuple[str, str, int, int]:
    """`text` and `norm` with the line breaks of `[start, end)` taken out, and the span's new end: names a
    sentence run on across a break hold the break inside them (`市…领导小组\n(以下简称…)有关成员单位`)."""
    cut = norm.count("\n", start, end)
    if not cut:
        return text, norm, start, end

    def join(s: str) -> str:
        return s[:start] + s[start:end].replace("\n", "") + s[end:]

    return join(text), join(norm), start, end - cut
