"""The body a line opens with, named by a pattern of its own, as the line's lead (`fee_holders`, `handled_proposals`)."""

from __future__ import annotations

import re

from .person_names import is_person
from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import LEAD
from .unit_lists import split_names
from .unit_names import VAGUE_RE, looks_like_units


def opening_lead(text: str, pattern: re.Pattern[str]) -> Responsibility | None:
    """The names `pattern`'s group `names` finds where the line's text starts, leading; None where it finds none, or
    a group (`各…`, `全…`), a vague word, a person or words that are no unit's name."""
    norm = normalise(text)
    start = len(norm) - len(norm.lstrip())
    m = pattern.match(norm, start)
    if m is None:
        return None
    names = m["names"]
    if names.startswith(("各", "全")) or VAGUE_RE.search(names) or is_person(names) or not looks_like_units(names):
        return None
    found = Responsibility(origin="正文开头")
    found.roles[LEAD] = split_names(text, norm, m.start("names"), m.end("names"))
    found.spans.append((m.start("names"), m.end("names")))
    return found if found.found else None
