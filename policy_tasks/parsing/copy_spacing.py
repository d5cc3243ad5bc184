"""The spacing a copy of a plan picks up on its way from a web page: non-breaking spaces, double spacing.

A browser copies `&nbsp;` as U+00A0 and typeset pages use the other Unicode spaces (U+2002 en space,
U+2003 em space, U+202F…); the readers of a line (flattened tables, labels, dates) expect the ASCII
space the office typed, so every one becomes one. The ideographic space (U+3000) stays: offices
indent with it, and the line readers already take it as indentation.

A page that sets each paragraph in its own `<p>` with a margin is often copied, or saved to Word,
with an empty line after every line. Blank lines then say nothing, while in a plan written line by
line a blank line ends a field or a table; so when nearly every line is followed by a blank one
(four in five, and at least three lines), the blank lines are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

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
    `page_tail`), set close together, are not counted, and are kept as they are."""
    cut = min(tail, default=len(blocks))
    return [*_spoken(blocks[:cut]), *range(cut, len(blocks))]


def _spoken(blocks: Sequence[object]) -> list[int]:
    written = [i for i, block in enumerate(blocks) if not _blank(block)]
    everything = list(range(len(blocks)))
    if len(written) < _MIN_LINES:
        return everything
    followed = sum(1 for i in written if i + 1 < len(blocks) and _blank(blocks[i + 1]))
    return written if followed >= _SHARE * (len(written) - 1) else everything
