"""A town's meeting report whose last line before its points says the meeting made its arrangements (round 154).

A town's news report of a work meeting tells what the meeting read and passed on, then closes that paragraph with the
arrangements it made, the points following as paragraphs `一是…`, `二是…`:

    会议宣读了《…实施方案》,会议传达了区政府关于…会议精神,并作出工作安排。
    三是形成合力。充分发挥基层党组织的作战能力,各村委会要积极主动与公安司法配合,…

The line is the meeting's head over its decisions, as round 139's `会上,某某…对下一步的工作进行了安排部署:` is: the
report is a minute (`minute_subjects.is_minute`), each point a clause charged by the subjects of its parts (`各村委会要…`
after a part with no subject) and a silent point a clause with no unit. A copy that lost the page's breaks runs the line and its
points on after the report's opening (`…70余人参会。会议宣读了…,并作出工作安排。一是…。二是…`): `cut_arrangement_points`
parts them again, the line after a sentence end and each point in order after one. Near cases: a line reporting the
meeting with no arrangement (`会议传达了…精神。`), a plan's `工作安排` heading (a section title, no meeting), a speaker's
`…作了安排部署:` line (`minute_points.speaker_head`).
"""

from __future__ import annotations

from .head_points import cut_lines, head_point_parts
from .lazy_patterns import lazy_compile
from .textutil import normalise

# The meeting's own line, closing with its arrangements (`并作出工作安排。`, `并对下步工作作了部署。`).
_HEAD = (
    r"会议[^。\n]{0,160}?[,;]\s*(?:并|同时)?(?:对[^,。;:\n]{1,20}?)?(?:作出|做出|作了|进行了|进行)(?:工作|具体|全面)?"
    r"(?:安排部署|部署安排|安排|部署)\s*[。:]"
)
_HEAD_RE = lazy_compile(rf"^{_HEAD}$", needs="会议")
# The same line run on after the report's opening and before its first point, in a copy with no breaks.
_RUN_IN_RE = lazy_compile(rf"(?:^|(?<=[。;!?]))\s*(?P<h>{_HEAD})\s*(?=一是)", needs="会议 & 一是")


def arrangement_head(text: str) -> bool:
    """`会议宣读了…,并作出工作安排。`: a meeting report's line over the arrangements numbered below it."""
    return bool(_HEAD_RE.match(normalise(text).strip()))


def cut_arrangement_points(
    lines: list[tuple[str, bool]], origins: list[int]
) -> tuple[list[tuple[str, bool]], list[int]]:
    """The lines with a run-on `…会议…并作出工作安排。一是…。二是…` parted into the line and its points; each part keeps
    its line's number in `origins`."""
    return cut_lines(lines, origins, lambda text: head_point_parts(text, _RUN_IN_RE))
