"""A leader written with the post before the name (`副县长张明`, `常务副区长王明`, `县长助理李四`).

Division-of-work lists name the leader who answers for a task by post, by name, or by both; with
both, the post may follow in brackets (`张明(县政府副县长)`, `unit_names`) or come first, as a
leader is addressed: `副县长张明`. Such a name is a person, never a unit, wherever it stands (a
bracket's `副县长张明负责`, a 牵头县领导 cell). The name after the post is two or three characters,
not a body's word (`市长热线办公室`, `主任会议` stay what they are).
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile

_TITLED_NAME_RE = re.compile(
    r"[\u4e00-\u9fff]{0,8}?(?:书记|区长|县长|市长|省长|州长|盟长|旗长|镇长|乡长|局长|主任|部长|秘书长|主席)"
    r"(?:助理)?(?P<name>[\u4e00-\u9fff]{2,3})"
)
# What follows a post in the name of a body or an event rather than a person (`市长热线办公室`,
# `主任会议`, `县长信箱`): a name ends in no body's word.
_NOT_A_NAME_RE = lazy_compile(r"(?:局|委|办|厅|院|中心|室|队|所|站|组|团|处|股|会议|信箱|热线|公开|接待日?)$")


def titled_name(norm: str) -> bool:
    """A post followed by a person's name (`norm`: normalised, no spaces)."""
    m = _TITLED_NAME_RE.fullmatch(norm)
    return m is not None and not _NOT_A_NAME_RE.search(m["name"]) and not _NOT_A_NAME_RE.search(norm)
