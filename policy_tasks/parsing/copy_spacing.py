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
    every line, those that are not empty. The spacing is the document's: a portal's footer lines after it (`tail`,
    `page_tail`), set close together, are not counted, and are kept as they are; its marks above it count as one line
    (`_head_end`)."""
    cut = min(tail, default=len(blocks))
    above = blocks[:cut]
    written = [i for i, block in enumerate(above) if not _blank(block)]
    spoken = written if _double_spaced(above[max(_head_end(above) - 1, 0) :]) else list(range(cut))
    return [*spoken, *range(cut, len(blocks))]


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
