"""The corpus's prose documents as Word writes them when the author numbers with Word's lists: the
`一、` `（一）` `1.` `（1）` of each item drawn by Word's automatic numbering (numPr), not typed.

Word keeps only the list level in the paragraph; the reader writes the number out again from the
list's definition, counting as Word counts: a level goes on from its last item and starts again at
1 under each new item of a higher level. A plan that numbers on across headings (`4.` under the
second `（一）`) therefore reads with Word's numbers, as the office would have seen it on screen, and
a new list starts wherever the document starts its top level again at `一、` (the notice, then its
annex). The words, the units and the dates are the document's own, so the gold stays right."""

from __future__ import annotations

import re

from lxml import etree

from policy_tasks.parsing.outline import line_marker
from policy_tasks.parsing.textutil import normalise

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Level by the genre's order (GB/T 9704): its format and the text Word draws.
_LEVELS = {
    "cn": (0, "chineseCounting", "%1、"),
    "pcn": (1, "chineseCounting", "（%2）"),
    "num": (2, "decimal", "%3."),
    "pnum": (3, "decimal", "（%4）"),
}
_ABSTRACT_ID = 80
_FIGURE_LED = re.compile(r"^(\d{1,3})\.(?=\d)")


def _define(numbering) -> None:
    lvls = "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for ilvl, fmt, text in sorted(_LEVELS.values())
    )
    numbering.append(
        etree.fromstring(f'<w:abstractNum xmlns:w="{_W}" w:abstractNumId="{_ABSTRACT_ID}">{lvls}</w:abstractNum>')
    )


def _new_list(numbering, num_id: int) -> None:
    # Each list a num of its own over the one definition, its levels started afresh.
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="1"/></w:lvlOverride>'
        for ilvl, _, _ in _LEVELS.values()
    )
    numbering.append(
        etree.fromstring(
            f'<w:num xmlns:w="{_W}" w:numId="{num_id}"><w:abstractNumId w:val="{_ABSTRACT_ID}"/>{overrides}</w:num>'
        )
    )


def numbered_items(text: str) -> list[tuple[int | None, bool, str]] | None:
    """(list level or None, whether the typed number was 1, text) per non-empty line: the line's
    number taken off where Word would draw it. None when no line is numbered in the four levels, or
    a numbered line's typed form is not its normalised one (the number could not be cut off where
    it ends)."""
    items: list[tuple[int | None, bool, str]] = []
    last_figure = 0  # the last `1.` level number typed, for items whose text starts with a figure
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        norm = normalise(line)
        marker = line_marker(norm)
        figure = _FIGURE_LED.match(norm)
        if marker is None and figure is not None and int(figure[1]) == last_figure + 1:
            # `2.50个小区…`: item 2, whose text starts with a figure; Word draws its `2.` too.
            last_figure += 1
            items.append((_LEVELS["num"][0], False, line[figure.end() :]))
            continue
        if marker is None or marker.style not in _LEVELS or not line[marker.end :].strip():
            items.append((None, False, line))
            continue
        if len(norm) != len(line):
            return None
        if marker.style == "num":
            last_figure = marker.value
        elif marker.style in ("cn", "pcn"):
            last_figure = 0
        items.append((_LEVELS[marker.style][0], marker.value == 1, line[marker.end :]))
    if not any(level is not None for level, _, _ in items):
        return None
    return items


def word_numbered_docx(text: str) -> bytes | None:
    """The document as a .docx numbered by Word, or None (see numbered_items)."""
    from tests.sources.builders import docx_bytes

    items = numbered_items(text)
    if items is None:
        return None

    def build(document) -> None:
        numbering = document.part.numbering_part.element
        _define(numbering)
        num_id = 100
        _new_list(numbering, num_id)
        started = False
        for level, first, line in items:
            paragraph = document.add_paragraph(line)
            if level is None:
                continue
            if level == 0 and first and started:  # `一、` again: a list of its own (the annex after the notice)
                num_id += 1
                _new_list(numbering, num_id)
            started = True
            num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = level
            num_pr.get_or_add_numId().val = num_id

    return docx_bytes(build)
