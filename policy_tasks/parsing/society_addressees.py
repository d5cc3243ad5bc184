"""A campaign notice's addressees outside the government: the bodies of society it charges as a sentence's subject.

A county's campaign notice (文明出行, 电动自行车治理, 垃圾分类) charges, beside its bureaus, the bodies of society that
must take part: `全县各企事业单位、居(村)民委员会、学校、新闻媒体和其他社会组织应当…开展…宣传活动`. The list is
the item's subject: a group of the place's enterprises and institutions first (`全县各企事业单位`, `各机关企事业单位`),
then the bodies each kind names (居(村)民委员会, 学校, 新闻媒体, 医院 …); the first leads and the others help, as any
list of units does. A closing `其他社会组织` / `其他单位` names no one and is left out, as a bare `相关部门` is. The list
must open with such a group: `学校、家长要…` or `广大群众要…` is no list of addressees.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .textutil import normalise

_GROUP_RE = lazy_compile(
    r"^(?:全(?:省|市|县|区|镇|乡)|本(?:市|县|区))?各(?:级)?(?:机关)?(?:企事业单位|企业事业单位|机关单位|单位)$"
)
_BODY_RE = lazy_compile(
    r"^(?:各类?|各级)?(?:居\(村\)民委员会|村\(居\)民委员会|居民委员会|村民委员会|居委会|村委会|村\(社区\)|社区|学校|"
    r"中小学校?|新闻媒体|媒体|医疗机构|医院|行业协会|社会团体|群团组织|物业服务企业|物业公司)$"
)
_OTHERS_RE = lazy_compile(r"^(?:其他|其它)[\u4e00-\u9fff]{0,4}(?:组织|单位|机构)$")
_JOINERS_RE = re.compile(r"、|和|及|以及")


def society_list(names: str) -> list[str] | None:
    """The addressees a society list names (the closing `其他…组织` left out), or None when `names` is no such list."""
    parts = [p for p in _JOINERS_RE.split(normalise(names).replace(" ", "")) if p]
    if len(parts) < 2 or not _GROUP_RE.match(parts[0]):
        return None
    if parts and _OTHERS_RE.match(parts[-1]):
        parts = parts[:-1]
    if not all(_BODY_RE.match(p) for p in parts[1:]):
        return None
    return parts
