"""A progress report's numbered list under a progress label: what was done, not sub-items.

A progress report on a year's plan (a 民生实事 进展情况, a 重点工作 推进情况) writes each item's task
with its targets (`一、保障好重点群体就业,开展…培训2万人次…。`), then, under a label, what has been
done so far: `推进情况:1.全市统筹开展补贴性职业技能培训5585人次。` with `2.…` and `3.…` as
paragraphs of their own, or the label alone on its line (`进展情况:`) and the list below it. The
numbers under the label count the item's achievements. They are neither its measures nor clauses,
just as a 推进情况 column of a table or a `推进情况:` line of prose is progress, not a task. So where
a line of an item's body is such a label and opens a list (its `1.` on the label line, or nothing
after the label and the list's `1.` next), the items of that list are folded back into the item's
text. The item is then read as any item without sub-items is: a clause where it is at the clause
level, its units (if any) its own. The label line is the item's even where the item has already
named its units (`(一)…(责任单位:A)` / `推进情况:1.…`), as its responsibility lines are. The figures
the list reports (`开展农业技能技术培训484人次`) are done, not due: from its label to the next field of
the item, no milestone is read (`progress_spans`); nor in a progress label's paragraph that opens by saying the
work is settled (`办理情况:已办结。该工程于…开工建设`, round 111).

A list numbered in the style of the items themselves (`1.…(责任单位:A)` / `推进情况:1.…` / `2.…`) is
not told from the next item: its `2.` closes the item, as any `2.` does.

The label must be a line of the item's body, not the item's own heading: `三、工作完成情况` heads a
section of a report, and its sub-items are read as usual. Labels for what is still to come
(`下一步计划:`, `进度安排:`) open no progress list.
"""

from __future__ import annotations

import re

from .outline import line_marker
from .outline_node import Node
from .textutil import normalise

# `推进情况:` / `进展情况:` / `完成情况:` / `落实情况:` / `工作进展:` / `目前进展:`, alone or before the list's
# first number. The colon may be missing only where the label stands alone on its line.
_LABEL_RE = re.compile(
    r"^\s*(?:(?:工作|目前|当前|实际|总体|项目)?(?:推进|进展|完成|落实|实施|办理)情况|(?:工作|目前|当前|最新)?进展)"
    r"\s*(?::\s*(?P<rest>.*)|$)",
    re.DOTALL,
)
# Another field of the item after the label (`下一步计划:`, `存在问题:`): the list below is that field's.
_FIELD_RE = re.compile(r"^\s*[\u4e00-\u9fff]{2,10}\s*:")


def _opens_list(line: str) -> tuple[str | None, tuple[int, ...]] | None:
    """(the list's style or None, the numbers its next item may carry) where `line` is a progress
    label opening a list: alone (any style, from 1), or before the list's `1.` (that style, from 2; or
    from 1 again where Word's automatic numbering drew the items after the typed `1.` as a list of
    their own, counting from 1)."""
    m = _LABEL_RE.match(line)
    if m is None:
        return None
    rest = (m["rest"] or "").strip()
    if not rest:
        return None, (1,)
    marker = line_marker(rest)
    if marker is None or marker.value != 1:
        return None  # `推进情况:目前累计完成…`: a sentence of progress, no list
    return marker.style, (2, 1)


def opens_progress_list(norm: str) -> bool:
    """Whether a (normalised) line is a progress label opening a list: the line belongs to the item
    above it even after the item named its units (`outline_lines`), so that the list folds into it."""
    return _opens_list(norm.strip()) is not None


def _list_start(node: Node) -> tuple[str | None, tuple[int, ...]] | None:
    """Where the node's body opens a progress list: (the list's style, the numbers its first sub-item
    may carry). The style is None where the label stands alone (any style starting at 1)."""
    body = [normalise(text) for _, text in node.pieces[1:]]
    for k in range(len(body) - 1, -1, -1):
        if _LABEL_RE.match(body[k]):
            return _opens_list(body[k])
        if _FIELD_RE.match(body[k]):
            return None
    return None


def _flattened(node: Node) -> list[tuple[int, str]]:
    pieces = [(node.line, node.raw_first or node.written), *node.pieces[1:]]
    for child in node.children:
        pieces += _flattened(child)
    return pieces


def fold_progress_lists(root: Node) -> None:
    """Fold each progress list (the run of numbered sub-items after an item's progress label) into
    the item's own text, in place."""
    for node in list(root.walk()):
        if not node.children or len(node.pieces) < 2:
            continue
        start = _list_start(node)
        if start is None:
            continue
        style, starts = start
        first = node.children[0]
        if first.style != (style or first.style) or first.value not in starts:
            continue
        run = 1
        for child in node.children[1:]:
            if child.style != first.style or child.value != first.value + run:
                break
            run += 1
        for child in node.children[:run]:
            node.pieces += _flattened(child)
        node.children = node.children[run:]


# `办理情况:已办结。该工程于2017年4月20日开工建设…`: a progress label whose value opens by saying the work is settled
# reports it, dates and all (a proposal bulletin's paragraph, round 111).
_DONE_RE = re.compile(r"^\s*(?:已|均已)(?:办结|完成|办理完毕|落实|解决)[。,;]")


def _reports_done(line: str) -> bool:
    m = _LABEL_RE.match(line)
    return m is not None and bool(_DONE_RE.match(m["rest"] or ""))


def progress_spans(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that are a progress list (a label opening a list, up to the next field
    line of the item or the end): what was done, where no milestone is read."""
    norm = normalise(text)
    spans: list[tuple[int, int]] = []
    start: int | None = None
    at = 0
    for line in norm.split("\n"):
        if start is None:
            if _opens_list(line) is not None or _reports_done(line):
                start = at
        elif _FIELD_RE.match(line) and _opens_list(line) is None:
            spans.append((start, at - 1))
            start = None
        at += len(line) + 1
    if start is not None:
        spans.append((start, len(norm)))
    return spans
