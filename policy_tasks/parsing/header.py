"""The document's title, number, date of writing, year and default due date.

Title choice: the plan's own title line (…实施方案 / 办法 / 意见 / 措施 / 工作安排 …) is
preferred over the 通知 that transmits it, because the plan is what the tasks
belong to; the line nearest the first area wins. Without a plan line the plan
title is taken from `…印发《X》的通知` / `…印发X的通知`, then the 通知 line
itself, then the name a disclosure page's metadata gives (`名称: X`, `name_fields`), then the first
plain line. A title set in two or three lines is read whole (`title_lines`). A category line wholly in
brackets (`【公共设施】`) is none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .deadlines import SPAN_RE, find_time_phrases, guess_year, plan_year
from .name_fields import named_title
from .register_pages import REGISTER_TITLE_RE
from .textutil import cn_number, has_han_run, normalise
from .time_phrase import DATED, PAST
from .title_lines import whole_title

Line = tuple[int, str]  # (1-based line number, text as written)

# A copy may space the number out (`许政 [2020] 20号`, as reposting sites write 〔〕 as [ ]).
_DOC_NUMBER_RE = re.compile(r"[\u4e00-\u9fff]{1,12} ?[〔\[(] ?(?P<y>\d{4}) ?[〕\])] ?第?\d{1,4} ?号")
_WRITTEN_ON_RE = re.compile(r"成文日期\s*:?\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
# A web page's own date line (`发布日期:2013-05-23`, `发布时间:2018-01-26 20:57`, `[发布日期]2007-04-04`,
# `发文日期 | 2021-02-10 |`): when the office put the document out.
_PUBLISHED_RE = re.compile(
    r"(?:发布|发文|印发|公开|公布)(?:日期|时间)\s*[\]:|]?\s*\|?\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
)
# A date written out in characters (`二〇一二年九月十二日`); offices often type the zero as a white circle
# (`二○一二年`, U+25CB for U+3007), which reads the same.
_DATE_LINE_RE = re.compile(
    r"^\(?(?P<y>\d{4}|[〇○零一二三四五六七八九]{4})年(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})月"
    r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})日\)?$"
)
_PLAN_RE = re.compile(r"(?:方案|办法|意见|措施|计划|规定|细则|要点|清单|政策|规划|工作安排)$")
# `…完成情况的通报`: a bulletin is a document kind too, and so are a 公示 and a 公告 (`…项目的公示`, round 105).
_NOTICE_RE = re.compile(r"(?:通知|决定|通报|公示|公告)$")
_TRANSMITTED_RE = re.compile(r"(?:印发|转发)<?(?P<title>.+?)>?的(?:通知|决定)$")
# A line wholly in one pair of brackets (`【公共设施】`, `[民生保障]`): the category a 实事 list sets over a
# section, as a page of the list opens with it. A title is never written so.
_CATEGORY_RE = re.compile(r"\[[^\[\]]{1,12}\]|〔[^〔〕]{1,12}〕")
_VALIDITY_RE = re.compile(r"有效|实施期限|执行期|施行|执行")


@dataclass
class Header:
    title: str = ""
    doc_number: str = ""
    issued_on: date | None = None
    number_year: int | None = None
    published_on: date | None = None  # the page's 发布日期: a reposting site's is its own


def read_header(header: list[Line], closing: list[Line], page_headers: Sequence[str] = ()) -> Header:
    """`page_headers`: the lines of a Word file's page headers (页眉), read only for a 文号 when the
    body names none (`sources/page_headers.py`): an office may set its number there alone."""
    found = Header(title=_title(header))
    for _, line in header:
        m = _DOC_NUMBER_RE.search(normalise(line))
        if m and (not found.doc_number or "文号" in line) and not _cites_another(normalise(line), m):
            found.doc_number, found.number_year = line[m.start() : m.end()], int(m["y"])
    for line in page_headers if not found.doc_number else ():
        m = _DOC_NUMBER_RE.search(normalise(line))
        if m and not _cites_another(normalise(line), m):
            found.doc_number, found.number_year = line[m.start() : m.end()], int(m["y"])
            break
    text = "\n".join(normalise(line) for _, line in header)
    m = _WRITTEN_ON_RE.search(text)
    found.issued_on = _date(m[1], m[2], m[3]) if m else None
    m = _PUBLISHED_RE.search(text)
    found.published_on = _date(m[1], m[2], m[3]) if m else None
    if found.issued_on is None:
        # The 通知 ends with its date on a line of its own, before the plan or at the end.
        for _, line in [*header, *reversed(closing)]:
            m = _DATE_LINE_RE.match(normalise(line).strip())
            found.issued_on = _date(m["y"], m["m"], m["d"]) if m else None
            if found.issued_on:
                break
    return found


def _cites_another(norm: str, m: re.Match[str]) -> bool:
    """`为落实《…的通知》(粤府〔2018〕128号)部署要求`: the number of the document a sentence cites,
    not this one's (which stands on a line of its own, or after 文号)."""
    if "文号" in norm or len(norm.strip()) - len(m.group()) <= 8:
        return False
    return bool(re.search(r"》\s*\(?\s*$", norm[: m.start()])) or "。" in norm or "," in norm


def header_year(header: Header) -> int | None:
    """The year the header states: 成文日期's, else the 〔year〕 of the number, else the year the
    title names as its own.

    None when the header states none: a year then taken from a period in the title, from the
    page's 发布日期 or from the body is an assumption the review page asks about (`choose_year`).
    """
    title_year = _title_year(header.title)
    candidates = (
        header.issued_on.year if header.issued_on else None,
        header.number_year,
        title_year[0] if title_year and not title_year[1] else None,
    )
    return next((y for y in candidates if y is not None and 1900 <= y <= 2100), None)


def _title_year(title: str) -> tuple[int, bool] | None:
    """The year the title names (`2024年重点任务`, `关于2020年…的通知`), or the first of the period
    it names as its own (and True); a period it only cites (`《…规划(2012—2020年)》`) dates nothing."""
    if not title:
        return None
    if (named := plan_year(title)) is not None:
        return named
    year = guess_year(SPAN_RE.sub(" ", normalise(title)))
    return (year, False) if year is not None else None


def choose_year(header: Header, full_text: str, assume_year: int | None) -> tuple[int | None, bool, str]:
    """The year deadlines are read in, whether it was assumed, and the warning that says so.

    The header's (`header_year`). Else, each an assumption the review page asks about: the first
    year of the period the title names as its own (`实施方案(2019—2020年)`, as the genre dates such
    plans); the page's 发布日期 (a reposting site's is its own); the year the body most likely plans
    for (`guess_year`); `assume_year` (the import's current year).
    """
    year = header_year(header)
    if year is not None:
        return year, False, ""
    title_year = _title_year(header.title)
    if title_year is not None:
        period = SPAN_RE.search(normalise(header.title))
        return title_year[0], True, _period_year_message(title_year[0], period.group() if period else "")
    if header.published_on is not None and 1900 <= header.published_on.year <= 2100:
        return header.published_on.year, True, _published_year_message(header.published_on)
    year = guess_year(full_text)
    if year is not None:
        return year, True, assumed_year_message(year)
    if assume_year is not None:
        return assume_year, True, _no_year_message(assume_year)
    return None, True, ""


def assumed_year_message(year: int) -> str:
    """The warning for a year read from the body because the header states none."""
    return (
        f"文件未写明成文日期、文号年份或标题年度，按正文推断为{year}年读取时限，请核对"
        f" (no year in the header: deadlines are read in {year}, inferred from the body; please check)"
    )


def _no_year_message(year: int) -> str:
    return (
        f"文件未写明年度，按 {year} 年读取时限，请核对并在导入时指定年份"
        f" (no year anywhere in the document: deadlines are read in {year}; please check)"
    )


def _published_year_message(published: date) -> str:
    return (
        f"文件未写明成文日期、文号年份或标题年度，按网页发布日期{published.isoformat()}读取为{published.year}年，请核对"
        f" (no year in the header: deadlines are read in {published.year}, the page's publication date;"
        " please check)"
    )


def _period_year_message(year: int, period: str) -> str:
    return (
        f"文件未写明成文日期或文号年份，标题所列期间{period}不是成文年度，按其首年{year}年读取时限，请核对"
        f" (the title names a period, {period}, not a year: deadlines are read in its first year, {year};"
        " please check)"
    )


def default_due(closing: list[Line], year: int) -> date:
    """The end of the validity the closing paragraph states, else 31 December.

    `均为2023年全年实施有效` gives 2023-12-31. A date followed by 起 is a start,
    not an end, and is skipped. Without such a paragraph the measures run for
    the document's year, so no warning is raised for its absence.
    """
    ends: list[date] = []
    for _, line in closing:
        if not _VALIDITY_RE.search(line):
            continue
        for phrase in find_time_phrases(line, year):
            # A dated level always carries its due date; the check only tells the type so.
            if phrase.level in DATED and phrase.level != PAST and not line[phrase.end :].startswith("起"):
                if phrase.due is not None:
                    ends.append(phrase.due)
    return max(ends) if ends else date(year, 12, 31)


def _date(y: str, m: str, d: str) -> date | None:
    try:
        return date(cn_number(y), cn_number(m), cn_number(d))
    except (TypeError, ValueError):
        return None


def _title(header: list[Line]) -> str:
    lines = [line.strip().strip("•").strip() for _, line in header if line.strip()]
    plans: list[str] = []
    notices: list[str] = []
    named: list[str] = []
    plain: list[str] = []
    for i, text in enumerate(lines):
        if (value := named_title(text)) is not None:
            # `名称: X` in a disclosure page's metadata (`name_fields`): a plan or a notice named so is
            # read as its line would be; any other name still beats a plain line (the office's name).
            kind = normalise(re.sub(r"\([^()]{1,16}\)$", "", value))
            (plans if _PLAN_RE.search(kind) else notices if _NOTICE_RE.search(kind) else named).append(value)
            continue
        norm = normalise(text)
        titled = REGISTER_TITLE_RE.match(norm) is not None  # `光明区2020年民生实事:幼有善育(3项)` (`register_pages`)
        if not 4 <= len(text) <= 80 or (re.search(r"[。:,;]", norm) and not titled) or norm.startswith(("(", "<")):
            continue
        if _DATE_LINE_RE.match(norm) or _DOC_NUMBER_RE.fullmatch(norm) or re.fullmatch(r"[\d\s\-/.:年月日]+", norm):
            continue
        if _CATEGORY_RE.fullmatch(norm.strip()):
            continue  # `【公共设施】`: a 实事 list's category over its section, no title
        # `…实施方案(2019-2020年)`, `…办法(试行)`: the bracket after the kind of document is its span.
        if _PLAN_RE.search(re.sub(r"\([^()]{1,16}\)$", "", norm)):
            plans.append(whole_title(lines, i))
        elif _NOTICE_RE.search(norm):
            notices.append(whole_title(lines, i))
        elif has_han_run(norm, 4):
            plain.append(text)
    if plans:
        return plans[-1]
    for notice in notices:
        m = _TRANSMITTED_RE.search(normalise(notice))
        if m:
            return notice[m.start("title") : m.end("title")]
    if notices:
        return notices[0]
    return (named or plain or [""])[0]
