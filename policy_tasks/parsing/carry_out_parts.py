"""A bracket's or label's role sentence ending in the units that carry the work out on the spot.

A bracket that names its units' roles in words (`A牵头,B、C等有关部门参加`) often closes with the
places or bodies that do the work where it is done: `(责任单位:县扶贫开发办牵头,县教育和体育局等有关部门参加,
各镇街落实)`, `(A牵头,B配合,各乡镇具体负责)`. Once a unit leads, such a last part, closed by
`落实` / `实施` / `负责` (with or without `具体` / `组织` before it), names co units: the lead answers for the
item, they carry it out. The verb is no part of their name (`各镇街`, not `各镇街落实`). Where no
unit leads (`责任单位:A,B落实`) the part is left as it was read, save after units that share the work by remit with
no 牵头 named (`〔A、B、C按职责分工负责,各乡(街道)落实〕`, round 181): such a list is led by its first unit (`remit_words`),
and the places after it carry the work out and help, as after a 牵头 (the README's round 117 reading of a 晋政发 bracket's
`;各乡镇`).

A part saying its units act within their remit (`A牵头,各有关单位按职责分工负责`, round 102) is no such part: the
remit words (`按职责分工`) are no part of the names either, and the list reads as `A牵头,B按职责分工负责` does.

A meeting's report may name the places by their count in quotes, once it has listed them (`“四区”具体落实`, round 167:
the four districts' governments and zones named in the attendance): the quoted count is their one name, kept as written.
"""

from __future__ import annotations

import re

from .remit_words import REMIT_ROLE
from .unit_names import looks_like_units

_CARRY_OUT_RE = re.compile(r"^(?:由)?(?P<names>.+?)(?:具体)?(?:组织)?(?:负责落实|负责实施|落实|实施|负责)$")
_REMIT_END_RE = re.compile(r"(?:" + REMIT_ROLE + r")$")


# `“四区”`, `“两县”`: places named by their count in quotes.
_COUNTED_PLACES_RE = re.compile(r"“[一二三四五六七八九十两]{1,2}(?:区|县|市|镇|乡|街道|县区|县市区?)”")


def carry_out_names(segment: str) -> tuple[int, int] | None:
    """The span of the units in a `B落实` / `B具体负责` part (offsets in `segment`), or None."""
    m = _CARRY_OUT_RE.match(segment)
    if m is None or _REMIT_END_RE.search(segment):
        return None
    if _COUNTED_PLACES_RE.fullmatch(m["names"].strip()):
        return m.start("names"), m.end("names")
    if not looks_like_units(m["names"]):
        return None
    return m.start("names"), m.end("names")


def shares_by_remit(role: str) -> bool:
    """Whether a part's role word only says its units share the work by remit (`按职责分工负责`, `分工负责`)."""
    return _REMIT_END_RE.fullmatch(role) is not None
