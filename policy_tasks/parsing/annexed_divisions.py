"""A plan's prose followed by an annexed 分工表 that restates its measures as rows.

A notice often prints the plan (`1.…。(牵头单位:A;配合单位:B)`, or the measures with no units),
then, as `附件`, a `XX重点任务分工表`: 序号 / 重点任务 / 牵头单位 / 配合单位 / 完成时限, a row a measure,
its task cell the measure's words again (its first words, or the whole sentence). It is the same
plan twice, and a reviewer wants each measure once. The prose is the fuller statement (the whole
text, the headings it sits under, the dates in its sentences); the row says who does it. So a row
whose task opens a measure of the prose above the annex is that measure: the measure stands, the
row goes, and where the measure names no units of its own it takes the row's (its unit and time
lines: `牵头单位:A`, `完成时限:…`). Where both name units they agree in the genre; the prose's own
bracket stands, and where they do not the clause is flagged for the reviewer (`disagreeing`). A row restating a heading over the prose's clauses restates a measure those clauses
divide: the row goes and the heading stays a heading.

Only a table that restates: at least half of the annex's clauses open a measure of the prose. An annex of other tasks (a 任务清单 of its own, a project list) is left whole,
as is a row that restates nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .outline_node import Node
from .result import ParsedTask, ParseWarning
from .textutil import normalise
from .unit_names import unit_form
from .units import peek_responsibility

# A row's task shorter than this (`推进改革`) may open many sentences; a restated measure's first
# words say more.
_WORDS_MIN = 6
_DROPPED = re.compile(r"[\s,，、:：“”\"'()（）《》。;；]")
ANNEX_DISAGREES = (
    "附件分工表此行的责任单位与正文第{line}行所列不同，已按正文 (the annexed table names other units than the text)"
)
_CLOSING = "。；;，, \u3000"
_PART_END = re.compile(r"[。；;!！?？\n]|[)）〕】\]]")


# What a bracket says (`(责任单位:A)`, `(职业技术学院新校区)`): a row restating the measure may keep
# or leave it, and the prose may set its bracket mid-text (`…6.76万人(责任单位:A)此项工作已完成`).
_BRACKETED = re.compile(r"[(（〔【\[][^()（）〔〕【】\[\]]*[)）〕】\]]")


def _plain(text: str) -> str:
    return _DROPPED.sub("", _BRACKETED.sub("", normalise(text)))


def _task_words(row: Node) -> str:
    """The row's task cell: its first line, less the closing stop the table reader adds."""
    first = row.pieces[0][1] if row.pieces else ""
    return _plain(first.rstrip(_CLOSING))


def _names_units(node: Node) -> bool:
    lead, co = peek_responsibility(node.own_text).lead_and_co()
    return bool(lead or co)


def _openings(node: Node) -> list[tuple[int, str]]:
    """(where, plain text from there) of each place a measure of the item's text may open: its
    start, and after each sentence, line or bracket that closes (an item may hold two measures, each with
    its bracket: `…。(A牵头)…。(B牵头)`)."""
    text = normalise(node.own_text)
    cuts = [0, *(m.end() for m in _PART_END.finditer(text))]
    return [(cut, _plain(text[cut:])) for cut in cuts if text[cut:].strip()]


def disagreeing(tasks: Sequence[ParsedTask], restated: list[tuple[int, Node]]) -> list[ParseWarning]:
    """A warning on each clause whose annexed row names other units than the clause was read with
    (`restated`: the measure's line and its row, where the measure names units of its own): the
    text's stand, and a reviewer should see that the table says otherwise. Names are compared as
    the genre writes one name several ways (`unit_form`); an item read as several clauses is left."""

    def names(found: list[str]) -> set[str]:
        return {form.canonical if (form := unit_form(name)) else normalise(name) for name in found}

    out = []
    for line, row in restated:
        found = [t for t in tasks if t.line == line]
        lead, co = peek_responsibility("\n".join(text for _, text in row.pieces[1:])).lead_and_co()
        if len(found) != 1 or not (lead or co):
            continue
        task = found[0]
        if names(task.lead_units) != names(lead) or names([*task.lead_units, *task.co_units]) != names([*lead, *co]):
            out.append(ParseWarning(None, line, ANNEX_DISAGREES))
    return out


def _restated(row: Node, body: list[Node], used: set[tuple[int, int]]) -> tuple[Node, int] | None:
    """The first measure of the prose not yet matched whose text (or a measure within it) opens
    with the row's task words, where they say enough to tell it (six characters, or the whole of
    a short titled measure's title sentence, `普法与宣传。…`, or of a point's name before its bracket); an item with no sub-items before a
    heading that restates the same words."""
    words = _task_words(row)
    if len(words) < 2:
        return None
    found = []
    for node in body:
        for cut, plain in _openings(node):
            if (id(node), cut) in used or not plain.startswith(words):
                continue
            opening = normalise(node.own_text)[cut:]
            title = _plain(opening.split("。")[0])
            # A point named before its bracket or colon (`联盛快乐城(责任单位:X):…`, an inspection bulletin's point):
            # the row names it so.
            name = _plain(re.split(r"[(（:：]", opening, maxsplit=1)[0])
            if len(words) >= _WORDS_MIN or words in (title, name):
                found.append((node, cut))
                break
    return next(((n, c) for n, c in found if not n.children), found[0] if found else None)


def with_annexed_rows_merged(
    root: Node, clauses: list[Node], restated: list[tuple[int, Node]] | None = None
) -> list[Node]:
    """`clauses` with each annexed row that restates a measure of the prose replaced by that
    measure (given the row's unit and time lines where it names no units), where the annex
    restates the prose (at least half of its clauses). `restated` is given (line, row) of each
    measure that names its own units, for `disagreeing`."""
    annex_parts = sorted({n.part for n in clauses if n.part > 0})
    for part in annex_parts:
        rows = [n for n in clauses if n.part == part]
        # A heading over chosen clauses is a measure its clauses divide: a row restating it goes, and
        # the heading stays a heading.
        over = {id(a) for n in clauses for a in n.ancestors()}
        body = [n for n in root.walk() if n.part < part]
        used: set[tuple[int, int]] = set()
        pairs: list[tuple[Node, Node]] = []
        for row in rows:
            match = _restated(row, body, used)
            if match is not None:
                used.add((id(match[0]), match[1]))
                pairs.append((row, match[0]))
        if not pairs or len(pairs) * 2 < len(rows):
            continue
        if restated is not None:
            restated.extend((m.line, r) for r, m in pairs if id(m) not in over and _names_units(m))
        clauses = _merged(root, clauses, pairs, over)
    return clauses


def _merged(root: Node, clauses: list[Node], pairs: list[tuple[Node, Node]], headings: set[int]) -> list[Node]:
    dropped = {id(row) for row, _ in pairs}
    pairs = [(row, measure) for row, measure in pairs if id(measure) not in headings]
    rows_of = Counter(id(measure) for _, measure in pairs)
    for row, measure in pairs:
        if rows_of[id(measure)] > 1 and not _names_units(measure):
            # An item of several measures that names no units: its rows say who does each.
            dropped.discard(id(row))
            continue
        if not _names_units(measure):
            # The row's unit and time lines (all but its task) become the measure's.
            measure.pieces = [*measure.pieces, *row.pieces[1:]]
    kept = [n for n in clauses if id(n) not in dropped]
    added = [m for _, m in pairs if rows_of[id(m)] == 1 or _names_units(m)]
    added = [m for m in dict.fromkeys(added) if m not in kept]
    # A heading chosen over the measures the table restates (the rows drew the level up, or its
    # bracket names the units its items share) is a heading: the measures under it are the clauses.
    over = {id(a) for m in added for a in m.ancestors()}
    kept = [n for n in kept if id(n) not in over]
    order = {id(n): i for i, n in enumerate(root.walk())}
    return sorted([*kept, *added], key=lambda n: order[id(n)])
