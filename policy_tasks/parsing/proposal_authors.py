"""A proposal's authors are counted, not committed to.

Lists of deputies' proposals (人大代表建议 / 议案) and of members' proposals (政协提案), and the
交办 lists that assign them to a 主办单位 and its 协办单位, name who put each one forward, often with
a count of persons: `高军会等13名代表提出的“…建设的议案”`, `李明等12名委员联名提出`. The count says
how many people wrote the proposal; it is no quantity the units that handle it commit to, whatever
verb the proposal's title holds (`建设`, `打造`). A count of deputies or members followed by the
verb of putting forward (提出, 提交, 联名, 领衔) is such a count; a count of people the work itself
concerns (`培训50名乡村医生`, `选派10名代表参加`) is not.
"""

from __future__ import annotations

import re

_AUTHOR_COUNT = re.compile(
    r"\d+\s*名\s*(?:全国|省|市|州|县|区)?(?:人大|政协)?(?:代表|委员)\s*(?:共同|联合)?\s*(?:联名|领衔)?\s*(?:提出|提交|联名|领衔)"
)


def author_count_spans(norm: str) -> list[tuple[int, int]]:
    """Spans of `N名代表提出` / `N名委员联名` in a normalised text: the number of a proposal's authors."""
    if "名" not in norm:
        return []
    return [(m.start(), m.end()) for m in _AUTHOR_COUNT.finditer(norm)]
