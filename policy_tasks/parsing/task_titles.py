"""A task's short title: its first sentence, before any responsibility.

Most items name their task first and close with who does it (`完成老旧小区改造20个。(县住建局牵头)`): the
title is the text before the responsibility. An item that opens with its assignment in prose (`由A牵头,
B配合,在9月底前完成…供地工作`, a meeting's order, `charged_parts`) names its task after it: the title is the
first sentence after the assignment.
"""

from __future__ import annotations

from .textutil import normalise

_TITLE_MAX = 60


def short_title(text: str, limit: int) -> str:
    """The first sentence of `text[:limit]`, cut to the title's length."""
    norm = normalise(text[:limit])
    end = min((i for i in (norm.find(c) for c in "。;\n") if i >= 0), default=len(norm))
    title = text[:end].strip(" 。.;,:、；，：")
    return title if len(title) <= _TITLE_MAX else title[: _TITLE_MAX - 1] + "…"


def task_title(text: str, spans: list[tuple[int, int]]) -> str:
    """The task's title, its responsibility at `spans` (character spans of `text`) left out."""
    if spans and not normalise(text[: spans[0][0]]).strip(" ,"):
        # `由A牵头,B配合,在9月底前完成…`: the task follows the assignment that opens the item.
        stop = spans[1][0] if len(spans) > 1 else len(text)
        after = text[spans[0][1] : stop]
        if title := short_title(after, len(after)):
            return title
    return short_title(text, spans[0][0] if spans else len(text))
