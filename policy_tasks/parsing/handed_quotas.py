"""Tasks and quotas an item hands down to the level below: that level is charged with them.

A town's notice closes an item by handing its quotas to the villages, the figures in an annex (round 177):

    五、做好防汛队伍、器材储备工作的落实。…各单位要高度重视,按镇下达指标,抓紧落实。现将今年抢险队伍、防汛器材、物资任务,
    下达各村(详见附表)。

The group the tasks are handed to (`下达各村`, `分解下达到各乡镇`, `下达给各村(社区)`) is one addressee of the level below
and leads, as `各村要…` would; the bare `各单位` before it names no one (round 136).

Near cases: quotas the level above hands to the issuer (`按镇下达指标`, `上级下达的任务`), a report that tasks were handed
down (`已下达各村`), a group not of a level (`下达各单位`).
"""

from __future__ import annotations

from .group_openings import government_group
from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import LISTED

_HANDED_RE = lazy_compile(
    r"(?:任务|指标|计划)[,]?(?:分解)?(?<!已)下达(?:到|给|至)?(?P<towns>各[\u4e00-\u9fff()]{1,8}?)(?=[(。;,]|$)",
    needs="下达",
)


def quota_charge(text: str) -> Responsibility | None:
    """The group of the level below an item hands its tasks to, leading; or None."""
    norm = normalise(text)
    for m in _HANDED_RE.finditer(norm):
        if government_group(m["towns"]):
            found = Responsibility(origin="正文开头")
            found.roles[LISTED] = [text[m.start("towns") : m.end("towns")]]
            return found
    return None
