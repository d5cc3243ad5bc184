"""A paragraph that ends inside a bracket it opened, joined to the line that closes it.

An item's responsibility bracket (`〔县自然资源局、县农业农村局按职责分工负责〕`, `(责任单位:县发改局)`,
`【牵头单位:…】`) is set after the item's last sentence, and where that line is full the page wraps inside the
bracket, often inside a unit's name. A PDF's placed lines, an .odt's or a copied page's line breaks then
come back as a paragraph break (`…整改复耕。〔县自然资` / `源局、县农业农村局…〕`), and the second half's first
name (`源局`) would read as the bracket's lead. Offices never end a paragraph inside a bracket they opened:
when the next line closes it before any sentence ends, opening no item of its own, it is the same paragraph
(round 181).

A bracket really left open stays as written: the next line an outline item (`(三)…`, `二、…`) or a bullet, or
no closer on it before its sentence ends, or a bracket too long for a note. A closed bracket at a line's end
(a heading's `(一)`, `(街道)`) opens nothing.
"""

from __future__ import annotations

from .sources.unwrap import BULLET_RE, opens_item

# Each opener's family: a full-width and a half-width parenthesis close each other, as offices mix them.
_FAMILY = {"〔": "〔", "〕": "〔", "(": "(", ")": "(", "（": "(", "）": "(", "【": "【", "】": "【", "[": "[", "]": "["}
_OPENERS = "〔(（【["
# A `;` parts a bracket's fields (`牵头单位:A;配合单位:B`): only a full stop ends a sentence inside one.
_SENTENCE_ENDS = "。!！?？"
# A responsibility or a note is short: past this many characters inside, the bracket is no wrapped note.
_LONGEST_INSIDE = 80

Lines = list[tuple[str, bool]]


def _unclosed(text: str) -> tuple[str, str] | None:
    """(family, text inside) of the innermost bracket `text` leaves open at its end, where no sentence ends
    inside it."""
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        family = _FAMILY.get(ch)
        if family is None:
            continue
        if ch in _OPENERS:
            stack.append((family, i))
        else:
            # A closer closes the latest opener of its family; a stray one (`一)`) closes nothing.
            at = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == family), None)
            if at is not None:
                del stack[at:]
    if not stack:
        return None
    family, at = stack[-1]
    inside = text[at + 1 :]
    if any(ch in _SENTENCE_ENDS for ch in inside) or len(inside) > _LONGEST_INSIDE:
        return None
    return family, inside


def _closes(family: str, text: str) -> int | None:
    """Where `text` closes a bracket of `family` opened before it (the closer's index), when no sentence ends
    before it."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in _SENTENCE_ENDS:
            return None
        if _FAMILY.get(ch) != family:
            continue
        if ch in _OPENERS:
            depth += 1
        elif depth:
            depth -= 1
        else:
            return i
    return None


def _continues(before: str, after: str) -> bool:
    open_bracket = _unclosed(before.rstrip())
    text = after.strip()
    if open_bracket is None or not text or opens_item(before, text) or BULLET_RE.match(text):
        return False
    family, inside = open_bracket
    closer = _closes(family, text)
    return closer is not None and len(inside) + closer <= _LONGEST_INSIDE


def joined_open_brackets(lines: Lines, origins: list[int]) -> tuple[Lines, list[int]]:
    """The lines with each paragraph that ends inside an open bracket joined to the next line that closes
    it; a joined line keeps its first line's number. Table rows (not splittable) are never joined."""
    out: Lines = []
    out_origins: list[int] = []
    for (text, splittable), origin in zip(lines, origins, strict=True):
        if out and splittable and out[-1][1] and _continues(out[-1][0], text):
            out[-1] = (out[-1][0].rstrip() + text.strip(), True)
            continue
        out.append((text, splittable))
        out_origins.append(origin)
    return out, out_origins
