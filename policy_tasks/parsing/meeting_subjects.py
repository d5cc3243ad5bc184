"""Who a meeting's unnumbered demand charges: the subject before its `要`, read as units (`meeting_demands`).

One subject, `names` and `要` (not `要求`, `要点`, `要素`, `要件`), its frame of mind (`思想上要`) or a modal (`务必要`)
between. Its names are read two ways, after the two layouts of the convention (see `meeting_demands`):

- in a paragraph of parts each charging its subject (rounds 162, 163), `named` reads groups by `各` (`各有关部门` an
  addressee, as the corpus README keeps `各有关单位`; bare `各单位` / `各部门` / `各地` no one), short forms before
  `等部门` and named units, and `body` one body in full (never the speakers, the work or a time, nor a bare
  `有关部门`);
- in frames each opened by the meeting's verb (rounds 166-170), `frame_units` drops a qualifier (`参会的`) and a frame
  (`在…过程中`) and names no one for the bare groups a report with no salutation writes (`各部门`, `各有关部门`,
  `相关部门`), also run together with a group (`各乡镇各部门`); a field of the work (`认识上`) names no one; the heads
  of a group name the group (`各乡镇各部门主要领导要…`, round 175) and `县纪委等部门` its unit.

A list of names is cut at `、` outside brackets, so a group keeps its own bracket's list (`各林场(站、所)`).
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .role_sentences import reads_as_units
from .textutil import split_top
from .unit_colon_items import office_names
from .unit_names import looks_like_units

# `要` charging a subject, not a noun (`要求`, `要点`, `要素`, `要件`) nor the heads' post (`各乡镇主要领导要…`).
VERB = r"要(?![求点素件])(?!(?<=主要)(?:领导|负责))"
MODAL = r"(?:思想上|行动上)?(?:务必|必须|都|也)?"
# A group by 各 and a kind of body, or by 各 and kinds with its own bracket listing more (`各林场(站、所)`, `各乡镇(街道)`);
# the bare kinds name no one, their own bracket too (`各部门(单位)`).
_GROUP_RE = lazy_compile(
    r"各[\u4e00-\u9fff]{1,6}(?:单位|部门|乡办|乡镇|街道|镇街|社区|村)|各(?!(?:单位|部门|地|级|方)\()[\u4e00-\u9fff]{1,6}\([^()]{1,8}\)"
)
_VAGUE = ("各单位", "各部门", "各地", "各级", "各方")
# Departments by short form closed by `等部门` (`市住建、市监、消防等部门`).
_SHORT_FORMS_RE = lazy_compile(r"(?P<list>[\u4e00-\u9fff]{2,6}(?:、[\u4e00-\u9fff]{2,6})+)等(?:有关)?(?:部门|单位)")
# Subjects that are no body: the speakers, the work itself, a time, a connective.
_NOT_BODY_RE = lazy_compile(
    r"^(?:我们|大家|干部|党员|工作|全体|今年|当前|下一步|同时|此外|另外|其次|最后|首先)|工作$|[是的]"
)
# A kind of body with no 各 (`有关部门`) is no one body.
_KIND_RE = lazy_compile(r"(?:有关|相关)(?:部门|单位)")
_QUALIFIER_RE = lazy_compile(r"^(?:参会的|参会|涉及的|涉及到的|所涉及的)")
_FRAME_RE = lazy_compile(r"在[\u4e00-\u9fff]{1,10}(?:中|时|前|后)$")
# The heads of a group name the group (`各乡镇各部门主要领导`, rounds 96/97/149/175); `等部门` closes a short list.
_HEADS_RE = lazy_compile(r"(?<=[\u4e00-\u9fff]{2})(?:主要领导|主要负责人|主要负责同志|负责同志|等部门|等单位)$")
# A field of the work before `要` (`认识上要进一步深化`): a demand's headline naming no one.
_FIELD_RE = lazy_compile(r"[\u4e00-\u9fff]{2,4}上$")
# Bare groups that name no one in a frame, with no salutation (rounds 96/97/98/159); beside a named group in a paragraph
# of parts, `各有关部门` is an addressee (round 162's `各乡办、各有关部门`).
_BARE_GROUPS = (*_VAGUE, "各级各部门", "相关部门", "有关部门", "各有关部门")
# Society's bodies listed after a group (`各乡镇、各群团组织、企事业单位、学校`, round 95's list).
_BODY_END_RE = lazy_compile(r"(?:单位|学校|组织|企业|医院|机构)$")
_JOIN_RE = lazy_compile(r"(?:和|及|与)(?=各|相关|有关)|(?<=[\u4e00-\u9fff])(?=各(?:级各)?部门$)")


def listed(names: str) -> list[str]:
    """The names of a list, cut at `、` outside brackets."""
    return [p for p in (names[a:b] for a, b in split_top(names, "、")) if p]


def body(names: str) -> bool:
    """One body named in full (`农技站`, `市场监督管理所`, `全镇`)."""
    return not _NOT_BODY_RE.search(names) and not _KIND_RE.fullmatch(names) and looks_like_units(names)


def named(names: str) -> list[str] | None:
    """The groups, short forms and units a part's subject names (empty where it names no one), or None where it names
    none of them."""
    if (short := _SHORT_FORMS_RE.fullmatch(names)) is not None:
        return short["list"].split("、")
    parts = listed(names)
    if all(re.sub(r"\([^()]*\)$", "", p) in _VAGUE for p in parts):
        return []
    if all(_GROUP_RE.fullmatch(p) or reads_as_units(p) or office_names(p) for p in parts):
        return parts
    return None


def frame_units(names: str) -> list[str] | None:
    """The units a frame's subject names (empty: no one), or None where it is no subject at all."""
    names = _QUALIFIER_RE.sub("", names)
    names = _HEADS_RE.sub("", _FRAME_RE.sub("", names))
    if not names or _NOT_BODY_RE.search(names):
        return None
    if _FIELD_RE.search(names):
        return []
    parts = listed(_JOIN_RE.sub("、", names))
    found = [p for p in parts if p not in _BARE_GROUPS]
    if not found:
        return []
    if all(p.startswith("各") or looks_like_units(p) or re.match(r"\d+家", p) for p in found[:1]) and all(
        p.startswith("各") or looks_like_units(p) or _BODY_END_RE.search(p) for p in found[1:]
    ):
        return found
    return [] if len(found) == 1 and len(parts) == 1 and len(names) <= 6 else None


def as_written(text: str, norm: str, names: list[str]) -> list[str]:
    """`names` read in `norm` written as `text` writes them (its own brackets), where normalising kept the length."""
    if len(text) != len(norm):
        return names
    found, at = [], 0
    for name in names:
        where = norm.find(name, at)
        found.append(text[where : where + len(name)] if where >= 0 else name)
        at = where + len(name) if where >= 0 else at
    return found
