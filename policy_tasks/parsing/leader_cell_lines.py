"""A leaders' cell written a name a line, in a task table flattened a cell a line (round 190).

A district's 责任分解表 (`序号 | 目标名称 | 工作标准 | 区政府分管领导 | 牵头单位 | 配合单位`), stored a cell a line, writes its
header's cells on lines of their own (the wrapped `区政府` / `分管领导` too) and, after each standard's sentence, the
leaders' cell a name a line, then the lead's cell, then the helpers':

    (1)老城复兴样板区要见成效,…形成…的工作格局。
    王某某
    胡某某
    王某
    住建局
    新闸街道、五星街道,发改局、财政局,新运集团

The names are the row's leaders (round 74: a leaders' cell's names, a name a line each); the unit lines after them are
the lead's and the helpers' cells as round 99 reads them (`stacked_unit_cells`). Before, the persons stood between the
sentence and `住建局`, so the lead's line was no longer read as a cell and its unit was lost. Only where the header
itself names a leaders' column before a 牵头单位 column, each a line of its own, and only a person's name alone on its line
right after the sentence (or after another such name).

Near cases that stay as they were: a person's name on its own line in a document whose header names no leaders' column
(a 落款's signer, a contact line); a name after a line that is no sentence end (the measure goes on); a leaders' column
named after the unit columns (`牵头单位 | 配合单位 | 责任领导`: `person_rows` reads such trailing persons).
"""

from __future__ import annotations

from .column_meanings import LEAD, LEADER, meaning
from .person_names import is_person
from .textutil import normalise
from .unit_names import looks_like_units

LEADERS = "责任领导:"
_HEADER_SPAN = 4  # a header cell a line: the leaders' column within a few lines before the 牵头单位 column


def leader_column(norms: list[str]) -> bool:
    """Whether the document's table header, a cell a line, names a leaders' column (`分管领导`) before `牵头单位`."""
    lines = [n.strip() for n in norms]
    for i, line in enumerate(lines):
        if 0 < len(line) <= 10 and meaning(line) == LEADER:
            ahead = [n for n in lines[i + 1 : i + 1 + _HEADER_SPAN] if n]
            if any(meaning(n) == LEAD and len(n) <= 8 for n in ahead):
                return True
    return False


def person_line(norm: str) -> bool:
    """A line that is one person's name and nothing more (`王某某`), or with the post a table writes beside it
    (`王某某(副区长)`, `副区长王某某`, `王某某 副区长`: `is_person`'s forms)."""
    name = norm.strip()
    return 2 <= len(name) <= 16 and is_person(name)


def after_sentence(own_text: str) -> bool:
    """Whether the item's text so far ends a sentence: where its row's cells begin."""
    return normalise(own_text).rstrip()[-1:] in ("。", ";", "!", "?")


def with_leader(piece: str, name: str) -> str:
    """The row's leaders' line with one more name (`责任领导:王某某` + `胡某某`)."""
    return f"{piece}、{name}"


def unit_alone(norm: str) -> bool:
    """The lead's cell after the leaders' names: one unit's name alone on its line (`住建局`)."""
    name = norm.strip()
    return 0 < len(name) <= 20 and not any(c in name for c in "、,;:。 ") and looks_like_units(name)
