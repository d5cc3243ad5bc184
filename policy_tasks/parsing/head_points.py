"""A paragraph of a report holding a head and the points numbered inline after it (`…:一是…;二是…`), cut apart.

Rounds 154's inspection group (`督导组指出:一是…`) and meeting arrangements (`…并作出工作安排。一是…`) write the same
layout with different heads: each reader finds its head, and this cuts the head and then each point in order
(`二是`, `三是`… after a sentence end; a `一是` inside a point's sentence is its prose). A head over a lone `一是` is the
paragraph's own prose and stays whole.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from .capital_numerals import CAPITAL_DIGITS, ordinal_value
from .lazy_patterns import lazy_compile
from .textutil import normalise

# A point's ordinal may be a banker's numeral (`叁是`, `capital_numerals`).
_POINT_RE = lazy_compile(rf"[。;]\s*(?P<n>[二三四五六七八九十{CAPITAL_DIGITS}])是", needs="是")

Lines = list[tuple[str, bool]]


def head_point_parts(text: str, head_re: re.Pattern[str]) -> list[str]:
    """`text` cut before its head (group `h` of `head_re`), after it, and before each later point; whole if it holds
    fewer than two points after the head."""
    norm = normalise(text)
    if len(norm) != len(text) or (head := head_re.search(norm)) is None:
        return [text]  # the cuts are read on the normalised text: keep a line whose length it changes whole
    cuts = [head.start("h"), head.end("h")]
    expected = 2
    for m in _POINT_RE.finditer(norm, cuts[-1]):
        if ordinal_value(m["n"]) == expected:
            cuts.append(m.start("n"))
            expected += 1
    if expected < 3:
        return [text]
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in itertools.pairwise(bounds) if text[a:b].strip()]


def cut_lines(lines: Lines, origins: list[int], parts_of: Callable[[str], list[str]]) -> tuple[Lines, list[int]]:
    """The lines that may hold a flattened list cut by `parts_of`; each part keeps its line's number in `origins`."""
    out: Lines = []
    out_origins: list[int] = []
    for (text, splittable), origin in zip(lines, origins, strict=True):
        parts = parts_of(text) if splittable else [text]
        out += [(part, splittable) for part in parts]
        out_origins += [origin] * len(parts)
    return out, out_origins
