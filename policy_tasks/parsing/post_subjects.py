"""A meeting frame's first demand charging persons by their posts, not bodies (round 179).

A town's meeting report may open the meeting's frame by charging its own cadres and staff by post, then go on to its
bodies in a later `;`-part:

    会议强调,镇村干部、护林员要进一步提高思想认识,…;大力开展森林防火知识宣传,…;各村要调整充实森林防火工作领导小组,…;
    实行领导带班值班制度,护林员在森林防火期要坚持全天候巡山护林,…

The persons are that demand's leaders (README rounds 139, 156: posts held by persons, `cadre_posts`, `chief_posts`),
and the part opens a demand as a body's subject does (rounds 166-170): a demand naming no unit, the subjectless parts
after it going on with it, the next part opening with a body (`各村要…`) opening the next.

Near cases: a subject mixing a body with the persons (`镇交通劝导站及各村两委干部要…`: the body's, `cadre_posts`), a
unit ending in a person's word (`各成员单位`, `人员密集场所`), and a bare group (`各部门要…`), which stay as they were.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .textutil import split_top

# A post held by a person: cadres (`镇村干部`, `包村干部`), a system's staff (`护林员`, `防火员`, `网格员`), the levels'
# chiefs (`各级林长`), leaders on duty (`值班领导`).
_PERSON_RE = lazy_compile(
    r"^(?:各|全体|所有)?[\u4e00-\u9fff]{0,6}?(?:干部|[护巡防][林河湖火]员|网格员|信息员|(?:各级|[县乡镇村]级)[林河湖]长)$",
    needs="干部|员|长",
)

_SUBJECT_RE = lazy_compile(r"\s*(?P<names>[\u4e00-\u9fff、]{2,30}?)要(?![求点素件])", needs="要")


def persons_subject(names: str) -> bool:
    """Whether every name of the subject `names` (cut at `、` outside brackets) is a person's post."""
    parts = [names[a:b].strip() for a, b in split_top(names, "、")]
    return bool(parts) and all(_PERSON_RE.match(p) for p in parts)


def persons_charge(text: str, at: int) -> Responsibility | None:
    """The persons a demand opening at `at` charges by post before its `要` (`镇村干部、护林员要…`): its leaders, as
    written; None where the subject is no persons' posts."""
    m = _SUBJECT_RE.match(text, at)
    if m is None or not persons_subject(m["names"]):
        return None
    names = m["names"]
    return Responsibility(leaders=[names[a:b].strip() for a, b in split_top(names, "、")], origin="正文开头")
