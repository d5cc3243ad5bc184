"""The units a step names as its helpers in an adverbial: `在信息中心和各部门的配合下,在网上试运行…`.

An office's own task list names no one doing the work (the office itself), but a step may say who helps it: `在A和B的
配合下` (`的支持下`, `的协助下`), "with A's and B's help". A unit given only a helping part is co (round 62), so the named
units help and none leads (the list's owner is not named, round 106's task table with no unit column). The groups in
the phrase (`各部门`, `相关单位`) name no one, as in a plan (rounds 96/97); so does a body that is no unit (`在群众的配合下`).

Read last, in a clause naming no responsibility otherwise (`sentence_charges`), and only units in the phrase
(`unit_names.looks_like_units`); not where the clauses are chosen: helpers alone make no item a clause (round 124).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import CO
from .unit_names import VAGUE_RE, looks_like_units

_HELPED_RE = lazy_compile(
    r"在(?P<names>[\u4e00-\u9fff()、]{2,40}?)的(?:大力|积极|共同)?(?:配合|协助|支持|协同)下",
    needs="配合|协助|支持|协同",
)
_JOIN_RE = lazy_compile(r"、|和|及|与")
_GROUP_RE = lazy_compile(r"^(?:各|相关|有关|其他|其它)")


def helped_charge(text: str) -> Responsibility | None:
    """The helpers a `在A和B的配合下` phrase names (see the module docstring), or None."""
    norm = normalise(text)
    m = _HELPED_RE.search(norm)
    if m is None:
        return None
    found = Responsibility(origin="正文开头")
    s = m.start("names")
    for join in [*_JOIN_RE.finditer(norm, s, m.end("names")), None]:
        e = join.start() if join is not None else m.end("names")
        name = norm[s:e].strip()
        if name and not _GROUP_RE.match(name) and not VAGUE_RE.fullmatch(name) and looks_like_units(name):
            found.roles[CO].append(text[s:e].strip())
        s = join.end() if join is not None else e
    return found if found.found else None
