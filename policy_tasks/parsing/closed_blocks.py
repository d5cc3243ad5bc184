"""Blocks of problems each closed by their own units-and-deadline line: one item a block.

A county's inspection post (创建 督查, as its media centre publishes what the 督查组 found) gives, for each place
inspected, the problems found there and then, closing them, the line that assigns them:

    1.员工食堂橱柜杂物乱堆放;
    2.在建工程临时厨房杂物、垃圾乱堆放。
    整改责任单位:县污水处理厂 整改时限:2021年8月13日前
    1.B3-03住户门前水体植物盆底积水…;
    …
    操作间存在鼠粪,病媒生物防制不到位。
    整改责任单位:县市场监督管理局 整改时限:2021年8月13日前

The place's own name may be a picture the copy lost, so nothing but the closing line marks where one block ends:
the next block restarts its numbering at `1.`, or is a single problem with no number. The closing line ends the
block and charges all of it (the opposite order of a 整改 row whose 责任单位 stands above its measures,
`field_cells`): each block is one item, its problems its text, as under a place's heading
(`1. 市科技馆` / `(1)…` / `问题整改责任单位:…`). A copy that lost the line breaks writes the same on one line, the
breaks as spaces; the closing fields are still there to cut at.

Read so only where two closing lines or more each end a block, the first block opens at `1`, and every later
one restarts at `1` or has no number at all: numbering that runs on across the closing lines (`2.…` after the
first) is a list of items each with its own field lines, read by the outline as it always was. The blocks are
written as numbered lines for the outline (`1、…`, with their closing line after each), the text before the
first as it was; what follows the last closing line (the post's `(来源:…)` line, its editors) is no block's
text, and a bracket there (`(来源:县融媒体中心)`) would read as a unit's: it is not read.
"""

from __future__ import annotations

import itertools
import re

from .deadlines import is_time_part
from .lazy_patterns import lazy_compile
from .outline import line_marker
from .textutil import normalise
from .unit_labels import DUE, LEAD, LISTED, find_labels, label_role

# A list number where a line starts or a flattened break (a space) or a sentence's end stood before it.
_NUMBER_RE = lazy_compile(r"(?:^|(?<=[\s。;:!?]))(?:[(]\d{1,2}[)]|\d{1,2}[.、](?!\d))")
_FIRST_RE = lazy_compile(r"(?:^|(?<=[\s。;:!?]))(?:[(]1[)]|1[.、](?!\d))")
_TOKEN_RE = re.compile(r"\S+")
# A field's value that names (`县污水处理厂`, `县住建局、县城管局`): the label says they are its units.
_NAMES_RE = lazy_compile(r"[\u4e00-\u9fff()、]{2,40}")


def _closing_runs(norm: str) -> list[tuple[int, int]]:
    """Each `整改责任单位:A 整改时限:B` run in a line: a units field (one answering or leading) whose value
    names, then possibly a deadline field, standing as words of their own (at the line's start or after a
    space, and ending the line or before one)."""
    runs: list[tuple[int, int]] = []
    labels = list(find_labels(norm))
    i = 0
    while i < len(labels):
        m = labels[i]
        i += 1
        start = max(norm.rfind(" ", 0, m.start()), norm.rfind("\n", 0, m.start())) + 1  # `整改` before `责任单位:`
        if label_role(m[1]) not in (LEAD, LISTED) or m.start() - start > 4:
            continue
        value = _TOKEN_RE.search(norm, m.end())  # the value, up to the space a flattened break left
        if value is None or not _NAMES_RE.fullmatch(value.group()) or is_time_part(value.group()):
            continue
        end = value.end()
        if i < len(labels) and label_role(labels[i][1]) == DUE and not norm[end : labels[i].start()].strip():
            due = _TOKEN_RE.search(norm, labels[i].end())
            end = due.end() if due is not None else labels[i].end()
            i += 1
        if end == len(norm) or norm[end].isspace():
            runs.append((start, end))
    return runs


def closed_blocks(lines: list[tuple[str, bool]]) -> tuple[list[tuple[str, bool]], list[int]]:
    """The lines with each block of problems closed by its own units line made one numbered item, or the lines
    as they were when the document is not written so; and each line's number among the lines given (1-based),
    so that a flattened line's items keep its number."""
    same = (lines, list(range(1, len(lines) + 1)))
    segments: list[tuple[int, int, int, bool]] = []  # (line, start, end, is a closing run)
    for k, (text, splittable) in enumerate(lines):
        runs = _closing_runs(normalise(text)) if splittable else []
        pos = 0
        for s, e in runs:
            segments += [(k, pos, s, False)] if text[pos:s].strip() else []
            segments.append((k, s, e, True))
            pos = e
        if text[pos:].strip():
            segments.append((k, pos, len(text), False))
    closing = [i for i, seg in enumerate(segments) if seg[3]]
    if len(closing) < 2:
        return same
    first = next(
        (
            (i, m.start())
            for i, (k, s, e, _) in enumerate(segments[: closing[0]])
            if lines[k][1] and (m := _FIRST_RE.search(normalise(lines[k][0]), s, e)) is not None
        ),
        None,
    )
    if first is None:
        return same
    blocks = [segments[first[0] : closing[0]]]
    blocks += [segments[a + 1 : b] for a, b in itertools.pairwise(closing)]
    texts = [[lines[k][0][s:e].strip() for k, s, e, _ in block] for block in blocks]
    texts[0][0] = lines[blocks[0][0][0]][0][first[1] : blocks[0][0][2]].strip()
    if not all(_opens_block(block) for block in texts[1:]) or not all(
        lines[k][1] for block in blocks for k, _, _, _ in block
    ):
        return same
    k0, s0 = blocks[0][0][0], blocks[0][0][1]
    out = [(line, k + 1) for k, line in enumerate(lines[:k0])]
    if lead_in := lines[k0][0][s0 : first[1]].strip():
        out.append(((lead_in, True), k0 + 1))
    for number, (block, segs, run) in enumerate(zip(texts, blocks, closing, strict=True), 1):
        k, s, e, _ = segments[run]
        out += [((f"{number}、{' '.join(block)}", False), segs[0][0] + 1), ((lines[k][0][s:e].strip(), False), k + 1)]
    # What follows the last closing line (the post's `(来源:…)`, its editors) is no block's: it is not read.
    return [line for line, _ in out], [n for _, n in out]


def _opens_block(texts: list[str]) -> bool:
    """A later block restarts its numbering at 1, or is one problem with no number at all."""
    if not texts:
        return False
    marker = line_marker(normalise(texts[0]))
    if marker is not None:
        return marker.value == 1
    return not any(_NUMBER_RE.search(normalise(text)) for text in texts)
