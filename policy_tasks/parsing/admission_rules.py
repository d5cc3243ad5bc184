"""An item made only of a collection's rules of admission (`…的事项,必须是…`; `…的事项,不作为…材料`) charges no one.

A notice collecting material for the deputies' and members' proposals (`征集…议案建议提案材料的通知`) sets out what the
material may be as an item of its own, in several sentences: what it must be, then what does not qualify:

    二、全国“两会”议案、建议、提案反映的事项,必须是解决权限属于国家机关且我省已将相关材料上报的事项。国家机关已经予以
    解决…的事项,不作为全国“两会”议案、建议、提案材料;属于学术探讨…的,也不作为“两会”议案、建议、提案材料。

Every part (`。`, `;`) is a rule with no body to do anything: the case, then what it must be (`必须是`, `应当是`) or
what is not done with it (`不作为`, `不列为`, `不予受理`). Round 142's `criterion_items` reads the one-sentence form
that opens with `属于` / `凡` / `对`; this reads the item of several such rules, whatever its cases open with (corpus
README round 142: a criterion charging no one is no clause).

Near cases that stay clauses: an item whose parts include a duty (`各单位要…。…的,不作为…`), a case naming its doer
(`各单位对…的问题,不得列入…`, `由…`), and a case whose `必须` governs an act, not `是` (`…的材料,必须在11月13日前报送`).
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .textutil import normalise

_CASE = r"[^。;:]{2,80}?的(?:问题|事项|项目|内容|建议|提案|议案|材料|情形|情况)?,"
# What is not done with the case.
_EXCLUDED_RE = lazy_compile(
    rf"^{_CASE}(?:一律|原则上|均|则|也|都)?不(?:列为|列入|纳入|作为|予|再|得列为|得列入|得纳入|得作为)[^。;]{{0,40}}$",
    needs="不",
)
# What the case must be: the modal before `是` (a definition), never before an act.
_REQUIRED_RE = lazy_compile(rf"^{_CASE}(?:必须|应当|应|须)是[^。;]{{2,80}}$", needs="是")
# A case naming who acts: a group or a unit as its subject (`各单位对…`), the doer framed (`由…`, `请…`), or a charge.
_DOER_RE = lazy_compile(r"^(?:各|由|请)|要(?![求素点])|负责")
_PARTS_RE = re.compile(r"[。;]")
_TRAILING_RE = re.compile(r"[??\s]+$")


def rules_only(own_text: str) -> bool:
    """Whether every part of an item's own text is a rule of admission (see the module): two parts or more."""
    norm = normalise(own_text).strip()
    # A copy's lost non-breaking space shows as `?` closing a paragraph.
    parts = [_TRAILING_RE.sub("", p.strip()) for p in _PARTS_RE.split(norm)]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return False
    return all(
        not _DOER_RE.search(p) and (_EXCLUDED_RE.match(p) is not None or _REQUIRED_RE.match(p) is not None)
        for p in parts
    )
