"""The document's outline, read from its numbering.

GB/T 9704-2012 (7.3.3) orders the levels `一、` → `（一）` → `1.` → `（1）`; offices add `①`,
`第X条`, `第X项`, `第X章/部分` or `1）`, and skip levels. The level of a number is therefore not read
from its style but from where it appears: a style already open on the stack closes everything
below it (a sibling), a style not yet open opens a level under the current one (a child).

Web pages and PDFs often flatten a list into one paragraph (`…。2.做好乙…。3.…`, or with only
spaces between: `…县农业农村局 2.落实…`). A number inside a line starts an item only after a
sentence end, a closing bracket or a space after a word, and only where it continues a sequence
already open (or starts one that the same line continues), so figures such as `2.5亿元` or
`1、2号线` in prose never do. `2)` counts only after a sentence end or a list's announcing colon:
after a figure or a bracket, `)` closes one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from .article_lines import glued_starts, inline_starts
from .capital_numerals import CAPITAL_DIGITS, ordinal_value
from .dotted_dates import BEFORE_AHEAD, DAY_AHEAD
from .glued_items import GLUED_STYLES, glued_heading_item, glued_numbers
from .lazy_patterns import lazy_compile
from .lone_items import is_lone_item
from .lost_openers import styles_to_close
from .photo_captions import MARKER as PHOTO_MARKER
from .photo_captions import captioned
from .stage_marks import STAGE_MARK
from .textutil import cn_numeral, cn_to_int, normalise
from .time_led_items import time_led_inline

_CN = "一二三四五六七八九十"
_MEASURES = "亿万千百十元角个倍米吨项户人次台套座亩公里平方立年月日号时分秒岁度"
# Nor at `前`: `6.30前完成…` is a day typed as month.day (`dotted_dates`), no clause 6.30.
_DECIMAL_END = rf"(?![\d.])(?!{BEFORE_AHEAD})(?:\s+|[、.]\s*|(?=[\u4e00-\u9fff])(?![{_MEASURES}]))"
# A major number alone before its heading (`1 交通基础设施`) in a decimal outline.
_BARE_RE = re.compile(r"^(?P<n>\d{1,2})\s+(?=[\u4e00-\u9fff])")
# (style, pattern of the marker at a line start, normalised text); group n is the number.
_STYLES = [
    ("chapter", rf"第(?P<n>[{_CN}百]+)(?:章|部分|篇)(?=\s|\S)\s*"),
    ("article", rf"第(?P<n>[{_CN}百\d]+)条\s*"),
    ("item", rf"第(?P<n>[{_CN}百\d]+)项(?=\s|\S)\s*"),
    # A campaign plan's stage named by its ordinal, closed by a full stop or by its span and one (`stage_marks`).
    ("stage", STAGE_MARK),
    ("cn", rf"(?P<n>[{_CN}]{{1,3}})\s*[、.]\s*"),
    ("pcn", rf"\(\s*(?P<n>[{_CN}]{{1,3}})\s*\)\s*[、.]?\s*"),
    # Decimal outlines (`1.1`, `2.3.1`, as technical plans and some 任务分解 lists number): the
    # marker ends at a space, a 、 or the item's first word, never at a measure (`1.5亿元`, `2.5倍`).
    ("decimal3", r"(?P<n>\d{1,2}\.\d{1,2}\.\d{1,2})" + _DECIMAL_END),
    ("decimal", r"(?P<n>\d{1,2}\.\d{1,2})" + _DECIMAL_END),
    # `1。` appears where a page's full-width stop stood in for the dot.
    # `1.6.30前完成…`: item 1 opening with a dotted day (`dotted_dates`).
    # `53、04亿元`: a sum whose decimal point a copy wrote as 、 (round 127), where a wrapped line opens with it.
    ("num", rf"(?P<n>\d{{1,3}})\s*(?:\.(?!\d)|\.(?={DAY_AHEAD})|、(?!\d{{1,2}}(?:亿|万)元)|。)\s*"),
    ("pnum", r"\(\s*(?P<n>\d{1,3})\s*\)\s*[、.]?\s*"),
    ("numparen", r"(?P<n>\d{1,3})\)\s*"),
    ("circled", r"(?P<n>[①-⑳㉑-㉟㊱-㊿])\s*"),
    # A serial carrying its whole place (`Ⅲ-1-①`: area Ⅲ, its point 1, item ①), as task-splitting
    # lists number; it names the item alone, whatever heads it.
    ("serial", r"(?P<n>[Ⅰ-Ⅻ](?:\s*-\s*(?:\d{1,2}|[①-⑳]))+)(?:\s+|[、.]\s*|(?=[\u4e00-\u9fff]))"),
    ("roman", r"(?P<n>[Ⅰ-Ⅻ])\s*[、.]\s*"),
    # `一是…` `二是…` a paragraph each: the genre's enumeration of points, at a line's start only (inside
    # a sentence it is the sentence's own list).
    # A banker's numeral may stand for an ordinary one (`叁是`, `capital_numerals`).
    ("shi", rf'(?P<n>[{_CN}{CAPITAL_DIGITS}]{{1,2}})是(?=[\u4e00-\u9fff\d“"<])'),
    # `一要统一思想认识。…` `二要强化责任担当。…`: a covering notice's requirements, the numeral joined straight to
    # 要 (no 、), at a line's start only and only where a line opens `二要` too. The number is the numeral
    # alone: 要 stays the item's first word, as the notice writes it. `一要素`, `一要点` are words, not numbers.
    ("yao", rf"(?P<n>[{_CN}]{{1,2}})(?=要(?![素点件闻案])[\u4e00-\u9fff])"),
    # `图①:…。责任单位:X。`: a news report's problems as photo captions, read only where the page captions so (`photo_captions`).
    ("photo", PHOTO_MARKER),
]
# The enumerations read only where the document's lines open the list's second point (`enumerates`).
_ENUMERATIONS = ("shi", "yao", "photo")
_START_RE = {style: re.compile("^" + pattern + r"(?=\S)") for style, pattern in _STYLES}
# Inside a line: only after a sentence end or a closing bracket (the flattened-list case).
_INLINE_RE = re.compile(
    r"(?:(?<=[。;:!?)\]〕】])\s*|(?<=[\u4e00-\u9fff)\d])\s+)(?P<m>"
    + "|".join(
        f"(?P<{s}>{p.replace('(?P<n>', '(')})"
        for s, p in _STYLES
        if s in ("cn", "pcn", "num", "pnum", "circled", "photo")
    )
    + r")(?=\S)"
)
# `…。2)落实…`: `N)` numbers items inline only right after a sentence end or a list's announcing
# colon, never after a bracket or a figure, where `)` closes one (`(包括…)2)`, `增长12%)`).
# `一、整治时间:…2021年7月1日二、整治重点:…`: a field closing on a date, the next `、` heading run on (round 170).
_AFTER_DATE_INLINE_RE = re.compile(r"(?<=\d日)(?P<m>[二三四五六七八九十]{1,3}、)(?=[\u4e00-\u9fff])")
_NUMPAREN_INLINE_RE = re.compile(r"(?:(?<=[。;!?])|(?<=[\u4e00-\u9fff]:))\s*(?P<m>\d{1,3}\))(?=\S)")
# `三是…。四是…`: a PDF reader joins two point paragraphs where the first's last line ended full (the break looks like
# a wrap). A point paragraph closes on a full stop, so the open `一是` list's next point after one opens its own; after a
# comma or semicolon it is the sentence's own list.
_SHI_INLINE_RE = re.compile(r"(?<=[。!?])\s*(?P<m>" + dict(_STYLES)["shi"].replace("(?P<n>", "(") + ")")


def _value(style: str, n: str) -> int:
    if style == "photo" and n.isascii():
        return int(n)
    if style in ("circled", "photo"):
        for first, value in (("㊱", 36), ("㉑", 21), ("①", 1)):
            if n >= first:
                return ord(n) - ord(first) + value
    if style == "roman":
        return ord(n) - ord("Ⅰ") + 1
    if style == "serial":
        last = re.split(r"\s*-\s*", n)[-1]
        return int(last) if last.isascii() else _value("circled", last)
    if style.startswith("decimal"):
        return int(n.rsplit(".", 1)[1])
    if style == "shi":
        return ordinal_value(n) or 0
    return cn_to_int(n) or 0


def written_marker(style: str, n: str) -> str:
    """The number as people cite it: `一`, `(一)`, `3`, `(3)`, `①`, `第3条`, `二是`."""
    return {
        "chapter": f"第{n}部分",
        "article": f"第{n}条",
        "item": f"第{n}项",
        "stage": f"第{n}阶段",
        "pcn": f"({n})",
        "pnum": f"({n})",
        "numparen": f"{n})",
        "shi": f"{n}是",
        "photo": f"图{n}",
    }.get(style, n)


@dataclass
class Marker:
    style: str
    value: int
    written: str
    end: int  # where the item's own text starts in the (normalised) line


def decimal_majors(norms: list[str]) -> set[int]:
    """The major numbers a decimal outline's items carry (`2` of `2.1`)."""
    majors = set()
    for norm in norms:
        m = _START_RE["decimal"].match(norm) or _START_RE["decimal3"].match(norm)
        if m:
            majors.add(int(m["n"].split(".")[0]))
    return majors


def bare_heading_marker(norm: str, majors: set[int]) -> Marker | None:
    """`1 交通基础设施`: a number with only a space after it heads the items numbered `1.x` under it,
    in a document whose items are numbered so; a short line, no sentence. Anywhere else a figure at
    a line's start (`10 个乡镇…`) is text."""
    m = _BARE_RE.match(norm)
    if m is None or int(m["n"]) not in majors or len(norm) > 40 or "。" in norm:
        return None
    return Marker("bare", int(m["n"]), m["n"], m.end())


def enumerates(norms: list[str]) -> frozenset[str]:
    """The enumeration styles whose second point opens a line (`二是`, `二要`): the document's `一是…` `二是…`
    (or `一要…` `二要…`) paragraphs are items. A lone `一是` is its paragraph's own prose, the rest of the
    list in the same sentence or nowhere."""
    found = {
        style
        for style in ("shi", "yao")
        if any(norm[:1] in ("二", "贰") and _START_RE[style].match(norm) for norm in norms)
    }
    return frozenset(found | ({"photo"} if captioned(norms) else set()))


def line_marker(norm: str, *, enumerated: frozenset[str] = frozenset()) -> Marker | None:
    """The number opening a line; `一是` / `一要` only where their style is `enumerated` (`enumerates`)."""
    for style, pattern in _START_RE.items():
        m = pattern.match(norm)
        if m and (style not in _ENUMERATIONS or style in enumerated):
            return Marker(style, _value(style, m["n"]), written_marker(style, m["n"]), m.end())
    return None


def split_inline(
    text: str,
    open_values: dict[str, int],
    closed: dict[str, int] | None = None,
    next_marker: Callable[[], Marker | None] = lambda: None,
    fields_after: Callable[[], str] = lambda: "",
) -> list[str]:
    """Cut a flattened paragraph where a numbered item continues an open sequence.

    `open_values` maps each style open on the stack to its last value; a style not open may
    start at 1 only if the same line goes on to its 2. `closed`: the styles the line's own number
    closed, with their last values (a list counted on across sections, `glued_items`); `next_marker`:
    the number opening the next line, where a heading's first item glued to it goes on; `fields_after`: the label
    lines right after this one (`牵头单位:A` cut off by `run_on_fields`), which the line's last item runs on into.
    """
    norm = normalise(text)
    cuts: list[int] = []
    expected = dict(open_values)
    dropped = dict(closed or {})
    found: list[tuple[int, Marker]] = []
    glued = _glued_markers(norm)
    if "shi" in expected:
        # The line's own point (`三是…`, read after the cut) is the one the list's next inline point follows.
        own = _START_RE["shi"].match(norm)
        if own is not None and _value("shi", own["n"]) == expected["shi"] + 1:
            expected["shi"] += 1
        for m in _SHI_INLINE_RE.finditer(norm):
            if (marker := line_marker(norm[m.start("m") :], enumerated=frozenset({"shi"}))) is not None:
                found.append((m.start("m"), marker))
    for m in _INLINE_RE.finditer(norm):
        style = next(s for s in ("cn", "pcn", "num", "pnum", "circled", "photo") if m[s])
        marker = line_marker(norm[m.start("m") :], enumerated=frozenset({style}))
        # `…。图⑤:…`: a caption a page ran on to the one before goes on an open caption list only (`photo_captions`).
        if marker is not None and marker.style == style and (style != "photo" or style in expected):
            found.append((m.start("m"), marker))
    dated = _AFTER_DATE_INLINE_RE.finditer(norm) if "cn" in expected else iter(())
    for m in [*_NUMPAREN_INLINE_RE.finditer(norm), *dated]:
        if (marker := line_marker(norm[m.start("m") :])) is not None and marker.style in ("numparen", "cn"):
            found.append((m.start("m"), marker))
    # `…。第二章 推进…` `… 第三条 …`: rules' parts and articles run on (`article_lines`).
    for at in inline_starts(norm):
        if (marker := line_marker(norm[at:])) is not None and marker.style in ("chapter", "article"):
            found.append((at, marker))
    # `…。1.10月底前完成…`: an item that opens with its deadline (`time_led_items`).
    led = time_led_inline(norm)
    found += [(at, Marker("num", n, str(n), end - at)) for at, n, end in led]
    led_at = {at for at, _, _ in led}
    found += glued
    found.sort(key=lambda f: f[0])
    glued_at = {at for at, _ in glued}
    for i, (at, marker) in enumerate(found):
        style = marker.style
        if at in glued_at:
            start = cuts[-1] if cuts else 0
            rest = [x for a, x in found[i + 1 :] if a not in glued_at and x.style == style]
            goes_on = any(x.value == marker.value + 1 for x in rest) or (
                not rest
                and (following := next_marker()) is not None
                and following.style == style
                and following.value == marker.value + 1
            )
            head = norm[start:at].strip()
            # `一、发展目标1.…。二、主要任务2.…`: the list goes on to 2 glued to the next section's title, counted on
            # across sections as the glued 2 itself is (round 115).
            heading = line_marker(head)
            goes_on = goes_on or any(
                x.style == style
                and x.value == marker.value + 1
                and a in glued_at
                and k > 0
                and heading is not None
                and found[k - 1][1].style == heading.style
                and found[k - 1][0] not in glued_at
                for k, (a, x) in enumerate(found)
                if k > i
            )
            ok = glued_heading_item(head, heading, marker, expected, dropped, goes_on)
            # `1.打击治理一批典型2.营造…氛围3.敞放犬…`: items with no stop at their ends, run on with no line break,
            # each the next number of the list a cut opened (`glued_items`).
            ok = ok or (style in expected and cuts != [] and marker.value == expected[style] + 1)
        elif style in expected:
            ok = marker.value == expected[style] + 1
        else:
            # A new list starts at 1; a page that goes on from the last (`[接上页] …2.…3.`) at any
            # number, as long as the same line goes on to the next.
            later = [(a, x) for a, x in found[i + 1 :] if a not in glued_at]
            ok = marker.value <= 20 and any(x.style == style and x.value == marker.value + 1 for _, x in later)
            before = norm[cuts[-1] if cuts else 0 : at]
            if not ok and dropped.get(style, -1) + 1 == marker.value:
                # `二、某局牵头工作 3.…`: measures counted on across sections, under a heading's short title.
                ok = _opens_list(before, True)
            if not ok and marker.value == 1:
                # A plan of one item has no 2 to go on to: its units say it is one (`lone_items`).
                # The line's own heading counts as one cut from the paragraph (`one_line`: the header cut off).
                item = "\n".join(part for part in (norm[at:], fields_after()) if part)
                ok = _opens_list(before, True) or is_lone_item(before, item, marker.end, time_led=at in led_at)
            restarted = _restarted_under(norm, at, style, expected, later)
            if not ok and restarted is not None:
                ok = True
                keys = list(expected)
                for deeper in keys[keys.index(restarted) :]:
                    del expected[deeper]
        if ok:
            cuts.append(at)
            if closing := styles_to_close(list(expected), style, marker.value):
                # `3、…。(四)…。(五)…。1、…`: a section beside the lower items before it, whose own list
                # starts again at 1 (`lost_openers`).
                for lower in list(expected)[-closing:]:
                    dropped[lower] = expected.pop(lower)
            if style in expected:
                # `…。二、某某牵头重点工作 1.…`: the levels opened below the cut's own are closed.
                keys = list(expected)
                for deeper in keys[keys.index(style) + 1 :]:
                    dropped[deeper] = expected.pop(deeper)
            expected[style] = marker.value
    cuts = sorted(cuts + _figure_led_cuts(norm, expected, cuts))
    if not cuts:
        return [text]
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in itertools.pairwise(bounds) if text[a:b].strip()]


def _glued_markers(norm: str) -> list[tuple[int, Marker]]:
    """Numbers glued to the word before them: only a heading's first item may be one (`glued_items`)."""
    found = []
    for at in glued_numbers(norm):  # a page's digit before a glued 1 gives both (`glued_items`, round 185)
        marker = line_marker(norm[at:])
        if marker is not None and marker.style in GLUED_STYLES:
            found.append((at, marker))
    for at in glued_starts(norm):  # `总则第一条`: an article glued to its part's title (`article_lines`)
        if (marker := line_marker(norm[at:])) is not None and marker.style == "article":
            found.append((at, marker))
    return found


# `…现提出以下意见: 一、深入实施就业优先战略 1.坚持…`: a page that ran the notice, the headings and
# the items into one paragraph. A list starts at 1 after the colon that announces it, and right
# after a heading of its own that was cut from the same paragraph (a short title, no full stop).
# A lead-in counting its parts announces the list as well (`…即日起至3月11日结束,共分三个阶段:`, round 148): a page cut
# after its first part still holds that part as an item.
_ANNOUNCES_RE = lazy_compile(
    r"(?:(?:如下|以下)[\u4e00-\u9fff]{0,4}|共分(?:为)?[一二三四五六七八九十两\d]{1,2}个?(?:阶段|步骤|方面|部分))\s*:\s*$"
)


def _opens_list(before: str, after_cut: bool) -> bool:
    if _ANNOUNCES_RE.search(before):
        return True
    head = before.strip()
    return after_cut and line_marker(head) is not None and len(head) <= 24 and not re.search(r"[。;:]", head)


def _restarted_under(
    norm: str, at: int, style: str, expected: dict[str, int], later: list[tuple[int, Marker]]
) -> str | None:
    """`(五)…。 四、时间安排 (一)…`: a page that goes on inside a section (`(五)`, its `三、` on the page
    before) runs the next section's heading into the line, its list starting again at 1. A short
    heading (no sentence) of a style not open, right before an open style's 1, is that section: the
    open style it restarts (closed from there down), else None."""
    if not later:
        return None
    nxt_at, nxt = later[0]
    if nxt.style == style or nxt.style not in expected or nxt.value != 1:
        return None
    head = norm[at:nxt_at].strip()
    if len(head) > 24 or re.search(r"[。;:]", head):
        return None
    return nxt.style


# `…投入使用。4.2011年三国文化周…`: an item whose text starts with a figure reads like a decimal.
_FIGURE_LED_INLINE_RE = re.compile(
    r"(?<=[。;])\s*(?P<m>(?P<n>\d{1,3})\.(?=\d+\s*[个家台所项条处座户栋名场辆套间张支批类件年]))"
)


def _figure_led_cuts(norm: str, expected: dict[str, int], cuts: list[int]) -> list[int]:
    """Cuts before such items, only where one continues the open `1.` list right after a sentence."""
    if "num" not in expected:
        return []
    found = []
    last = expected["num"]
    for m in _FIGURE_LED_INLINE_RE.finditer(norm):
        if int(m["n"]) == last + 1 and m.start("m") not in cuts:
            found.append(m.start("m"))
            last += 1
    return found


# Numbers that word processors (WPS especially) write as one character: `⑴` `⒈` `㈠` `❶` `➀`.
_ONE_CHAR_NUMBERS = {
    **{chr(0x2474 + i): f"({i + 1})" for i in range(20)},
    **{chr(0x2488 + i): f"{i + 1}." for i in range(20)},
    **{chr(0x3220 + i): f"({cn_numeral(i + 1)})" for i in range(10)},
    **{chr(base + i): chr(0x2460 + i) for base in (0x2776, 0x2780, 0x278A) for i in range(10)},
}
_ONE_CHAR_TABLE = str.maketrans(_ONE_CHAR_NUMBERS)


def spell_out_numbers(line: str) -> str:
    """`⑴` → `(1)`, `⒈` → `1.`, `㈠` → `(一)`, `❶` → `①`: the forms the outline reads."""
    return line.translate(_ONE_CHAR_TABLE)


def numbered_in_order(
    lines: list[tuple[str, bool]], items: list[int], body: Callable[[str], str] = lambda text: text
) -> list[tuple[str, bool]]:
    """`lines` with the lines at `items` numbered `1、`, `2、`, … in order: the unnumbered items a reader
    found, given the numbering the outline reads (`label_items`, `unit_colon_items`, `assigned_lines`).
    `body` gives an item's text after its number (a bullet dropped)."""
    out = list(lines)
    for number, k in enumerate(items, 1):
        text, splittable = out[k]
        out[k] = (f"{number}、{body(text.strip())}", splittable)
    return out
