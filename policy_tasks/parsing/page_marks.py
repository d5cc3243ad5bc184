"""A page number that a page's text ran into the next page's first words is a page break inside it.

A document printed to GB/T 9704 numbers its pages `-1-` / `— 1 —` below the text; a page saved from
such a copy may keep the number at the start of the next page's first line (`…深化对生态文明` /
`-1-建设和环境保护重要性的认识,…`), or, once lines are joined, between two words of one line
(`…生态文明-1-建设…`). The number is no text: it goes, and where the line before ends inside a
sentence (no 。:; at its end) the words go on in that line, as the paragraph did across the page.
A number on a line of its own (`— 3 —`, `-3-`, `第3页 共8页`) is dropped by the unwrapping from text
broken at a width (`sources.unwrap`); text written a paragraph a line keeps it where the page broke,
between a clause's fields (`责任单位:A` / `第2页 共5页` / `配合单位:B`) or inside its sentence. The outline
then passes over it (`is_page_line`): it is no line of the item, nor a blank line that would
end it, and the source's line numbers stay as they are. So does `(此页无正文)`, which an office writes on
a page that holds only the signature (the 落款 and date below it are then read as a 落款 is).

A copy that sets a paragraph a line, a blank line between, may keep a page break inside a sentence as one more blank
line (`…健全便民市场、便利店、停车场(位)等生活` / `` / `服务设施。继续推进…`, round 141's 魅力 plan): an item whose text
so far stops inside a sentence of its own (a long line of a sentence's parts, no field, ending on a word) goes on after
the blank line, which the outline then reads as no blank line (`cut_mid_sentence`), as the unwrapping joins such a line. An item that ends its sentence, a heading, or a
field line (`责任单位:A`) ends at the blank line as before.
"""

from __future__ import annotations

import re

from .continuation_marks import is_continuation_line
from .sources.unwrap import PAGE_DASHES
from .textutil import normalise

_HAN = r"[\u4e00-\u9fff]"
_MARK = rf"[{PAGE_DASHES}]\s*\d{{1,4}}\s*[{PAGE_DASHES}]"
_LINE_START_RE = re.compile(rf"^\s*{_MARK}\s*(?={_HAN}|[“(（])")
_INSIDE_RE = re.compile(rf"(?<={_HAN}){_MARK}(?={_HAN})")
_SENTENCE_ENDS = "。:;!?：；！？"
# A page's number on a line of its own, set as a folio: between dashes, or `第3页 共8页`; bare digits
# may be a paragraph's last figure or a table's cell and are left as they are.
_OWN_LINE_RE = re.compile(rf"^\s*(?:{_MARK}|第\s*\d{{1,4}}\s*页(?:\s*[,，/]?\s*共\s*\d{{1,4}}\s*页)?)\s*$")


_NO_TEXT_RE = re.compile(r"^[(（]\s*此页无正文\s*[)）]$")


_WORD_END_RE = re.compile(rf"{_HAN}$")


def cut_mid_sentence(text: str) -> bool:
    """Whether an item's (normalised) text stops inside a sentence: its last line runs a sentence's parts (`,`) for
    20 characters or more, names no field (`:`) and ends on a word, no sentence end or bracket."""
    last = normalise(text).rstrip().rsplit("\n", 1)[-1].strip()
    return len(last) >= 20 and "," in last and ":" not in last and _WORD_END_RE.search(last) is not None


def is_page_line(text: str) -> bool:
    """A page's number, `(此页无正文)`, or a page's continuation mark (`[接上页]`), on a line of its own."""
    return (
        _OWN_LINE_RE.match(text) is not None
        or _NO_TEXT_RE.match(text.strip()) is not None
        or is_continuation_line(text)
    )


# A document-sharing site's page digit run in before a heading's first item, where a reflowed copy broke the line
# (`21、乡党委,政府每月…。2、党委、政府…`, round 185; inside a line `glued_items` reads it): the item is the list's 1
# where the line above is a heading's open title and its own line goes on to 2 in the same style, not to the page
# digit's number plus one (`21、…。22、…`); a line after an item closed by its sentence or bracket keeps its number.
_PAGE_THEN_ONE_RE = re.compile(r"^(?P<page>\s*\d{1,2})(?=1(?P<mark>[、.])(?!\d))")


_NUMBER_RE = re.compile(r"^\s*(\d{1,3})(?!\d)")


def _page_before_first_item(text: str, before: str) -> str:
    """`before`: the line above, which must end in a heading's short title left open (no sentence end, no field, no
    bracket closing a list's item)."""
    m = _PAGE_THEN_ONE_RE.match(text)
    title = re.split(r"[。;!?]", normalise(before).rstrip())[-1].strip()
    if m is None or not title or len(title) > 40 or ":" in title or title[-1] in ")】":
        return text  # the line above closes a sentence, an item's bracket or a field (`配合单位:A`), or is no title
    norm, mark = normalise(text), normalise(m.group("mark"))
    number = int(m.group("page").strip() + "1")
    if (above := _NUMBER_RE.match(normalise(before))) is not None and int(above.group(1)) == number - 1:
        return text  # `10、…` / `11、…`: a list's next item, whatever the line above ends with
    after = number + 1
    goes_on = re.search(rf"[。;]\s*2{re.escape(mark)}", norm) is not None
    return text[m.end("page") :] if goes_on and not re.search(rf"[。;]\s*{after}{re.escape(mark)}", norm) else text


def rejoin_page_marks(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for text, splittable in lines:
        text = _page_before_first_item(_INSIDE_RE.sub("", text), out[-1][0] if out else "")
        m = _LINE_START_RE.match(text)
        if m is None:
            out.append((text, splittable))
            continue
        rest = text[m.end() :]
        before = out[-1][0].rstrip() if out else ""
        if before and before[-1] not in _SENTENCE_ENDS:
            out[-1] = (before + rest, out[-1][1])
        else:
            out.append((rest, splittable))
    return out
