"""The periods a report hands in covers date nothing: the report's due days do.

A breakdown's notice asks for its quarterly reports by their days and names what each covers
(`于4月15日、7月15日、10月15日及次年1月15日前,将第一、第二、第三季度及全年责任事项完成情况…报送`): the quarters
are the object of the report (`…情况`), the periods it tells of, not deadlines of their own (round 149). A quarter
with a deadline's word (`第三季度前报送…完成情况`, `三季度末`) or with work due in it (`第三季度完成…建设`) stays a
date.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

_QUARTER = r"(?:第?[一二三四1-4]季度|上半年|下半年|全年)"
_REPORTED_RE = lazy_compile(
    rf"(?:第?[一二三四1-4](?:季度)?[、,和及与])*{_QUARTER}(?:[、,和及与]{_QUARTER})*(?![前末底内])"
    r"(?=[^,;。!?\n]{0,12}?(?:完成|进展|落实|推进|执行)情况)"
)


def reported_quarter_spans(norm: str) -> list[tuple[int, int]]:
    """The spans of `norm` (normalised text) naming the periods a report covers (see the module)."""
    if "情况" not in norm:
        return []
    return [(m.start(), m.end()) for m in _REPORTED_RE.finditer(norm)]
