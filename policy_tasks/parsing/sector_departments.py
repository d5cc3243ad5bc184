"""Departments a plan's division of duties names by their sector or as a committee's own department, with no place.

A city's plan that divides the duties one department an item (`二、职责分工` / `(一)政法委负责…` / `(二)宣传部负责…` /
`(三)教育行政部门负责…`) writes each body as the city's own, its place being the plan's: a party committee's
departments by their own names (`宣传部`, `组织部`, `统战部`, as `政法委` already read by its 委), and the government's
departments by the sector they govern, closed by `部门` (`教育行政部门`, `公安部门`, `水利主管部门`), as a 分工 list
closed by `等有关职能部门` writes its bodies by sector (`clause_doubts`). Each is the unit as written, charged by its
item's opening `负责` / `要` (round 157). Only a sector names a body: `行政部门`, `有关部门`, `职能部门` name none, and
a group (`各教育行政部门`) is left to the group readers.

Under one `各级` a list of sectors sharing one `部门` written once (`各级政法、教育、水利、民政部门要…`: the
departments of those lines at every level) is one addressee, as `各级森林防火部门` is one (`group_openings`) and
as one `各` over levels joined by `、` is one (round 140); a second `各` (`各级政法、各级教育部门`) or a sector with its
own suffix parts them and is not read here (round 157). A copy's stray space inside the shared `部门` (`…民政部 门要…`)
is no part of the name, as round 85 writes a padded name whole: the subject is read across it and written without it.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .textutil import normalise

# The lines of government a plan names a department by.
SECTORS = (
    r"(?:政法|宣传|组织|统战|教育|公安|民政|水利|应急管理|应急|卫生健康|卫健|卫生|文化旅游|文旅|交通运输|交通|住房城乡建设|"
    r"住建|城乡建设|自然资源|生态环境|农业农村|农业|林业|财政|人力资源社会保障|人社|市场监管|市场监督管理|体育|司法行政|司法|"
    r"商务|发展改革|发改|工业和信息化|工信|城管|气象|妇联|共青团|团委)"
)
_PARTY_DEPARTMENT_RE = lazy_compile(r"^(?:宣传部|组织部|统战部|政法委)$")
# A township's one police station, known in its plan by its kind alone (`派出所要对…予以严厉打击`, round 185), as a
# committee's department is.
_TOWN_STATION_RE = lazy_compile(r"^(?:公安)?派出所$")
_SECTOR_DEPARTMENT_RE = lazy_compile(rf"^{SECTORS}(?:行政|主管)?部门$")
_LEVEL_SECTORS_RE = lazy_compile(rf"^各级{SECTORS}(?:、{SECTORS})+(?:行政|主管)?部门$")
# The same group opening a sentence with `要`, a stray space allowed inside its `部门`.
_LEVEL_SECTORS_SUBJECT_RE = lazy_compile(
    rf"(?P<names>各级{SECTORS}(?:、{SECTORS})+(?:行政|主管)?部 ?门)(?P<verb>要)(?![求点])", needs="各级"
)


def sector_departments(names: str) -> bool:
    """Whether every `、` part of `names` is a department named by its sector or a committee's department (above)."""
    parts = normalise(names).replace(" ", "").split("、")
    return all(
        _PARTY_DEPARTMENT_RE.match(p) or _TOWN_STATION_RE.match(p) or _SECTOR_DEPARTMENT_RE.match(p) for p in parts
    )


def level_sector_group(names: str) -> bool:
    """Whether `names` is one `各级` over sectors sharing one `部门` (`各级政法、教育、水利、民政部门`, above)."""
    return bool(_LEVEL_SECTORS_RE.match(normalise(names).replace(" ", "")))


def level_sector_subject(norm: str, start: int) -> re.Match[str] | None:
    """The `各级…部门要` subject opening at `start` (groups `names` and `verb`), its `部门` perhaps split by a space."""
    return _LEVEL_SECTORS_SUBJECT_RE.match(norm, start)
