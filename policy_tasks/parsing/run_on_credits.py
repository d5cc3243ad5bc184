"""The writer's credit a news report runs on to its last point's paragraph: no unit of that point.

A district's report of a meeting gives a leader's demands numbered inline (`周琪强调,一是…。二是…。叁是…`) and, where
the report ends with them, the office that wrote it closes the page in a bracket right after the last point's full stop
(round 162):

    叁是强化消防宣传教育,…形成人人讲消防、个个会应急的浓厚氛围。(区应急管理局)

It is the same credit round 156 reads after a paragraph of its own (`report_closings`: `…进行了安排部署。(政府办综合三
科)`): who wrote the report, never the unit of the last point, which a reader of bare unit brackets would take it for.
The credit is dropped from the page's lines before the outline reads them. It is read only where all of these hold:

- the line is the page's last, opening with a later point of the report's inline enumeration (`三是`, `叁是`, `四要`),
  the lines before holding that enumeration's `二是` (`二要`): a report's points, cut apart by `minute_points`; or the
  last paragraph holds the enumeration whole, its `二要` and a later point each after a sentence end (`向科军强调,一要…。
  二要…。三要…。(区融媒体中心 梁静)`, round 166);
- the bracket follows a sentence end and holds one office's name (or a writer's name), perhaps followed after a space by
  its writer's (`区融媒体中心 梁静`), and nothing else: no role word (`牵头`, `负责`, `配合`), no `、` listing units, no `等`;
- no earlier point closes with a bracket: where the points each carry their units in one (`…。(区住建局)`), the last
  one's is its units too.
"""

from __future__ import annotations

from .capital_numerals import CAPITAL_DIGITS
from .lazy_patterns import lazy_compile
from .org_ends import ORG_END_RE
from .person_names import is_person
from .textutil import normalise

Lines = list[tuple[str, bool]]

# A later point of the enumeration opening the line (`三是`, `叁是`, `四要`).
_LAST_POINT_RE = lazy_compile(rf"^\s*[三四五六七八九十{CAPITAL_DIGITS}]{{1,2}}[是要]")
_SECOND_POINT_RE = lazy_compile(r"^\s*[二贰][是要]")
# A paragraph holding the enumeration whole: `二要` and a later point, each after a sentence end.
_WHOLE_RE = lazy_compile(
    rf"[。;!?]\s*[二贰][是要].*[。;!?]\s*[三四五六七八九十{CAPITAL_DIGITS}]{{1,2}}[是要]", needs="是|要"
)
# A sentence end, then one bracket closing the line.
_CREDIT_RE = lazy_compile(
    r"(?<=[。!?])\s*\((?P<name>[\u4e00-\u9fff]{2,15})(?:\s+(?P<writer>[\u4e00-\u9fff]{2,4}))?\)\s*$", needs="("
)
_ROLE_RE = lazy_compile(r"牵头|负责|配合|参与|协助|责任|等|主办|承办")
# A point inside the whole paragraph closed by its own bracket (`…。(区住建局)二要…`): the points carry their units.
_INNER_BRACKET_RE = lazy_compile(
    rf"[。!?;]\s*\([^()]{{2,60}}\)\s*[二三四五六七八九十{CAPITAL_DIGITS}]{{1,2}}[是要]", needs="("
)
# Any earlier point (or its paragraph) closing with a bracket after its sentence end.
_CLOSING_BRACKET_RE = lazy_compile(r"[。!?;]\s*\([^()]{2,60}\)\s*$", needs="(")


def _credit(name: str) -> bool:
    """One office's name (`区应急管理局`) or a writer's (`鲁凤洋`), with no role word."""
    return not _ROLE_RE.search(name) and (bool(ORG_END_RE.search(name)) or is_person(name))


def drop_run_on_credit(lines: Lines) -> Lines:
    """The lines with a report's writer's credit cut from the end of its last point (see above)."""
    filled = [i for i, (text, _) in enumerate(lines) if text.strip()]
    if not filled:
        return lines
    last = filled[-1]
    text, splittable = lines[last]
    norm = normalise(text)
    whole = _WHOLE_RE.search(norm) is not None
    if not splittable or len(norm) != len(text) or not (_LAST_POINT_RE.match(norm) or whole):
        return lines
    if (m := _CREDIT_RE.search(norm)) is None or not _credit(m["name"]):
        return lines
    if m["writer"] is not None and not is_person(m["writer"]):
        return lines
    earlier = [normalise(t) for t, _ in lines[:last]]
    if not whole and not any(_SECOND_POINT_RE.match(e) for e in earlier):
        return lines
    if any(_CLOSING_BRACKET_RE.search(e) for e in earlier) or _INNER_BRACKET_RE.search(norm):
        return lines  # the points carry their units in closing brackets: the last one's is its own
    return [*lines[:last], (text[: m.start()].rstrip(), splittable), *lines[last + 1 :]]
