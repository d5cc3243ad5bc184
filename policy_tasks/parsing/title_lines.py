"""A title set in two or three lines, as an official document sets a long one.

GB/T 9704 centres a long title in lines of its own, broken where the width runs out, and a page that
copies the document keeps the breaks: `国务院关于落实《政府工作报告》` / `重点工作部门分工的意见`,
`某省人民政府关于印发2021年` / `省《政府工作报告》重点任务` / `分工方案的通知`. The line that ends in the kind
of document (`意见`, `方案`, `通知`) is the title's last; the lines before it back to the one that names
the office and `关于` are its head, when each of them is a fragment (no sentence punctuation, no kind
of document at its end, no date or number of its own). A title line that names `关于` itself, or has no
such head right above it, stands alone.
"""

from __future__ import annotations

import re

from .textutil import normalise

_MAX_HEAD_LINES = 2
_KIND_END_RE = re.compile(
    r"(?:方案|办法|意见|措施|计划|规定|细则|要点|清单|政策|规划|工作安排|通知|决定|通报|公示|公告)$"
)


def _fragment(norm: str) -> bool:
    return (
        2 <= len(norm) <= 40
        and not re.search(r"[。:,;!?|]", norm)
        and not _KIND_END_RE.search(norm)
        and not re.search(r"[〔\[]\s*\d{4}\s*[〕\]]|\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}", norm)
    )


def whole_title(lines: list[str], last: int) -> str:
    """The title whose last line is `lines[last]`, with the head lines above it that it continues."""
    text = lines[last].strip()
    if "关于" in normalise(text):
        return text
    for first in range(last - 1, max(last - 1 - _MAX_HEAD_LINES, -1), -1):
        norm = normalise(lines[first].strip())
        if not _fragment(norm):
            return text
        if "关于" in norm:
            return "".join(line.strip() for line in lines[first : last + 1])
    return text
