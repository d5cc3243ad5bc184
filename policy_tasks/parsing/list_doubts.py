"""Signs that the clause list itself was misread, for the review page's 待核对 mark.

`clause_doubts` marks clauses read with doubtful units; blind rounds 89–109 show that clauses the parse missed
altogether (two items run into one, a row flattened and dropped, the first items of a one-line copy lost) mostly left
no mark. What such a parse leaves behind is in the numbering: the clauses' own numbers, read from the lines they start
on, run 1, 2, 3 … under a heading, and a number of the same style that no clause starts with is an item the parse
did not read as a clause.

An item numbered as the clauses beside it (the same style, the value the run of clauses skips, or the next after its
last) that no clause starts with: when none holds it, the item was left unread (a table's rows after the third, round
91; a notice's `三、…县纪委监委将…` after the one item read, round 108; the catalogue categories `2.政策` of a flattened
table read as one clause, round 97); when a clause holds it at a line's start, right after that clause's own number,
that clause ran two items together. The numbers a one-line copy lost before its first clause read (the fourteen
`(1)…(14)` before the `(15)` read, round 98) are marked once, on that line.
An item that heads clauses of another level below it is a heading, not a missed clause; one whose sentences a clause
holds is read elsewhere (a table restating the notice's points); one left unread is marked only where its lines name a
unit (a field, a body as a subject, a unit cell): a notice's `二、…各单位要…` charges no one and is rightly no clause.
A run is the clauses in order with one number style and rising values; a number that starts again (1 under the next
heading) starts another run, and a run's numbers are looked for below its first clause up to the next run, or to the
first line numbered in another style that no clause holds (a heading the parse did not read as one).
A list of duties by department numbers nothing: there a paragraph opening with a department that starts no clause is
the sign (`department_paragraphs.unread_departments`, round 135).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .criterion_items import sanction_only
from .department_paragraphs import SIGN as DEPARTMENT_SIGN
from .department_paragraphs import unread_departments
from .org_ends import ORG_END_RE
from .outline import Marker, line_marker
from .plan_frames import frames_the_plan
from .result import ParsedDocument, ParsedTask, ParseWarning
from .serial_rows import SIGN as SERIAL_SIGN
from .serial_rows import serial_rows
from .supervising_offices import supervision_only
from .textutil import normalise
from .unit_names import looks_like_units

SIGNS = ("a numbered item outside every clause", "numbered items read as one", SERIAL_SIGN, DEPARTMENT_SIGN)

# Where an inline number can start an item: the line's start, or after a sentence's or a cell's end.
_BEFORE_INLINE = "。；;!！?？|:： \t"


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _own_marker(norm: str, task: ParsedTask) -> tuple[int, Marker] | None:
    """The number the clause starts with on its line, and where: at the line's start, or (a one-line copy) just
    before the clause's own first words."""
    opening = _compact(normalise(task.text))[:6]
    at_start = line_marker(norm)
    if at_start is not None and _opens(norm[at_start.end :], opening):
        return 0, at_start
    for k, marker in _inline_markers(norm):
        if _opens(norm[k + marker.end :], opening):
            return k, marker
    return None


def _opens(rest: str, opening: str) -> bool:
    """The words after a number are the clause's first words (a short heading line, `政务`, whole)."""
    words = _compact(rest)[:4]
    return bool(words) and (words == opening[:4] or opening.startswith(words))


def _inline_markers(norm: str) -> list[tuple[int, Marker]]:
    """Every number on the line that could open an item: at its start or after a sentence's end."""
    found = []
    for k in range(len(norm)):
        if k and norm[k - 1] not in _BEFORE_INLINE:
            continue
        if (marker := line_marker(norm[k:])) is not None and marker.style in ("cn", "pcn", "num", "pnum", "circled"):
            found.append((k, marker))
    return found


def _runs(tasks: Sequence[ParsedTask], norms: list[str]) -> list[list[tuple[int, int, int, Marker]]]:
    """Clauses in order as (task index, line index, offset, marker), cut into runs of one style with rising
    values: a clause with no number of its own, or a number that does not rise, starts another run."""
    runs: list[list[tuple[int, int, int, Marker]]] = [[]]
    for i, task in enumerate(tasks):
        at = task.line - 1
        own = _own_marker(norms[at], task) if 0 <= at < len(norms) else None
        if own is None:
            runs.append([])
            continue
        last = runs[-1][-1] if runs[-1] else None
        if last is None or last[3].style != own[1].style or own[1].value <= last[3].value:
            runs.append([])
        runs[-1].append((i, at, own[0], own[1]))
    return [run for run in runs if run]


def list_doubts(lines: Sequence[tuple[str, bool]], parsed: ParsedDocument) -> list[ParseWarning]:
    """Numbers of the clauses' own level, within their runs, that start no clause (see the module's note).
    Lines as `parsed` counts them (before renumbering)."""
    norms = [normalise(text).strip() for text, _ in lines]
    texts = [_compact(normalise(t.text)) for t in parsed.tasks]
    runs = _runs(parsed.tasks, norms)
    owned = {(at, k) for run in runs for _, at, k, _ in run}
    starts = {t.line - 1 for t in parsed.tasks}
    out: list[ParseWarning] = []
    for n, run in enumerate(runs):
        _, first_line, first_k, first = run[0]
        style, taken = first.style, {m.value for *_, m in run}
        top = max(taken)
        # The numbers a run skipped before its first clause are looked for on that clause's line only (a one-line
        # copy); the others below it, up to the next run or the first line numbered in another style that no
        # clause holds (a heading the parse did not read as one).
        for k, inline in _inline_markers(norms[first_line]):
            if k < first_k and inline.style == style and inline.value < first.value and (first_line, k) not in owned:
                if frames_the_plan(norms[first_line][k + inline.end :]):
                    continue  # `一、指导思想以…为指导`: no measure lost, rightly no clause (`plan_frames`)
                if any(a == first_line and k < kk < first_k for a, kk in owned):
                    continue  # `二、宣传到位: 1.…2.…三、…` run on: it heads clauses read on the line (round 143)
                out.append(_unread(first_line, norms[first_line][k:]))
                break
        end = runs[n + 1][0][1] if n + 1 < len(runs) else len(norms)
        for at in range(first_line + 1, end):
            found = line_marker(norms[at])
            if found is None or (at, 0) in owned:
                continue
            marker = found
            body = _compact(norms[at][marker.end :])
            holder = next((i for i, text in enumerate(texts) if body[:10] and body[:10] in text), None)
            if marker.style != style:
                if holder is None and at not in starts:
                    break  # a heading of another level ends the run's reach
                continue
            if marker.value in taken or not first.value < marker.value <= top + 1:
                continue
            if _heads_clauses(at, style, norms, starts) or _restated(norms[at][marker.end :], texts):
                continue
            if holder is None and (not _names_units(norms, at) or _supervision_only(norms, at, marker.end)):
                # An item charging no one is rightly no clause (a notice's `各单位要…`), nor is the issuing office's
                # own supervision (supervising_offices).
                continue
            top, taken = max(top, marker.value), taken | {marker.value}
            if holder is None:
                out.append(_unread(at, norms[at]))
            elif _value_of(parsed.tasks[holder], norms) == marker.value - 1:
                out.append(_glued(parsed.tasks[holder], at, norms[at]))
    # A list of duties by department numbers nothing: a paragraph opening with its department that starts no clause.
    return out + serial_rows(lines, parsed) + unread_departments(lines, parsed)


def _value_of(task: ParsedTask, norms: list[str]) -> int | None:
    at = task.line - 1
    own = _own_marker(norms[at], task) if 0 <= at < len(norms) else None
    return own[1].value if own is not None else None


def _heads_clauses(at: int, style: str, norms: list[str], starts: set[int]) -> bool:
    """The item heads clauses of another level: one starts below it before the next number of its own style."""
    for below in range(at + 1, len(norms)):
        marker = line_marker(norms[below])
        if marker is not None and marker.style == style:
            return False
        if below in starts:
            return True
    return False


# A unit as a sentence's subject (`县纪委监委将…`, `由区商务委牵头`), or a responsibility field.
_SUBJECT = re.compile(r"(?:^|[由,，。;；:：])([\u4e00-\u9fff]{3,15}?)(?:要|负责|牵头|将|会同)")
_FIELD = re.compile(r"(?:责任|牵头|主办|配合)(?:单位|部门|科室)\s*[:：]")
_VAGUE = re.compile(r"^(?:各|相关|有关|各相关|各有关)?(?:单位|部门|地方)$")


def _names_units(norms: list[str], at: int) -> bool:
    """The item's lines, up to the next numbered line, name a unit: a field, a body as a subject, or a line that is
    nothing but units (a table's unit cell)."""
    for below in range(at, len(norms)):
        line = norms[below]
        if below > at and line_marker(line) is not None:
            return False
        if _FIELD.search(line) or (below > at and len(line) <= 20 and looks_like_units(line)):
            return True
        subjects = (m.group(1) for m in _SUBJECT.finditer(line))
        if any(ORG_END_RE.search(x) and not _VAGUE.match(x) for x in subjects):
            return True
    return False


def _supervision_only(norms: list[str], at: int, start: int) -> bool:
    below = next((b for b in range(at + 1, len(norms)) if line_marker(norms[b]) is not None), len(norms))
    text = "\n".join([norms[at][start:], *norms[at + 1 : below]])
    # A 责任书's penalty term (`严格责任追究,…的,对…进行诫勉谈话`) is rightly no clause either (round 171).
    return supervision_only(text) or sanction_only(text)


def _restated(body: str, texts: list[str]) -> bool:
    """A sentence of the item, after its title, is a clause's: the item is read elsewhere (a table restating it)."""
    parts = [_compact(p) for p in re.split(r"[。；;]", body)[1:]]
    return any(len(p) >= 8 and any(p[:20] in text for text in texts) for p in parts)


def _unread(at: int, item: str) -> ParseWarning:
    return ParseWarning(
        None,
        at + 1,
        f"第{at + 1}行“{item[:20]}”与条款同级编号,未读作条款,请核对 (a numbered item outside every clause)",
    )


def _glued(holder: ParsedTask, at: int, item: str) -> ParseWarning:
    return ParseWarning(
        holder.number,
        at + 1,
        f"第{holder.label}条中含与其同级的编号“{item[:20]}”,可能是几条合在了一起,请核对 (numbered items read as one)",
    )
