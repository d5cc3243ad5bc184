"""A target letter's title names the one office it binds: that office answers for every row.

A department's 目标责任书 (target responsibility letter), 目标任务书 or 责任清单 is drawn up for one
office and says so once, in its title: `党工委统战部门(单位)2020年度(分季)目标责任书`, `县教育局目标任务书`.
Its rows (`工作任务 | 目标及质量要求`) then name no unit of their own; the office of the title is who
does each, as a salutation naming one group of offices (`sole_addressees`) or a heading that is
only a unit's name leads the items below it. A row that names its own units keeps them.

The title is the unit first, then the year it covers and a topic, then the letter's kind. The unit
must come right before the year, or right before the kind where no year is written: a title such
as `某区防汛体系建设任务清单` names a topic, not an office, and `各单位…目标责任书` is a form for many. A form's template bracket after the office
(`部门(单位)`, `单位(部门)`), the blank the form asked to fill with the office, is no part of the name.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .page_tail import page_mark
from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import LISTED
from .unit_lists import split_names
from .unit_names import VAGUE_RE, looks_like_units

_KIND = r"(?:目标管理责任书|目标责任书|目标任务书|责任目标书|工作任务书|任务书|责任书|责任清单)"
_PERIOD = r"(?:\(?分季度?\)?)"
_TITLE_RE = lazy_compile(
    r"^(?P<unit>[\u4e00-\u9fff()]{2,30}?)(?:\((?:单位|部门)\))?"
    rf"(?:(?:\d{{4}}|[〇零一二三四五六七八九]{{4}})年度?{_PERIOD}?[\u4e00-\u9fff、]{{0,16}}?|{_PERIOD}?){_KIND}$",
    needs="书|清单",
)
# The form's own gloss of the word before it: `部门(单位)`, written where the office's name goes.
_TEMPLATE_RE = re.compile(r"\((?:单位|部门)\)$")
_TITLE_LINES = 3
# A group (`各单位`) is a form for many offices; a notice's own words (`关于签订…`) put no office first.
_NOT_OFFICE_RE = lazy_compile(r"^各|关于|印发|转发|签订")


def letter_owner(header: list[tuple[int, str]]) -> tuple[Responsibility, str] | None:
    """The office a target letter's title names (`X2020年度目标责任书`), leading, or None."""
    seen = 0
    for _, text in header:
        full = normalise(text)  # as long as the text: its offsets are the text's
        norm = full.strip()
        if not norm or page_mark(norm):
            continue  # a portal's breadcrumbs or links above the title: the page's, not the letter's
        seen += 1
        if seen > _TITLE_LINES:
            return None
        m = _TITLE_RE.match(norm)
        if m is None:
            continue
        unit = _TEMPLATE_RE.sub("", m["unit"])
        if _NOT_OFFICE_RE.search(unit) or VAGUE_RE.search(unit) or not looks_like_units(unit):
            continue
        start = len(full) - len(full.lstrip()) + m.start("unit")
        resp = Responsibility(origin="标题单位")
        resp.roles[LISTED] = split_names(text, full, start, start + len(unit))
        if resp.found:
            return resp, "标题单位"
    return None
