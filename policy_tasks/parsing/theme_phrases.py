"""A theme phrase opening a paragraph before the paragraph's own item: `聚焦“绿色转型”,。由A负责的…项目,…`.

A town's post on its key projects (我为群众办实事, 民生实事) gives each project a paragraph of its own, unnumbered, and
opens each with the theme it serves, a quoted slogan after a verb of focus: `聚焦“幸福民生”`, `围绕“乡村振兴”`. The
project then names its unit (`由镇公路站负责的…项目`, `charged_projects`) and its date. The theme is the
paragraph's first words, so it is the opening of the item the paragraph holds (corpus README: `start` is the
first words of the body), never the end of the item before it, nor a line of the header before the first one
(round 107); in a copy that ran the paragraphs into one line, a theme right after a sentence's end opens the next
item the same way. It names no unit and dates nothing: the readers of an item's opening subject look past it
(`role_sentences.opening_starts`), as they look past an item's title sentence.

Not such a phrase: a group phrase counting the projects of a category (`民生保障类4项实事中,`, round 98's lead-in
to several projects, no part of the first), a quotation inside a sentence, a title with no quoted theme.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

# A verb of focus, the quoted theme, a few words after it, and the punctuation a copy closes it with (the mirror's
# doubled `,。` included). With no such verb a quotation opening a sentence (`他说“好”,`) is no theme.
_THEME_RE = lazy_compile(
    r"(?:聚焦|围绕|紧扣|紧盯|着眼|立足|突出|助力|服务)[\u4e00-\u9fff]{0,2}“[^”“\n,。;:!?]{1,12}”"
    r"[\u4e00-\u9fff]{0,4}\s*[,、]?\s*[。,;:!?]\s*"
)
_THEME_MAX = 32  # characters: a verb, a quoted slogan, their punctuation
_SENTENCE_ENDS = "。;!?"


def theme_end(norm: str, start: int = 0) -> int:
    """Where a theme phrase opening `norm` at `start` ends (the item's own words start there), or `start`
    when none opens it. `norm` is normalised text."""
    m = _THEME_RE.match(norm, start)
    return m.end() if m is not None and m.end() < len(norm) else start


def theme_start(norm: str, start: int) -> int:
    """Where a theme phrase ending right at `start` begins, where it opens its sentence (at the line's start, or after
    a sentence's end, as in a copy that ran the paragraphs into one line); `start` where none ends there."""
    for at in range(max(0, start - _THEME_MAX), start):
        opens = at == 0 or norm[at - 1] in _SENTENCE_ENDS or norm[at - 1].isspace()
        if opens and _THEME_RE.fullmatch(norm, at, start):
            return at
    return start
