"""A system's or a principle's name quoted as its slogan: `“年初公布、年中检查、年底兑现、接受监督”的原则`.

Notices name the way a year's work is tracked by a quoted run of short phrases, each a stage of the year and what
happens in it (`“年初建账、逐月查账、年底交账”的督查制度`). The stages name the system, no deadline and no recurring duty:
`年底兑现` inside it dates nothing, and `逐月查账` repeats nothing (round 111). Such a slogan is a quotation of three or
more parts joined by `、`, each two to six characters with no figure and no punctuation of its own; a quotation of
one part (`“年底前完成”`) or a sentence quoted whole is read as before.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .textutil import normalise

_SLOGAN_RE = lazy_compile(r"“(?P<parts>[\u4e00-\u9fff]{2,6}(?:、[\u4e00-\u9fff]{2,6}){2,7})”", needs="、")


def slogan_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the quoted slogans in `text` (see above), where no milestone is read."""
    norm = normalise(text)
    if "“" not in norm:
        return []
    return [m.span() for m in _SLOGAN_RE.finditer(norm)]
