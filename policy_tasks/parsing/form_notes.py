"""A list's notes under its items: `填表说明`, `说明:` and their numbered points are no tasks.

A task table sent to be filled in (a 任务分解表, a 进展情况表) closes with notes on how to fill it:
`填表说明:1.牵头单位负责汇总…2.每月5日前报送…`, `填报说明`, `填写说明`, in the document under the
table or on a sheet of their own. Their numbers restart at 1 and read like items, but they tell
the offices how to fill the form in, not what to do. Once such a line follows the plan's items,
the lines after it are loose lines, up to the next `附件` (another annex starts its own plan). So are
they after a line that is nothing but a notes heading (`说明:`, `备注:`, `注:`, `填报说明:`), whose
numbered lines say how to report on the list (`1.请各单位于每月5日前报送…`).
"""

from __future__ import annotations

import re

# Only the words that name notes on a form: a bare `说明` or `备注` may head a clause's own remark.
_FORM_NOTES_RE = re.compile(r"^(?:填表|填报|填写)(?:说明|须知)\s*[:：]?")
# A bare `说明` or `备注` with words after it may be a clause's own remark: only the line alone heads notes.
_NOTES_HEADING_RE = re.compile(r"^(?:填报|填表|有关)?(?:说明|备注|注)\s*[:：]?$")


def notes_line(norm: str) -> bool:
    """Public: `norm` (a stripped, normalised line) opens the notes under a list."""
    return bool(_FORM_NOTES_RE.match(norm) or _NOTES_HEADING_RE.match(norm))
