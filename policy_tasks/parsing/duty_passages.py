"""A division of work run into one paragraph, each member unit's duties opening with its name and a full stop.

A county's plan sets up its leading group and then gives each member unit its duties, the unit's name written as a
heading of its own, closed by a full stop, its duties after it (round 85's `(1)市林业局。` over `负责…`, with no
number). A sharing site's copy runs the whole section into one paragraph (a 文库 copy of a 秸秆禁烧 plan, round 136):

    三、组织领导及职责分工为切实加强…,县政府成立…领导小组…。各组成单位及其职责如下:县环保局。负责对全县秸秆禁烧
    工作实施统一监督,…。县交通局、公路局。负责对…巡查,…。县农委。负责…。

Each unit's passage is a clause of its own (`三-1`, `三-2`, by order), its units those its name gives, the first
listed leading (`县交通局`, `公路局` co, as written); the section's lead-in (its heading, the group set up) is none.
The section is read as the heading over its passages it would be had the copy kept them as lines, so its silent
siblings (`二、目标任务`) are weighed against the passages, not taken for the plan's measures (`clauses`).

A passage opens after the lead-in's colon or a sentence end, with names that end as an office's does (`…局`, `…委`)
and nothing else before `。负责` (`承担`, `牵头`). Two such passages at least make the list. Near cases: a sentence
that is a goal (`加强监督。负责…`), a unit with a colon (`unit_colon_items`), one passage alone (a sentence's own
subject), a unit's name followed by any other sentence (`县环保局。`, a list's end).
"""

from __future__ import annotations

from .clause import Clause, cut_clause, spans_from
from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import LISTED
from .unit_lists import split_names
from .unit_names import VAGUE_RE, looks_like_units

_OFFICE = (
    r"(?:各)?[\u4e00-\u9fff]{0,16}?(?:办公室|办|中心|所|站|大队|中队|队|局|委|部|厅|院|公司|政府|社|台|会)"
    r"(?:\([\u4e00-\u9fff、]{1,8}\))?"
)
_PASSAGE_RE = lazy_compile(
    rf"(?:^|(?<=[。:;\n]))\s*(?P<names>{_OFFICE}(?:、{_OFFICE}){{0,4}})。(?=\s*(?:主要)?(?:负责|承担|牵头))",
    needs="负责|承担|牵头 & 。",
)
# Words that make the sentence a goal or a duty, never an office's name.
_GOAL_RE = lazy_compile(
    r"的|^(?:着力|加快|推进|推动|构建|建设|打造|深化|加强|完善|提升|实施|强化|优化|健全|建立|成立|组织|开展|做好|抓好|落实)"
)
_NAME_MAX = 40


def _passages(norm: str) -> list[tuple[int, int]]:
    """The spans of the unit names that open the passages of `norm`, where two or more do."""
    found = [
        m.span("names")
        for m in _PASSAGE_RE.finditer(norm)
        if len(m["names"]) <= _NAME_MAX
        and not _GOAL_RE.search(m["names"])
        and not VAGUE_RE.search(m["names"])
        and looks_like_units(m["names"])
    ]
    return found if len(found) >= 2 else []


def holds_duty_passages(text: str) -> bool:
    """Whether `text` runs a division of work's unit passages together (`县环保局。负责…。县农委。负责…`)."""
    return bool(_passages(normalise(text)))


def split_at_duty_passages(clause: Clause) -> list[Clause]:
    """The clause as one clause per unit passage (`三-1`, `三-2`), the lead-in before the first dropped; else as it is."""
    starts = [s for s, _ in _passages(normalise(clause.text))]
    if not starts:
        return [clause]
    return cut_clause(clause, spans_from(starts, len(clause.text)))


def duty_passage_charge(text: str) -> Responsibility | None:
    """The units a passage opens with before its full stop (`县交通局、公路局。负责…`), the first leading; or None."""
    norm = normalise(text)
    m = _PASSAGE_RE.match(norm)
    if m is None or m.start("names") != len(norm) - len(norm.lstrip()):
        return None
    names = m["names"]
    if len(names) > _NAME_MAX or _GOAL_RE.search(names) or VAGUE_RE.search(names) or not looks_like_units(names):
        return None
    found = Responsibility(origin="职责段落")
    found.roles[LISTED] = split_names(text, norm, m.start("names"), m.end("names"))
    return found if found.found else None
