"""Header cells whose characters a justified table spread apart with spaces.

Word and web tables often justify a short header cell across its column, and a page saved as
text keeps that as spaces between the characters (`目   标   与   任   务`, `责 任 单 位`). The cell
is the word its characters spell (`目标与任务`): a run of single CJK characters, each separated
from the next by whitespace, is read with the whitespace removed. Any other text is kept as it
is, so a cell of words (`牵头单位 配合单位`) is never run together.
"""

from __future__ import annotations

import re

_SPREAD_RE = re.compile(r"[\u4e00-\u9fff](?:\s+[\u4e00-\u9fff])+")


def unspread(text: str) -> str:
    """The cell's word when its single characters are spread by spaces, else the text."""
    stripped = text.strip()
    if _SPREAD_RE.fullmatch(stripped):
        return re.sub(r"\s+", "", stripped)
    return stripped
