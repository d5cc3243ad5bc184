"""A document whose copy removed every line break: title, salutation, preamble and items on one line.

A dataset's cell or a page's text pasted as one paragraph runs the notice's title and salutation, the
preamble and every heading and item together (`…的通知各县(区)人民政府:…现提出以下政策措施:一、优服务、提效能1.加快…`).
The outline cuts the numbered items out of a run-on line (`outline.split_inline`), but a line that opens with the
title is the header's until a cut proves a list, which a plan of one section, or a first heading run into the
plan's title with no stop, never gives. Where the document is that one line, it is cut as its lines were:
- before its first heading: the earliest first number (`一、`, `第一章`, `(一)`, `1.`) after a sentence end, a colon,
  a closing bracket or a space whose second follows on the line, or a top heading's (a plan of one section), or a
  `一、` after the notice's signing date and the plan's title (`…2021年5月26日主要内容一、任务分工(一)…`); a list
  of plain numbers is taken at its last 1 (a page's numbered notes above the plan come first); with no first number,
  a run of numbers from a list's middle (`28.…29.`, a digest's `(二十四)…(二十五)…`) at its first. Where the text
  before holds a heading's number of its own (`[接上页] (五)…`: a page opening inside a plan) nothing is cut;
- before an annexed plan after the notice: its mark (`附件1`, not the annex list `附件:1.…`), its title and its
  first number, where its numbering starts again;
- before a plan printed after the notice with no mark (round 101: a notice issuing its breakdown, the breakdown on the
  same page): the notice's 落款 (its office alone after a sentence's end), its date of writing, the plan's title and
  the `一、` that starts its numbering again, when a `二、`, a `(一)` or a `1.` follows it. These are the lines GB/T 9704
  closes a notice with and a plan opens with; run on from the notice's last item, they would make the plan that item's
  list, and the office and the date its unit and its deadline.
What comes before the body is the header, read as any header is.
"""

from __future__ import annotations

import itertools
import re

from .addressee_groups import group_subject, notice_groups
from .article_lines import RULES_FIRST_RE
from .measure_reports import counted_measures
from .one_line_closings import closing_cuts
from .one_line_headings import CIRCLED_FIRST, heading_cuts
from .one_line_minutes import minute_cuts
from .preview_pages import drop_ran_on_counters
from .role_groups import later_role_groups
from .sources.unwrap import HANDING_DOWN
from .textutil import cn_numeral, cn_to_int, normalise
from .unit_names import looks_like_units

# A document is "one line" when one line holds nearly all of its text and that text is long.
_MIN_CHARS = 100
_SHARE = 0.8
_AFTER = r"(?:(?<=[。;；:：!！?？)）\]】〕”])|(?<=\s))\s*"
# The styles a plan's top headings are numbered in, each with the next number's pattern.
_FIRST = (
    ("cn", re.compile(_AFTER + r"一[、.．]"), "二[、.．]"),
    ("chapter", re.compile(_AFTER + r"第一[章部条]"), "第二[章部条]"),
    ("pcn", re.compile(_AFTER + r"[(（]一[)）]"), "[(（]二[)）]"),
    ("num", re.compile(_AFTER + r"1[.．、](?!\d)"), r"2[.．、](?!\d)"),
    # Rules' first part or article right after the title naming their kind (`…若干规定第一章`, `article_lines`).
    ("chapter", RULES_FIRST_RE, "第二[章部条]"),
    # Measures numbered in circled figures, after a stop or a metadata row's closing bar (`one_line_headings`).
    ("circ", CIRCLED_FIRST, "⑵"),
)

# Item numbers after a stop, by style (`chapter`'s are the plan's own parts, never a header's).
_NUMBERED = {
    "cn": re.compile(_AFTER + r"[一二三四五六七八九十]{1,3}、"),
    "pcn": re.compile(_AFTER + r"[(（][一二三四五六七八九十]{1,3}[)）]"),
    "num": re.compile(_AFTER + r"\d{1,2}[.．、](?!\d)"),
    "pnum": re.compile(_AFTER + r"[(（]\d{1,2}[)）]"),
}

# The notice's signing date, the attached plan's title and its first heading, with no stop between
# (`…天津市人民政府2021年5月26日主要内容一、任务分工(一)…`): the heading opens the body…
_SIGNED = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^。;；:：!！?？]{0,40}?(?=一[、.．])")
# …where it is one: a second follows, or its short title opens a list below it, `(一)` or `1.` (a breakdown's section
# numbering its tasks 1., 2., `一、某某市长主抓重点工作1.坚持…`, round 153).
_SIGNED_GOES_ON = re.compile(r"二[、.．]|^[^。;；:：]{1,24}?(?:[(（]一[)）]|1[.．、](?!\d))")
# An annexed plan after the notice (`…此件公开发布) 附件1 某某任务清单 一、…`): its mark (a number, no colon: `附件:1.…`
# lists the annexes), its title, its numbering starting again.
_ANNEX = re.compile(
    _AFTER.replace("\\s*", "")
    + r"(?P<mark>附件\s*(?:\d{1,2}(?=\d{4}\s*年)|\d{0,2}(?![\d:：、.．])))\s*(?P<title>[^。;；:：]{1,40}?)\s*"
    r"(?=一[、.．]|[(（]一[)）]|1[.．、](?!\d))"
)

# The notice's 落款 and date of writing after its last item's stop, then the plan's title and its first heading:
# `…督办检查。武汉市人民政府办公厅2018年2月14日2018年省《政府工作报告》涉及我市工作任务责任分解方案一、…`.
# The date of writing closes the 落款, so the title opens anew: never on a list's `、` or comma (`…要于2019年4月15日、
# 7月15日…前,将第一、第二…`: a deadline in a sentence), and a `一、` after `第` is an ordinal, never a heading.
_SIGNED_PLAN = re.compile(
    r"(?<=[。;；!！?？)）])\s*(?P<signer>[\u4e00-\u9fff()（）]{2,20})\s*(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
    r"\s*(?P<title>[^。;；:：!！?？、,，][^。;；:：!！?？]{1,39}?)\s*(?<!第)(?=一[、.．])"
)

_ANY_NUM = re.compile(_AFTER + r"(?P<n>\d{1,2})[.．、](?!\d)")
_GLUED_ONE = re.compile(r"(?<=[\u4e00-\u9fff])(?<!第)(?P<n>1)[.．、](?=[\u4e00-\u9fff])")
# The run's first number may follow its topic's unnumbered heading with no stop (`…战略(二十四)…`); the next one
# follows a stop.
_ANY_PCN = re.compile(r"[(（](?P<n>[一二三四五六七八九十]{1,3})[)）]")
_NEXT_PCN = re.compile(_AFTER + _ANY_PCN.pattern)


def _next_pcn_follows(text: str, m: re.Match[str]) -> bool:
    value = cn_to_int(m["n"])
    after = (cn_to_int(n["n"]) for n in _NEXT_PCN.finditer(text, m.end()))
    return value is not None and value + 1 in after


def _next_follows(text: str, m: re.Match[str]) -> bool:
    return re.search(_AFTER + str(int(m["n"]) + 1) + r"[.．、](?!\d)", text[m.end() :]) is not None


# The salutation after the title or the document's number (`…的通知各县(区)人民政府,市直各单位:经…`): a list of the
# offices addressed, opening with 各, up to its colon. A portal's metadata block may end on a field left empty
# (`…有效性: 有效 发文日期:`, `文号:`), the salutation run on after its colon.
_SALUTATION = re.compile(
    r"(?:^|(?<=\s)|(?<=通知|通报|意见|方案|决定)|(?<=号)|(?<=[)）])|(?<=日期[:：])|(?<=文号[:：])|(?<=字号[:：]))"
    r"\s*(?P<s>各[^。;；:：!！?？]{1,80}[:：])"
)


_HANDING_DOWN = re.compile(r"(?<=[。;；!！?？])\s*(?P<h>" + HANDING_DOWN + ")")


def _first_heading(text: str) -> int | None:
    """Where the body starts: the earliest first number after a stop, a section's whose second follows it on the
    line or a top heading's (a plan of one section)."""
    starts: list[tuple[int, str]] = []
    for style, first, second in _FIRST:
        found = []
        for m in first.finditer(text):
            at = m.end() - len(m[0].lstrip())
            if re.search(_AFTER + second, text[m.end() :]):
                found.append((at, style))
            elif style not in ("num", "circ"):  # a plan of one section (`一、` and its unnumbered paragraphs)
                starts.append((at, style))
        # A plain list's 1 is its last: a page's own numbered notes (a preview's `1、下载文档前…`) come first.
        starts += found[-1:] if style == "num" else found[:1]
    if (signed := _SIGNED.search(text)) and _SIGNED_GOES_ON.search(text[signed.end() + 2 :]):
        starts.append((signed.end(), "cn"))
    if not starts:
        # A list's 1 glued to its unnumbered group's heading (`整改较好的点位1、联盛快乐城…。2、…`), its 2 after a stop.
        starts = [(m.start("n"), "num") for m in _GLUED_ONE.finditer(text) if _next_follows(text, m)][:1]
    if not starts:  # a page that goes on from the one before: its list runs on from any number (`28.…29.…`)
        starts = [(m.start("n"), "num") for m in _ANY_NUM.finditer(text) if _next_follows(text, m)][:1]
    if not starts:
        # A digest quoting a run of a list's items from its middle (`(二十四)…(二十五)…`, round 101), after a stop.
        starts = [(m.start(), "pcn") for m in _ANY_PCN.finditer(text) if _next_pcn_follows(text, m)][:1]
    if not starts:
        return None
    body, style = min(starts)
    # A page that opens inside the plan (`[接上页] (五)…(一)`) holds a heading's number before the cut: no header.
    # An annex list (`附件:1.…2.…`) or a site's numbered notes above the plan are no heading of a section.
    guards = {"cn", "pcn", "pnum", style} & set(_NUMBERED)
    return None if any(_NUMBERED[guard].search(text[:body]) for guard in guards) else body


def _salutation_cuts(header: str) -> list[int]:
    """The salutation's bounds in the header, where it names the offices addressed (`各县(区)人民政府,市政府各部门:`),
    and where the notice's handing-down sentence opens its paragraph after a stop (`…圆满完成。经省人民政府同意,现将…`,
    `sources.unwrap.hands_down_after`): a notice that numbers nothing is parted into its paragraphs only there."""
    m = _SALUTATION.search(header)
    cuts = [m.start("s"), m.end("s")] if m else []
    return cuts + [h.start("h") for h in _HANDING_DOWN.finditer(header, m.end("s") if m else 0)]


def _annex_cuts(text: str, start: int) -> list[int]:
    """Where an annexed plan starts (its mark, its title, its first number) after `start`."""
    cuts = []
    for m in _ANNEX.finditer(text, start):
        cuts += [m.start("mark"), m.start("title"), m.end()]
    return cuts


def _signed_plan_cuts(text: str, start: int) -> list[int]:
    """Where a plan printed after the notice's 落款 and date starts (the office, the date, the title, its `一、`)."""
    cuts = []
    for m in _SIGNED_PLAN.finditer(text, start):
        if looks_like_units(m["signer"]) and _SIGNED_GOES_ON.search(text[m.end() + 2 :]):
            cuts += [m.start("signer"), m.start("date"), m.start("title"), m.end()]
    return cuts


# A section's first sub-item after a sentence's end (`一、主要任务 …预期目标是:…节能减排任务。(一)坚定不移…`), or glued
# to the section's short title (`三、重点内容及责任分工(一)道路交通领域…`): GB/T 9704 numbers the level below `一、`
# `(一)`, so once the body opens with `一、` such a `(一)` is the section's first sub-item, though the line goes on to
# no `(二)` (a page that stops inside the sub-list; with a `(二)` the outline cuts it, `glued_items`).
_FIRST_SUB = re.compile(
    r"(?:(?<=[。!！?？])\s*|(?:^|(?<=[。!！?？\s]))[一二三四五六七八九十]{1,3}、[^\s\d。;；:：!！?？,，()（）]{2,24}?)"
    r"(?P<sub>[(（]一[)）])(?=[\u4e00-\u9fff])"
)


def _first_sub_cuts(text: str, start: int) -> list[int]:
    if not re.match(r"一[、.．]", text[start:]):
        return []
    return [m.start("sub") for m in _FIRST_SUB.finditer(text, start)]


# A section's points glued to its short title (`二、包抓工作任务一是抓组织协调。…。二是抓施工进度。…`): the title has
# no stop, so `一是` opens its text, and each next point after a full stop (`。二是`, `。三是`) is a paragraph of its
# own, as such a section writes its points; counted on one by one, a lone `一是` or one after a comma stays prose.
_TITLED_POINTS = re.compile(
    r"(?:^|(?<=[。!！?？\s]))[一二三四五六七八九十]{1,3}、[^\s\d。;；:：!！?？,，()（）“”]{2,24}?\s?(?P<p>一是)(?=[\u4e00-\u9fff])"
)


# A township's report whose title counts its measures (`常坟镇三举措强化防汛备汛工作…`, `measure_reports`): its points
# `一是…` after a full stop, counted on to the title's count, are its measure paragraphs.
_POINT_AFTER_STOP = re.compile(r"(?<=[。!！?？])\s*(?P<p>一是)(?=[\u4e00-\u9fff])")


def _point_run(text: str, first: int) -> list[int]:
    """The starts of the points `一是` at `first` opens, each next one after a full stop, up to the next heading."""
    points = [first]
    while n := re.compile(r"(?<=[。!！?？])\s*" + cn_numeral(len(points) + 1) + "是").search(text, points[-1]):
        if re.search(r"[一二三四五六七八九十]{1,3}、", text[points[-1] : n.start()]):
            break  # the next section's heading came first
        points.append(n.end() - 2)
    return points


def _titled_point_cuts(text: str, start: int) -> list[int]:
    cuts = []
    for m in _TITLED_POINTS.finditer(text, start):
        points = _point_run(text, m.start("p"))
        cuts += points if len(points) > 1 else []
    if (count := counted_measures(text)) is not None and count > 1:
        # The first point may follow the title with nothing between (`…专项整治工作一是…`: the title's break lost).
        firsts = [m.start("p") for m in _POINT_AFTER_STOP.finditer(text)]
        if (first := text.find("一是")) > 0 and first not in firsts:
            firsts.insert(0, first)
        for at in firsts:
            if len(points := _point_run(text, at)) == count:
                return cuts + points
    return cuts


# A notice that numbers nothing, run onto one line (`…的通知各镇人民政府,县政府各部门:…印发给你们请认真贯彻执行全县各级各部门
# 要…。各责任单位要…`): its paragraphs are the salutation, the grounds it hands the document down on, closed by the formula
# asking the groups to carry it out (`请认真贯彻执行`: a paragraph's end even where the copy lost its stop), and its
# requirements, each opening with the salutation's groups or a breakdown's leading role as its subject, as
# `charged_paragraphs` reads them. A sentence opening with anyone else (`相关单位要…`, an office that checks) goes on the
# requirement before it.
_CARRY_OUT = re.compile(r"请(?:认真|结合实际)?(?:贯彻执行|遵照执行|贯彻落实|抓好落实)[。!！]?")
_SENTENCE_START = re.compile(r"(?<=[。!！?？])\s*")


def _opens_role(norm: str, at: int) -> bool:
    """The sentence at `at` opens with a breakdown's role (`各责任单位要…`, `role_groups`)."""
    return any(start == 1 for start, _ in later_role_groups("。" + norm[at : at + 40], 0))


def _charged_notice_cuts(text: str) -> list[int]:
    m = _SALUTATION.search(text)
    norm = normalise(text)
    groups = notice_groups([(1, norm[m.start("s") : m.end("s")])]) if m else frozenset()
    if m is None or not groups or (closed := _CARRY_OUT.search(text, m.end("s"))) is None:
        return []
    starts = [closed.end(), *(s.end() for s in _SENTENCE_START.finditer(text, closed.end()))]
    charged = [at for at in starts if group_subject(norm, at, groups) is not None or _opens_role(norm, at)]
    return [m.start("s"), m.end("s"), closed.end(), *charged] if charged else []


# A lossy copy keeps only some of a plan's items (a company page's copy of (二) and (八), the rest and the section headings
# lost): the numbers still rise as the list's do, though not one by one, so no first number and no run counts on. Its
# first item follows a sentence's end, each later one opens its heading on a word (`…市市场监管局(八)开展…`) or after a
# stop, and no bracketed number in the text goes back or repeats (a reference, `第(二)项`, or a sub-list's restart).
_GAPPED_NEXT = re.compile(r"(?:(?<=[\u4e00-\u9fff])(?<!第)|" + _AFTER.replace("\\s*", "") + r")\s*" + _ANY_PCN.pattern)


def _gapped_run(text: str) -> list[int]:
    """The starts of a lossy copy's bracketed items, numbers rising with gaps, where no first number cut the body."""
    first = next((m for m in _NEXT_PCN.finditer(text)), None)
    if first is None or _NUMBERED["cn"].search(text) or _ANY_PCN.search(text, 0, first.start()):
        return []
    numbers = [cn_to_int(m["n"]) for m in _ANY_PCN.finditer(text, first.start())]
    starts = [m.end() - len(m[0].lstrip()) for m in _GAPPED_NEXT.finditer(text, first.start())]
    rising = all(b is not None and a is not None and b > a for a, b in itertools.pairwise(numbers))
    followed = all(re.match(r"[(（][一二三四五六七八九十]{1,3}[)）][\u4e00-\u9fff]", text[at:]) for at in starts)
    return starts if len(starts) == len(numbers) >= 2 and rising and followed else []


def one_line_cut(lines: list[tuple[str, bool]]) -> tuple[list[tuple[str, bool]], list[int]]:
    """The lines with a one-line document's header cut from its body (and an annexed plan from the notice before
    it), and each line's index in `lines`."""
    texts = [text.strip() for text, _ in lines]
    total = sum(len(text) for text in texts)
    longest = max(range(len(texts)), key=lambda i: len(texts[i]), default=None)
    if longest is None or total < _MIN_CHARS or len(texts[longest]) < _SHARE * total:
        return lines, list(range(len(lines)))
    text, splittable = lines[longest]
    text = drop_ran_on_counters(text)  # a sharing site's page counters, run into its pages' words
    at = _first_heading(text)
    if at is None and (charged := _charged_notice_cuts(text)):
        bounds = sorted({0, *charged, len(text)})
    elif at is None and (minutes := minute_cuts(text)):
        bounds = sorted({0, *minutes, len(text)})
    elif at is None and counted_measures(text) and (points := _titled_point_cuts(text, 0)):
        bounds = sorted({0, *points, len(text)})  # `五项举措…一是…。二是…`: a report's counted measures, no heading
    elif at is None and (gapped := _gapped_run(text)):
        bounds = sorted({0, *_salutation_cuts(text[: gapped[0]]), *gapped, len(text)})
    elif at is None or not text[:at].strip():
        return lines, list(range(len(lines)))
    else:
        bounds = sorted(
            {
                0,
                *_salutation_cuts(text[:at]),
                at,
                *_annex_cuts(text, at),
                *_signed_plan_cuts(text, at),
                *_first_sub_cuts(text, at),
                *_titled_point_cuts(text, at),
                *heading_cuts(text, at),
                *closing_cuts(text, at),
                len(text),
            }
        )
    cut = [(text[a:b].strip(), splittable) for a, b in itertools.pairwise(bounds) if text[a:b].strip()]
    origins = [*range(longest), *[longest] * len(cut), *range(longest + 1, len(lines))]
    return [*lines[:longest], *cut, *lines[longest + 1 :]], origins
