"""A notice that issues nothing: its requirement charging everyone it is sent to (`各单位要…`) is a clause with no unit.

A notice standing alone (no plan, breakdown or list issued with it) sends its own numbered requirements to the groups
its salutation names, and those requirements are the work itself (厦门 2009's notice collecting proposal material):

    各区人民政府,市直各委、办、局,各开发区管委会:
    一、…。各有关单位要高度重视,及时部署材料的征集工作。
    三、各单位要按照议案、建议、提案材料的基本要求,加强调查研究,…
    四、各单位要认真做好所收集材料的审核把关和整理工作,…于2009年11月13日前将书面材料报送市政府办公厅,…

A bare `各单位` names no unit (corpus README, rounds 101/141), but the item charges every addressee with a duty a
supervisor tracks (四's report date): a clause naming no unit, as a minute's silent points are (round 73; round 136:
round 101's rule, which drops such a requirement beside charged ones, is a covering notice's). So beside a requirement
that names its unit (`各有关单位要…`, `concerned_units`) the one addressed to everyone stays a clause.

Near cases that stay as they were: a covering notice issuing a plan or breakdown (`issuing`, `notice_roles.BREAKDOWN`:
round 101's rule), a minute, a plan (no salutation of groups), and an item that does not open by charging the
addressees (`…的重要途径。各单位要…`: a sentence of prose first is read as the parser reads prose).
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .textutil import normalise

# Everyone the notice is sent to, as the subject of a charge (`各单位要…`, `各单位都要…`, `各单位务必…`).
_ALL_ADDRESSED_RE = lazy_compile(r"各单位(?:都|也|还|均)?(?:要(?![求点素])|应当|必须|务必|须(?!知))", needs="各单位")
# The salutation's groups (`addressee_groups` kinds) a notice sends its requirements to.
_SALUTED = frozenset({"places", "departments"})
_BREAKDOWN = "breakdown"
# An item's short title on a line of its own (`三、加强调研` / `各单位要…`).
_TITLE_LINE_RE = re.compile(r"^[^。;,!?\n]{2,30}\n")


def addressed_to_all(own_text: str, groups: frozenset[str]) -> bool:
    """Whether, in a notice to groups of places or departments that issues no breakdown, an item opens by charging
    everyone addressed (`各单位要…`). The caller knows whether the notice issues a plan or is a minute."""
    if not groups & _SALUTED or _BREAKDOWN in groups:
        return False
    norm = normalise(own_text)
    title = _TITLE_LINE_RE.match(norm)
    return any(_ALL_ADDRESSED_RE.match(norm, start) for start in (0, title.end() if title else 0))
