"""Labelled fields run together on one line, a field's value straight into the next field's label.

A web page that lost the cells' breaks of a 整改 list writes a problem's fields on one line with
nothing between a value and the next label: `责任单位:A、B,C责任人:D主要负责人整改时限:立行立改…`.
A label glued to the words before it (a character, no space, no punctuation) where the line holds
another label too is a field of its own: the line is cut before each of its labels, outside
brackets, so each field is a line of its own as the table wrote it, and the text before the first
label stays a line too. A line whose labels are set apart (`牵头单位:A;配合单位:B`, `…。责任单位:A`)
is left as it is.
"""

from __future__ import annotations

import itertools

from .lazy_patterns import lazy_compile
from .textutil import bracket_depths, normalise
from .unit_labels import find_labels

_HAN_RE = lazy_compile(r"[\u4e00-\u9fff]")


def _top_level_labels(norm: str) -> list[int]:
    depths = bracket_depths(norm)
    return [m.start() for m in find_labels(norm) if depths[m.start()] == 0]


def split_run_on_fields(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for text, splittable in lines:
        norm = normalise(text)
        # Every label ends in its own colon: a line with fewer than two holds fewer than two labels.
        if norm.count(":") < 2:
            out.append((text, splittable))
            continue
        starts = _top_level_labels(norm)  # normalise maps characters one to one
        glued = [s for s in starts if s > 0 and _HAN_RE.match(norm[s - 1])]
        if len(starts) < 2 or not glued:
            out.append((text, splittable))
            continue
        bounds = [0, *starts, len(text)]
        out.extend((text[a:b].strip(), splittable) for a, b in itertools.pairwise(bounds) if text[a:b].strip())
    return out
