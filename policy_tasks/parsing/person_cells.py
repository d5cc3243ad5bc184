"""A leader cell of padded names, in a table a web page flattened a row a line.

A 牵头领导 column lines its names up by padding a two-character name to three with a space
between its characters (`汪  峰`, as `吴蓓蓓` beside it); two leaders in one cell stand apart by a
run of spaces (`汪  峰   吴蓓蓓`). Joined as it stands the cell is one unknown word (`汪峰吴蓓蓓`).
No name is one character: single characters next to each other are a padded name's halves (two
of them one name, three one name, four two names), every other piece a name of its own.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .person_names import is_person
from .textutil import is_han, normalise

_PIECE_SEP_RE = lazy_compile(r"[\s、,，;；]+")


def person_cell(cell: str) -> str | None:
    """The persons a leader cell names, joined by `、` (`汪峰、吴蓓蓓`); None where a piece is no
    person's name or title."""
    pieces = [p for p in _PIECE_SEP_RE.split(normalise(cell).strip()) if p]
    names: list[str] = []
    run: list[str] = []
    for piece in [*pieces, ""]:
        if len(piece) == 1 and is_han(piece):
            run.append(piece)
            continue
        if run:
            if len(run) == 1:
                return None
            names += ["".join(run[:2]), "".join(run[2:])] if len(run) == 4 else ["".join(run)]
            run = []
        if piece:
            names.append(piece)
    if not names or not all(is_person(n) for n in names):
        return None
    return "、".join(names)
