"""A town's own office named by the town's level alone, opening a paragraph as its subject with its verb right after.

A 镇's or a 街道's campaign plan (round 148, `安全生产隐患大排查、大整治行动方案`) gives each field's paragraph to the
office that does it, named as its members know it, the town's level before the office and no place (`镇派出所`,
`镇政府`, `街道文体站`), and writes the verb right after it, with no `要` and no `负责`:

    (一)道路交通领域
    镇派出所强化执法力度,严厉查处超载、超员、超速…。联合交通部门检查“路警联合执法”机制下…执行情况,…

The office leads, also where a copy with no line breaks ran the field's heading into it (`道路交通领域镇派出所强化…`).
A later sentence carrying on with no subject of its own and opening with the body the office works
with (`联合交通部门检查…`, `会同县市场监管局…`, `协同…`) names a helper (as `会同`/`协同` units help, README rounds 108 and
130); a department named by its kind alone (`交通部门`, as round 68's `工商部门`) is that body. A later sentence opening
with another of the town's offices so helps too.

Near cases: a name that is no office (`镇区范围内…`, `镇域经济…`), a group (`各村…`, read by `group_openings`), a vague
subject (`有关部门加强…`), an office followed by no verb of work (`镇派出所的…`, `镇派出所辖区…`), and a county's
office with its place (`县公安局强化…`, read as a sentence's subject elsewhere only with `要`/`负责`).
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .role_sentences import opening_starts, reads_as_units
from .unit_labels import CO, LISTED
from .unit_names import VAGUE_RE

# The town's office: its level alone, then the office's name ending in an office's word.
_OFFICE = r"(?:镇|乡|街道)[\u4e00-\u9fff]{1,10}?(?:政府|党委|所|站|办|中心|中队|大队|队)"
# The verbs of work a town's plan writes right after the office.
_WORK = r"强化|加强|严厉|严格|开展|组织|落实|督促|深入|全面|持续|牵头|做好|推进|抓好|负责(?![同人])"
_OPENING_RE = lazy_compile(rf"(?P<names>{_OFFICE})(?={_WORK})", needs="镇|乡|街道")
# A later sentence's opening: the body the office works with (`联合交通部门…`), or another town office at work.
_WITH_RE = lazy_compile(r"(?:联合|会同|协同)(?P<names>[\u4e00-\u9fff]{2,12}?(?:部门|局|委|办|所|站|中心|大队|队))")
# A department named by its kind alone (`交通部门`, `工商部门`): no group, no vague one.
_KIND_RE = re.compile(r"^(?!各|有关|相关|其他|其它)[\u4e00-\u9fff]{2,6}部门$")
_SENTENCE_END_RE = re.compile(r"[。;]\s*")
# The field's heading a copy with no line breaks ran into the paragraph (`道路交通领域镇派出所强化…`): the plan names each
# field `X领域`, so the office opens right after it.
_FIELD_HEADING_RE = lazy_compile(r"[\u4e00-\u9fff]{2,10}领域(?=镇|乡|街道)", needs="领域")


def town_office_charge(text: str, norm: str) -> Responsibility | None:
    """The town's office opening the item as its verb's subject leading, the bodies its later sentences work with or
    name as their subjects helping; None where no such office opens the item."""
    starts = opening_starts(norm)
    starts += [m.end() for m in [_FIELD_HEADING_RE.match(norm)] if m is not None]
    opened = next((m for s in starts if (m := _OPENING_RE.match(norm, s)) is not None), None)
    if opened is None or not reads_as_units(opened["names"]):
        return None
    found = Responsibility(origin="正文开头")
    found.roles[LISTED] = [text[opened.start("names") : opened.end("names")]]
    for end in _SENTENCE_END_RE.finditer(norm, opened.end()):
        m = _WITH_RE.match(norm, end.end()) or _OPENING_RE.match(norm, end.end())
        if m is None or VAGUE_RE.search(m["names"]):
            continue
        if not (reads_as_units(m["names"]) or _KIND_RE.match(m["names"])):
            continue
        name = text[m.start("names") : m.end("names")]
        if name not in found.roles[LISTED] + found.roles[CO]:
            found.roles[CO].append(name)
    return found
