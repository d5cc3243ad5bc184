"""Field labels written without their colon, spelled as the readers know them.

Besides `牵头单位:A`, offices set a field's label off in a bracket of its own (`【牵头单位】A`,
`[配合单位]B`, `〖责任单位〗C`), or, in text copied out of a two-column form, by a space
(`牵头单位 A` on a line of its own). Both are the same field: the label is rewritten with its colon
before anything else reads the line. A bracket is a label only when it holds nothing but a label's
words and something follows it on the line; a spaced label only at a line's start, followed by
words that are no label themselves (a header row `牵头单位 配合单位 完成时限` stays a header).
"""

from __future__ import annotations

import re

from .unit_labels import LABEL_WORDS

_WORDS = "|".join(sorted(LABEL_WORDS, key=len, reverse=True))
_BRACKETED_RE = re.compile(rf"[【\[〖〔]\s*({_WORDS})\s*[】\]〗〕]\s*(?=\S)")
_SPACED_RE = re.compile(rf"^(\s*)({_WORDS})[ \t\u3000]+(?=\S)")
_LABEL_TOKEN_RE = re.compile(rf"(?:^|\s)(?:{_WORDS})(?:\s|$)")


def spell_labels(line: str) -> str:
    """`【牵头单位】A` and `牵头单位 A` (at the line's start) as `牵头单位:A`."""
    if not any(ch in line for ch in "【[〖〔 \t\u3000"):
        return line
    line = _BRACKETED_RE.sub(lambda m: m[1] + ":", line)
    if (m := _SPACED_RE.match(line)) and not _LABEL_TOKEN_RE.search(line, m.end() - 1):
        line = m[1] + m[2] + ":" + line[m.end() :]
    return line
