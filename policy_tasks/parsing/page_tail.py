"""What follows a plan when it comes from a web page or a printed notice: the site's footer, the 版记.

A plan copied or saved from a government portal ends with the site's furniture: print and close
links (`【打印本页】【关闭窗口】`), the host line (`主办单位:某市人民政府办公室 承办单位:某市大数据中心`),
the site's registration (`ICP备`, `网站标识码`, `公网安备`), `技术支持:`, `上一篇:`. A notice printed as
issued ends with its colophon: `抄送:` and the units it is copied to. Read as text, a host line is
a unit label and a copy list is a list of units, and both would become the last clause's units.

They are a tail: nothing numbered follows them. From the first line that only such a tail holds
(a site mark, a host line naming both 主办 and 承办, a copy list, a comment box (`comment_boxes`), a page's publication line with the heading
block above it, `publication_lines`, or its source field alone and its link home, `信息来源:暂无来源` / `首页`)
to the end, the lines are dropped;
so are the contact lines just above a site mark (`地址:`, `电话:`). The same marks above the plan
(breadcrumbs, a font-size switch) are left: items follow them, and a tail needs the article's text above it. The issuing office's `…印发` line
stays, since its date is the plan's when the header gives none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .comment_boxes import comment_box_line
from .lazy_patterns import lazy_compile
from .publication_lines import ends_page, heading_block_start, publication_line
from .sources.unwrap import OUTLINE_RE

_SITE = re.compile(
    r"ICP\s*备|网站标识码|公网安备|版权所有|Copyright|©|^\s*技术支持\s*[:：]|打印本页|关闭窗口|【\s*(?:打印|关闭)\s*】"
    r"|扫一扫|网站地图|^\s*(?:上|下)一篇\s*[:：]|浏览次数|访问次数"
)
# A portal's furniture above a plan: the breadcrumbs (`首页 > 政府信息公开 > …`, `当前位置:`) and the share links.
_ABOVE = lazy_compile(
    r"^\s*(?:(?:首页|当前位置|您的位置|你的位置|您现在的位置)\s*[>›»:：]|分享到\s*[:：]?)",
    needs="首页|当前位置|您的位置|你的位置|您现在的位置|分享到",
)
_HOST = re.compile(r"(主办|承办)(?:单位)?\s*[:：]")
# The contact lines above a site's mark; a host line there names the site's office (主办/承办),
# where a clause's own label pairs 主办 with 协办 (`主办单位:A,协办单位:B`).
_CONTACT = lazy_compile(
    r"^\s*(?:(?:主办|承办)(?:单位)?\s*[:：](?!.*协办)|(?:地址|电话|联系电话|邮编|传真|E-?mail|邮箱)\s*[:：])", re.I
)
_COPY_TO = re.compile(r"^\s*(?:抄送|抄报)\s*[:：]")
# A page's own lines after the article with no date beside them (round 107): its source field alone
# (`信息来源:暂无来源`) and the link back to the portal (`首页`, `返回顶部`), each on a line of its own.
_PAGE_LINE = lazy_compile(r"^\s*(?:(?:信息|文章)来源\s*[:：][^。;,]{0,30}|首页|返回首页|返回顶部)\s*$")
_ISSUED = lazy_compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发\s*$")
_MAX_TAIL = 15  # lines: a footer or a colophon, not a page of text
_MAX_TAIL_LINE = 300  # characters: a footer's line, not a page's text
# What a plan's own lines hold and a tail's do not: an assignment, a deadline, a table row's serial, points
# numbered inline in a report's paragraph (`督导组指出:一是…;二是…`, round 154), a day's deadline (`每季度…15日前`).
_PLAN = lazy_compile(r"牵头|责任|配合|负责|完成|时限|月底|年底|\d\s*日\s*(?:之|以)?前|^\s*\d{1,3}\s|[:;。]\s*[一二]是")


def page_mark(line: str) -> bool:
    """A line of a portal's furniture above a plan (breadcrumbs, a font switch, print and share links): no line of the
    document's own, so no title line (`letter_titles` counts the title's lines after them)."""
    return bool(_SITE.search(line) or _ABOVE.match(line))


def _tail_mark(line: str) -> bool:
    # A host line names both offices; clauses run together on one line may each write `(主办:A;协办:B)`.
    return bool(
        _SITE.search(line)
        or _COPY_TO.match(line)
        or set(_HOST.findall(line)) == {"主办", "承办"}
        or publication_line(line)  # `时间:2020-05-11 来源:…` after the article (`publication_lines`)
        or _PAGE_LINE.match(line)
        or comment_box_line(line)  # `政策性文件留言咨询` / `(注:1.…;2.留言时…)`, round 132
    )


def _is_tail(texts: Sequence[str], mark: int) -> bool:
    rest = [text for text in texts[mark:] if text.strip()]
    return len(rest) <= _MAX_TAIL and not any(_PLAN.search(text) for text in rest if not _tail_mark(text))


def tail_lines(lines: Sequence[object]) -> set[int]:
    """The indexes of a page's or a notice's tail, to be left unread; the issuing line stays."""
    texts = [line if isinstance(line, str) else "" for line in lines]
    return {i for i in range(_tail_start(lines), len(lines)) if not _ISSUED.search(texts[i])}


def _tail_start(lines: Sequence[object]) -> int:
    texts = [line if isinstance(line, str) else "" for line in lines]
    numbered_after = len(texts)  # no outline-numbered line at or after this index
    while numbered_after > 0 and not OUTLINE_RE.match(texts[numbered_after - 1].strip()):
        numbered_after -= 1
    # Tables are part of the plan: the tail starts after the last one.
    last_table = max((i for i, line in enumerate(lines) if not isinstance(line, str)), default=-1)
    start = max(numbered_after, last_table + 1)
    # A page's mark above the plan (`浏览次数`, `打印本页`) in a plan with no numbering and no table is
    # followed by the plan's lines: a tail is a short run of lines that assign and date nothing. A tail follows the
    # article: a mark with only the page's furniture above it (`首页 > …`, then `【字体:大 中 小】 打印本页`) is the page's
    # head, however little the article's unnumbered paragraphs below it assign in the tail's words.
    # A mark on a line of a page's length is a copy with no line breaks (`…浏览次数: 发布时间:…为贯彻…`): the
    # page's text, no footer.
    mark = next(
        (
            i
            for i in range(start, len(texts))
            if _tail_mark(texts[i])
            and len(texts[i].strip()) <= _MAX_TAIL_LINE
            and any(text.strip() and not page_mark(text) for text in texts[:i])
            and _is_tail(texts, i)
            and (not publication_line(texts[i]) or ends_page(texts, i, _tail_mark))
        ),
        None,
    )
    if mark is None:
        return len(texts)
    if publication_line(texts[mark]):
        # The page's heading block above it (its title, its column) is the page's too.
        mark = heading_block_start(texts, mark, start, OUTLINE_RE)
    while mark > start and (not texts[mark - 1].strip() or _CONTACT.match(texts[mark - 1])):
        mark -= 1
    return mark
