"""A news report's closing paragraph after its leader's points: another official's briefing, and the writer's credit.

A county's report of a work meeting gives the leader's numbered demands and then, in a paragraph of its own, says what
another official did at the meeting, perhaps closed by the office that wrote the report (round 156):

    三要彻底整治、消除隐患。…保障群众生命财产安全和社会大局稳定。

    会上,县住建局党组书记、局长刘宇涛就自建房排查工作进行了安排部署。(政府办综合三科)

The paragraph reports what was done (`进行了`, `作了`), one sentence opening `会上,`: it charges no one and is no part
of the last point, and the bracket closing it is the writer's credit, never that point's unit. It is the report's own
paragraph whether or not a blank line sets it apart (a copy spaced double loses the blank lines' meaning), and its
credit may be cut by a wrapped line. Near cases: a speaker's
head over inline points (`会上,某某…进行了安排部署:一是…`, `minute_points`) ends in a colon, not a full stop; a
paragraph that demands (`会上,某某要求各乡镇要…`) is no report of work done.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

_REPORTED_RE = lazy_compile(
    r"^\s*会上\s*,[^。;:!?要]{0,80}?(?:进行了|作了|做了)[^。;:!?要]{0,40}。"
    r"\s*(?:[((][\u4e00-\u9fff]{0,15}[))]?)?\s*$",
    needs="会上",
)


def reported_closing(norm: str) -> bool:
    """`会上,某某就…进行了安排部署。(政府办综合三科)`: the report's own account after the points."""
    return bool(_REPORTED_RE.match(norm))
