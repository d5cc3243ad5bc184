"""An event's duty items naming their units as the subjects of their sentences, no label and no bracket.

A district's notice setting up the working group for an event it hosts (a sports meet's 工作职责) gives each item
to the bodies it charges as the subjects of its own sentences, in three forms the other subject readers miss
(round 130):

- `区政府办公室和区教育局为…总协调机构。负责…`: the units are what the event's coordinating body is; the first named
  leads, the others help (the list's rule). Membership alone (`A、B为成员单位`) is no such frame.
- a topic sentence naming the departments by short forms closed by `等部门` (`卫生、执法、环卫、建设等部门负责…。`), then a
  sentence for each, its subject the department spelled out (`卫生局要…;环卫局要…;执法局要…;建设局要…`,
  `公安部门要…;消防大队要…`): the spelled-out subjects are the units as written, the first leading and the others
  helping in their order. The short forms alone name no body; a subject that spells out none of them names none.
- the schools a meet is held in, charged together (`一机一中、北重三中、内科大附中和包四中要…`): the schools are bodies a
  district charges by their short names, the first leading. A single name ending so (`高中要…`, `其中要…`) is none.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .role_sentences import opening_starts, reads_as_units
from .textutil import normalise
from .unit_labels import LISTED

# `A和B为全国中学生运动会的总协调机构`: the bodies a coordinating or leading body is made of, then the duties.
_BODY_RE = lazy_compile(
    r"(?P<names>[\u4e00-\u9fff()、和]{4,60}?)为[^,;。:]{0,30}?(?:总)?(?:协调|牵头|组织|责任)(?:机构|单位)[。,;]",
    needs="机构|单位",
)
# `卫生、执法、环卫、建设等部门负责…`: departments by their sectors' short forms, two or more.
_FORMS_RE = lazy_compile(
    r"(?P<forms>[\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4}){1,9})等(?:有关|相关)?(?:职能)?(?:部门|单位)(?:要|负责)",
    needs="等",
)
# A later sentence's subject before its verb: `;环卫局要…`, `。公安部门要…`.
_SPELLED_RE = re.compile(r"(?<=[。;])\s*(?P<name>[\u4e00-\u9fff]{2,12}?)(?:要(?![求点])|负责(?![同人])|应当)")
# What a department spelled out ends in after its short form (`卫生局`, `公安部门`, `消防大队`).
_OFFICE_END_RE = re.compile(r"(?:局|部门|大队|中队|支队|队|所|站|办|中心|委|院|公司)$")
# A school by its short name: `一机一中`, `北重三中`, `内科大附中`, `包四中`, `实验小学`.
_SCHOOL = r"[\u4e00-\u9fff]{1,8}?(?:[一二三四五六七八九十]{1,3}[中小]|附中|附小|中学|小学)"
_SCHOOLS_RE = lazy_compile(rf"(?P<names>{_SCHOOL}(?:[、和]{_SCHOOL}){{1,9}})(?:要(?![求点])|负责(?![同人])|应当)")
_SCHOOL_ONE_RE = lazy_compile(_SCHOOL)
_SCHOOL_NOT_RE = lazy_compile(r"^(?:各|全|所有|有关|相关|其他|其它|其中|集中|高中|初中)")


def duty_subjects_charge(text: str) -> Responsibility | None:
    """The units an event's duty item names as its sentences' subjects in one of the three forms, or None."""
    norm = normalise(text)
    for start in opening_starts(norm):
        names = _body_names(norm, start) or _spelled_names(norm, start) or _school_names(norm, start)
        if names:
            found = Responsibility(origin="正文开头")
            found.roles[LISTED] = [text[s:e] for s, e in names]
            return found
    return None


def _body_names(norm: str, start: int) -> list[tuple[int, int]]:
    m = _BODY_RE.match(norm, start)
    if m is None:
        return []
    spans = _split(norm, m.start("names"), m.end("names"), reads_as_units)
    return spans if all(reads_as_units(norm[s:e]) for s, e in spans) else []


def _spelled_names(norm: str, start: int) -> list[tuple[int, int]]:
    m = _FORMS_RE.match(norm, start)
    if m is None:
        return []
    forms = m["forms"].split("、")
    found: list[tuple[int, int]] = []
    for later in _SPELLED_RE.finditer(norm, m.end()):
        name = later["name"]
        form = next((f for f in forms if name.startswith(f)), None)
        if form is None or len(name) - len(form) > 4 or not _OFFICE_END_RE.search(name):
            continue
        if name not in [norm[s:e] for s, e in found]:
            found.append(later.span("name"))
    return found if len(found) >= 2 else []


def _school_names(norm: str, start: int) -> list[tuple[int, int]]:
    m = _SCHOOLS_RE.match(norm, start)
    if m is None:
        return []
    spans = _split(norm, m.start("names"), m.end("names"), _SCHOOL_ONE_RE.fullmatch)
    if len(spans) < 2 or any(_SCHOOL_NOT_RE.match(norm[s:e]) for s, e in spans):
        return []
    return spans


def _split(norm: str, s: int, e: int, is_name: Callable[[str], object]) -> list[tuple[int, int]]:
    """The names of `norm[s:e]` between its `、`, a piece cut at a `和` where both sides are names (`A和B`; `和平小学`
    and `区卫生和计划生育局` stay whole)."""
    spans: list[tuple[int, int]] = []
    at = s
    for piece in norm[s:e].split("、"):
        ps, pe = at, at + len(piece)
        at = pe + 1
        joint = next(
            (k for k in range(ps + 1, pe - 1) if norm[k] == "和" and is_name(norm[ps:k]) and is_name(norm[k + 1 : pe])),
            None,
        )
        spans += [(ps, joint), (joint + 1, pe)] if joint is not None else [(ps, pe)]
    return [(a, b) for a, b in spans if b > a]
