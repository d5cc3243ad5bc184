"""A news report's problems printed as photo captions: `图①:九龙大道…没有创建公益广告。责任单位:县交通局。`.

A county paper reporting an inspection (督查, 暗访, 曝光) shows what the inspectors found as photos, one problem a
photo, each captioned with the photo's number, the problem and the unit that must fix it:

    图①:九龙大道两侧公交车站台没有创建公益广告。责任单位:县交通局。
    图②:湖中路财富广场建筑工地东北角围墙广告画面破损。责任单位:县住建局。

The captions are the report's list of problems: the photo's number (`图①`, `图1`) numbers the item, cited as the
page prints it, and the caption's 责任单位 field assigns it. Read so only where the page captions at least two
photos that way, the first and the second, and two captions name their unit (`责任单位:`, `整改单位:`): a plan's
figure titles (`图1:组织架构图`, `图2:工作流程图`) name no unit, and a report citing a photo inside a sentence
(`如图①所示`) opens no line with it.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

# The caption's number after `图`, closed by a colon (or a space before the caption's words).
MARKER = r"图\s*(?P<n>[①-⑳]|\d{1,2})(?:\s*:\s*|\s+)"
_CAPTION_RE = lazy_compile(r"^图\s*(?P<n>[①②]|[12](?!\d))(?:\s*:|\s)", needs="图")
_ANY_CAPTION_RE = lazy_compile(r"^" + MARKER, needs="图")
_UNIT_FIELD_RE = lazy_compile(r"(?:责任|整改|主体责任|牵头)单位\s*:", needs="单位")


def captioned(norms: list[str]) -> bool:
    """The page captions its photos as a list of problems (see above)."""
    numbers = {m["n"] for norm in norms if (m := _CAPTION_RE.match(norm))}
    if not ({"①", "②"} <= numbers or {"1", "2"} <= numbers):
        return False
    return sum(1 for norm in norms if _ANY_CAPTION_RE.match(norm) and _UNIT_FIELD_RE.search(norm)) >= 2
