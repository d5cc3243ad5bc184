"""An unnumbered paragraph of sentences, each opening with the unit charged and carrying its own deadline.

A news digest of a city's key tasks (呼和浩特 2021, round 114) numbers nothing: it retells the breakdown's rows as one
paragraph, each sentence opening with the unit in charge and giving its own deadline, with or without `要`:
`今年,市住建局要在8月底完成…。9月底完成…。市轨道交通公司要加快地铁TOD开发,…,10月底完成年度任务。青山文投公司要在
6月下旬建成投用…。市机场建管公司12月中旬全面开工…。` Each such sentence opens a part of its own (`charged_parts`, as a
meeting's orders do, round 82), numbered in order; a sentence with no subject of its own (`9月底完成…`) goes on with the
unit before it. The subject is a unit's name (a company the text charges is one, `市轨道交通公司`), right before `要` or
the deadline, after at most the paragraph's basis (`根据目标任务要求,`) and the year (`今年,`); its sentence must name a
month's deadline (`8月底`, `6月下旬`, `12月中旬`). Three such sentences in one paragraph make the run: fewer are a news
item's sentences. Near cases: a sentence opening with a date (`3月16日,市人民政府公布…`), a vague subject (`各单位要…`),
a subject with no deadline in its sentence, a paragraph naming no unit (`其他重点任务还包括…`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .result import ParsedMilestone
from .role_sentences import reads_as_units
from .textutil import normalise
from .unit_labels import LISTED
from .unit_lists import split_names
from .unit_names import VAGUE_RE, looks_like_units

_LEAST = 3
_DEADLINE = r"(?:(?:19|20)\d{2}年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:底|末|上旬|中旬|下旬|\d{1,2}日)"
_SUBJECT_RE = lazy_compile(
    r"[\s\u3000]*(?:(?:按照|根据|依据)[^。;,\n]{2,30}?(?:要求|部署|安排),)?(?:(?:今年|当年|本年度?),)?"
    rf"(?P<names>[\u4e00-\u9fff()]{{2,25}}?)(?=要(?![求点])|(?:在|于)?{_DEADLINE})"
)
_DEADLINE_RE = lazy_compile(_DEADLINE, needs="月")
_SENTENCE_RE = re.compile(r"[^。;!?\n]+")
_NOT_NAMED_RE = lazy_compile(r"^(?:各|其他|其它|所有|全)|相关|有关|成员单位")


def _subject(norm: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the unit a sentence `norm[start:end]` opens with, when it carries a month's deadline."""
    m = _SUBJECT_RE.match(norm, start, end)
    if m is None or not _DEADLINE_RE.search(norm, m.end("names"), end):
        return None
    names = m["names"]
    if _NOT_NAMED_RE.search(names) or VAGUE_RE.search(names):
        return None
    return (m.start("names"), m.end("names")) if reads_as_units(names) or looks_like_units(names) else None


def subject_run_starts(norm: str) -> list[int]:
    """Where each sentence of a run opening with its unit and carrying its deadline starts (its unit's start), or
    nothing when the paragraph `norm` holds fewer than three."""
    if "月" not in norm:
        return []
    found = [span[0] for s in _SENTENCE_RE.finditer(norm) if (span := _subject(norm, s.start(), s.end())) is not None]
    return found if len(found) >= _LEAST else []


def run_charge(text: str) -> Responsibility | None:
    """The unit a part of such a run opens with (`市机场建管公司12月中旬全面开工…`), leading it."""
    norm = normalise(text)
    first = _SENTENCE_RE.match(norm)
    span = _subject(norm, 0, first.end()) if first is not None else None
    if span is None:
        return None
    found = Responsibility(origin="正文开头")
    found.roles[LISTED] = split_names(text, norm, *span)
    return found if found.found else None


def run_milestones(text: str, milestones: list[ParsedMilestone], orders: bool) -> list[ParsedMilestone]:
    """A part of such a run retells one row of the breakdown, its deadline the row's 完成时限: the works its sentence
    lists after one deadline (`11月底新建改造道路63条、打通断头路31条、…`) are that row's one commitment, not one each
    (the deadline written once; a deadline of their own, `9月底完成…`, still starts another). `milestones` as read
    elsewhere when `text` opens no such part or the items are not such parts (`orders`: `charged_parts` found them)."""
    if not orders or run_charge(text) is None:
        return milestones
    merged: list[ParsedMilestone] = []
    for m in milestones:
        last = merged[-1] if merged else None
        carried = m.time_expression is not None and m.time_expression not in m.text
        if last is not None and carried and (last.time_expression, last.due_date) == (m.time_expression, m.due_date):
            merged[-1] = replace(last, text=text[last.start : m.end], end=m.end)
        else:
            merged.append(m)
    return merged
