"""The bodies concerned, a later sentence's subject with no `要`, helping the unit a notice's item charges.

A notice's requirement names its subject with `要` (`各级政法、教育、水利、民政部门要将…纳入…`) and then, in a later
sentence, the bodies concerned taken together as those who work with it: `各有关部门对照部门责任清单、协同配合,主动
履职尽责,…`. The demand of the item's opening `要` carries on to that sentence, whose own words say the part it
charges (`协同配合`, `密切配合`, `协作联动`): the catch-all addressee helps, one addressee as written, as it does after
its own `要` (`group_role_subjects`, round 150; `各有关单位` kept whole, README). Only a catch-all of the bodies
concerned or the committee's members (`各有关部门`, `各相关单位`, `各成员单位`) is read so, and only after a subject
charged by `要` (the caller's): a report of what was done (`…协同配合,形成了合力`) charges no one, and neither does the
catch-all as an object (`加强与各有关部门的协同配合`) (round 157).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

# The catch-all opening a later sentence, then within its first part the words of working together.
_LATER_RE = lazy_compile(
    r"[。;]\s*(?P<names>各(?:有关|相关|成员)(?:部门|单位))"
    r"(?P<words>[^。;,要]{0,24}?(?:协同配合|密切配合|积极配合|协作配合|相互配合|协同联动|协作联动))[,。;]",
    needs="配合|联动",
)
# A sentence reporting what was done: `形成了合力`, `已建立`.
_DONE_RE = lazy_compile(r"了|已(?:经)?|业已", needs="了|已")


def later_concerned_helpers(norm: str, after: int) -> list[tuple[int, int]]:
    """The spans of the catch-all addressees helping in the sentences of `norm` after `after` (above)."""
    found = []
    for m in _LATER_RE.finditer(norm, after):
        end = next((i for i in range(m.end("words"), len(norm)) if norm[i] in "。;"), len(norm))
        if not _DONE_RE.search(norm, m.end("names"), end):
            found.append((m.start("names"), m.end("names")))
    return found
