"""A meeting's arrangement that charges staff posts, not bodies (round 139).

A town's meeting report may give a point to the staff who do the work, each named by its body and its post:
`三是由禁毒办专干对5个村委会8名社区戒毒专干…进行规范指导,各个村委会社区戒毒专干为本辖区戒毒人员建立一个档案`.
The posts are the point's leaders and the bodies whose staff they are answer for it (as rounds 95 and 106 read a
post made answerable): the first body leads, the others help. A bare post keeps its body in its name
(`禁毒办专干`); a post that names its work stands alone (`社区戒毒专干`). A part only opens so when a body is named
before the post and the post acts (`对`, `为`, `要`, `负责`): `8名社区戒毒专干` (counted, no body), `专干要…` (no body)
and a person's name (`张三专干`) charge no one.
"""

from __future__ import annotations

from .group_openings import government_group
from .lazy_patterns import lazy_compile
from .person_names import is_person
from .responsibility import Responsibility
from .role_sentences import reads_as_units
from .textutil import normalise
from .unit_colon_items import office_names
from .unit_labels import CO, LISTED

_PART_RE = lazy_compile(
    r"(?:^|[,;。:])\s*(?:[一二三四五六七八九十]{1,2}是)?由?"
    r"(?P<body>[\u4e00-\u9fff()]{2,12}?(?:办|委会|所|站|中心|局|委))(?P<post>[\u4e00-\u9fff]{0,6}?专干)"
    r"(?:对|为|要(?![求点])|负责)",
    needs="专干",
)


def _body(name: str) -> bool:
    group = name.replace("各个", "各", 1)  # `各个村委会`: each village committee, as `各村委会`
    return not is_person(name) and (reads_as_units(name) or office_names(name) or government_group(group))


def post_charge(text: str) -> Responsibility | None:
    """The bodies whose posts a minute's point charges, their posts as its leaders; None when no part opens so."""
    norm = normalise(text)
    found = Responsibility(origin="纪要正文")
    for m in _PART_RE.finditer(norm):
        body, post = text[m.start("body") : m.end("body")], text[m.start("post") : m.end("post")]
        if not _body(body):
            continue
        role = CO if found.roles[LISTED] else LISTED
        if body not in found.roles[LISTED] + found.roles[CO]:
            found.roles[role].append(body)
        leader = body + post if post == "专干" else post
        if leader not in found.leaders:
            found.leaders.append(leader)
    return found if found.roles[LISTED] else None
