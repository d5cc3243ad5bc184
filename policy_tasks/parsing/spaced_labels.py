"""A field label set with spaces between its characters: `责 任 人:`, `牵 头 单 位:`.

Word documents and the forms offices fill in justify a short label to the width of the longest one
beside it (`责任领导:` / `责任单位:` / `责 任 人:`), and the text keeps the spaces. Read as it
stands the label is no label, and its names are lost. A line that opens with single characters
standing apart by spaces, then a colon, has its label closed up, where the closed word is a field
label of the genre (`unit_labels.LABEL_RE`); any other spaced line is left as written.
"""

from __future__ import annotations

import re

from .unit_labels import LABEL_RE

# At a line's start (after its indentation): two to six characters, each apart from the next by
# spaces, then the colon (full or half width).
_SPACED_RE = re.compile(
    r"^([ \t\u3000]*)((?:[\u4e00-\u9fff][ \t\u3000]+){1,5}[\u4e00-\u9fff])[ \t\u3000]*([:：])", re.M
)


def _close(m: re.Match[str]) -> str:
    word = re.sub(r"[ \t\u3000]+", "", m[2])
    label = LABEL_RE.match(word + ":")
    if label is None or label[1] != word:
        return m[0]
    return f"{m[1]}{word}{m[3]}"


def close_spaced_labels(text: str) -> str:
    """`责 任 人:安洪海` reads `责任人:安洪海`; a line whose spaced word is no label stays as it is."""
    if " " not in text and "\u3000" not in text and "\t" not in text:
        return text
    return _SPACED_RE.sub(_close, text)
