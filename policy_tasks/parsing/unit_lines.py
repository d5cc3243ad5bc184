"""A heading over unnumbered measures that each carry a line of their own naming who does it.

A 实施方案 table flattened a cell a line (`主要内容` / `责任单位` columns under a `(一)加强预期引导`
heading cell) writes each measure and then, on the next line, its unit cell: `市发改委牵头落实`,
`A、B、C分别牵头落实`. Each measure with its unit line is a clause of its own (`(一)-1`,
`(一)-2`), as a heading over lines that each end in their own bracket is; the heading is no
clause's text. A unit line is a line that is nothing but an assignment (`X牵头…`) naming units.
"""

from __future__ import annotations

import re

from .clause import Clause, cut_clause
from .textutil import normalise
from .unit_labels import FREE_RE
from .unit_names import organisation


def is_unit_line(line: str) -> bool:
    """`市发改委牵头落实`, `市金融办、人民银行潍坊市中心支行分别牵头落实`: a whole line that
    assigns a measure to units and says nothing else."""
    norm = normalise(line).strip(" 。;")
    if not norm or len(norm) > 80 or re.search(r"[。;,:]", norm):
        return False
    m = FREE_RE.match(norm)
    if not m or "牵头" not in m["role"]:
        return False
    names = [n for n in re.split(r"[、和及]", m["names"]) if n]
    return bool(names) and all(organisation(n) for n in names)


def _spans(text: str) -> list[tuple[int, int]] | None:
    """(start, end) character spans of the measures in a clause's text, each ending with its unit
    line, or None when the text is not two or more measures so assigned. The heading's own first
    line (no sentence, no assignment) belongs to none of them."""
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
    marks = [i for i, (_, _, line) in enumerate(lines) if is_unit_line(line)]
    if len(marks) < 2:
        return None
    first = 0
    if not re.search(r"[。;!?]", normalise(lines[0][2])) and 0 not in marks:
        first = 1
    spans, begin = [], first
    for m in marks:
        body = [line for _, _, line in lines[begin:m] if normalise(line).strip()]
        if not body or not any(re.search(r"[。;!?]", normalise(b)) or len(normalise(b)) > 15 for b in body):
            return None
        spans.append((lines[begin][0], lines[m][1]))
        begin = m + 1
    if any(normalise(line).strip() for _, _, line in lines[begin:]):
        return None
    return spans


def split_at_unit_lines(clause: Clause) -> list[Clause]:
    """The clause (`clause.Clause`) as one clause per measure (`(一)-1`, `(一)-2`), or
    as it is when its text is not measures each followed by a unit line."""
    return cut_clause(clause, _spans(clause.text) or [], lines_in_part=True) or [clause]
