"""A mirror's doubled commas: a copy whose converter set a comma before the page's own stop (round 164).

Some mirror sites re-typeset a government page and, converting it (traditional to simplified, pinyin stripped), leave
a comma before the stop the page already had: `会议要求,,一是加大违法案件查处力度,,对…形成有力震慑。`,
`市场监督管理局,、市公安局,、…`, `营造良好食品安全氛围,。`. The doubled stop hides the page's layout from the readers
(a meeting's head `会议要求,` before its inline points, a list of bodies parted by `、`), so the extra comma is
dropped where a comma or another stop follows at once, leaving the page's own stop. A single comma, a comma before
a quotation mark or a bracket, and a run of other stops (`。。`, `……`) are the page's own and stay as written.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

# A comma (ASCII or full-width) right before another comma, an enumeration comma, a full stop or a semicolon.
_DOUBLED_RE = lazy_compile(r"[,,](?=[,,、。;;])", needs=",|,")

Lines = list[tuple[str, bool]]


def drop_doubled_commas(lines: Lines) -> Lines:
    """The lines with each comma standing right before another stop dropped (see above)."""
    return [(_DOUBLED_RE.sub("", text), splittable) for text, splittable in lines]
