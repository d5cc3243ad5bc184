"""Headings a copy with no line breaks ran into the text below them, still told apart by how plans write them.

`one_line` cuts a one-line document at its numbered items; these are the lines it would leave joined, each told by the
layout convention it was written in, never by a number alone:
- a list numbered with circled figures (`⑴强化…。⑵抢抓…`, a county's measures) opens at `⑴` after a sentence's end or
  the bar closing a portal's metadata row (`…| 主题词 | 招商引资 |⑴…`), its `⑵` after a stop;
- a publicity plan's sub-heading that is nothing but the outlet charged (`(一)***日报社(晨刊、手机报、***在线)`,
  `outlet_headings`) runs into its first item (`…在线)1.新闻宣传。`): the outlet's name closes the heading;
- an item's person field (`责任人:王某、***`) names persons parted by `、`, no stop, so the next number of the list run
  on to its last name (`***2.专题报道`) opens the next item (a 范文 site's redaction marks stand for a name);
- a section's sub-heading that is only its title, the membership (`(一)成员单位`, `group_members`) over the lines
  saying how the body is made up (`协调机制由…组成`), or the division of work (`(二)职责分工`, `duty_headings`) over
  its first unit and colon (`县委组织部:负责…`): the title is a line of its own, its text below it.
Near cases left alone: a `(一)` whose text is a measure (`(一)加强与日报社的合作1.…`), a person field followed by a
figure that counts on no item (`责任人:张某2人`), a membership title over text saying nothing of the make-up, a
division title over a sentence (`职责分工明确,…`).
"""

from __future__ import annotations

import re

from .duty_headings import division_heading
from .group_members import members_heading
from .outlet_headings import outlet_heading
from .textutil import normalise
from .unit_names import looks_like_units

# After a sentence's end, a closing bracket, a metadata row's bar or a space.
_STOP = r"(?:(?<=[。;；:：!！?？)）\]】〕”|])|(?<=\s)|^)\s*"
CIRCLED_FIRST = re.compile(_STOP + r"⑴(?=\S)")
CIRCLED_SECOND = re.compile(_STOP + r"⑵")

_SUB = r"[(（][一二三四五六七八九十]{1,3}[)）]"
# `(一)NAME1.`: a sub-heading whose text runs, with no stop, into a list's first item.
_OUTLET_FIRST = re.compile(
    r"(?P<h>" + _SUB + r")\s*(?P<name>[^。;；:：!！?？\d\s]{2,40}?)\s*(?P<n>1[.．、])(?!\d)(?=\S)"
)
# `责任人:A、B2.`: a person field run into the next item's number.
_PERSON_FIELD = re.compile(
    r"(?:责任人|联系人)[:：][^。;；:：!！?？\d]{1,40}?(?P<n>\d{1,2})[.．、](?!\d)(?=[\u4e00-\u9fff])"
)
# `(一)成员单位协调机制由…`, `…及职责(一)成员单位…`, `(二)职责分工县委组织部:`: a sub-heading, its text running on (after
# a stop or glued to its section's title; never an ordinal's `第(一)`).
_TITLED_SUB = re.compile(r"(?<!第)(?P<h>" + _SUB + r")\s*(?P<rest>[^。;；!！?？]{4})")
_UNIT_COLON = re.compile(r"\s*(?P<unit>[^。;；:：!！?？,，\s]{2,30}?)[:：]")


def _outlet_cuts(text: str, start: int) -> list[int]:
    cuts = []
    for m in _OUTLET_FIRST.finditer(text, start):
        if outlet_heading(normalise(m["name"])) is not None and re.search(r"2[.．、](?!\d)", text[m.end() :]):
            cuts += [m.start("h"), m.start("n")]
    return cuts


def _person_field_cuts(text: str, start: int) -> list[int]:
    cuts = []
    for m in _PERSON_FIELD.finditer(text, start):
        n = int(m["n"])
        if n >= 2 and re.search(rf"(?<!\d){n - 1}[.．、](?!\d)", text[start : m.start()]):
            cuts.append(m.start("n"))
    return cuts


def _title_cut(rest: str) -> int | None:
    """Where a sub-heading's title alone ends in `rest` (the text from it to the end), the text it ran into after it."""
    for end in range(12, 1, -1):  # the longest title: `职责分工`, not `职责`
        head, body = rest[:end], rest[end:]
        if not body.strip():
            return None
        if members_heading(head, re.split(r"[。;；]", body)[0]) and not body.lstrip().startswith(("及", "和", "职责")):
            return end
        unit = _UNIT_COLON.match(body)
        if division_heading(head) and unit is not None and looks_like_units(normalise(unit["unit"])):
            return end
    return None


def _titled_sub_cuts(text: str, start: int) -> list[int]:
    cuts = []
    for m in _TITLED_SUB.finditer(text, start):
        if (end := _title_cut(text[m.start("rest") :])) is not None:
            cuts += [m.start("h"), m.start("rest") + end]
    return cuts


def heading_cuts(text: str, start: int) -> list[int]:
    """Where the one-line body from `start` is cut at the headings its copy ran into their text."""
    return [*_outlet_cuts(text, start), *_person_field_cuts(text, start), *_titled_sub_cuts(text, start)]
