"""A portal's comment box under a published document: `政策性文件留言咨询` and its note, no part of the document.

A government site publishing a 政策性文件 may close the page with its comment box: a heading (`政策性文件留言咨询`,
`我要留言`, `留言咨询`) and the site's note on what it takes, numbered as a list in a bracket:

    政策性文件留言咨询
    (注:1.只接收对该政策性文件的相关咨询;2.留言时请注明政策性文件名称)

Read as text, the note's `1.` and `2.` were the only numbers of a notice that numbers nothing, and became its
items (round 132). Both lines are the page's furniture, as a `【打印本页】` link is: a tail mark (`page_tail`), so
they and what follows are not read. The note is told by its bracket opening with `注` and by speaking of the
comment (`留言`, `咨询`); a document's own note (`(注:1.本表数据截至6月底;2.…)`) stays, as does a sentence
that only mentions a 留言 (`开通网上留言咨询渠道`).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

# The box's heading alone on its line: `政策性文件留言咨询`, `我要留言`, `留言咨询`, `网上留言`.
_HEADING_RE = lazy_compile(
    r"^\s*(?:政策性?文件|政策)?(?:留言咨询|咨询留言|我要留言|网上留言|在线留言)\s*$", needs="留言"
)
# The box's note: a bracket opening with `注:` that speaks of the comment it takes.
_NOTE_RE = lazy_compile(r"^\s*[(（]\s*注\s*[:：](?=[^)）]*留言)[^)）]*(?:咨询|留言)[^)）]*[)）]\s*$", needs="留言")


def comment_box_line(line: str) -> bool:
    """Whether `line` is a portal's comment box heading or its note (see the module docstring)."""
    return bool(_HEADING_RE.match(line) or _NOTE_RE.match(line))
