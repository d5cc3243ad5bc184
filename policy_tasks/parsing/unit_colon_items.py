"""An item opening with an office's name and a colon gives that office's duty.

A 镇's or a 街道's working group (工作专班, 领导小组) is often set up in a short notice that names its
组长 and 成员单位 and then gives each member unit its duty, a paragraph a unit, with no number at all:

    组 长:某某镇长
    成员单位:农业综合服务中心、财政所、各村(社区)。
    农业综合服务中心:负责秸秆综合利用技术指导……
    财政所:负责扶持政策资金发放……
    各村(社区):将政策宣传卡发放到农户……

The name before the colon is the unit the paragraph charges, as a 分工 section's sub-heading names
the office over its duties (`duty_headings`): a 镇's own offices need no place before them (`财政所`,
`行政执法队`, `各村(社区)`). Two such paragraphs or more are the list, one clause each in order
(`number_unit_colon_paragraphs`, a fallback for a document with no numbered item); a single one may be
a notice's aside. The group's own lines are none: `成员单位:` and the other labels (`责任科室:`) are
fields, `组 长:` a person's role, and a name that says what to do (`加强宣传:`) is a title.

The same lines under a numbered section's lead-in (`二、组织领导和职责` … `具体职责如下:` over `政治处:负责…`,
`警务保障室:负责…`, round 174's county bureau plan) are the section's clauses, one a line (`二-1`, `二-2`, by order),
as round 136's `县环保局。负责…` passages are (`duty_passages`); the section's heading and its group set up are none.
Two such lines at least, the first right below the lead-in closing with a colon; a copy that ran the lines together
(`…如下:政治处:负责…。警务保障室:负责…`) reads the same. Near cases: one such line alone, lines with no lead-in
above them.
"""

from __future__ import annotations

import re

from .clause import Clause, cut_clause, spans_from
from .lazy_patterns import lazy_compile
from .outline import line_marker, numbered_in_order
from .responsibility import Responsibility
from .role_sentences import reads_as_units
from .subject_sentences import with_units
from .textutil import normalise
from .unit_labels import CO, LABEL_RE, LISTED
from .unit_lists import split_names
from .unit_names import VAGUE_RE, looks_like_units

# An office of a 镇, a 街道 or a bureau: its name ends in an office's word (`财政所`, `各村(社区)`); a 镇's
# credit or supply cooperative (`信用社`, `供销社`) is charged beside them.
# A village committee's name may hold its bracket before the office word (`各村(社区居)委会`, round 180).
_OFFICE = (
    r"(?:各)?[\u4e00-\u9fff]{0,12}?(?:\([\u4e00-\u9fff、]{1,8}\)(?=[村居]?委会))?"
    r"(?:办公室|办|中心|所|站|中队|大队|队|科室|科|股|室|处|局|委|"
    r"村委会|居委会|委会|村|社区|信用社|供销社)(?:\([\u4e00-\u9fff、]{1,8}\))?"
)
_OPENING_RE = lazy_compile(rf"^\s*(?P<names>{_OFFICE}(?:、{_OFFICE}){{0,4}})\s*:\s*(?P<rest>\S)", needs=":")
# Words that make the part before the colon a title or a goal, never an office's name.
_GOAL_RE = lazy_compile(
    r"的|^(?:着力|加快|推进|推动|构建|建设|打造|深化|加强|完善|提升|实施|强化|优化|健全|建立|成立|组织|开展|做好|抓好|落实)"
)
# Members as such and a salutation to them (`成员单位:`, `各科室:` heading a notice) charge no one office.
_NO_OFFICE_RE = lazy_compile(r"成员单位|^各(?:科室|处室|股室|单位|部门)$")
_NAME_MAX = 24
# The words of a duty section's title, never in an office's name.
_TITLE_WORD_RE = lazy_compile(r"职责|分工", needs="职责|分工")
# A district's or a city's plan dividing an event's work among its own departments names them with their place
# (`区委宣传部:负责…`, `区总工会:负责…`), whatever their name ends in (round 130).
# A bracket in the names is closed before the colon: `X(牵头单位:A)` is a heading's label, no department.
_PLACED_OPENING_RE = lazy_compile(
    r"^\s*(?P<names>[\u4e00-\u9fff、]{3,24}?(?:\([\u4e00-\u9fff、]{1,8}\))?)\s*:\s*(?P<rest>\S)", needs=":"
)
# A part of the office's duties done with another unit: `…;协同区总工会确定…`, `负责会同A…`: that unit helps.
_WITH_PART_RE = lazy_compile(r"(?:[;,:]|负责)(?=协同|会同)", needs="协同|会同")


_OFFICES_RE = lazy_compile(rf"{_OFFICE}(?:、{_OFFICE}){{0,4}}")


def office_names(name: str) -> bool:
    """`财政所`, `党政办、财政所`: a 镇's, a 街道's or a bureau's own offices, named with no place before them,
    as such a unit list and a minute's sentences name them (`minute_subjects`)."""
    return bool(_OFFICES_RE.fullmatch(name)) and not (
        len(name) > _NAME_MAX
        or _GOAL_RE.search(name)
        or VAGUE_RE.search(name)
        or _NO_OFFICE_RE.search(name)
        or not looks_like_units(name)
    )


def unit_colon_charge(text: str) -> Responsibility | None:
    """The office an item's text opens with before a colon (`财政所:负责…`), leading it, or None."""
    norm = normalise(text)
    m = _OPENING_RE.match(norm)
    if m is None or not office_names(m["names"]):
        m = _PLACED_OPENING_RE.match(norm)
        if m is None or not reads_as_units(m["names"]):
            return None
    if LABEL_RE.match(norm, m.start("names")) or _TITLE_WORD_RE.search(m["names"]):
        return None  # `工作职责镇…办公室:`: a duty section's title a copy ran into its first line, no office's name
    found = Responsibility(origin="单位冒号", whole_section=True)
    found.roles[LISTED] = split_names(text, norm, m.start("names"), m.end("names"))
    for part in _WITH_PART_RE.finditer(norm, m.start("rest")):
        for s, e in with_units(norm, part.end()):
            found.roles[CO] += [n for n in split_names(text, norm, s, e) if n not in found.roles[LISTED]]
    return found if found.found else None


def number_unit_colon_paragraphs(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]] | None:
    """The lines with each unnumbered paragraph that opens with an office's name and a colon numbered
    in order, or None when fewer than two do."""
    items = [
        k
        for k, (text, _) in enumerate(lines)
        if text.strip() and line_marker(normalise(text).strip()) is None and unit_colon_charge(text) is not None
    ]
    if len(items) < 2:
        return None
    return numbered_in_order(lines, items)


# Where a duty under a section's lead-in may open with a unit and a colon: a line's start, or a sentence's end where a
# copy ran the lines together.
_DUTY_START_RE = re.compile(r"(?<=[\n。;:])\s*(?=[\u4e00-\u9fff])")
# The lead-in closing with a colon right before the first duty (`具体职责如下:`), or the section's own heading naming
# the division of duties it holds with nothing after it (`二、工作职责` over `食药监所:负责…` lines, round 180): offices
# title such a section by what it holds, as the lead-in says it.
_DUTY_TITLE = r"^\s*[\u4e00-\u9fff]{0,6}?(?:职责分工|责任分工|职责|分工)"
_LEAD_IN_RE = re.compile(rf":\s*$|{_DUTY_TITLE}\s*$")
# A copy that lost its line breaks runs that heading into its first line (`工作职责镇食药安委办公室:负责…`).
_GLUED_TITLE_RE = re.compile(_DUTY_TITLE)


def _colon_duties(norm: str) -> list[int]:
    """Where the duties below a lead-in closing with a colon open with a unit and a colon (`政治处:负责…`), where two
    or more do; the first right after the lead-in."""
    if norm.count(":") < 3:
        return []  # the lead-in's colon and each duty's own: a cheap no for nearly every section
    starts: list[int] = []
    if (title := _GLUED_TITLE_RE.match(norm)) is not None and not norm[title.end() :].startswith(("\n", ":")):
        end = min((e for e in (norm.find(c, title.end()) for c in "\n。;") if e >= 0), default=len(norm))
        if unit_colon_charge(norm[title.end() : end]) is not None:
            starts.append(title.end())
    for m in _DUTY_START_RE.finditer(norm):
        end = min((e for e in (norm.find(c, m.end()) for c in "\n。;") if e >= 0), default=len(norm))
        if m.end() not in starts and unit_colon_charge(norm[m.end() : end]) is not None:
            starts.append(m.end())  # a line's start follows the sentence's end before its line break: once
    if len(starts) < 2 or not _LEAD_IN_RE.search(norm[: starts[0]]):
        return []
    return starts


def holds_colon_duties(text: str) -> bool:
    """Whether a section's text holds its units' duty lines under its lead-in (`具体职责如下:` over `政治处:负责…`)."""
    return bool(_colon_duties(normalise(text)))


def split_at_colon_duties(clause: Clause) -> list[Clause]:
    """The section as one clause per unit's duty line (`二-1`, `二-2`), the lead-in before the first dropped."""
    starts = _colon_duties(normalise(clause.text))
    if not starts:
        return [clause]
    return cut_clause(clause, spans_from(starts, len(clause.text)))
