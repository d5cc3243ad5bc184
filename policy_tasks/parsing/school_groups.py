"""A plan's schools taken together as one addressee: `各中小学校`, `各级学校`, `各学校、幼儿园`.

An education bureau's or a safety committee's plan on pupils' safety (防溺水, 校园安全) charges the schools as one group,
as a county's plan charges `各乡镇`: `各中小学校根据专项行动总体要求,进行专题部署` (a stage's subject, round 77's
reading), `各级学校主要负责同志要切实履行第一责任人责任` (the schools' heads made answerable by post: the heads are the
leader and the schools answer, round 95). One `各` (`各级`, `各类`) over kinds of school joined by `、` is one addressee,
as one `各` over levels is (round 140). A school named alone (`县第一中学`) is a unit already (`org_ends`); `学校` bare,
`全体学生`, `各班级` name no group of schools (round 157).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .textutil import normalise

_KIND = r"(?:中小学校|中小学|学校|幼儿园|中学|小学|中职学校|高校)"
_SCHOOLS_RE = lazy_compile(rf"^各(?:级|类|级各类)?{_KIND}(?:、{_KIND})*$")


def school_group(names: str) -> bool:
    """Whether `names` is the schools taken together under one `各` (above)."""
    return bool(_SCHOOLS_RE.match(normalise(names).replace(" ", "")))


# A later sentence charging the schools (`。各学校、幼儿园要通过主题班会…`), after a sentence's end.
_LATER_RE = lazy_compile(
    rf"[。;]\s*(?P<names>各(?:级|类|级各类)?{_KIND}(?:、{_KIND})*)(?:要(?![求点])|应当|须)", needs="各"
)


def later_school_groups(norm: str, after: int) -> list[tuple[int, int]]:
    """The spans of the school groups charged as the subjects of the sentences of `norm` after `after` (above)."""
    return [(m.start("names"), m.end("names")) for m in _LATER_RE.finditer(norm, after)]
