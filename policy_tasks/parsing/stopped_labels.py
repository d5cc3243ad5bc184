"""A unit label closed by a full stop where its colon belongs.

A township's plan typed by hand may close the label of a responsibility line with the sentence's full stop
instead of the colon (`责任单位。乡农办、植保站、各村委会。` on a line of its own under its item). The label
is still the label (a label written without its colon, README round 75): its words open the line, and what
follows the stop to the line's end is nothing but unit names. It is given its colon back before anything else
reads the line. A label standing alone on its line with the stop (`牵头单位。`, its units on the line below) is
the same field. Prose that only speaks of a label (`落实责任单位。`, `责任单位。要加强调度`) does not open the line
or runs on into words that name no unit, and stays as written; so does a deadline's label (`完成时限。`), whose
value is no unit this reader could check.

A copy that ran the lines together (a web mirror's paragraph, a dataset's cell) leaves the label inside the line,
after the stop of the item's last sentence (`…落实到田间地头。责任单位。乡农办、各村委会。`). There the label is read
when that stop is right before it and the names up to its value's own stop are units; `落实责任单位。` (a word
before the label) and `。责任单位。要加强调度` (no names) stay prose.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .unit_labels import CO, LABEL_WORDS, LEAD, LISTED, label_role
from .unit_names import looks_like_units

_WORDS = "|".join(sorted(LABEL_WORDS, key=len, reverse=True))
# The label opening the line, then the full stop (a Chinese, full-width or ASCII one).
_STOPPED_RE = lazy_compile(rf"^(\s*)({_WORDS})\s*[。．.]\s*")
# The label right after a sentence's stop inside the line, then its own stop, then its value up to the next stop.
_MID_LINE_RE = lazy_compile(rf"(?<=[。！？])(\s*)({_WORDS})\s*[。．.]\s*([^。]*)")


def colon_stopped_label(line: str) -> str:
    """`责任单位。A、B。` as `责任单位:A、B。` where the stop is followed by unit names alone, or by nothing;
    the line as written otherwise."""
    if "。" not in line and "." not in line and "．" not in line:
        return line
    m = _STOPPED_RE.match(line)
    if m is None:
        return _MID_LINE_RE.sub(_mid_line_field, line)
    if label_role(m[2]) not in (LEAD, LISTED, CO):
        return line
    names = line[m.end() :].rstrip().rstrip("。;；")
    if names and not looks_like_units(names):
        return line
    return m[1] + m[2] + ":" + line[m.end() :]


def _mid_line_field(m: re.Match[str]) -> str:
    """`。责任单位。A、B` inside a run-together line as `。责任单位:A、B`; as written unless the value names units."""
    names = m[3].rstrip().rstrip(";；")
    if label_role(m[2]) not in (LEAD, LISTED, CO) or not names or not looks_like_units(names):
        return m[0]
    return m[1] + m[2] + ":" + m[3]
