"""A name a page redacted: a mark written in a person's place, no person.

A 范文 site or a published copy hides the persons' names of a plan it reposts behind a mark:
`责任领导:*`, `责任人:**`, `牵头领导:×××`, `XXX同志`. The field is still the item's leader field, but
it names no one a reviewer could follow up, so the mark is no leader (corpus README, round 83).
Where the mark stands before a post (`×××副县长`, `**局长`), the post is what the page kept: the
leader is the post, as a field naming a title alone is (`副县长`).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .unit_names import LEAD_MARKS

# Runs of the marks pages redact with: stars (half and full width), multiplication signs, a run of
# X (two or more: one letter may be a name's initial), circles and squares, `某某`, and question marks
# (`???镇长`: a sharing site's redaction, or a name its encoding lost; two or more half width).
_MARKS = r"(?:[*＊×✕○〇□■？]+|[xXＸｘ]{2,}|\?{2,}|某{2,})"
# A name of marks alone, the unit lists' lead marks among them (`**` is read as a lead mark and a star, `★*`).
_REDACTED_RE = lazy_compile(rf"^(?:{_MARKS}|[{LEAD_MARKS}])+(?:同志)?$")
_BEFORE_POST_RE = lazy_compile(rf"^{_MARKS}(?=[\u4e00-\u9fff])")


def unredacted_leaders(names: list[str]) -> list[str]:
    """The leaders a page did not redact: a mark alone is dropped, a mark before a post leaves the post."""
    out: list[str] = []
    for name in names:
        written = name.strip()
        if _REDACTED_RE.match(written):
            continue
        post = _BEFORE_POST_RE.sub("", written)
        if post not in out:
            out.append(post)
    return out
