"""Unnumbered assignments, each part opening with who leads it: a meeting's orders as reported.

A county's government office publishes what a work meeting (推进会, 调度会) decided as one paragraph of its
account, with no numbering at all: the meeting's or its chair's lead-in, then the orders joined by
semicolons, each opening with its own assignment:

    …,县长某某要求,由A牵头,B、C配合,在9月底前完成…;由D牵头,E配合,在12月底前完成…;由F负责,…。
    其他涉及部门要积极配合,…。

Each part that opens so (`由A牵头` / `由A负责`, or `A牵头` / `A负责` with no 由), the units read as the
responsibility reader reads them, is an item of its own: a `;`-separated part, a sentence, or a line. An
item runs up to the next one; the last ends with its sentence, and what follows it (an exhortation to the
departments in general, the attendance) is none, as is the account's text before the first (the date,
the meeting's purpose, the lead-in); a project of a list by the unit in charge (`由A负责的…项目;`,
`charged_projects`) ends at its own separator, a photo caption or the next category's group phrase after it
none of its text (round 98). Two such parts at least make the list: a single assignment in prose
is a news item's sentence, no list of orders. An order may name its task before who leads it, and a
person who 牵头 with the unit that 落实 (`九重区域环境整治由王某某牵头,九重镇落实`, `task_first_orders`). It is only a fallback, for a document in which no numbered
item and no label-led line holds the clauses (document.py); the items are numbered in order, as
`label_items` numbers its lines.
"""

from __future__ import annotations

import re

from .charged_projects import charged_project_parts, charged_project_starts
from .day_orders import campaign_sentences, day_opening_end
from .department_paragraphs import department_starts, opens_department
from .lazy_patterns import lazy_compile
from .leader_orders import LEAD_IN, closing_leader
from .meeting_demands import meeting_demands
from .outline_lines import Outline
from .outline_node import Node
from .role_sentences import opening_subject
from .subject_runs import subject_run_starts
from .task_first_orders import order_opening
from .textutil import normalise
from .theme_phrases import theme_end, theme_start
from .units import peek_responsibility

# Where a part may open: a line's start, after a sentence's or a semicolon's end, and after the lead-in
# that gives the orders (`某某要求,`, `会议明确:`, a colon). A report's lead-in to orders closing with their
# leaders (`。这14件建议中,`, `leader_orders`) is tried first, so that it is no part of the first order.
_PART_START_RE = lazy_compile(
    rf"(?:(?:^|[。;!?:])\s*{LEAD_IN}|^|[。;!?]|(?:要求|强调|指出|明确|决定|议定|部署|确定|提出)[,:]|:)\s*"
)
_SENTENCE_END_RE = lazy_compile(r"[。!?]")
_PART_END_RE = re.compile(r"[。;]")


def _opens_with_assignment(norm: str, start: int) -> bool:
    """Whether the part of `norm` from `start` to its `;` or sentence end opens with its assignment in
    prose (`由A牵头,B配合,…`, `由A牵头,<task>`, `A负责…`): a lead unit named right at its start."""
    end = re.search(r"[。;!?]", norm[start:])
    part = norm[start : start + end.start() if end else len(norm)]
    read = peek_responsibility(part)
    if read.found:
        # The assignment at the part's start, or right after the task it names first (`<task>由A牵头,B落实`).
        at_start = bool(read.spans) and (read.spans[0][0] == 0 or order_opening(part) is not None)
        return read.origin == "正文" and at_start and bool(read.lead_and_co()[0])
    # The lead named alone (`由A牵头,在9月底前完成…`, `A负责,…`), as an item's opening subject reads it.
    span = opening_subject(part)
    opens = 1 if part.startswith("由") else 0  # the names right at the start, after 由 if it is written
    if span is not None and span[0] == opens and part.startswith(("负责", "牵头"), span[1]):
        return True
    # A 指挥部's order naming its task first or its own body short (`<task>由王某某牵头,…`, `督导组负责…`), or a
    # proposal's closing with the leader who takes it on (`关于…的建议,由副省长某某领办`).
    return order_opening(part) is not None or closing_leader(part) is not None


def _item_starts(norm: str) -> list[int]:
    starts: list[int] = []
    for m in _PART_START_RE.finditer(norm):
        if m.end() < len(norm) and (not starts or m.end() > starts[-1]) and _opens_with_assignment(norm, m.end()):
            starts.append(m.end())
        elif (day := day_opening_end(norm, m.end())) is not None and _opens_with_assignment(norm, day):
            starts.append(m.end())  # `4月7日,由A负责…`: the order's day before it (`day_orders`, round 160)
    # `…:A负责的…项目;B负责的…工程`: a 督办 list of projects by their units (`charged_projects`), whose
    # places and zones (`灵武市负责的…`) no charge above reads.
    # `市住建局要在8月底完成…。市机场建管公司12月中旬…`: a run of sentences each opening with its unit and carrying its
    # own deadline (`subject_runs`, round 114).
    return sorted(set(starts + charged_project_starts(norm) + subject_run_starts(norm)))


def charged_parts_outline(lines: list[tuple[str, bool]]) -> Outline | None:
    """The outline of a document whose items are parts each opening with their own assignment, or
    None when fewer than two parts open so. Line numbers are the lines' (1-based)."""
    found = [(number, start) for number, (text, _) in enumerate(lines, 1) for start in _item_starts(normalise(text))]
    # `区委农办要…` among `区住建局负责…` paragraphs: a list of duties by department opens each paragraph at its
    # department, whatever verb charges it, and the paragraph is the department's whole (`…。同时负责…` no part of
    # its own, but a department's run into it where a copy lost the break; `department_paragraphs`, round 135).
    paragraphs = department_starts(lines)
    whole = {number for number, _ in paragraphs}
    inner = [(n, s) for n, s in found if n not in whole or opens_department(normalise(lines[n - 1][0]), s)]
    # `会议要求,各乡办要…;转变思路,…,各乡办要…`, `会议要求,全镇要…;各村要…`: a meeting's demands numbering none, each
    # with its subject (`meeting_demands`, rounds 162 and 163).
    found = sorted(set(inner + paragraphs + meeting_demands(lines).starts))
    if len(found) < 2:
        return None
    # Two day-led orders make a campaign report's list: its sentences charging bodies are orders too, each ending
    # with its sentence (`day_orders`, round 160).
    campaign: dict[tuple[int, int], int] = {}
    days = [(n, s) for n, s in found if day_opening_end(normalise(lines[n - 1][0]), s) is not None]
    if len(days) >= 2:
        for n, (text, _) in enumerate(lines, 1):
            campaign.update({(n, s): e - 1 for s, e in campaign_sentences(normalise(text))})
        found = sorted(set(found) | set(campaign))
        # A day's order ends with its part: the next sentence's lead-in (`此外,`) is no part of it.
        for n, s in days:
            part_end = _PART_END_RE.search(normalise(lines[n - 1][0]), s)
            campaign.setdefault((n, s), part_end.start() if part_end else len(lines[n - 1][0]) - 1)
    # `聚焦“绿色转型”,。由A负责的…`: the theme opening the paragraph opens its part (`theme_phrases`).
    themed = {(n, s): theme_start(normalise(lines[n - 1][0]), s) for n, s in found}
    found = [(number, themed[number, start]) for number, start in found]
    outline = Outline()
    first_line = found[0][0]
    last_line = found[-1][0]
    # A project of a list by the unit in charge (`charged_projects`) ends at its separator: what follows it
    # up to the next part (a photo caption, the next category's group phrase) is no part of it.
    ends = {(n, s): e for n, (text, _) in enumerate(lines, 1) for s, e in charged_project_parts(normalise(text))}
    ends.update(campaign)
    ends.update({(n, themed[n, s]): e for (n, s), e in list(ends.items()) if (n, s) in themed})
    node: Node | None = None
    closed = False  # the current item is a project whose part has ended
    for number, (text, _) in enumerate(lines, 1):
        if not text.strip():
            continue
        starts = [start for line, start in found if line == number]
        if number < first_line:
            outline.header.append((number, text.strip()))
            continue
        if number > last_line:
            outline.loose.append((number, text.strip()))
            continue
        cuts = [0, *starts] if starts else [0]
        for i, start in enumerate(cuts):
            stop = cuts[i + 1] if i + 1 < len(cuts) else len(text)
            end = min(ends[number, start] + 1, stop) if start in starts and (number, start) in ends else stop
            piece, rest = text[start:end].strip(), text[end:stop].strip()
            if not piece:
                continue
            if start in starts:
                value = len(outline.root.children) + 1
                node = Node("num", value, str(value), number, outline.root, raw_first=f"{value}、{piece}")
                node.pieces.append((number, piece))
                outline.root.children.append(node)
                closed = (number, start) in ends
                if rest:
                    outline.loose.append((number, rest))
            elif node is None:
                outline.header.append((number, piece))
            elif closed:
                outline.loose.append((number, piece))
            else:
                node.pieces.append((number, piece))
    if last_line not in whole:  # a department's paragraph ends with its line
        _end_last_item(outline)
    return outline


def _end_last_item(outline: Outline) -> None:
    """The last item ends with its sentence: the text after it on its line, and the lines after, are loose."""
    last = outline.root.children[-1]
    line, text = last.pieces[-1]
    norm = normalise(text)
    # A theme opening the paragraph is no sentence of the item's own (`聚焦“社会治理”。由A负责的…`).
    end = _SENTENCE_END_RE.search(norm, theme_end(norm) if len(last.pieces) == 1 else 0)
    if end is not None and text[end.end() :].strip():
        last.pieces[-1] = (line, text[: end.end()].strip())
        outline.loose.insert(0, (line, text[end.end() :].strip()))
