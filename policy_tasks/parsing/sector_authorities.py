"""The authorities of every sector for one kind of work, charged together as one addressee.

A province's or a city's meeting report charges, beside the places below it, the departments that oversee each
sector's share of the work: `各市(州)要履行…主体责任,…。各行业节能主管部门要切实落实“管行业、管节能”要求` (round
159's 能耗双控 meeting). `各行业主管部门` is one addressee in the corpus (rounds 73, 117: a group a reviewer maps, as
`各有关单位`); so is the group named for the work it oversees (`各行业节能主管部门`, `各行业安全生产主管部门`,
`各领域行业主管部门`), and a later sentence's such group helps the first subject as any later subject does
(`minute_subjects`).

Near cases that are no group: a sector's authority named singly (`行业主管部门`, no `各`: a bare kind of office), a
group of the departments concerned (`各有关部门`, `各相关部门`, read by the rules for those), and a long phrase ending in
`主管部门` that names work rather than a sector (`各行业加快推进…工作的主管部门`: more than six characters between).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

_SECTOR_AUTHORITIES_RE = lazy_compile(
    r"^(?:其他|其它)?各(?:行业|领域)(?!有关|相关)[\u4e00-\u9fff]{0,6}?主管部门$", needs="主管部门"
)


def sector_authorities(name: str) -> bool:
    """`各行业节能主管部门`, `各行业主管部门`: the sectors' authorities for a kind of work, one addressee."""
    return bool(_SECTOR_AUTHORITIES_RE.match(name.strip()))
