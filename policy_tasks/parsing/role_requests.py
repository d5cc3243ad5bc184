"""A covering notice's request to a breakdown's roles: `请各牵头单位和责任单位于2018年3月9日前…报送…`.

A notice issuing a 任务责任分解方案 charges the breakdown's roles taken together (round 95, `role_groups`), and asks them
as often as it charges them with `要` (round 101): `二、请各牵头单位和责任单位于2018年3月9日前将各项工作落实措施报送市
人民政府督查室`, `请各责任单位按照…要求…`. The roles joined by `和` / `及` / `与` / `、` after `请` are the requirement's
subjects, the first leading and the others helping, each kept as written (`责任单位` after `各牵头单位和` names the role as
`各责任单位` does). What follows is the request's own words: the office receiving the reports (`报送市人民政府督查室`,
`市人民政府督查室将…督办检查`) is no party to it. A request to anyone else (`请各地…`, `请有关部门…`) is left to the other
readers.

The roles asked with no `请`, by the date they must act before (`各责任单位在2009年1月底前上报…年终报告`), are read the
same. Such requirements are clauses also where the breakdown itself follows the notice on the same page (settled in
round 101, corpus README; `notice_requirements`).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .role_groups import role_group
from .role_sentences import opening_starts
from .textutil import normalise
from .unit_labels import CO, LISTED

# `请各牵头单位和责任单位于2018年3月9日前…`, `请各责任单位按照…`: the request, its role groups, then the words the
# request goes on with (a time, a manner, a charge).
_REQUEST_RE = lazy_compile(
    r"请(?P<names>[\u4e00-\u9fff、]{4,30}?)"
    r"(?=于|在|按|要|将|务必|认真|及时|切实|抓紧|尽快|根据|对照|结合|做好|加强|进一步)"
)
_JOIN_RE = lazy_compile(r"和|及|与|、")
# `各责任单位在2009年1月底前上报…`: a role group asked with no `请`, by the date it must act before (round 101).
_DATED_RE = lazy_compile(r"(?P<names>[\u4e00-\u9fff、]{4,30}?)(?=(?:于|在)[^。;,\n]{2,20}?前)")


def request_charge(text: str) -> Responsibility | None:
    """`请各牵头单位和责任单位于…前…`: the role groups a request opening the item (after its title) charges,
    the first leading and the others helping, or None."""
    norm = normalise(text)
    for start in opening_starts(norm):
        m = _REQUEST_RE.match(norm, start) or _DATED_RE.match(norm, start)
        if m is None:
            continue
        spans, at = [], m.start("names")
        for join in [*_JOIN_RE.finditer(norm, at, m.end("names")), None]:
            end = join.start() if join is not None else m.end("names")
            spans.append((at, end))
            at = join.end() if join is not None else at
        if not all(role_group(norm[s:e]) for s, e in spans):
            continue
        found = Responsibility(origin="正文开头")
        found.roles[LISTED] = [text[s:e] for s, e in spans[:1]]
        found.roles[CO] = [text[s:e] for s, e in spans[1:]]
        return found
    return None
