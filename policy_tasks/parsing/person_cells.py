"""A leader cell of padded names, in a table a web page flattened a row a line.

A 牵头领导 column lines its names up by padding a two-character name to three with a space
between its characters (`汪  峰`, as `吴蓓蓓` beside it); two leaders in one cell stand apart by a
run of spaces (`汪  峰   吴蓓蓓`). Joined as it stands the cell is one unknown word (`汪峰吴蓓蓓`).
No name is one character: single characters next to each other are a padded name's halves (two
of them one name, three one name, four two names), every other piece a name of its own; a post
after a name and a space is that name's (`张三 副县长`, `spaced_posts`).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .person_names import is_person
from .spaced_posts import with_spaced_posts
from .textutil import is_han, normalise

_PIECE_RE = lazy_compile(r"([\s、,，;；]*)([^\s、,，;；]+)")


def person_cell(cell: str) -> str | None:
    """The persons a leader cell names, joined by `、` (`汪峰、吴蓓蓓`); None where a piece is no
    person's name or title."""
    pieces = [(m[2], m[1]) for m in _PIECE_RE.finditer(normalise(cell).strip())]
    names: list[tuple[str, str]] = []
    run: list[tuple[str, str]] = []
    for piece, before in [*pieces, ("", "")]:
        if len(piece) == 1 and is_han(piece):
            run.append((piece, before))
            continue
        if run:
            if len(run) == 1:
                return None
            chars = [c for c, _ in run]
            if len(run) == 4:
                names += [("".join(chars[:2]), run[0][1]), ("".join(chars[2:]), run[2][1])]
            else:
                names.append(("".join(chars), run[0][1]))
            run = []
        if piece:
            names.append((piece, before))
    joined = with_spaced_posts(names)
    if not joined or not all(is_person(n) for n in joined):
        return None
    return "、".join(joined)
