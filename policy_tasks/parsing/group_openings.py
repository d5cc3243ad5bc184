"""An item whose paragraph opens with a group of local governments as the subject of `要`.

A county's 意见 or 方案 often names no bracket and no label: each measure's paragraph opens with who
must do it, and that is the governments of one level taken together, `各乡镇人民政府要严格执行…`,
`各县(市、区)政府要…`, `各镇(街道)要…` (after the item's title line or title sentence, as
`role_sentences` reads `州政府督查室要…`). Such a group is one addressee (as `各乡镇(街道)` is in a
bracket), and the item charges it. The group must be `各` and levels of local government (乡镇, 县,
市, 区, 街道…, with the levels it also covers in brackets), optionally closed by the government
(`人民政府`, `政府`, `党委和政府`, `街道办事处`); a vague subject (`各地`, `各部门`, `各单位`, `有关部门`)
names no addressee and charges no one.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .textutil import normalise

_LEVEL = r"(?:县级市|乡镇|县|市|区|乡|镇|旗|州|街道|街)"
_GOVERNMENTS_RE = lazy_compile(
    rf"^各(?:{_LEVEL}(?:\({_LEVEL}(?:、{_LEVEL})*\))?、?)+"
    r"(?:人民政府|政府|党委和政府|党委、政府|党委政府|街道办事处|办事处)?$"
)


def government_group(names: str) -> bool:
    """Whether `names` is one group of local governments (`各乡镇人民政府`, `各县(市、区)政府`)."""
    return bool(_GOVERNMENTS_RE.match(normalise(names).replace(" ", "")))
