"""A 督办 list of projects, each named after the unit that answers for it: `A负责的…项目;B负责的…工程`.

A notice on the key projects city leaders 包抓 (a 督办 or 通报 on how they progress) lists the projects
that lag, not yet started or behind plan, by the unit in charge of each, as one `;`-separated run,
often after a colon that counts them:

    …未开工项目6个:灵武市负责的A项目和B2个项目;市住建局负责的C工程;市教育局负责的D项目和E工程2个项目;
    苏银产业园负责的F项目。

The unit is written as an attribute of its projects (`X负责的<project>`, also `由X负责的`, `X牵头负责的`,
`X牵头的`), not as the subject of a charge: each part is what that unit must catch up on, a clause led
by X, as a meeting's order opening `由A牵头,…` is (round 62, `charged_parts`). X is a unit, a place standing
for its government (`灵武市`, `经开区`) or a zone run by its own administration (`苏银产业园`); listed with
`、`, the first leads. So:

- two such parts at least, one after another, each up to its `;` (or `。`, or a line's end), make the
  list; the words before the first (the report's figures, the colon's lead-in) and after the last are
  no part of it. A report of projects by category gives each category a paragraph that opens with the
  group it counts (`民生保障类4项实事中,由A负责的…;由B负责的…`, as `其中,` or `这14件建议中,` open a list of
  orders, `leader_orders.LEAD_IN`): the group phrase is the paragraph's, no part of its first project, and
  a copy that ran the paragraphs into one line holds a run for each (round 98). `split_at_charged_projects`
  reads them for a numbered item that holds the list, `charged_project_starts` for `charged_parts`, where
  nothing is numbered;
- what follows `负责的` names the projects, and a figure in it counts them (`A和B2个项目`): done, no target
  (`charged_project_spans`, masked from the milestones); a time the part goes on to set (`,6月底前开工`) dates it.

Not such a part: the people a unit puts on the work (`各单位负责的同志要…`) or its work in general (`市住建局负责的
工作要抓紧推进`), which name no project: the words after `负责的` must name a thing of their own; nor a group
(`各单位`, `相关部门`), a list naming each unit.
"""

from __future__ import annotations

import re

from .clause import Clause, cut_clause
from .decided_items import EXAMPLE_LEAD_RE, numbered_item_parts, quoted_spans, report_spans
from .lazy_patterns import lazy_compile
from .leader_orders import LEAD_IN
from .person_names import NAMED_PLACE_RE, is_person
from .responsibility import Responsibility
from .role_sentences import reads_as_units
from .textutil import normalise
from .theme_phrases import theme_end
from .unit_labels import LEAD, LISTED
from .unit_lists import split_names
from .unit_names import VAGUE_RE, looks_like_units

# `由X负责的`, `X牵头负责的`, `X牵头的`: the unit before its projects. The names are the shortest run of
# name characters before the verb (`市住建局、市交通局负责的…` lists two).
_OWNER_RE = lazy_compile(
    r"由?(?P<names>[\u4e00-\u9fff()、]{2,30}?)(?P<verb>(?:牵头)?负责的|牵头的)", needs="负责的|牵头的"
)
# What names no project: persons the unit puts on it, or its work in general.
_GENERIC_RE = lazy_compile(
    r"(?:同志|领导|人员|干部|负责人|联络员|工作|事项|任务|方面|领域|范围|部分|内容|环节|职责|相关|有关|其他|其它)"
)
# A zone run by its own administration, listed among the units (`苏银产业园`, `经开区`).
_ZONE_RE = lazy_compile(r"[\u4e00-\u9fff]{1,8}(?:产业园|工业园|园区|开发区|新区|示范区|集聚区|产业园区)")
# A group phrase opening a category's paragraph, counting its projects (`民生保障类4项实事中,`, `其中,`): the list's
# lead-in, as a colon's is.
_GROUP_RE = lazy_compile(
    rf"\s*(?:{LEAD_IN}|[^,;。:!?由]{{0,12}}?(?:\d+|[一二两三四五六七八九十]{{1,3}})\s*(?:项|件|个|批)[^,;。:!?由\d]{{0,8}}?中,)"
)
# The list's separators: a part ends at its `;`, a sentence's end, or a line's end.
_SEPARATOR_RE = re.compile(r"[;。!?\n]")


def _is_owner(name: str) -> bool:
    if name.startswith(("各", "全")) or VAGUE_RE.search(name) or is_person(name):
        return False
    return (
        reads_as_units(name)
        or looks_like_units(name)
        or bool(NAMED_PLACE_RE.fullmatch(name))
        or bool(_ZONE_RE.fullmatch(name))
    )


def _owner(norm: str, start: int, end: int) -> re.Match[str] | None:
    """The `X负责的` opening the part `norm[start:end]`, when X names units and the words after it a project."""
    m = _OWNER_RE.match(norm, start, end)
    if m is None or not all(_is_owner(n.strip()) for n in m["names"].split("、")):
        return None
    thing = norm[m.end() : end].split(",", 1)[0].strip()
    if len(thing) < 4 or _GENERIC_RE.match(thing):
        return None
    return m


def _segments(norm: str) -> list[tuple[int, int]]:
    # A quoted decided item's own `。` ends no part (`decided_items`).
    quoted = quoted_spans(norm)
    bounds, start = [], 0
    for sep in _SEPARATOR_RE.finditer(norm):
        if any(a <= sep.start() < b for a, b in quoted):
            continue
        bounds.append((start, sep.start()))
        start = sep.end()
    bounds.append((start, len(norm)))
    return [(s, e) for s, e in bounds if norm[s:e].strip()]


def _end_outside_quotes(norm: str, start: int) -> int:
    """Where the part from `start` ends: its first separator outside a quoted decided item."""
    quoted = quoted_spans(norm)
    for sep in _SEPARATOR_RE.finditer(norm, start):
        if not any(a <= sep.start() < b for a, b in quoted):
            return sep.start()
    return len(norm)


def charged_project_parts(norm: str) -> list[tuple[int, int]]:
    """The spans of the parts of each run of two or more `X负责的<project>` parts in `norm` (normalised
    text), each from its unit to its end before the separator; empty when there is none. A run's first
    part may follow a lead-in closing with a colon (`未开工项目6个:`), or a group phrase that counts the
    projects (`民生保障类4项实事中,`)."""
    runs: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for s, e in _segments(norm):
        s += len(norm[s:e]) - len(norm[s:e].lstrip())
        if numbered := numbered_item_parts(norm, s, e, _is_owner):
            # `由A负责的第1件、B负责的第4件…进展滞后`: a bulletin's lagging items by number (`decided_items`).
            runs += run if len(run) >= 2 else []
            runs += numbered
            run = []
            continue
        if run and _owner(norm, s, e) is not None:
            run.append((s, e))
            continue
        if len(run) >= 2:
            runs += run
        colon = norm.rfind(":", s, e)
        first = colon + 1 if colon >= 0 else s
        if (group := _GROUP_RE.match(norm, first, e)) is not None:
            first = group.end()
        first += len(norm[first:e]) - len(norm[first:e].lstrip())
        if _owner(norm, first, e) is None:
            # `…需要加快推进落实事项3件,如A负责的“…”`: an example's `如` leads in as a colon does (`decided_items`).
            leads = [m.end() for m in EXAMPLE_LEAD_RE.finditer(norm, first, e) if _owner(norm, m.end(), e) is not None]
            first = leads[-1] if leads else first
        run = [(first, e)] if _owner(norm, first, e) is not None else []
    return runs + run if len(run) >= 2 else runs


def charged_project_starts(norm: str) -> list[int]:
    """Where each part of such a list starts (`charged_parts` takes them as a meeting's orders)."""
    return [s for s, _ in charged_project_parts(norm)]


def split_at_charged_projects(clause: Clause) -> list[Clause]:
    """The clause (`clause.Clause`) as one clause per part of the list it holds, labelled `一-1`, `一-2`;
    else as it is. The item's words around the list (its heading, the report's figures) are no part."""
    parts = charged_project_parts(normalise(clause.text))
    if not parts:
        return [clause]
    return cut_clause(clause, parts)


def project_charge(text: str) -> Responsibility | None:
    """The unit a part of such a list opens with (`灵武市负责的…项目`), as the part's responsibility."""
    norm = normalise(text)
    start = theme_end(norm)  # `聚焦“绿色转型”,。由A负责的…`: the paragraph's theme before its project
    stop = _SEPARATOR_RE.search(norm, start)
    m = _owner(norm, start, stop.start() if stop else len(norm))
    if m is None:
        return None
    found = Responsibility(origin="正文开头")
    found.roles[LEAD if m["verb"].startswith("牵头") else LISTED] = split_names(
        text, norm, m.start("names"), m.end("names")
    )
    found.spans.append((m.start("names"), m.end("names")))
    return found if found.found else None


def charged_project_spans(text: str) -> list[tuple[int, int]]:
    """The project words of a part opening `X负责的…` up to its first comma or end: what a figure
    there counts (`A和B2个项目`) is named, not due."""
    norm = normalise(text)
    start = theme_end(norm)
    end = _end_outside_quotes(norm, start)
    m = _owner(norm, start, end)
    if m is None:
        return []
    quoted = [(a, b) for a, b in quoted_spans(norm) if a == m.end() + 1]
    if quoted:
        # `A负责的“…6月底前开工、12月底前完工…。”截至目前,…`: the quoted decision dates the part as its own
        # sentences would (its quote marks hold no list together), the report after it nothing.
        (a, b), stop = quoted[0], _end_outside_quotes(norm, m.end())
        return [(a - 1, a), (b, b + 1), *report_spans(norm, b, stop)]
    comma = norm.find(",", m.end(), end)
    return [(m.end(), comma if comma >= 0 else end)]
