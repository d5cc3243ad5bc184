"""A digest's tasks counted by the unit that leads them: `有3项由A牵头,分别是X;Y;Z`.

A news digest of a 重点工作部门分工 (a health paper retelling the items of the State Council's breakdown that fall to
its sector, round 137) numbers nothing and keeps no bracket. It groups the tasks by the body that leads them, counts
them and lists them after `分别是`, a `;` between two tasks:

    需要国家卫生健康委参加的工作共计12项,有3项由国家卫生健康委牵头,分别是抓好传染病、地方病防治,做好常见慢性病
    防治;抓好青少年近视防治;完善生育配套政策,加强妇幼保健服务。

That is the breakdown grouped by lead unit, as a 分工 list's `一、县示范区管委会牵头工作(8项)` heading is (`carried_units`),
written in one sentence: each listed task is a clause, the unit before `牵头` leads it alone (all the units before it,
where several are: as before `等牵头`), and `负责` in its place names the units as a bracket lists them (the first
leads). The count is the list's own check: the tasks are the parts the list's separator cuts it into, `;` first,
then `,` or `、` for short tasks, whichever gives as many parts as the count says; a list whose parts no separator
makes agree with its count is not read (a reader could not tell where one task ends), nor is one of fewer than two.
The digest's other sentences (the total a body takes part in, `共计12项`; its lead's summary) are no tasks. The same
digest retells the other tasks a sentence each, `完善药品集中采购和使用机制,由A、B、C等分工负责。` (`retold_brackets`):
those are its tasks too, in order after the counted ones, a reporter's `例如,` no part of the task.

It is only a fallback, for a document in which no numbered item holds the clauses (`unnumbered_items`): each counted
list is a heading of its own (the counted sentence, the text before it on its line the page's lead or the item
before's tail), its tasks the clauses below it, numbered on through the document as the digest lists them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lazy_patterns import lazy_compile
from .outline_lines import Outline
from .outline_node import Node
from .responsibility import Responsibility
from .textutil import normalise, split_top, strip_span
from .unit_labels import LEAD, LISTED
from .unit_lists import split_names
from .unit_names import TRIM, VAGUE_RE, looks_like_units

_COUNT = r"(?P<count>\d{1,2}|[一二两三四五六七八九十]{1,3})"
_NAMES = r"(?P<names>[\u4e00-\u9fff()、]{2,40}?)"
_ROLE = r"(?P<role>牵头|负责|主办)"
# `有3项由A牵头,分别是`, `其中4项由A负责,分别为:`; `A牵头的有3项,分别是`.
_COUNTED_RE = lazy_compile(
    rf"(?:(?:有|其中|其中有)?{_COUNT}项(?:工作|任务|事项)?由{_NAMES}{_ROLE}(?:负责)?"
    rf"|由?{_NAMES.replace('names', 'names2')}(?P<role2>牵头|负责|主办)(?:负责)?的(?:工作|任务|事项)?(?:有|共)?"
    rf"{_COUNT.replace('count', 'count2')}项)"
    r"\s*[,:]?\s*分别(?:是|为|包括)\s*[:,]?\s*",
    needs="分别 & 项",
)
_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SEPARATORS = (";", ",", "、")
# Where a counted sentence opens: the line's start, or after a sentence's or a comma part's end.
_OPENS_AFTER = "。;!?,:"
# A reporter's words before a retold task (`例如,完善…`): no part of the task.
_CONNECTIVE_RE = lazy_compile(r"^\s*(?:例如|比如|譬如|又如|再如|其中|另外|此外|同时)\s*[,:]\s*")
_CN_DIGITS = "一二三四五六七八九十"


@dataclass(frozen=True)
class CountedList:
    """One counted list in a line: where its heading (the counted sentence) starts and ends, its tasks' spans."""

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]


def _number(written: str) -> int:
    if written.isdigit():
        return int(written)
    if written == "十":
        return 10
    tens, _, ones = written.partition("十")
    if "十" not in written:
        return _NUMERALS.get(written, 0)
    return (_NUMERALS.get(tens, 1) if tens else 1) * 10 + (_NUMERALS.get(ones, 0) if ones else 0)


def _unit_names(names: str) -> bool:
    names = names.strip(TRIM)
    return looks_like_units(names) and not any(VAGUE_RE.search(n) or n.startswith("各") for n in names.split("、"))


def _parts(norm: str, start: int, end: int, count: int) -> tuple[tuple[int, int], ...] | None:
    """The tasks of `norm[start:end]`, cut by the first separator that gives `count` parts, or None."""
    for sep in _SEPARATORS:
        spans = [strip_span(norm, s, e, TRIM + "。") for s, e in split_top(norm, sep, start, end)]
        spans = [(s, e) for s, e in spans if e > s]
        if len(spans) == count:
            return tuple(spans)
    return None


def counted_lists(norm: str) -> list[CountedList]:
    """The counted lists of a line (`有3项由A牵头,分别是X;Y;Z。`) whose tasks agree with their count."""
    found: list[CountedList] = []
    for m in _COUNTED_RE.finditer(norm):
        opens = m.start()
        if opens > 0 and norm[opens - 1] not in _OPENS_AFTER:
            continue
        names = m["names"] or m["names2"]
        count = _number(m["count"] or m["count2"])
        if count < 2 or not _unit_names(names):
            continue
        stop = re.compile(r"[。!?\n]").search(norm, m.end())
        end = stop.start() if stop is not None else len(norm)
        parts = _parts(norm, m.end(), end, count)
        if parts is not None and (not found or opens >= found[-1].parts[-1][1]):
            found.append(CountedList(opens, m.end(), parts))
    return found


def counted_heading(text: str) -> Responsibility | None:
    """The units a counted list's heading (`有3项由国家卫生健康委牵头,分别是`) charges its tasks with, or None."""
    norm = normalise(text).strip()
    m = _COUNTED_RE.fullmatch(norm)
    if m is None or not _unit_names(names := m["names"] or m["names2"]):
        return None
    at = m.start("names") if m["names"] else m.start("names2")
    found = Responsibility(origin="上级标题")
    found.roles[LEAD if (m["role"] or m["role2"]) == "牵头" else LISTED] = split_names(text, norm, at, at + len(names))
    return found if found.found else None


def counted_outline(lines: list[tuple[str, bool]], retold: set[int]) -> Outline | None:
    """The outline of a digest holding counted lists (a heading each, its tasks below it) and, at the top level,
    the lines at `retold` (indexes of paragraphs retelling a task's bracket, `label_items`), or None when no line
    holds a counted list. Line numbers are the lines' (1-based)."""
    lists = {k: found for k, (text, _) in enumerate(lines) if (found := counted_lists(normalise(text)))}
    if not lists:
        return None
    outline = Outline()
    root = outline.root
    headings = values = 0

    def aside(number: int, piece: str) -> None:
        if piece.strip():
            (outline.loose if root.children else outline.header).append((number, piece.strip()))

    def item(number: int, piece: str, parent: Node) -> None:
        nonlocal values
        values += 1
        node = Node("num", values, str(values), number, parent, raw_first=f"{values}、{piece}")
        node.pieces.append((number, piece))
        parent.children.append(node)

    for k, (text, _) in enumerate(lines):
        number = k + 1
        if k in lists:
            at = 0
            for counted in lists[k]:
                aside(number, text[at : counted.start])
                headings += 1
                written = _CN_DIGITS[headings - 1] if headings <= len(_CN_DIGITS) else str(headings)
                heading_text = text[counted.start : counted.end].strip()
                heading = Node("cn", headings, written, number, root, raw_first=f"{written}、{heading_text}")
                heading.pieces.append((number, heading_text))
                root.children.append(heading)
                for s, e in counted.parts:
                    item(number, text[s:e], heading)
                at = counted.parts[-1][1]
            aside(number, text[at:].lstrip("。;"))
        elif k in retold:
            connective = _CONNECTIVE_RE.match(normalise(text))
            item(number, text[connective.end() if connective else 0 :].strip(), root)
        else:
            aside(number, text)
    return outline if values >= 2 else None
