"""Text a document-sharing site's preview gives: its page counters and run-together openings.

Sites that preview an uploaded .docx or .pdf as text (`…由会员分享,可在线阅读`) lose the document's
line breaks and put each preview page in one line that opens with the site's counter, `1、`, `2、`,
`3、`… (or `1.`, as a copy that numbers it with a list writes it); a page ends where the preview cut it, often inside a word (`…个体工商` / `2、户提供…`). Such a
counter is no item: a line that opens with counter n+1 (n ≥ 1) right after the line that opens
with counter n, when that line is a page long (200 characters or more) and ends inside a sentence
(no 。:;!?) or closing bracket at its end), goes on in that line, and the first counter goes with the
rest. A site that stores its pages apart leaves a blank line between them (`…(县经贸局负责,县农业局` / `` /
`2、、公安局、工商局配合)`, a county's plan cut inside a bracket, round 138): the blank lines between a cut
page and the next counter go with the counter. Short numbered lines (`1、总体要求` / `2、…`) and items that end
their sentence are untouched, blank line or not. A counter followed by a mark no text opens with (`2、、公安局`,
`3、,…`, `4、)`) is the site's wherever it stands, whatever came before: the page it opens goes on in the last line
with text, and one a copy ran into the text (`…县农业局2、、公安局…`, no breaks left) is taken out. Where a
reader parted the previous page at an item it found inside it (an OFD or PDF reader breaks at `(三)` or `1.`), the
lines from that page's counter `n-1、` on are one page again, its counter taken out, when that line is running text
(a sentence's mark in it); a short numbered heading before (`1、某县方案`) is left as it stands.

Under the site's notice (`《X.docx》由会员分享,…请在某某文库上搜索。`) two more layouts still show the pages (session 38): a
page a width or a reader parted into lines (`1、…制定本方案。` / `一、行动目标…工资报`, the line that ended its
sentence at the width meeting a heading) is one page again before the next counter, when its lines run a page long and
the last ends inside a sentence (`_parted_page`); and a copy with no line breaks, which ran the counters into the words
(`…工资报2、酬返乡…`), has them taken out (`drop_ran_on_counters`, called by `one_line`): `1、` right after the notice,
`2、` a page on inside a sentence, each later counter the first page's length on, as the site cuts every page alike.

The same loss runs the document's opening together: `…制定本实施方案。一、加强X支持(一)强化Y。…`. In
preview pages so found, a first part `一、` after a sentence's end whose short heading (no
punctuation) runs straight into its first sub-item `(一)` opens a line, and so does that `(一)`:
only this opening pair, whose numbers say where the outline starts, is split. Other run-together
lines are left to the readers of one-line documents.

A sharing site's preview hides part of the text behind a mark, `---此处隐藏931字,下载后查看---` (round 139): the mark
stands for lost lines, so what follows it opens a line of its own, as the text after a page cut does, and the mark is
a line of its own too; where a copy ran the lines together (`…巩固禁种铲毒工作成果。---此处隐藏931字…---(3)摸底排查`),
they are split there again (`split_hidden_marks`). Near case: a line that only mentions hiding (`隐藏…`) is untouched.
"""

from __future__ import annotations

import itertools
import re

from .lazy_patterns import lazy_compile

_COUNTER_RE = re.compile(r"^\s*(\d{1,3})[、.．]\s*")
# `2、、公安局`: a counter before a mark that goes on a list or a sentence, which no item or page opens with.
_NO_OPENING = "、,，。;；:：)）"
_CUT_COUNTER_RE = re.compile(rf"^\s*(\d{{1,3}})、(?=[{_NO_OPENING}])")
_SITE_COUNTER_RE = re.compile(r"^\s*(\d{1,3})、\s*")
_RUN_IN_COUNTER_RE = re.compile(rf"(?<=[\u4e00-\u9fff])\s*\d{{1,3}}、(?=[{_NO_OPENING}])")
_PAGE_LONG = 200
# A sharing site's notice over its preview (`《X.docx》由会员分享,可在线阅读,…请在第壹文秘上搜索。`).
_NOTICE_RE = re.compile(r"由会员分享[^。\n]{0,200}?搜索。")
_OPEN_ENDS = tuple("。：；！？）:;!?)")
_HIDDEN_RE = lazy_compile(r"-{2,}\s*此处(?:已)?隐藏\s*\d+\s*字[^-\n]{0,20}-{2,}", needs="隐藏")
_OPENING_RE = lazy_compile(r"(?<=[。;;])\s*(一、[^。,;:,;:()()\s]{2,30}?)\s*([((]一[))])")


def rejoin_preview_pages(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Lines with preview page counters taken out, the pages joined, the opening split."""
    out: list[tuple[str, bool]] = []
    pages: set[int] = set()  # out indexes of lines joined from preview pages
    first: int | None = None  # out index of the line that opens with counter 1
    expected = 0
    ran_in = False  # a counter a copy ran into the text was taken out
    last_counter: tuple[int, int] | None = None  # (number, out index) of the last line opening with `n、`
    shared = any(_NOTICE_RE.search(text) for text, _ in lines)
    for text, splittable in lines:
        text, found = _RUN_IN_COUNTER_RE.subn("", text)
        ran_in = ran_in or bool(found)
        page = _last_page(out)
        parted = _parted_page(out, page, text, last_counter) if shared else None
        if parted is not None and page is not None and last_counter is not None:
            # the page counter n opened, parted by a width's or a reader's breaks, goes on after counter n+1
            start, counter_end = parted
            opening = _SITE_COUNTER_RE.match(out[start][0])
            own = opening is not None and int(opening[1]) == last_counter[0] and start not in pages
            joined = out[start][0][opening.end() :] if own and opening else out[start][0]
            joined += "".join(line for line, _ in out[start + 1 : page + 1] if line.strip())
            keep = all(flag for line, flag in out[start : page + 1] if line.strip())
            del out[start + 1 :]
            out[start] = (joined + text[counter_end:], keep and splittable)
            pages.add(start)
            last_counter = (last_counter[0] + 1, start)
            first, expected = None, last_counter[0] + 1  # the next page goes on this one as on any page
            continue
        m = _COUNTER_RE.match(text)
        if m and expected and int(m[1]) == expected and page is not None and _cut_page(out[page][0]):
            del out[page + 1 :]  # the blank lines the site stored between its pages
            if expected == 2 and first is not None:
                out[first] = (_COUNTER_RE.sub("", out[first][0], count=1), out[first][1])
            out[-1] = (out[-1][0] + text[m.end() :], out[-1][1] and splittable)
            pages.add(len(out) - 1)
            expected += 1
            continue
        cut = _CUT_COUNTER_RE.match(text)
        if cut and page is not None:  # `2、、公安局` after a line a page break cut, the counters' run lost
            start = page
            if last_counter is not None and last_counter[0] == int(cut[1]) - 1 and last_counter[1] < page:
                if _running_text(out[last_counter[1]][0]):
                    start = last_counter[1]  # the page the previous counter opened, split by a reader
            joined = out[start][0] if start == page else _SITE_COUNTER_RE.sub("", out[start][0], count=1)
            joined += "".join(line for line, _ in out[start + 1 : page + 1] if line.strip())
            keep = all(flag for line, flag in out[start : page + 1] if line.strip())
            del out[start + 1 :]
            out[start] = (joined + text[cut.end() :], keep and splittable)
            pages.add(start)
            last_counter = None
            continue
        site = _SITE_COUNTER_RE.match(text)
        if site:
            last_counter = (int(site[1]), len(out))
        if m and int(m[1]) == 1:
            first, expected = len(out), 2
        elif text.strip():
            first, expected = None, 0
        out.append((text, splittable))
    if not pages and not ran_in:
        return lines
    return [
        part
        for i, (text, splittable) in enumerate(out)
        for part in (_split_opening(text, splittable) if i in pages else [(text, splittable)])
    ]


# A site's counter a copy with no line breaks ran into the page before (`…拿到应得的工资报2、酬返乡过年…`).
_RAN_ON_COUNTER_RE = re.compile(r"\s?(\d{1,3})、\s?")
_SLACK = 2  # a joiner's space or two around a counter


def drop_ran_on_counters(text: str) -> str:
    """A sharing site's preview run onto one line with its page counters taken out: `1、` right after the site's notice,
    then each next counter where the page before ended inside a sentence, the first page long, every later one as
    long as the first (the site cuts its pages at one length, `…工资报2、酬返乡…`, `…建设3、办)`)."""
    notice = _NOTICE_RE.search(text)
    first = _RAN_ON_COUNTER_RE.match(text, notice.end()) if notice else None
    if first is None or first[1] != "1":
        return text
    counters = [first]
    length = None
    while True:
        at = counters[-1].end() + (length - _SLACK if length else _PAGE_LONG)
        found = next(
            (
                m
                for m in _RAN_ON_COUNTER_RE.finditer(text, at)
                if int(m[1]) == len(counters) + 1 and not text[: m.start()].rstrip().endswith(_OPEN_ENDS)
            ),
            None,
        )
        if found is None or (length is not None and found.start() > at + 2 * _SLACK):
            break
        length = length or found.start() - counters[-1].end()
        counters.append(found)
    if len(counters) < 2:
        return text
    kept = [text[: first.start()]]
    kept += [text[a.end() : b.start()] for a, b in itertools.pairwise(counters)]
    return "".join(kept) + text[counters[-1].end() :]


def _parted_page(
    out: list[tuple[str, bool]], page: int | None, text: str, last_counter: tuple[int, int] | None
) -> tuple[int, int] | None:
    """Where the page before a site's counter `text` opens with (`2、酬返乡…`) starts, when the width or a reader parted
    it into lines (`1、…制定本方案。` / `一、行动目标…工资报`): the line the counter before opened, the lines from it a
    page long and the last ending inside a sentence. Only in a sharing site's preview (its notice on the page): a
    document's own `1、` item, its paragraphs and an unstopped `责任单位:X` line, is followed by its `2、` as well. With it,
    where the counter's text starts."""
    site = _SITE_COUNTER_RE.match(text)
    if site is None or page is None or last_counter is None or last_counter[0] != int(site[1]) - 1:
        return None
    start = last_counter[1]
    if start >= page or not _running_text(out[start][0]):
        return None  # a page on one line is the counters' plain case
    body = "".join(line.strip() for line, _ in out[start : page + 1])
    cut = len(body) >= _PAGE_LONG and not out[page][0].rstrip().endswith(_OPEN_ENDS)
    return (start, site.end()) if cut else None


def _last_page(out: list[tuple[str, bool]]) -> int | None:
    """The index of the last line with text, the page a counter may go on (blank lines skipped)."""
    return next((i for i in range(len(out) - 1, -1, -1) if out[i][0].strip()), None)


def _running_text(text: str) -> bool:
    """A page's running text holds a sentence's mark; a short numbered heading (`1、某县方案`) holds none."""
    return any(mark in text for mark in "。;；:：")


def _cut_page(text: str) -> bool:
    body = text.rstrip()
    return len(body) >= _PAGE_LONG and not body.endswith(_OPEN_ENDS)


def _split_opening(text: str, splittable: bool) -> list[tuple[str, bool]]:
    m = _OPENING_RE.search(text)
    if m is None or not splittable:
        return [(text, splittable)]
    return [(text[: m.start()].rstrip(), True), (m[1], True), (text[m.start(2) :], True)]


def split_hidden_marks(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Lines with a preview's hiding mark (`---此处隐藏931字,下载后查看---`) on a line of its own, the text after it
    opening the next."""
    out: list[tuple[str, bool]] = []
    for text, splittable in lines:
        m = _HIDDEN_RE.search(text) if splittable else None
        if m is None or (not text[: m.start()].strip() and not text[m.end() :].strip()):
            out.append((text, splittable))
            continue
        out += [(part, splittable) for part in (text[: m.start()], m.group(), text[m.end() :]) if part.strip()]
    return out
