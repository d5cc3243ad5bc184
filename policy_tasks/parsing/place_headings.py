"""An inspected place written as a heading with its units in a bracket, over the problems found there.

An inspection notice's attachment (督办通知, 督查发现的问题和隐患) lists, for each place inspected, its name as a line
of its own with the units answering for it in a bracket, and under it the problems found there, numbered from 1:

    胖东来时代广场(责任单位:魏都区,市消防支队)
    1.进门地面无荧光标识;
    2.防火卷帘门下无提示。

The place carries no number, so the outline would take the problems for the items and leave the place, with its
units, in the letter's text above them. The place is the item (corpus README, round 73), as a numbered place over
its problems is (`1. 市科技馆` / `(1)…`) and a block closed by its own units line is (`closed_blocks`): each such
heading and its problems become one numbered item, in order, the problems its text.

Read so only where every numbered line of the document is a problem under such a heading: a heading is an unnumbered
line of a few words with no sentence mark, closed by a bracket that names units; its problems follow it, numbered
from 1 in one style, and none names units of its own. A list that numbers anything else is left to the outline.

A place may be written as a label, its name closed by a colon before the bracket (`胜利街道办:(责任单位:沙市区胜利街道办事处)`,
荆州's 创文 problem list, round 87): the same heading. Read as a sentence mark, that one heading left its problems
outside every block, and the whole list went to the outline, which joins each place's last problem to the next
place's heading and so gives every unit to the place before (`clause_doubts.heading_units` marks such a reading).

The problems may also be counted through the whole list rather than from 1 under each place (`1.`…`4.` under the
first place, `5.`…`10.` under the second): a list numbered by Word's automatic numbering does so unless each place's
count is restarted by hand, and offices that type the numbers do it too, to give the notice's total. A place's run
then goes on from the last number of the place above, in its style; the same reading.
"""

from __future__ import annotations

import re

from .outline import Marker, line_marker
from .textutil import normalise
from .units import peek_responsibility

_NAME_MAX = 30
_SENTENCE_MARK_RE = re.compile(r"[。,;:!?]")


def place_heading(norm: str) -> bool:
    """`胖东来时代广场(责任单位:魏都区,市消防支队)`: a name and, closing the line, a bracket naming units."""
    found = peek_responsibility(norm)
    if not found.found or found.origin != "括号" or not found.spans:
        return False
    start, end = found.spans[0][0], found.spans[-1][1]
    # A place written as a label before its bracket (`胜利街道办:(责任单位:沙市区胜利街道办事处)`) is the same heading.
    name = norm[:start].strip().removesuffix(":").strip()
    return 2 <= len(name) <= _NAME_MAX and not _SENTENCE_MARK_RE.search(name) and not norm[end:].strip(" 。")


def _problems(norms: list[str], markers: list[Marker | None], at: int, above: Marker | None) -> list[int]:
    """The lines of the problems numbered right after a heading (empty lines between them skipped): from 1, or on
    from `above`, the last problem of the place above, in its style (a count through the whole list)."""
    run: list[int] = []
    first: Marker | None = None
    for k in range(at, len(norms)):
        if not norms[k]:
            continue
        marker = markers[k]
        if marker is None:
            break
        if first is None:
            carried = above is not None and marker.style == above.style and marker.value == above.value + 1
            if marker.value != 1 and not carried:
                break
        elif marker.value != first.value + len(run) or marker.style != first.style:
            break
        if peek_responsibility(norms[k]).found:
            return []  # a problem naming its own units: the list is not written so
        first = first or marker
        run.append(k)
    return run


def place_blocks(lines: list[tuple[str, bool]], origins: list[int]) -> tuple[list[tuple[str, bool]], list[int]]:
    """The lines with each place heading and its problems made one numbered item, and each line's number among
    the lines `closed_blocks` was given (`origins` maps its lines to those); as they were where the document is not
    written so."""
    norms = [normalise(text).strip() for text, _ in lines]
    markers = [line_marker(norm) for norm in norms]
    # Every numbered line must be a problem under a heading, so the first one's heading is the last line with words
    # before it: where that line is no heading, the list is not written so, and no other line is read as one (a
    # reading of its units each; 45 lines of the seed, none a heading).
    first = next((k for k, marker in enumerate(markers) if marker is not None), None)
    heading = next((k for k in range(first - 1, -1, -1) if norms[k]), None) if first is not None else None
    if heading is None or not place_heading(norms[heading]):
        return lines, origins
    blocks: list[tuple[int, list[int]]] = []
    k = 0
    while k < len(lines):
        above = markers[blocks[-1][1][-1]] if blocks else None
        if markers[k] is None and place_heading(norms[k]) and (run := _problems(norms, markers, k + 1, above)):
            blocks.append((k, run))
            k = run[-1] + 1
            continue
        k += 1
    inside = {i for heading, run in blocks for i in (heading, *run)}
    if not blocks or any(marker is not None and i not in inside for i, marker in enumerate(markers)):
        return lines, origins
    starts = {heading: (number, run) for number, (heading, run) in enumerate(blocks, 1)}
    out: list[tuple[tuple[str, bool], int]] = []
    k = 0
    while k < len(lines):
        if k not in starts:
            out.append((lines[k], origins[k]))
            k += 1
            continue
        number, run = starts[k]
        # One line holding the problems' own lines: the bracket still closes its line, as it is read there.
        words = "\n".join([lines[k][0].strip(), *(lines[i][0].strip() for i in run)])
        out.append(((f"{number}、{words}", False), origins[k]))
        k = run[-1] + 1
    return [line for line, _ in out], [n for _, n in out]
