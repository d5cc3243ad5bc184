"""Line breaks for Chinese text in the bulletin PDF, by the rules Chinese print follows.

fpdf2 breaks lines at spaces, or, for text without spaces, after any character: a line
may then begin with "，" or "）" and a number or "ICU" be cut in two. The text is broken
here instead, with explicit newlines that fpdf2 keeps (each line already fits): closing
punctuation never starts a line, opening punctuation never ends one (禁则), and a run of
Latin letters and digits ("2023-10-31", "37.5%") stays whole unless it is wider than
the line on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

NOT_AT_START = set("，。、；：？！）］｝」』”’》〉】〕…—·%％,.;:?!)]}")
NOT_AT_END = set("（［｛「『“‘《〈【〔([{")
_UNIT = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-:/%]*|\s+|.", re.DOTALL)


def wrap(text: str, width_of: Callable[[str], float], width: float, first: float | None = None) -> str:
    """`text` with a newline wherever a line must break to fit `width` (`first` for line one)."""
    return "\n".join(text[a:b] for a, b in spans(text, width_of, width, first))


def wrap_parts(parts: list[str], width_of, width: float, first: float | None = None) -> list[str]:
    """Runs of one paragraph (str or a subclass, kept) with the newlines of wrap() put in."""
    text = "".join(parts)
    lines = spans(text, width_of, width, first)
    starts = {a for a, _ in lines[1:]}
    kept = {i for a, b in lines for i in range(a, b)}
    out, at = [], 0
    for part in parts:
        chars = [("\n" if i in starts else "") + c for i, c in enumerate(part, start=at) if i in kept]
        out.append(type(part)("".join(chars)))
        at += len(part)
    return out


def spans(text: str, width_of, width: float, first: float | None = None) -> list[tuple[int, int]]:
    """(start, end) of each line of `text`; the spaces a line breaks at belong to none."""
    out: list[tuple[int, int]] = []
    at = 0
    for paragraph in text.split("\n"):
        room = first if not out else None
        out.extend((at + a, at + b) for a, b in _lines(paragraph, width_of, width, room))
        at += len(paragraph) + 1
    return out


def _lines(text: str, width_of, width: float, first: float | None) -> list[tuple[int, int]]:
    units = _units(text, width_of, width)  # (start, unit)
    lines: list[list[tuple[int, str]]] = [[]]
    used = 0.0
    for start, unit in units:
        room = first if first is not None and len(lines) == 1 else width
        size = width_of(unit)
        if not lines[-1] or used + size <= room or unit.isspace():
            lines[-1].append((start, unit))
            used += size
            continue
        line = lines[-1]
        carried: list[tuple[int, str]] = []
        # Take back what may not end a line, and what the next line may not start with.
        while len(line) > 1 and (line[-1][1][-1] in NOT_AT_END or [*carried, (start, unit)][0][1][0] in NOT_AT_START):
            carried.insert(0, line.pop())
        while len(line) > 1 and line[-1][1].isspace():
            line.pop()
        lines.append([*carried, (start, unit)])
        used = sum(width_of(u) for _, u in lines[-1])
    return [(line[0][0], line[-1][0] + len(line[-1][1])) if line else (0, 0) for line in lines]


def _units(text: str, width_of, width: float) -> list[tuple[int, str]]:
    """Characters, spaces, and Latin runs; a run wider than a line is split into characters."""
    units: list[tuple[int, str]] = []
    for match in _UNIT.finditer(text):
        unit, start = match.group(), match.start()
        if len(unit) > 1 and not unit.isspace() and width_of(unit) > width:
            units.extend((start + i, c) for i, c in enumerate(unit))
        else:
            units.append((start, unit))
    return units
