"""A floor on the year's total (`全年长效摆花不低于2600万盆`) is a year's quantity target.

`不低于` mostly sets the level of a benefit or a threshold (`补助标准不低于…`, `比例不低于30%`), which
commits no office to anything, so `milestones` passes such parts over. Where the part's own time phrase
is the year's total (`全年`, `2023年全年`), the floor is what the office must reach over the year, as
`全年建设零工驿站不少于100个` or `全年新增建设用地1000亩` is: the genre's yearly quantity target, read as one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .textutil import normalise
from .time_phrase import YEAR, TimePhrase

_FLOOR = "不低于"


def year_floor(part: str, own: Sequence[TimePhrase], exclude: re.Pattern[str]) -> bool:
    """Whether every word of `exclude` in `part` is a `不低于` that its own `全年` makes a year's target."""
    if not any(p.level == YEAR and normalise(p.text).strip().endswith("全年") for p in own):
        return False
    return all(m.group() == _FLOOR for m in exclude.finditer(part))
