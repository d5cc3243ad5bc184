"""A meeting report's attendance line: who sat in, never who answers.

A government's report of its 常务会议 closes, after its last decision, with the offices that attended or sat in
(round 151):

    4、要强化督查。区委督委办、区政府督查室要对工作落实情况实行一月一调度、一月一通报。…
    列席会议的有:发改局、教体局、工信局、住建局、商务局、行政审批局、市场监管局、综合行政执法局

The line is a record of the meeting, as its date and place are: it charges no one, so it is neither the last point's
unit cell (a flattened table's line of units under an item that named none, `outline_lines`) nor any point's text. It
ends the points, as a notice's 落款 does. The forms: `列席会议的有:`, `出席会议的有:`, `参加会议的有:`, `列席会议单位:`,
`参会单位:`, `列席:`, `出席:` (an event's `参加人员:` field inside an item is another matter: `unit_labels` ends a unit
list there). Near cases: `参加单位:` in a plan (a campaign's participants, who may be charged) and a sentence about
attending (`列席会议的单位要…`, a demand) are no attendance line.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

# The record's head, then a colon, then the names; the line holds no demand before its colon.
_ATTENDANCE_RE = lazy_compile(
    r"^(?:(?:列席|出席|参加|参与)会议(?:的有|的单位有|的同志有|人员|单位|领导)"
    r"|参会(?:人员|单位|领导)|列席(?:人员|单位)?|出席(?:人员|领导)?)\s*[:]",
    needs="列席|出席|参加|参与|参会",
)


def attendance_line(norm: str) -> bool:
    """`列席会议的有:发改局、教体局…`: the meeting's attendees closing its report (see above)."""
    return bool(_ATTENDANCE_RE.match(norm.strip()))
