"""A leader's post written after the name, set apart by a space: `张三 副县长`.

A leader field or a 责任领导 cell may name the person and then the post, a space between them as a
justified line or a table's cell sets it (`牵头领导:王利波 副省长`, `夏俊贵 副县长`, `张三 副县长、李四 副县长`).
The space does not make the post a second leader: a bare post (`副县长`, `常务副市长`) right after a
person's bare name is that person's post, one leader `张三副县长` (`scoring.leader_key` compares the person).
A post standing first or alone (`市长,副市长`, `分管副省长、协管副秘书长`) names a leader of its own, and
so does a post after another post.
"""

from __future__ import annotations

import functools
import re

from .lazy_patterns import lazy_compile
from .textutil import normalise

# A person's bare name: two to four characters (a dotted name of a minority person too), no post in it.
_NAME_RE = lazy_compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{2,8}·[\u4e00-\u9fff]{2,8}")


@functools.cache
def _post_re() -> re.Pattern[str]:
    # Imported here: leader_headings reads units, whose leader cells read this module.
    from .leader_headings import POST

    return re.compile(rf"(?:{POST})")


def with_spaced_posts(pieces: list[tuple[str, str]]) -> list[str]:
    """The names of a leader list, each (piece, the separator written before it): a bare post after a
    space following a bare name joins that name (`[("张三", ""), ("副县长", " ")]` → `["张三副县长"]`)."""
    post = _post_re()
    names: list[str] = []
    bare = False  # the last name is a bare person's name a post may follow
    for piece, before in pieces:
        norm = normalise(piece).strip()
        if names and bare and before and not before.strip() and post.fullmatch(norm):
            names[-1] += norm
            bare = False
            continue
        names.append(piece)
        bare = bool(_NAME_RE.fullmatch(norm)) and not post.search(norm)
    return names
