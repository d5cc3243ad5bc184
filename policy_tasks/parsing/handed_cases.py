"""The body an item hands its hard cases to, where the item names no subject of its own: `对…的,由X统一协调解决`.

A city government's notice to its counties and departments (a 粮食生产 notice, round 163) writes some items with no
subject at all, `要对现有库存农资开展全面摸底清查,…`, its salutation naming several groups (none of which the item can
be given to, corpus README round 123 needing one). The one body such an item gives a duty of its own is the one it
hands the cases the others cannot settle: `对早稻生产种子调配有困难的,由市农业农村部门统一协调解决。` That body is the
item's unit and leads it (a supervision officer's reading, as a unit cell `由X负责` names X, round 64, and the
discipline body after `对…的,` leads its requirement, round 108).

Only read where nothing else charges the item: its opening subject, a bracket or a label keep theirs. The sentence
opens with the cases (`对…的,`) and then `由X` and a verb of settling or organising (`协调`, `解决`, `处理`, `统筹`,
`负责`). Near cases that charge no one: no body (`对…的,依法依规处理`), a vague one (`由有关部门协调解决`, `由各地自行
解决`), the body only receiving the cases (`对…的,报市农业农村部门`).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import LEAD
from .unit_names import VAGUE_RE, looks_like_units

# `对早稻生产种子调配有困难的,由市农业农村部门统一协调解决`: the cases, then the body and its settling verb.
_HANDED_RE = lazy_compile(
    r"(?:^|(?<=[。;!?]))\s*对[^。;:\n]{2,60}?的,由(?P<names>[\u4e00-\u9fff()]{2,20}?)"
    r"(?:统一|负责|牵头|及时|帮助|协助)?(?:协调|解决|处理|统筹|调配|组织)",
    needs="对 & 由",
)
_NOT_NAMED_RE = lazy_compile(r"^(?:各|其他|其它|所有|当地|本地|本级)|有关|相关")


def handed_case_charge(text: str) -> Responsibility | None:
    """The body `text`'s hard cases are handed to (`对…的,由X统一协调解决`), leading; None where there is none."""
    norm = normalise(text)
    for m in _HANDED_RE.finditer(norm):
        names = m["names"]
        if _NOT_NAMED_RE.search(names) or VAGUE_RE.search(names) or not looks_like_units(names):
            continue
        found = Responsibility(origin="正文")
        found.roles[LEAD] = [text[m.start("names") : m.end("names")]]
        return found
    return None
