"""A report's leader who acts, then demands: `…局长某某进行了再部署,并强调:一是…` (round 164).

A county office's news report of a higher meeting it relayed ends with its own head's word after it, the leader
written once with post and name, what he did (`进行了再部署`, `作了讲话`, `主持会议`) and then, after a comma, his
demanding verb over points numbered inline:

    会议结束后,医保局局长蔺永强进行了再部署,并强调:一是…;二是要求全县各定点医疗机构…。三是…

The paragraph is the speaker's head over his points, as round 136's `县长张某强调:一是…` is; the occasion opening it
(`会议结束后,`, `会后,`) and the act before the verb stand in the head. Near cases that stay as they are: a head with
no post (`会议结束后,大家进行了讨论,并强调:一是…`, a group's words), a post with no act before the verb (read by
`minute_points` already), and a lone `一是` after the verb (no second point: prose).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .textutil import normalise

_POSTS = r"(?:县长|市长|区长|镇长|乡长|旗长|州长|书记|主任|局长|主席|部长|院长|所长)"
_ACTS = r"(?:进行了|作了|做了|作出了?|做出了?|主持|出席|传达)"
# The occasion (`会议结束后,`), the speaker by post and name and his act, then `并强调:` / `,要求:`.
_HEAD = (
    rf"(?:[^。;:,!?\n]{{1,12}},\s*)?[^。;:,!?\n]{{0,24}}?{_POSTS}[^。;:,!?\n]{{0,6}}?{_ACTS}[^。;:,!?\n]{{0,20}}?"
    r",\s*(?:并|随后|同时)?(?:强调|要求|指出|提出)\s*[:,]"
)
_INLINE_RE = lazy_compile(rf"^\s*{_HEAD}\s*(?=一是)", needs="一是")
_CUT_RE = lazy_compile(rf"^{_HEAD}$", needs=":|,")


def acting_head_end(norm: str) -> int | None:
    """Where such a head ends in a paragraph opening with it and its first point (`…并强调:一是…`); None otherwise."""
    m = _INLINE_RE.match(norm)
    return None if m is None else m.end()


def acting_head(text: str) -> bool:
    """`会议结束后,医保局局长蔺永强进行了再部署,并强调:`, the head cut from its inline points."""
    return bool(_CUT_RE.match(normalise(text).strip()))
