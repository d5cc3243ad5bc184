"""The spacing a copy of a plan picks up on its way from a web page: non-breaking spaces, double spacing.

A browser copies `&nbsp;` as U+00A0 and typeset pages use the other Unicode spaces (U+2002 en space,
U+2003 em space, U+202F…); the readers of a line (flattened tables, labels, dates) expect the ASCII
space the office typed, so every one becomes one. The ideographic space (U+3000) stays: offices
indent with it, and the line readers already take it as indentation.

A page that sets each paragraph in its own `<p>` with a margin is often copied, or saved to Word,
with an empty line after every line. Blank lines then say nothing, while in a plan written line by
line a blank line ends a field or a table; so when nearly every line is followed by a blank one
(four in five, and at least three lines), the blank lines are dropped. The spacing is the document's
own: the portal's furniture around it (breadcrumbs, a font switch and share links above, `page_tail`'s
footer below) is laid out by the site's template, set close together: the footer is not counted, and the run
of marks above, often run straight onto the copy's first line, counts as one line.

The copy puts one empty line after every line, the document's own empty lines among them: a blank line that
parted two paragraphs comes out as three, two as five. So only the copy's own share is dropped, half of each run
(`_halved`), and a blank line the document wrote is kept for the readers that take it as the end of an item
(`outline_lines._continues`). A document that was itself set a paragraph a `<p>` (its blank lines saying
nothing) and copied once more is double-spaced again once halved, and is halved again, down to its lines.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from .page_tail import page_mark

# A regular expression, not str.translate: translating a Chinese text with a table walks it a
# character at a time in Python's slow path (0.8 ms for the seed, against 0.05 ms).
_SPACES_RE = re.compile("[\xa0\u2000-\u200a\u202f\u205f]")
_MIN_LINES = 3
_SHARE = 0.8


def plain_spaces(text: str) -> str:
    return _SPACES_RE.sub(" ", text)


def _blank(block: object) -> bool:
    return isinstance(block, str) and not block.strip()


def spoken_lines(blocks: Sequence[object], tail: Collection[int] = ()) -> list[int]:
    """The indexes of the blocks to read: all, or, when the copy put an empty line after nearly
    every line, all but the copy's empty lines (`_halved`). The spacing is the document's: a portal's footer lines after it (`tail`,
    `page_tail`), set close together, are not counted, and are kept as they are; its marks above it count as one line
    (`_head_end`)."""
    cut = min(tail, default=len(blocks))
    spoken = list(range(cut))
    while True:
        above = [blocks[i] for i in spoken]
        if not _double_spaced(above[max(_head_end(above) - 1, 0) :]):
            return [*spoken, *range(cut, len(blocks))]
        spoken = _halved(blocks, spoken)


def _halved(blocks: Sequence[object], spoken: list[int]) -> list[int]:
    """`spoken` with each run of empty lines cut to half its length, rounded down: the empty line a copy put after
    each line goes, the ones the document wrote (`n` of them came out as `2n + 1`) stay."""
    kept: list[int] = []
    run: list[int] = []
    for i in [*spoken, None]:
        if i is not None and _blank(blocks[i]):
            run.append(i)
            continue
        kept.extend(run[len(run) - len(run) // 2 :])
        run = []
        if i is not None:
            kept.append(i)
    return kept


def _double_spaced(blocks: Sequence[object]) -> bool:
    written = [i for i, block in enumerate(blocks) if not _blank(block)]
    if len(written) < _MIN_LINES:
        return False
    followed = sum(1 for i in written if i + 1 < len(blocks) and _blank(blocks[i + 1]))
    return followed >= _SHARE * (len(written) - 1)


def _head_end(blocks: Sequence[object]) -> int:
    """The index after the run of a portal's marks (`page_tail.page_mark`) and empty lines the page opens with; 0
    when it opens with a line of its own (a title): a mark further down is the document's line and counts. The run is
    the template's one block, its line breaks the site's: it counts as one line, its last, which is followed by a blank
    one or runs straight onto the copy."""
    end = 0
    for i, block in enumerate(blocks):
        if not isinstance(block, str):
            break
        if page_mark(block):
            end = i + 1
        elif block.strip():
            break
    return end
