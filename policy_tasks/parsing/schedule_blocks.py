"""A schedule block under an item: its quarter lines are the item's, blank lines between them or not.

A 民生实事 register page (`register_pages`) writes an item's schedule under a label of its own, a quarter a
paragraph, blank lines between them:

    进度安排

    第一季度:按《…》要求,落实托育机构备案制度。

    第二季度:配合市卫健委,…组建区级儿童早期发展科学育儿指导队伍。

After an item that has named its units, a paragraph after a blank line is no longer the item's (a page's prose, a
closing remark), and the quarters went unread but the first (round 132). The quarter lines are the schedule the label
opened: each is the item's, a milestone at the quarter's end (`schedule_entries`), up to the first line that is no
quarter's. A quarter line with no schedule label above it keeps the usual reading.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

# A quarter's line (`第一季度:`), also as a writer dates it by the quarter's last month (`3月底前:`) or with its year
# (`2021年第一季度:`).
QUARTER = r"(?:\d{4}年)?(?:第?[一二三四1-4]季度|(?:[1-9]|1[0-2])月底前?)"
QUARTER_LINE = rf"^{QUARTER}\s*:"
# The schedule's label, alone or run together with its first quarter by a join of label and value (`进度安排:第一季度:…`).
SCHEDULE_LABEL_RE = lazy_compile(
    rf"^(?:进度安排|进度计划|时间安排|实施进度|工作进度)\s*(?::\s*)?(?=$|{QUARTER}\s*:)", needs="进度|安排"
)
QUARTER_LINE_RE = lazy_compile(QUARTER_LINE, needs="季度|月底")


def schedule_lines(norms: list[str]) -> set[int]:
    """The numbers (1-based) of the quarter lines after a schedule label (see the module), each held to its item."""
    held: set[int] = set()
    open_block = False
    for i, norm in enumerate(norms):
        line = norm.strip()
        if not line:
            continue
        if SCHEDULE_LABEL_RE.match(line):
            open_block = True
        elif open_block and QUARTER_LINE_RE.match(line):
            held.add(i + 1)
        else:
            open_block = False
    return held
